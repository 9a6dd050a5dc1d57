"""Loading and validating content: the real files, and broken files in temporary dirs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from agendabot.content import (
    Content,
    ContentError,
    ContentProblem,
    document_to_data,
    dump_document,
    load_content,
)
from agendabot.core.documents.models import QADocument

ROOT = Path(__file__).resolve().parents[1] / "content"


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(ROOT)


def test_real_content_loads_and_looks_up(content: Content) -> None:
    assert content.qa.meta.citation == "Kamerstuk 32 824, nr. 451"
    assert content.qa.meta.url == "https://zoek.officielebekendmakingen.nl/kst-32824-451.html"
    assert content.letter.meta.url == "https://zoek.officielebekendmakingen.nl/kst-32824-456.html"
    assert content.question(79).group[0] == 47
    assert content.answer(79).text.startswith("Gesloten gemeenschappen kunnen gemeenschappen zijn")
    assert content.answer(83).sources == (47,)
    assert content.section("1.7").pillar == 1
    with pytest.raises(KeyError):
        content.question(236)
    with pytest.raises(KeyError):
        content.section("9.9")


def test_dump_and_load_round_trip(content: Content, tmp_path: Path) -> None:
    for document in content.documents.values():
        text = dump_document(document)
        assert "\\u" not in text  # UTF-8, not escaped
        data = yaml.safe_load(text)
        assert type(document).model_validate(data) == document
    assert "question: |" in dump_document(content.qa)


# --- broken content ----------------------------------------------------------------------------

FILE = "content/documents/kamerstuk-1-1.yaml"


def _questions() -> list[dict[str, object]]:
    return [
        {"number": 1, "question": "Een?", "answer": "Ja."},
        {"number": 2, "question": "Twee?", "answer": "", "group": [2, 3]},
        {"number": 3, "question": "Drie?", "answer": "Samen beantwoord.", "group": [2, 3]},
        {"number": 4, "question": "Vier?", "answer": "Zie antwoord op vraag 1.", "refers_to": [1]},
    ]


def _write(root: Path, questions: list[dict[str, object]], **meta: object) -> Path:
    data = {
        "meta": {
            "id": "kamerstuk-11111-1",
            "kind": "vragen-en-antwoorden",
            "dossier": "11 111",
            "number": 1,
            "date": "2025-04-08",
            "title": "Proef",
            "url": "https://example.org/x",
            **meta,
        },
        "questions": questions,
    }
    path = root / "documents" / "kamerstuk-1-1.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def _problems(root: Path) -> list[ContentProblem]:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return list(caught.value.problems)


def test_small_valid_content(tmp_path: Path) -> None:
    content = load_content(_write(tmp_path / "content", _questions()))
    assert content.answer(2).text == "Samen beantwoord."
    assert content.answer(4).text == "Ja."


def test_wrong_type_names_file_entry_and_field(tmp_path: Path) -> None:
    questions = _questions()
    questions[2]["number"] = "drie"
    questions[0]["group"] = "1"
    problems = _problems(_write(tmp_path / "content", questions))
    by_field = {(p.entry, p.field): p for p in problems}
    assert by_field[("vraag drie", "number")].file == FILE
    assert "geheel getal" in by_field[("vraag drie", "number")].message
    assert ("vraag 1", "group") in by_field
    assert str(by_field[("vraag drie", "number")]).startswith(
        f"{FILE}: vraag drie, veld 'number': moet een geheel getal zijn"
    )


def test_missing_field_and_bad_meta(tmp_path: Path) -> None:
    questions = _questions()
    del questions[0]["question"]
    problems = _problems(_write(tmp_path / "content", questions, date="8 april"))
    where = {(p.entry, p.field) for p in problems}
    assert ("vraag 1", "question") in where
    assert ("meta", "date") in where


def test_duplicate_number(tmp_path: Path) -> None:
    questions = _questions()
    questions[3]["number"] = 3
    problems = _problems(_write(tmp_path / "content", questions))
    assert any(
        p.entry == "vraag 3" and p.field == "number" and "twee keer" in p.message for p in problems
    )


def test_missing_number(tmp_path: Path) -> None:
    questions = [q for q in _questions() if q["number"] != 1]
    for q in questions:
        q.pop("refers_to", None)
        if q["number"] == 4:
            q["answer"] = "Nee."
    problems = _problems(_write(tmp_path / "content", questions))
    assert [(p.file, p.entry, p.field) for p in problems] == [(FILE, "vraag 1", "number")]
    assert "ontbreekt" in problems[0].message


def test_reference_to_question_that_does_not_exist(tmp_path: Path) -> None:
    questions = _questions()
    questions[3]["refers_to"] = [99]
    problems = _problems(_write(tmp_path / "content", questions))
    assert any(
        (p.entry, p.field) == ("vraag 4", "refers_to") and "vraag 99" in p.message for p in problems
    )


def test_group_member_that_does_not_exist(tmp_path: Path) -> None:
    questions = _questions()
    questions[1]["group"] = [2, 3, 98]
    questions[2]["group"] = [2, 3, 98]
    problems = _problems(_write(tmp_path / "content", questions))
    assert any(
        (p.entry, p.field) == ("vraag 2", "group") and "vraag 98" in p.message for p in problems
    )


def test_group_whose_members_disagree(tmp_path: Path) -> None:
    questions = _questions()
    questions[2]["group"] = [1, 2, 3]
    problems = _problems(_write(tmp_path / "content", questions))
    messages = {(p.entry, p.field): p.message for p in problems}
    assert "verschilt van de groep bij vraag 3" in messages[("vraag 2", "group")]
    assert ("vraag 3", "group") in messages


def test_empty_answer_outside_a_group(tmp_path: Path) -> None:
    questions = _questions()
    questions[0]["answer"] = ""
    problems = _problems(_write(tmp_path / "content", questions))
    assert any((p.entry, p.field) == ("vraag 1", "answer") for p in problems)


def test_footnote_marker_without_footnote(tmp_path: Path) -> None:
    questions = _questions()
    questions[0]["answer"] = "Ja.[7]"
    problems = _problems(_write(tmp_path / "content", questions))
    assert any((p.entry, p.field) == ("vraag 1", "footnotes") for p in problems)


def test_yaml_syntax_error_and_unknown_kind(tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "documents").mkdir(parents=True)
    (root / "documents" / "kapot.yaml").write_text("meta: [unclosed\n", encoding="utf-8")
    (root / "documents" / "vreemd.yaml").write_text("meta:\n  kind: notulen\n", encoding="utf-8")
    problems = _problems(root)
    files = {p.file: p for p in problems}
    assert "geen geldige YAML" in files["content/documents/kapot.yaml"].message
    assert files["content/documents/kapot.yaml"].entry.startswith("regel ")
    assert (
        files["content/documents/vreemd.yaml"].entry,
        files["content/documents/vreemd.yaml"].field,
    ) == (
        "meta",
        "kind",
    )


def test_no_documents(tmp_path: Path) -> None:
    problems = _problems(tmp_path)
    assert "bevat geen documenten" in problems[0].message


def test_document_data_key_order(content: Content) -> None:
    data = document_to_data(content.qa)
    assert list(data) == ["meta", "questions"]
    assert list(data["questions"][20]) == ["number", "question", "answer", "group"]
    assert isinstance(content.qa, QADocument)


def test_an_impossible_date_names_file_entry_and_field(content_copy: Path) -> None:
    """PyYAML read "2025-13-01" as a date itself and crashed `content check` with a
    ValueError; dates are now read by pydantic, which says where the mistake is."""
    path = content_copy / "commitments.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    due: 2025-01-01\n", "    due: 2025-13-01\n", 1), "utf-8")
    [problem] = _problems(content_copy)
    assert (problem.file, problem.field) == ("content/commitments.yaml", "due")
    assert problem.entry == "toezegging budget-interventies-radicalisering"
    assert "2025-13-01" in problem.message
