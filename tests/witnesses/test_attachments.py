"""Identity documents and photos: encrypted files under TERGEU_HOME, read only with a reason, gone on forget."""

from __future__ import annotations

import stat

import pytest

from tergeu.core.protect import TamperedError
from tergeu.witnesses import attachments, service
from tergeu.witnesses.models import Attachment, RevealLog
from tergeu.witnesses.protection import files_folder

pytestmark = pytest.mark.django_db
PHOTO = b"\x89PNG synthetic photo of Canaryev " * 20


@pytest.fixture
def home(settings, tmp_path):
    settings.TERGEU_HOME = tmp_path / "home"
    return settings.TERGEU_HOME


def test_an_attachment_is_encrypted_at_rest_and_read_with_a_reason(home, witness) -> None:
    made = attachments.attach(witness, PHOTO, "passport-Canaryev.png", by="test")
    stored = files_folder(witness.public_id) / made.public_id
    assert stored.exists() and b"Canaryev" not in stored.read_bytes() and b"PNG" not in stored.read_bytes()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600 and stat.S_IMODE(stored.parent.stat().st_mode) == 0o700
    assert b"Canaryev" not in bytes(Attachment.objects.get().label)
    with pytest.raises(service.ProtectionRefused, match="reason"):
        attachments.read_attachment(made, actor="test", reason="")
    assert attachments.read_attachment(made, actor="test", reason="checking the passport") == (
        "passport-Canaryev.png", PHOTO)
    assert RevealLog.objects.get().reason.endswith("checking the passport")


def test_a_file_swapped_between_attachments_or_altered_fails(home, witness) -> None:
    first = attachments.attach(witness, PHOTO, "one.png", by="test")
    second = attachments.attach(witness, b"another synthetic scan", "two.png", by="test")
    folder = files_folder(witness.public_id)
    (folder / first.public_id).write_bytes((folder / second.public_id).read_bytes())
    with pytest.raises(TamperedError):
        attachments.read_attachment(first, actor="test", reason="checking the swap")


def test_forget_deletes_the_files(home, witness) -> None:
    attachments.attach(witness, PHOTO, "one.png", by="test")
    service.forget(witness, by="test")
    assert not files_folder(witness.public_id).exists() and not Attachment.objects.exists()
    with pytest.raises(service.ProtectionRefused, match="destroyed"):
        attachments.attach(witness, PHOTO, "again.png", by="test")
