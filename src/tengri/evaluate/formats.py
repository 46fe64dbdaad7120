"""Which reader a gold file needs: named, or recognised from its first characters."""

from __future__ import annotations

from pathlib import Path

from tengri.errors import InputError, UsageError
from tengri.evaluate.gold import GoldSet
from tengri.evaluate.read_petrarch import read_petrarch
from tengri.evaluate.read_plover import read_plover
from tengri.evaluate.read_tengri import read_tengri

GOLD_FORMATS = ("auto", "tengri", "plover-gsr", "petrarch-xml")


def detect_format(path: Path) -> str:
    """"petrarch-xml" for XML, "plover-gsr" for a JSON array, else "tengri" (JSONL)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError as exc:
        raise InputError(f"cannot read gold file {path}: {exc.strerror or exc}") from None
    if head.startswith(b"<"):
        return "petrarch-xml"
    if head.startswith(b"["):
        return "plover-gsr"
    return "tengri"


def read_gold(path: Path, gold_format: str = "auto", texts: Path | None = None,
              name: str | None = None) -> GoldSet:
    """Read a gold file in any of `GOLD_FORMATS`; `texts` only for tengri JSONL without text."""
    if gold_format not in GOLD_FORMATS:
        raise UsageError(f"gold format {gold_format!r}; choose one of {', '.join(GOLD_FORMATS)}")
    if gold_format == "auto":
        gold_format = detect_format(path)
    if gold_format == "petrarch-xml":
        return read_petrarch(path, name or "petrarch-unit")
    if gold_format == "plover-gsr":
        return read_plover(path, name or "plover-gsr")
    return read_tengri(path, texts, name)
