"""The access code a complainant uses on the status page, without an account.

Twenty letters, no digits, none that look like a digit or another letter when read aloud or written
by hand (no B/8, G/6, I/1, O/0, S/5, Z/2): ``KXMPT-RAWHD-NCEFL-YQUVJ``, 20 letters in four groups of five,
about 86 random bits. Typed on a Kazakh or Russian phone keyboard, Cyrillic letters that look like Latin
ones (А, Е, К, М, Н, Р, С, Т, Х, У) are read as those. Only an HMAC of the normalised code, under a
key the caller keeps outside the database, is stored: a stolen database does not open any status page.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

CODE_ALPHABET = "ACDEFHJKLMNPQRTUVWXY"
CODE_GROUPS = 4
CODE_GROUP_LENGTH = 5
_CYRILLIC = str.maketrans("АЕКМНРСТХУ", "AEKMHPCTXY")
_SEPARATORS = str.maketrans("", "", " -–—_.\t\n")


def new_code() -> str:
    """A fresh code, in groups separated by hyphens (as printed in the letter)."""
    groups = ("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH)) for _ in range(CODE_GROUPS))
    return "-".join(groups)


def normalise_code(text: str) -> str:
    """The code as typed → its letters only, upper case, Cyrillic look-alikes read as Latin.

    Anything else is kept as typed (then it matches no code), so a wrong code is never "corrected" into
    somebody else's.
    """
    return (text or "").upper().translate(_CYRILLIC).translate(_SEPARATORS)[:200]


def code_hash(key: bytes, text: str) -> str:
    """The keyed hash stored for a code (hex HMAC-SHA256 of its normalised form)."""
    return hmac.new(key, b"tergeu-status-code:" + normalise_code(text).encode("utf-8"), hashlib.sha256).hexdigest()
