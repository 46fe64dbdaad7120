"""`tengri profile`, `tengri timeline`, `tengri network` and `tengri conflicts`: the analyses of
`tengri.analytics` as rich tables in a terminal, or JSON with --format json."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from tengri.analytics import (
    ActorProfile,
    DyadProfile,
    Granularity,
    NetworkLevel,
    Selection,
    actor_profile,
    claim_conflicts,
    dyad_profile,
    interaction_network,
    resolve_actor,
    timeline,
)
from tengri.analytics.records import Balance, EventBrief
from tengri.cli.app import app, err, handles_errors, out
from tengri.cli.ingest import DB_HELP, parse_date
from tengri.errors import UsageError
from tengri.kb import KnowledgeBase, load_kb
from tengri.model import Record
from tengri.settings import Settings
from tengri.store import EventFilter, Store, open_store

FORMATS = ("table", "json")
KBPaths = Annotated[list[str] | None, typer.Option(
    "--kb", help="A user KB file or folder that extends the shipped KB (repeatable).")]
Since = Annotated[str | None, typer.Option("--since", help="On or after (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option("--until", help="On or before (YYYY-MM-DD).")]
Format = Annotated[str, typer.Option("--format", "-f", help="table or json.")]
Db = Annotated[str | None, typer.Option("--db", help=DB_HELP)]


def _settings(db: str | None, kb: list[str] | None) -> Settings:
    return Settings.from_env(db_url=db, kb_paths=tuple(Path(p) for p in kb or ()))


def _open(settings: Settings) -> tuple[Store, KnowledgeBase]:
    return open_store(settings.db_url, settings, create=False), load_kb(settings.kb_paths)


def _format(value: str) -> str:
    if value not in FORMATS:
        raise UsageError(f"--format {value!r}; choose one of {', '.join(FORMATS)}")
    return value


def _json(record: Record) -> None:
    sys.stdout.write(json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n")


def _period(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    start, end = parse_date(since, "--since"), parse_date(until, "--until")
    if start and end and start > end:
        raise UsageError(f"--since {start} is after --until {end}")
    return start, end


def _balance_line(b: Balance) -> str:
    mean = f"{b.goldstein_mean:+.2f}" if b.goldstein_mean is not None else "-"
    share = f"{b.cooperation_share:.0%}" if b.cooperation_share is not None else "-"
    return (f"{b.events} events: {b.cooperation} cooperation, {b.conflict} conflict "
            f"({share} cooperative); Goldstein sum {b.goldstein_sum:+.1f}, mean {mean}")


def _side(side: Any) -> str:
    return "" if side is None else (side.name or side.id or "")


def _when(e: EventBrief) -> str:
    if e.date_start is None:
        return "undated"
    return str(e.date_start) if e.date_end in (None, e.date_start) else \
        f"{e.date_start}..{e.date_end}"


def _events_table(title: str, rows: list[EventBrief]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("id", "date", "type", "CAMEO", "source", "target", "place"):
        table.add_column(column, overflow="fold", no_wrap=column in {"id", "date", "CAMEO"})
    for e in rows:
        table.add_row(str(e.id), _when(e), e.type, e.cameo, _side(e.source), _side(e.target),
                      e.location or "")
    return table


def _print_events(title: str, rows: list[EventBrief]) -> None:
    """A table of events, then the sentence each was first read in."""
    out.print(_events_table(title, rows))
    for e in rows:
        if e.evidence is not None:
            sentence = " ".join(e.evidence.sentence.split())
            cut = sentence if len(sentence) <= 200 else sentence[:197] + "..."
            out.print(f"  {e.id}: \"{cut}\" (document {e.evidence.document_id})",
                      markup=False, highlight=False)


def _print_dyad(p: DyadProfile) -> None:
    out.print(f"[bold]{p.first_name} – {p.second_name}[/bold] ({p.first}–{p.second})")
    out.print("  " + _balance_line(p.balance), markup=False)
    for direction, b in p.directions.items():
        out.print(f"  {direction}: " + _balance_line(b), markup=False)
    types = Table(title="events by type", title_justify="left")
    types.add_column("type")
    types.add_column("events", justify="right")
    for c in p.by_type:
        types.add_row(c.label, str(c.count))
    out.print(types)
    if p.leader_meetings:
        out.print(_events_table("meetings and calls at leader level",
                                [m.event for m in p.leader_meetings]))
    if p.agreements:
        out.print(_events_table("agreements signed", p.agreements))
    if p.facts:
        facts = Table(title="facts and figures", title_justify="left")
        for column in ("indicator", "value", "unit", "from", "to", "published"):
            facts.add_column(column, overflow="fold")
        for f in p.facts:
            facts.add_row(f.indicator, f"{f.value:,.0f}" if f.value >= 100 else f"{f.value:g}",
                          f.unit, f.origin or f.subject or "", f.destination or "",
                          str(f.published or ""))
        out.print(facts)
    if p.shared_memberships:
        shared = Table(title="shared memberships (KB)", title_justify="left")
        for column in ("organisation", "both since", "until"):
            shared.add_column(column, overflow="fold")
        for s in p.shared_memberships:
            shared.add_row(s.name, str(s.together_from or "the start"),
                           str(s.together_until or "now"))
        out.print(shared)
    _print_events("latest events", p.latest)


def _print_actor(p: ActorProfile) -> None:
    a = p.actor
    out.print(f"[bold]{a.name}[/bold] ({a.id}, {a.kind}"
              + (f", {a.country}" if a.country and a.country != a.id else "") + ")")
    out.print("  " + _balance_line(p.balance), markup=False)
    counterparts = Table(title="counterparts", title_justify="left")
    for column in ("counterpart", "events", "cooperation", "conflict", "Goldstein"):
        counterparts.add_column(column, justify="left" if column == "counterpart" else "right")
    for c in p.counterparts:
        counterparts.add_row(f"{c.name} ({c.key})" if c.name != c.key else c.key,
                             str(c.events), str(c.cooperation), str(c.conflict),
                             f"{c.goldstein_sum:+.1f}")
    out.print(counterparts)
    if p.activity:
        activity = Table(title="activity by month", title_justify="left")
        for column in ("month", "events", "cooperation", "conflict"):
            activity.add_column(column, justify="right")
        for b in p.activity[-24:]:
            activity.add_row(b.start.strftime("%Y-%m"), str(b.events), str(b.cooperation),
                             str(b.conflict))
        out.print(activity)
    if p.offices:
        offices = Table(title="offices (KB)", title_justify="left")
        for column in ("office", "holder", "from", "to"):
            offices.add_column(column, overflow="fold")
        for o in p.offices[-15:]:
            offices.add_row(f"{o.title} ({o.holder_of})", o.person_name, str(o.start or ""),
                            str(o.end or "now") + (" (acting)" if o.acting else ""))
        out.print(offices)
    if p.memberships:
        out.print("memberships (KB): " + ", ".join(m.name for m in p.memberships),
                  markup=False)
    _print_events("latest events", p.latest)


@app.command("profile")
@handles_errors
def profile(
    actors: Annotated[list[str], typer.Argument(
        help="One actor (a name such as Tokayev, or a KB id) for its profile, or two states "
        "(KAZ RUS) for their dyad.")],
    since: Since = None, until: Until = None, latest: Annotated[int, typer.Option(
        "--latest", min=0, max=100, help="How many latest events to show.")] = 10,
    output_format: Format = "table", db: Db = None, kb: KBPaths = None,
) -> None:
    """The profile of an actor, or of the relations of two states."""
    _format(output_format)
    if len(actors) not in (1, 2):
        raise UsageError(f"give one actor or two states, not {len(actors)}")
    start, end = _period(since, until)
    settings = _settings(db, kb)
    store, knowledge = _open(settings)
    try:
        refs = [resolve_actor(knowledge, name) for name in actors]
        if len(refs) == 2:
            codes = []
            for ref in refs:
                code = ref.id if ref.kind == "state" else ref.country
                if code is None:
                    raise UsageError(f"{ref.name} ({ref.id}) has no state; a dyad is two "
                                     "states")
                if ref.kind != "state":
                    err.print(f"tengri: {ref.name} stands for {code} in a dyad", markup=False)
                codes.append(code)
            result: Record = dyad_profile(store, knowledge, codes[0], codes[1], since=start,
                                          until=end, latest=latest)
        else:
            result = actor_profile(store, knowledge, refs[0], since=start, until=end,
                                   latest=latest)
    finally:
        store.close()
    if output_format == "json":
        _json(result)
    elif isinstance(result, DyadProfile):
        _print_dyad(result)
    else:
        _print_actor(result)  # type: ignore[arg-type]


def _selection(actor: str | None, country: str | None, dyad: str | None,
               event_type: str | None, since: str | None, until: str | None) -> Selection:
    start, end = _period(since, until)
    return Selection(EventFilter(actor=actor, country=country.upper() if country else None,
                                 dyad=EventFilter.parse_dyad(dyad) if dyad else None,
                                 type=event_type, since=start, until=end))


@app.command("timeline")
@handles_errors
def timeline_command(
    actor: Annotated[str | None, typer.Option("--actor", help="KB id or part of a name.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO3, any role.")] = None,
    dyad: Annotated[str | None, typer.Option("--dyad", help="e.g. KAZ-RUS.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    by: Annotated[str, typer.Option("--by", help="day, week or month.")] = "month",
    since: Since = None, until: Until = None, output_format: Format = "table",
    db: Db = None, kb: KBPaths = None,
) -> None:
    """Events per day, week or month with cooperation, conflict and their spikes."""
    _format(output_format)
    try:
        granularity = Granularity(by)
    except ValueError:
        raise UsageError(f"--by {by!r}; choose day, week or month") from None
    settings = _settings(db, kb)
    store = open_store(settings.db_url, settings, create=False)
    try:
        if actor and ":" not in actor and len(actor) > 3:
            actor = resolve_actor(load_kb(settings.kb_paths), actor).id
        result = timeline(store, _selection(actor, country, dyad, event_type, since, until),
                          granularity)
    finally:
        store.close()
    if output_format == "json":
        _json(result)
        return
    spikes = {(s.start, s.measure) for s in result.spikes}
    table = Table(title=f"timeline by {granularity.value}", title_justify="left")
    for column in ("from", "events", "cooperation", "conflict", "Goldstein", "spike"):
        table.add_column(column, justify="left" if column in {"from", "spike"} else "right")
    for b in result.buckets:
        if b.events == 0 and granularity is not Granularity.MONTH:
            continue
        flags = ", ".join(m for m in ("events", "conflict", "cooperation")
                          if (b.start, m) in spikes)
        table.add_row(str(b.start), str(b.events), str(b.cooperation), str(b.conflict),
                      f"{b.goldstein_sum:+.1f}", flags)
    out.print(table)
    for s in result.spikes:
        out.print(f"spike in {s.measure} {s.start}..{s.end}: {s.value} (usual {s.baseline:g}, "
                  f"score {s.score:g}); events {', '.join(map(str, s.event_ids))}", markup=False)


@app.command("network")
@handles_errors
def network(
    level: Annotated[str, typer.Option("--level", help="country or actor.")] = "country",
    min_events: Annotated[int, typer.Option("--min-events", min=1)] = 1,
    since: Since = None, until: Until = None, output_format: Format = "table",
    db: Db = None, kb: KBPaths = None,
) -> None:
    """Who interacts with whom, with centrality."""
    _format(output_format)
    try:
        chosen = NetworkLevel(level)
    except ValueError:
        raise UsageError(f"--level {level!r}; choose country or actor") from None
    settings = _settings(db, kb)
    store, knowledge = _open(settings)
    try:
        result = interaction_network(store, _selection(None, None, None, None, since, until),
                                     chosen, min_events, knowledge)
    finally:
        store.close()
    if output_format == "json":
        _json(result)
        return
    table = Table(title=f"{len(result.nodes)} nodes, {len(result.edges)} edges",
                  title_justify="left")
    for column in ("node", "events", "out", "in", "degree", "betweenness", "pagerank"):
        table.add_column(column, justify="left" if column == "node" else "right")
    for n in result.nodes[:40]:
        table.add_row(f"{n.label} ({n.id})" if n.label != n.id else n.id, str(n.events),
                      str(n.out_events), str(n.in_events), f"{n.degree_centrality:.3f}",
                      f"{n.betweenness:.3f}", f"{n.pagerank:.3f}")
    out.print(table)


@app.command("conflicts")
@handles_errors
def conflicts(
    kind: Annotated[str | None, typer.Option("--kind", help="membership or office.")] = None,
    since: Since = None, until: Until = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=10000)] = 100,
    output_format: Format = "table", db: Db = None, kb: KBPaths = None,
) -> None:
    """Membership and office claims in the news that disagree with the KB."""
    _format(output_format)
    if kind not in (None, "membership", "office"):
        raise UsageError(f"--kind {kind!r}; choose membership or office")
    start, end = _period(since, until)
    settings = _settings(db, kb)
    store, knowledge = _open(settings)
    try:
        found = claim_conflicts(store, knowledge, since=start, until=end,
                                kinds=(kind,) if kind else ("membership", "office"),
                                limit=limit)
    finally:
        store.close()
    if output_format == "json":
        sys.stdout.write(json.dumps([c.to_dict() for c in found], ensure_ascii=False,
                                    indent=2) + "\n")
        return
    table = Table(caption=f"{len(found)} claims disagree with the KB")
    for column in ("kind", "claim", "on", "the KB holds", "document"):
        table.add_column(column, overflow="fold")
    for c in found:
        table.add_row(c.kind, c.claim, str(c.on or ""), c.explanation,
                      f"{c.document_id} {c.title or ''}")
    out.print(table)
