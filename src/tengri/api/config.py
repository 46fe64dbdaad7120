"""What the API server can be told beyond tengri's `Settings`: whether reading needs a key,
rate limits, CORS origins and request caps. Built at the edge (`tengri serve`, tests) from
flags and the environment, frozen, passed to `create_app`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from tengri.errors import UsageError


def _flag(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise UsageError(f"{value!r} is not a yes/no value; use 1 or 0")


def _number(name: str, value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise UsageError(f"{name}={value!r}: give a whole number") from None
    if number < 1:
        raise UsageError(f"{name}={number}: give 1 or more")
    return number


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """How the API serves; each field says its default and its environment variable."""

    read_open: bool = field(default=False, metadata={
        "help": "let anyone read without a key (TENGRI_API_READ_OPEN=1); writing always "
                "needs a curator or admin key"})
    rate_limit: int = field(default=600, metadata={
        "help": "requests per minute per API key (TENGRI_API_RATE_LIMIT)"})
    anonymous_rate_limit: int = field(default=120, metadata={
        "help": "requests per minute per client address without a key "
                "(TENGRI_API_ANONYMOUS_RATE_LIMIT)"})
    cors_origins: tuple[str, ...] = field(default=(), metadata={
        "help": "origins other web pages may call the API from, comma-separated "
                "(TENGRI_API_CORS_ORIGINS); none by default: the dashboard is same-origin"})
    max_ingest_documents: int = field(default=100, metadata={
        "help": "documents and URLs one POST /ingest may carry"})
    max_body_bytes: int = field(default=10 * 2**20, metadata={
        "help": "largest request body accepted, in bytes"})
    key_cache_seconds: int = field(default=60, metadata={
        "help": "how long a verified key is remembered before its hash is checked again "
                "(revocation still takes effect at once: the key's row is read every time)"})

    @classmethod
    def from_env(cls, **overrides: object) -> ServerSettings:
        env: dict[str, object] = {}
        if (value := os.environ.get("TENGRI_API_READ_OPEN")) is not None:
            env["read_open"] = _flag(value)
        for name, key in (("TENGRI_API_RATE_LIMIT", "rate_limit"),
                          ("TENGRI_API_ANONYMOUS_RATE_LIMIT", "anonymous_rate_limit")):
            if (value := os.environ.get(name)) is not None:
                env[key] = _number(name, value)
        if origins := os.environ.get("TENGRI_API_CORS_ORIGINS"):
            env["cors_origins"] = tuple(o.strip() for o in origins.split(",") if o.strip())
        env.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**env)  # type: ignore[arg-type]
