"""Every error the API answers, in one shape: RFC 9457 problem details
(`application/problem+json`), built by `problem()` alone.

Errors tengri raises on purpose map to a status by their class (a record that is not there is
404, a bad cursor or option 400, a curation that does not fit the ontology 422, a state that
forbids the change 409); anything unexpected is a 500 that says nothing about the inside.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from tengri.errors import InputError, KBError, OntologyError, StoreError, TengriError, UsageError
from tengri.store.browse import CursorError, NotFoundError
from tengri.store.curation import CurationError

log = logging.getLogger(__name__)

PROBLEM_MEDIA_TYPE = "application/problem+json"
_TITLES = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
           405: "Method not allowed", 409: "Conflict", 413: "Request too large",
           415: "Unsupported media type", 422: "Unprocessable content",
           429: "Too many requests", 500: "Internal server error",
           503: "Service unavailable"}


class FieldProblem(BaseModel):
    """One invalid parameter or body field."""

    location: str = Field(description="where: query, path, body or header")
    name: str = Field(description="the parameter or field, dotted for nested body fields")
    message: str


class Problem(BaseModel):
    """An error (RFC 9457)."""

    type: str = Field(description="a URI that names the kind of problem")
    title: str
    status: int
    detail: str = Field(description="what was received, what is valid and how to fix it")
    instance: str | None = Field(default=None, description="the request path")
    errors: list[FieldProblem] | None = None


def problem(status: int, detail: str, *, kind: str | None = None, instance: str | None = None,
            errors: Sequence[FieldProblem] | None = None,
            headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The one place an error response is made."""
    body = Problem(type=f"urn:tengri:problem:{kind}" if kind else "about:blank",
                   title=_TITLES.get(status, "Error"), status=status, detail=detail,
                   instance=instance, errors=list(errors) if errors else None)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status,
                        media_type=PROBLEM_MEDIA_TYPE, headers=dict(headers or {}))


def status_of(error: TengriError) -> tuple[int, str]:
    if isinstance(error, NotFoundError):
        return 404, "not-found"
    if isinstance(error, CursorError):
        return 400, "bad-cursor"
    if isinstance(error, CurationError | OntologyError | KBError):
        return 422, "invalid-change"
    if isinstance(error, UsageError | InputError):
        return 400, "bad-request"
    if isinstance(error, StoreError):
        return 409, "conflict"
    return 400, "bad-request"


def _field_problems(exc: RequestValidationError) -> list[FieldProblem]:
    out = []
    for error in exc.errors():
        where = [str(p) for p in error.get("loc", ())]
        location = where[0] if where else "request"
        out.append(FieldProblem(location=location, name=".".join(where[1:]) or location,
                                message=str(error.get("msg", "invalid"))))
    return out


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = _field_problems(exc)
        in_body = any(p.location == "body" for p in problems)
        names = ", ".join(f"{p.location} {p.name}: {p.message}" for p in problems[:5])
        return problem(422 if in_body else 400, f"invalid request: {names}", kind="validation",
                       instance=request.url.path, errors=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code,
                                                                            "Error")
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such endpoint {request.url.path}; GET /docs lists them"
        if exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}"
        return problem(exc.status_code, detail, instance=request.url.path,
                       headers=getattr(exc, "headers", None))

    @app.exception_handler(TengriError)
    async def _tengri(request: Request, exc: TengriError) -> JSONResponse:
        status, kind = status_of(exc)
        return problem(status, str(exc), kind=kind, instance=request.url.path)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return unexpected(request.method, request.url.path, exc)


def unexpected(method: str, path: str, exc: BaseException) -> JSONResponse:
    """The 500 answer to an error nobody expected: logged in full, told nothing of the inside."""
    log.error("unexpected error on %s %s", method, path, exc_info=exc)
    return problem(500, "the server failed to answer this request; it was logged",
                   kind="internal", instance=path)


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "description": _TITLES[status],
             "content": {PROBLEM_MEDIA_TYPE: {}}}
    for status in (400, 401, 403, 404, 409, 422, 429)
}
