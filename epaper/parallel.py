"""Spread work over the machine's cores with forked processes that inherit the whole build state.

Forking (rather than a pool that pickles its arguments) lets a worker read the loaded model, the Jinja
environment and the cache as they are in the parent; only results travel back, in small batches.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import time
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from typing import TypeVar, cast

Item = TypeVar("Item")
Result = TypeVar("Result")
BATCH = 64
PROGRESS_SECONDS = 2.0  # a long step says how far it got this often

log = logging.getLogger("epaper")


class WorkerFailed(RuntimeError):
    """A worker process raised: the message carries its traceback."""


def worker_count(requested: int | None) -> int:
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(requested or available, available))


def map_forked(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int,
    minimum: int = 200,
    finish: Callable[[], None] = lambda: None,
    progress: str = "",
) -> list[Result]:
    """``[function(item) for item in items]``, in order, computed by up to ``workers`` forked processes.

    Each process calls ``finish`` after its last item (to flush what it buffered). Below ``minimum`` items,
    or with one worker, the work is done here: forking would cost more than it saves. When the work takes
    long, ``progress`` names the items in a line logged every few seconds (``pages: 5120 of 26000``).
    """
    if workers <= 1 or len(items) < minimum or not can_fork():
        done = [function(item) for item in items]
        finish()
        return done
    context = multiprocessing.get_context("fork")
    results: list[Result | None] = [None] * len(items)
    processes = []
    connections: list[Connection] = []
    gc.freeze()  # the workers' collector then leaves the inherited objects alone: their pages stay shared
    try:
        for share in range(workers):
            receiver, sender = context.Pipe(duplex=False)
            receiving_ends = [*connections, receiver]  # the parent's: the worker closes its copies
            process = context.Process(
                target=_work, args=(function, finish, items, share, workers, sender, receiving_ends), daemon=True
            )
            process.start()
            sender.close()
            processes.append(process)
            connections.append(receiver)
        failure = _collect(connections, results, progress)
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
    return cast(list[Result], results)  # every index was filled by exactly one worker


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


def _collect(connections: list[Connection], results: list[Result | None], progress: str) -> str | None:
    """Store each worker's results as they arrive; the first failure's traceback, if any."""
    failure = None
    open_connections = list(connections)
    received, reported = 0, time.monotonic()
    while open_connections:
        for connection in wait(open_connections):
            assert isinstance(connection, Connection)
            try:
                message = connection.recv()
            except EOFError:
                open_connections.remove(connection)
                continue
            if isinstance(message, str):
                failure = failure or message
                continue
            for index, result in message:
                results[index] = result
            received += len(message)
            if progress and time.monotonic() - reported >= PROGRESS_SECONDS:
                log.info("  %s: %d of %d", progress, received, len(results))
                reported = time.monotonic()
    return failure


def _work(
    function: Callable[[Item], Result],
    finish: Callable[[], None],
    items: Sequence[Item],
    share: int,
    workers: int,
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
        for index in range(share, len(items), workers):
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
