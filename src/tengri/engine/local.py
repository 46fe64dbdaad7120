"""The local engine: partitions coded in worker processes on this machine (in this process
when there is one worker). A worker that dies takes the pool with it; the pool is started
again and every partition that was in flight is tried again, up to `attempts` times."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace

from tengri.engine.coding import code_partition, warm_up
from tengri.engine.records import EngineError, PartitionResult, PartitionTask
from tengri.lifeline import exit_with_parent

log = logging.getLogger(__name__)

ATTEMPTS = 3


def _failed(task: PartitionTask, why: str) -> EngineError:
    return EngineError(f"partition {task.partition.name} (documents from "
                       f"{task.partition.first}) failed {task.attempt} time(s): {why}; "
                       "run the same command again to resume")


class LocalEngine:
    """Code partitions with `workers` processes (default: every core)."""

    name = "local"

    def __init__(self, workers: int | None = None, kb_paths: tuple[str, ...] = (),
                 attempts: int = ATTEMPTS) -> None:
        self.workers = workers or os.cpu_count() or 1
        if self.workers < 1:
            raise EngineError(f"--workers {self.workers}: give 1 or more")
        self.kb_paths = kb_paths
        self.attempts = attempts
        self.retried = 0
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        if self.workers > 1:
            self._pool = self._new_pool()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, initializer=_start_worker,
                                   initargs=(self.kb_paths,))

    def _again(self, task: PartitionTask, why: str) -> PartitionTask:
        if task.attempt >= self.attempts:
            raise _failed(task, why)
        self.retried += 1
        log.warning("partition %s: %s; trying again", task.partition.name, why)
        return replace(task, attempt=task.attempt + 1)

    def code(self, tasks: Iterable[PartitionTask]) -> Iterator[PartitionResult]:
        """Results as partitions finish (not in input order), at most two per worker in
        flight, so reading the corpus keeps pace with coding it."""
        if self._pool is None:
            yield from self._in_process(tasks)
            return
        iterator = iter(tasks)
        pending: dict[Future[PartitionResult], PartitionTask] = {}
        again: list[PartitionTask] = []
        while True:
            broken = False
            while len(pending) < 2 * self.workers:
                task = again.pop(0) if again else next(iterator, None)
                if task is None:
                    break
                try:
                    pending[self._pool.submit(code_partition, task)] = task
                except BrokenProcessPool:  # a worker died since the last results came in
                    again.insert(0, task)
                    broken = True
                    break
            if not pending and not broken:
                return
            if pending and not broken:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    task = pending.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        broken = True
                        again.append(self._again(task, "its worker process died"))
                    except Exception as exc:  # a partition's failure: try again, then give up
                        again.append(self._again(task, f"{type(exc).__name__}: {exc}"))
                    else:
                        yield result
            if broken:
                again += [self._again(t, "a worker process died") for t in pending.values()]
                pending.clear()
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()

    def _in_process(self, tasks: Iterable[PartitionTask]) -> Iterator[PartitionResult]:
        warm_up(self.kb_paths)
        for task in tasks:
            while True:
                try:
                    result = code_partition(task)
                except Exception as exc:
                    task = self._again(task, f"{type(exc).__name__}: {exc}")
                    continue
                yield result
                break


def _start_worker(kb_paths: tuple[str, ...]) -> None:
    """A pool worker's start: it ends with its parent, and loads the knowledge base now."""
    exit_with_parent()
    warm_up(kb_paths)
