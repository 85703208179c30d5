"""Worker processes for ingest: clean, parse and code in parallel, in order, with bounded memory.

The parse is the costly step of the road and spaCy holds the GIL, so the only
way to use several cores on one machine is several processes. Each worker
loads the spaCy pipeline and the coder's tables once (``_init_worker``), then
receives chunks of documents and sends back ``WorkResult``s: the cleaned
document and its events. The chunk is parsed with one batched ``nlp.pipe``
(``parse.parse_documents``), so short articles still fill the parser's batches.

``WorkerPool.map`` keeps at most ``inflight`` chunks submitted at once and
yields results in submission order: the main process reads ahead only that
far, so memory stays flat however large the corpus, and the database (one
writer, in the main process) sees documents in reading order, exactly as a
single-process run would store them.

Workers are started with the "spawn" method: the main process may run a
progress-bar thread and holds an SQLite connection, neither of which survives
a fork safely. A worker ends by itself when its ingest is killed (it would
otherwise wait forever on the pool's queue).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from eventwire.document import Document, Skipped
from eventwire.errors import coding_failure
from eventwire.event import Event

CHUNK_DOCUMENTS = 16  # documents a worker receives at a time: 2-4 parser batches of parts
INFLIGHT_PER_WORKER = 2  # chunks queued per worker: one being parsed, one waiting
PARENT_CHECK_SECONDS = 1.0  # how often a worker checks that its ingest is still alive

T = TypeVar("T")


@dataclass
class WorkItem:
    """A document to process. ``store``: new text, to clean and store; else only to code."""

    doc: Document
    store: bool = True


@dataclass
class WorkResult:
    """What became of one ``WorkItem``.

    ``doc`` is the cleaned document (None when it could not be cleaned);
    ``events`` None when coding failed (``skipped`` says why: the document is
    still stored, and coded by a later run).
    """

    item: WorkItem
    doc: Document | None
    events: list[Event] | None
    skipped: Skipped | None = None


def default_workers() -> int:
    """The number of cores this process may use (the CLI's default for ``--workers``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def process_items(items: list[WorkItem]) -> list[WorkResult]:
    """Clean (new documents), parse (one batched ``nlp.pipe``) and code a chunk.

    A document that cannot be cleaned or coded is reported in its result; the
    others of the chunk go on.
    """
    from eventwire.store.ingest import clean

    results: list[WorkResult] = []
    ready: list[WorkResult] = []  # cleaned, waiting for the parse
    for item in items:
        cleaned = clean(item.doc) if item.store else item.doc
        if isinstance(cleaned, Skipped):
            results.append(WorkResult(item, None, None, cleaned))
        else:
            result = WorkResult(item, cleaned, None)
            results.append(result)
            ready.append(result)
    _code_all(ready)
    return results


def _code_all(ready: list[WorkResult]) -> None:
    from eventwire.code import code_document
    from eventwire.parse import parse_documents

    docs = [r.doc for r in ready if r.doc is not None]
    try:
        parsed = [p for _, p in parse_documents(docs)]
    except Exception:  # noqa: BLE001 - one bad text must not lose the chunk: parse one by one
        parsed = None
    for i, result in enumerate(ready):
        assert result.doc is not None
        try:
            if parsed is None:
                from eventwire.parse import parse_document

                spacy_docs = parse_document(result.doc)
            else:
                spacy_docs = parsed[i]
            result.events = code_document(result.doc, spacy_docs)
        except Exception as exc:  # noqa: BLE001 - reported as a skip, never silenced
            reason = coding_failure(exc)
            result.skipped = Skipped(result.doc.source, reason)


def _init_worker(parent: int) -> None:
    """Start a worker of the pool: end with the ingest, load the models.

    ``parent``: the ingest's process id, given by the ingest itself (the worker may start
    after the ingest was killed, and would then see its new parent as its own).
    """
    _exit_with_parent(parent)
    load_models()


def load_models() -> None:
    """Load the French pipeline and coder tables once, before the first chunk arrives."""
    from eventwire.parse import DEFAULT_LANG, load_pipeline
    from eventwire.pipeline import warm_up

    load_pipeline(DEFAULT_LANG)
    warm_up(DEFAULT_LANG)


def _exit_with_parent(parent: int) -> None:
    """A worker whose ingest was killed (SIGKILL, out of memory) would wait forever on the
    pool's queue; a watcher thread ends it once it has been handed to another parent."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


class WorkerPool:
    """``workers`` processes, each with the spaCy pipeline loaded once."""

    def __init__(self, workers: int, *, inflight: int | None = None) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.inflight = inflight or workers * INFLIGHT_PER_WORKER
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(os.getpid(),),
        )

    def submit(self, items: list[WorkItem]) -> Future[list[WorkResult]]:
        """Process one chunk in a worker (the caller bounds how many are pending)."""
        return self._executor.submit(process_items, items)

    def map(
        self, fn: Callable[[T], list[WorkResult]], chunks: Iterable[T]
    ) -> Iterator[tuple[T, list[WorkResult]]]:
        """``fn(chunk)`` in the workers, in order, at most ``inflight`` chunks at once."""
        window: deque[tuple[T, Future[list[WorkResult]]]] = deque()
        for chunk in chunks:
            window.append((chunk, self._executor.submit(fn, chunk)))
            if len(window) >= self.inflight:
                first, future = window.popleft()
                yield first, future.result()
        while window:
            first, future = window.popleft()
            yield first, future.result()

    def peak_rss(self) -> list[int]:
        """Peak resident memory (bytes) of each live worker process, from /proc (Linux)."""
        # The executor's process table is private but has been stable since 3.2;
        # asking the workers themselves could not guarantee one answer per worker.
        processes = getattr(self._executor, "_processes", None) or {}
        return [rss for rss in map(_vm_hwm, list(processes)) if rss is not None]

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _vm_hwm(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def chunked(items: Iterable[T], size: int = CHUNK_DOCUMENTS) -> Iterator[list[T]]:
    """Lists of ``size`` consecutive items (the last one shorter)."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def code_in_workers(
    docs: Iterable[Document], workers: int, *, chunk: int = CHUNK_DOCUMENTS
) -> Iterator[WorkResult]:
    """Clean, parse and code read documents in ``workers`` processes; results in reading order."""
    with WorkerPool(workers) as pool:
        items = (WorkItem(doc) for doc in docs)
        for _, results in pool.map(process_items, chunked(items, chunk)):
            yield from results
