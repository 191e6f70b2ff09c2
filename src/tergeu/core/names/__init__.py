"""Names, matching keys and Kazakh IINs for casualty records.

Pure standard-library code: it is shared by the web application, the command-line importers and
the estimation scripts, so it must not depend on Django or any other part of Tergeu.

* :func:`detect_script` - which alphabet a name is written in.
* :func:`matching_key`, :func:`skeleton_key` - ASCII keys that bring Kazakh Cyrillic, Russian
  Cyrillic and Latin spellings of one name close together.
* :func:`parse_name`, :func:`parse_name_parts` - given name, family name, patronymic, initials,
  stems and implied sex.
* :func:`in_nominative` - a name as documents decline it ("Ахметову Ерлану Сериковичу") in the nominative.
* :func:`is_unidentified` - a placeholder for a body not yet identified ("Неизвестный мужчина"), not a name.
* :func:`parse_iin`, :func:`iin_check_digit`, :func:`make_iin` - the 12-digit national ID.
"""

from .cases import in_nominative
from .iin import IinInfo, iin_check_digit, make_iin, parse_iin
from .keys import matching_key, skeleton_key
from .parse import NameKeys, NameToken, ParsedName, parse_name, parse_name_parts
from .script import Script, detect_script
from .unnamed import is_unidentified

__all__ = [
    "IinInfo",
    "NameKeys",
    "NameToken",
    "ParsedName",
    "Script",
    "detect_script",
    "iin_check_digit",
    "in_nominative",
    "is_unidentified",
    "make_iin",
    "matching_key",
    "parse_iin",
    "parse_name",
    "parse_name_parts",
    "skeleton_key",
]
