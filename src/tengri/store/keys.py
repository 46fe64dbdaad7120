"""API keys: who may read, curate or administer a store through the API.

A key is `tengri_<prefix>_<secret>`. Only the prefix (to find the row) and a salted scrypt hash
of the whole key are stored, never the key: it is shown once, when it is created. Creating and
revoking keys are audited like any other change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import insert, select, update

from tengri.errors import StoreError, UsageError
from tengri.store.audit import Analyst, now_utc, record_change
from tengri.store.database import Store
from tengri.store.schema import api_keys

KEY_PREFIX = "tengri"
# scrypt's interactive-login cost (RFC 7914 §2 suggests N=2^14, r=8, p=1): ~16 MiB, tens of ms.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


class Role(StrEnum):
    """What a key may do; each role may do everything the ones before it may."""

    READER = "reader"  # read everything
    CURATOR = "curator"  # and confirm, reject, edit, merge and split events; ingest
    ADMIN = "admin"  # and manage keys

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank

    @classmethod
    def parse(cls, value: str) -> Role:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise UsageError(f"role {value!r}; choose one of "
                             f"{', '.join(r.value for r in cls)}") from None


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A key as stored (no secret)."""

    id: int
    prefix: str
    name: str
    role: Role
    created_at: dt.datetime
    created_by: str
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class IssuedKey:
    """A new key and its secret: the only time the secret is known."""

    key: ApiKey
    token: str


def hash_secret(token: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(token.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R,
                            p=_SCRYPT_P, dklen=32)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def secret_matches(token: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(token.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n),
                             r=int(r), p=int(p), dklen=len(digest) // 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def split_token(token: str) -> str | None:
    """The prefix of a well-formed key, else None."""
    parts = token.strip().split("_", 2)  # the secret may hold "_" itself
    if len(parts) != 3 or parts[0] != KEY_PREFIX or not parts[1].isalnum() or not parts[2]:
        return None
    return parts[1]


def _key(row: object) -> ApiKey:
    data = dict(row._mapping)  # type: ignore[attr-defined]
    return ApiKey(data["id"], data["prefix"], data["name"], Role(data["role"]),
                  data["created_at"], data["created_by"], data["revoked_at"],
                  data["last_used_at"])


def _columns() -> tuple[object, ...]:
    c = api_keys.c
    return (c.id, c.prefix, c.name, c.role, c.created_at, c.created_by, c.revoked_at,
            c.last_used_at)


def create_key(store: Store, name: str, role: Role | str, by: Analyst) -> IssuedKey:
    """A new key for `name` with `role`; the returned token is shown once and never stored."""
    name = name.strip()
    if not name or len(name) > 100:
        raise UsageError(f"key name {name!r}: give who uses it, 1 to 100 characters")
    role = Role.parse(role) if isinstance(role, str) else role
    prefix = "k" + secrets.token_hex(5)  # never all digits, so never mistaken for an id
    token = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    now = now_utc()
    with store.write() as connection:
        key_id = int(connection.execute(insert(api_keys).returning(api_keys.c.id).values(
            prefix=prefix, secret_hash=hash_secret(token), name=name, role=role.value,
            created_at=now, created_by=by.who)).scalar_one())
        record_change(connection, by, "key.create", "key", key_id, None,
                      {"prefix": prefix, "name": name, "role": role.value}, None, now)
        row = connection.execute(select(*_columns()).where(api_keys.c.id == key_id)).one()
    return IssuedKey(_key(row), token)


def list_keys(store: Store, include_revoked: bool = True) -> list[ApiKey]:
    query = select(*_columns()).order_by(api_keys.c.id)
    if not include_revoked:
        query = query.where(api_keys.c.revoked_at.is_(None))
    with store.read() as connection:
        return [_key(row) for row in connection.execute(query)]


def get_key(store: Store, key_id: int) -> ApiKey | None:
    with store.read() as connection:
        row = connection.execute(select(*_columns()).where(api_keys.c.id == key_id)).first()
    return _key(row) if row is not None else None


def revoke_key(store: Store, key: int | str, by: Analyst, reason: str | None = None) -> ApiKey:
    """Revoke a key given by id or prefix; revoking a revoked key is an error."""
    c = api_keys.c
    where = c.id == key if isinstance(key, int) else c.prefix == str(key)
    now = now_utc()
    with store.write() as connection:
        row = connection.execute(select(*_columns()).where(where)).first()
        if row is None:
            raise StoreError(f"no API key {key!r}; `tengri keys list` shows ids and prefixes")
        found = _key(row)
        if not found.active:
            raise UsageError(f"API key {found.id} ({found.name}) was already revoked on "
                             f"{found.revoked_at:%Y-%m-%d %H:%M}")
        connection.execute(update(api_keys).where(c.id == found.id).values(revoked_at=now))
        record_change(connection, by, "key.revoke", "key", found.id,
                      {"prefix": found.prefix, "name": found.name, "role": found.role.value,
                       "active": True}, {"active": False}, reason, now)
        row = connection.execute(select(*_columns()).where(c.id == found.id)).one()
    return _key(row)


def verify_key(store: Store, token: str) -> ApiKey | None:
    """The active key `token` is, else None (unknown, malformed, wrong secret or revoked).
    Costs one scrypt hash: callers that see the same key often cache the answer."""
    prefix = split_token(token)
    if prefix is None:
        return None
    with store.read() as connection:
        row = connection.execute(select(*_columns(), api_keys.c.secret_hash)
                                 .where(api_keys.c.prefix == prefix)).first()
    if row is None or not secret_matches(token.strip(), row.secret_hash):
        return None
    key = _key(row)
    return key if key.active else None


def touch_key(store: Store, key_id: int) -> None:
    """Remember when a key was last used (called once per key per cache period, not per
    request)."""
    with store.write() as connection:
        connection.execute(update(api_keys).where(api_keys.c.id == key_id)
                           .values(last_used_at=now_utc()))
