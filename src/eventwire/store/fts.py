"""Full-text search with SQLite FTS5, diacritics folded.

Two indexes (schema migration 3), both with ``unicode61 remove_diacritics 2``
so that "Hanoi" finds "Hanoï" and "memorandum" finds "mémorandum":

- ``parts_fts``: the cleaned text of every part of every document, kept in
  step with ``parts`` by triggers;
- ``mentions_fts``: the evidence of every event mention (external content:
  the text stays in ``mentions`` only).

A user's words are searched as words, all of them (AND), never as FTS5
syntax: a quote or a dash in a query cannot make it fail. A word ending in
``*`` is searched as a prefix.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from eventwire.errors import StoreError

# Word characters as unicode61 sees them (letters, digits); everything else separates.
_WORD = re.compile(r"\w+\*?", re.UNICODE)


@dataclass
class DocumentHit:
    """A document matching a full-text query, with the best part's snippet."""

    document_id: str
    name: str
    title: str | None
    published: str | None
    snippet: str
    rank: float


def match_expression(text: str) -> str:
    """The FTS5 MATCH expression of a user's query: each word quoted, all required."""
    terms = []
    for word in _WORD.findall(text):
        prefix = word.endswith("*")
        word = word.rstrip("*").replace("_", " ").strip()
        if word:
            terms.append(f'"{word}"' + ("*" if prefix else ""))
    if not terms:
        raise StoreError(f"full-text query {text!r} has no word to search for")
    return " ".join(terms)


def mention_ids_matching(text: str) -> tuple[str, tuple[str]]:
    """SQL (a subquery of event ids) and parameters: events whose evidence matches ``text``."""
    sql = (
        "SELECT m.event_id FROM mentions_fts f JOIN mentions m ON m.rowid = f.rowid "
        "WHERE mentions_fts MATCH ?"
    )
    return sql, (match_expression(text),)


def event_ids_in_documents(text: str) -> tuple[str, tuple[str]]:
    """SQL and parameters: events reported by a document whose text matches ``text``."""
    sql = (
        "SELECT m.event_id FROM mentions m WHERE m.document_id IN "
        "(SELECT document_id FROM parts_fts WHERE parts_fts MATCH ?)"
    )
    return sql, (match_expression(text),)


def search_documents(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[DocumentHit]:
    """Documents matching ``text``, best first (bm25 of their best part)."""
    rows = conn.execute(
        "SELECT f.document_id, d.name, d.title, d.published, "
        "snippet(parts_fts, 0, '[', ']', '…', 12), bm25(parts_fts) AS r "
        "FROM parts_fts f JOIN documents d ON d.id = f.document_id "
        "WHERE parts_fts MATCH ? ORDER BY r, f.document_id",
        (match_expression(text),),
    )
    hits: dict[str, DocumentHit] = {}
    for doc_id, name, title, published, snippet, rank in rows:
        if doc_id not in hits:  # rows come best first: the first part is the best
            hits[doc_id] = DocumentHit(doc_id, name, title, published, snippet, rank)
            if len(hits) >= limit:
                break
    return list(hits.values())
