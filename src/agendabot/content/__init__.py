"""Content files: loading, validation, dumping, ingest and reload of `content/`.

The package's public face: `from agendabot.content import load_content, Content, …`.
Importing it registers the document checks (`checks`) before any other validator.
"""

from agendabot.content.dump import document_to_data, dump_document
from agendabot.content.loading import (
    CONTENT_EXTENSIONS,
    content_loader,
    content_validator,
    default_content_dir,
    load_content,
    read_yaml,
    validate_entries,
    write_atomically,
)
from agendabot.content.model import (
    CONTENT_DIR_ENV,
    Content,
    ContentError,
    ContentProblem,
    Document,
)

__all__ = [
    "CONTENT_DIR_ENV",
    "CONTENT_EXTENSIONS",
    "Content",
    "ContentError",
    "ContentProblem",
    "Document",
    "content_loader",
    "content_validator",
    "default_content_dir",
    "document_to_data",
    "dump_document",
    "load_content",
    "read_yaml",
    "validate_entries",
    "write_atomically",
]

# Last, so that the document checks register before the validators of other content files.
from agendabot.content import checks as _checks  # noqa: F401
