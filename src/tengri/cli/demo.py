"""`tengri demo`: code the built-in sample articles into a store of their own, then serve the
dashboard over it (or, with --no-serve, only print what the store now holds)."""

from __future__ import annotations

import socket
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from tengri.analytics import NetworkLevel, Selection, interaction_network
from tengri.cli.app import app, err, handles_errors, out
from tengri.errors import UsageError
from tengri.ingest.sources import SourceOptions, iter_sources
from tengri.settings import Settings
from tengri.store import EventFilter, IngestSummary, Store, ingest, open_store, store_counts
from tengri.store.audit import Analyst
from tengri.store.keys import Role, create_key, list_keys, revoke_key

DEMO_DB = "demo.db"
DEMO_KEY_NAME = "demo curator"
DEMO_OPERATOR = Analyst("tengri demo", "admin")
# The dashboard asks for several things per page; the demo's visitors read without a key.
DEMO_ANONYMOUS_RATE = 1200


def sample_corpus() -> Path:
    """The sample articles as one JSONL file (text, title, URL and publication date each)."""
    return Path(str(resources.files("tengri.samples") / "corpus.jsonl"))


def demo_db(db: str | None, settings: Settings) -> str:
    """The store the demo uses: --db, else demo.db in the data directory (TENGRI_DATA_DIR)."""
    if db:
        return db
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return str(settings.data_dir / DEMO_DB)


def ingest_samples(store: Store, settings: Settings) -> IngestSummary:
    """Code the sample corpus into `store`; articles already there are left as they are (and
    so are the analysts' decisions about their events)."""
    corpus = sample_corpus()
    options = SourceOptions(input_format="jsonl", network=False)
    with err.status("coding the sample articles…"):
        return ingest(store, iter_sources([str(corpus)], options),
                      kb_paths=settings.kb_paths, workers=1, sources=[str(corpus)],
                      options={"via": "tengri demo"})


def demo_curator_key(store: Store) -> str:
    """A fresh curator key for the demo's visitor; earlier demo keys are revoked."""
    for key in list_keys(store, include_revoked=False):
        if key.name == DEMO_KEY_NAME:
            revoke_key(store, key.id, DEMO_OPERATOR, "a new demo run issued a new key")
    return create_key(store, DEMO_KEY_NAME, Role.CURATOR, DEMO_OPERATOR).token


def run_line(summary: IngestSummary) -> str:
    return (f"sample articles: {summary.stored} stored, {summary.unchanged} already there, "
            f"{sum(summary.quarantined.values())} quarantined; {summary.events_created} new "
            f"events in {summary.seconds:.1f} s")


def summary_tables(store: Store) -> list[Table]:
    """What the store holds, and the busiest pairs of states in it."""
    counts = Table(title="sample store", title_justify="left")
    counts.add_column("records")
    counts.add_column("count", justify="right")
    for name, value in store_counts(store).items():
        counts.add_row(name, str(value))
    network = interaction_network(store, Selection(EventFilter()), NetworkLevel.COUNTRY)
    pairs: dict[tuple[str, str], list[int]] = {}
    for edge in network.edges:
        if edge.source == edge.target:
            continue
        totals = pairs.setdefault(tuple(sorted((edge.source, edge.target))), [0, 0, 0])
        totals[0] += edge.events
        totals[1] += edge.cooperation
        totals[2] += edge.conflict
    dyads = Table(title="busiest dyads", title_justify="left")
    for column in ("dyad", "events", "cooperation", "conflict"):
        dyads.add_column(column, justify="left" if column == "dyad" else "right")
    for (first, second), (events, cooperation, conflict) in sorted(
            pairs.items(), key=lambda item: (-item[1][0], item[0]))[:8]:
        dyads.add_row(f"{first}–{second}", str(events), str(cooperation), str(conflict))
    return [counts, dyads]


def free_port(host: str, port: int) -> int:
    """`port` if it can be listened on (0: any free one); a UsageError if it is taken."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another "
                             "port with --port, or --port 0 for any free one") from None
        return int(probe.getsockname()[1])


@app.command("demo")
@handles_errors
def demo(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535,
                                      help="Port (0: any free one).")] = 8000,
    db: Annotated[str | None, typer.Option(
        "--db", help="The demo's database (default: demo.db in the data directory, "
        "TENGRI_DATA_DIR).")] = None,
    serve: Annotated[bool, typer.Option(
        "--serve/--no-serve", help="Serve the dashboard after ingesting (default), or only "
        "ingest and print a summary.")] = True,
) -> None:
    """Code the built-in sample articles into a demo store and open the dashboard on it.

    Reading is open to anyone who can reach the address (127.0.0.1 by default); a curator key
    for confirming, rejecting and editing events is printed. Running it again keeps the store
    and the curation done in it; delete the database file to start over.
    """
    settings = Settings.from_env(db_url=None)
    path = demo_db(db, settings)
    store = open_store(path, settings)
    try:
        summary = ingest_samples(store, settings)
        out.print(run_line(summary), markup=False, highlight=False, soft_wrap=True)
        for table in summary_tables(store):
            out.print(table)
        token = demo_curator_key(store) if serve else None
    finally:
        store.close()
    out.print(f"store: {path}", markup=False, highlight=False, soft_wrap=True)
    if not serve or token is None:
        return
    _serve(Settings.from_env(db_url=path), host, free_port(host, port), token)


def _serve(settings: Settings, host: str, port: int, token: str) -> None:
    import uvicorn

    from tengri.api import ServerSettings, create_app

    application = create_app(settings, ServerSettings(
        read_open=True, anonymous_rate_limit=DEMO_ANONYMOUS_RATE))
    shown = f"[{host}]" if ":" in host else host
    out.print(f"\ndashboard: http://{shown}:{port}/   (API docs at /docs)", markup=False,
              highlight=False, soft_wrap=True)
    out.print(f"curator key, to confirm, reject and edit events (Sign in): {token}",
              markup=False, highlight=False, soft_wrap=True)
    out.print("press Ctrl-C to stop the server", markup=False, highlight=False, soft_wrap=True)
    uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False)
