"""JSON Lines: one event record a line, in the README record shape plus its reports
(`mentions`) and source count (see docs/EXPORTS.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write each record as one line of JSON; returns how many were written."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
