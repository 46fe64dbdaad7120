"""Generate the ontology's CSV tables from the public reference files.

    python -m tengri.ontology.build /path/to/reference [--out src/tengri/ontology/data]

Reads GDELT's CAMEO and Goldstein tables, the CAMEO2PLOVER-2021 crosswalk and the PLOVER manual
(see `reference.py`), applies tengri's decisions (`authored.py`) and glosses (`glossary.py`), checks
that the result hangs together, and writes `data/*.csv`. The output is deterministic: running it
again on the same files gives the same bytes. tengri never reads the reference files at run time.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from tengri.errors import OntologyError
from tengri.ontology import authored, glossary, reference
from tengri.ontology.plover import PLOVER_TYPES

DATA = Path(__file__).parent / "data"

COLUMNS: dict[str, tuple[str, ...]] = {
    "cameo.csv": (
        "code",
        "description",
        "goldstein",
        "quad_class",
        "plover_type",
        "plover_mode",
        "contexts",
        "source",
    ),
    "plover.csv": ("type", "mode", "description", "score", "quad_class", "source"),
    "contexts.csv": ("context", "description", "source"),
    "defaults.csv": ("type", "mode", "cameo", "source"),
    "legacy_types.csv": ("legacy_type", "type", "mode", "source"),
    "legacy_modes.csv": ("type", "legacy_mode", "mode", "source", "note"),
}

Row = dict[str, str]


def cameo_quad_class(code: str) -> int:
    """GDELT's QuadClass from the CAMEO root: 01-05 verbal cooperation, 06-08 material
    cooperation, 09-13 verbal conflict, 14-20 material conflict."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


class _Manual:
    """What the manual says about types, modes and contexts, for checking and cleaning."""

    def __init__(self, folder: Path) -> None:
        self.types = reference.manual_types(folder)
        self.modes = {t.name: t.modes for t in self.types}
        self.contexts = reference.manual_contexts(folder) + authored.EXTRA_CONTEXTS
        names = tuple(t.name for t in self.types)
        if names != PLOVER_TYPES:
            raise OntologyError(f"the manual's types {names} differ from plover.PLOVER_TYPES")

    def check(self, plover_type: str, mode: str, where: str) -> None:
        if plover_type not in self.modes:
            raise OntologyError(f"{where}: {plover_type!r} is not a PLOVER type of the manual")
        if mode and mode not in self.modes[plover_type]:
            raise OntologyError(f"{where}: {mode!r} is not a mode of {plover_type} in the manual")


def _clean_crosswalk_row(row: reference.CrosswalkRow, manual: _Manual) -> tuple[str, str, bool]:
    """(mode, contexts, cleaned?) for one crosswalk row, in the manual's vocabulary."""
    contexts = [authored.CONTEXT_RENAMES.get(c, c) for c in row.contexts]
    cleaned = contexts != list(row.contexts)
    mode = row.mode
    legacy = {(t, old): new for t, old, new, _, _ in authored.LEGACY_MODES}
    if not mode or mode in manual.modes.get(row.plover_type, ()):
        pass
    elif mode in manual.contexts:  # 175: a context written in the mode column
        contexts.insert(0, mode)
        mode, cleaned = "", True
    else:
        if (row.plover_type, mode) not in legacy:
            raise OntologyError(
                f"crosswalk {row.code}: no rule for mode {mode!r} of "
                f"{row.plover_type}; add one to authored.LEGACY_MODES"
            )
        mode, cleaned = legacy[(row.plover_type, mode)], True
    for context in contexts:
        if context not in manual.contexts:
            raise OntologyError(f"crosswalk {row.code}: unknown context {context!r}")
    manual.check(row.plover_type, mode, f"crosswalk {row.code}")
    return mode, "|".join(contexts), cleaned


def _appeal(code: str, rows: dict[str, reference.CrosswalkRow]) -> tuple[str, str]:
    """(mode, contexts) tengri gives an 02x APPEAL code (see authored.APPEAL_MODES)."""
    if len(code) == 2:
        return "", ""
    mode = authored.APPEAL_MODES[code[:3]]
    parallel = rows.get(authored.APPEAL_PARALLEL_ROOT + code[2:])
    contexts = [authored.CONTEXT_RENAMES.get(c, c) for c in parallel.contexts] if parallel else []
    return mode, "|".join(contexts)


