"""Server-rendered pages (Jinja2, autoescape on): overview, dyad, event,
document, actor, lists and search.

Templates get plain data (store/views.py dataclasses, chart geometry from
charts.py); all text is escaped by Jinja, and links to source articles are
kept only when they are http(s) URLs.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from eventwire.event import PLOVER_TYPES
from eventwire.store import query, views
from eventwire.web import charts
from eventwire.web.api import COUNTRY, ID, PERIOD, check_type, conn_of, dyad_of

PAGE_SIZE = 50
MAX_PAGE = 100_000

router = APIRouter(include_in_schema=False)

Page = Annotated[int, Query(ge=1, le=MAX_PAGE)]
# An empty form field means "no filter": the period pattern accepts it too.
FormPeriod = Annotated[str | None, Query(pattern=f"({PERIOD})|^$")]


def safe_url(url: str | None) -> str | None:
    """``url`` if it is http(s), else None: a ``javascript:`` link is not a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def entity_label(entity: Any) -> str:
    """'Andreï Kartapolov (RUS MIL)' or 'RUS GOV'."""
    codes = " ".join(x for x in (entity.country, entity.sector) if x)
    if entity.name:
        return f"{entity.name} ({codes})" if codes else entity.name
    return codes or "?"


def make_templates(folder: Path) -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,  # article text is untrusted: escape everything by default
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["entity"] = entity_label
    env.globals["family_labels"] = charts.FAMILY_LABELS
    return Jinja2Templates(env=env)


def render(request: Request, name: str, status: int = 200, /, **context: Any) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status, status=status, message=message, title="Error")


