"""The identities of the emulated workspace, shared by the emulators and the fixtures."""

from __future__ import annotations

TEAM_ID = "T05SZWAGND"
TEAM_DOMAIN = "szw-actieagenda"
ENTERPRISE_ID = None
APP_ID = "A07AGNDBOT"
BOT_ID = "B07AGNDBOT"
BOT_USER_ID = "U07AGNDBOT"  # the bot's own user: mentions are "<@U07AGNDBOT> …"
USER_ID = "U02SZWUSER"  # the person typing
USER_NAME = "j.jansen"
OTHER_USER_ID = "U03SZWCOLL"
CHANNEL_ID = "C06ACTIEAG"
CHANNEL_NAME = "actieagenda-integratie"
DM_CHANNEL_ID = "D05SZWUSER"

BOT_TOKEN = "xoxb-5000000001-7000000001-EmulatorBotTokenNotReal"
APP_TOKEN = "xapp-1-A07AGNDBOT-7000000002-EmulatorAppTokenNotReal"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"  # shape of a real one; not a secret
VERIFICATION_TOKEN = "gIkuvaNzQIHg97ATvDxqgjtO"  # the deprecated `token` field of payloads
