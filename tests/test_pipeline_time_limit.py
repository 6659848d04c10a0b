"""A document whose analysis is stuck becomes its own failure instead of hanging the batch."""
from __future__ import annotations

import threading

import pytest

from amity.pipeline import AnalysisOvertime, time_limit


def test_time_limit_stops_a_stuck_block() -> None:
    with pytest.raises(AnalysisOvertime, match="ran past 0.05 s"):
        with time_limit(0.05):
            while True:
                pass


def test_time_limit_lets_a_quick_block_finish_and_clears_the_alarm() -> None:
    with time_limit(0.5):
        total = sum(range(1000))
    assert total == 499500
    threading.Event().wait(0.6)  # no alarm left to go off after the block


def test_outside_the_main_thread_there_is_no_limit() -> None:
    done: list[bool] = []

    def work() -> None:
        with time_limit(0.01):
            threading.Event().wait(0.05)
        done.append(True)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert done == [True]
