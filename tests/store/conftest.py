"""Store fixtures: a store on every backend (SQLite always; PostgreSQL in a throwaway cluster,
marked `postgres`), and documents with hand-made events so the store is tested without the
extractor."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.conftest import require

from tengri.ingest.fingerprint import minhash
from tengri.model import (
    UNKNOWN_DATE,
    UNKNOWN_LOCATION,
    Actor,
    ActorKind,
    DatePrecision,
    DateRange,
    Document,
    Event,
    EventStatus,
    Evidence,
    Extraction,
    Gathering,
    Location,
    LocationPrecision,
    Span,
    stable_id,
)
from tengri.ontology import cameo as cameo_code
from tengri.store import Store, open_store
from tengri.store.documents import Identity
from tengri.store.ingest import IngestSummary, write_batch
from tengri.store.records import DocumentRecords
from tengri.store.workers import Prepared, Task


@dataclass(frozen=True)
class PostgresServer:
    host: str
    port: int
    user: str

    def url(self, database: str) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{database}"

    def admin(self) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/postgres"


def _pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return versions[-1].parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL cluster for the session (initdb + pg_ctl on a free port, as the
    `postgres` user when the tests run as root); stopped and removed at the end."""
    bin_dir = _pg_bin()
    require(bin_dir is not None, "service:postgresql (pg_ctl not found)")
    assert bin_dir is not None
    base = Path(tempfile.mkdtemp(prefix="tengri-pg-"))
    data, log = base / "data", base / "server.log"
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    options = (f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    try:
        subprocess.run([*as_user, str(bin_dir / "initdb"), "-A", "trust", "-U", "tengri",
                        "-E", "UTF8", "--no-sync", "-D", str(data)],
                       check=True, capture_output=True, timeout=120)
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                        "-l", str(log), "-w", "start"], check=True, capture_output=True,
                       timeout=120)
    except (OSError, subprocess.SubprocessError) as exc:
        detail = log.read_text() if log.exists() else str(exc)
        shutil.rmtree(base, ignore_errors=True)
        require(False, f"service:postgresql (could not start a cluster: {detail[-500:]})")
    try:
        yield PostgresServer("127.0.0.1", port, "tengri")
    finally:
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "-w", "stop"], capture_output=True, timeout=120)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer) -> str:
    """A migrated database that tests copy (CREATE DATABASE … TEMPLATE), which is faster
    than migrating a new one each time."""
    import psycopg

    name = "tengri_template"
    with psycopg.connect(postgres_server.admin(), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    open_store(postgres_server.url(name)).close()
    return name


def _postgres_database(server: PostgresServer, template: str = "template1") -> Iterator[str]:
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server.admin(), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield server.url(name)
    finally:
        with psycopg.connect(server.admin(), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database on each backend: a SQLite path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    yield from _postgres_database(request.getfixturevalue("postgres_server"))


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An open, migrated, empty store on each backend."""
    if request.param == "sqlite":
        urls: Iterator[str] = iter([str(tmp_path / "store.db")])
    else:
        urls = _postgres_database(request.getfixturevalue("postgres_server"),
                                  request.getfixturevalue("postgres_template"))
    url = next(urls)
    opened = open_store(url)
    try:
        yield opened
    finally:
        opened.close()
        next(urls, None)  # drops the PostgreSQL database


# --- documents with hand-made events -------------------------------------------------------

STATES = {
    "KAZ": ("Kazakhstan", 48.0, 68.0), "RUS": ("Russia", 61.5, 105.3),
    "CHN": ("China", 35.0, 103.0), "UZB": ("Uzbekistan", 41.4, 64.6),
    "AZE": ("Azerbaijan", 40.1, 47.6), "UKR": ("Ukraine", 48.4, 31.2),
}
PEOPLE = {
    "person:kassym-jomart-tokayev": ("Kassym-Jomart Tokayev", "KAZ"),
    "person:vladimir-putin": ("Vladimir Putin", "RUS"),
    "person:xi-jinping": ("Xi Jinping", "CHN"),
}
CITIES = {"Moscow": ("RUS", 55.75, 37.62), "Astana": ("KAZ", 51.18, 71.45),
          "Almaty": ("KAZ", 43.25, 76.95), "Kharkiv": ("UKR", 49.99, 36.23),
          "Odesa": ("UKR", 46.48, 30.72), "Samarkand": ("UZB", 39.65, 66.96)}


def actor(key: str | None) -> Actor | None:
    """An Actor from a KB-like id: 'KAZ', 'person:vladimir-putin', or 'group:officials'."""
    if key is None:
        return None
    if key in STATES:
        return Actor(STATES[key][0], STATES[key][0], key, ActorKind.STATE, key)
    if key in PEOPLE:
        name, country = PEOPLE[key]
        return Actor(name, name, key, ActorKind.PERSON, country)
    return Actor(key, key.split(":")[-1], None, ActorKind.GROUP)


def place(name: str | None) -> Location:
    if name is None:
        return UNKNOWN_LOCATION
    if name in CITIES:
        country, lat, lon = CITIES[name]
        return Location(name, name, country, lat, lon, LocationPrecision.CITY)
    title, lat, lon = STATES[name]
    return Location(title, title, name, lat, lon, LocationPrecision.COUNTRY)


def dates(start: str | None, end: str | None = None,
          precision: DatePrecision = DatePrecision.DAY) -> DateRange:
    if start is None:
        return UNKNOWN_DATE
    return DateRange(dt.date.fromisoformat(start), dt.date.fromisoformat(end or start),
                     precision)


def event(doc_id: str, cameo: str, source: str | None, target: str | None = None, *,
          start: str | None = None, end: str | None = None,
          precision: DatePrecision = DatePrecision.DAY, where: str | None = None,
          status: EventStatus = EventStatus.OCCURRED, mode: str | None = None,
          participants: Sequence[str] = (), gathering: str | None = None,
          sentence: str = "", offset: int = 0, confidence: float = 0.8) -> Event:
    code = cameo_code(cameo)
    text = sentence or f"{doc_id}: {source} {cameo} {target}"
    return Event(
        event_id=stable_id("ev", doc_id, offset, cameo), doc_id=doc_id, type=code.plover_type,
        mode=mode, cameo=cameo, goldstein=code.goldstein, quad_class=code.quad_class,
        status=status, source=actor(source), target=actor(target),
        participants=tuple(a for a in (actor(p) for p in participants) if a),
        date=dates(start, end, precision), location=place(where), quantity=None, contexts=(),
        evidence=Evidence(text, offset, offset + len(text), offset // 100,
                          Span(text[:10], offset, offset + 10)),
        confidence=confidence,
        gathering=Gathering("summit", gathering) if gathering else None)


def document(doc_id: str, text: str, published: str | None = None, url: str | None = None,
             title: str | None = None) -> Document:
    return Document(doc_id, text, dt.date.fromisoformat(published) if published else None,
                    title or doc_id, url)


def prepared(doc: Document, events: Sequence[Event] = ()) -> Prepared:
    return Prepared(Task(doc, None, Identity.of(doc)),
                    DocumentRecords.of(Extraction(doc, tuple(events))), minhash(doc.text))


def put(store: Store, *items: tuple[Document, Sequence[Event]]) -> IngestSummary:
    """Store documents with the given events, one batch, as an ingest run would."""
    from tengri.store.ingest import start_run

    summary = IngestSummary(start_run(store, ["test"], {}))
    write_batch(store, [prepared(doc, evs) for doc, evs in items], summary)
    return summary


# --- a generated corpus for crash and concurrency tests ------------------------------------

CORPUS_ARTICLES = Path(__file__).resolve().parents[1] / "data" / "corpus" / "articles"


def _sentences() -> list[str]:
    pool: list[str] = []
    for path in sorted(CORPUS_ARTICLES.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[-1]
        for paragraph in body.split("\n\n"):
            text = paragraph.strip()
            if " - " in text[:80]:  # drop the dateline
                text = text.split(" - ", 1)[1]
            pool += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 5]
    return pool


def write_generated_corpus(path: Path, count: int, seed: int = 7) -> list[str]:
    """`count` JSONL documents made of corpus sentences (three or four each, so reports share
    events), each with its own id, date and an opening line that makes its text unique."""
    import json
    import random

    rng = random.Random(seed)
    pool = _sentences()
    ids = []
    with path.open("w", encoding="utf-8") as handle:
        for number in range(count):
            doc_id = f"gen-{number:05d}"
            published = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(330))
            body = " ".join(rng.sample(pool, rng.randrange(3, 5)))
            text = f"Report {number} of the generated test corpus.\n\n{body}"
            handle.write(json.dumps({"id": doc_id, "published": published.isoformat(),
                                     "title": f"Generated report {number}", "text": text})
                         + "\n")
            ids.append(doc_id)
    return ids


@pytest.fixture(scope="session")
def generated_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("generated") / "reports.jsonl"
    return path, write_generated_corpus(path, 160)


def tengri_command(*args: str) -> list[str]:
    """`tengri …` as a subprocess of this interpreter."""
    import sys

    return [sys.executable, "-c", "from tengri.cli import main; main()", *args]


def count_documents(db: str) -> int:
    """How many documents the store at `db` (a path or URL) holds, read in a fresh connection."""
    from sqlalchemy import func, select

    from tengri.store.schema import documents

    store = open_store(db)
    try:
        with store.read() as connection:
            return int(connection.execute(select(func.count()).select_from(documents))
                       .scalar_one())
    finally:
        store.close()
