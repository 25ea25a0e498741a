"""The cyclic garbage collector, paused while a reader builds its models.

A reader builds hundreds of thousands of small objects and no reference cycle. Left on, Python's
cyclic collector would rescan the caller's whole heap again and again as the models pile up: a
quarter to a half more time on a large file, for nothing to collect. Memory is still freed by
reference counting meanwhile.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector for the block (or the decorated call), then restore it.

    It is switched back on at the end, even on error, only if it was on: a caller that keeps
    it off keeps it off.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
