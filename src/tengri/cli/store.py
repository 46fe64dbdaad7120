"""`tengri events`, `tengri documents` and `tengri store`: reading the database (and an
analyst's split of a merge). The queries live in `tengri.store`; this module only parses
options and prints."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer
from rich.table import Table

from tengri.cli import filters
from tengri.cli.app import app, handles_errors, out
from tengri.cli.ingest import DB_HELP, parse_date
from tengri.errors import UsageError
from tengri.settings import Settings
from tengri.store import (
    SCHEMA_VERSION,
    DocumentFilter,
    EventDetail,
    EventSummary,
    Store,
    count_events,
    find_documents,
    find_events,
    get_event,
    list_quarantine,
    list_runs,
    open_store,
    release_mention,
    split_mention,
    store_counts,
)

FORMATS = ("table", "jsonl")
events_app = typer.Typer(help="Events in the database: list with filters, show one, split a "
                         "merge.", no_args_is_help=False)
store_app = typer.Typer(help="The database itself: what it holds, the quarantine, ingest runs.",
                        no_args_is_help=True)
app.add_typer(events_app, name="events")
app.add_typer(store_app, name="store")


def _open(db: str | None) -> Store:
    return open_store(db, Settings.from_env(db_url=db), create=False)


def _check_format(value: str, choices: tuple[str, ...] = FORMATS) -> str:
    if value not in choices:
        raise UsageError(f"--format {value!r}; choose one of {', '.join(choices)}")
    return value


def _jsonl(items: list[Any]) -> None:
    for item in items:
        sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")


def _party(party: Any) -> str:
    if party is None:
        return ""
    name = party.name or party.id or ""
    return f"{name} ({party.country})" if party.country and party.country != party.id else name


def _short_party(party: Any) -> str:
    """'Tokayev (KAZ)', 'Russia': what fits a table cell."""
    if party is None:
        return ""
    name = party.name or party.id or ""
    if party.kind == "person":
        name = name.split()[-1]
    return f"{name} ({party.country})" if party.country and party.country != party.id else name


def _short_when(date: dict[str, Any]) -> str:
    start, end, precision = date["start"], date["end"], date["precision"]
    if start is None:
        return ""
    start, end = str(start), str(end or start)
    if precision == "year":
        return start[:4] if start[:4] == end[:4] else f"{start[:4]}-{end[:4]}"
    if precision in {"month", "quarter", "half"}:
        return start[:7] if start[:7] == end[:7] else f"{start[:7]}..{end[5:7]}"
    if start == end:
        return start
    return f"{start}..{end[8:]}" if start[:7] == end[:7] else f"{start}..{end[5:]}"


def _when(date: dict[str, Any]) -> str:
    if date["start"] is None:
        return ""
    if date["end"] in (None, date["start"]):
        return str(date["start"])
    return f"{date['start']}..{date['end']}"


def _events_table(rows: list[EventSummary], total: int) -> Table:
    table = Table(caption=f"{len(rows)} of {total} events", show_lines=False)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("who", overflow="fold", ratio=3)
    table.add_column("place", overflow="fold", ratio=1)
    table.add_column("src/men", justify="right", no_wrap=True)
    for e in rows:
        who = " -> ".join(x for x in (_short_party(e.source), _short_party(e.target)) if x)
        table.add_row(str(e.id), _short_when(e.date), f"{e.cameo} {e.type}", e.status, who,
                      e.location["name"] or "", f"{e.source_count}/{e.mention_count}")
    return table


@events_app.callback(invoke_without_command=True)
@handles_errors
def events(
    ctx: typer.Context,
    actor: filters.Actor = None,
    country: filters.Country = None,
    dyad: filters.Dyad = None,
    directed: filters.Directed = False,
    event_type: filters.EventType = None,
    cameo_root: filters.CameoRoot = None,
    status: filters.Status = None,
    since: filters.Since = None,
    until: filters.Until = None,
    place: filters.Place = None,
    text: filters.Text = None,
    min_sources: filters.MinSources = None,
    limit: int = typer.Option(50, "--limit", min=1, help="How many to print."),
    output_format: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """List events, latest first; `tengri events show ID` shows one with its reports."""
    if ctx.invoked_subcommand is not None:
        return
    _check_format(output_format)
    criteria = filters.event_filter(
        actor=actor, country=country, dyad=dyad, directed=directed, event_type=event_type,
        cameo_root=cameo_root, status=status, since=since, until=until, place=place, text=text,
        min_sources=min_sources)
    store = _open(db)
    try:
        rows = find_events(store, criteria, limit=limit)
        if output_format == "jsonl":
            _jsonl(rows)
        else:
            out.print(_events_table(rows, count_events(store, criteria)))
    finally:
        store.close()


def _print_event(detail: EventDetail) -> None:
    e = detail.event
    lines = [
        f"event {e.id}: {e.type}/{e.mode or '-'} CAMEO {e.cameo} (Goldstein {e.goldstein}, "
        f"quad class {e.quad_class}), {e.status}" + (" [curated]" if e.curated else ""),
        f"  source   {_party(e.source)}",
        f"  target   {_party(e.target)}",
        "  date     " + (f"{_when(e.date)} ({e.date['precision']})" if e.date["start"]
                            else "unknown"),
        "  place    " + (f"{e.location['name']} ({e.location['precision']})"
                            if e.location["name"] else "unknown"),
        f"  reports  {e.source_count} source(s), {e.mention_count} mention(s); first "
        f"{e.first_reported}, last {e.last_reported}; confidence {e.confidence}",
    ]
    participants = [a["name"] for a in detail.actors if a["role"] == "participant"]
    if participants:
        lines.append(f"  with     {', '.join(participants)}")
    lines.append("")
    for m in detail.mentions:
        where = ", ".join(x for x in (str(m.published or "undated"), m.source_name or "",
                                      m.url or "") if x)
        copy = " [near-copy of another stored document]" if m.syndicated else ""
        lines.append(f"mention {m.id} - document {m.document_id} \"{m.title or ''}\" "
                     f"({where}){copy}")
        lines.append(f"  \"{m.sentence.strip()}\"")
        lines.append(f"  trigger \"{m.trigger or ''}\"; CAMEO {m.cameo}, {m.status}, "
                     f"{_when(m.date) or 'no date'}" + (f", {m.location}" if m.location else ""))
        if m.decision is not None:
            by = "" if m.decision.decided_by == "tengri" else f" by {m.decision.decided_by}"
            lines.append(f"  {m.decision.action}{by}: " + "; ".join(m.decision.reasons))
            if m.decision.note:
                lines.append(f"  note: {m.decision.note}")
        lines.append("")
    out.print("\n".join(lines).rstrip(), markup=False, highlight=False, soft_wrap=True)


@events_app.command("show")
@handles_errors
def show(
    event_id: int = typer.Argument(..., help="The event's id (from `tengri events`)."),
    output_format: str = typer.Option("text", "--format", "-f", help="text or json."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Show one event: its columns, and each report that mentions it with why it was merged."""
    _check_format(output_format, ("text", "json"))
    store = _open(db)
    try:
        detail = get_event(store, event_id)
    finally:
        store.close()
    if output_format == "json":
        sys.stdout.write(json.dumps(detail.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_event(detail)


@events_app.command("split")
@handles_errors
def split(
    mention_id: int = typer.Argument(..., help="The mention to take out of its event."),
    reason: str = typer.Option(..., "--reason", help="Why it is not the same event (kept "
                               "with the decision)."),
    analyst: str = typer.Option("analyst", "--by", help="Who decides (kept with it)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Undo a merge: the mention becomes an event of its own, left alone by later merging."""
    store = _open(db)
    try:
        new_event = split_mention(store, mention_id, reason, analyst)
    finally:
        store.close()
    out.print(f"mention {mention_id} is now event {new_event}", markup=False)


@events_app.command("release")
@handles_errors
def release(
    mention_id: int = typer.Argument(..., help="A mention split off earlier."),
    analyst: str = typer.Option("analyst", "--by", help="Who decides (kept with it)."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Undo a split: the mention goes back to automatic merging."""
    store = _open(db)
    try:
        event_id = release_mention(store, mention_id, analyst)
    finally:
        store.close()
    out.print(f"mention {mention_id} is in event {event_id}", markup=False)


@app.command("documents")
@handles_errors
def documents(
    text: str = typer.Option(None, "--text", help="Words in the title or URL."),
    source: str = typer.Option(None, "--source", help="Part of the source (site) name."),
    since: str = typer.Option(None, "--since", help="Published on or after (YYYY-MM-DD)."),
    until: str = typer.Option(None, "--until", help="Published on or before (YYYY-MM-DD)."),
    limit: int = typer.Option(50, "--limit", min=1, help="How many to print."),
    output_format: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """List stored documents, latest first, with their mentions and near-copies."""
    _check_format(output_format)
    criteria = DocumentFilter(text=text, source=source, since=parse_date(since, "--since"),
                              until=parse_date(until, "--until"))
    store = _open(db)
    try:
        rows = find_documents(store, criteria, limit=limit)
    finally:
        store.close()
    if output_format == "jsonl":
        _jsonl(rows)
        return
    table = Table(caption=f"{len(rows)} documents", show_lines=False)
    for column in ("id", "published", "title", "source", "mentions", "copies", "version"):
        table.add_column(column, overflow="fold")
    for d in rows:
        table.add_row(str(d.id), str(d.published or ""), d.title or d.input_name,
                      d.source_name or "", str(d.mentions), str(d.copies), str(d.version))
    out.print(table)


@store_app.command("info")
@handles_errors
def info(db: str = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Which database, its schema version and how many records of each kind it holds."""
    store = _open(db)
    try:
        counts = store_counts(store)
        lines = [f"database    {store.url}", f"backend     {store.backend}",
                 f"schema      version {SCHEMA_VERSION}"]
    finally:
        store.close()
    lines += [f"{name:<12}{count}" for name, count in counts.items()]
    out.print("\n".join(lines), markup=False, highlight=False, soft_wrap=True)


@store_app.command("quarantine")
@handles_errors
def quarantine(
    reason: str = typer.Option(None, "--reason", help="Only inputs quarantined for this reason."),
    limit: int = typer.Option(100, "--limit", min=1, help="How many to print."),
    output_format: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Inputs that could not be stored, with the reason, latest first."""
    _check_format(output_format)
    store = _open(db)
    try:
        rows = list_quarantine(store, reason, limit)
    finally:
        store.close()
    if output_format == "jsonl":
        _jsonl(rows)
        return
    table = Table(caption=f"{len(rows)} quarantined inputs")
    for column in ("input", "reason", "detail", "times", "last seen"):
        table.add_column(column, overflow="fold")
    for q in rows:
        table.add_row(q.input, q.reason, q.detail, str(q.times),
                      q.last_seen.isoformat(timespec="seconds"))
    out.print(table)


@store_app.command("runs")
@handles_errors
def runs(
    limit: int = typer.Option(20, "--limit", min=1, help="How many to print."),
    output_format: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Ingest runs, latest first: when, with what, and what they stored."""
    _check_format(output_format)
    store = _open(db)
    try:
        rows = list_runs(store, limit)
    finally:
        store.close()
    if output_format == "jsonl":
        _jsonl(rows)
        return
    table = Table(caption=f"{len(rows)} ingest runs")
    for column in ("id", "started", "status", "seen", "stored", "unchanged", "replaced",
                   "quarantined", "sources"):
        table.add_column(column, overflow="fold")
    for r in rows:
        table.add_row(str(r.id), r.started_at.isoformat(timespec="seconds"), r.status,
                      *(str(r.counts[k]) for k in ("seen", "stored", "unchanged", "replaced",
                                                    "quarantined")),
                      " ".join(r.sources))
    out.print(table)
