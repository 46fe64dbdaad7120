"""Fixtures for the engine's tests: a small generated corpus and one run of it (local engine,
two workers, store loaded) that other runs are compared with."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tengri.engine import RunSummary

from .runs import load_generator, run, write_corpus


@pytest.fixture(scope="session")
def generator() -> Any:
    return load_generator()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory, generator: Any) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", generator)


@pytest.fixture(scope="session")
def local_run(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> tuple[Path, RunSummary]:
    """The corpus run by the local engine with two workers, and the store loaded."""
    folder = tmp_path_factory.mktemp("local-run")
    summary = run(corpus, folder / "out", workers=2, db=str(folder / "store.db"))
    return folder, summary
