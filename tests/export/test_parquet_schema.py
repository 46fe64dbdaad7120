"""The Parquet schema is a versioned contract: pinned per version, documented column by column.

Changing a column (name, type or nullability) changes the digest: bump SCHEMA_VERSION in
tengri/export/parquet_schema.py, add the new version's digest below (never edit an old one),
and update docs/EXPORTS.md.
"""

from __future__ import annotations

import re
from pathlib import Path

from tengri.export.csv_table import HEADER
from tengri.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS
from tengri.export.parquet_schema import SCHEMA_VERSION, TABLES, schema_description, schema_digest

PINNED = {
    1: "c4865ac22f68368ef1c679f7e920bf4ec3b7569958861a7ca2bb843c668ff540",
}

DOC = Path(__file__).resolve().parents[2] / "docs" / "EXPORTS.md"


def test_the_schema_is_the_one_pinned_for_its_version() -> None:
    assert SCHEMA_VERSION in PINNED, f"add schema version {SCHEMA_VERSION}'s digest to PINNED"
    assert schema_digest() == PINNED[SCHEMA_VERSION], (
        "the Parquet schema changed: bump SCHEMA_VERSION and pin the new digest "
        f"{schema_digest()} (never change a published version's columns)")


def _section(heading: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(heading)
    following = re.search(r"^#{2,3} ", text[start + len(heading):], re.MULTILINE)
    return text[start:start + len(heading) + (following.start() if following else len(text))]


def _documented_columns(heading: str) -> list[list[str]]:
    rows = re.findall(r"^\| `([^`]+)` \| ([^|]+?) \| ([^|]+?) \|", _section(heading),
                      re.MULTILINE)
    return [[name, kind.strip("` "), null.strip()] for name, kind, null in rows]


def test_every_parquet_column_is_documented_with_its_type() -> None:
    for table, columns in schema_description().items():
        documented = _documented_columns(f"### Table `{table}`")
        assert documented == [[n, t, "yes" if null else "no"] for n, t, null in columns], table
    assert set(TABLES) == {"events", "mentions", "documents", "facts", "memberships"}


def test_every_csv_column_is_documented_in_order() -> None:
    documented = re.findall(r"^\| `([^`]+)` \|", _section("## CSV"), re.MULTILINE)
    assert documented == list(HEADER)


def test_every_gdelt_column_is_documented_in_order() -> None:
    events = re.findall(r"^\| \d+ \| `([^`]+)` \|", _section("### GDELT Events"), re.MULTILINE)
    mentions = re.findall(r"^\| \d+ \| `([^`]+)` \|", _section("### GDELT Mentions"),
                          re.MULTILINE)
    assert (events, mentions) == (list(EVENT_COLUMNS), list(MENTION_COLUMNS))
