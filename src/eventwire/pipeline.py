"""The whole road for the ``extract`` and ``evaluate`` commands: read -> clean -> parse -> code.

``extract_records(paths)`` yields one FORMAT.md document record per document
(or a ``Skipped`` for a source that could not be read); ``extract_document``
codes one ``Document`` already read. Parsing and coding are timed apart
(``Timings``) because the coder must stay cheap next to the parser.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from eventwire.document import Document, Skipped


@dataclass
class Timings:
    """Seconds spent parsing (spaCy) and coding (everything after the parse)."""

    parse: float = 0.0
    code: float = 0.0
    documents: int = 0

    @property
    def ratio(self) -> float:
        return self.code / self.parse if self.parse else 0.0


TIMINGS = Timings()  # of this process, for ``--timings``-style reports and the perf test


def document_record(doc: Document, events: list[Any]) -> dict[str, Any]:
    """The FORMAT.md record of a coded document."""
    return {
        "doc": doc.name,
        "lang": doc.lang,
        "published": _published(doc),
        "events": [event.to_record() for event in events],
    }


def _published(doc: Document) -> str | None:
    if doc.meta.published:
        return doc.meta.published[:10]
    if doc.dateline and doc.dateline.date and len(doc.dateline.date) == 10:
        return doc.dateline.date
    return None


def code_parsed(doc: Document, parsed: list[Doc], timings: Timings = TIMINGS) -> dict[str, Any]:
    from eventwire.code import code_document

    started = time.perf_counter()
    events = code_document(doc, parsed)
    record = document_record(doc, events)
    timings.code += time.perf_counter() - started
    timings.documents += 1
    return record


def extract_document(doc: Document, timings: Timings = TIMINGS) -> dict[str, Any]:
    """Clean (if not yet cleaned), parse and code one document; its FORMAT.md record."""
    from eventwire.clean import clean_document
    from eventwire.parse import parse_document

    if not doc.parts:
        doc = clean_document(doc)
    started = time.perf_counter()
    parsed = parse_document(doc)
    timings.parse += time.perf_counter() - started
    return code_parsed(doc, parsed, timings)


def _cleaned(items: Iterable[Document | Skipped], skipped: list[Skipped]) -> Iterator[Document]:
    """Cleaned documents to parse; unreadable sources and languages not coded go to ``skipped``."""
    from eventwire.clean import clean_document
    from eventwire.code import check_language
    from eventwire.errors import LanguageNotCoded

    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        doc = clean_document(item)
        try:
            check_language(doc)
        except LanguageNotCoded as exc:
            skipped.append(Skipped(doc.source, exc.reason))
            continue
        yield doc


def extract_records(
    paths: Iterable[str | Path], timings: Timings = TIMINGS
) -> Iterator[dict[str, Any] | Skipped]:
    """FORMAT.md records of every document under ``paths``, in reading order.

    Documents are parsed in batches (several documents per ``nlp.pipe`` call);
    a source that cannot be read is yielded as ``Skipped`` where it was met.
    """
    from eventwire.parse import parse_documents
    from eventwire.read import read_paths

    skipped: list[Skipped] = []
    stream = parse_documents(_cleaned(read_paths(paths), skipped))
    while True:
        started = time.perf_counter()
        try:
            doc, parsed = next(stream)
        except StopIteration:
            break
        # The generator reads and cleans lazily too; its time counts as parse time here,
        # which only makes the coder's share look smaller if reading is slow: see
        # ``measure`` for the exact split.
        timings.parse += time.perf_counter() - started
        yield from skipped
        skipped.clear()
        yield code_parsed(doc, parsed, timings)
    yield from skipped


def warm_up(lang: str | None) -> None:
    """Load the coder of ``lang`` (lexicon, actor tables, gazetteer) and compile its patterns."""
    from eventwire.code.coder import coder_for
    from eventwire.code.dates import Anchor, find_dates

    coder_for(lang)
    find_dates("le 1er janvier 2000", Anchor.unknown(), lang or "fr")


def measure(paths: Iterable[str | Path]) -> Timings:
    """Read and clean first, then time ``nlp.pipe`` and the coder separately over the corpus."""
    from eventwire.parse import load_pipeline, parse_texts
    from eventwire.read import read_paths

    docs = list(_cleaned(read_paths(paths), []))
    timings = Timings()
    for lang in {d.lang for d in docs}:
        load_pipeline(lang)  # loading the model is not parsing,
        warm_up(lang)  # nor loading the lexicons and gazetteer coding
    for doc in docs:
        started = time.perf_counter()
        parsed = parse_texts([p.text for p in doc.parts], doc.lang)
        timings.parse += time.perf_counter() - started
        code_parsed(doc, parsed, timings)
    return timings
