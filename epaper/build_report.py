"""What a build reports: counts, the outputs made, warnings, and the time of each named step."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .errors import Problem
from .memory import peak_resident_bytes, resident_bytes

log = logging.getLogger("epaper")


@dataclass
class BuildReport:
    articles: int = 0
    pages: int = 0
    files: int = 0
    written: int = 0
    made: list[str] = field(default_factory=list)  # the outputs made again (written only if their bytes changed)
    bytes: int = 0
    searched: bool = False
    warnings: list[Problem] = field(default_factory=list)
    timings: list[tuple[str, float]] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return sum(seconds for _, seconds in self.timings)


class StepTimer:
    """``with step("name"):`` times a named step into the report; logs it with this process's memory, now and peak."""

    def __init__(self, report: BuildReport) -> None:
        self.report = report

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        yield
        self.report.timings.append((name, time.perf_counter() - started))
        resident = resident_bytes()
        memory = f"{resident / 2**20:6.0f} MB, " if resident is not None else ""
        log.info("%-16s %6.2fs %speak %.0f MB", name, self.report.timings[-1][1], memory, peak_resident_bytes() / 2**20)
