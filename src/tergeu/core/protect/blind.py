"""A keyed blind index of names: find a protected person again by name without storing any name.

Duplicate witnesses must be caught ("is this the man we already have as W-7F3K?") while no name is
searchable in the database. The name is reduced to the matching keys of ``core.names`` (which bring
Kazakh Cyrillic, Russian Cyrillic and Latin spellings together), and only an HMAC-SHA256 of each key,
under a key derived from the master key, is stored. Without the key file the tokens are useless for
guessing names: a dictionary attack needs the key. With it, the same name spelt another way yields a
common token.

Several tokens per name, from strict to loose: the full key (every part, in any order), the
given-plus-family key (patronymic left out), and the consonant skeleton. Each token carries its kind
so a loose match can be told from a strict one.
"""

from __future__ import annotations

import hashlib
import hmac

from tergeu.core.names import parse_name

from .envelope import MasterKey

KINDS = ("full", "given-family", "skeleton")


def _name_keys(name: str) -> dict[str, str]:
    keys = parse_name(name).keys
    given_family = " ".join(sorted(part for part in (keys.given, keys.family_stem) if part))
    found = {"full": keys.full, "given-family": given_family, "skeleton": keys.skeleton}
    return {kind: key for kind, key in found.items() if key.strip()}


def blind_tokens(master: MasterKey, name: str) -> dict[str, str]:
    """``{kind: token}`` for ``name``: hex HMAC-SHA256 of each matching key under the index key."""
    index_key = master.index_key
    return {kind: hmac.new(index_key, f"{kind}:{key}".encode(), hashlib.sha256).hexdigest()
            for kind, key in _name_keys(name).items()}
