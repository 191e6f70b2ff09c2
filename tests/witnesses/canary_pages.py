"""Run in a subprocess by test_canary.py: request every face that could show a witness, as a handler.

Prints one JSON object: {name of the request: [status, body]}. It runs against the canary's own data
directory and database (the environment says which), so what the app writes while answering (logs,
sessions, the database) lands where the test searches.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tergeu.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

from tergeu.accounts.models import ApiToken  # noqa: E402
from tergeu.witnesses.models import Identity, ProtectedPerson  # noqa: E402

FOUR_EYES_REASON = "four-eyes canary motive"  # a needle of test_canary.py


def main(pseudonym: str, complaint: str, given: dict) -> None:
    canary_name = given["name"]
    person = ProtectedPerson.objects.get(pseudonym=pseudonym)
    handler = get_user_model().objects.get(username="handler")
    _token, secret = ApiToken.issue(handler, "canary")
    client, api = Client(), {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    client.force_login(handler)
    pid = person.public_id
    asks = {
        "dashboard": lambda: client.get("/witnesses/"),
        "person page": lambda: client.get(f"/witnesses/{pid}/"),
        "history page": lambda: client.get("/history/"),
        "registry search": lambda: client.get("/registry/", {"q": "Canaryev"}),
        "home": lambda: client.get("/"),
        "api list": lambda: client.get("/api/witnesses", **api),
        "api person": lambda: client.get(f"/api/witnesses/{pid}", **api),
        "api records search": lambda: client.get("/api/records", {"q": "Canaryev"}, **api),
        "api refused body": lambda: client.post("/api/witnesses", {"name": [canary_name], "contact": 5},
                                                content_type="application/json", **api),
        "api short reason": lambda: client.post(f"/api/witnesses/{pid}/reveal", {"reason": "x"},
                                                content_type="application/json", **api),
        "not found page": lambda: client.get("/witnesses/aaaaaaaaaaaaaaaaaaaaaaaaaa/"),
        "reveal without reason": lambda: client.post(f"/witnesses/{pid}/reveal/", {"reason": ""}),
    }
    answers = {name: ask() for name, ask in asks.items()}
    answers.update(_cases(client, api, complaint, given["code"], given["old"]))
    # An error page provoked: one sealed field altered, then the person's page read (it must fail closed).
    identity = Identity.objects.get(person=person)
    sealed = bytearray(bytes(identity.name))
    sealed[-1] ^= 1
    Identity.objects.filter(pk=identity.pk).update(name=bytes(sealed))
    answers["tampered reveal"] = client.post(f"/witnesses/{pid}/reveal/", {"reason": "reading after tampering"})
    answers["tampered api reveal"] = client.post(f"/api/witnesses/{pid}/reveal", {"reason": "reading after tampering"},
                                                 content_type="application/json", **api)
    Identity.objects.filter(pk=identity.pk).update(name=bytes(identity.name))
    answers["reveal"] = client.post(f"/witnesses/{pid}/reveal/", {"reason": "checking the canary's file"})
    with override_settings(TERGEU_REVEAL_FOUR_EYES=True):  # a request for approval, with its reason
        answers["four eyes request"] = client.post(f"/witnesses/{pid}/reveal/", {"reason": FOUR_EYES_REASON})
        answers["history page after four eyes"] = client.get("/history/")
    served = {name: [r.status_code, r.content.decode("utf-8", "replace")] for name, r in answers.items()}
    # The search page echoes the words searched for (the box, the sort links): what must hold no witness is
    # its table of results.
    status, page = served["registry search"]
    served["registry search"] = [status, page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]]
    print(json.dumps(served))


def _cases(client: Client, api: dict, complaint: str, code: str, old: str) -> dict:
    """The complaint's faces: the handler's pages and API, then the status page opened with the code (a
    client of its own, as the complainant's phone), a message left there, and the complaint page again."""
    phone, answers = Client(), {}
    answers["old code"] = phone.post("/status/", {"code": old})  # rotated away: a 404
    answers["status opened"] = phone.post("/status/", {"code": code})
    answers["status page"] = phone.get("/status/case/")
    answers["status message"] = phone.post("/status/message/", {"text": "a canary message for the handlers"})
    for name, url in (("complaints page", "/cases/complaints/"), ("complaint page", f"/cases/complaints/{complaint}/"),
                      ("cases page", "/cases/"), ("funnel page", "/cases/funnel/"),
                      ("api complaints", "/api/cases/complaints"),
                      ("api complaint", f"/api/cases/complaints/{complaint}"), ("api funnel", "/api/cases/funnel")):
        answers[name] = client.get(url, **(api if name.startswith("api") else {}))
    return answers


def make_handler() -> None:
    """The handler the canary is shared with (an investigator); no password: the pages sign in directly."""
    from django.contrib.auth.models import Group

    from tergeu.accounts.roles import INVESTIGATOR, ensure_role_groups

    ensure_role_groups()
    handler = get_user_model().objects.create_user("handler")
    handler.groups.add(Group.objects.get(name=INVESTIGATOR))


if __name__ == "__main__":
    if sys.argv[1] == "--make-handler":
        make_handler()
    else:
        main(sys.argv[1], sys.argv[2], json.loads(sys.stdin.read()))  # name and code on stdin, not in argv
