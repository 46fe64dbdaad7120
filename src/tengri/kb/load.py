"""Building the knowledge base from the shipped tables and a user's own files.

User files (`--kb`, `TENGRI_KB_PATH`) are CSV files named after a table (`terms-mine.csv`), YAML
files whose top-level keys are table names, or folders of such files. A user row replaces the
shipped rows it shares a key with: an entity by id, an office's whole list of terms, an
(organisation, member) pair's membership rows, an agent noun.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import yaml

from tengri.errors import KBError
from tengri.kb.base import AliasRow, AliasTable, AmbiguousAlias, KnowledgeBase
from tengri.kb.cache import cached_kb
from tengri.kb.entities import (
    Agent,
    Capital,
    DatedName,
    Entity,
    EntityKind,
    Interval,
    Membership,
    Office,
    Term,
)
from tengri.kb.inflect import add_russian_forms
from tengri.kb.tables import (
    COLUMNS,
    MEMBERSHIP_KINDS,
    Problem,
    Row,
    read_rows,
    row_problems,
    scan_rows,
    table_files,
    table_of,
)

# The key by which a user's row replaces shipped rows, per table.
REPLACE_KEY = {
    "states": ("id",),
    "places": ("id",),
    "igos": ("id",),
    "persons": ("id",),
    "offices": ("id",),
    "institutions": ("id",),
    "agents": ("noun",),
    "terms": ("office",),
    "memberships": ("organization", "member"),
    "names": ("entity",),
    "capitals": ("state",),
    "titles": ("title",),
    "ambiguous": ("alias",),
}
TABLE_ORDER = (
    "states",
    "places",
    "igos",
    "institutions",
    "persons",
    "offices",
    "terms",
    "memberships",
    "names",
    "capitals",
    "agents",
    "titles",
    "ambiguous",
)
_YAML_SUFFIXES = (".yaml", ".yml")


def shipped_data_dir() -> Path:
    return Path(str(resources.files("tengri.kb") / "data"))


def _cell(value: object) -> str | None:
    """A YAML value as a table cell: lists joined with '|'; None for a nested mapping."""
    if isinstance(value, list):
        parts = [_cell(v) for v in value]
        return None if any(p is None for p in parts) else "|".join(p for p in parts if p)
    if isinstance(value, dict):
        return None
    if isinstance(value, bool):
        return "1" if value else ""
    return "" if value is None else str(value)


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases: a KB file has no use for them, and nested aliases
    let a file of a few hundred bytes stand for millions of cells (an alias bomb)."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, f"alias *{event.anchor} found; KB files do not use YAML anchors "
                "and aliases, write each value out", event.start_mark)
        return super().compose_node(parent, index)


def _yaml_rows(path: Path) -> tuple[list[Row], list[Problem]]:
    """Rows of a YAML file whose keys are table names, each row with the line it starts on."""
    try:
        text = path.read_text(encoding="utf-8")
        document = yaml.load(text, Loader=_NoAliasLoader)  # safe: a SafeLoader subclass
        tree = yaml.compose(text, Loader=_NoAliasLoader)
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(str(path), f"cannot read the file ({exc}); save it as UTF-8")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        return [], [
            Problem(
                where,
                f"not valid YAML: {exc.problem}" + (f" (column {mark.column + 1})" if mark else ""),
            )
        ]
    except yaml.YAMLError as exc:
        return [], [Problem(str(path), f"not valid YAML: {exc}")]
    if not isinstance(document, dict) or not isinstance(tree, yaml.MappingNode):
        return [], [
            Problem(
                str(path),
                "a KB YAML file maps table names to lists of rows "
                "(e.g. 'persons:' then '- id: person:...'); got "
                f"{type(document).__name__}",
            )
        ]
    rows: list[Row] = []
    problems: list[Problem] = []
    for key_node, rows_node in tree.value:
        table = str(key_node.value)
        where = f"{path}:{key_node.start_mark.line + 1}"
        if table not in COLUMNS:
            problems.append(
                Problem(where, f"unknown table {table!r}; known tables: {', '.join(TABLE_ORDER)}")
            )
            continue
        items = document.get(table)
        if not isinstance(items, list) or not isinstance(rows_node, yaml.SequenceNode):
            problems.append(
                Problem(where, f"{table} must be a list of rows, each starting with '- '")
            )
            continue
        required, optional = COLUMNS[table]
        for cells, node in zip(items, rows_node.value):  # noqa: B905 - same list, parsed twice
            where = f"{path}:{node.start_mark.line + 1}"
            if not isinstance(cells, dict):
                problems.append(
                    Problem(
                        where,
                        f"a row of {table} must map column names to "
                        f"values; columns: {', '.join(required + optional)}",
                    )
                )
                continue
            flat: dict[str, str] = {}
            for column, value in cells.items():
                column = str(column)
                cell = _cell(value)
                if column not in required and column not in optional:
                    problems.append(
                        Problem(
                            where,
                            f"unknown column for the {table} table; "
                            f"known: {', '.join(required + optional)}",
                            column,
                        )
                    )
                elif cell is None:
                    problems.append(
                        Problem(
                            where,
                            "must be text, a number, a date or a list of those, not a mapping",
                            column,
                        )
                    )
                else:
                    flat[column] = cell
            rows.append(Row(table, where, flat))
    return rows, problems


def _csv_rows(path: Path) -> tuple[list[Row], list[Problem]]:
    try:
        return list(scan_rows(path)), []
    except KBError as exc:
        where, _, message = str(exc).partition(": ")
        return [], [Problem(where, message)]


def read_user_files(paths: Iterable[Path]) -> tuple[dict[str, list[Row]], list[Problem]]:
    """Every row of a user's KB files grouped by table, and every problem found in them.

    Each row is checked on its own (`row_problems`); checks across rows are in
    `tengri.kb.validate`. A folder is read recursively; files in it that are not KB files
    (a README) are skipped, but a file named directly must be one.
    """
    grouped: dict[str, list[Row]] = {}
    problems: list[Problem] = []
    for path in paths:
        if not path.exists():
            problems.append(
                Problem(
                    str(path),
                    "no such KB file or folder (from --kb, TENGRI_KB_PATH or the command line)",
                )
            )
            continue
        files = (
            sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if path.is_dir()
            else [path]
        )
        for file in files:
            if file.name.endswith(_YAML_SUFFIXES):
                rows, found = _yaml_rows(file)
            elif table_of(file):
                rows, found = _csv_rows(file)
            else:
                if path.is_file():
                    problems.append(
                        Problem(
                            str(file),
                            "not a KB file; use a .csv named after a "
                            f"table ({', '.join(TABLE_ORDER)}, e.g. "
                            "persons-mine.csv) or a .yaml file",
                        )
                    )
                continue
            problems.extend(found)
            for row in rows:
                problems.extend(row_problems(row))
                grouped.setdefault(row.table, []).append(row)
    return grouped, problems


def user_rows(paths: Iterable[Path]) -> dict[str, list[Row]]:
    """Every row of a user's KB files, grouped by table; KBError if any row is malformed."""
    grouped, problems = read_user_files(paths)
    if problems:
        more = (
            f" (and {len(problems) - 1} more; run 'tengri kb validate' to list them)"
            if len(problems) > 1
            else ""
        )
        raise KBError(f"{problems[0]}{more}")
    return grouped


