"""`agendabot eerdere-antwoorden`: per question of a new set, the earlier answers from every
document in the store, verbatim, with citation, link and the search's confidence; as text,
JSON and a Word draft (read back with python-docx)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import docx
import pytest
from tests.slack.web_api import check_message

from agendabot.cli import main
from agendabot.content import load_content
from agendabot.content.knowledge import query_embedder
from agendabot.content.search_index import build_search
from agendabot.core.documents.library import parse_address
from agendabot.core.earlier.answers import (
    EARLIER_FLOOR,
    MAX_EARLIER,
    RUNNER_UP_FLOOR,
    report_for_text,
)
from agendabot.core.earlier.present import MESSAGE_TEXT_BUDGET, earlier_replies
from agendabot.core.reply.render_text import render_text
from agendabot.drafts.word import DRAFT_MARK
from agendabot.slack.blocks import render_message

ROOT = Path(__file__).resolve().parents[1]
OPEN = ROOT / "tests" / "fixtures" / "kamervragen" / "open-kv-20261120-jansen.txt"
ANSWERS = ROOT / "tests" / "fixtures" / "documents" / "tk-2024D18824.txt"
ANSWERS_URL = "https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?id=2024D18824"
ERITREA = (
    "Wat vindt u ervan dat groepen Eritreeërs in Den Haag zoveel geweld gebruikten dat "
    "agenten gewond raakten?"
)
NONSENSE = "Hoeveel kost een ijsje op de maan in het jaar 2090 volgens de astronauten?"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real content plus the answers to a real set of Kamervragen, as CONTENT_DIR."""
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    monkeypatch.setenv("CONTENT_DIR", str(root))
    assert main(["ingest", str(ANSWERS), "--url", ANSWERS_URL, "--content", str(root)]) == 0
    return root


@pytest.fixture
def questions(tmp_path: Path) -> Path:
    path = tmp_path / "nieuwe-vragen.txt"
    path.write_text(
        OPEN.read_text(encoding="utf-8") + f"\nVraag 5\n{ERITREA}\n\nVraag 6\n{NONSENSE}\n",
        encoding="utf-8",
    )
    return path


def test_json_per_question_quotes_verbatim_with_citation_link_and_the_search_confidence(
    store: Path, questions: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "eerdere-antwoorden", str(questions), "--json")
    assert (code, err) == (0, "")
    data: list[dict[str, Any]] = json.loads(out)
    assert [item["number"] for item in data] == [1, 2, 3, 4, 5, 6]
    content = load_content(store)
    engine = build_search(content)
    embed = query_embedder(engine)  # the command searches as the bot does
    for item in data:
        assert set(item) == {"number", "question", "earlier"}
        assert len(item["earlier"]) <= MAX_EARLIER
        vector = embed(item["question"]) if embed is not None else None
        response = engine.search(item["question"], limit=9, kinds=("vraag",), vector=vector)
        assert response.calibrated, "the store has current vectors: the fused search"
        if not any(hit.score >= EARLIER_FLOOR for hit in response.results):
            assert item["earlier"] == []  # "geen eerder antwoord gevonden"
            continue
        assert item["earlier"], item["question"]
        best = response.results[0]
        first = item["earlier"][0]
        assert first["confidence"] == round(best.score, 3)
        address = parse_address(best.key)
        document = content.library.qa(address.document)
        assert first["document"] == document.meta.id
        assert first["quote"] == document.resolve(int(address.local)).text  # verbatim
        assert first["confidence"] >= EARLIER_FLOOR
        for earlier in item["earlier"]:
            assert set(earlier) == {
                "document",
                "questions",
                "citation",
                "url",
                "quote",
                "confidence",
            }
            assert RUNNER_UP_FLOOR <= earlier["confidence"] <= 1
            doc = content.library.qa(earlier["document"])
            assert earlier["url"] == doc.meta.url
            assert earlier["citation"].startswith(doc.meta.citation)
            assert any(earlier["quote"] == doc.resolve(n).text for n in earlier["questions"])
        confidences = [e["confidence"] for e in item["earlier"]]
        assert confidences == sorted(confidences, reverse=True)
    # the taaleis questions find the taaleis answers of nr. 451; the Eritrea question the
    # answers to the Kamervragen about the riots in The Hague, another document
    assert {176, 188} & {n for e in data[1]["earlier"] for n in e["questions"]}
    assert data[4]["earlier"][0]["document"] == "2024D18824"
    assert data[4]["earlier"][0]["citation"] == "Kamervragen 2024D18824, vraag 2"
    assert data[5]["earlier"] == []  # nothing fits


