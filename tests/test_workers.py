"""Ingest in worker processes stores exactly what a run in one process stores."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console

from eventwire.store.ingest import ingest_paths, pipeline_coder
from eventwire.workers import WorkerPool, WorkItem, chunked, default_workers, process_items
from test_store import dump as dump_all


def dump(db: Path) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Every table's rows but timestamps, ordered, for comparing two databases."""
    return dump_all(db, with_timestamps=False)


def quiet() -> Console:
    return Console(file=io.StringIO())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, dev_dir: Path) -> Path:
    """Real articles (both seeds, French and English dev files), a copy and an empty file."""
    folder = tmp_path_factory.mktemp("corpus")
    files = sorted(seeds_dir.iterdir()) + sorted(dev_dir.glob("10[1-6]_*.txt"))
    files += sorted(dev_dir.glob("12[89]_*.txt"))  # English
    for f in files:
        if f.is_file():
            shutil.copy(f, folder / f.name)
    first = next(f for f in sorted(folder.iterdir()) if f.suffix == ".txt")
    shutil.copy(first, folder / f"zz_copy_of_{first.name}")  # same text: one more source
    (folder / "zz_empty.txt").write_text("   \n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def single(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("single") / "single.db"
    summary = ingest_paths([corpus], db, quiet(), coder=pipeline_coder)
    assert summary.mentions > 0, "the corpus must give events for the comparison to mean much"
    return db


@pytest.mark.slow
def test_workers_store_what_one_process_stores(corpus: Path, single: Path, tmp_path: Path) -> None:
    db = tmp_path / "workers.db"
    summary = ingest_paths([corpus], db, quiet(), coder=pipeline_coder, workers=2)
    assert dump(db) == dump(single)
    assert [s.source for s in summary.skipped] == [str(corpus / "zz_empty.txt")]
    assert summary.documents_present == 1  # the copy
    # Idempotent: a second run with workers adds nothing.
    again = ingest_paths([corpus], db, quiet(), coder=pipeline_coder, workers=2)
    assert again.documents_new == 0 and again.mentions == 0
    assert dump(db) == dump(single)


@pytest.mark.slow
def test_workers_code_documents_stored_without_coder(
    corpus: Path, single: Path, tmp_path: Path
) -> None:
    db = tmp_path / "later.db"
    ingest_paths([corpus], db, quiet())  # documents only
    summary = ingest_paths([corpus], db, quiet(), coder=pipeline_coder, workers=1)
    assert summary.documents_new == 0 and summary.coded > 0
    assert dump(db) == dump(single)


@pytest.mark.slow
def test_pool_reads_ahead_only_its_window(corpus: Path) -> None:
    from eventwire.read import read_paths

    docs = [d for d in read_paths([corpus]) if not hasattr(d, "reason")]
    consumed = 0

    def chunks():  # type: ignore[no-untyped-def]
        nonlocal consumed
        for chunk in chunked((WorkItem(d) for d in docs), 2):
            consumed += 1
            yield chunk

    with WorkerPool(1, inflight=2) as pool:
        seen = []
        for chunk, results in pool.map(process_items, chunks()):
            # Never more than the window submitted beyond what came back.
            assert consumed - len(seen) <= 2
            seen.append(chunk)
            assert [r.item.doc.source for r in results] == [i.doc.source for i in chunk]
        assert pool.peak_rss() and all(rss > 0 for rss in pool.peak_rss())
    assert sum(len(c) for c in seen) == len(docs)


def test_workers_need_the_pipeline_coder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="pipeline coder"):
        ingest_paths([tmp_path], tmp_path / "x.db", quiet(), coder=lambda d: [], workers=2)


def test_default_workers_is_the_usable_cores() -> None:
    assert 1 <= default_workers()


def _children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_workers_end_when_the_ingest_is_killed(corpus: Path, tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    command = [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus),
               "--db", str(tmp_path / "k.db"), "--workers", "2"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        workers = {c for c in _children(proc.pid)
                   if "multiprocessing" in Path(f"/proc/{c}/cmdline").read_bytes().decode(errors="replace")}
    if proc.poll() is not None:
        pytest.skip("the ingest finished before its workers could be seen")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.2)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()
             and "Z" not in Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0]]
    assert not alive, f"worker processes {alive} outlived the killed ingest"
