"""Splitting a full name into given name, family name and patronymic.

Casualty lists give names in every order: "Фамилия Имя Отчество" in official Russian-language
lists, "Имя Фамилия" in media reports, Kazakh patronymics glued (Серікұлы) or separate
(Серік ұлы), and initials in place of given names.  Linking those lists needs each part on its
own, plus sex-neutral stems so that relatives and differently-gendered spellings line up.

The parser scores a handful of possible layouts (family-first or given-first, with or without a
patronymic) by how well each word's shape fits the role it would get, and keeps the best one.
With no evidence at all, Cyrillic names are read family-first (the official-list convention) and
Latin names given-first (the convention of English-language reports).  An explicit ``order``
replaces that convention and wins, unless a layout against it makes a family-shaped word the family
name and outscores it by more than ``_ORDER_HINT_BONUS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .forms import WordShape, family_stem, initial_of, patronymic_stem, shape_of
from .keys import fold_homoglyphs, matching_key, skeleton_key
from .lexicon import DIMINUTIVE_KEYS
from .script import Script, detect_script
from .tokens import Piece, split_pieces

__all__ = ["NameKeys", "NameToken", "ParsedName", "parse_name", "parse_name_parts"]

FAMILY_FIRST = "family_first"
GIVEN_FIRST = "given_first"
_ROLE_NAMES = {"F": "family", "G": "given", "P": "patronymic", "U": "unknown"}
FAMILY_INITIAL = "family_initial"
_MISSING_PART_PENALTY = 1.5
_CUE_BONUS = 1.5
_SCRIPT_BONUS = 0.25
# A list's stated order (its column map, or a guess from its rows) yields only to a family name clearly in
# the wrong place: a layout against it must make a family-shaped word the family name (``_family_shaped``)
# and still win by more than this, as when one volunteer of a given-name-first list wrote "Ахметов
# Ерлан". Two words that say nothing, or a given name that is also a family name, keep the list's order.
_ORDER_HINT_BONUS = 1.75


@dataclass(frozen=True)
class NameToken:
    """One unit of the name as written, with the role the parser gave it and its matching key. Roles: given,
    family, patronymic, initial, family initial, particle, unknown (a word that fits no role), aside (an age
    written into the name, "(32 жаста)": kept, never read as a name)."""

    text: str
    role: str
    key: str


@dataclass(frozen=True)
class NameKeys:
    """Matching keys of the parts; ``full`` and ``skeleton`` are sorted so order does not matter."""

    given: str | None
    family: str | None
    family_stem: str | None
    patronymic_stem: str | None
    full: str
    skeleton: str


@dataclass(frozen=True)
class ParsedName:
    """A name split into parts, keeping the original spelling of every part."""

    original: str
    script: Script
    tokens: tuple[NameToken, ...]
    given: str | None
    family: str | None
    patronymic: str | None
    given_initial: str | None
    patronymic_initial: str | None
    family_stem: str | None
    patronymic_stem: str | None
    implied_sex: str | None
    keys: NameKeys


def _shape(piece: Piece) -> WordShape:
    return shape_of(piece.text, separated=piece.kind == "patronymic")


@lru_cache(maxsize=1 << 16)
def _role_scores(text: str, separated: bool) -> dict[str, float]:
    """How well one word fits each role, computed once per distinct word (layouts try many)."""
    shape = shape_of(text, separated=separated)
    return {role: _slot_score(shape, role) for role in ("G", "F", "P", "U")}


def _given_score(shape: WordShape) -> float:
    score = 1.0 if shape.given_hit else (0.5 if shape.given_hint else 0.0)
    if shape.patronymic in ("kz", "kz_sep", "ru"):
        score -= 3.0
    elif shape.patronymic == "ru_weak":
        score -= 1.0
    return score - shape.family - (2.0 if shape.family_hit else 0.0)


def _family_score(shape: WordShape) -> float:
    score = float(shape.family) + (2.0 if shape.family_hit else 0.0)
    # A glued Kazakh patronymic is a common modern surname; a separated one never is.
    score += {"kz": 2.5, "kz_sep": -3.0, "ru_weak": 0.5}.get(shape.patronymic or "", 0.0)
    return score - (1.0 if shape.given_hit else 0.0)


def _slot_score(shape: WordShape, role: str) -> float:
    """How well one word fits one role; positive means the word's shape supports it."""
    if role == "G":
        return _given_score(shape)
    if role == "F":
        return _family_score(shape)
    if role == "P":
        return {"kz": 3.0, "kz_sep": 3.0, "ru": 3.0, "ru_weak": 1.5}.get(shape.patronymic or "", -3.0)
    return -1.0 if (shape.patronymic or shape.family) else 0.0


