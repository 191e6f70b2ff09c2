"""Which sources and claims a user may see: the only place provenance defines it.

Roles that see every list see every source. Others see the sources of the lists they may see: a
source with no list yet stays hidden from them, as its name alone may say what is being collected.
A claim is seen when its subject is seen and, if it came from a list's row, that row is seen too (a
fact about a person must not leak from a list the user may not see). A citation is seen when the row
it cites and its source are both seen.

Provenance sits below the domain apps, so it names their models only through its own relations
(``Source.lists``, ``Claim.record``) and the visibility each domain declared.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from tergeu.accounts.access import register_visibility, visible_models, visible_to
from tergeu.accounts.roles import VIEW_ALL_LISTS, role_allows
from tergeu.provenance.models import Citation, Claim, Source


def visible_sources(user: Any) -> QuerySet[Source]:
    if role_allows(user, VIEW_ALL_LISTS):
        return Source.objects.all()
    list_model = Source._meta.get_field("lists").related_model
    return Source.objects.filter(pk__in=visible_to(user, list_model).values("source_id"))


def visible_claims(user: Any) -> QuerySet[Claim]:
    if role_allows(user, VIEW_ALL_LISTS):
        return Claim.objects.all()
    subjects = Q(pk__in=[])
    for model in visible_models(subjects_only=True):
        subjects |= Q(subject_type=ContentType.objects.get_for_model(model),
                      subject_id__in=visible_to(user, model).values("pk"))
    row_model = Claim._meta.get_field("record").related_model
    from_rows = Q(record__isnull=True) | Q(record__in=visible_to(user, row_model).values("pk"))
    return Claim.objects.filter(subjects, from_rows)


def visible_citations(user: Any) -> QuerySet[Citation]:
    """Citations of a row the user may see, from a source the user may see (for every role: a role that
    sees every list still does not see every row, a grant for instance)."""
    cited = Q(pk__in=[])
    for model in (*visible_models(subjects_only=True), Claim):  # what may be cited: subjects, and claims
        cited |= Q(cited_type=ContentType.objects.get_for_model(model),
                   cited_id__in=visible_to(user, model).values("pk"))
    return Citation.objects.filter(cited, source__in=visible_sources(user).values("pk"))


def register() -> None:
    register_visibility(Source, visible_sources)
    register_visibility(Claim, visible_claims, about_others=True)
    register_visibility(Citation, visible_citations, about_others=True)
