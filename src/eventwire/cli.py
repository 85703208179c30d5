"""The ``eventwire`` command line. Each subcommand is a thin shell over one stage.

Errors reach the user as one line naming the file and the reason; the exit
code is 0 when everything was processed, 1 when something was skipped, 2 on
a usage or fatal error.
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from eventwire.errors import EventwireError

app = typer.Typer(
    help="Political event data from French and English news: who did what to whom, when and where.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

PathsArg = Annotated[
    list[Path], typer.Argument(help="Files or folders (recursive): .txt, .html, .jsonl, .warc(.gz).")
]
DEFAULT_DB = "eventwire.db"
DbOption = Annotated[
    Path | None,
    typer.Option("--db", help=f"SQLite database (default: $EVENTWIRE_DB or ./{DEFAULT_DB})."),
]


def db_path(db: Path | None) -> Path:
    return db or Path(os.environ.get("EVENTWIRE_DB") or DEFAULT_DB)


class ReadFormat(StrEnum):
    table = "table"
    json = "json"


class ExtractFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


class EventsFormat(StrEnum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


class ExportProfile(StrEnum):
    eventwire = "eventwire"
    polecat = "polecat"
    gdelt = "gdelt"


ActorOption = Annotated[str | None, typer.Option("--actor", help="Actor country (ISO3 or IGO).")]
RecipientOption = Annotated[
    str | None, typer.Option("--recipient", help="Recipient country (ISO3 or IGO).")
]
DyadOption = Annotated[
    str | None, typer.Option("--dyad", help="Two countries, either direction: VNM-RUS.")
]
TypeOption = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="First date: YYYY, YYYY-MM or YYYY-MM-DD.")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Last date: YYYY, YYYY-MM or YYYY-MM-DD.")
]


def _report_skipped(skipped: list) -> None:
    for s in skipped:
        err.print(f"[yellow]skipped[/] {s.source}: {s.reason}")


def _finish(summary: Any) -> None:
    """Print a run's summary and its skipped sources; exit 1 when something was skipped."""
    out.print(summary.render())
    _report_skipped(summary.skipped)
    if summary.skipped:
        raise typer.Exit(1)


@app.command()
def read(
    paths: PathsArg,
    format: Annotated[ReadFormat, typer.Option("--format", "-f", help="Output format.")] = ReadFormat.table,
    raw: Annotated[bool, typer.Option("--raw", help="Include the raw text (json only).")] = False,
) -> None:
    """Read and clean documents, and show how each was segmented."""
    from eventwire.clean import clean_document
    from eventwire.document import Skipped
    from eventwire.read import read_paths
    from eventwire.report import document_json, document_table_row, read_table

    skipped: list[Skipped] = []
    table = read_table() if format is ReadFormat.table else None
    for item in read_paths(paths):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        doc = clean_document(item)
        if table is not None:
            table.add_row(*document_table_row(doc))
        else:
            out.print(json.dumps(document_json(doc, raw=raw), ensure_ascii=False), markup=False)
    if table is not None:
        out.print(table)
    _report_skipped(skipped)
    if skipped:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = None,
    code: Annotated[
        bool, typer.Option("--code/--no-code", help="Code events (parse + code), or store documents only.")
    ] = True,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=0, help="Worker processes for clean+parse+code (default: the number of cores; 0: in this process)."),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", metavar="ADDRESS|local", help="Run on Dask (scheduler address, or 'local' for a LocalCluster) and write Parquet partitions to --out; load them with 'eventwire load'."),
    ] = None,
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Output folder of the Parquet partitions (with --dask).")
    ] = None,
    partitions: Annotated[
        int | None, typer.Option("--partitions", min=1, help="Dask partitions (default: one per 32 files).")
    ] = None,
) -> None:
    """Read, clean, code and store documents and events (idempotent, resumable)."""
    if dask is not None:
        if out_dir is None:
            raise typer.BadParameter("--dask needs --out DIR", param_hint="--out")
        from eventwire.distributed import run_dask

        result = run_dask(paths, dask, out_dir, partitions, workers=workers or None, console=err)
        out.print(result.render())
        for index, error in result.failed:
            err.print(f"[red]partition {index} failed[/] (after retries): {error}")
        _report_skipped(result.skipped)
        if result.failed or result.skipped:
            raise typer.Exit(1)
        return
    from eventwire.store.ingest import ingest_paths, pipeline_coder
    from eventwire.workers import default_workers

    n = default_workers() if workers is None else workers
    summary = ingest_paths(
        paths, db_path(db), console=err, coder=pipeline_coder if code else None,
        workers=n if code else None,
    )
    _finish(summary)


@app.command()
def recode(
    db: DbOption = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Only the documents of this language (fr, en).")] = None,
) -> None:
    """Code the stored documents again (after editing a lexicon or table) and replace their events."""
    from eventwire.store.recode import recode_database

    _finish(recode_database(db_path(db), err, lang=lang))


