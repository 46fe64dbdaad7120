"""The event filters `tengri events` and `tengri export` share: one declaration of each option
and one place that turns them into an `EventFilter`."""

from __future__ import annotations

from typing import Annotated

import typer

from tengri.cli.ingest import parse_date
from tengri.store import EventFilter

Actor = Annotated[str | None, typer.Option(
    "--actor", help="KB id (person:vladimir-putin, KAZ) or part of a name, in any role.")]
Country = Annotated[str | None, typer.Option(
    "--country", help="ISO3 country of an actor in any role.")]
Dyad = Annotated[str | None, typer.Option(
    "--dyad", help="Source and target countries, e.g. KAZ-RUS (either direction unless "
    "--directed).")]
Directed = Annotated[bool, typer.Option("--directed", help="--dyad only in its direction.")]
EventType = Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")]
CameoRoot = Annotated[str | None, typer.Option("--cameo-root", help="CAMEO root, e.g. 04.")]
Status = Annotated[str | None, typer.Option(
    "--status", help="occurred, ongoing, planned, negated or hypothetical.")]
Since = Annotated[str | None, typer.Option("--since", help="Events on or after (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option("--until", help="Events on or before (YYYY-MM-DD).")]
Place = Annotated[str | None, typer.Option(
    "--place", help="Part of the place name, or its ISO3.")]
Text = Annotated[str | None, typer.Option(
    "--text", help="Words in a mention's sentence or its document's title.")]
MinSources = Annotated[int | None, typer.Option(
    "--min-sources", min=1, help="Only events reported by at least this many sources.")]


def event_filter(*, actor: str | None, country: str | None, dyad: str | None, directed: bool,
                 event_type: str | None, cameo_root: str | None, status: str | None,
                 since: str | None, until: str | None, place: str | None, text: str | None,
                 min_sources: int | None) -> EventFilter:
    """The options as the store's filter; a malformed dyad or date is a usage error."""
    return EventFilter(
        actor=actor, country=country, dyad=EventFilter.parse_dyad(dyad) if dyad else None,
        directed=directed, type=event_type, cameo_root=cameo_root, status=status,
        since=parse_date(since, "--since"), until=parse_date(until, "--until"), place=place,
        text=text, min_sources=min_sources)
