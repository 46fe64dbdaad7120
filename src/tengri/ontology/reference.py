"""Readers for the public reference files the ontology tables are derived from (build time only).

Each reader returns what its file says, with only mechanical repairs (encoding, whitespace, a
broken line); tengri's own decisions on top of these facts live in `authored.py`, and
`build.py` combines the two. Nothing here runs when tengri codes events.

Files, relative to the reference folder:
- `cameo/LOOKUP-CAMEO.eventcodes.txt`, `cameo/CAMEO.goldsteinscale.txt`: GDELT's lookup tables.
- `plover/CAMEO2PLOVER-2021.txt`: the CAMEO to PLOVER crosswalk (Open Event Data Alliance).
- `plover/PLOVER_MANUAL.tex`: the PLOVER manual, draft 0.8 (Open Event Data Alliance).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tengri.errors import OntologyError

CAMEO_CODES = "cameo/LOOKUP-CAMEO.eventcodes.txt"
GOLDSTEIN = "cameo/CAMEO.goldsteinscale.txt"
CROSSWALK = "plover/CAMEO2PLOVER-2021.txt"
MANUAL = "plover/PLOVER_MANUAL.tex"

QUAD_CATEGORIES = {
    "VERBAL COOPERATION": 1,
    "MATERIAL COOPERATION": 2,
    "VERBAL CONFLICT": 3,
    "MATERIAL CONFLICT": 4,
}

# GDELT's lookup file runs two rows together: "1056<TAB>Demand de-escalation of military
# engagement106:[-5.0] Demand withdrawal". This splits such a tail off into its own row.
_RUN_ON_ROW = re.compile(
    r"^(?P<head>.*?)(?P<code>\d{2,4}):\[(?P<score>-?\d+(?:\.\d+)?)\]\s*(?P<tail>.*)$"
)


def _read(folder: Path, name: str) -> str:
    path = folder / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OntologyError(
            f"cannot read reference file {path}: {exc.strerror}; pass the folder that holds "
            f"{CAMEO_CODES}, {GOLDSTEIN}, {CROSSWALK} and {MANUAL}"
        ) from exc


def _clean(text: str) -> str:
    return " ".join(text.split())


def _tab_rows(text: str, header: str) -> list[tuple[str, str]]:
    lines = text.splitlines()
    if not lines or lines[0].split("\t")[0].strip() != header:
        raise OntologyError(f"expected a header starting with {header!r}, got {lines[:1]!r}")
    rows = []
    for line in lines[1:]:
        if line.strip():
            code, _, value = line.partition("\t")
            rows.append((code.strip(), value))
    return rows


def gdelt_descriptions(folder: Path) -> dict[str, str]:
    """CAMEO code -> description, as GDELT's lookup table gives it (whitespace collapsed)."""
    found: dict[str, str] = {}
    for code, value in _tab_rows(_read(folder, CAMEO_CODES), "CAMEOEVENTCODE"):
        run_on = _RUN_ON_ROW.match(value)
        if run_on:
            value = run_on["head"]
            found[run_on["code"]] = _clean(run_on["tail"])
        found[code] = _clean(value)
    return found


def gdelt_goldstein(folder: Path) -> dict[str, float]:
    """CAMEO code -> Goldstein score, from GDELT's scale table."""
    return {
        code: float(value) for code, value in _tab_rows(_read(folder, GOLDSTEIN), "CAMEOEVENTCODE")
    }


def gdelt_run_on_scores(folder: Path) -> dict[str, float]:
    """Scores written inside run-on rows of the lookup table (checked against the scale table)."""
    text = _read(folder, CAMEO_CODES)
    return {
        m["code"]: float(m["score"])
        for _, value in _tab_rows(text, "CAMEOEVENTCODE")
        if (m := _RUN_ON_ROW.match(value))
    }


@dataclass(frozen=True, slots=True)
class CrosswalkRow:
    """One line of CAMEO2PLOVER-2021 after whitespace is stripped; values as the file has them."""

    code: str
    plover_type: str
    mode: str
    contexts: tuple[str, ...]
    comment: str


