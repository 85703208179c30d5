"""Trigger lexicons: which French words (and light-verb phrases) announce which PLOVER event.

A lexicon is the data file ``data/<lang>/triggers.tsv`` (see its header for the
columns). Each line becomes a :class:`Trigger`; the lexicon indexes them by the
head word's lemma, so finding the candidate lines for a token is one dict
look-up. Lines keep their file and line number, which the ``why`` field of an
event cites so that a user who sees a wrong event knows which line to edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from eventwire.code.tables import DATA_DIR, Row, load_table, on_clear
from eventwire.errors import DataFileError
from eventwire.event import PLOVER_TYPES

COLUMNS = ("lemma", "pos", "with", "not", "type", "mode", "cameo", "roles")
REQUIRED = ("lemma", "pos", "type")
POS_VALUES = ("VERB", "NOUN", "ADJ", "ADV")
ROLES = ("dir", "sym", "recv", "self", "agent", "from", "eval", "feel")


@dataclass(frozen=True)
class Trigger:
    """One lexicon line: a head lemma, its required context, and what it codes."""

    lemma: str
    pos: str
    requires: tuple[frozenset[str], ...]  # each group: one of these lemmas must depend on the head
    forbids: frozenset[str]
    type: str
    mode: str | None
    cameo: str | None
    roles: str
    where: str  # "fr/triggers.tsv:LINE"

    @property
    def specificity(self) -> int:
        return len(self.requires)


@dataclass(frozen=True)
class Lexicon:
    lang: str
    by_lemma: dict[str, tuple[Trigger, ...]]
    # each word's lines, kept by the trigger finder ((lemma, form, tag) -> its lines, and its
    # lines read as a present tense): news repeats its words
    word_lines: dict[tuple[str, str, str], tuple[tuple[Trigger, ...], tuple[Trigger, ...] | None]] = field(
        default_factory=dict, compare=False, repr=False)

    def candidates(self, lemma: str) -> tuple[Trigger, ...]:
        return self.by_lemma.get(lemma, ())

    def lines_of(self, keys: tuple[str, ...]) -> tuple[Trigger, ...]:
        """The lines of every key in ``keys``, in their order."""
        return tuple(t for key in keys for t in self.by_lemma.get(key, ()))

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_lemma.values())


def _relative(path: str) -> str:
    """``fr/triggers.tsv`` for a packaged file, the path itself for a user's file."""
    prefix = str(DATA_DIR) + "/"
    return path[len(prefix) :] if path.startswith(prefix) else path


def _words(value: str) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in value.split("|") if w.strip())


def trigger_from_row(row: Row) -> Trigger:
    """Validate one row; a bad value is a :class:`DataFileError` naming file and line."""
    pos = row["pos"].upper()
    if pos not in POS_VALUES:
        raise DataFileError(row.path, row.line, f"pos {row['pos']!r} is not one of {POS_VALUES}")
    type_ = row["type"].upper()
    if type_ not in PLOVER_TYPES:
        raise DataFileError(row.path, row.line, f"type {row['type']!r} is not a PLOVER type")
    roles = row.get("roles") or "dir"
    if roles not in ROLES:
        raise DataFileError(row.path, row.line, f"roles {roles!r} is not one of {ROLES}")
    requires = tuple(_words(group) for group in row.get("with").split() if group.strip("|"))
    return Trigger(
        lemma=row["lemma"].lower(),
        pos=pos,
        requires=requires,
        forbids=_words(row.get("not")),
        type=type_,
        mode=row.get("mode") or None,
        cameo=row.get("cameo") or None,
        roles=roles,
        where=f"{_relative(row.path)}:{row.line}",
    )


@lru_cache(maxsize=8)
def load_lexicon(lang: str) -> Lexicon:
    """The trigger lexicon of ``lang`` (empty when the language has none yet)."""
    rows = load_table(f"{lang}/triggers.tsv", COLUMNS, REQUIRED, optional=True)
    index: dict[str, list[Trigger]] = {}
    for row in rows:
        trigger = trigger_from_row(row)
        index.setdefault(trigger.lemma, []).append(trigger)
    # Most specific first, so the first line whose context matches is the one to use.
    by_lemma = {
        lemma: tuple(sorted(triggers, key=lambda t: -t.specificity))
        for lemma, triggers in index.items()
    }
    return Lexicon(lang, by_lemma)


@lru_cache(maxsize=8)
def load_acts(lang: str) -> dict[str, str]:
    """Nouns that name an act (``data/<lang>/acts.tsv``): whom a judgement of "cette décision"
    aims at; each with the event type it names, if one ("l'accord": an AGREE), else ""."""
    rows = load_table(f"{lang}/acts.tsv", ("lemma", "type"), ("lemma",), optional=True)
    return {row["lemma"].lower(): (row.get("type") or "").upper() for row in rows}


on_clear(load_lexicon.cache_clear)
on_clear(load_acts.cache_clear)
