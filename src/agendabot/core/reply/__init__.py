"""The neutral reply model every answer, digest and update is made of, and its plain-text
rendering (Slack's Block Kit rendering is the adapter's, in `agendabot.slack.blocks`)."""
