"""Background questions (`content/background.yaml`): a written Kamervraag on another topic
is declined, not answered with the nearest answer in form; questions on the documents'
topics are not touched. Real documents throughout: the background file is verbatim
Kamervragen, and the off-topic question below comes from a real set in tests/fixtures that
is not in the background file."""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from tests.fake_embedder import FakeEmbedder

from agendabot.cli import main
from agendabot.content import ContentError, load_content
from agendabot.content.search_index import content_index
from agendabot.content.vectors import refresh_vectors, stale_vectors
from agendabot.core.bot.knowledge import Knowledge
from agendabot.core.kamervragen.parse import read_set

ROOT = Path(__file__).resolve().parents[1]
KAMERVRAGEN = ROOT / "tests" / "fixtures" / "kamervragen"
# Erkens (VVD) to the minister of BZK, on the size of the civil service (2025D04328)
OFF_TOPIC_SET = KAMERVRAGEN / "tk-2025D04328-vragen-erkens.txt"
# Jansen, on the taaleis in the bijstand: the topic of answers 176 and 188 of nr. 451
ON_TOPIC_SET = KAMERVRAGEN / "open-kv-20261120-jansen.txt"


def questions(path: Path) -> list[str]:
    found = read_set(path.read_text(encoding="utf-8"))
    return [q.text for q in found.questions]


def fused(knowledge: Knowledge, text: str, **kwargs: object):  # type: ignore[no-untyped-def]
    assert knowledge.embed is not None
    return knowledge.search.search(text, limit=3, vector=knowledge.embed(text), **kwargs)


def test_the_shipped_background_is_loaded_embedded_and_used(knowledge: Knowledge) -> None:
    background = knowledge.content.background  # type: ignore[attr-defined]
    assert len(background.texts) >= 250
    assert all(q.source.startswith("https://") for q in background.questions)
    dense = knowledge.search.dense
    assert dense is not None and len(dense.background) == len(background.texts)
    assert math.isfinite(knowledge.search.calibration.off_topic_margin)


def test_a_kamervraag_on_another_topic_gets_no_answer(knowledge: Knowledge) -> None:
    first = questions(OFF_TOPIC_SET)[0]
    assert first.startswith("Deelt u de mening dat de Rijksoverheid significant is gegroeid")
    response = fused(knowledge, first)
    assert response.declined and response.off_topic and response.results == ()
    # the same query without the gate: the decision alone was fairly sure of answer 1
    ungated = knowledge.search.variant(
        calibration=replace(knowledge.search.calibration, off_topic_margin=math.inf)
    )
    assert knowledge.embed is not None
    before = ungated.search(first, limit=3, vector=knowledge.embed(first))
    assert not before.off_topic and before.results


async def test_the_bot_says_the_topic_is_not_in_the_documents(
    knowledge: Knowledge, sqlite_url: str
) -> None:
    from datetime import UTC, datetime

    from agendabot.bot import create_bot
    from agendabot.core.bot.requests import Command
    from agendabot.state import AsyncStore

    store = await AsyncStore.open(sqlite_url)
    try:
        bot = create_bot(lambda: knowledge, store)
        now = datetime(2026, 12, 7, 10, tzinfo=UTC)
        ask = Command("/vraag", questions(OFF_TOPIC_SET)[0], "U0ALICE01", "C0TEAM001")
        reply = await bot.handle(ask, now=now)
    finally:
        await store.close()
    assert reply is not None and reply.ephemeral
    assert reply.text.startswith("Daar gaan de antwoorden, de brief en de toezeggingen")


def test_kamervragen_on_the_documents_topics_are_answered_as_before(
    knowledge: Knowledge,
) -> None:
    for text in questions(ON_TOPIC_SET):
        response = fused(knowledge, text)
        assert not response.off_topic, text
    taaleis = fused(knowledge, questions(ON_TOPIC_SET)[1])
    assert not taaleis.declined and taaleis.results[0].key == "176"


def test_no_query_of_the_shared_development_set_is_off_topic(knowledge: Knowledge) -> None:
    path = ROOT.parent / "shared" / "eval" / "queries-dev.jsonl"
    if not path.exists():
        pytest.skip("the shared development set is not beside this checkout")
    for line in path.read_text(encoding="utf-8").splitlines():
        query = json.loads(line)["query"]
        assert not fused(knowledge, query).off_topic, query


