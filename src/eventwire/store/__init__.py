"""Store stage: the SQLite database of documents (and, later, events).

``Database`` opens and migrates a database file; ``ingest.ingest_paths`` is
what ``eventwire ingest`` runs.
"""

from eventwire.store.database import Database, Writer
from eventwire.store.schema import LATEST_VERSION, MIGRATIONS, Migration

__all__ = ["LATEST_VERSION", "MIGRATIONS", "Database", "Migration", "Writer"]
