"""tengri's command line: thin Typer commands over the packages.

Each command group lives in its own module (`extract.py`, `kb.py`, …) and registers itself on
`app` here, so the commands stay next to nothing but argument handling and printing.
"""

from __future__ import annotations

from tengri.cli.app import app, main

# Importing the command modules registers their commands on `app`.
from tengri.cli import analytics as _analytics  # noqa: F401  isort: skip
from tengri.cli import demo as _demo  # noqa: F401  isort: skip
from tengri.cli import engine as _engine  # noqa: F401  isort: skip
from tengri.cli import evaluate as _evaluate  # noqa: F401  isort: skip
from tengri.cli import export as _export  # noqa: F401  isort: skip
from tengri.cli import extract as _extract  # noqa: F401  isort: skip
from tengri.cli import ingest as _ingest  # noqa: F401  isort: skip
from tengri.cli import kb as _kb  # noqa: F401  isort: skip
from tengri.cli import serve as _serve  # noqa: F401  isort: skip
from tengri.cli import store as _store  # noqa: F401  isort: skip

__all__ = ["app", "main"]
