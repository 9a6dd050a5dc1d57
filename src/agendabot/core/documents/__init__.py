"""Documents: models, clean-up of the source text, the Q&A and letter parsers."""