def test_earlier_answers_find_nothing_for_the_off_topic_question(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["eerdere-antwoorden", str(OFF_TOPIC_SET), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    first = report[0]
    assert first["question"].startswith("Deelt u de mening dat de Rijksoverheid")
    assert first["earlier"] == []


def _document_ids(url: str) -> set[str]:
    """ "https://…/kv-tk-2020Z18409.html" → {"2020Z18409"}; a page without an id keys by URL."""
    return set(re.findall(r"20\d\d[ZD]\d{4,6}", url)) or {url}


def test_the_held_out_off_topic_sets_share_no_document_with_the_background() -> None:
    background = yaml.safe_load((ROOT / "content" / "background.yaml").read_text("utf-8"))
    used = {i for q in background["questions"] for i in _document_ids(q["source"])}
    for path in sorted((ROOT / "eval").glob("queries-offtopic*.jsonl")):
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
        assert len(rows) == 60 and all(r["gold"] == [] for r in rows)
        ids = {i for r in rows for i in _document_ids(r["source"]) | {r.get("doc", r["source"])}}
        assert not ids & used, path.name


def test_search_json_says_off_topic(capsys: pytest.CaptureFixture[str]) -> None:
    first = questions(OFF_TOPIC_SET)[0]
    assert main(["search", first, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["off_topic"] is True and data["declined"] is True and data["results"] == []
    assert main(["search", "hoe zit het met de taaleis?", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["off_topic"] is False


def _write_background(root: Path, entries: list[dict[str, str]]) -> None:
    text = yaml.safe_dump({"questions": entries}, allow_unicode=True, sort_keys=False)
    (root / "background.yaml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("entry", "field", "message"),
    [
        ({"text": "  ", "source": "https://example.org/kv"}, "text", "leeg"),
        ({"text": "Wat kost de A12?", "source": "ftp://example.org"}, "source", "https://"),
        ({"text": "Wat kost de A12?", "source": "https://x.nl", "bron": "y"}, "bron", ""),
    ],
)
def test_bad_background_is_refused_with_file_entry_and_field(
    content_copy: Path, entry: dict[str, str], field: str, message: str
) -> None:
    good = {"text": "Hoeveel kost een nieuw paspoort?", "source": "https://example.org/kv"}
    _write_background(content_copy, [good, entry])
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    [problem] = caught.value.problems
    assert problem.file == "background.yaml"
    assert problem.entry == "vraag op plek 2" and problem.field == field
    assert message in problem.message


def test_a_new_background_question_is_stale_until_embedded(content_copy: Path) -> None:
    path = content_copy / "background.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    added = "Wanneer wordt de ringweg rond de stad eindelijk verbreed?"
    data["questions"].append({"text": added, "source": "https://example.org/kv-1"})
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    index = content_index(load_content(content_copy))
    assert added in index.background
    assert stale_vectors(index, content_copy) == 1

    embedder = FakeEmbedder()
    done = refresh_vectors(index, content_copy, embedder, progress=False)
    assert done.embedded == 1 and embedder.calls == [("query", [added])], "no passage changed"
    assert stale_vectors(index, content_copy) == 0


def test_a_document_ingested_on_a_background_topic_is_answered(content_copy: Path) -> None:
    """Only the contrast counts: once the store holds a document on one of the background's
    topics, a question on it is nearer to that document than to the background."""
    from agendabot.content.embedder import shared_embedder
    from agendabot.content.search_index import build_search

    asked = load_content(content_copy).background.texts[:2]
    engine = build_search(load_content(content_copy))
    embed = shared_embedder().query
    assert engine.search(asked[0], vector=embed(asked[0])).off_topic, "before: off topic"

    source = content_copy.parent / "kst-12345-1.txt"
    source.write_text(
        "12 345 Testdossier\n\nNr. 1 LIJST VAN VRAGEN EN ANTWOORDEN\n\n"
        "Vastgesteld 1 december 2026\n\n"
        f"1\n\n{asked[0]}\n\nDaar wordt op dit moment onderzoek naar gedaan.\n\n"
        f"2\n\n{asked[1]}\n\nDe Kamer ontvangt voor de zomer een brief hierover.\n",
        encoding="utf-8",
    )
    url = "https://zoek.officielebekendmakingen.nl/kst-12345-1.html"
    assert main(["ingest", str(source), "--url", url, "--content", str(content_copy)]) == 0
    engine = build_search(load_content(content_copy))
    after = engine.search(asked[0], vector=embed(asked[0]))
    assert not after.off_topic and after.results
    assert after.results[0].key == "12345-1:1", after.results[0].key
