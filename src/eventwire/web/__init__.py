"""Serve stage: ``eventwire serve``, a read-only dashboard and JSON API over the database.

``create_app(db_path)`` (app.py) builds the FastAPI application: JSON routes
in api.py, server-rendered pages in pages.py, SVG charts in charts.py.
"""

from eventwire.web.app import create_app

__all__ = ["create_app"]
