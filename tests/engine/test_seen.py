"""The watch's bounded memory of what it has read."""

from __future__ import annotations

import pytest

from tengri.engine.seen import RecentKeys


def test_the_memory_never_holds_more_than_its_capacity_and_forgets_the_oldest_first():
    keys = RecentKeys(capacity=3)
    keys.add(f"k{n}" for n in range(10))
    assert len(keys) == 3
    assert [f"k{n}" in keys for n in range(10)] == [False] * 7 + [True] * 3


def test_a_key_seen_again_becomes_the_most_recent():
    keys = RecentKeys(capacity=2)
    assert not keys.touch("a")
    assert not keys.touch("b")
    assert keys.touch("a")
    keys.touch("c")
    assert ("a" in keys, "b" in keys, "c" in keys) == (True, False, True)


def test_a_memory_of_no_keys_is_refused():
    with pytest.raises(ValueError, match="capacity 0"):
        RecentKeys(0)