def pager(request: Request, page: int, total: int, size: int | None = None) -> dict[str, Any]:
    """Previous/next links that keep the other query parameters."""
    size = size or PAGE_SIZE
    pages = max(1, math.ceil(total / size))
    params = {k: v for k, v in request.query_params.items() if k != "page" and v}

    def link(n: int) -> str:
        return "?" + urlencode({**params, "page": n})

    return {
        "page": page, "pages": pages, "total": total,
        "prev": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if page < pages else None,
    }  # fmt: skip


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> Response:
    conn = conn_of(request)
    with query.snapshot(conn):
        stats = query.select_stats(conn, top=10)
        latest = views.latest_events(conn, 10)
        documents = views.count_documents(conn)
        actors = conn.execute("SELECT COUNT(*) FROM actors").fetchone()[0]
    balance = charts.balance_bar(charts.family_counts(stats.by_quad_class))
    return render(request, "overview.html", title="Overview", stats=stats, latest=latest,
                  documents=documents, actors=actors, balance=balance)  # fmt: skip


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad(
    request: Request,
    a: Annotated[str, PathParam(pattern=COUNTRY)],
    b: Annotated[str, PathParam(pattern=COUNTRY)],
    type: str | None = None,
    since: FormPeriod = None,
    until: FormPeriod = None,
    page: Page = 1,
) -> Response:
    conn = conn_of(request)
    filters: dict[str, Any] = dict(
        dyad=dyad_of(a, b), type=check_type(type), since=since or None, until=until or None
    )
    with query.snapshot(conn):
        timeline = views.dyad_timeline(
            conn, filters["dyad"], "month", type=filters["type"], since=filters["since"],
            until=filters["until"],
        )  # fmt: skip
        total = query.count_events(conn, query.EventFilter(**filters))
        found = query.select_events(
            conn, query.EventFilter(**filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        )
    first, second = query.parse_dyad(filters["dyad"])
    chart = charts.timeline_chart(views.fill_periods(timeline))
    undated = total - sum(bucket.events for bucket in timeline)
    return render(
        request, "dyad.html", title=f"{first}–{second}", a=first, b=second, chart=chart,
        events=found, pager=pager(request, page, total), types=PLOVER_TYPES,
        filters=filters, undated=undated,
    )  # fmt: skip


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: Annotated[str, PathParam(pattern=ID)]) -> Response:
    conn = conn_of(request)
    with query.snapshot(conn):
        found = views.event(conn, event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        mentions = views.mentions(conn, event_id)
    sources = [
        (m, views.segments(m.part_text, [(m.text_start, m.text_end, "evidence")]))
        for m in mentions
    ]
    return render(request, "event.html", title=f"{found.type} event", event=found,
                  sources=sources)  # fmt: skip


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, page: Page = 1) -> Response:
    conn = conn_of(request)
    total = views.count_documents(conn)
    found = views.documents(conn, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return render(request, "documents.html", title="Documents", documents=found,
                  pager=pager(request, page, total))  # fmt: skip


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: Annotated[str, PathParam(pattern=ID)]) -> Response:
    found = views.document(conn_of(request), doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    by_mention = {m.id: m for m in found.mentions}
    parts = []
    for part in found.parts:
        spans = [(m.text_start, m.text_end, m.id) for m in found.mentions
                 if m.part_index == part.idx]  # fmt: skip
        parts.append((part, views.segments(part.text, spans)))
    return render(request, "document.html", title=found.summary.title or found.summary.name,
                  doc=found, parts=parts, by_mention=by_mention)  # fmt: skip


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    """The OpenAPI schema as a page: works offline, needs no script."""
    schema = request.app.openapi()
    routes = []
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            params = [
                {
                    "name": p["name"], "in": p["in"], "required": p.get("required", False),
                    "description": p.get("description") or p.get("schema", {}).get("description"),
                    "schema": _schema_text(p.get("schema", {})),
                }
                for p in spec.get("parameters", [])
            ]  # fmt: skip
            routes.append({"method": method.upper(), "path": path, "summary": spec.get("summary"),
                           "description": spec.get("description"), "params": params,
                           "responses": sorted(spec.get("responses", {}))})  # fmt: skip
    return render(request, "api_docs.html", title="API", routes=routes, info=schema["info"])


def _schema_text(schema: dict[str, Any]) -> str:
    """'integer, 1..500, default 50' from a JSON schema."""
    options = schema.get("anyOf", [schema])
    types = [o.get("type", "") for o in options if o.get("type") != "null"]
    enum = [v for o in options for v in o.get("enum", [])]
    bits = [" or ".join(t for t in types if t) or "any"]
    if enum:
        bits.append("one of " + ", ".join(map(str, enum)))
    for o in options:
        if "minimum" in o or "maximum" in o:
            bits.append(f"{o.get('minimum', '')}..{o.get('maximum', '')}")
        if "pattern" in o:
            bits.append(f"pattern {o['pattern']}")
        if "maxLength" in o:
            bits.append(f"at most {o['maxLength']} characters")
    if schema.get("default") is not None:
        bits.append(f"default {schema['default']}")
    return ", ".join(bits)


@router.get("/actors", response_class=HTMLResponse)
def actors(
    request: Request,
    name: Annotated[str | None, Query(max_length=200)] = None,
    country: Annotated[str | None, Query(pattern=f"({COUNTRY})|^$")] = None,
    page: Page = 1,
) -> Response:
    found = query.select_actors(conn_of(request), country=country or None, name=name or None)
    shown = found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return render(request, "actors.html", title="Actors", actors=shown, name=name or "",
                  country=country or "", pager=pager(request, page, len(found)))  # fmt: skip


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, actor_id: Annotated[str, PathParam(pattern=ID)]) -> Response:
    conn = conn_of(request)
    with query.snapshot(conn):
        found = views.actor(conn, actor_id)
        if found is None:
            raise HTTPException(404, f"no actor {actor_id!r}")
        timeline = views.actor_timeline(conn, actor_id)
        partners = views.top_partners(conn, actor_id)
        total = views.count_actor_events(conn, actor_id)
        latest = views.actor_events(conn, actor_id, PAGE_SIZE)
    chart = charts.timeline_chart(views.fill_periods(timeline))
    return render(request, "actor.html", title=found.name or found.id, actor=found, chart=chart,
                  partners=partners, total=total, events=latest)  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    in_: Annotated[str, Query(alias="in", pattern="^(documents|evidence)$")] = "documents",
    page: Page = 1,
) -> Response:
    conn = conn_of(request)
    hits: list[views.SearchHit] = []
    events: list[query.StoredEvent] = []
    total = 0
    offset = (page - 1) * PAGE_SIZE
    if q.strip():
        if in_ == "evidence":
            total = query.count_events(conn, query.EventFilter(text=q))
            events = query.select_events(
                conn, query.EventFilter(text=q, limit=PAGE_SIZE, offset=offset)
            )
        else:
            total = views.count_search_documents(conn, q)
            hits = views.search_documents(conn, q, PAGE_SIZE, offset)
    return render(request, "search.html", title="Search", q=q, scope=in_, hits=hits,
                  events=events, pager=pager(request, page, total))  # fmt: skip
