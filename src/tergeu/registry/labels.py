"""Translated labels of the canonical casualty fields, of values derived from them, and of name parts.

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


NAME_PART_LABELS = {
    "script": _("Script"),
    "given": _("Given name"),
    "family": _("Family name"),
    "patronymic": _("Patronymic"),
    "given_initial": _("Initial of the given name"),
    "patronymic_initial": _("Initial of the patronymic"),
    "family_stem": _("Family name without its ending"),
    "patronymic_stem": _("Patronymic without its ending"),
    "implied_sex": _("Sex the name implies"),
}


def derived_label(key: str) -> str:
    """The label of a value derived at import, stored as ``<fact>_from_<field>`` (a birth date from the IIN)."""
    fact, _sep, source = key.partition("_from_")
    try:
        return _("%(fact)s, from the %(source)s") % {"fact": field_label(fact), "source": field_label(source)}
    except KeyError:
        return key  # a key written by an older import: shown as stored


def name_part_label(part: str) -> str:
    label = NAME_PART_LABELS.get(part)
    return str(label) if label is not None else part
