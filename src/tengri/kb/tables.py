"""Reading the KB's CSV tables into rows, and the checks one row must pass on its own.

The formats are described in `kb/data/README.md`. The same reader and checks serve the shipped
data and a user's own files (`--kb`, `TENGRI_KB_PATH`), so what `tengri kb validate` reports is
what loading would refuse. Checks that need other rows (references, overlapping terms) are in
`tengri.kb.validate`.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tengri.errors import KBError

# table name -> (required columns, optional columns)
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "states": (
        ("id", "name", "source"),
        (
            "iso2",
            "numeric",
            "official_name",
            "aliases",
            "adjectives",
            "demonyms",
            "ru",
            "region",
            "subregion",
            "lat",
            "lon",
            "wikidata",
        ),
    ),
    "names": (("entity", "name", "source"), ("lang", "start", "end")),
    "capitals": (("state", "place", "source"), ("name", "start", "end")),
    "places": (
        ("id", "name", "country", "source"),
        ("admin1", "lat", "lon", "population", "feature", "aliases", "ru"),
    ),
    "igos": (
        ("id", "name", "source"),
        ("acronyms", "aliases", "ru", "kind", "founded", "dissolved", "hq_country", "wikidata"),
    ),
    "memberships": (("organization", "member", "kind", "source"), ("start", "end", "note")),
    "persons": (("id", "name", "source"), ("aliases", "ru", "country", "born", "wikidata")),
    "offices": (
        ("id", "holder_of", "role", "title", "source"),
        ("also", "title_aliases", "ru_titles", "leader"),
    ),
    "terms": (("office", "person", "source"), ("start", "end", "acting")),
    "institutions": (
        ("id", "name", "kind", "source"),
        ("aliases", "ru", "sector", "country", "parent"),
    ),
    "agents": (("noun", "sector", "kind", "source"), ()),
    "titles": (("title", "role", "source"), ("lang",)),
    "ambiguous": (("alias", "entities", "source"), ("note",)),
}

MEMBERSHIP_KINDS = frozenset(
    {
        "member",
        "observer",
        "partner",
        "dialogue_partner",
        "associate",
        "applicant",
        "suspended",
        "withdrawn",
    }
)

# The id forms of kb/data/README.md, per kind of entity.
_STATE = r"[A-Z]{3}"
_IGO = r"igo:[A-Z0-9][A-Z0-9+&-]*"
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ID_FORMS: dict[str, tuple[re.Pattern[str], str]] = {
    "states": (
        re.compile(rf"^{_STATE}$"),
        "three upper-case letters (ISO 3166-1 alpha-3), e.g. KAZ",
    ),
    "igos": (re.compile(rf"^{_IGO}$"), "'igo:' + upper-case acronym, e.g. igo:EAEU"),
    "persons": (
        re.compile(rf"^person:{_SLUG}$"),
        "'person:' + lower-case ascii slug, e.g. person:kassym-jomart-tokayev",
    ),
    "offices": (
        re.compile(rf"^(?:{_STATE}|{_IGO})\.[a-z][a-z0-9_]*$"),
        "state or IGO id + '.' + role, e.g. KAZ.head_of_state, igo:UN.secretary_general",
    ),
    "institutions": (
        re.compile(rf"^org:[A-Z][A-Z0-9+&-]*\.{_SLUG}$"),
        "'org:' + state id + '.' + slug, e.g. org:RUS.security-council",
    ),
    "places": (
        re.compile(rf"^place:(?:[0-9]+|x-{_SLUG})$"),
        "'place:' + GeoNames id or 'place:x-' + slug, e.g. place:608668, place:x-baikonur",
    ),
}
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATE_COLUMNS = ("start", "end", "born", "founded", "dissolved")
_NUMBER_COLUMNS = ("lat", "lon", "population")
_FLAG_COLUMNS = ("acting", "leader")
_FLAG_VALUES = frozenset({"", "0", "1", "true", "false", "yes", "no", "y", "n"})


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a KB file: where (file:line), which column, and what to do about it."""

    where: str
    message: str
    column: str | None = None

    def __str__(self) -> str:
        column = f"column {self.column!r}: " if self.column else ""
        return f"{self.where}: {column}{self.message}"


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
        value = self.cells.get(column)
        if not value:
            return ()
        if "|" not in value:  # most cells: one value, no list to split
            value = value.strip()
            return (value,) if value else ()
        return tuple(v for v in (part.strip() for part in value.split("|")) if v)

    def date(self, column: str) -> dt.date | None:
        value = self.get(column)
        if not value:
            return None
        try:
            if not _ISO_DATE.match(value):  # fromisoformat would also take 20190320
                raise ValueError(value)
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


