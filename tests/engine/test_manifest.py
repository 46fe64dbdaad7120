"""The run's manifest: atomic files, one commit per partition, digests checked on resume."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tengri.engine.intermediate import file_digest, file_name, write_lines
from tengri.engine.manifest import Manifest, write_atomic
from tengri.engine.records import EngineError, PartitionResult

CONFIG = {"tengri": "test", "partition_size": 2}


def _attempt(manifest: Manifest, index: int, digest: str, text: str) -> PartitionResult:
    folder = manifest.staging / f"p{index:05d}-{os.urandom(3).hex()}"
    folder.mkdir()
    files = {"documents": write_lines(folder / file_name("documents"), [{"text": text}])}
    return PartitionResult(index, digest, str(folder), files, {"documents": 1}, 0.1, "here:1")


@pytest.fixture
def manifest(tmp_path: Path) -> Manifest:
    found = Manifest(tmp_path / "out")
    found.begin(CONFIG)
    return found


def test_write_atomic_replaces_the_whole_file_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "run.json"
    write_atomic(path, "old")
    write_atomic(path, "new")
    assert path.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["run.json"]


def test_a_committed_partition_is_written_while_its_files_keep_their_digests(manifest):
    result = _attempt(manifest, 0, "d0", "first")
    assert manifest.commit(result)
    assert manifest.written(0, "d0")
    assert not manifest.written(0, "other digest")
    assert not manifest.written(1, "d0")
    stored = manifest.folder(0) / file_name("documents")
    assert file_digest(stored) == result.files["documents"]
    write_lines(stored, [{"text": "changed"}])
    assert not manifest.written(0, "d0")


def test_a_second_attempt_at_a_committed_partition_is_discarded(manifest):
    assert manifest.commit(_attempt(manifest, 0, "d0", "first"))
    late = _attempt(manifest, 0, "d0", "second")
    assert not manifest.commit(late)
    assert not Path(late.folder).exists()
    rows = (manifest.folder(0) / file_name("documents")).read_bytes()
    assert rows == (manifest.folder(0) / file_name("documents")).read_bytes()
    marker = json.loads((manifest.done / "p00000.json").read_text())
    assert marker["files"] == manifest.marker(0).files


def test_a_partition_is_loaded_into_a_store_once_marked_for_it(manifest):
    manifest.commit(_attempt(manifest, 0, "d0", "first"))
    assert not manifest.written(0, "d0", store_key="sqlite:///a.db")
    manifest.mark_stored(0, "sqlite:///a.db")
    assert manifest.written(0, "d0", store_key="sqlite:///a.db")
    assert not manifest.written(0, "d0", store_key="sqlite:///b.db")


def test_partitions_written_under_other_settings_are_discarded(tmp_path, manifest):
    manifest.commit(_attempt(manifest, 0, "d0", "first"))
    again = Manifest(tmp_path / "out")
    again.begin(CONFIG)
    assert again.written(0, "d0")
    again.begin({**CONFIG, "partition_size": 3})
    assert not again.written(0, "d0")
    assert list(again.parts.iterdir()) == []


def test_partitions_past_the_end_of_a_shorter_corpus_are_dropped(manifest):
    for index in range(3):
        manifest.commit(_attempt(manifest, index, f"d{index}", "text"))
    manifest.drop_after(2)
    assert [p.name for p in sorted(manifest.done.iterdir())] == ["p00000.json", "p00001.json"]
    assert not manifest.folder(2).exists()


def test_a_second_client_cannot_write_into_the_same_folder(tmp_path, manifest):
    manifest.lock()
    other = Manifest(tmp_path / "out")
    with pytest.raises(EngineError, match="another tengri run is writing there"):
        other.lock()
    manifest.unlock()
    other.lock()
    other.unlock()
