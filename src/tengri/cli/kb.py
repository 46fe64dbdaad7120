"""`tengri actors` and `tengri kb …`: ask the knowledge base what a phrase names, check a user's
KB files, and show the KB's coverage."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from tengri.cli.app import app, err, handles_errors, out
from tengri.errors import UsageError
from tengri.kb import KnowledgeBase, Mention, find_mentions, load_kb
from tengri.kb.stats import kb_stats
from tengri.kb.validate import validate
from tengri.settings import Settings

FORMATS = ("table", "json")

kb_app = typer.Typer(help="Check and describe the actor knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")

KBPaths = Annotated[
    list[str] | None,
    typer.Option(
        "--kb",
        help="A user KB file or folder that extends and overrides the shipped knowledge "
        "base (repeatable; also TENGRI_KB_PATH).",
    ),
]
OutputFormat = Annotated[str, typer.Option("--format", "-f", help="table or json.")]


def _date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--on {value!r} is not a date; use YYYY-MM-DD") from None


def _format(value: str) -> str:
    if value not in FORMATS:
        raise UsageError(f"--format {value!r}; choose one of {', '.join(FORMATS)}")
    return value


def _knowledge(kb_paths: list[str] | None) -> KnowledgeBase:
    settings = Settings.from_env(kb_paths=tuple(Path(p) for p in kb_paths or ()))
    return load_kb(settings.kb_paths)


def _described(kb: KnowledgeBase, mention: Mention, on: dt.date) -> dict[str, Any]:
    """A mention with what the KB says about it that day, ready to print or dump."""
    entity = kb.get(mention.entity) if mention.entity else None
    office = kb.offices.get(mention.entity or "")
    name = entity.name if entity else office.title if office else None
    capital = kb.capital(entity.country, on) if entity and entity.country else None
    mark = kb.marked_ambiguous(mention.text)
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "entity": mention.entity,
        "kind": mention.kind,
        "name": name,
        "name_on_date": kb.name_on(entity.id, on) if entity else None,
        "country": mention.country,
        "role": mention.role,
        "sector": mention.sector,
        "capital_of": entity.country if capital and entity and capital.place == entity.id else None,
        "rule": mention.rule,
        "alternatives": [
            {"entity": c, "name": e.name if (e := kb.get(c)) else None} for c in mention.candidates
        ],
        "ambiguous": {"entities": list(mark.entities), "note": mark.note} if mark else None,
    }


def _actor_table(described: list[dict[str, Any]], on: dt.date) -> Table:
    table = Table(title=f"On {on}", show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for number, item in enumerate(described):
        if number:
            table.add_section()
        name = item["name"] or ""
        if item["name_on_date"] and item["name_on_date"] != name:
            name += f" (official name that day: {item['name_on_date']})"
        rows = [
            ("phrase", item["text"]),
            ("entity", item["entity"] or "(unresolved)"),
            ("kind", item["kind"]),
            ("name", name),
            ("country", item["country"] or ""),
            ("role that day", item["role"] or ""),
            ("sector", item["sector"] or ""),
            ("capital of", item["capital_of"] or ""),
            ("rule", item["rule"]),
        ]
        if item["alternatives"]:
            rows.append(
                (
                    "alternatives",
                    ", ".join(f"{a['entity']} ({a['name']})" for a in item["alternatives"]),
                )
            )
        if item["ambiguous"]:
            rows.append(
                (
                    "marked ambiguous",
                    f"{' | '.join(item['ambiguous']['entities'])}: {item['ambiguous']['note']}",
                )
            )
        for label, value in rows:
            if value:
                table.add_row(label, value)
    return table


def _no_match(kb: KnowledgeBase, query: str, on: dt.date) -> str:
    keys = kb.name_index.keys_for(query)
    named = [e for key in keys if (e := kb.get(key.partition("|")[2])) is not None]
    if named:
        place = named[0]
        return (
            f"{query!r} is an alias of {place.id} ({place.name}, {place.country}), but a "
            f"place that is not a capital or a large city is taken as a place only after a "
            f"word such as 'in' or 'to' (try 'in {query}') or with its country in focus "
            f"(--focus {place.country})"
        )
    return (
        f"nothing in the knowledge base matches {query!r} on {on}; names are matched as "
        "written (case matters), titles need a country ('Kazakh President')"
    )


@app.command("actors")
@handles_errors
def actors(
    query: Annotated[
        str,
        typer.Argument(
            help="A phrase: a name, a title with its country, an acronym ('Nur-Sultan', "
            "'Kazakh President', 'ОДКБ')."
        ),
    ],
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            help="The day to resolve on (YYYY-MM-DD); default today. Titles name whoever "
            "held the office that day.",
        ),
    ] = None,
    focus: Annotated[
        list[str] | None,
        typer.Option(
            "--focus",
            help="A country (ISO3) in focus, as a document's own country would be (repeatable).",
        ),
    ] = None,
    kb: KBPaths = None,
    output_format: OutputFormat = "table",
) -> None:
    """Show what a phrase resolves to on a day, and why.

    For each actor or place in the phrase: the KB id, kind, name (and the official name that
    day, e.g. Nur-Sultan for Astana in 2020), country, the role a person held that day, the rule
    that matched and the alternatives when the phrase is ambiguous. Exit 1 when nothing matches.
    """
    day = _date(on)
    output_format = _format(output_format)
    knowledge = _knowledge(kb)
    mentions = find_mentions(knowledge, query, day, tuple(focus or ()))
    if not mentions:
        err.print(f"tengri: {_no_match(knowledge, query, day)}", markup=False, soft_wrap=True)
        raise typer.Exit(1)
    described = [_described(knowledge, m, day) for m in mentions]
    if output_format == "json":
        payload = {"query": query, "on": day.isoformat(), "mentions": described}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        out.print(_actor_table(described, day))


@kb_app.command("validate")
@handles_errors
def validate_command(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="KB files (CSV named after a table, or YAML with table names as keys) or folders; "
            "default: TENGRI_KB_PATH, else the shipped data."
        ),
    ] = None,
) -> None:
    """Check KB files before using them; print each problem with its file, line and column.

    Checks every row on its own (required cells and a source, dates, numbers, id forms, start
    before end), then across the shipped data and your rows (references to entities of the
    right kind, ids defined once, no overlapping terms of one office), then the aliases (each
    names one entity or is marked ambiguous). Exit 0 with a one-line summary when all is well,
    1 when there are problems.
    """
    chosen = tuple(paths or ()) or Settings.from_env().kb_paths
    result = validate(chosen)
    for problem in result.problems:
        out.print(str(problem), markup=False, soft_wrap=True)
    if result.ok:
        out.print(f"ok: {result.summary()}", markup=False, soft_wrap=True)
        return
    err.print(f"tengri: {result.summary()}", markup=False, soft_wrap=True)
    raise typer.Exit(1)


@kb_app.command("stats")
@handles_errors
def stats_command(kb: KBPaths = None, output_format: OutputFormat = "table") -> None:
    """Count what the KB holds: states, places, IGOs, memberships by kind, offices and their
    terms, persons, institutions, aliases, and the latest date the data was checked."""
    output_format = _format(output_format)
    stats = kb_stats(_knowledge(kb))
    if output_format == "json":
        payload = dataclasses.asdict(stats)
        payload["checked"] = stats.checked.isoformat() if stats.checked else None
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
        return
    table = Table(title="tengri knowledge base", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_column("detail")
    for label, value, detail in stats.lines():
        table.add_row(label, value, detail)
    out.print(table)
