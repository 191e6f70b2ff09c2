"""Make a race happen on purpose: hold every caller of a function until all have called it."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

Result = TypeVar("Result")


def held_until_all_arrive(function: Callable[..., Result], callers: int,
                          timeout: float = 1.0) -> Callable[..., Result]:
    """``function``, returning only when ``callers`` threads have called it (or ``timeout`` has passed).

    Wrapped around a check, it makes "check, then act" code let every caller pass the check before any
    acts; code that locks before checking keeps the others out, and the timeout lets it go on.
    """
    barrier = threading.Barrier(callers)

    def held(*args: object, **kwargs: object) -> Result:
        answer = function(*args, **kwargs)
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=timeout)
        return answer

    return held
