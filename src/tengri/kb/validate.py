"""Checking KB files before they are used: `tengri kb validate` and the shipped-data tests.

Each row is first checked on its own (`tengri.kb.tables.row_problems`: required cells and a
source, dates, numbers, flags, id forms, start before end). Then the rows of the shipped data and
the user's files, merged as the loader merges them, are checked together: every reference names
an entity of the right kind, an id is defined once, the terms of one office do not overlap, nor
do two rows of one kind for the same organisation and member. Last, on a built KB, every alias
must name one entity or be marked in `ambiguous.csv` (see kb/data/README.md).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tengri.errors import KBError
from tengri.kb.base import KnowledgeBase
from tengri.kb.cache import cached_kb
from tengri.kb.entities import EntityKind
from tengri.kb.load import (
    REPLACE_KEY,
    TABLE_ORDER,
    build_kb,
    merge_rows,
    prefer_last_place,
    read_user_files,
    shipped_data_dir,
    shipped_rows,
)
from tengri.kb.tables import Problem, Row

# Which table defines the ids each kind of reference may point to.
_DEFINED_IN = {
    "state": ("states",),
    "igo": ("igos",),
    "person": ("persons",),
    "office": ("offices",),
    "place": ("places",),
    "entity": ("states", "igos", "persons", "institutions", "places"),
}
# table -> (column, kinds of entity it may name); an empty cell names nothing
_REFERENCES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "places": (("country", ("state",)),),
    "igos": (("hq_country", ("state",)),),
    "persons": (("country", ("state",)),),
    "institutions": (("country", ("state",)), ("parent", ("entity",))),
    "offices": (("holder_of", ("state", "igo")),),
    "terms": (("office", ("office",)), ("person", ("person",))),
    "memberships": (("organization", ("igo",)), ("member", ("state", "igo"))),
    "names": (("entity", ("entity",)),),
    "capitals": (("state", ("state",)), ("place", ("place",))),
}
_WHERE_DEFINED = {
    "state": "states.csv",
    "igo": "igos.csv",
    "person": "persons*.csv",
    "office": "offices*.csv",
    "place": "places_extra.csv",
    "entity": "states, igos, persons, institutions or places",
}
_FAR_PAST, _FAR_FUTURE = dt.date.min, dt.date.max


@dataclass(frozen=True, slots=True)
class Validation:
    """What `validate` looked at and what it found."""

    subject: str  # "the shipped KB" or the files checked
    files: tuple[Path, ...]
    rows: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        found = "no problems" if self.ok else f"{len(self.problems)} problem(s)"
        return f"{self.subject}: {self.rows} rows, {found}"


def validate(paths: Sequence[Path] = (), data_dir: Path | None = None) -> Validation:
    """Check a user's KB files and folders against the shipped data (or, with no paths, the
    shipped data itself); only problems in the given files are reported."""
    data_dir = data_dir or shipped_data_dir()
    mine: dict[str, list[Row]] = {}
    if paths:  # the shipped data's own problems are the consistency tests' business
        shipped = shipped_rows(data_dir)
        mine, problems = read_user_files(paths)
    else:
        shipped, problems = read_user_files([data_dir])
        shipped["places"] = prefer_last_place(shipped.get("places", []))
    checked = mine if paths else shipped
    wheres = {row.where for table_rows in checked.values() for row in table_rows}
    problems.extend(p for p in cross_problems(merge_rows(shipped, mine)) if p.where in wheres)
    if not problems:
        extra = tuple(paths)
        try:
            kb = cached_kb(data_dir, extra, lambda: build_kb(data_dir, extra))
        except KBError as exc:  # a check the loader makes that the ones above missed
            where, _, message = str(exc).partition(": ")
            problems.append(Problem(where, message))
        else:
            defined = {
                row.get("id"): row.where
                for table_rows in checked.values()
                for row in table_rows
                if row.get("id")
            }
            marks = {row.get("alias"): row.where for row in checked.get("ambiguous", [])}
            problems = ambiguity_problems(kb, defined, marks, only_these=bool(paths))
    count = sum(len(table_rows) for table_rows in checked.values())
    files = tuple(_files(paths))
    subject = (
        f"{len(files)} file(s) ({', '.join(str(f) for f in files)})"
        if paths
        else "the shipped KB"
        if data_dir == shipped_data_dir()
        else f"the KB in {data_dir}"
    )
    return Validation(subject, files, count, tuple(sorted(dict.fromkeys(problems), key=_place)))


def _place(problem: Problem) -> tuple[str, int]:
    """Where a problem is, for sorting: its file, then its line."""
    path, _, line = problem.where.rpartition(":")
    return (path, int(line)) if line.isdigit() else (problem.where, 0)


def _files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(
            sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if path.is_dir()
            else [path]
        )
    return found


# -- checks across rows ---------------------------------------------------------------------------


def cross_problems(rows: dict[str, list[Row]]) -> list[Problem]:
    """Duplicate ids, dangling references and overlapping intervals in merged rows."""
    problems = _duplicates(rows)
    ids = {
        table: {row.get("id") for row in rows.get(table, [])}
        for table in ("states", "igos", "persons", "offices", "institutions", "places")
    }
    known: dict[tuple[str, ...], set[str]] = {}
    for kinds in {kinds for references in _REFERENCES.values() for _, kinds in references}:
        known[kinds] = set().union(*(ids[t] for k in kinds for t in _DEFINED_IN[k]))
    for table, references in _REFERENCES.items():
        for row in rows.get(table, []):
            for column, kinds in references:
                value = row.get(column)
                # an empty required cell is a row problem already
                if value and value not in known[kinds]:
                    problems.append(_dangling(row, column, value, kinds, known[kinds]))
    problems.extend(_overlapping_terms(rows.get("terms", [])))
    problems.extend(_overlapping_memberships(rows.get("memberships", [])))
    for row in rows.get("ambiguous", []):
        for entity in row.items("entities"):
            if entity not in known[("entity",)]:
                problems.append(_dangling(row, "entities", entity, ("entity",), known[("entity",)]))
        if len(row.items("entities")) < 2:
            problems.append(
                Problem(
                    row.where,
                    "an ambiguous alias names two or more entities, separated by '|'",
                    "entities",
                )
            )
    return problems


def _duplicates(rows: dict[str, list[Row]]) -> list[Problem]:
    problems: list[Problem] = []
    for table in TABLE_ORDER:
        key = REPLACE_KEY[table]
        if key != ("id",):
            continue
        first: dict[str, str] = {}
        for row in rows.get(table, []):
            value = row.get("id")
            if value in first:
                problems.append(
                    Problem(
                        row.where,
                        f"{value!r} is defined twice (first at "
                        f"{first[value]}); an id is defined once",
                        "id",
                    )
                )
            first.setdefault(value, row.where)
    return problems


def _dangling(
    row: Row, column: str, value: str, kinds: tuple[str, ...], known: set[str]
) -> Problem:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.8) if len(known) < 5000 else []
    hint = f"; did you mean {close[0]!r}?" if close else ""
    where = " or ".join(_WHERE_DEFINED[k] for k in kinds)
    named = " or ".join(kinds)
    article = "an" if named[0] in "aeiou" else "a"
    return Problem(
        row.where,
        f"{value!r} is not {article} {named} in the knowledge base "
        f"(defined in {where}, shipped or yours){hint}",
        column,
    )


def _interval(row: Row) -> tuple[dt.date, dt.date] | None:
    try:
        start, end = row.interval()
    except KBError:  # a bad date is a row problem already
        return None
    return start or _FAR_PAST, end or _FAR_FUTURE


def _shown(row: Row) -> str:
    return f"[{row.get('start') or '…'}, {row.get('end') or '…'})"


def _overlaps(groups: dict[tuple[str, ...], list[Row]], what: str, advice: str) -> list[Problem]:
    problems: list[Problem] = []
    for group in groups.values():
        dated = sorted(
            ((span, row) for row in group if (span := _interval(row)) is not None),
            key=lambda pair: pair[0],
        )
        furthest: tuple[dt.date, Row] | None = None  # the row reaching furthest so far
        for (start, end), row in dated:
            if furthest is not None and start < furthest[0]:
                problems.append(
                    Problem(
                        row.where,
                        f"{what} {_shown(row)} overlaps "
                        f"{_shown(furthest[1])} at {furthest[1].where}; {advice}",
                        "start",
                    )
                )
            if furthest is None or end > furthest[0]:
                furthest = (end, row)
    return problems


def _overlapping_terms(terms: list[Row]) -> list[Problem]:
    by_office: dict[tuple[str, ...], list[Row]] = defaultdict(list)
    for row in terms:
        by_office[(row.get("office"),)].append(row)
    return _overlaps(
        by_office,
        "this term",
        "terms of one office never overlap: a term's end is the first day of the next term",
    )


def _overlapping_memberships(memberships: list[Row]) -> list[Problem]:
    by_pair: dict[tuple[str, ...], list[Row]] = defaultdict(list)
    for row in memberships:
        by_pair[(row.get("organization"), row.get("member"), row.get("kind"))].append(row)
    return _overlaps(
        by_pair,
        "this membership row",
        "two rows of one kind for the same "
        "organisation and member never overlap; merge them into one",
    )


# -- aliases --------------------------------------------------------------------------------------

_KIND_RANK = {
    EntityKind.STATE: 0,
    EntityKind.IGO: 1,
    EntityKind.INSTITUTION: 2,
    EntityKind.PERSON: 3,
    EntityKind.PLACE: 4,
}


def ambiguous_aliases(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """Every alias that names more than one entity in a way resolution cannot settle by rule.

    Resolution settles an alias by kind (a state before an IGO, an institution, a person, then a
    place) and leaves places sharing a name to context (the country in focus, capitals, size).
    What is left: two states sharing an adjective or demonym, and two entities of the same kind
    (not places) sharing a name. The persons' terms do not settle it either, since on most days
    neither or both are out of office.
    """
    found: dict[str, tuple[str, ...]] = {}
    names: dict[str, dict[str, None]] = defaultdict(dict)
    adjectives: dict[str, dict[str, None]] = defaultdict(dict)
    for alias in kb.aliases:
        target = adjectives if alias.how in {"adjective", "demonym"} else names
        target[alias.text][alias.entity] = None
    for text, states in adjectives.items():
        if len(states) > 1:
            found[text] = tuple(states)
    for text, ids in names.items():
        if len(ids) < 2:
            continue
        entities = [e for e in (kb.get(i) for i in ids) if e is not None]
        ranked = [e for e in entities if e.kind != EntityKind.PLACE]
        if not ranked:
            continue
        best = min(_KIND_RANK[e.kind] for e in ranked)
        tied = tuple(e.id for e in ranked if _KIND_RANK[e.kind] == best)
        if len(tied) > 1:
            found[text] = tied
    return found


def ambiguity_problems(
    kb: KnowledgeBase, defined: dict[str, str], marks: dict[str, str], only_these: bool = False
) -> list[Problem]:
    """Aliases that name several entities without a mark, and marks that do not fit.

    `defined` maps entity ids to the row defining them and `marks` alias texts to their
    `ambiguous` row, for the message's location. With `only_these`, only aliases of those
    entities and those marks are looked at (a user's files).
    """
    problems: list[Problem] = []
    found = ambiguous_aliases(kb)
    for text, entities in sorted(found.items()):
        mine = [defined[e] for e in entities if e in defined]
        if only_these and not mine and text not in marks:
            continue
        mark = kb.ambiguous.get(text)
        if mark is None:
            problems.append(
                Problem(
                    mine[0] if mine else "ambiguous.csv",
                    f"alias {text!r} names {', '.join(entities)}; mark it in an "
                    "'ambiguous' table (alias, entities in order of preference, "
                    "note, source) or keep it on one entity only",
                )
            )
        elif set(mark.entities) != set(entities):
            problems.append(
                Problem(
                    marks.get(text, "ambiguous.csv"),
                    f"alias {text!r} names "
                    f"{', '.join(sorted(entities))}, but its mark lists "
                    f"{', '.join(mark.entities)}",
                    "entities",
                )
            )
    for text in sorted(kb.ambiguous):
        if text not in found and (text in marks or not only_these):
            problems.append(
                Problem(
                    marks.get(text, "ambiguous.csv"),
                    f"alias {text!r} is marked "
                    "ambiguous but the resolution rules already pick one entity "
                    "(or it names none); remove the mark",
                    "alias",
                )
            )
    return problems
