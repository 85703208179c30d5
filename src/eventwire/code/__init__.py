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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventwire.document import Document
    from eventwire.event import Event


def code_document(doc: Document, parsed: Sequence[Doc]) -> list[Event]:
    """The events of a cleaned document, given the spaCy parse of each of its parts."""
    from eventwire.code.coder import code_document as _code

    return _code(doc, parsed)
