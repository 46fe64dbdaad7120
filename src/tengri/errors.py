"""tengri's exceptions: each message says what was received, what is valid and how to fix it."""

from __future__ import annotations


class TengriError(Exception):
    """Base of every error tengri raises on purpose; the CLI prints it as one line and exits 1."""


class InputError(TengriError):
    """An input could not be read or decoded (missing file, binary data, broken JSONL line)."""


class KBError(TengriError):
    """Knowledge-base data is invalid: a bad row, an unknown id, overlapping terms."""


class OntologyError(TengriError):
    """An unknown CAMEO code, PLOVER type or mode."""


class StoreError(TengriError):
    """The database could not be opened, migrated or written."""


class OutputError(TengriError):
    """An output (export file, report) could not be written: disk full, no permission."""


class UsageError(TengriError):
    """A command was called with options that do not fit together (CLI exit code 2)."""
