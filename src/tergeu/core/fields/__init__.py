"""Canonical casualty fields and the parsing of list cells into them.

Lists arrive with their own headers (ФИО, Аты-жөні, Name) and their own ways of writing dates and sex;
this package turns a header into a canonical field and a cell into a normalised value, or explains
precisely why it cannot.
"""

from tergeu.core.fields.catalogue import (
    FIELDS,
    FieldSpec,
    field_names,
    field_spec,
    guess_columns,
    normalise_header,
)
from tergeu.core.fields.dates import DateError, parse_date
from tergeu.core.fields.values import (
    CellError,
    ParsedValue,
    is_missing,
    parse_age,
    parse_cell,
    parse_date_cell,
    parse_national_id,
    parse_sex,
    parse_text,
)

__all__ = [
    "FIELDS",
    "CellError",
    "DateError",
    "FieldSpec",
    "ParsedValue",
    "field_names",
    "field_spec",
    "guess_columns",
    "is_missing",
    "normalise_header",
    "parse_age",
    "parse_cell",
    "parse_date",
    "parse_date_cell",
    "parse_national_id",
    "parse_sex",
    "parse_text",
]