@lru_cache(maxsize=64)
def _layouts(n: int, has_initials: bool) -> list[tuple[str | None, tuple[str, ...], float]]:
    """Candidate role sequences as (order, roles, prior score)."""
    if n == 1:
        if has_initials:
            return [(None, ("F",), 0.0)]
        return [(None, ("U",), 0.0), (None, ("G",), 0.0), (None, ("F",), 0.0)]
    extra = ("U",) * (n - 2)
    no_given = 0.0 if has_initials else -_MISSING_PART_PENALTY
    layouts: list[tuple[str | None, tuple[str, ...], float]] = [
        (FAMILY_FIRST, ("F", "G", *extra), 0.0),
        (GIVEN_FIRST, ("G", *extra, "F"), 0.0),
    ]
    if n == 2:
        # A given name and a patronymic with no family name ("Ерлан Серік ұлы") reads alike in either order.
        layouts += [(FAMILY_FIRST, ("F", "P"), no_given), (None, ("G", "P"), -_MISSING_PART_PENALTY)]
    else:
        layouts += [
            (FAMILY_FIRST, ("F", "G", *extra[1:], "P"), 0.0),
            (GIVEN_FIRST, ("G", *extra[1:], "P", "F"), 0.0),
        ]
    if n == 3:
        layouts.append((GIVEN_FIRST, ("G", "F", "P"), -1.0))
    return layouts


def _caps_index(words: list[Piece]) -> int | None:
    """Index of the single ALL-CAPS word among mixed-case ones: the usual way to mark a surname."""
    caps = [i for i, w in enumerate(words) if w.text.isupper() and sum(c.isalpha() for c in w.text) > 1]
    return caps[0] if len(caps) == 1 and len(words) > 1 else None


def _choose_roles(
    words: list[Piece], script: Script, order: str | None, has_initials: bool
) -> tuple[str, ...]:
    """Pick the best-scoring layout for the name words (initials and particles excluded)."""
    scores = [_role_scores(w.text, w.kind == "patronymic") for w in words]
    caps = _caps_index(words)
    default = GIVEN_FIRST if script is Script.LATIN else FAMILY_FIRST
    best: tuple[float, tuple[str, ...]] | None = None
    for layout_order, roles, prior in _layouts(len(words), has_initials):
        if order is not None and layout_order not in (None, order) and not _family_shaped(scores, roles):
            continue
        score = prior + sum(word[role] for word, role in zip(scores, roles, strict=True))
        if order is not None and layout_order in (None, order):  # a layout of either order fits the stated one
            score += _ORDER_HINT_BONUS
        if caps is not None and roles[caps] == "F":
            score += _CUE_BONUS
        if words[0].comma_after and roles[0] == "F":
            score += _CUE_BONUS
        if order is None and layout_order in (None, default):  # a stated order replaces the script's convention
            score += _SCRIPT_BONUS
        if best is None or score > best[0]:
            best = (score, roles)
    assert best is not None
    return best[1]


def _family_shaped(scores: list[dict[str, float]], roles: tuple[str, ...]) -> bool:
    """Whether the word a layout makes the family name looks like one (a family ending): only then may
    the layout go against the list's order. A bare given name in that place is no evidence, since
    many Kazakh family names are one (Айдана Серік)."""
    return any(role == "F" and word["F"] > 0 for word, role in zip(scores, roles, strict=True))


def _initial_text(piece: Piece) -> str:
    return piece.text.upper()