def row_problems(row: Row) -> list[Problem]:
    """Everything wrong with one row on its own: empty required cells, dates, numbers, ids."""
    required, _ = COLUMNS[row.table]
    present = row.cells.keys()
    problems = [
        Problem(
            row.where,
            "is empty; it is required (every row needs it, "
            "including a source saying where the fact comes from)",
            column,
        )
        for column in required
        if not row.get(column)
    ]
    for column in _DATE_COLUMNS:
        if column in present:
            try:
                row.date(column)
            except KBError:
                problems.append(
                    Problem(
                        row.where,
                        f"{row.get(column)!r} is not a date; write "
                        "YYYY-MM-DD or leave the cell empty",
                        column,
                    )
                )
    for column in _NUMBER_COLUMNS:
        if column in present:
            try:
                row.number(column)
            except KBError:
                problems.append(Problem(row.where, f"{row.get(column)!r} is not a number", column))
    for column in _FLAG_COLUMNS:
        if column in present and row.get(column).lower() not in _FLAG_VALUES:
            problems.append(
                Problem(
                    row.where,
                    f"{row.get(column)!r} is not a flag; write 1 for yes or leave the cell empty",
                    column,
                )
            )
    if "start" in present and not any(p.column in {"start", "end"} for p in problems):
        try:
            row.interval()
        except KBError:
            problems.append(
                Problem(
                    row.where,
                    f"start {row.get('start')} is not before end {row.get('end')}; "
                    "intervals are half-open [start, end): end is the first day the fact no "
                    "longer holds",
                    "end",
                )
            )
    problems.extend(_id_problems(row))
    if row.table == "memberships" and row.get("kind") and row.get("kind") not in MEMBERSHIP_KINDS:
        problems.append(
            Problem(
                row.where,
                f"{row.get('kind')!r} is not a membership kind; "
                f"valid: {', '.join(sorted(MEMBERSHIP_KINDS))}",
                "kind",
            )
        )
    return problems


def _id_problems(row: Row) -> list[Problem]:
    form = ID_FORMS.get(row.table)
    value = row.get("id")
    if form is None or not value:
        return []
    pattern, example = form
    if not pattern.match(value):
        return [
            Problem(
                row.where, f"{value!r} is not a well-formed {row.table} id; write {example}", "id"
            )
        ]
    holder = row.get("holder_of")
    if row.table == "offices" and holder and not value.startswith(holder + "."):
        return [
            Problem(
                row.where,
                f"office id {value!r} must start with its holder_of "
                f"{holder!r} and a dot, e.g. {holder}.{row.get('role') or 'role'}",
                "id",
            )
        ]
    return []


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


def header_problem(path: Path, table: str, header: list[str]) -> Problem | None:
    """What is wrong with a table file's header row, if anything."""
    required, optional = COLUMNS[table]
    missing = [c for c in required if c not in header]
    if missing:
        return Problem(
            str(path),
            f"the {table} table needs columns {', '.join(required)}; "
            f"missing {', '.join(missing)} (header is: {', '.join(header) or 'empty'})",
        )
    unknown = [c for c in header if c not in required and c not in optional]
    if unknown:
        return Problem(
            str(path),
            f"unknown column(s) {', '.join(unknown)} for the {table} "
            f"table; known: {', '.join(required + optional)}",
        )
    return None


def scan_rows(path: Path, table: str | None = None) -> Iterator[Row]:
    """Rows of one table file after checking its header; rows are not checked (see read_rows).

    Raises KBError for a file that cannot be read at all (missing, not UTF-8, bad header).
    """
    table = table or table_of(path)
    if table is None:
        raise KBError(
            f"{path}: cannot tell which KB table this file holds; name it after one of "
            f"{', '.join(sorted(COLUMNS))} (e.g. terms-mine.csv)"
        )
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        raw = opener(path, "rt", encoding="utf-8", newline="")  # closed by the `with` below
    except OSError as exc:
        raise KBError(f"{path}: cannot open KB file ({exc.strerror})") from exc
    with raw as handle:
        delimiter = "\t" if ".tsv" in path.name else ","
        try:
            reader = csv.DictReader(handle, delimiter=delimiter, restval="")
            header = reader.fieldnames or []
            if problem := header_problem(path, table, list(header)):
                raise KBError(str(problem))
            for number, cells in enumerate(reader, start=2):
                if None in cells:
                    raise KBError(
                        f"{path}:{number}: more cells than the {len(header)} columns "
                        "of the header; quote cells that contain a comma"
                    )
                if not any(cells.values()):
                    continue
                yield Row(table, f"{path}:{reader.line_num}", cells)
        except UnicodeDecodeError as exc:
            raise KBError(f"{path}: not UTF-8 text ({exc.reason}); save the file as UTF-8") from exc
        except csv.Error as exc:
            raise KBError(f"{path}: malformed CSV ({exc})") from exc


def read_rows(path: Path, table: str | None = None) -> Iterator[Row]:
    """Rows of one table file, each with its required cells filled (the loader's fast check)."""
    for row in scan_rows(path, table):
        for column in COLUMNS[row.table][0]:
            if not row.get(column):
                raise KBError(f"{row.where}: column {column!r} is empty; it is required")
        yield row


def read_text_rows(text: str, table: str, name: str = "<text>") -> Iterator[Row]:
    """Rows of a table given as a string; used by tests."""
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
