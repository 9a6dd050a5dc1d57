"""The bot: requests, commands, one dispatch, messages, the reply model and its rendering."""
