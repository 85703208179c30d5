"""Store stage: the SQLite database of documents, event mentions and merged events.

``Database`` opens and migrates a database file; ``ingest.ingest_paths`` is
what ``eventwire ingest`` runs. For notebooks::

    from eventwire.store import open_database
    db = open_database("demo.db")
    db.events(dyad="VNM-RUS", since="2019")      # list of StoredEvent
    db.events_table(type="CONSULT")             # pyarrow.Table
"""

from pathlib import Path

from eventwire.store.database import Database, Writer
from eventwire.store.schema import LATEST_VERSION, MIGRATIONS, Migration


def open_database(path: Path | str) -> Database:
    """Open (and migrate) an eventwire database; close it with ``.close()`` or ``with``."""
    return Database(path)


__all__ = ["LATEST_VERSION", "MIGRATIONS", "Database", "Migration", "Writer", "open_database"]
