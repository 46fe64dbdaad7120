"""`tengri extract`: code articles into events, facts and memberships (JSONL, JSON or a table)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from tengri.cli.app import app, err, handles_errors, out
from tengri.errors import UsageError
from tengri.extract import UnsupportedLanguage, extract_document, languages
from tengri.ingest.local import INPUT_FORMATS, load_inputs
from tengri.kb import load_kb
from tengri.model import Extraction, Skipped
from tengri.settings import Settings

OUTPUT_FORMATS = ("jsonl", "json", "table")


def _parse_published(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--published {value!r} is not a date; use YYYY-MM-DD") from None


def _actor(actor: Any) -> str:
    if actor is None:
        return ""
    return f"{actor.name} ({actor.country})" if actor.country else actor.name


def _table(results: list[Extraction]) -> Table:
    table = Table(title="Events", show_lines=False)
    for column in (
        "doc",
        "type/mode",
        "CAMEO",
        "status",
        "source",
        "target / participants",
        "date",
        "place",
        "evidence",
    ):
        table.add_column(column, overflow="fold")
    for result in results:
        for event in result.events:
            target = _actor(event.target) or ", ".join(_actor(p) for p in event.participants)
            date = (
                ""
                if event.date.start is None
                else (
                    f"{event.date.start}"
                    + ("" if event.date.end == event.date.start else f"..{event.date.end}")
                )
            )
            trigger = event.evidence.trigger.text if event.evidence.trigger else ""
            table.add_row(
                event.doc_id[:18],
                f"{event.type}/{event.mode or '-'}",
                event.cameo,
                event.status.value,
                _actor(event.source),
                target,
                date,
                event.location.name or "",
                trigger,
            )
    return table


def _report(skipped: list[Skipped]) -> None:
    for item in skipped:
        err.print(
            f"tengri: skipped {item.input}: {item.detail or item.reason}",
            markup=False,
            soft_wrap=True,
        )


@app.command()
@handles_errors
def extract(
    paths: list[str] = typer.Argument(
        None, help="Files or folders to code, or '-' for stdin (the default when nothing is given)."
    ),
    published: str = typer.Option(
        None,
        "--published",
        help="Publication date (YYYY-MM-DD) for every input; JSONL lines may carry their own.",
    ),
    input_format: str = typer.Option("auto", "--input-format", help="auto, text, html or jsonl."),
    output_format: str = typer.Option("jsonl", "--format", "-f", help="jsonl, json or table."),
    lang: str = typer.Option(
        None, "--lang", help="Code every input in this language (en, …) instead of detecting it."
    ),
    kb: list[str] = typer.Option(
        None,
        "--kb",
        help="A user KB file or folder that extends the "
        "shipped knowledge base (repeatable; also TENGRI_KB_PATH).",
    ),
) -> None:
    """Code news articles into events, facts and memberships.

    Output `jsonl` has one record per line, each with "record" (event, fact or membership) and
    "doc_id"; the fields are described in README.md. Inputs that cannot be coded are reported
    on stderr with the reason; the exit code is non-zero only when nothing could be coded.
    """
    if input_format not in INPUT_FORMATS:
        raise UsageError(
            f"--input-format {input_format!r}; choose one of {', '.join(INPUT_FORMATS)}"
        )
    if output_format not in OUTPUT_FORMATS:
        raise UsageError(f"--format {output_format!r}; choose one of {', '.join(OUTPUT_FORMATS)}")
    date = _parse_published(published)
    if lang is not None and lang not in languages():
        raise UsageError(f"--lang {lang!r}; tengri codes {', '.join(languages())}")
    settings = Settings.from_env(kb_paths=tuple(Path(p) for p in kb or ()))
    knowledge = load_kb(settings.kb_paths)
    sources = paths or ["-"]
    stdin = sys.stdin.buffer.read() if "-" in sources else None
    results: list[Extraction] = []
    skipped: list[Skipped] = []
    coded = 0
    for loaded in load_inputs(sources, input_format, date, stdin):
        skipped.extend(loaded.skipped)
        for document in loaded.documents:
            if lang is not None:
                document = replace(document, lang=lang)
            try:
                result = extract_document(document, knowledge)
            except UnsupportedLanguage as exc:
                skipped.append(Skipped(document.doc_id, "unsupported language", str(exc)))
                continue
            coded += 1
            if output_format == "jsonl":
                for record in result.records():
                    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                results.append(result)
    if output_format == "json":
        payload = [
            {
                "doc_id": r.document.doc_id,
                "title": r.document.title,
                "published": r.document.published.isoformat() if r.document.published else None,
                "records": r.records(),
            }
            for r in results
        ]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    elif output_format == "table":
        out.print(_table(results))
    _report(skipped)
    if coded == 0:
        err.print("tengri: nothing could be coded", markup=False, soft_wrap=True)
        raise typer.Exit(1)
