"""Reading the KB's CSV tables into typed rows, with errors that name the file, line and column.

The formats are described in `kb/data/README.md`. The same reader serves the shipped data and a
user's own files (`--kb`, `TENGRI_KB_PATH`), so every check here is also what `tengri kb validate`
reports.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tengri.errors import KBError

# table name -> (required columns, optional columns)
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "states": (("id", "name", "source"),
               ("iso2", "numeric", "official_name", "aliases", "adjectives", "demonyms", "ru",
                "region", "subregion", "lat", "lon", "wikidata")),
    "names": (("entity", "name", "source"), ("lang", "start", "end")),
    "capitals": (("state", "place", "source"), ("name", "start", "end")),
    "places": (("id", "name", "country", "source"),
               ("admin1", "lat", "lon", "population", "feature", "aliases", "ru")),
    "igos": (("id", "name", "source"),
             ("acronyms", "aliases", "ru", "kind", "founded", "dissolved", "hq_country",
              "wikidata")),
    "memberships": (("organization", "member", "kind", "source"), ("start", "end", "note")),
    "persons": (("id", "name", "source"), ("aliases", "ru", "country", "born", "wikidata")),
    "offices": (("id", "holder_of", "role", "title", "source"),
                ("also", "title_aliases", "ru_titles", "leader")),
    "terms": (("office", "person", "source"), ("start", "end", "acting")),
    "institutions": (("id", "name", "kind", "source"),
                     ("aliases", "ru", "sector", "country", "parent")),
    "agents": (("noun", "sector", "kind", "source"), ()),
    "titles": (("title", "role", "source"), ("lang",)),
}

MEMBERSHIP_KINDS = frozenset(
    {"member", "observer", "partner", "dialogue_partner", "associate", "applicant", "suspended",
     "withdrawn"}
)


@dataclass(frozen=True, slots=True)
class Row:
    """One CSV row with where it came from, for error messages."""

    table: str
    where: str  # "path:line"
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return (self.cells.get(column) or "").strip()

    def items(self, column: str) -> tuple[str, ...]:
        """A `|`-separated cell as a tuple of non-empty, stripped values."""
        return tuple(v.strip() for v in self.get(column).split("|") if v.strip())

    def date(self, column: str) -> dt.date | None:
        value = self.get(column)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise KBError(
                f"{self.where}: column {column!r} has {value!r}, which is not a date; "
                "write dates as YYYY-MM-DD or leave the cell empty"
            ) from None

    def number(self, column: str) -> float | None:
        value = self.get(column)
        if not value:
            return None
        try:
            return float(value)
        except ValueError:
            raise KBError(
                f"{self.where}: column {column!r} has {value!r}, which is not a number"
            ) from None

    def flag(self, column: str) -> bool:
        return self.get(column).lower() in {"1", "true", "yes", "y"}

    def interval(self) -> tuple[dt.date | None, dt.date | None]:
        """The row's half-open [start, end) interval, checked to be non-empty."""
        start, end = self.date("start"), self.date("end")
        if start and end and not start < end:
            raise KBError(
                f"{self.where}: start {start} is not before end {end}; intervals are "
                "half-open [start, end), so end is the first day the fact no longer holds"
            )
        return start, end


def table_of(path: Path) -> str | None:
    """Which table a file belongs to, from its name: `terms-world.csv` -> `terms`."""
    name = path.name
    for suffix in (".csv", ".tsv.gz", ".tsv"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            break
    else:
        return None
    base = stem.split("-", 1)[0].split("_", 1)[0]
    if base == "places" or stem == "places_extra":
        return "places"
    return base if base in COLUMNS else None


def read_rows(path: Path, table: str | None = None) -> Iterator[Row]:
    """Rows of one table file, after checking its header."""
    table = table or table_of(path)
    if table is None:
        raise KBError(
            f"{path}: cannot tell which KB table this file holds; name it after one of "
            f"{', '.join(sorted(COLUMNS))} (e.g. terms-mine.csv)"
        )
    required, optional = COLUMNS[table]
    try:
        raw = gzip.open(path, "rt", encoding="utf-8", newline="") if path.name.endswith(".gz") \
            else open(path, encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise KBError(f"{path}: cannot open KB file ({exc.strerror})") from exc
    with raw as handle:
        delimiter = "\t" if ".tsv" in path.name else ","
        try:
            reader = csv.DictReader(handle, delimiter=delimiter)
            header = reader.fieldnames or []
        except UnicodeDecodeError as exc:
            raise KBError(f"{path}: not UTF-8 text ({exc.reason}); save the file as UTF-8") from exc
        missing = [c for c in required if c not in header]
        if missing:
            raise KBError(
                f"{path}: the {table} table needs columns {', '.join(required)}; missing "
                f"{', '.join(missing)} (header is: {', '.join(header) or 'empty'})"
            )
        unknown = [c for c in header if c not in required and c not in optional]
        if unknown:
            raise KBError(
                f"{path}: unknown column(s) {', '.join(unknown)} for the {table} table; known: "
                f"{', '.join(required + optional)}"
            )
        try:
            for number, cells in enumerate(reader, start=2):
                row = Row(table, f"{path}:{number}", {k: v or "" for k, v in cells.items() if k})
                if not any(row.get(c) for c in header):
                    continue
                for column in required:
                    if not row.get(column):
                        raise KBError(f"{row.where}: column {column!r} is empty; it is required")
                yield row
        except UnicodeDecodeError as exc:
            raise KBError(f"{path}: not UTF-8 text ({exc.reason}); save the file as UTF-8") from exc
        except csv.Error as exc:
            raise KBError(f"{path}: malformed CSV ({exc})") from exc


def read_text_rows(text: str, table: str, name: str = "<text>") -> Iterator[Row]:
    """Rows of a table given as a string; used by tests and by `tengri kb validate -`."""
    reader = csv.DictReader(io.StringIO(text))
    for number, cells in enumerate(reader, start=2):
        yield Row(table, f"{name}:{number}", {k: v or "" for k, v in cells.items() if k})


def table_files(folder: Path) -> dict[str, list[Path]]:
    """Every KB table file in a folder (not recursive), grouped by table, in a stable order."""
    found: dict[str, list[Path]] = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and (table := table_of(path)):
            found.setdefault(table, []).append(path)
    return found
