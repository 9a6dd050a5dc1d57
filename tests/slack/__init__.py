"""Local stand-ins for Slack at the network boundary, for tests and trying the bot offline.

- `tests.slack.web_api.SlackWebApi`: the Web API (aiohttp, 127.0.0.1, ephemeral port).
- `tests.slack.socket_mode.SocketModeEmulator`: the Socket Mode websocket.
- `tests.slack.signing`: signed HTTP requests as Slack sends them.
- `tests.slack.fixtures`: payloads from `tests/fixtures/slack/`, with overrides.
- `tests.slack.plugin`: the pytest fixtures (`slack_web_api`, `socket_mode`, `slack_client`,
  `no_proxy_env`), loaded from `tests/conftest.py`.

Import as `tests.slack.…` (pytest puts the checkout on `sys.path`): a bare `slack` is the
name of slack_sdk's deprecated legacy package.
"""