@app.command()
def load(
    output_dir: Annotated[Path, typer.Argument(help="Folder of Parquet partitions written by 'ingest --dask'.")],
    db: DbOption = None,
) -> None:
    """Merge the Parquet partitions of 'ingest --dask' into the database (idempotent)."""
    from eventwire.distributed import load_parquet

    if not output_dir.is_dir():
        raise typer.BadParameter(f"{output_dir} is not a folder", param_hint="OUTPUT_DIR")
    summary = load_parquet(output_dir, db_path(db))
    _finish(summary)


@app.command()
def extract(
    paths: PathsArg,
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.jsonl,
) -> None:
    """Read, clean and code documents; print one FORMAT.md record per document."""
    from eventwire.document import Skipped
    from eventwire.pipeline import extract_records
    from eventwire.report import event_lines

    skipped: list[Skipped] = []
    records = []
    for item in extract_records(paths):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        if format is ExtractFormat.jsonl:
            out.print(json.dumps(item, ensure_ascii=False), markup=False)
        else:
            records.append(item)
    if format is ExtractFormat.table:
        for line in event_lines(records):
            out.print(line, no_wrap=True, overflow="ellipsis")
    _report_skipped(skipped)
    if skipped:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Argument(help="Gold file (FORMAT.md JSON Lines).")],
    docs: Annotated[Path, typer.Option("--docs", help="Folder holding the documents GOLD names.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Only the gold documents of this language (fr, en).")
    ] = None,
    select: Annotated[
        str | None,
        typer.Option("--select", help="Only the documents whose name matches this glob, e.g. '1?[13579]_*'."),
    ] = None,
    full_parse: Annotated[
        bool,
        typer.Option(
            "--full-parse",
            help="Recognise entities in every part, not only where a trigger is (same scores, slower).",
        ),
    ] = False,
) -> None:
    """Score the coder against gold events, as FORMAT.md defines."""
    from eventwire.evaluate import evaluate_against_gold, render_report
    from eventwire.parse import FULL_PARSE_ENV

    if full_parse:
        os.environ[FULL_PARSE_ENV] = "1"

    report = evaluate_against_gold(gold, docs, lang=lang, select=select)
    if as_json:
        out.print(json.dumps(report.to_json(), ensure_ascii=False, indent=2), markup=False)
    else:
        render_report(report, out)


@app.command()
def events(
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    dyad: DyadOption = None,
    type: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    text: Annotated[
        str | None, typer.Option("--text", help="Full-text search in the evidence (diacritics folded).")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many events.")] = None,
    format: Annotated[EventsFormat, typer.Option("--format", "-f", help="Output format.")] = EventsFormat.table,
    db: DbOption = None,
) -> None:
    """Query the merged events; each jsonl record lists its sources."""
    from eventwire.store.render import show_events

    show_events(
        db_path(db), out, fmt=format.value, actor=actor, recipient=recipient, dyad=dyad,
        type=type, since=since, until=until, text=text, limit=limit,
    )  # fmt: skip


@app.command()
def actors(
    country: Annotated[str | None, typer.Option("--country", help="Country (ISO3 or IGO).")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Part of the name or an alias.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many actors.")] = 100,
    db: DbOption = None,
) -> None:
    """List actors: stable id, canonical name, aliases, country, sector."""
    from eventwire.store.render import show_actors

    show_actors(db_path(db), out, country=country, name=name, limit=limit)


@app.command()
def stats(
    top: Annotated[int, typer.Option("--top", help="How many dyads to show.")] = 10,
    db: DbOption = None,
) -> None:
    """Counts by type and month, top dyads, cooperation/conflict balance by dyad."""
    from eventwire.store.render import show_stats

    show_stats(db_path(db), out, top=top)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to find in the documents (FTS5 syntax).")],
    limit: Annotated[int, typer.Option("--limit", help="At most this many documents.")] = 20,
    db: DbOption = None,
) -> None:
    """Full-text search over the stored documents (diacritics folded)."""
    from eventwire.store.render import show_search

    show_search(db_path(db), out, text, limit=limit)


@app.command()
def export(
    out_path: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    format: Annotated[
        ExportFormat | None,
        typer.Option("--format", "-f", help="csv, jsonl or parquet (default: from the file name)."),
    ] = None,
    profile: Annotated[
        ExportProfile, typer.Option("--profile", help="Columns: eventwire, polecat or gdelt.")
    ] = ExportProfile.eventwire,
    actor: ActorOption = None,
    recipient: RecipientOption = None,
    dyad: DyadOption = None,
    type: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
) -> None:
    """Export events as CSV, JSON Lines or Parquet, in eventwire, PLOVER or GDELT columns."""
    from eventwire.export import export_events

    written = export_events(
        db_path(db), out_path, format.value if format else None, profile.value,
        actor=actor, recipient=recipient, dyad=dyad, type=type, since=since, until=until,
    )  # fmt: skip
    err.print(f"{written} events written to {out_path}")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (default: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the read-only dashboard and JSON API (API docs at /api/docs)."""
    from eventwire.web.app import serve as run_server

    run_server(db_path(db), host=host, port=port)


def main() -> None:
    try:
        app()
    except EventwireError as exc:
        err.print(f"[red]error:[/] {exc}", markup=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
