"""The typed dependencies routes take: the store, the knowledge base (loaded once, on first
use), and the caller checked for a role and counted against the rate limit."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from tengri.api.config import ServerSettings
from tengri.api.security import (
    ANONYMOUS,
    AuthError,
    KeyCache,
    Principal,
    RateLimiter,
    authorize,
    presented_key,
)
from tengri.kb import KnowledgeBase, load_kb
from tengri.settings import Settings
from tengri.store import Store
from tengri.store.keys import Role


@dataclass
class AppState:
    """What one app holds for its lifetime (on `app.state.tengri`)."""

    settings: Settings
    server: ServerSettings
    store: Store
    keys: KeyCache
    limiter: RateLimiter = field(default_factory=RateLimiter)
    _kb: KnowledgeBase | None = None
    _kb_lock: threading.Lock = field(default_factory=threading.Lock)

    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            with self._kb_lock:
                if self._kb is None:
                    self._kb = load_kb(self.settings.kb_paths)
        return self._kb


def app_state(request: Request) -> AppState:
    return request.app.state.tengri  # type: ignore[no-any-return]


def get_store(request: Request) -> Store:
    return app_state(request).store


def get_kb(request: Request) -> KnowledgeBase:
    return app_state(request).kb()


def _caller(request: Request, state: AppState) -> Principal:
    token = presented_key(request)
    if token is None:
        return ANONYMOUS
    principal = state.keys.principal(state.store, token)
    if principal is None:
        raise AuthError(401, "the API key is unknown, malformed or revoked")
    return principal


def identify(request: Request) -> Principal:
    """The caller (anonymous without a key), counted against its rate limit."""
    state = app_state(request)
    principal = _caller(request, state)
    if principal.key_id is not None:
        state.limiter.take(f"key:{principal.key_id}", state.server.rate_limit)
    else:
        client = request.client.host if request.client else "unknown"
        state.limiter.take(f"addr:{client}", state.server.anonymous_rate_limit)
    return principal


def _needs(role: Role):  # type: ignore[no-untyped-def]
    def check(request: Request) -> Principal:
        principal = identify(request)
        authorize(principal, role, app_state(request).server.read_open)
        return principal

    return check


StoreDep = Annotated[Store, Depends(get_store)]
KBDep = Annotated[KnowledgeBase, Depends(get_kb)]
Reader = Annotated[Principal, Depends(_needs(Role.READER))]
Curator = Annotated[Principal, Depends(_needs(Role.CURATOR))]
Admin = Annotated[Principal, Depends(_needs(Role.ADMIN))]
Caller = Annotated[Principal, Depends(identify)]
