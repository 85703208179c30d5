"""Code stage: from a cleaned, parsed document to its PLOVER events.

``code_document(doc, parsed)`` is the stage's one entry point; the work is in
``coder`` (the walk over sentences) and the modules it calls: ``lexicon`` and
``triggers`` (what happened), ``arguments`` (who to whom), ``actors`` (which
country, sector, name), ``status``, ``dates``, ``places``, ``plover`` (CAMEO
code and score) and ``dedupe`` (one event told twice is one event).

The import is lazy so that loading a data table (``eventwire.code.tables``)
does not load spaCy.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.code.tables import DATA_DIR, on_clear, user_dir  # no model: a cheap import

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Span

    from eventwire.document import Document, Part
    from eventwire.event import Event


DEFAULT_LANG = "fr"  # a document whose language could not be told is coded as French


@lru_cache(maxsize=1)
def coded_languages() -> tuple[str, ...]:
    """The languages eventwire codes: those with a trigger lexicon (packaged or the user's).
    Asked for every document: the folders are listed once (``tables.clear_cache`` forgets)."""
    folders = [DATA_DIR, *([user_dir()] if user_dir() else [])]
    return tuple(sorted({p.parent.name for folder in folders if folder
                         for p in folder.glob("*/triggers.tsv")}))


on_clear(coded_languages.cache_clear)


def check_language(doc: Document) -> None:
    """Raise :class:`LanguageNotCoded` for a document in a language eventwire does not code."""
    from eventwire.errors import LanguageNotCoded

    coded = coded_languages()
    if (doc.lang or DEFAULT_LANG) not in coded:
        raise LanguageNotCoded(doc.source, doc.lang, coded)


def code_document(doc: Document, parsed: Sequence[Doc]) -> list[Event]:
    """The events of a cleaned document, given the spaCy parse of each of its parts.

    Raises :class:`eventwire.errors.LanguageNotCoded` for a language with no lexicon.
    """
    from eventwire.code.coder import code_document as _code

    check_language(doc)
    return _code(doc, parsed)


def needs_entities(lang: str | None) -> Callable[[Part, Doc], bool]:
    """Whether the coder reads the named entities of a parsed part (``parse.parse_parts``
    runs the entity recogniser on those alone): a part with a trigger of the lexicon in
    one of its sentences, and a teaser's photo caption (whom it shows)."""
    from eventwire.code.coder import coder_for
    from eventwire.code.triggers import sentence_triggers

    lexicon = coder_for(lang or DEFAULT_LANG).lexicon

    def needs(part: Part, sdoc: Doc) -> bool:
        # the matches are kept on the part for the coder, which reads the same sentences
        return reads_entities(part, sentence_triggers(sdoc, lexicon))

    return needs


def reads_entities(part: Part, sentences: Sequence[tuple[Span, Sequence[object]]]) -> bool:
    """Whether the coder reads a part's entities, given its sentences and their triggers: a
    part that may tell an event, and a teaser's photo caption (whom it shows)."""
    return part.kind == "teaser_caption" or any(matches for _, matches in sentences)
