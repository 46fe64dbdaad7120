"""A bounded memory of what a watch has already read: the most recent keys, oldest forgotten
first. Forgetting is safe: an item read again is recognised by the store's exactly-once keys
(URL, content hash) and counted as unchanged; the memory only spares fetching and coding it."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable

DEFAULT_CAPACITY = 100_000


class RecentKeys:
    """At most `capacity` keys, least recently seen dropped first."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        if capacity < 1:
            raise ValueError(f"capacity {capacity}: keep at least one key")
        self.capacity = capacity
        self._keys: OrderedDict[str, None] = OrderedDict()

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __len__(self) -> int:
        return len(self._keys)

    def touch(self, key: str) -> bool:
        """Was `key` known? Either way it is now the most recent."""
        known = key in self._keys
        self._keys[key] = None
        self._keys.move_to_end(key)
        while len(self._keys) > self.capacity:
            self._keys.popitem(last=False)
        return known

    def add(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.touch(key)
