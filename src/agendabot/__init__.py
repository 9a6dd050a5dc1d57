"""agendabot: answers and deadlines of the Actieagenda Integratie, for Slack."""

__version__ = "0.1.0"
