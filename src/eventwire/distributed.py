"""Scale-out on Dask: read, clean, parse and code partitions of the input on a cluster.

``run_dask(paths, address, out_dir)`` lists the input files (names only, so
even 100,000 files cost little memory), cuts the list into partitions of
consecutive files and runs one task per partition (``process_partition``):
the task reads, cleans, parses and codes its files and writes them as one
Parquet partition (eventwire.partitions), atomically. A task that fails is
run again by Dask (``retries``); a partition that still fails is reported in
the summary and leaves nothing behind but a hidden temporary folder.

Each Dask worker process loads the spaCy pipeline once: ``parse.load_pipeline``
is cached per process, and the ``WarmUp`` worker plugin loads it when the
worker joins, before the first task.

``load_parquet(out_dir, db_path)`` merges the finished partitions into a
database through the store's single writer. It is idempotent: a document
already stored (or coded) is only a new source, so loading twice, or loading
again after a failed partition was rerun, stores what one load would.

Dask is an optional dependency: the module imports it only when called.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from eventwire.document import Document, Skipped
from eventwire.event import Event
from eventwire.partitions import (
    PartitionWriter,
    complete_partitions,
    read_partition,
    read_skipped,
)

FILES_PER_PARTITION = 32  # enough documents to fill the parser's batches, few enough to retry
RETRIES = 2


@dataclass
class DaskSummary:
    """What ``run_dask`` did: the partitions written, those that failed, the sources skipped."""

    out_dir: Path
    partitions: int = 0
    written: list[dict[str, Any]] = field(default_factory=list)  # the _SUCCESS manifests
    failed: list[tuple[int, str]] = field(default_factory=list)  # (index, error)
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        return sum(m["documents"] for m in self.written)

    @property
    def events(self) -> int:
        return sum(m["events"] for m in self.written)

    def render(self) -> Table:
        table = Table(
            title=f"Partitions written to {self.out_dir}",
            caption=f"{self.documents} documents in {self.seconds:.1f} s",
        )
        table.add_column("")
        table.add_column("count", justify="right")
        table.add_row("partitions", str(self.partitions))
        table.add_row("written", str(len(self.written)))
        table.add_row("failed", str(len(self.failed)), style="red" if self.failed else None)
        table.add_row("documents", str(self.documents))
        table.add_row("events", str(self.events))
        table.add_row("skipped", str(len(self.skipped)), style="yellow" if self.skipped else None)
        return table


def list_files(paths: Iterable[str | Path]) -> tuple[list[str], list[Skipped]]:
    """Every file to read under ``paths``, in reading order, and the paths that cannot be."""
    from eventwire.read.paths import iter_files

    files: list[str] = []
    skipped: list[Skipped] = []
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            files.append(str(item[0]))
    return files, skipped


def split(files: list[str], partitions: int | None) -> list[list[str]]:
    """``partitions`` runs of consecutive files, as even as can be (none empty)."""
    if not files:
        return []
    count = partitions or math.ceil(len(files) / FILES_PER_PARTITION)
    count = max(1, min(count, len(files)))
    size, extra = divmod(len(files), count)
    out, start = [], 0
    for i in range(count):
        end = start + size + (1 if i < extra else 0)
        out.append(files[start:end])
        start = end
    return out


def process_partition(index: int, files: list[str], out_dir: str) -> dict[str, Any]:
    """Read, clean, parse and code ``files``; write partition ``index``; its manifest."""
    from eventwire.read import read_paths
    from eventwire.workers import CHUNK_DOCUMENTS, WorkItem, chunked, process_items

    started = time.perf_counter()
    writer = PartitionWriter(Path(out_dir), index)
    try:
        docs = _documents(read_paths(files), writer.skipped)
        for chunk in chunked((WorkItem(d) for d in docs), CHUNK_DOCUMENTS):
            rows: list[tuple[Document, list[Event] | None, str | None]] = []
            for result in process_items(chunk):
                if result.doc is None:  # not cleaned: not stored
                    assert result.skipped is not None
                    writer.skipped.append(result.skipped)
                else:
                    error = result.skipped.reason if result.skipped else None
                    rows.append((result.doc, result.events, error))
            if rows:
                writer.write(rows)
        manifest: dict[str, Any] = {"index": index, "files": len(files)}
        manifest["skipped"] = len(writer.skipped)
        manifest["seconds"] = round(time.perf_counter() - started, 3)
        writer.commit(manifest)
    except BaseException:
        writer.abort()
        raise
    return {**manifest, "documents": writer.rows, "events": writer.event_rows}


def _documents(items: Iterable[Document | Skipped], skipped: list[Skipped]) -> Iterable[Document]:
    for item in items:
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            yield item


def run_dask(
    paths: Iterable[str | Path],
    address: str,
    out_dir: Path,
    partitions: int | None = None,
    *,
    workers: int | None = None,
    retries: int = RETRIES,
    client: Any = None,
    console: Console | None = None,
) -> DaskSummary:
    """Code ``paths`` on a Dask cluster into Parquet partitions under ``out_dir``.

    ``address``: a scheduler ("tcp://host:8786") or "local" for a LocalCluster
    of ``workers`` processes (default: the cores), one thread each (the parser
    holds the GIL). ``client``: an existing ``distributed.Client`` (tests).
    ``console``: where to show a progress bar over partitions (on a terminal).
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    files, skipped = list_files(paths)
    parts = split(files, partitions)
    summary = DaskSummary(out_dir, partitions=len(parts), skipped=skipped)
    if parts:
        if client is not None:
            _run(client, parts, out_dir, retries, summary, console)
        else:
            with _client(address, workers) as own:
                _run(own, parts, out_dir, retries, summary, console)
    for folder in complete_partitions(out_dir):
        summary.skipped.extend(read_skipped(folder))
    summary.seconds = time.perf_counter() - started
    return summary


