"""The pure core: content models, parsing, time expressions, search, deadlines and digests.

Nothing in this package does I/O or imports Slack, database or CLI code; `now` is always passed in.
"""
