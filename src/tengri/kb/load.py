"""Building the knowledge base from the shipped tables and a user's own files.

User files (`--kb`, `TENGRI_KB_PATH`) are CSV files named after a table (`terms-mine.csv`), YAML
files whose top-level keys are table names, or folders of such files. A user row replaces the
shipped rows it shares a key with: an entity by id, an office's whole list of terms, an
(organisation, member) pair's membership rows, an agent noun.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

import yaml

from tengri.errors import KBError
from tengri.kb.base import KnowledgeBase
from tengri.kb.entities import (
    Agent,
    Alias,
    Capital,
    DatedName,
    Entity,
    EntityKind,
    Interval,
    Membership,
    Office,
    Term,
)
from tengri.kb.tables import MEMBERSHIP_KINDS, Row, read_rows, table_files, table_of

# The key by which a user's row replaces shipped rows, per table.
_REPLACE_KEY = {
    "states": ("id",), "places": ("id",), "igos": ("id",), "persons": ("id",),
    "offices": ("id",), "institutions": ("id",), "agents": ("noun",),
    "terms": ("office",), "memberships": ("organization", "member"), "names": ("entity",),
    "capitals": ("state",), "titles": ("title",),
}
_TABLE_ORDER = ("states", "places", "igos", "institutions", "persons", "offices", "terms",
                "memberships", "names", "capitals", "agents", "titles")


def shipped_data_dir() -> Path:
    return Path(str(resources.files("tengri.kb") / "data"))


def _yaml_rows(path: Path) -> Iterator[Row]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise KBError(f"{path}: cannot read YAML ({exc})") from exc
    if not isinstance(document, dict):
        raise KBError(f"{path}: a KB YAML file maps table names to lists of rows; got "
                      f"{type(document).__name__}")
    for table, rows in document.items():
        if table_of(Path(f"{table}.csv")) != table:
            raise KBError(f"{path}: unknown table {table!r}; known tables: "
                          f"{', '.join(_TABLE_ORDER)}")
        if not isinstance(rows, list):
            raise KBError(f"{path}: {table} must be a list of rows")
        for number, cells in enumerate(rows, start=1):
            if not isinstance(cells, dict):
                raise KBError(f"{path}: {table}[{number}] must be a mapping of column to value")
            flat = {str(k): "|".join(map(str, v)) if isinstance(v, list) else
                    ("" if v is None else str(v)) for k, v in cells.items()}
            yield Row(table, f"{path}:{table}[{number}]", flat)


def user_rows(paths: Iterable[Path]) -> dict[str, list[Row]]:
    """Every row of a user's KB files, grouped by table."""
    grouped: dict[str, list[Row]] = {}
    for path in paths:
        if not path.exists():
            raise KBError(f"{path}: no such KB file or folder (from --kb or TENGRI_KB_PATH)")
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix in {".yaml", ".yml"}:
                for row in _yaml_rows(file):
                    grouped.setdefault(row.table, []).append(row)
            elif table_of(file):
                grouped.setdefault(table_of(file) or "", []).extend(read_rows(file))
            elif path.is_file():
                raise KBError(f"{file}: not a KB file; use a .csv named after a table "
                              f"({', '.join(_TABLE_ORDER)}) or a .yaml file")
    return grouped


def _merge(shipped: list[Row], user: list[Row], table: str) -> list[Row]:
    if not user:
        return shipped
    key = _REPLACE_KEY[table]
    replaced = {tuple(r.get(k) for k in key) for r in user}
    return [r for r in shipped if tuple(r.get(k) for k in key) not in replaced] + user


def _check_unique(rows: list[Row], column: str) -> None:
    seen: dict[str, str] = {}
    for row in rows:
        value = row.get(column)
        if value in seen:
            raise KBError(f"{row.where}: {column} {value!r} is defined twice (first at "
                          f"{seen[value]}); an id must be defined once")
        seen[value] = row.where


