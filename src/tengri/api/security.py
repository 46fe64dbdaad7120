"""Who is asking and what they may do: API keys (`Authorization: Bearer KEY` or `X-API-Key`),
roles, a rate limit per key (per client address without one), and the security headers every
answer carries."""

from __future__ import annotations

import hashlib
import math
import threading
import time
from dataclasses import dataclass

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tengri.api.problems import unexpected
from tengri.store import Store
from tengri.store.audit import Analyst
from tengri.store.keys import Role, get_key, touch_key, verify_key


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller: a key's owner with its role, or anonymous (role None)."""

    who: str
    role: Role | None
    key_id: int | None = None

    @property
    def analyst(self) -> Analyst:
        return Analyst(self.who, self.role.value if self.role else "anonymous")


ANONYMOUS = Principal("anonymous", None)


class AuthError(Exception):
    """401 (no or a bad key) or 403 (a key without the role), answered as a problem."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


class RateLimited(Exception):
    def __init__(self, retry_after: int, limit: int) -> None:
        super().__init__(f"more than {limit} requests a minute; retry in {retry_after} s")
        self.retry_after = retry_after


def presented_key(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise AuthError(401, "the Authorization header must be 'Bearer <API key>'")
        return value.strip()
    value = request.headers.get("x-api-key")
    return value.strip() if value else None


class KeyCache:
    """Remembers which presented keys verified (by their SHA-256, never the key), so scrypt
    runs once per key per period; the key's row is still read on every request, so a revoked
    key stops working at once."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        self._known: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def principal(self, store: Store, token: str) -> Principal | None:
        digest = hashlib.sha256(token.encode("utf-8")).hexdigest()
        now = time.monotonic()
        with self._lock:
            cached = self._known.get(digest)
        if cached is not None and cached[1] > now:
            key = get_key(store, cached[0])
            if key is None or not key.active:
                with self._lock:
                    self._known.pop(digest, None)
                return None
        else:
            key = verify_key(store, token)
            if key is None:
                return None
            with self._lock:
                self._known[digest] = (key.id, now + self.seconds)
            touch_key(store, key.id)
        return Principal(key.name, key.role, key.id)


class RateLimiter:
    """A token bucket per caller: `per_minute` requests a minute, bursts up to that many."""

    def __init__(self) -> None:
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, caller: str, per_minute: int) -> None:
        now = time.monotonic()
        rate = per_minute / 60.0
        with self._lock:
            tokens, stamp = self._buckets.get(caller, (float(per_minute), now))
            tokens = min(float(per_minute), tokens + (now - stamp) * rate)
            if tokens < 1.0:
                self._buckets[caller] = (tokens, now)
                raise RateLimited(max(1, math.ceil((1.0 - tokens) / rate)), per_minute)
            self._buckets[caller] = (tokens - 1.0, now)
            if len(self._buckets) > 100_000:  # forget idle callers rather than grow forever
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 120}


def authorize(principal: Principal, needed: Role, read_open: bool) -> None:
    """Raise AuthError unless the principal may act with the `needed` role."""
    if principal.role is None:
        if needed is Role.READER and read_open:
            return
        raise AuthError(401, f"this needs an API key with the {needed.value} role; send it as "
                        "'Authorization: Bearer <key>' (`tengri keys create` makes one)")
    if not principal.role.allows(needed):
        raise AuthError(403, f"the key of {principal.who!r} has the {principal.role.value} "
                        f"role; this needs {needed.value}")


# Pages served by the API itself are JSON; /docs needs its bundled script and styles.
_API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
_DOCS_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' "
                "'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'")


def _security_headers(path: str) -> dict[bytes, bytes]:
    headers = {
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
        "Content-Security-Policy": _DOCS_POLICY if path.startswith(("/docs", "/static/docs"))
        else _API_POLICY,
    }
    if path.startswith("/api/"):
        headers["Cache-Control"] = "no-store"
    return {name.lower().encode("latin-1"): value.encode("latin-1")
            for name, value in headers.items()}


class SecurityHeaders:
    """Headers every response carries; a page that sets its own Content-Security-Policy
    (the dashboard) keeps it. A pure ASGI middleware mounted outermost, so it also answers an
    unexpected error itself: Starlette's own 500 comes from outside every middleware, bare."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = _security_headers(scope["path"])
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in added.items()
                            if name not in present]
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception as exc:
            if started:  # too late for an answer: the server drops the connection
                raise
            answer = unexpected(scope.get("method", ""), scope["path"], exc)
            await answer(scope, receive, with_headers)
