"""`KnowledgeMemo`: results kept per knowledge, dropped on a new one, bounded."""

from __future__ import annotations

from agendabot.core.bot.memo import KnowledgeMemo


def test_made_once_per_key_and_knowledge() -> None:
    memo = KnowledgeMemo()
    first, second = object(), object()
    calls: list[str] = []

    def make(value: str) -> str:
        calls.append(value)
        return value.upper()

    assert memo.get(first, "a", lambda: make("a")) == "A"
    assert memo.get(first, "a", lambda: make("x")) == "A"
    assert calls == ["a"]
    # another knowledge (a reload): everything is made again
    assert memo.get(second, "a", lambda: make("b")) == "B"
    assert calls == ["a", "b"] and len(memo) == 1


def test_least_recently_used_entries_go_first() -> None:
    memo = KnowledgeMemo(size=3)
    owner = object()
    for key in "abc":
        memo.get(owner, key, lambda key=key: key)
    memo.get(owner, "a", lambda: "new a")  # a is used again: b is now the oldest
    memo.get(owner, "d", lambda: "d")
    assert len(memo) == 3
    assert memo.get(owner, "a", lambda: "made again") == "a"
    assert memo.get(owner, "b", lambda: "made again") == "made again"
