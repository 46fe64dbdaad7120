"""The request body cap, counted on the bytes actually received: a body sent with
Transfer-Encoding: chunked has no Content-Length to check, and without a count it would be read
whole, whatever its size."""

from __future__ import annotations

from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tengri.api.problems import problem


class BodyTooLarge(HTTPException):
    """Raised from `receive` once a body passes the cap. An HTTPException, so FastAPI's body
    reading passes it on instead of turning it into a 400 "error parsing the body"."""

    def __init__(self, received: str, cap: int) -> None:
        super().__init__(413, f"request body of {received} bytes; at most {cap}")


def body_too_large(exc: BodyTooLarge, path: str) -> JSONResponse:
    return problem(413, str(exc.detail), kind="too-large", instance=path)


class BodyCap:
    """Answers 413 to a Content-Length past `max_bytes`, and to a body whose bytes pass it as
    they arrive (a pure ASGI middleware: it wraps `receive`)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            answer = body_too_large(BodyTooLarge(length, self.max_bytes), scope["path"])
            await answer(scope, receive, send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(f"more than {self.max_bytes}", self.max_bytes)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge as exc:
            # read where no exception handler runs (a middleware, a background task)
            if started:
                raise
            await body_too_large(exc, scope["path"])(scope, receive, send)
