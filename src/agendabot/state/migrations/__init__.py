"""Alembic migration scripts of the state layer (run through `agendabot.state.migrate`)."""