def shipped_rows(data_dir: Path) -> dict[str, list[Row]]:
    """The rows of the shipped tables, with places_extra rows replacing generated ones by id."""
    shipped: dict[str, list[Row]] = {}
    for table, files in table_files(data_dir).items():
        for file in files:
            shipped.setdefault(table, []).extend(read_rows(file, table))
    if "places" in shipped:
        shipped["places"] = prefer_last_place(shipped["places"])
    return shipped


def prefer_last_place(rows: list[Row]) -> list[Row]:
    """Place rows with one row per id: the last read wins (places_extra.csv over the generated
    places.tsv.gz, which sorts before it)."""
    by_id: dict[str, Row] = {}
    for row in rows:
        by_id[row.get("id")] = row
    return list(by_id.values())


def merge_rows(shipped: dict[str, list[Row]], mine: dict[str, list[Row]]) -> dict[str, list[Row]]:
    """Shipped rows with a user's rows replacing those that share their key (REPLACE_KEY)."""
    merged: dict[str, list[Row]] = {}
    for table in TABLE_ORDER:
        rows, user = shipped.get(table, []), mine.get(table, [])
        if user:
            key = REPLACE_KEY[table]
            replaced = {tuple(r.get(k) for k in key) for r in user}
            rows = [r for r in rows if tuple(r.get(k) for k in key) not in replaced] + user
        merged[table] = rows
    return merged


