"""Health, who the caller is, what the store holds, and the ontology's types and modes (for
forms and filters)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from tengri import __version__
from tengri.analytics.records import QUAD_NAMES
from tengri.api.deps import Caller, Reader, StoreDep, app_state
from tengri.api.problems import PROBLEM_RESPONSES
from tengri.api.schemas import Health, WhoAmI
from tengri.ontology import PLOVER_TYPES, plover_modes
from tengri.store import SCHEMA_VERSION, store_counts

router = APIRouter(tags=["meta"], responses=PROBLEM_RESPONSES)


@router.get("/health", response_model=Health, summary="Is the server up")
def health(store: StoreDep) -> Health:
    return Health(status="ok", version=__version__, schema_version=SCHEMA_VERSION,
                  backend=store.backend)


@router.get("/me", response_model=WhoAmI, summary="Who the API key belongs to, and its role")
def me(caller: Caller, request: Request) -> WhoAmI:
    return WhoAmI(who=caller.who, role=caller.role.value if caller.role else None,
                  read_open=app_state(request).server.read_open)


@router.get("/stats", response_model=dict[str, int], summary="How many records of each kind")
def stats(_: Reader, store: StoreDep) -> dict[str, int]:
    return store_counts(store)


@router.get("/ontology", response_model=dict[str, Any],
            summary="PLOVER types with their modes, and the quad classes")
def ontology(_: Reader) -> dict[str, Any]:
    return {"types": [{"type": t, "modes": list(plover_modes(t))} for t in PLOVER_TYPES],
            "quad_classes": {str(k): v for k, v in QUAD_NAMES.items()}}
