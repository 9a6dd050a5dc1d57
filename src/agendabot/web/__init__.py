"""The HTTP side: the server (`/slack/events`, health, metrics) and the iCalendar feed."""
