"""How documents and events are shown to people (Rich tables) and machines (JSON)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.table import Table
from rich.text import Text

from eventwire.document import Document


def document_json(doc: Document, raw: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": doc.id,
        "doc": doc.name,
        "source": doc.source,
        "format": doc.format,
        "lang": doc.lang,
        "title": doc.meta.title,
        "url": doc.meta.url,
        "published": doc.meta.published,
        "dateline": vars(doc.dateline) if doc.dateline else None,
        "parts": [
            {"kind": p.kind, "teaser": p.teaser, "text": p.text}
            for p in doc.parts
        ],
    }
    if raw:
        data["raw"] = doc.raw
    return data


def read_table() -> Table:
    table = Table(title="Documents read")
    for column in ("doc", "lang", "published", "title", "parts", "teasers"):
        table.add_column(column, overflow="fold")
    return table


def document_table_row(doc: Document) -> list[str]:
    kinds = Counter(p.kind for p in doc.parts)
    body = ", ".join(f"{k} {n}" for k, n in kinds.items() if not k.startswith("teaser"))
    teasers = len({p.teaser for p in doc.parts if p.teaser is not None})
    title = next((p.text for p in doc.parts if p.kind == "title"), doc.meta.title or "")
    return [
        doc.name,
        doc.lang or "?",
        doc.meta.published or "",
        title[:70],
        body,
        str(teasers),
    ]


def _entities(entities: list[dict[str, Any]]) -> str:
    return "; ".join(
        "/".join(x for x in (e.get("country"), e.get("sector")) if x)
        + (f" {e['name']}" if e.get("name") else "")
        for e in entities
    )


def event_lines(records: list[dict[str, Any]]) -> list[Text]:
    """One line an event under a line naming its document; evidence last, so a
    narrow terminal cuts the evidence and never the who, what, when and where."""
    lines = []
    for record in records:
        lines.append(Text(f"{record['doc']} ({len(record['events'])} events)", style="bold"))
        for e in record["events"]:
            line = Text("  ")
            line.append(e["type"], style="cyan")
            if e.get("mode"):
                line.append(f"/{e['mode']}", style="cyan")
            if e["status"] != "occurred":
                line.append(f" ({e['status']})", style="yellow")
            if e["part"] == "teaser":
                line.append(" [teaser]", style="dim")
            line.append("  " + (_entities(e["actor"]) or "?"))
            if e["recipient"]:
                line.append(" -> " + _entities(e["recipient"]))
            when = e["date"] or "date?"
            if e.get("date_end"):
                when += f"..{e['date_end']}"
            line.append(f"  {when}", style="green")
            if e.get("place"):
                line.append(f"  @{e['place']['name']}", style="green")
            line.append(f"  « {e['evidence']} »", style="dim")
            lines.append(line)
    return lines
