"""The run's manifest under `OUT/_engine/`: what the run is (run.json), and one marker per
written partition (done/p00007.json) with the partition's digest and the SHA-256 of each of
its files. Every manifest file is written atomically (a temporary file, fsync, rename), so a
client killed at any moment leaves either the old marker or the new one, never half of one.

A partition counts as written when its marker exists, names the digest of the partition the
run is reading now, and every file it lists has that SHA-256; a resumed run skips it. Workers
write into `staging/`; only the client moves a folder into `parts/` and writes its marker, so
a partition is committed once even when two attempts at it both finish.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import secrets
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tengri.engine.intermediate import file_digest, file_name
from tengri.engine.records import EngineError, PartitionResult, partition_name

log = logging.getLogger(__name__)

ENGINE_DIR = "_engine"
RUN_FILE = "run.json"
FORMAT = "tengri-engine-run/1"


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` so that readers see the old content or the new, whole."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    try:  # the rename itself survives a power cut only once the folder is synced
        folder = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(folder)
    except OSError:
        pass
    finally:
        os.close(folder)


@dataclass(slots=True)
class Marker:
    index: int
    digest: str
    files: dict[str, str]
    counts: dict[str, int]
    worker: str
    seconds: float
    stored_in: list[str] = field(default_factory=list)


class Manifest:
    """The manifest of the run writing into `out`."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.root = out / ENGINE_DIR
        self.parts = self.root / "parts"
        self.done = self.root / "done"
        self.staging = self.root / "staging"
        self._lock: int | None = None

    def lock(self) -> None:
        """Hold the output folder for this client: a second run into it fails at once (the
        lock goes with the process, so a killed client leaves none behind)."""
        self.root.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.root / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(handle)
            raise EngineError(f"--out {self.out}: another tengri run is writing there; wait "
                              "for it or give another folder") from None
        self._lock = handle

    def unlock(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def begin(self, config: dict[str, Any]) -> dict[str, Any]:
        """Open the manifest for a run with `config` (what makes coded output valid: tengri's
        and the rules' versions, the KB's digest, the partition size). Partitions written
        under another config are discarded. Returns run.json as it now stands."""
        for folder in (self.parts, self.done, self.staging):
            folder.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self.staging, ignore_errors=True)  # attempts of a client that died
        self.staging.mkdir()
        run_file = self.root / RUN_FILE
        previous: dict[str, Any] = {}
        if run_file.exists():
            try:
                previous = json.loads(run_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                previous = {}
        if previous.get("config") != config:
            if previous:
                log.warning("the output of %s was coded with other settings; coding it again",
                            self.out)
            for folder in (self.parts, self.done):
                shutil.rmtree(folder)
                folder.mkdir()
            previous = {}
        run = {"format": FORMAT, "config": config, "runs": previous.get("runs", 0) + 1,
               "started": previous.get("started")}
        write_atomic(run_file, json.dumps(run, indent=2, sort_keys=True) + "\n")
        return run

    def set_started(self, started: str) -> None:
        run_file = self.root / RUN_FILE
        run = json.loads(run_file.read_text(encoding="utf-8"))
        run["started"] = started
        write_atomic(run_file, json.dumps(run, indent=2, sort_keys=True) + "\n")

    def _marker_path(self, index: int) -> Path:
        return self.done / f"{partition_name(index)}.json"

    def folder(self, index: int) -> Path:
        return self.parts / partition_name(index)

    def marker(self, index: int) -> Marker | None:
        path = self._marker_path(index)
        try:
            return Marker(**json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError) as exc:
            log.warning("ignoring the unreadable marker %s (%s)", path, exc)
            return None

    def written(self, index: int, digest: str, store_key: str | None = None) -> bool:
        """Is the partition with this digest written, its files intact (and, with
        `store_key`, loaded into that store)?"""
        marker = self.marker(index)
        if marker is None or marker.digest != digest:
            return False
        if store_key is not None and store_key not in marker.stored_in:
            return False
        folder = self.folder(index)
        for name, expected in marker.files.items():
            path = folder / file_name(name)
            if not path.is_file() or file_digest(path) != expected:
                log.warning("partition %s: %s is missing or changed; coding it again",
                            partition_name(index), path)
                return False
        return True

    def commit(self, result: PartitionResult) -> bool:
        """Move a finished attempt into place and write its marker; False (and the attempt
        discarded) when the partition was already committed by another attempt."""
        attempt = Path(result.folder)
        if not attempt.is_dir():
            raise EngineError(f"partition {partition_name(result.index)}: the worker wrote "
                              f"{attempt}, which this client cannot see; with a remote "
                              "cluster, --out must be on storage shared by the client and "
                              "every worker")
        if self.written(result.index, result.digest):
            shutil.rmtree(attempt, ignore_errors=True)
            return False
        self._marker_path(result.index).unlink(missing_ok=True)
        target = self.folder(result.index)
        if target.exists():
            shutil.rmtree(target)
        os.replace(attempt, target)
        marker = Marker(result.index, result.digest, dict(result.files), dict(result.counts),
                        result.worker, round(result.seconds, 3))
        self._write_marker(marker)
        return True

    def mark_stored(self, index: int, store_key: str) -> None:
        marker = self.marker(index)
        if marker is not None and store_key not in marker.stored_in:
            marker.stored_in.append(store_key)
            self._write_marker(marker)

    def _write_marker(self, marker: Marker) -> None:
        write_atomic(self._marker_path(marker.index),
                     json.dumps(asdict(marker), indent=1, sort_keys=True) + "\n")

    def drop_after(self, count: int) -> None:
        """Forget partitions from `count` on: a previous run read a longer corpus."""
        for marker in sorted(self.done.glob("p*.json")):
            try:
                index = int(marker.stem[1:])
            except ValueError:
                continue
            if index >= count:
                marker.unlink(missing_ok=True)
                shutil.rmtree(self.folder(index), ignore_errors=True)
