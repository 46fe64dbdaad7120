"""The KB cache: a built KB kept on disk, read back instead of rebuilt, and rebuilt whenever it
is stale or cannot be read. The tests use tests/kb/fixture_kb and a cache folder of their own."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path

import pytest

from tengri.kb import KnowledgeBase, build_kb, find_mentions
from tengri.kb.cache import cache_dir, cached_kb, kb_digest

FIXTURE = Path(__file__).parent / "fixture_kb"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "data"))


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TENGRI_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


class Builds:
    """A build function that counts how often it ran."""

    def __init__(self, data_dir: Path, extra: tuple[Path, ...] = ()) -> None:
        self.data_dir, self.extra, self.count = data_dir, extra, 0

    def __call__(self) -> KnowledgeBase:
        self.count += 1
        return build_kb(self.data_dir, self.extra)


def _summary(kb: KnowledgeBase) -> tuple[object, ...]:
    text = "The Kazakh President met Putin in Oral; Nur-Sultan hosted tourists."
    return (
        sorted(kb.entities.items()),
        list(kb.aliases),
        kb.terms,
        kb.memberships,
        sorted(kb.offices.items()),
        kb.names,
        kb.capitals,
        kb.titles,
        kb.checked,
        find_mentions(kb, text, dt.date(2020, 6, 1)),
        len(kb.name_index),
        len(kb.word_index),
    )


def test_a_second_load_reads_the_cache_and_gives_the_same_kb(data_dir: Path, folder: Path) -> None:
    build = Builds(data_dir)
    first = cached_kb(data_dir, (), build)
    second = cached_kb(data_dir, (), build)
    assert build.count == 1
    assert second is not first
    assert _summary(second) == _summary(first)
    assert [p.name.startswith("kb-") for p in folder.iterdir()] == [True]


def test_a_cached_kb_still_accepts_new_aliases(data_dir: Path, folder: Path) -> None:
    build = Builds(data_dir)
    cached_kb(data_dir, (), build)
    kb = cached_kb(data_dir, (), build)
    kb.name_index.add("Qazaqstan", "name|KAZ")
    assert kb.name_index.keys_for("Qazaqstan") == ("name|KAZ",)
    assert kb.name_index.keys_for("Kazakhstan") == ("name|KAZ",)


def test_a_changed_data_file_builds_afresh(data_dir: Path, folder: Path) -> None:
    build = Builds(data_dir)
    before = kb_digest(data_dir, ())
    cached_kb(data_dir, (), build)
    with (data_dir / "persons.csv").open("a", encoding="utf-8") as handle:
        handle.write("person:jane-doe,Jane Doe,Doe,,KAZ,,test\n")
    assert kb_digest(data_dir, ()) != before
    kb = cached_kb(data_dir, (), build)
    assert (build.count, kb.entity("person:jane-doe").name) == (2, "Jane Doe")


def test_a_user_file_is_part_of_the_key(data_dir: Path, folder: Path, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "persons:\n  - {id: person:jane-doe, name: Jane Doe, source: s}\n", encoding="utf-8"
    )
    assert kb_digest(data_dir, (mine,)) != kb_digest(data_dir, ())
    before = kb_digest(data_dir, (mine,))
    mine.write_text(
        "persons:\n  - {id: person:jane-roe, name: Jane Roe, source: s}\n", encoding="utf-8"
    )
    assert kb_digest(data_dir, (mine,)) != before
    assert kb_digest(data_dir, (tmp_path / "missing.yaml",)) != kb_digest(data_dir, ())


def test_an_unreadable_cache_file_is_ignored_and_rebuilt(
    data_dir: Path, folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    build = Builds(data_dir)
    cached_kb(data_dir, (), build)
    [path] = folder.iterdir()
    path.write_bytes(b"not a pickle")
    with caplog.at_level(logging.WARNING, logger="tengri.kb.cache"):
        kb = cached_kb(data_dir, (), build)
    assert build.count == 2
    assert kb.entity("KAZ").name == "Kazakhstan"
    assert "ignoring the KB cache" in caplog.text
    assert cached_kb(data_dir, (), build) is not None and build.count == 2  # rewritten


def test_a_cache_folder_that_cannot_be_written_only_costs_a_rebuild(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TENGRI_CACHE_DIR", str(blocker / "cache"))
    build = Builds(data_dir)
    assert cached_kb(data_dir, (), build).entity("RUS").name == "Russia"
    assert cached_kb(data_dir, (), build).entity("RUS").name == "Russia"
    assert build.count == 2


def test_the_cache_can_be_turned_off(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TENGRI_CACHE_DIR", "off")
    assert cache_dir() is None
    build = Builds(data_dir)
    cached_kb(data_dir, (), build)
    cached_kb(data_dir, (), build)
    assert build.count == 2


def test_the_default_cache_folder_is_the_users_cache_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TENGRI_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "tengri"


def test_only_the_newest_few_cache_files_are_kept(
    data_dir: Path, folder: Path, tmp_path: Path
) -> None:
    for number in range(6):
        mine = tmp_path / f"mine{number}.yaml"
        mine.write_text(
            f"persons:\n  - {{id: person:p{number}, name: P{number}, source: s}}\n",
            encoding="utf-8",
        )
        cached_kb(data_dir, (mine,), Builds(data_dir, (mine,)))
    assert len(list(folder.glob("kb-*.pickle"))) == 4
    assert list(folder.glob(".kb-*")) == []  # no temporary files left behind
