"""The Dask engine: partitions coded as tasks on a `dask.distributed` cluster (a LocalCluster
of worker processes when no scheduler address is given).

A task is one partition of documents (hundreds of them, seconds of work), so Dask's overhead of
about 1.5 ms per task is lost in the noise. Workers import `tengri.engine.coding` and load the
knowledge base once per process; `warm_up` loads it on every worker before the first task. When
a worker dies, the scheduler runs its tasks again elsewhere; a task that still fails (Dask gives
up on a task that killed several workers) is submitted again here, up to `attempts` times.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import Any

from tengri.engine.coding import code_partition, warm_up
from tengri.engine.local import ATTEMPTS
from tengri.engine.records import EngineError, PartitionResult, PartitionTask

log = logging.getLogger(__name__)


def _key(task: PartitionTask) -> str:
    partition = task.partition
    return f"tengri-{partition.name}-{partition.digest[:10]}-a{task.attempt}"


class DaskEngine:
    """Code partitions on the cluster at `scheduler`, or on a LocalCluster of `workers`
    processes (default: every core)."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None,
                 kb_paths: tuple[str, ...] = (), attempts: int = ATTEMPTS) -> None:
        self.scheduler = scheduler
        self.workers = workers or (None if scheduler else os.cpu_count() or 1)
        self.kb_paths = kb_paths
        self.attempts = attempts
        self.retried = 0
        self.client: Any = None
        self.cluster: Any = None

    def __enter__(self) -> DaskEngine:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise EngineError("--engine dask needs dask.distributed: pip install "
                              "'dask[distributed]'") from exc
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, timeout="30s")
            else:
                # the scheduler serves HTTP whatever one asks; ":0" takes a free port
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                            processes=True, dashboard_address=":0",
                                            silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except OSError as exc:
            self.__exit__()
            raise EngineError(f"cannot reach the Dask scheduler {self.scheduler} ({exc}); "
                              "give its address as tcp://HOST:8786") from exc
        found = len(self.client.scheduler_info().get("workers", {}))
        if self.scheduler and self.workers:  # wait until the cluster has as many as asked
            self.client.wait_for_workers(self.workers, timeout=120)
            found = len(self.client.scheduler_info().get("workers", {}))
        if found == 0:
            self.__exit__()
            raise EngineError(f"the Dask cluster at {self.scheduler} has no workers; start "
                              "some with `dask worker ADDRESS`")
        self.workers = found
        self.client.run(warm_up, self.kb_paths)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    def worker_pids(self) -> dict[str, int]:
        """Each worker's process id, by address (the fault tests kill one)."""
        return dict(self.client.run(os.getpid))

    def _again(self, task: PartitionTask, why: str) -> PartitionTask:
        if task.attempt >= self.attempts:
            raise EngineError(f"partition {task.partition.name} failed {task.attempt} "
                              f"time(s) on the cluster: {why}; run the same command again "
                              "to resume")
        self.retried += 1
        log.warning("partition %s: %s; submitting it again", task.partition.name, why)
        return replace(task, attempt=task.attempt + 1)

    def code(self, tasks: Iterable[PartitionTask]) -> Iterator[PartitionResult]:
        """Results as partitions finish, at most two per worker in flight."""
        from distributed import as_completed

        iterator = iter(tasks)
        finished = as_completed()
        pending: dict[str, PartitionTask] = {}

        def submit(task: PartitionTask) -> None:
            future = self.client.submit(code_partition, task, key=_key(task), pure=False)
            pending[future.key] = task
            finished.add(future)

        for task in islice(iterator, 2 * (self.workers or 1)):
            submit(task)
        for future in finished:
            task = pending.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # KilledWorker, or the task's own error
                submit(self._again(task, f"{type(exc).__name__}: {exc}"))
                continue
            finally:
                future.release()
            yield result
            for task in islice(iterator, max(0, 2 * (self.workers or 1) - len(pending))):
                submit(task)
