"""The JSON API under /api (OpenAPI docs at /api/docs).

Filters are the ones of ``eventwire events``. Every list is paginated
(``limit`` at most ``MAX_LIMIT``) and says its ``total``. Bad parameters
are refused with 422 before any query runs; unknown ids give 404; both in
the one error shape of app.py.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from pydantic import BaseModel

from eventwire.event import PLOVER_TYPES
from eventwire.store import query, views

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_OFFSET = 10_000_000
PERIOD = r"^\d{4}(-\d{2}(-\d{2})?)?$"
COUNTRY = r"^[A-Za-z]{2,8}$"  # ISO3 codes, and IGO-like codes (EU, NATO)
ID = r"^[A-Za-z0-9:_.\-]{1,200}$"


class ErrorBody(BaseModel):
    """The shape of every error the API returns."""

    ok: Literal[False]
    error: str
    status: int


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "Unknown id"},
    422: {"model": ErrorBody, "description": "Bad parameter"},
}
router = APIRouter(prefix="/api", responses=ERRORS)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1 to {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Country = Annotated[str | None, Query(pattern=COUNTRY, description="ISO3 code, e.g. VNM.")]
Period = Annotated[str | None, Query(pattern=PERIOD, description="YYYY, YYYY-MM or YYYY-MM-DD.")]
TypeParam = Annotated[str | None, Query(description="PLOVER type, e.g. CONSULT.")]
Interval = Annotated[Literal["month", "year"], Query(description="Bucket size.")]


def conn_of(request: Request) -> sqlite3.Connection:
    return request.app.state.db.conn  # type: ignore[no-any-return]


def check_type(value: str | None) -> str | None:
    """A PLOVER type in any case, or 422 naming the valid ones."""
    if not value:
        return None
    if value.upper() not in PLOVER_TYPES:
        raise HTTPException(422, f"type {value!r}: expected one of {', '.join(PLOVER_TYPES)}")
    return value.upper()


def dyad_of(a: str, b: str) -> str:
    return f"{a.upper()}-{b.upper()}"


def event_record(event: query.StoredEvent) -> dict[str, Any]:
    return event.to_record()


@router.get("/events", summary="Events, filtered and paginated")
def list_events(
    request: Request,
    actor: Country = None,
    recipient: Country = None,
    dyad: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{2,8}-[A-Za-z]{2,8}$", description="e.g. VNM-RUS")
    ] = None,
    type: TypeParam = None,
    since: Period = None,
    until: Period = None,
    text: Annotated[str | None, Query(max_length=200, description="Words in the evidence.")] = None,
    text_in: Annotated[Literal["evidence", "documents"], Query()] = "evidence",
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    filters = dict(
        actor=actor, recipient=recipient, dyad=dyad, type=check_type(type), since=since,
        until=until, text=text or None, text_in=text_in,
    )  # fmt: skip
    conn = conn_of(request)
    with query.snapshot(conn):
        total = query.count_events(conn, query.EventFilter(**filters))  # type: ignore[arg-type]
        found = query.select_events(
            conn, query.EventFilter(**filters, limit=limit, offset=offset)  # type: ignore[arg-type]
        )
    return {"total": total, "limit": limit, "offset": offset,
            "items": [event_record(e) for e in found]}  # fmt: skip


@router.get("/events/{event_id}", summary="One event with all its mentions and sources")
def get_event(request: Request, event_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    conn = conn_of(request)
    found = views.event(conn, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return {"event": event_record(found),
            "mentions": [asdict(m) for m in views.mentions(conn, event_id)]}  # fmt: skip


@router.get("/actors", summary="Actors, most mentioned first")
def list_actors(
    request: Request,
    country: Country = None,
    name: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    found = query.select_actors(conn_of(request), country=country, name=name)
    return {"total": len(found), "limit": limit, "offset": offset,
            "items": [asdict(a) for a in found[offset : offset + limit]]}  # fmt: skip


@router.get("/actors/{actor_id}", summary="One actor: events by month and top partners")
def get_actor(
    request: Request, actor_id: Annotated[str, Path(pattern=ID)], interval: Interval = "month"
) -> dict[str, Any]:
    conn = conn_of(request)
    found = views.actor(conn, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return {
        "actor": asdict(found),
        "events": views.count_actor_events(conn, actor_id),
        "timeline": [bucket_record(b) for b in views.actor_timeline(conn, actor_id, interval)],
        "partners": [asdict(p) for p in views.top_partners(conn, actor_id)],
    }


@router.get("/documents", summary="Documents, newest first")
def list_documents(request: Request, limit: Limit = DEFAULT_LIMIT,
                   offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    conn = conn_of(request)
    return {"total": views.count_documents(conn), "limit": limit, "offset": offset,
            "items": [asdict(d) for d in views.documents(conn, limit, offset)]}  # fmt: skip


@router.get("/documents/{doc_id}", summary="One document: parts and the events coded in it")
def get_document(request: Request, doc_id: Annotated[str, Path(pattern=ID)]) -> dict[str, Any]:
    found = views.document(conn_of(request), doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    record = asdict(found)
    # The mentions already carry their part's text: do not send each part twice.
    for mention in record["mentions"]:
        mention.pop("part_text")
    return record


def bucket_record(bucket: views.Bucket) -> dict[str, Any]:
    return {**asdict(bucket), "cooperation": bucket.cooperation, "conflict": bucket.conflict}


@router.get("/dyads/{a}/{b}/timeline", summary="A dyad's events by month: counts and scores")
def dyad_timeline(
    request: Request,
    a: Annotated[str, Path(pattern=COUNTRY)],
    b: Annotated[str, Path(pattern=COUNTRY)],
    interval: Interval = "month",
    type: TypeParam = None,
    since: Period = None,
    until: Period = None,
) -> dict[str, Any]:
    """Dated events of the unordered dyad, per period, with count and summed PLOVER score
    per family (verbal/material cooperation/conflict, GDELT's QuadClass)."""
    buckets = views.dyad_timeline(
        conn_of(request), dyad_of(a, b), interval, type=check_type(type), since=since, until=until
    )
    first, second = query.parse_dyad(dyad_of(a, b))
    return {"dyad": [first, second], "interval": interval,
            "buckets": [bucket_record(x) for x in buckets]}  # fmt: skip


@router.get("/search", summary="Full-text search over documents or event evidence")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words, all required.")],
    in_: Annotated[Literal["documents", "evidence"], Query(alias="in")] = "documents",
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    conn = conn_of(request)
    if in_ == "evidence":
        filters = query.EventFilter(text=q)
        total = query.count_events(conn, filters)
        found = query.select_events(conn, query.EventFilter(text=q, limit=limit, offset=offset))
        items = [event_record(e) for e in found]
    else:
        hits = views.search_documents(conn, q, limit, offset)
        total = views.count_search_documents(conn, q)
        items = [asdict(h) for h in hits]
    return {"q": q, "in": in_, "total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/stats", summary="Counts, types, months and the most active dyads")
def stats(request: Request, top: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    return asdict(query.select_stats(conn_of(request), top=top))
