"""Shared helpers of the benchmark scripts: timing and the machine description.

Times are the CPU time of this process (:func:`time.process_time`), not the wall
clock: on a shared, loaded machine the wall clock also counts the time other
processes hold the cores, which a ratio of two runs cannot cancel.  The best of a few
runs is kept (the one least disturbed by cache and memory contention).
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any


def machine() -> str:
    """One line describing where the figures were measured."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    cores = os.cpu_count()
    return (
        f"{cpu}, {cores} logical cores, {platform.system()} {platform.release()}, "
        f"Python {sys.version.split()[0]} ({platform.python_implementation()})"
    )


def best_of(function: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """The least CPU time of ``repeat`` runs in seconds, and the last run's result."""
    times = []
    result = None
    for _ in range(repeat):
        result = None  # the previous result is freed before the next run, not during it
        started = time.process_time()
        result = function()
        times.append(time.process_time() - started)
    return min(times), result


def median_of(function: Callable[[], Any], repeat: int = 5) -> float:
    """The median CPU time of ``repeat`` runs in seconds."""
    times = []
    for _ in range(repeat):
        started = time.process_time()
        function()
        times.append(time.process_time() - started)
    return statistics.median(times)


def load() -> str:
    """The machine's load averages (1, 5, 15 minutes), to note beside the figures."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"


def report(title: str, rows: list[tuple[str, str]]) -> None:
    print(f"== {title}")
    print(f"   machine: {machine()}")
    print(f"   load average (1/5/15 min): {load()}; times are CPU time of the process")
    for label, value in rows:
        print(f"   {label:<44} {value}")