def _check_unique(rows: list[Row], column: str) -> None:
    seen: dict[str, str] = {}
    for row in rows:
        value = row.get(column)
        if value in seen:
            raise KBError(
                f"{row.where}: {column} {value!r} is defined twice (first at "
                f"{seen[value]}); an id must be defined once"
            )
        seen[value] = row.where


class _Builder:
    """Turns rows into a KnowledgeBase, checking references as it goes."""

    def __init__(self) -> None:
        self.kb = KnowledgeBase()
        self.alias_rows: list[AliasRow] = []

    def alias(self, text: str, entity: str, how: str, lang: str = "en") -> None:
        if text:
            self.alias_rows.append((text, entity, how, lang))

    def aliases(self, row: Row, entity: str, columns: dict[str, str]) -> None:
        for column, how in columns.items():
            for text in row.items(column):
                self.alias(text, entity, how, "ru" if column == "ru" else "en")

    def add(self, entity: Entity) -> None:
        self.kb.entities[entity.id] = entity
        self.alias(entity.name, entity.id, "name")

    def states(self, rows: list[Row]) -> None:
        for row in rows:
            self.add(
                Entity(
                    row.get("id"),
                    EntityKind.STATE,
                    row.get("name"),
                    row.get("source"),
                    country=row.get("id"),
                    sector="GOV",
                    lat=row.number("lat"),
                    lon=row.number("lon"),
                    region=row.get("region") or None,
                    subregion=row.get("subregion") or None,
                    wikidata=row.get("wikidata") or None,
                )
            )
            self.alias(row.get("official_name"), row.get("id"), "name")
            self.aliases(
                row,
                row.get("id"),
                {"aliases": "name", "adjectives": "adjective", "demonyms": "demonym", "ru": "ru"},
            )

    def places(self, rows: list[Row]) -> None:
        for row in rows:
            population = row.number("population")
            self.add(
                Entity(
                    row.get("id"),
                    EntityKind.PLACE,
                    row.get("name"),
                    row.get("source"),
                    country=row.get("country") or None,
                    subkind=row.get("feature") or "city",
                    lat=row.number("lat"),
                    lon=row.number("lon"),
                    population=int(population or 0),
                    admin1=row.get("admin1") or None,
                )
            )
            self.aliases(row, row.get("id"), {"aliases": "name", "ru": "ru"})

    def igos(self, rows: list[Row]) -> None:
        for row in rows:
            self.add(
                Entity(
                    row.get("id"),
                    EntityKind.IGO,
                    row.get("name"),
                    row.get("source"),
                    subkind=row.get("kind") or None,
                    country=None,
                    sector="IGO",
                    wikidata=row.get("wikidata") or None,
                )
            )
            self.aliases(row, row.get("id"), {"acronyms": "acronym", "aliases": "name", "ru": "ru"})

    def institutions(self, rows: list[Row]) -> None:
        for row in rows:
            self.add(
                Entity(
                    row.get("id"),
                    EntityKind.INSTITUTION,
                    row.get("name"),
                    row.get("source"),
                    country=row.get("country") or None,
                    sector=row.get("sector") or None,
                    subkind=row.get("kind"),
                    parent=row.get("parent") or None,
                )
            )
            self.aliases(row, row.get("id"), {"aliases": "name", "ru": "ru"})

    def persons(self, rows: list[Row]) -> None:
        for row in rows:
            self.add(
                Entity(
                    row.get("id"),
                    EntityKind.PERSON,
                    row.get("name"),
                    row.get("source"),
                    country=row.get("country") or None,
                    wikidata=row.get("wikidata") or None,
                )
            )
            self.aliases(row, row.get("id"), {"aliases": "name", "ru": "ru"})

    def offices(self, rows: list[Row]) -> None:
        for row in rows:
            holder = row.get("holder_of")
            if holder not in self.kb.entities:
                raise KBError(
                    f"{row.where}: office {row.get('id')!r} belongs to {holder!r}, "
                    "which is not a state or IGO in the knowledge base"
                )
            self.kb.offices[row.get("id")] = Office(
                row.get("id"),
                holder,
                row.get("role"),
                row.items("also"),
                row.get("title"),
                row.items("title_aliases"),
                row.items("ru_titles"),
                row.flag("leader"),
                row.get("source"),
            )

    def terms(self, rows: list[Row]) -> None:
        for row in rows:
            office, person = row.get("office"), row.get("person")
            if office not in self.kb.offices:
                raise KBError(f"{row.where}: term of unknown office {office!r}")
            if person not in self.kb.entities:
                raise KBError(f"{row.where}: term of unknown person {person!r}")
            self.kb.terms.append(
                Term(
                    office, person, Interval(*row.interval()), row.flag("acting"), row.get("source")
                )
            )

    def memberships(self, rows: list[Row]) -> None:
        for row in rows:
            kind = row.get("kind")
            if kind not in MEMBERSHIP_KINDS:
                raise KBError(
                    f"{row.where}: membership kind {kind!r} is not one of "
                    f"{', '.join(sorted(MEMBERSHIP_KINDS))}"
                )
            for column in ("organization", "member"):
                if row.get(column) not in self.kb.entities:
                    raise KBError(
                        f"{row.where}: {column} {row.get(column)!r} is not in the knowledge base"
                    )
            self.kb.memberships.append(
                Membership(
                    row.get("organization"),
                    row.get("member"),
                    kind,
                    Interval(*row.interval()),
                    row.get("source"),
                    row.get("note"),
                )
            )

    def names(self, rows: list[Row]) -> None:
        for row in rows:
            entity = row.get("entity")
            if entity not in self.kb.entities:
                raise KBError(f"{row.where}: dated name of unknown entity {entity!r}")
            lang = row.get("lang") or "en"
            self.kb.names.append(
                DatedName(
                    entity, row.get("name"), lang, Interval(*row.interval()), row.get("source")
                )
            )
            self.alias(row.get("name"), entity, "former", lang)

    def capitals(self, rows: list[Row]) -> None:
        for row in rows:
            state, place = row.get("state"), row.get("place")
            if state not in self.kb.entities:
                raise KBError(f"{row.where}: capital of unknown state {state!r}")
            name = row.get("name") or (
                self.kb.entities[place].name if place in self.kb.entities else place
            )
            self.kb.capitals.append(
                Capital(state, place, name, Interval(*row.interval()), row.get("source"))
            )

    def agents(self, rows: list[Row]) -> None:
        for row in rows:
            for noun in row.items("noun"):
                self.kb.agents[noun.lower()] = Agent(
                    noun.lower(), row.get("sector"), row.get("kind"), row.get("source")
                )

    def titles(self, rows: list[Row]) -> None:
        for row in rows:
            self.kb.titles[row.get("title").lower()] = row.get("role")

    def ambiguous(self, rows: list[Row]) -> None:
        for row in rows:
            entities = row.items("entities")
            unknown = [e for e in entities if e not in self.kb.entities]
            if unknown:
                raise KBError(
                    f"{row.where}: alias {row.get('alias')!r} is marked ambiguous "
                    f"between unknown entities {', '.join(unknown)}"
                )
            self.kb.ambiguous[row.get("alias")] = AmbiguousAlias(
                row.get("alias"), entities, row.get("note"), row.get("source")
            )


