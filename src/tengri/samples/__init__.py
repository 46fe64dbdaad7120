"""tengri's built-in sample corpus: news-style articles written for the project.

They ship inside the package so that `tengri demo`, the README's example and the tests run
offline. `index.jsonl` describes each article; `corpus.jsonl` holds the same articles as input
for `tengri extract --input-format jsonl`. See README.md beside this file for what the articles
are (and are not).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tengri.errors import InputError

INDEX_FILE = "index.jsonl"


@dataclass(frozen=True, slots=True)
class SampleInfo:
    """One row of `index.jsonl`."""

    id: str
    file: str  # relative to the samples package, e.g. "articles/s01-....txt"
    published: dt.date
    title: str
    url: str
    style: str  # wire, analysis, press_release, interview, news, opinion, sports, business
    format: str  # "text" or "html"
    story: str  # shared by articles that report the same real-world event
    syndicated_from: str | None  # id of the article this one copies, if any


def _package_dir() -> Path:
    root = resources.files(__name__)
    if not isinstance(root, Path):
        raise InputError(
            f"the sample articles must be files on disk, but tengri.samples is loaded from "
            f"{root!r}; install tengri as a regular (unzipped) package to use them"
        )
    return root


def sample_index() -> list[SampleInfo]:
    """Every sample article's metadata, in corpus order."""
    rows: list[SampleInfo] = []
    with (_package_dir() / INDEX_FILE).open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            rows.append(
                SampleInfo(
                    id=row["id"],
                    file=row["file"],
                    published=dt.date.fromisoformat(row["published"]),
                    title=row["title"],
                    url=row["url"],
                    style=row["style"],
                    format=row["format"],
                    story=row["story"],
                    syndicated_from=row["syndicated_from"],
                )
            )
    return rows


def sample_paths() -> list[Path]:
    """The files of every sample article (plain text and HTML), in corpus order."""
    root = _package_dir()
    return [root / info.file for info in sample_index()]
