"""Work spread over forked processes comes back complete and in order, and a worker's failure is not lost."""

from __future__ import annotations

import gc
import os
import weakref

import pytest

from epaper import parallel
from epaper.parallel import WorkerFailed, affordable_workers, collecting_new_objects, map_forked, start_forked


@pytest.fixture(autouse=True)
def memory_for_every_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about forked work, not about the memory budget: a test process grown large by the rest
    of the suite must not make ``map_forked`` keep all the work to itself."""
    monkeypatch.setattr(parallel, "MEMORY_BUDGET", 2**50)


def test_results_come_back_in_order_from_every_worker() -> None:
    items = list(range(1000))
    offset = 7  # read from the parent's memory, which the forked workers share
    assert map_forked(lambda item: (item + offset, item * item), items, workers=2, minimum=1) == [
        (item + offset, item * item) for item in items
    ]


@pytest.mark.parametrize("bad", [10, 500])  # in the forked worker's run, in this process's
def test_a_failing_worker_is_reported_with_its_traceback(bad: int) -> None:
    def fail_on_bad(item: int) -> int:
        if item == bad:
            raise ValueError(f"bad item {bad}")
        return item

    with pytest.raises(WorkerFailed, match=f"bad item {bad}"):
        map_forked(fail_on_bad, list(range(1000)), workers=2, minimum=1)


def test_each_process_makes_one_run_of_items_this_one_the_last() -> None:
    made_in = map_forked(lambda _: os.getpid(), list(range(1000)), workers=2, minimum=1)
    assert made_in[500:] == [os.getpid()] * 500
    assert len(set(made_in[:500])) == 1 and made_in[0] != os.getpid()


def test_with_costs_each_process_makes_an_equal_share_of_the_cost() -> None:
    costs = [9.0] * 100 + [1.0] * 900  # the first tenth of the items are dear: half the work
    made_in = map_forked(lambda _: os.getpid(), list(range(1000)), workers=2, minimum=1, costs=costs)
    assert made_in[100:] == [os.getpid()] * 900
    assert len(set(made_in[:100])) == 1 and made_in[0] != os.getpid()


def test_one_dear_item_is_a_run_of_its_own() -> None:
    made_in = map_forked(lambda _: os.getpid(), list(range(10)), workers=2, minimum=1, costs=[100.0] + [1.0] * 9)
    assert made_in[0] != os.getpid() and made_in[1:] == [os.getpid()] * 9


def test_work_of_less_cost_than_the_minimum_runs_in_this_process() -> None:
    made_in = map_forked(lambda _: os.getpid(), list(range(1000)), workers=2, minimum=200, costs=[0.1] * 1000)
    assert set(made_in) == {os.getpid()}


def test_each_result_is_kept_in_this_process_as_it_arrives() -> None:
    kept_in: list[tuple[int, int]] = []

    def keep(made_in: int) -> int:
        kept_in.append((made_in, os.getpid()))
        return len(kept_in)

    numbers = map_forked(lambda _: os.getpid(), list(range(1000)), workers=2, minimum=1, keep=keep)
    assert sorted(numbers) == list(range(1, 1001))  # each result kept once
    assert {kept_by for _, kept_by in kept_in} == {os.getpid()}
    assert {made_in for made_in, _ in kept_in} != {os.getpid()}  # and some were made by the worker


def test_no_worker_is_forked_when_a_copy_of_this_process_would_not_fit(monkeypatch: pytest.MonkeyPatch) -> None:
    assert affordable_workers(budget=1) == 1
    assert affordable_workers(budget=2**50) >= 2
    monkeypatch.setattr(parallel, "MEMORY_BUDGET", 1)
    made_in = map_forked(lambda _: os.getpid(), list(range(1000)), workers=2, minimum=1)
    assert set(made_in) == {os.getpid()}


def test_small_jobs_run_in_this_process() -> None:
    seen = []
    map_forked(seen.append, [1, 2, 3], workers=2)
    assert seen == [1, 2, 3]


def test_work_started_in_a_forked_process_gives_its_bytes() -> None:
    made_in = start_forked(lambda: str(os.getpid()).encode())()
    assert made_in is not None and int(made_in) != os.getpid()


def test_work_that_fails_in_a_forked_process_gives_none() -> None:
    def failing() -> bytes:
        raise ValueError("no")

    assert start_forked(failing)() is None


class _Cycle:
    def __init__(self) -> None:
        self.itself = self


def test_cycles_made_while_collecting_are_freed_and_the_pause_comes_back() -> None:
    gc.disable()
    try:
        with collecting_new_objects():
            made = weakref.ref(_Cycle())
        assert made() is None
        assert not gc.isenabled()
    finally:
        gc.enable()
