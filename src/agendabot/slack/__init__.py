"""Slack adapter: Block Kit rendering, and (later) the Bolt app and its handlers."""