# A broad question: one answer fits best, others fit less (since the phrasings, a narrow one
# such as "Wat doet het kabinet aan huwelijksdwang?" leaves no runner-up above the floor; since
# the intent classifier, so does "Welke rol spelen gemeenten bij de inburgering?").
BROAD = "Hoe worden statushouders geholpen bij het vinden van werk?"


def test_once_the_first_answer_fits_the_next_are_offered_down_to_the_runner_up_floor(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "vragen.txt"
    path.write_text(
        OPEN.read_text(encoding="utf-8").split("\n\n", 1)[0]
        + f"\n\nVraag 1\n{BROAD}\n\nVraag 2\n{NONSENSE}\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "eerdere-antwoorden", str(path), "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    engine = build_search(load_content(store))
    embed = query_embedder(engine)
    assert embed is not None
    response = engine.search(BROAD, limit=9, kinds=("vraag",), vector=embed(BROAD))
    assert response.results[0].score >= EARLIER_FLOOR  # something fits: the first, then
    expected = [round(response.results[0].score, 3)]
    for hit in response.results[1:]:  # the runners-up from their own floor on
        if hit.score < RUNNER_UP_FLOOR or len(expected) == MAX_EARLIER:
            break
        expected.append(round(hit.score, 3))
    confidences = [e["confidence"] for e in data[0]["earlier"]]
    assert confidences == expected
    # a runner-up less likely than the first answer's floor is offered, with its confidence
    assert any(RUNNER_UP_FLOOR <= c < EARLIER_FLOOR for c in confidences[1:]), confidences
    assert data[1]["earlier"] == []  # nothing fits: no runner-up either


def test_text_says_when_nothing_was_found(
    store: Path, questions: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "eerdere-antwoorden", str(questions))
    assert code == 0
    assert out.startswith("Kamervragen kv-20261120-jansen: Vragen van het lid Jansen")
    assert "Concept – startpunt, geen definitief antwoord" in out
    after = out.split(f"Vraag 6: {NONSENSE}", 1)[1]
    assert after.strip().splitlines()[0] == "→ geen eerder antwoord gevonden"


def test_the_docx_draft_reads_back_in_order_with_quotes_and_citations(
    store: Path, questions: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "concept.docx"
    code, out, _ = run(capsys, "eerdere-antwoorden", str(questions), "--docx", str(output))
    assert code == 0 and f"→ {output}" in out
    code, out, _ = run(capsys, "eerdere-antwoorden", str(questions), "--json")
    data = json.loads(out)
    read = docx.Document(str(output))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in read.paragraphs]
    texts = [text for _, text in paragraphs]
    assert texts[0].startswith("Kamervragen kv-20261120-jansen")
    assert texts[1] == DRAFT_MARK and read.core_properties.subject == DRAFT_MARK
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == [f"Vraag {n}" for n in range(1, 7)]
    position = 0
    for item in data:
        position = texts.index(f"Vraag {item['number']}", position)
        assert texts[position + 1] == item["question"]
        for earlier in item["earlier"]:
            first_paragraph = earlier["quote"].split("\n\n")[0]
            quote_at = texts.index(first_paragraph, position)
            assert paragraphs[quote_at][0] == "Quote"
            source_at = next(
                i for i in range(quote_at, len(texts)) if texts[i].startswith("Bron: ")
            )
            assert texts[source_at].startswith(f"Bron: {earlier['citation']} — {earlier['url']}")
            position = source_at
        if not item["earlier"]:
            assert texts[position + 2] == "Geen eerder antwoord gevonden."


def test_a_text_without_questions_gets_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "notitie.txt"
    source.write_text("Dank voor het overleg van vandaag. Tot volgende week.\n", "utf-8")
    code, out, err = run(capsys, "eerdere-antwoorden", str(source))
    assert code == 2 and out == ""
    assert "herken er geen vragen in" in err and len(err.strip().splitlines()) == 1


def test_slack_replies_are_split_within_the_limits() -> None:
    content = load_content()
    engine = build_search(content)
    many = "\n".join(f"Vraag {n}\n{content.qa.question(n).question}" for n in range(1, 31))
    report = report_for_text(many, engine, content.library)
    replies = earlier_replies(report.results)
    assert len(replies) > 2
    shown = ""
    for reply in replies:
        assert reply.in_thread
        assert len(render_text(reply)) <= MESSAGE_TEXT_BUDGET + 1000
        message = render_message(reply)
        assert not message.truncated and len(message.blocks) <= 50
        assert check_message(message.to_dict()) is None  # as Slack would check it
        shown += render_text(reply)
    positions = [shown.index(f"Vraag {number} ") for number in range(1, 31)]
    assert positions == sorted(positions)  # every question, in order
