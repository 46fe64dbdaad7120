"""The API application: `create_app(settings)` opens the store and wires the routes, the
problem-JSON errors, keys and rate limits, security headers, CORS and the offline API docs
(/docs, /openapi.json). Routes live under /api/v1; the web dashboard may take the rest."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from tengri import __version__
from tengri.api.body_cap import BodyCap, BodyTooLarge, body_too_large
from tengri.api.config import ServerSettings
from tengri.api.dashboard import mount_dashboard
from tengri.api.deps import AppState
from tengri.api.problems import install_problem_handlers, problem
from tengri.api.routes import (
    actors,
    audit,
    claims,
    curation,
    documents,
    dyads,
    events,
    exports,
    ingest,
    keys,
    meta,
    timelines,
)
from tengri.api.security import AuthError, KeyCache, RateLimited, SecurityHeaders
from tengri.kb import KnowledgeBase
from tengri.settings import Settings
from tengri.store import open_store

API_PREFIX = "/api/v1"
ROUTERS = (meta, documents, events, curation, audit, actors, dyads, timelines, claims,
           exports, ingest, keys)
DESCRIPTION = """\
tengri's store of coded international events (PLOVER + CAMEO), its analytics and curation.

**Keys.** Send an API key as `Authorization: Bearer <key>` (or `X-API-Key: <key>`). Roles:
*reader* reads; *curator* also curates events and ingests; *admin* also manages keys. Reading
without a key is allowed only when the server is started with `--read-open`.

**Errors** are RFC 9457 problem details (`application/problem+json`) with `type`, `title`,
`status`, `detail` and, for invalid parameters, `errors`.

**Paging.** GET /api/v1/events returns `next_cursor`; pass it as `cursor` with the same sort
and order. Other listings return `next`, passed as `after`.
"""


def _docs_assets() -> str | None:
    """Swagger UI's script and styles, shipped by fastapi-offline, served by tengri itself."""
    try:
        return str(resources.files("fastapi_offline") / "static")
    except ModuleNotFoundError:
        return None


def _openapi(app: FastAPI) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version,
                                 description=app.description, routes=app.routes)
            schema.setdefault("components", {})["securitySchemes"] = {
                "bearer": {"type": "http", "scheme": "bearer",
                           "description": "an API key from `tengri keys create`"},
                "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}
            schema["security"] = [{"bearer": []}, {"apiKey": []}, {}]
            app.openapi_schema = schema
        return app.openapi_schema

    return build


def _install_docs(app: FastAPI) -> None:
    assets = _docs_assets()
    if assets is not None:
        app.mount("/static/docs", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        if assets is None:
            return HTMLResponse("<p>API documentation needs the fastapi-offline package; "
                                "the schema is at <a href='/openapi.json'>/openapi.json</a>"
                                "</p>")
        return get_swagger_ui_html(openapi_url="/openapi.json", title="tengri API",
                                   swagger_js_url="/static/docs/swagger-ui-bundle.js",
                                   swagger_css_url="/static/docs/swagger-ui.css",
                                   swagger_favicon_url="/static/docs/favicon.png")

    @app.get("/api", include_in_schema=False)
    def api_root() -> RedirectResponse:
        return RedirectResponse("/docs")


def _install_guards(app: FastAPI, server: ServerSettings) -> None:
    @app.exception_handler(AuthError)
    async def _auth(request: Request, exc: AuthError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return problem(exc.status, exc.detail, kind="unauthorized" if exc.status == 401
                       else "forbidden", instance=request.url.path, headers=headers)

    @app.exception_handler(RateLimited)
    async def _limited(request: Request, exc: RateLimited) -> JSONResponse:
        return problem(429, str(exc), kind="rate-limited", instance=request.url.path,
                       headers={"Retry-After": str(exc.retry_after)})

    @app.exception_handler(BodyTooLarge)
    async def _too_large(request: Request, exc: BodyTooLarge) -> JSONResponse:
        return body_too_large(exc, request.url.path)

    app.add_middleware(BodyCap, max_bytes=server.max_body_bytes)


def create_app(settings: Settings | None = None, server: ServerSettings | None = None,
               kb: KnowledgeBase | None = None) -> FastAPI:
    """The API over the store `settings` name (opened and migrated now, closed at shutdown).
    `kb` shares an already loaded knowledge base; else it is loaded on first use."""
    settings = settings or Settings.from_env()
    server = server or ServerSettings.from_env()
    store = open_store(None, settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(title="tengri", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    app.state.tengri = AppState(settings, server, store, KeyCache(server.key_cache_seconds),
                                _kb=kb)
    install_problem_handlers(app)
    _install_guards(app, server)
    for module in ROUTERS:
        app.include_router(module.router, prefix=API_PREFIX)
    _install_docs(app)
    mount_dashboard(app)
    app.openapi = _openapi(app)  # type: ignore[method-assign]
    if server.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(server.cors_origins),
                           allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE"],
                           allow_headers=["Authorization", "X-API-Key", "Content-Type"],
                           allow_credentials=False, max_age=600)
    # added last, so outermost of the app's middleware: every answer gets the headers, and an
    # unexpected error is answered here, before Starlette's ServerErrorMiddleware (which runs
    # outside them all) could answer it without
    app.add_middleware(SecurityHeaders)
    return app
