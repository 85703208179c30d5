"""The dashboard's FastAPI application: ``create_app(db_path)``.

The database is opened read-only (``mode=ro``): the server cannot change
what it shows. Errors have one shape for the whole API,
``{"ok": false, "error": "...", "status": 404}``; pages show the same
message as an HTML page. Every response carries a Content-Security-Policy
that forbids inline and foreign scripts, a second wall behind autoescaping
for the article text, which is untrusted input.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire import __version__
from eventwire.errors import StoreError
from eventwire.store.views import ReadOnlyDatabase
from eventwire.web import api, pages

HERE = Path(__file__).resolve().parent
log = logging.getLogger(__name__)

SECURITY_HEADERS = {
    # No script at all is needed: charts are SVG drawn on the server.
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def create_app(db_path: Path | str) -> FastAPI:
    """The app over the database at ``db_path`` (raises StoreError if it cannot be read)."""
    db = ReadOnlyDatabase(db_path)
    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Political events coded from news (PLOVER), read-only.",
        # FastAPI's Swagger page loads its scripts from a CDN, which offline users
        # cannot reach: /api/docs is our own page over the same schema (pages.py).
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.db = db
    app.state.templates = pages.make_templates(HERE / "templates")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    app.middleware("http")(_security_headers)
    app.router.on_shutdown.append(db.close)
    return app


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def error_body(status: int, message: str) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"ok": False, "error": message, "status": status}


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return JSONResponse(error_body(status, message), status_code=status)
    return pages.error_page(request, status, message)


def _validation_message(exc: RequestValidationError) -> str:
    """'query.limit: Input should be less than or equal to 500; ...'"""
    parts = []
    for item in exc.errors():
        where = ".".join(str(x) for x in item.get("loc", ()) if x != "body")
        parts.append(f"{where}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _add_error_handlers(app: FastAPI) -> None:
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return _error(request, exc.status_code, detail)

    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(exc))

    async def store_error(request: Request, exc: StoreError) -> Response:
        # A bad filter value the store refused (a period, a dyad, a query without words).
        return _error(request, 422, str(exc))

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return _error(request, 500, "internal error")

    app.add_exception_handler(StarletteHTTPException, http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StoreError, store_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, server_error)


def serve(db_path: Path | str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the dashboard with uvicorn until interrupted (``eventwire serve``)."""
    import uvicorn

    app = create_app(db_path)  # fails here, with the file named, if the database is unreadable
    print(f"eventwire: serving {db_path} read-only at http://{host}:{port}/ (API docs: /api/docs)")
    uvicorn.run(app, host=host, port=port, log_level="info")
