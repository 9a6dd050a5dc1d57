"""Time: the Dutch time-expression interpreter and Dutch date formatting."""