def cameo_rows(folder: Path, manual: _Manual) -> list[Row]:
    descriptions = reference.gdelt_descriptions(folder)
    goldstein = reference.gdelt_goldstein(folder)
    if set(descriptions) != set(goldstein):
        differ = sorted(set(descriptions) ^ set(goldstein))
        raise OntologyError(f"GDELT's code and Goldstein tables disagree on codes {differ}")
    for code, score in reference.gdelt_run_on_scores(folder).items():
        if goldstein[code] != score:
            raise OntologyError(
                f"GDELT's lookup gives {code} the score {score}, its scale {goldstein[code]}"
            )
    roots, crosswalk = reference.crosswalk(folder)
    rows = []
    for code in sorted(descriptions):
        description, description_source = descriptions[code], "gdelt"
        if code in authored.DESCRIPTION_FIXES:
            description, description_source, _ = authored.DESCRIPTION_FIXES[code]
        mode = contexts = ""
        if code.startswith(authored.STATEMENT_ROOT):
            plover_type, plover_source = "", "tengri"
        elif code.startswith(authored.APPEAL_ROOT):
            plover_type, plover_source = authored.APPEAL_TYPE, "tengri"
            mode, contexts = _appeal(code, crosswalk)
        elif len(code) == 2:
            plover_type, plover_source = roots[code], "crosswalk"
        elif code in crosswalk:
            plover_type = crosswalk[code].plover_type
            mode, contexts, cleaned = _clean_crosswalk_row(crosswalk[code], manual)
            plover_source = "crosswalk-cleaned" if cleaned else "crosswalk"
        else:
            raise OntologyError(f"CAMEO {code} has no crosswalk row and no rule in authored.py")
        if plover_type:
            manual.check(plover_type, mode, f"CAMEO {code}")
        rows.append(
            {
                "code": code,
                "description": description,
                "goldstein": str(goldstein[code]),
                "quad_class": str(cameo_quad_class(code)),
                "plover_type": plover_type,
                "plover_mode": mode,
                "contexts": contexts,
                "source": f"{description_source}; {plover_source}",
            }
        )
    return rows


def plover_rows(folder: Path, manual: _Manual) -> list[Row]:
    scores = reference.manual_scores(folder)
    for key, (printed, _, _) in authored.SCORE_FIXES.items():
        if scores.get(key) != printed:
            raise OntologyError(
                f"score fix for {key} expects the manual to print {printed}, "
                f"it prints {scores.get(key)}: review authored.SCORE_FIXES"
            )
    for plover_type, mode in scores:
        manual.check(plover_type, mode, "score table")
    rows = []
    for t in manual.types:
        for mode in ("", *t.modes):
            score, source = scores.get((t.name, mode)), "PLOVER manual"
            if (t.name, mode) in authored.SCORE_FIXES:
                score, source = authored.SCORE_FIXES[(t.name, mode)][1], "PLOVER manual, sign fixed"
            elif score is None:
                source = "PLOVER manual; no score printed"
            rows.append(
                {
                    "type": t.name,
                    "mode": mode,
                    "description": glossary.MODES[(t.name, mode)]
                    if mode
                    else glossary.TYPES[t.name],
                    "score": "" if score is None else str(score),
                    "quad_class": str(t.quad_class),
                    "source": source,
                }
            )
    return rows


def context_rows(manual: _Manual) -> list[Row]:
    extra = set(authored.EXTRA_CONTEXTS)
    return [
        {
            "context": c,
            "description": glossary.CONTEXTS[c],
            "source": "CAMEO2PLOVER-2021" if c in extra else "PLOVER manual",
        }
        for c in manual.contexts
    ]


def default_rows(manual: _Manual, cameo: Sequence[Row]) -> list[Row]:
    types = {row["code"]: row["plover_type"] for row in cameo}
    rows = [{"type": t, "mode": m, "cameo": c, "source": s} for t, m, c, s in authored.DEFAULTS]
    wanted = [(t.name, m) for t in manual.types for m in ("", *t.modes)]
    have = [(row["type"], row["mode"]) for row in rows]
    if have != wanted:
        raise OntologyError(
            f"authored.DEFAULTS must list every type and mode in the manual's "
            f"order; missing {sorted(set(wanted) - set(have))}, "
            f"extra {sorted(set(have) - set(wanted))}"
        )
    for row in rows:
        if types.get(row["cameo"]) != row["type"]:
            raise OntologyError(
                f"default for {row['type']}/{row['mode']}: CAMEO {row['cameo']} "
                f"is {types.get(row['cameo'])!r}, not {row['type']}"
            )
    return rows


def legacy_rows(manual: _Manual) -> tuple[list[Row], list[Row]]:
    types = [
        {"legacy_type": old, "type": new, "mode": mode, "source": source}
        for old, new, mode, source in authored.LEGACY_TYPES
    ]
    modes = [
        {"type": t, "legacy_mode": old, "mode": new, "source": source, "note": note}
        for t, old, new, source, note in authored.LEGACY_MODES
    ]
    for row in types:
        manual.check(row["type"], row["mode"], f"legacy type {row['legacy_type']}")
    for row in modes:
        manual.check(row["type"], row["mode"], f"legacy mode {row['legacy_mode']}")
    return types, modes


def render(rows: Iterable[Row], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def build(folder: Path) -> dict[str, str]:
    """File name -> CSV text for every generated table."""
    manual = _Manual(folder)
    cameo = cameo_rows(folder, manual)
    legacy_types, legacy_modes = legacy_rows(manual)
    tables = {
        "cameo.csv": cameo,
        "plover.csv": plover_rows(folder, manual),
        "contexts.csv": context_rows(manual),
        "defaults.csv": default_rows(manual, cameo),
        "legacy_types.csv": legacy_types,
        "legacy_modes.csv": legacy_modes,
    }
    return {name: render(rows, COLUMNS[name]) for name, rows in tables.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tengri.ontology.build", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("reference", type=Path, help="folder holding cameo/ and plover/")
    parser.add_argument("--out", type=Path, default=DATA, help=f"where to write (default {DATA})")
    args = parser.parse_args(argv)
    try:
        tables = build(args.reference)
    except OntologyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in tables.items():
        (args.out / name).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {args.out / name} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
