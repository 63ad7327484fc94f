"""Shared helpers of the benchmark scripts: timing and the machine description."""

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
    """The fastest of ``repeat`` runs in seconds (least disturbed by other load)."""
    times = []
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), result


def median_of(function: Callable[[], Any], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def report(title: str, rows: list[tuple[str, str]]) -> None:
    print(f"== {title}")
    print(f"   machine: {machine()}")
    for label, value in rows:
        print(f"   {label:<44} {value}")