def _run(
    client: Any,
    parts: list[list[str]],
    out_dir: Path,
    retries: int,
    summary: DaskSummary,
    console: Console | None,
) -> None:
    from distributed import as_completed

    _register_warm_up(client)
    indices = list(range(len(parts)))
    futures = client.map(
        process_partition,
        indices,
        parts,
        [str(out_dir)] * len(parts),
        retries=retries,
        pure=False,
    )
    index_of = {f.key: i for f, i in zip(futures, indices, strict=True)}
    with _progress(console, len(parts)) as advance:
        for future in as_completed(futures):
            try:
                summary.written.append(future.result())
            except Exception as exc:  # noqa: BLE001 - reported: the other partitions go on
                summary.failed.append((index_of[future.key], f"{type(exc).__name__}: {exc}"))
            advance()
    summary.written.sort(key=lambda m: m["index"])
    summary.failed.sort()


@contextmanager
def _progress(console: Console | None, total: int) -> Iterator[Callable[[], None]]:
    """A transient bar over the partitions, with rate and ETA, on a terminal only."""
    if console is None or not console.is_terminal:
        yield lambda: None
        return
    columns = (
        TextColumn("partitions"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("dask", total=total)
        yield lambda: progress.advance(task)


class _Client:
    """A ``distributed.Client`` to ``address``, with its LocalCluster when "local"."""

    def __init__(self, address: str, workers: int | None) -> None:
        from distributed import Client, LocalCluster

        from eventwire.workers import default_workers

        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(
                n_workers=workers or default_workers(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _client(address: str, workers: int | None) -> _Client:
    return _Client(address, workers)


def _register_warm_up(client: Any) -> None:
    """Load the model on every worker, now and on workers that join later."""
    from distributed.diagnostics.plugin import WorkerPlugin

    class WarmUp(WorkerPlugin):  # type: ignore[misc]
        name = "eventwire-warm-up"

        def setup(self, worker: Any) -> None:
            from eventwire.workers import load_models

            load_models()

    client.register_plugin(WarmUp())


@dataclass
class LoadSummary:
    """What ``load_parquet`` did."""

    db_path: Path
    partitions: int = 0
    documents_read: int = 0
    documents_new: int = 0
    uncoded: int = 0  # documents whose coding failed in the task: stored, coded by a later ingest
    skipped: list[Skipped] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def render(self) -> Table:
        table = Table(
            title=f"Loaded into {self.db_path}",
            caption=f"{self.partitions} partitions in {self.seconds:.1f} s",
        )
        table.add_column("")
        table.add_column("this load", justify="right")
        table.add_column("in database", justify="right")
        total = self.totals.get
        table.add_row("documents read", str(self.documents_read), "")
        table.add_row("documents new", str(self.documents_new), str(total("documents", "")))
        table.add_row("documents uncoded", str(self.uncoded), "")
        table.add_row("event mentions", "", str(total("mentions", "")))
        table.add_row("events (merged)", "", str(total("events", "")))
        table.add_row("skipped (in the run)", str(len(self.skipped)), "")
        return table


def load_parquet(out_dir: Path, db_path: Path) -> LoadSummary:
    """Merge every finished partition under ``out_dir`` into ``db_path`` (idempotent)."""
    from eventwire.store.database import Database
    from eventwire.store.schema import utc_now

    started = time.perf_counter()
    summary = LoadSummary(Path(db_path))
    with Database(db_path) as db:
        for folder in complete_partitions(Path(out_dir)):
            summary.partitions += 1
            summary.skipped.extend(read_skipped(folder))
            for batch in read_partition(folder):
                now = utc_now()
                coded = [(d, e) for d, e in batch if e is not None]
                uncoded = [d for d, e in batch if e is None]
                summary.documents_read += len(batch)
                summary.uncoded += len(uncoded)
                # Mentions merged once at the end: a bulk load (store.database).
                summary.documents_new += db.writer.store_coded(coded, now, merge=False)
                if uncoded:
                    summary.documents_new += sum(db.writer.store_documents(uncoded, now))
        db.writer.merge_pending()
        summary.totals = db.counts()
        summary.totals.update(db.event_counts())
    summary.seconds = time.perf_counter() - started
    return summary
