"""Spread work over the machine's cores with forked processes that inherit the whole build state.

Forking (rather than a pool that pickles its arguments) lets a worker read the loaded model, the Jinja
environment and the cache as they are in the parent; only results travel back, in small batches.
"""

from __future__ import annotations

import bisect
import gc
import itertools
import logging
import multiprocessing
import os
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar, overload

from .memory import resident_bytes

Item = TypeVar("Item")
Result = TypeVar("Result")
Sent = TypeVar("Sent")
BATCH = 64
PROGRESS_SECONDS = 2.0  # a long step says how far it got this often
# What a build's processes may hold together (issue 14: 1.5 GB for a 120,000-article archive). A forked
# worker may come to copy all of this process's memory (see map_forked), so only as many are forked as
# copies of it fit: at 20,000 articles the model is about 250 MB, at 120,000 about 1 GB, built by this
# process alone.
MEMORY_BUDGET = 1_300 * 2**20
# Fewer items than this, or with their costs work of less cost (the build's outputs: in article pages, see
# costs.py), are made in this process alone: forking costs more than it saves. Forking one worker for trivial
# items costs about 30 ms in a process of 480 MB (session 16). A new 48-article issue at 5,000 articles (about
# 160 outputs, worth about 275 article pages) made its pages in 0.28 s forked (dealt out by count) against
# 0.29 s in one process on a quiet machine, 0.44 against 0.35 s at load 2-3 (session 16), and dealt out by cost
# in 0.79 against 0.58 s at load 5 (session 17, medians of 7): so a new issue is made in one process.
FORK_FROM = 400

log = logging.getLogger("epaper")


class WorkerFailed(RuntimeError):
    """A worker process raised: the message carries its traceback."""


def worker_count(requested: int | None) -> int:
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(requested or available, available))


@overload
def map_forked(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    minimum: int = ...,
    finish: Callable[[], None] = ...,
    progress: str = ...,
    *,
    costs: Sequence[float] | None = ...,
) -> list[Result]: ...


@overload
def map_forked(
    function: Callable[[Item], Sent],
    items: Sequence[Item],
    workers: int,
    minimum: int = ...,
    finish: Callable[[], None] = ...,
    progress: str = ...,
    *,
    keep: Callable[[Sent], Result],
    costs: Sequence[float] | None = ...,
) -> list[Result]: ...


def map_forked(
    function: Callable[[Item], Any],
    items: Sequence[Item],
    workers: int,
    minimum: int = FORK_FROM,
    finish: Callable[[], None] = lambda: None,
    progress: str = "",
    *,
    keep: Callable[[Any], Any] | None = None,
    costs: Sequence[float] | None = None,
) -> list[Any]:
    """``[keep(function(item)) for item in items]``, in order, computed by this process and up to ``workers - 1``
    forked ones, as many as ``MEMORY_BUDGET`` holds (see ``affordable_workers``).

    ``keep`` (by default none) runs in this process on each result as it arrives, so that what a worker sends
    (made to travel fast) is held only until it is turned into what the caller keeps.

    Each process takes one run of consecutive items (this one the last) and calls ``finish`` after its last
    item (to flush what it buffered). A forked worker copies each memory page of the model it touches (the
    reference counts are written to), so the work is cut into runs rather than dealt out item by item: a
    worker touches mostly the objects of its own run, and this process, which owns its memory, is one of
    them. The runs hold equal numbers of items, or with ``costs`` (an estimate of each item's cost, in any
    unit) equal shares of their cost, so that the processes finish together. Below ``minimum`` items (with
    ``costs``, below that much cost), or with one worker, the work is all done here: forking would cost more
    than it saves. When the work takes long, ``progress`` names the items in a line logged every few seconds
    (``pages: 5120 of 26000``). A failure anywhere raises :class:`WorkerFailed` with its traceback.
    """
    workers = min(workers, affordable_workers(MEMORY_BUDGET))
    kept: Callable[[Any], Any] = keep or _itself
    weights = [1.0] * len(items) if costs is None else costs
    if workers <= 1 or sum(weights) < minimum or not can_fork():
        done = [kept(function(item)) for item in items]
        finish()
        return done
    context = multiprocessing.get_context("fork")
    results: list[Any] = [None] * len(items)
    runs = _equal_runs(weights, workers)
    processes = []
    connections: list[Connection] = []
    gc.freeze()  # the workers' collector then leaves the inherited objects alone: their pages stay shared
    try:
        for run in runs[:-1]:
            receiver, sender = context.Pipe(duplex=False)
            receiving_ends = [*connections, receiver]  # the parent's: the worker closes its copies
            process = context.Process(
                target=_work, args=(function, finish, items, run, sender, receiving_ends), daemon=True
            )
            process.start()
            sender.close()
            processes.append(process)
            connections.append(receiver)
        collector = _Collector(connections, results, kept, progress)
        try:
            for index in runs[-1]:
                results[index] = kept(function(items[index]))
                collector.own_result()
            finish()
        except Exception:
            raise WorkerFailed(traceback.format_exc()) from None
        failure = collector.collect_all()
    except BaseException:
        for process in processes:
            process.terminate()  # interrupted: the workers stop writing before the caller cleans up
        raise
    finally:
        gc.unfreeze()
        for process in processes:
            process.join()
    if failure is not None:
        raise WorkerFailed(failure)
    if any(process.exitcode != 0 for process in processes):
        raise WorkerFailed("a worker process died (out of memory?)")
    return results  # every index was filled by exactly one process


def _itself(result: Result) -> Result:
    return result