def _sex(assigned: list[tuple[Piece, str]]) -> str | None:
    """Combine sex evidence from the patronymic and the surname; conflicting evidence gives None."""
    evidence = set()
    for piece, role in assigned:
        shape = _shape(piece) if role in ("family", "patronymic") else None
        if shape is None:
            continue
        if role == "patronymic" and shape.patronymic_sex:
            evidence.add(shape.patronymic_sex)
        if role == "family":
            sex = shape.family_sex or (shape.patronymic_sex if shape.patronymic == "kz" else None)
            if sex:
                evidence.add(sex)
    return evidence.pop() if len(evidence) == 1 else None


def _join(texts: list[str]) -> str | None:
    return " ".join(texts) if texts else None


def _family_texts(assigned: list[tuple[Piece, str]]) -> list[str]:
    """Family words, each with a name particle (von, ibn ...) written right before it."""
    texts = []
    for i, (piece, role) in enumerate(assigned):
        if role != "family":
            continue
        if i > 0 and assigned[i - 1][1] == "particle" and assigned[i - 1][0].kind == "particle":
            texts.append(f"{assigned[i - 1][0].text} {piece.text}")
        else:
            texts.append(piece.text)
    return texts


def _full_given_key(given: str) -> str:
    """The given name's key, a short form ("Саша") read as the full name it stands for (Александр)."""
    key = matching_key(given)
    return DIMINUTIVE_KEYS.get(key, key)


def _keys(
    given: str | None, family: str | None, fstem: str | None, pstem: str | None, tokens: tuple[NameToken, ...]
) -> NameKeys:
    words = " ".join(t.key for t in tokens if t.role not in ("initial", FAMILY_INITIAL, "aside")).split()
    skeletons = sorted(skeleton_key(part) for part in (given, fstem) if part and skeleton_key(part))
    return NameKeys(
        given=_full_given_key(given) if given else None,
        family=matching_key(family) if family else None,
        family_stem=matching_key(fstem) if fstem else None,
        patronymic_stem=matching_key(pstem) if pstem else None,
        full=" ".join(sorted(words)),
        skeleton=" ".join(skeletons),
    )


def _assemble(original: str, assigned: list[tuple[Piece, str]], script: Script) -> ParsedName:
    """Build the result from pieces whose roles are already decided."""
    tokens = tuple(NameToken(p.text, role, matching_key(p.text)) for p, role in assigned)
    given = _join([p.text for p, role in assigned if role == "given"])
    family = _join(_family_texts(assigned))
    patronymic = _join([p.text for p, role in assigned if role == "patronymic"])
    initials = [_initial_text(p) for p, role in assigned if role == "initial"]
    given_initial = initial_of(given) if given else (initials.pop(0) if initials else None)
    patronymic_initial = initial_of(patronymic) if patronymic else (initials.pop(0) if initials else None)
    fstem = family_stem(family) if family else None
    pstem = patronymic_stem(patronymic) if patronymic else None
    return ParsedName(
        original=original,
        script=script,
        tokens=tokens,
        given=given,
        family=family,
        patronymic=patronymic,
        given_initial=given_initial,
        patronymic_initial=patronymic_initial,
        family_stem=fstem,
        patronymic_stem=pstem,
        implied_sex=_sex(assigned),
        keys=_keys(given, family, fstem, pstem, tokens),
    )


def parse_name(text: str, order: str | None = None) -> ParsedName:
    """Parse a full name written in any order and script.

    ``order`` is None (guess), "family_first" or "given_first".  Every letter of the input ends up
    in exactly one token; words that fit no role (a second given name, a bare father's name) are
    kept with role "unknown" rather than dropped.
    """
    if order not in (None, FAMILY_FIRST, GIVEN_FIRST):
        raise ValueError(f"order must be None, {FAMILY_FIRST!r} or {GIVEN_FIRST!r}, got {order!r}")
    pieces = split_pieces(text)
    words = [p for p in pieces if p.kind in ("word", "patronymic")]
    has_initials = any(p.kind == "initial" for p in pieces)
    script = detect_script(text)
    if _given_and_family_initial(pieces, script, order):
        return _assemble(text, [(pieces[0], "given"), (pieces[1], FAMILY_INITIAL)], script)
    roles = iter(_choose_roles(words, script, order, has_initials) if words else ())
    assigned = []
    for piece in pieces:
        if piece.kind in ("word", "patronymic"):
            assigned.append((piece, _ROLE_NAMES[next(roles)]))
        else:
            assigned.append((piece, piece.kind))
    return _assemble(text, assigned, script)


