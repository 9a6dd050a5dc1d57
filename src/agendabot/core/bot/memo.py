"""A small memo for results that depend only on the knowledge (pure, no clock, no I/O).

Search responses and the replies for a question or letter section by number are the same
for everyone for as long as the content is the same; the bot computes each once:

    memo = KnowledgeMemo()
    reply = memo.get(knowledge, ("vraag", 47), lambda: question_reply(qa, 47))

Entries belong to one `Knowledge`: when the bot is handed another one (a content reload),
the memo starts afresh. At most `size` entries are kept, least recently used dropped first.
Replies that depend on statuses or on today's date (commitments) must not go in here.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["DEFAULT_SIZE", "KnowledgeMemo"]

DEFAULT_SIZE = 1024

T = TypeVar("T")


class KnowledgeMemo:
    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        self.size = size
        self._owner: object | None = None
        self._items: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, knowledge: object, key: Hashable, make: Callable[[], T]) -> T:
        """The value for `key` under `knowledge`, made with `make()` the first time."""
        if knowledge is not self._owner:
            self._owner = knowledge
            self._items = OrderedDict()
        items = self._items
        if key in items:
            items.move_to_end(key)
            value: T = items[key]
            return value
        made = make()
        items[key] = made
        while len(items) > self.size:
            items.popitem(last=False)
        return made

    def has(self, knowledge: object, key: Hashable) -> bool:
        """Whether `get` would answer from the memo."""
        return knowledge is self._owner and key in self._items

    def __len__(self) -> int:
        return len(self._items)