def crosswalk(folder: Path) -> tuple[dict[str, str], dict[str, CrosswalkRow]]:
    """The crosswalk's root headers (first one wins: "08: CONCEDE" before "08: RETREAT") and rows.

    A code listed twice (175) must say the same thing both times; the first row is kept.
    """
    roots: dict[str, str] = {}
    rows: dict[str, CrosswalkRow] = {}
    for number, line in enumerate(_read(folder, CROSSWALK).splitlines(), start=1):
        body, _, comment = line.partition("#")
        if body.startswith("~"):  # the file ends with a row of tildes
            break
        if not body.strip():
            continue
        code, sep, fields = body.partition(":")
        code = code.strip()
        if not sep or not code.isdigit():
            raise OntologyError(f"{CROSSWALK}:{number}: expected 'code: TYPE, mode, contexts'")
        parts = [p.strip() for p in fields.split(",")]
        if len(parts) == 1:
            roots.setdefault(code, parts[0])
            continue
        plover_type, mode, context_cell = [*parts, "", ""][:3]
        row = CrosswalkRow(
            code=code,
            plover_type=plover_type,
            mode=mode,
            contexts=tuple(c.strip() for c in context_cell.split(";") if c.strip()),
            comment=_clean(comment),
        )
        earlier = rows.setdefault(code, row)
        if (earlier.plover_type, earlier.mode, earlier.contexts) != (
            row.plover_type,
            row.mode,
            row.contexts,
        ):
            raise OntologyError(f"{CROSSWALK}:{number}: code {code} is listed twice, differently")
    return roots, rows


@dataclass(frozen=True, slots=True)
class ManualType:
    """A PLOVER event type as the manual describes it: quad category and mode names in order."""

    name: str
    quad_class: int
    modes: tuple[str, ...]


def _chapter(tex: str, title: str) -> str:
    start = tex.index("\\chapter{" + title + "}")
    end = tex.find("\\chapter{", start + 1)
    return tex[start : end if end >= 0 else len(tex)]


def _table_names(table: str) -> list[str]:
    """First-column names of a two-column LaTeX table, skipping commented-out rows."""
    names = []
    for line in table.splitlines():
        line = line.strip()
        if not line or line.startswith("%") or "&" not in line:
            continue
        name = line.split("&")[0].strip()
        name = re.sub(r"\\hyperref\[[^\]]*\]\{([^}]*)\}", r"\1", name).replace("\\_", "_")
        if name and name != "Name":
            names.append(name)
    return names


def manual_types(folder: Path) -> tuple[ManualType, ...]:
    """The event types of the manual's "Event Categories" chapter, in the manual's order."""
    chapter = _chapter(_read(folder, MANUAL), "Event Categories")
    sections = re.split(r"^\\section\{([A-Z]+)\}", chapter, flags=re.M)[1:]
    types = []
    for name, body in zip(sections[0::2], sections[1::2], strict=True):
        quad = re.search(r"\\subsection\{Quad category: ([A-Z ]+)\}", body)
        if not quad:
            raise OntologyError(f"{MANUAL}: section {name} has no quad category")
        modes: list[str] = []
        for caption, table in re.findall(
            r"\\caption\{([^\n]*?)\}\s*\\begin\{center\}\s*\\begin\{tabular\}[^\n]*\n(.*?)\\end\{tabular\}",
            body,
            flags=re.S,
        ):
            if "modes" in caption:
                modes += _table_names(table)
        types.append(ManualType(name, QUAD_CATEGORIES[quad[1].strip()], tuple(modes)))
    return tuple(types)


def manual_scores(folder: Path) -> dict[tuple[str, str], float]:
    """(TYPE, mode) -> PLOVER score from the manual's score table; mode "" is the type's score."""
    tex = _read(folder, MANUAL)
    start = tex.index("\\begin{tabular}{|lc|lc|lc|}")
    table = tex[start : tex.index("\\end{tabular}", start)]
    scores: dict[tuple[str, str], float] = {}
    for line in table.splitlines()[1:]:
        if line.lstrip().startswith("%") or "&" not in line:
            continue
        cells = [
            re.sub(r"\\cellcolor\{[^}]*\}", "", c).replace("\\\\", "").strip()
            for c in line.split("&")
        ]
        for label, score in zip(cells[0::2], cells[1::2], strict=False):
            if not label or not score or "textbf" in label:
                continue
            plover_type, _, mode = label.partition(":")
            scores[(plover_type.strip(), mode.strip().lower())] = float(score)
    return scores


def manual_contexts(folder: Path) -> tuple[str, ...]:
    """The context names of the manual's table of general contexts, in its order."""
    tex = _read(folder, MANUAL)
    start = tex.index("\\label{tab:general-contexts}")
    table = tex[tex.index("\\endlastfoot", start) : tex.index("\\end{longtable}", start)]
    return tuple(_table_names(table))
