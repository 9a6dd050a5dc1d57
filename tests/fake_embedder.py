"""The embedding model's port (`content.vectors.Embedder`), backed by two small functions
that record what they were given: for tests of what is embedded, not of the model."""

from __future__ import annotations

from typing import Any

import numpy as np


class FakeEmbedder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str]]] = []

    def _embed(self, role: str, texts: Any) -> np.ndarray:
        self.calls.append((role, list(texts)))
        return np.ones((len(texts), 384), dtype=np.float32) / np.sqrt(384)

    def passages(self, texts: Any) -> np.ndarray:
        return self._embed("passage", texts)

    def queries(self, texts: Any) -> np.ndarray:
        return self._embed("query", texts)
