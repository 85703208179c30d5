"""Clean stage: split a document into parts, repair their text, identify the language.

``clean_document(doc)`` fills:

- ``doc.parts``: :class:`~eventwire.document.Part` s in reading order, of kinds
  title, lead, dateline, body, caption, signoff (the article) and
  teaser_caption, teaser_title, teaser_summary (the related block; each teaser
  unit numbered 0, 1, 2 ... in ``Part.teaser``). Each part's text is repaired
  (see :mod:`eventwire.clean.repair`) and its ``offsets`` map it back to
  ``doc.raw``;
- ``doc.dateline``: place, date as written, agency, ISO date (``--MM-DD``
  when no year is written), or None;
- ``doc.lang`` / ``doc.lang_score`` (see :mod:`eventwire.clean.language`);
- ``doc.meta.title`` from the title part when the reader found none.

Layout rules are in :mod:`eventwire.clean.segment`, glue repair in
:mod:`eventwire.clean.glue`.
"""

from __future__ import annotations

from eventwire.clean.glue import DocumentEvidence
from eventwire.clean.language import SURE, identify, identify_document
from eventwire.clean.repair import glue_splits, repair_span
from eventwire.clean.segment import Layout, Segment, segment
from eventwire.code import coded_languages
from eventwire.document import Document, Part

__all__ = ["clean_document", "glue_splits"]

_ARTICLE_KINDS = ("lead", "body", "dateline")
GUESS_CHARS = 1500  # of the raw article text, for the first guess at its language


def clean_document(doc: Document) -> Document:
    """Fill ``doc.parts``, ``doc.lang``, ``doc.lang_score``, ``doc.dateline``; return ``doc``."""
    raw = doc.raw
    layout = segment(raw)
    evidence = DocumentEvidence.of(raw)
    # Repair rules depend on the language (elision, glue lexicon): a first guess
    # on the raw article text, confirmed on the repaired parts.
    guess, guess_score = _raw_language(raw, layout)
    guess = guess or _declared(doc)
    parts = _repair(raw, layout.segments, guess, evidence)
    lang: str | None
    score: float | None
    if guess_score is not None and guess_score >= SURE and guess in coded_languages():
        lang, score = guess, guess_score  # a sure guess of a coded language: judged once
    else:
        lang, score = identify_document(doc, parts)
    if lang != guess:
        parts = _repair(raw, layout.segments, lang, evidence)
    doc.parts = parts
    doc.lang, doc.lang_score = lang, score
    doc.dateline = layout.dateline
    if not doc.meta.title:
        doc.meta.title = next((p.text for p in parts if p.kind == "title"), None)
    return doc


def _declared(doc: Document) -> str | None:
    return (doc.meta.lang or "").split("-")[0].lower() or None


def _raw_language(raw: str, layout: Layout) -> tuple[str | None, float | None]:
    """The language of the article's opening, before repair, and its probability."""
    text = " ".join(raw[s.start : s.end] for s in layout.segments if s.kind in _ARTICLE_KINDS)
    if not text.strip():
        text = " ".join(raw[s.start : s.end] for s in layout.segments)
    # The opening is enough for a sure answer; an unsure one is judged again, in full,
    # on the repaired parts.
    return identify(" ".join(text[:GUESS_CHARS].split()))


def _repair(
    raw: str, segments: list[Segment], lang: str | None, evidence: DocumentEvidence
) -> list[Part]:
    parts = []
    for seg in segments:
        repaired = repair_span(raw, seg.start, seg.end, lang, evidence, seg.cuts)
        if repaired.text:
            parts.append(Part(seg.kind, repaired.text, repaired.offsets, seg.teaser))
    return parts
