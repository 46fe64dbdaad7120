"""CAMEO event codes: look-up, Goldstein score, quad class, and the code for a PLOVER type.

Codes are strings of 2 to 4 digits with their leading zero ("04", "042", "0211"), as in GDELT's
lookup table; "42" is not a code.
"""

from __future__ import annotations

from tengri.errors import OntologyError
from tengri.ontology import tables
from tengri.ontology.plover import check_mode
from tengri.ontology.tables import CameoCode, Mode

_HOW_CODES_LOOK = (
    "CAMEO codes are strings of 2 to 4 digits that keep their leading zero, "
    "e.g. '04', '042', '0211' or '190'"
)


def cameo(code: str) -> CameoCode:
    """The CAMEO code `code` with its description, Goldstein score, quad class and PLOVER type."""
    codes = tables.cameo_codes()
    if isinstance(code, str) and code in codes:
        return codes[code]
    hint = ""
    text = str(code).strip()
    if text in codes and text != code:
        hint = f" (did you mean {text!r}?)"
    elif text.isdigit() and "0" + text in codes:
        hint = f" (a number loses its leading zero: did you mean {'0' + text!r}?)"
    raise OntologyError(f"unknown CAMEO code {code!r}{hint}; {_HOW_CODES_LOOK}")


def cameo_root(code: str) -> str:
    """The root (first two digits) of a CAMEO code: '0211' -> '02'."""
    return cameo(code).code[:2]


def goldstein(code: str) -> float:
    """The Goldstein conflict-cooperation score (-10..10) GDELT gives a CAMEO code."""
    return cameo(code).goldstein


def quad_class(code: str) -> int:
    """GDELT's quad class of a CAMEO code: 1 verbal cooperation (01-05), 2 material cooperation
    (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20)."""
    return cameo(code).quad_class


def default_cameo(plover_type: str, mode: Mode = None) -> str:
    """The CAMEO code tengri gives a PLOVER type and mode when nothing more specific is known.

    `defaults.csv` holds the table (see docs/CODING.md §2); the code's own PLOVER type is always
    `plover_type`, though its mode may differ where CAMEO has no code for the mode.
    """
    mode = check_mode(plover_type, mode)
    return tables.defaults()[(plover_type, mode)]
