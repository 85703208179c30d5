"""Clean stage (placeholder until issue 3's segmenter lands): blank-line paragraphs."""

from __future__ import annotations

import re

from eventwire.document import Document, OffsetMap, Part


def clean_document(doc: Document) -> Document:
    parts = []
    for i, m in enumerate(re.finditer(r"[^\n]+", doc.raw)):
        text = m.group(0).strip()
        if not text:
            continue
        start = m.start() + m.group(0).index(text)
        kind = "title" if i == 0 else "body"
        parts.append(Part(kind, text, OffsetMap.identity(start, len(text))))
    doc.parts = parts
    doc.lang = doc.meta.lang or "fr"
    return doc
