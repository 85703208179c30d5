"""Store benchmark (``make bench-store``): 1,000,000 synthetic events in a fresh database.

By default 1,800,000 synthetic event mentions, which merge into about a
million events (the synthetic data is dense: reports of one event, and
events of one dyad and type within a day, merge).

Prints the insert rate (documents, mentions, full-text indexes), the merge
rate, the incremental ingest rate (merging as it writes, as ``eventwire
ingest`` does), the time of a dyad's month-by-month timeline (goal < 300 ms)
and of full-text queries. Synthetic data: see ``eventwire.store.synthetic``.

    .venv/bin/python scripts/bench_store.py [--events 1800000] [--db bench.db]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any

from eventwire.store import open_database
from eventwire.store.query import dyad_timeline
from eventwire.store.synthetic import synthetic_documents

TIMELINE_GOAL_S = 0.300
BATCH = 2_000  # documents per transaction


def timed(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, float, Any]:
    """(first run, median of the next runs) in seconds, and the result."""
    started = time.perf_counter()
    result = fn()
    first = time.perf_counter() - started
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return first, statistics.median(runs), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_800_000, help="synthetic mentions")
    parser.add_argument("--incremental", type=int, default=20_000, help="mentions merged as written")
    parser.add_argument("--db", type=Path, default=None, help="database file (default: a temp one)")
    args = parser.parse_args(argv)
    folder = None if args.db else tempfile.TemporaryDirectory(prefix="bench-store-")
    path = args.db or Path(folder.name) / "bench.db"  # type: ignore[union-attr]
    if path.exists():
        sys.exit(f"{path} exists: the benchmark needs a fresh database")
    print(f"database: {path}")
    with open_database(path) as db:
        # 1. Bulk load: documents, parts, mentions, FTS; merging deferred.
        stream = synthetic_documents(args.events, seed=1)
        started = time.perf_counter()
        docs = 0
        while batch := list(islice(stream, BATCH)):
            db.writer.store_coded(batch, "2026-01-01T00:00:00Z", merge=False)
            docs += len(batch)
        load_s = time.perf_counter() - started
        print(f"bulk insert: {args.events:,} mentions in {docs:,} documents: {load_s:.1f} s "
              f"({args.events / load_s:,.0f} mentions/s, {docs / load_s:,.0f} documents/s)")

        # 2. Merge everything (linear: one sort per type+participants block).
        started = time.perf_counter()
        events = db.writer.merge_all()
        merge_s = time.perf_counter() - started
        print(f"merge: {events:,} events from {args.events:,} mentions in {merge_s:.1f} s "
              f"({args.events / merge_s:,.0f} mentions/s; "
              f"{args.events / events:.2f} mentions per event)")

        # 3. Incremental: new documents merged in their own transaction, as ingest does.
        extra = synthetic_documents(args.incremental, seed=2, first_index=10**8)
        started = time.perf_counter()
        while batch := list(islice(extra, 64)):
            db.writer.store_coded(batch, "2026-01-01T00:00:00Z")
        inc_s = time.perf_counter() - started
        print(f"incremental (merge per 64-document transaction): {args.incremental:,} mentions "
              f"in {inc_s:.1f} s ({args.incremental / inc_s:,.0f} mentions/s)")
        totals = db.event_counts()
        conn = db.reader
        unmerged = conn.execute("SELECT COUNT(*) FROM mentions WHERE event_id IS NULL").fetchone()[0]
        counted = conn.execute("SELECT SUM(num_mentions) FROM events").fetchone()[0]
        if unmerged or counted != totals["mentions"]:
            sys.exit(f"inconsistent: {unmerged} unmerged mentions, events count {counted}")
        print(f"database: {totals['events']:,} events, {totals['mentions']:,} mentions, "
              f"{totals['actors']:,} actors, {path.stat().st_size / 1e6:,.0f} MB")

        # 4. Queries.
        top = db.stats(top=1).dyads[0]
        dyad = f"{top.a}-{top.b}"
        first, median, months = timed(lambda: dyad_timeline(conn, dyad))
        verdict = "OK" if median < TIMELINE_GOAL_S else "OVER GOAL"
        print(f"dyad timeline {dyad} ({top.events:,} events, {len(months)} months): "
              f"first {first * 1000:.1f} ms, median {median * 1000:.1f} ms "
              f"({median / TIMELINE_GOAL_S:.3f} of the 300 ms goal: {verdict})")
        first, median, found = timed(lambda: db.events(dyad=dyad, since="2019", until="2019"))
        print(f"events of {dyad} in 2019 with sources ({len(found):,}): "
              f"first {first * 1000:.1f} ms, median {median * 1000:.1f} ms")
        first, median, found = timed(lambda: db.events(text="mémorandum Hanoi", limit=100))
        print(f"full text over evidence 'mémorandum Hanoi' (first 100 events): "
              f"first {first * 1000:.1f} ms, median {median * 1000:.1f} ms")
        first, median, hits = timed(lambda: db.search_documents("Hanoi memorandum", limit=20))
        print(f"full text over documents 'Hanoi memorandum' (best 20): "
              f"first {first * 1000:.1f} ms, median {median * 1000:.1f} ms")
        first, median, _ = timed(lambda: db.stats(top=10), repeat=1)
        print(f"stats (by type, month, top dyads): {first * 1000:.0f} ms")
    if folder:
        folder.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
