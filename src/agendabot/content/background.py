"""Background questions in the content: `content/background.yaml` → `Content.background`.

Written Kamervragen on topics the documents are not about, verbatim with their source
(`core.search.background`). The loader validates the file, so `agendabot content check`
names the entry and field of a mistake; the search embeds the questions at ingest like its
other texts (`agendabot content vectors`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from agendabot.content import content_loader
from agendabot.content.loading import read_model
from agendabot.core.search.background import Background

BACKGROUND_FILE = "background.yaml"


@content_loader
def load_background(root: Path) -> dict[str, Any]:
    """The file is optional: without it no query counts as off topic."""
    path = root / BACKGROUND_FILE
    if not path.exists():
        return {}
    return {"background": read_model(path, root, Background, BACKGROUND_FILE, "bestand")}
