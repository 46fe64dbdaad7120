"""Schema-driven fuzzing of the REST API: schemathesis reads /openapi.json of a real app over
a copy of the API tests' store and calls every operation with generated parameters and bodies,
valid ones and (negative mode) invalid ones, as an admin so that every route is reached. No
answer may be a 500, and every answer must be what the document promises: a documented status
code, media type and body schema.

URL ingestion is fuzzed too, but no name resolves during the run: generated URLs are refused
as unresolvable, so it never touches the network. (schemathesis' own pytest fixture loader
does not run under pytest 9, so the operations are driven here with hypothesis directly.)"""

from __future__ import annotations

import shutil
import socket
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from tests.api.conftest import Keys, make_client

from .conftest import SCALE, Figures

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import (  # noqa: E402
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.slow
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance,
          status_code_conformance, response_headers_conformance]
EXAMPLES = 20  # per operation and mode, times TENGRI_FUZZ_SCALE


@pytest.fixture(scope="module")
def offline() -> Iterator[None]:
    """No name but this machine's own resolves, for the module's duration."""
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host in ("localhost", "127.0.0.1", "::1"):
            return real(host, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "no name resolves in the schema fuzz")

    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]
    try:
        yield
    finally:
        socket.getaddrinfo = real  # type: ignore[assignment]


@pytest.fixture(scope="module")
def api(template: tuple[str, Keys], kb, tmp_path_factory, offline) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("schema") / "api.db"
    shutil.copyfile(template[0], path)
    with make_client(str(path), kb) as client:
        # The first POST /ingest loads the extraction pipeline (seconds on a busy machine);
        # done here, so no generated case meets it under schemathesis' read timeout.
        warm = client.post("/api/v1/ingest", headers=template[1].header("admin"), json={
            "documents": [{"text": "Kazakhstan and Russia held talks in Astana on Monday.",
                           "published": "2025-11-11"}]})
        assert warm.status_code < 300, warm.text
        yield client


def test_timestamps_in_answers_carry_their_utc_offset(api: TestClient, keys: Keys) -> None:
    import datetime as dt

    admin = keys.header("admin")
    api.post("/api/v1/events/1/confirm", json={"reason": "checked"}, headers=admin)
    stamps = [k["created_at"] for k in api.get("/api/v1/keys", headers=admin).json()]
    stamps += [a["at"] for a in api.get("/api/v1/audit", headers=admin).json()["items"]]
    stamps += [d["ingested_at"] for d in api.get("/api/v1/documents", headers=admin).json()]
    assert stamps
    for stamp in stamps:
        assert dt.datetime.fromisoformat(stamp).utcoffset() is not None, stamp


def fuzz_operation(operation: Any, mode: Any, headers: dict[str, str],
                   statuses: Counter[int]) -> str | None:
    """Run one operation's generated cases; the first failure's description, if any."""

    @settings(max_examples=EXAMPLES * SCALE, deadline=None, database=None,
              derandomize=SCALE == 1, suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        if case.method.upper() == "DELETE" and case.path.startswith("/api/v1/keys"):
            case.path_parameters = {"key_id": 424242}  # revoking our own admin key ends the run
        response = case.call(headers=headers)
        statuses[response.status_code] += 1
        case.validate_response(response, checks=CHECKS)

    try:
        run()
    except Unsatisfiable:  # nothing to make invalid: an operation without parameters
        return None
    except (Exception, BaseExceptionGroup) as exc:  # a failed check, kept to report every operation at once
        return f"{operation.label}: {str(exc).strip()[:800]}"
    return None


@pytest.mark.parametrize("mode", ["positive", "negative"])
def test_every_operation_answers_as_its_schema_says_and_never_with_a_500(
        api: TestClient, keys: Keys, figures: Figures, mode: str) -> None:
    schema = schemathesis.openapi.from_dict(api.get("/openapi.json").json())
    schema.app, schema.location = api.app, "/openapi.json"
    generation = schemathesis.GenerationMode(mode)
    statuses: Counter[int] = Counter()
    failures = []
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:
        failure = fuzz_operation(operation, generation, keys.header("admin"), statuses)
        if failure:
            failures.append(failure)
    calls = sum(statuses.values())
    figures.count(f"schemathesis {mode}: operations", len(operations))
    figures.count(f"schemathesis {mode}: calls", calls)
    figures.count(f"schemathesis {mode}: operations failing a check", len(failures))
    figures.note(f"schemathesis {mode} answers by status: {dict(sorted(statuses.items()))}")
    assert len(operations) >= 30 and calls >= len(operations)
    assert not failures, "\n\n".join(failures)
