"""The official services documents come from: officielebekendmakingen.nl and its SRU search."""
