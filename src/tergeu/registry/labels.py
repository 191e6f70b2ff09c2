"""Translated labels of the canonical casualty fields.

``tergeu.core.fields.FIELDS`` stays free of Django, so its English labels are repeated here, marked
for translation, where ``makemessages`` finds them. A test keeps the two in step.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from tergeu.core.fields import field_spec

FIELD_LABELS = {
    "full_name": _("Full name"),
    "family_name": _("Family name"),
    "given_name": _("Given name"),
    "patronymic": _("Patronymic"),
    "date_of_birth": _("Date of birth"),
    "age": _("Age"),
    "sex": _("Sex"),
    "national_id": _("National ID (IIN)"),
    "date_of_death": _("Date of death"),
    "place_of_death": _("Place of death"),
    "region": _("Region"),
    "circumstances": _("Circumstances of death"),
    "source_record_id": _("Number in the source list"),
    "notes": _("Notes"),
    "date_recorded": _("Date recorded (death on or before)"),
}


def field_label(name: str) -> str:
    """The label of a canonical field in the active language (KeyError for an unknown field)."""
    label = FIELD_LABELS.get(name)
    if label is None:
        return field_spec(name).label  # raises KeyError naming the known fields
    return str(label)