def _given_and_family_initial(pieces: list[Piece], script: Script, order: str | None) -> bool:
    """Whether the name is a given name and the family name's initial ("Rustam A."), as reports that
    withhold a family name write it, rather than a family name and a given name's initial ("Ахметов Е.").

    Only on a list written given name first, only when the word has no family ending, and not when a
    comma marks it as the family name ("Серік, А."). With the order stated, the list's order says the
    first word is the given name, so a given name the lexicon lacks (Akzhol) qualifies; with no order
    stated (Latin), only a known given name does. A family name with no ending on a given-first list
    (Бойко Н., Оспан Е.) is then read as a given name: the record loses its link and is not counted,
    which costs a little recall but never counts a person twice, where the other reading of "Akzhol N."
    would count a person nobody else names. The family initial is kept as a token, but names no
    family: the record is then too thin to be counted (``tergeu.core.linkage.identifiable``).
    """
    if len(pieces) != 2 or pieces[0].kind != "word" or pieces[1].kind != "initial" or pieces[0].comma_after:
        return False
    if order == FAMILY_FIRST or (order is None and script is not Script.LATIN):
        return False
    scores = _role_scores(pieces[0].text, False)
    return scores["F"] <= 0 and (scores["G"] > 0 or order == GIVEN_FIRST)


def _given_column(pieces: list[Piece], patronymic_given: bool) -> list[tuple[Piece, str]]:
    """Roles inside a given-name column; a trailing patronymic there is split off when the
    patronymic column is empty, because many lists put "Имя Отчество" in one cell."""
    words = [p for p in pieces if p.kind in ("word", "patronymic")]
    split_last = (
        not patronymic_given and len(words) >= 2 and _shape(words[-1]).patronymic in ("kz", "kz_sep", "ru")
    )
    out = []
    for piece in pieces:
        if piece.kind in ("initial", "aside"):  # an age written into the column is no part of the name
            out.append((piece, piece.kind))
        elif split_last and piece is words[-1]:
            out.append((piece, "patronymic"))
        else:
            out.append((piece, "given" if piece.kind != "particle" else "particle"))
    return out


_COLUMN_BREAK = "\x1f"  # not a letter, a digit or a space: folding reads it as the end of a word


def _folded_together(columns: list[str]) -> list[str]:
    """The columns with look-alike letters folded as one name (``keys.fold_homoglyphs``): a scanned "H."
    alone in the given-name column is the Cyrillic Н when the family name beside it is Cyrillic. Folding
    changes letters one for one, so the columns come apart where they were joined."""
    if any(_COLUMN_BREAK in column for column in columns):  # cannot be split back: each column on its own
        return [fold_homoglyphs(column) for column in columns]
    return fold_homoglyphs(_COLUMN_BREAK.join(columns)).split(_COLUMN_BREAK)


def parse_name_parts(
    given: str | None = None, family: str | None = None, patronymic: str | None = None
) -> ParsedName:
    """Parse a name that arrives in separate columns.

    The columns are trusted for roles, but each is still analysed for initials ("Ж."),
    patronymic suffixes and gendered endings.  ``original`` is the non-empty columns joined in
    "family given patronymic" order, the layout of official Russian-language lists.
    """
    written = [(family or "").strip(), (given or "").strip(), (patronymic or "").strip()]
    columns = _folded_together(written)
    assigned: list[tuple[Piece, str]] = []
    for piece in split_pieces(columns[0]):
        role = {"initial": "unknown", "particle": "particle", "aside": "aside"}.get(piece.kind, "family")
        assigned.append((piece, role))
    assigned += _given_column(split_pieces(columns[1]), bool(columns[2]))
    pat_pieces = split_pieces(columns[2])
    pat_words = [p for p in pat_pieces if p.kind not in ("initial", "aside")]
    assigned += [(p, p.kind) for p in pat_pieces if p.kind in ("initial", "aside")]
    if pat_words:
        merged = Piece(" ".join(p.text for p in pat_words), "patronymic" if len(pat_words) > 1 else "word")
        assigned.append((merged, "patronymic"))
    original = " ".join(c for c in written if c)
    return _assemble(original, assigned, detect_script(" ".join(c for c in columns if c)))
