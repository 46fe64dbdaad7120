"""Mounts the dashboard on the API's application: the page at `/`, its files under `/ui/`.

The page carries its own Content-Security-Policy (the API's middleware keeps a policy a
response already has): scripts, styles, fonts and data only from this server, and Trusted
Types enforced, so no string from the store can ever be parsed as HTML — article text reaches
the page as text nodes only.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_PREFIX = "/ui"

DASHBOARD_POLICY = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    # innerHTML, outerHTML, document.write and friends refuse plain strings: text only.
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
))

_PAGE_HEADERS = {"Content-Security-Policy": DASHBOARD_POLICY, "Cache-Control": "no-cache"}


def static_dir() -> Path:
    """Where the dashboard's files are (inside the installed package)."""
    return Path(str(resources.files(__package__) / "static"))


def mount_dashboard(app: FastAPI) -> None:
    """Serve the dashboard page at `/` and its files under STATIC_PREFIX."""
    root = static_dir()
    page = root / "index.html"
    icon = root / "icon.svg"
    app.mount(STATIC_PREFIX, StaticFiles(directory=root), name="dashboard")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(page, media_type="text/html; charset=utf-8",
                            headers=_PAGE_HEADERS)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(icon, media_type="image/svg+xml")
