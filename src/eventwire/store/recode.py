"""Code stored documents again, after a lexicon, table or rule changes.

Users edit the lexicons; ``eventwire recode`` then replaces the events of the
documents already in the database without reading the sources again: each
stored (cleaned) document is parsed and coded anew, its old mentions are
removed and the new ones written, and the events of every block and month that
changed are merged again, a batch of documents per transaction. The database
ends as a first ingest with the new coder would have built it; running recode
twice changes nothing more. A document the coder cannot code (a language with
no lexicon, a failure) keeps its old events and is reported.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from eventwire.document import Document, Skipped
from eventwire.errors import StoreError, coding_failure
from eventwire.event import Event
from eventwire.store.database import Database
from eventwire.store.ingest import BATCH_DOCUMENTS, pipeline_coder
from eventwire.store.schema import utc_now

Coder = Callable[[Document], list[Event]]


@dataclass
class RecodeSummary:
    """What a recode run did."""

    documents: int = 0  # documents coded again
    mentions: int = 0  # event mentions they now have
    skipped: list[Skipped] = field(default_factory=list)

    def render(self) -> Table:
        table = Table(title="Recoded", show_header=False)
        table.add_row("documents coded again", str(self.documents))
        table.add_row("event mentions", str(self.mentions))
        table.add_row("not coded (old events kept)", str(len(self.skipped)))
        return table


def recode_database(
    db_path: Path,
    console: Console,
    *,
    coder: Coder = pipeline_coder,
    lang: str | None = None,
    batch_documents: int = BATCH_DOCUMENTS,
) -> RecodeSummary:
    """Code every stored document (of ``lang``, if given) again and replace its events."""
    if not Path(db_path).is_file():
        raise StoreError(f"{db_path}: no database here (ingest documents first)")
    summary = RecodeSummary()
    with Database(db_path) as db:
        batch: list[tuple[Document, list[Event]]] = []
        with console.status("recoding", spinner="dots") if console.is_terminal else nullcontext():
            for doc in db.documents(lang):
                try:
                    events = coder(doc)
                except Exception as exc:  # noqa: BLE001 - reported, the old events stay
                    summary.skipped.append(Skipped(doc.source, coding_failure(exc)))
                    continue
                batch.append((doc, events))
                if len(batch) >= batch_documents:
                    _write(db, batch, summary)
                    batch = []
            if batch:
                _write(db, batch, summary)
    return summary


def _write(db: Database, batch: list[tuple[Document, list[Event]]], summary: RecodeSummary) -> None:
    summary.mentions += db.writer.recode(batch, utc_now())
    summary.documents += len(batch)
