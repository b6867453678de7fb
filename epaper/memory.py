"""The memory this process holds: for the build's step report and for how many workers to fork."""

from __future__ import annotations

import os
import resource
from pathlib import Path


def resident_bytes() -> int | None:
    """This process's resident memory now, or None where there is no /proc (not Linux)."""
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def peak_resident_bytes() -> int:
    """The most resident memory this process has held so far (Linux counts ru_maxrss in KiB, and updates it
    lazily: it may lag behind what is resident now)."""
    return max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, resident_bytes() or 0)
