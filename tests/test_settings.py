"""Settings: the environment, `.env`, validation messages, and docs/settings.md in step."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from agendabot.settings import (
    InvalidSetting,
    MissingSetting,
    Settings,
    env_name,
    load_settings,
    render_settings_markdown,
    require,
    require_secret,
)

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "settings.md"


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No agendabot variables in the environment, and a working directory without .env."""
    for field in Settings.model_fields:
        monkeypatch.delenv(env_name(field), raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_docs_list_every_setting_and_match_the_generator() -> None:
    text = DOC.read_text(encoding="utf-8")
    for field in Settings.model_fields:
        assert f"`{env_name(field)}`" in text, f"{env_name(field)} missing from docs/settings.md"
    assert text == render_settings_markdown(), (
        "docs/settings.md is out of date: run "
        "`.venv/bin/python -m agendabot.settings > docs/settings.md`"
    )


def test_every_setting_has_a_description() -> None:
    for field, info in Settings.model_fields.items():
        assert info.description and info.description.endswith("."), field


def test_defaults(clean_env: Path) -> None:
    settings = load_settings()
    assert settings.database_url.get_secret_value() == "sqlite:///data/agendabot.sqlite3"
    assert settings.port == 3000
    assert settings.log_level == "INFO"
    assert settings.digest_cron == "0 9 * * mon"
    assert settings.digest_trigger_fields() == {
        "minute": "0",
        "hour": "9",
        "day": "*",
        "month": "*",
        "day_of_week": "mon",
    }
    assert settings.digest_timezone == "Europe/Amsterdam"
    assert settings.digest_weeks == 6
    assert settings.digest_send_empty is False
    assert settings.admin_users == () and settings.allowed_channels == ()
    assert settings.content_dir == ROOT / "content"
    assert settings.slack_bot_token is None and settings.slack_api_url is None


def test_environment_and_dotenv(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (clean_env / ".env").write_text(
        "SLACK_BOT_TOKEN=xoxb-from-dotenv\nPORT=4000\nADMIN_USERS=U111, W222\nSLACK_API_URL=\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("PORT", "5000")  # the environment wins over .env
    monkeypatch.setenv("slack_api_url", "http://127.0.0.1:9999/api")
    monkeypatch.setenv("ALLOWED_CHANNELS", "C0AAA,C0BBB")
    monkeypatch.setenv("DIGEST_SEND_EMPTY", "true")
    monkeypatch.setenv("log_level", "debug")
    settings = load_settings()
    assert settings.slack_bot_token is not None
    assert settings.slack_bot_token.get_secret_value() == "xoxb-from-dotenv"
    assert settings.port == 5000
    assert settings.admin_users == ("U111", "W222")
    assert settings.is_admin("W222") and not settings.is_admin("U999")
    assert settings.allowed_channels == ("C0AAA", "C0BBB")
    assert settings.channel_allowed("C0AAA") and not settings.channel_allowed("C0ZZZ")
    assert settings.slack_api_url == "http://127.0.0.1:9999/api/"
    assert settings.digest_send_empty is True
    assert settings.log_level == "DEBUG"
    assert load_settings(env_file=None).slack_bot_token is None
    assert load_settings(port=1234).port == 1234
    assert load_settings().channel_allowed("C0ZZZ") is False
    assert load_settings(allowed_channels=()).channel_allowed("C0ZZZ") is True


def test_require_names_the_variable_in_one_dutch_sentence(clean_env: Path) -> None:
    settings = load_settings(slack_bot_token="xoxb-1")
    require(settings, "SLACK_BOT_TOKEN", "DATABASE_URL")
    assert require_secret(settings, "SLACK_BOT_TOKEN") == "xoxb-1"
    with pytest.raises(MissingSetting) as raised:
        require(settings, "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")
    assert str(raised.value) == (
        "De instelling SLACK_APP_TOKEN ontbreekt: zet die in de omgeving of in .env."
    )
    assert raised.value.variable == "SLACK_APP_TOKEN"
    with pytest.raises(MissingSetting, match="SLACK_SIGNING_SECRET"):
        require_secret(settings, "slack_signing_secret")
    with pytest.raises(KeyError):
        require(settings, "NO_SUCH_SETTING")


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("PORT", "drieduizend", "De instelling PORT is ongeldig: verwacht een geheel getal."),
        ("PORT", "70000", "De instelling PORT is ongeldig: mag hoogstens 65535 zijn."),
        ("DIGEST_WEEKS", "0", "De instelling DIGEST_WEEKS is ongeldig: moet minstens 1 zijn."),
        ("DIGEST_SEND_EMPTY", "misschien", "verwacht true of false"),
        ("LOG_LEVEL", "luid", "kies uit DEBUG, INFO, WARNING, ERROR of CRITICAL"),
        ("DIGEST_CRON", "0 9 * * 1", "gebruik dagnamen (mon, tue, …) voor de weekdag"),
        ("DIGEST_CRON", "elke maandag", "verwacht vijf velden"),
        ("DIGEST_CRON", "0 25 * * mon", "geen geldig schema"),
        ("DIGEST_TIMEZONE", "Europe/Utrecht", "onbekende tijdzone"),
        ("ADMIN_USERS", "U111,piet", "'piet' is geen Slack-gebruikers-id"),
        ("ALLOWED_CHANNELS", "#algemeen", "is geen Slack-kanaal-id"),
        ("SLACK_API_URL", "slack.com/api", "http:// of https://"),
        ("SLACK_APP_TOKEN", "xoxb-verkeerd", "een app-token begint met xapp-"),
    ],
)
def test_bad_values_get_one_dutch_sentence(
    clean_env: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, message: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(InvalidSetting) as raised:
        load_settings()
    text = str(raised.value)
    assert text.startswith(f"De instelling {variable} is ongeldig: ") and text.endswith(".")
    assert message in text
    assert text.count(". ") == 0  # one sentence
    assert raised.value.variable == variable


def test_secrets_never_show(clean_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = "xoxp-" + "9" * 30  # a user token where a bot token belongs
    monkeypatch.setenv("SLACK_BOT_TOKEN", secret)
    with pytest.raises(InvalidSetting) as raised:
        load_settings()
    assert secret not in str(raised.value)
    assert raised.value.__context__ is None and raised.value.__cause__ is None
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-" + "7" * 30)
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://bot:hunter2@db/agendabot")
    settings = load_settings()
    shown = f"{settings!r} {settings} {settings.model_dump()}"
    assert "7" * 30 not in shown and "hunter2" not in shown
    logging.getLogger("test").info("settings: %s", settings)


def test_module_runs_as_the_doc_generator() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "agendabot.settings"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert result.stdout == render_settings_markdown()