class _Builder:
    """Turns rows into a KnowledgeBase, checking references as it goes."""

    def __init__(self) -> None:
        self.kb = KnowledgeBase()

    def alias(self, text: str, entity: str, how: str, lang: str = "en") -> None:
        if text:
            self.kb.aliases.append(Alias(text, entity, how, lang))

    def aliases(self, row: Row, entity: str, columns: dict[str, str]) -> None:
        for column, how in columns.items():
            for text in row.items(column):
                self.alias(text, entity, how, "ru" if column == "ru" else "en")

    def add(self, entity: Entity) -> None:
        self.kb.entities[entity.id] = entity
        self.alias(entity.name, entity.id, "name")

    def states(self, rows: list[Row]) -> None:
        for row in rows:
            self.add(Entity(
                row.get("id"), EntityKind.STATE, row.get("name"), row.get("source"),
                country=row.get("id"), sector="GOV", lat=row.number("lat"), lon=row.number("lon"),
                region=row.get("region") or None, subregion=row.get("subregion") or None,
                wikidata=row.get("wikidata") or None,
            ))
            self.alias(row.get("official_name"), row.get("id"), "name")
            self.aliases(row, row.get("id"), {"aliases": "name", "adjectives": "adjective",
                                              "demonyms": "demonym", "ru": "ru"})

    def places(self, rows: list[Row]) -> None:
        for row in rows:
            population = row.number("population")
            self.add(Entity(
                row.get("id"), EntityKind.PLACE, row.get("name"), row.get("source"),
                country=row.get("country") or None, subkind=row.get("feature") or "city",
                lat=row.number("lat"), lon=row.number("lon"),
                population=int(population or 0), admin1=row.get("admin1") or None,
            ))
            self.aliases(row, row.get("id"), {"aliases": "name", "ru": "ru"})

    def igos(self, rows: list[Row]) -> None:
        for row in rows:
            self.add(Entity(
                row.get("id"), EntityKind.IGO, row.get("name"), row.get("source"),
                subkind=row.get("kind") or None, country=None, sector="IGO",
                wikidata=row.get("wikidata") or None,
            ))
            self.aliases(row, row.get("id"), {"acronyms": "acronym", "aliases": "name",
                                              "ru": "ru"})

    def institutions(self, rows: list[Row]) -> None:
        for row in rows:
            self.add(Entity(
                row.get("id"), EntityKind.INSTITUTION, row.get("name"), row.get("source"),
                country=row.get("country") or None, sector=row.get("sector") or None,
                subkind=row.get("kind"), parent=row.get("parent") or None,
            ))
            self.aliases(row, row.get("id"), {"aliases": "name", "ru": "ru"})

    def persons(self, rows: list[Row]) -> None:
        for row in rows:
            self.add(Entity(
                row.get("id"), EntityKind.PERSON, row.get("name"), row.get("source"),
                country=row.get("country") or None, wikidata=row.get("wikidata") or None,
            ))
            self.aliases(row, row.get("id"), {"aliases": "name", "ru": "ru"})

    def offices(self, rows: list[Row]) -> None:
        for row in rows:
            holder = row.get("holder_of")
            if holder not in self.kb.entities:
                raise KBError(f"{row.where}: office {row.get('id')!r} belongs to {holder!r}, "
                              "which is not a state or IGO in the knowledge base")
            self.kb.offices[row.get("id")] = Office(
                row.get("id"), holder, row.get("role"), row.items("also"), row.get("title"),
                row.items("title_aliases"), row.items("ru_titles"), row.flag("leader"),
                row.get("source"),
            )

    def terms(self, rows: list[Row]) -> None:
        for row in rows:
            office, person = row.get("office"), row.get("person")
            if office not in self.kb.offices:
                raise KBError(f"{row.where}: term of unknown office {office!r}")
            if person not in self.kb.entities:
                raise KBError(f"{row.where}: term of unknown person {person!r}")
            self.kb.terms.append(Term(office, person, Interval(*row.interval()),
                                      row.flag("acting"), row.get("source")))

    def memberships(self, rows: list[Row]) -> None:
        for row in rows:
            kind = row.get("kind")
            if kind not in MEMBERSHIP_KINDS:
                raise KBError(f"{row.where}: membership kind {kind!r} is not one of "
                              f"{', '.join(sorted(MEMBERSHIP_KINDS))}")
            for column in ("organization", "member"):
                if row.get(column) not in self.kb.entities:
                    raise KBError(f"{row.where}: {column} {row.get(column)!r} is not in the "
                                  "knowledge base")
            self.kb.memberships.append(Membership(
                row.get("organization"), row.get("member"), kind, Interval(*row.interval()),
                row.get("source"), row.get("note"),
            ))

    def names(self, rows: list[Row]) -> None:
        for row in rows:
            entity = row.get("entity")
            if entity not in self.kb.entities:
                raise KBError(f"{row.where}: dated name of unknown entity {entity!r}")
            lang = row.get("lang") or "en"
            self.kb.names.append(DatedName(entity, row.get("name"), lang,
                                           Interval(*row.interval()), row.get("source")))
            self.alias(row.get("name"), entity, "former", lang)

    def capitals(self, rows: list[Row]) -> None:
        for row in rows:
            state, place = row.get("state"), row.get("place")
            if state not in self.kb.entities:
                raise KBError(f"{row.where}: capital of unknown state {state!r}")
            name = row.get("name") or (self.kb.entities[place].name
                                       if place in self.kb.entities else place)
            self.kb.capitals.append(Capital(state, place, name, Interval(*row.interval()),
                                            row.get("source")))

    def agents(self, rows: list[Row]) -> None:
        for row in rows:
            for noun in row.items("noun"):
                self.kb.agents[noun.lower()] = Agent(noun.lower(), row.get("sector"),
                                                    row.get("kind"), row.get("source"))


    def titles(self, rows: list[Row]) -> None:
        for row in rows:
            self.kb.titles[row.get("title").lower()] = row.get("role")


def build_kb(data_dir: Path, extra: tuple[Path, ...] = ()) -> KnowledgeBase:
    """A knowledge base from a folder of table files, extended by a user's files."""
    shipped: dict[str, list[Row]] = {}
    for table, files in table_files(data_dir).items():
        for file in files:
            shipped.setdefault(table, []).extend(read_rows(file, table))
    # places_extra rows replace generated place rows with the same id
    if "places" in shipped:
        by_id: dict[str, Row] = {}
        for row in shipped["places"]:
            by_id[row.get("id")] = row
        shipped["places"] = list(by_id.values())
    mine = user_rows(extra)
    builder = _Builder()
    for table in _TABLE_ORDER:
        rows = _merge(shipped.get(table, []), mine.get(table, []), table)
        if table in {"states", "igos", "persons", "offices", "institutions"}:
            _check_unique(rows, "id")
        getattr(builder, table)(rows)
    builder.kb.checked = _checked_date(data_dir)
    return builder.kb.finish()


def _checked_date(data_dir: Path) -> dt.date | None:
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
    """The shipped knowledge base, extended by the given user files; built once per process."""
    return build_kb(shipped_data_dir(), extra)
