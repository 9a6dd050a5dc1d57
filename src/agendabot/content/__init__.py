"""Content files: loading, validation, dumping, ingest and reload of `content/`."""