def build_kb(data_dir: Path, extra: tuple[Path, ...] = ()) -> KnowledgeBase:
    """A knowledge base from a folder of table files, extended by a user's files."""
    rows = merge_rows(shipped_rows(data_dir), user_rows(extra))
    builder = _Builder()
    for table in TABLE_ORDER:
        if table in {"states", "igos", "persons", "offices", "institutions"}:
            _check_unique(rows[table], "id")
        getattr(builder, table)(rows[table])
    add_russian_forms(builder.kb, builder.alias_rows, data_dir)  # case forms: "Токаева"
    builder.kb.aliases = AliasTable(builder.alias_rows)
    builder.kb.checked = checked_date(data_dir)
    return builder.kb.finish()


def checked_date(data_dir: Path) -> dt.date | None:
    """The date in SOURCES.md's 'Checked:' line, if there is one."""
    sources = data_dir / "SOURCES.md"
    if not sources.exists():
        return None
    for line in sources.read_text(encoding="utf-8").splitlines():
        if line.lower().startswith("checked:"):
            try:
                return dt.date.fromisoformat(line.split(":", 1)[1].strip()[:10])
            except ValueError:
                return None
    return None


@functools.cache
def load_kb(extra: tuple[Path, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base, extended by the given user files; built once per process and
    kept between processes in the user's cache folder (see `tengri.kb.cache`)."""
    data_dir = shipped_data_dir()
    return cached_kb(data_dir, extra, lambda: build_kb(data_dir, extra))
