"""The Typer application, error handling and logging set-up shared by every command."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console

from tengri import __version__
from tengri.errors import TengriError, UsageError

app = typer.Typer(
    name="tengri",
    help="Turn news about international relations into coded events (PLOVER + CAMEO).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

P = ParamSpec("P")
R = TypeVar("R")


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Print a TengriError as one line on stderr and exit 1 (2 for usage errors)."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except UsageError as exc:
            err.print(f"tengri: error: {exc}", markup=False, soft_wrap=True)
            raise typer.Exit(2) from exc
        except TengriError as exc:
            err.print(f"tengri: error: {exc}", markup=False, soft_wrap=True)
            raise typer.Exit(1) from exc

    return wrapper


def _version(value: bool) -> None:
    if value:
        out.print(f"tengri {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details to stderr."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


def main() -> None:
    app()
