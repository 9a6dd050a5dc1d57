"""Slack's limits on messages and views, in one place (UTF-16 code units unless noted).

From the Block Kit reference, plus `TOTAL_TEXT_MAX`: Slack's undocumented
`msg_blocks_too_long` cut-off for all block text of one message.
"""

SECTION_TEXT_MAX = 3000
MAX_BLOCKS_MESSAGE = 50
MAX_BLOCKS_VIEW = 100
HEADER_TEXT_MAX = 150
BUTTON_TEXT_MAX = 75
BUTTON_VALUE_MAX = 2000
ACTION_ID_MAX = 255
CONTEXT_ELEMENTS_MAX = 10
CONTEXT_TEXT_MAX = 2000
ACTIONS_ELEMENTS_MAX = 25
CONFIRM_TEXT_MAX = 300  # a button's confirmation dialog: its text
TOTAL_TEXT_MAX = 12_000
FALLBACK_TEXT_MAX = 3000

# What a cut message says, in Dutch.
TRUNCATED = "… (ingekort)"
READ_MORE = "lees verder"

# Our own caps on the spans of rich text, well inside the limits above.
LINK_LABEL_MAX = 500
LINK_URL_MAX = 2000
STRONG_MAX = 300
