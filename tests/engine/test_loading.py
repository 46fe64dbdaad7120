"""Loading the store on a thread of its own: every partition written and marked, in the order
given, and an error on the thread raised in the client."""

from __future__ import annotations

import threading

import pytest

from tengri.engine.loading import BackgroundLoader
from tengri.errors import StoreError


class _Loader:
    def __init__(self, fail_on: int | None = None) -> None:
        self.loaded: list[list[str]] = []
        self.fail_on = fail_on
        self.threads: set[str] = set()

    def load(self, prepared: list[str]) -> None:
        self.threads.add(threading.current_thread().name)
        if self.fail_on is not None and len(self.loaded) == self.fail_on:
            raise StoreError("the database is full")
        self.loaded.append(prepared)


def test_every_partition_is_loaded_then_marked_in_the_order_submitted_off_the_client_thread():
    loader, marked = _Loader(), []
    writer = BackgroundLoader(loader, marked.append)  # type: ignore[arg-type]
    for index in range(5):
        writer.submit(index, [f"doc {index}"])  # type: ignore[list-item]
    writer.close()
    assert loader.loaded == [[f"doc {i}"] for i in range(5)]
    assert marked == [0, 1, 2, 3, 4]
    assert loader.threads == {"tengri-store"}


def test_an_error_while_loading_reaches_the_client_and_nothing_after_it_is_marked():
    loader, marked = _Loader(fail_on=1), []
    writer = BackgroundLoader(loader, marked.append)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="the database is full"):  # from submit or close
        for index, name in enumerate("abc"):
            writer.submit(index, [name])  # type: ignore[list-item]
        writer.close()
    assert marked == [0]