def _equal_runs(costs: Sequence[float], count: int) -> list[range]:
    """``count`` runs of consecutive items, one after the other, each as near to an equal share of the cost as the
    items allow: each cut falls where the cost before it is nearest to its share (the earlier place on a tie)."""
    before = list(itertools.accumulate(costs, initial=0.0))  # before[i]: the cost of the items before item i
    cuts = [0]
    for share in range(1, count):
        target = before[-1] * share / count
        place = max(bisect.bisect_right(before, target) - 1, cuts[-1])  # the last cut at or below the share
        if place + 1 < len(before) and before[place + 1] - target < target - before[place]:
            place += 1
        cuts.append(place)
    cuts.append(len(costs))
    return [range(start, end) for start, end in itertools.pairwise(cuts)]


@contextmanager
def collecting_new_objects() -> Iterator[None]:
    """The cyclic collector on, over only the objects made from now on, for work that leaves short-lived cycles.

    A build pauses the collector (pipeline.py), but making the pages does leave cycles: ebooklib's books
    (each item refers to its book, the writer's closures to the writer) would otherwise keep every issue's
    chapters until the build ends, about 5 KB a page at 2,000 articles. Freezing first keeps the collector's
    passes off the model, and keeps a forked worker's copy of its memory pages shared.
    """
    paused = not gc.isenabled()
    gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        gc.collect()  # the last cycles made too, over the new objects only
        if paused:
            gc.disable()
        gc.unfreeze()


def affordable_workers(budget: int) -> int:
    """This process and as many forked copies of its resident memory as fit in ``budget`` (bytes)."""
    resident = resident_bytes()
    if resident is None:
        return os.cpu_count() or 1  # not Linux: nothing to go by
    return max(1, budget // max(resident, 1))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def start_forked(function: Callable[[], bytes]) -> Callable[[], bytes | None]:
    """Start ``function`` in a forked process, on another core, while this one goes on; return how to wait for it.

    Waiting gives the bytes ``function`` returned, or None if it failed (the caller then does the work itself).
    """
    if not can_fork():
        return lambda: None
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # the child only computes and writes: no cleanup, no flushing of the parent's buffers
        try:
            os.close(reader)
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(function())
            os._exit(0)
        finally:
            os._exit(1)
    os.close(writer)

    def wait() -> bytes | None:
        with os.fdopen(reader, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(child, 0)
        return data if os.waitstatus_to_exitcode(status) == 0 else None

    return wait


def run_detached(function: Callable[[], object]) -> None:
    """Run ``function`` in a grandchild process that outlives this one and holds none of its files or pipes.

    This process waits only for the child, which forks the grandchild and ends at once; the grandchild,
    adopted by init, closes every inherited descriptor (a caller reading this process's output to its end
    must not wait for it) and runs at low priority. Only where ``can_fork()``.
    """
    child = os.fork()
    if child == 0:
        try:
            if os.fork() == 0:
                os.setsid()
                os.closerange(0, os.sysconf("SC_OPEN_MAX"))
                os.open(os.devnull, os.O_RDWR)  # descriptors 0, 1 and 2, should anything write to them
                os.dup(0)
                os.dup(0)
                os.nice(10)
                function()
            os._exit(0)
        finally:
            os._exit(1)
    os.waitpid(child, 0)


class _Collector:
    """Stores the workers' results as they arrive, while this process makes its own share."""

    POLL_EVERY = 16  # own results between looks at the workers' pipes (a worker waits when its pipe is full)

    def __init__(
        self, connections: list[Connection], results: list[Any], keep: Callable[[Any], Any], progress: str
    ) -> None:
        self.open = list(connections)
        self.results = results
        self.keep = keep
        self.progress = progress
        self.failure: str | None = None
        self.received = 0
        self.reported = time.monotonic()

    def own_result(self) -> None:
        self.received += 1
        if self.received % self.POLL_EVERY == 0:
            self._receive(timeout=0)

    def collect_all(self) -> str | None:
        """Wait for every worker's results; the first failure's traceback, if any."""
        while self.open:
            self._receive(timeout=None)
        return self.failure

    def _receive(self, timeout: float | None) -> None:
        for connection in wait(self.open, timeout):
            assert isinstance(connection, Connection)
            try:
                message = connection.recv()
            except EOFError:
                self.open.remove(connection)
                continue
            if isinstance(message, str):
                self.failure = self.failure or message
                continue
            for index, result in message:
                self.results[index] = self.keep(result)
            self.received += len(message)
        if self.progress and time.monotonic() - self.reported >= PROGRESS_SECONDS:
            log.info("  %s: %d of %d", self.progress, self.received, len(self.results))
            self.reported = time.monotonic()


def _work(
    function: Callable[[Item], Result],
    finish: Callable[[], None],
    items: Sequence[Item],
    run: range,
    connection: Connection,
    receiving_ends: list[Connection],
) -> None:
    # A worker must hold no receiving end, its own included: if the parent dies, a worker whose pipe still
    # had a reader would block on a full pipe for ever instead of failing to send and ending.
    for receiving_end in receiving_ends:
        receiving_end.close()
    gc.enable()  # the parent pauses its collector while it builds (see pipeline.py); a worker collects
    try:
        batch: list[tuple[int, Result]] = []
        for index in run:
            batch.append((index, function(items[index])))
            if len(batch) >= BATCH:
                connection.send(batch)
                batch = []
        finish()
        connection.send(batch)
    except BaseException:
        connection.send(traceback.format_exc())
    finally:
        connection.close()
