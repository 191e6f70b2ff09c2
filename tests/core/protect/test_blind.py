"""The blind index: spellings of one name share a token, other names and other keys do not."""

from __future__ import annotations

from tergeu.core.protect import KINDS, MasterKey, blind_tokens

MASTER = MasterKey(bytes(range(32)))


def _shared(first: str, second: str, master: MasterKey = MASTER) -> set[str]:
    a, b = blind_tokens(master, first), blind_tokens(master, second)
    return {kind for kind in a if b.get(kind) == a[kind]}


def test_kazakh_russian_and_latin_spellings_collide() -> None:
    assert _shared("Жанболат Нурланов", "Zhanbolat Nurlanov") == set(KINDS)
    assert _shared("Жанболат Нурланов", "NURLANOV JANBOLAT") == set(KINDS)
    assert "given-family" in _shared("Нурланов Жанболат Серикович", "Zhanbolat Nurlanov")


def test_different_names_share_no_token() -> None:
    assert _shared("Жанболат Нурланов", "Айгерим Ахметова") == set()


def test_tokens_depend_on_the_key_and_hold_no_name() -> None:
    other = MasterKey(bytes(range(1, 33)))
    assert _shared("Жанболат Нурланов", "Жанболат Нурланов", other) == set(KINDS)
    assert set(blind_tokens(MASTER, "Жанболат Нурланов").values()).isdisjoint(
        blind_tokens(other, "Жанболат Нурланов").values())
    tokens = " ".join(blind_tokens(MASTER, "Жанболат Нурланов").values())
    assert "janbolat" not in tokens and all(len(t) == 64 for t in tokens.split())


def test_an_empty_name_gives_no_tokens() -> None:
    assert blind_tokens(MASTER, "  ") == {}
