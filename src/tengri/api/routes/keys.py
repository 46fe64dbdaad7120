"""API keys (admin keys only): list, create (the key is shown once) and revoke."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from tengri.api.deps import Admin, StoreDep
from tengri.api.problems import PROBLEM_RESPONSES
from tengri.api.schemas import IssuedKeyOut, KeyOut, KeyRequest, Reason
from tengri.store.browse import NotFoundError
from tengri.store.keys import ApiKey, create_key, get_key, list_keys, revoke_key

router = APIRouter(prefix="/keys", tags=["keys"], responses=PROBLEM_RESPONSES)


def key_out(key: ApiKey) -> KeyOut:
    return KeyOut(id=key.id, prefix=key.prefix, name=key.name, role=key.role.value,
                  created_at=key.created_at, created_by=key.created_by,
                  revoked_at=key.revoked_at, last_used_at=key.last_used_at, active=key.active)


@router.get("", response_model=list[KeyOut], summary="Every key (never their secrets)")
def keys(_: Admin, store: StoreDep) -> list[KeyOut]:
    return [key_out(k) for k in list_keys(store)]


@router.post("", response_model=IssuedKeyOut, status_code=201,
             summary="Create a key; its token is in this answer only")
def create(caller: Admin, store: StoreDep, body: KeyRequest) -> IssuedKeyOut:
    issued = create_key(store, body.name, body.role, caller.analyst)
    return IssuedKeyOut(key=key_out(issued.key), token=issued.token)


@router.delete("/{key_id}", response_model=KeyOut, summary="Revoke a key, at once")
def revoke(caller: Admin, store: StoreDep, key_id: Annotated[int, Path(ge=1, le=2**53)],
           body: Reason | None = None) -> KeyOut:
    if get_key(store, key_id) is None:
        raise NotFoundError(f"no API key {key_id}; GET /api/v1/keys lists them")
    return key_out(revoke_key(store, key_id, caller.analyst, body.reason if body else None))
