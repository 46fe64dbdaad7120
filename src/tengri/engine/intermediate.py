"""A partition's intermediate files: gzipped JSON Lines that a worker writes and the global step
reads back. Written byte for byte the same for the same partition (no time in the gzip header,
keys in a fixed order), so their digests say whether two runs coded a partition alike.

documents    one line per coded document: its metadata, content hash and MinHash signature
mentions     one line per event mention, ready for merging, sorted by the start of its window
facts        {"n": document position, "record": the fact record}
memberships  the same for membership claims
skipped      inputs and documents that could not be coded, with the reason
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

FILES = ("documents", "mentions", "facts", "memberships", "skipped")
MENTION_DATES = ("date_start", "date_end", "window_start", "window_end")


def file_name(name: str) -> str:
    return f"{name}.jsonl.gz"


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} to an intermediate file")


def write_lines(path: Path, rows: Iterable[dict[str, Any]]) -> str:
    """Write rows as gzipped JSON Lines; returns the file's SHA-256."""
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                compresslevel=3) as handle:
        for row in rows:
            handle.write(json.dumps(row, default=_plain, ensure_ascii=False,
                                    separators=(",", ":")).encode("utf-8") + b"\n")
    return file_digest(path)


def read_lines(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rb") as handle:
        for line in handle:
            yield json.loads(line)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def read_mentions(path: Path) -> Iterator[dict[str, Any]]:
    """Mention rows with their dates as dates again."""
    for row in read_lines(path):
        for key in MENTION_DATES:
            row[key] = day(row[key])
        yield row
