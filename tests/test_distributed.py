"""Dask scale-out: partitions on a LocalCluster give the events of a single-process ingest."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from eventwire.document import Document
from eventwire.event import Event
from eventwire.partitions import (
    PartitionWriter,
    complete_partitions,
    document_from_json,
    document_json,
    event_from_json,
    event_json,
)
from eventwire.store.ingest import ingest_paths, pipeline_coder
from test_workers import dump

try:
    import distributed
except ImportError:  # an optional dependency, but one CI must have
    if os.environ.get("CI", "").lower() == "true":
        raise
    pytest.skip("dask[distributed] is not installed", allow_module_level=True)

from eventwire.distributed import load_parquet, run_dask, split  # noqa: E402


def quiet() -> Console:
    return Console(file=io.StringIO())


def test_split_keeps_order_and_balances() -> None:
    files = [f"f{i}" for i in range(10)]
    parts = split(files, 4)
    assert [len(p) for p in parts] == [3, 3, 2, 2]
    assert [f for p in parts for f in p] == files
    assert split(files, 50) == [[f] for f in files]  # never an empty partition
    assert split([], 3) == []


@pytest.mark.slow
def test_local_cluster_gives_the_single_process_events(shared_dir: Path, tmp_path: Path) -> None:
    corpus = shared_dir / "corpus"
    single = tmp_path / "single.db"
    ingest_paths([corpus], single, quiet(), coder=pipeline_coder)

    out = tmp_path / "out"
    summary = run_dask([corpus], "local", out, partitions=4, workers=2)
    assert not summary.failed and len(summary.written) == 4
    assert summary.documents > 60 and summary.events > 0
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary left

    loaded = tmp_path / "loaded.db"
    first = load_parquet(out, loaded)
    assert first.documents_new > 0
    assert dump(loaded) == dump(single)
    again = load_parquet(out, loaded)  # idempotent
    assert again.documents_new == 0
    assert dump(loaded) == dump(single)


@pytest.fixture
def threads_client() -> Iterator[Any]:
    """A one-worker cluster in this process, so that a fault can be planted by monkeypatch."""
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    )
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def _plant_fault(monkeypatch: pytest.MonkeyPatch, index: int, failures: int) -> dict[str, int]:
    """Partition ``index`` crashes ``failures`` times after writing a row group to disk."""
    attempts = {"n": 0}
    write = PartitionWriter.write

    def faulty(self: PartitionWriter, rows: Any) -> None:
        write(self, rows)
        if self.final.name == f"part-{index:05d}":
            attempts["n"] += 1
            if attempts["n"] <= failures:
                raise OSError(f"disk went away (attempt {attempts['n']})")

    monkeypatch.setattr(PartitionWriter, "write", faulty)
    return attempts


@pytest.mark.slow
def test_failed_partition_is_retried_reported_and_never_half_loaded(
    dev_dir: Path, tmp_path: Path, threads_client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in sorted(dev_dir.glob("1[0-9][0-9]_*.txt"))[:6]:
        shutil.copy(f, corpus / f.name)

    # Fails once: the retry writes it whole.
    attempts = _plant_fault(monkeypatch, 1, failures=1)
    out = tmp_path / "retried"
    summary = run_dask([corpus], "", out, partitions=3, client=threads_client)
    assert attempts["n"] == 2 and not summary.failed and len(summary.written) == 3
    reference = tmp_path / "reference.db"
    load_parquet(out, reference)

    # Fails every time: reported, nothing of it published, the rest loads.
    monkeypatch.undo()
    _plant_fault(monkeypatch, 1, failures=99)
    out = tmp_path / "broken"
    summary = run_dask([corpus], "", out, partitions=3, client=threads_client)
    assert [i for i, _ in summary.failed] == [1]
    assert "disk went away" in summary.failed[0][1]
    assert [p.name for p in complete_partitions(out)] == ["part-00000", "part-00002"]
    assert not list(out.glob(".*"))  # the failed attempts' temporary folders are gone
    db = tmp_path / "partial.db"
    partial = load_parquet(out, db)
    assert partial.partitions == 2 and partial.documents_read == 4

    # Rerun the whole job without the fault, load again: as if it never failed.
    monkeypatch.undo()
    summary = run_dask([corpus], "", out, partitions=3, client=threads_client)
    assert not summary.failed
    load_parquet(out, db)
    assert dump(db) == dump(reference)


@pytest.mark.slow
def test_json_columns_rebuild_documents_and_events(seeds_dir: Path) -> None:
    from eventwire.pipeline import extract_document
    from eventwire.read import read_paths

    doc = next(d for d in read_paths([seeds_dir]) if isinstance(d, Document))
    from eventwire.clean import clean_document
    from eventwire.code import code_document
    from eventwire.parse import parse_document

    cleaned = clean_document(doc)
    events: list[Event] = code_document(cleaned, parse_document(cleaned))
    assert events, "a seed article must give events"
    assert document_from_json(document_json(cleaned)) == cleaned
    assert [event_from_json(event_json(e)) for e in events] == events
    assert extract_document(cleaned)["events"] == [e.to_record() for e in events]
