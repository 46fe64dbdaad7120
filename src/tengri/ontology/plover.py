"""PLOVER event types, modes, contexts and conflict-cooperation scores.

Names are canonical: types upper case ("CONSULT"), modes lower case ("third-party"); a missing
mode is None ("" is taken to mean the same). Names from older PLOVER drafts ("FIGHT", mode
"assassinate") go through `normalise_type` / `normalise_mode` first.
"""

from __future__ import annotations

from tengri.errors import OntologyError
from tengri.ontology import tables
from tengri.ontology.tables import Mode

# The manual's event types in its order, from cooperation to conflict (build.py checks the manual).
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


def check_type(plover_type: str) -> str:
    """The type itself if it is a current PLOVER type; else an error that says what would be."""
    if isinstance(plover_type, str) and plover_type in PLOVER_TYPES:
        return plover_type
    hint = ""
    if isinstance(plover_type, str):
        name = plover_type.strip().upper()
        if name in PLOVER_TYPES:
            hint = f" (did you mean {name!r}? types are upper case)"
        elif name in tables.legacy_types():
            hint = (
                f" ({name} is an older PLOVER name; normalise_type({plover_type!r}) gives "
                f"{tables.legacy_types()[name][0]!r})"
            )
    raise OntologyError(
        f"unknown PLOVER type {plover_type!r}{hint}; expected one of {', '.join(PLOVER_TYPES)}"
    )


def check_mode(plover_type: str, mode: Mode) -> Mode:
    """The mode (None for none) if `plover_type` has it; else an error listing its modes."""
    check_type(plover_type)
    if mode is None or mode == "":
        return None
    modes = plover_modes(plover_type)
    if mode in modes:
        return mode
    valid = ", ".join(modes) + ", or None" if modes else "None (this type has no modes)"
    hint = ""
    if isinstance(mode, str) and (plover_type, mode.strip().lower()) in tables.legacy_modes():
        hint = (
            f" ({mode!r} is an older PLOVER mode; normalise_mode({plover_type!r}, {mode!r}) "
            f"gives {tables.legacy_modes()[(plover_type, mode.strip().lower())]!r})"
        )
    raise OntologyError(f"unknown mode {mode!r} for {plover_type}{hint}; expected {valid}")


def plover_modes(plover_type: str) -> tuple[str, ...]:
    """The modes of a PLOVER type, in the manual's order (empty for types without modes)."""
    check_type(plover_type)
    return tuple(
        mode for (t, mode) in tables.plover_entries() if t == plover_type and mode is not None
    )


def contexts() -> tuple[str, ...]:
    """The PLOVER context names, in the manual's order (plus the crosswalk's 'humanitarian')."""
    return tables.context_names()


def is_valid(plover_type: str, mode: Mode = None) -> bool:
    """Whether `plover_type` is a current PLOVER type and `mode` one of its modes (or None)."""
    if not isinstance(plover_type, str) or plover_type not in PLOVER_TYPES:
        return False
    return mode is None or mode == "" or mode in plover_modes(plover_type)


def plover_score(plover_type: str, mode: Mode = None) -> float:
    """The manual's conflict-cooperation score (-10..10) of a type, or of a type and mode.

    A mode the manual prints no score for (PROTEST vandalize) takes its type's score.
    """
    mode = check_mode(plover_type, mode)
    entries = tables.plover_entries()
    score = entries[(plover_type, mode)].score
    if score is None:
        score = entries[(plover_type, None)].score
    assert score is not None, f"plover.csv has no score for {plover_type}"
    return score


def normalise_type(name: str) -> str:
    """The current PLOVER type for a type name in any case, including older names
    (FIGHT -> ASSAULT, DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE)."""
    if isinstance(name, str):
        upper = name.strip().upper()
        if upper in PLOVER_TYPES:
            return upper
        if upper in tables.legacy_types():
            return tables.legacy_types()[upper][0]
    older = ", ".join(tables.legacy_types())
    raise OntologyError(
        f"unknown PLOVER type {name!r}; expected one of {', '.join(PLOVER_TYPES)} "
        f"(or an older name: {older})"
    )


def normalise_mode(name: str, mode: Mode) -> Mode:
    """The current mode for a type name (current or older, any case) and a mode (current or
    older). An older type that implies a mode gives it when `mode` is None: INVESTIGATE ->
    'investigate'. Older modes map to the manual's: ('ASSAULT', 'assassinate') -> 'targeted'."""
    plover_type = normalise_type(name)
    if mode is None or not mode.strip():
        return tables.legacy_types().get(name.strip().upper(), (plover_type, None))[1]
    key = mode.strip().lower()
    if key in plover_modes(plover_type):
        return key
    if (plover_type, key) in tables.legacy_modes():
        return tables.legacy_modes()[(plover_type, key)]
    return check_mode(plover_type, mode)  # raises, listing the valid modes
