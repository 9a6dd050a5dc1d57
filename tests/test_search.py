"""Search: each kind of query on a small corpus of our own, plus the JSON shape of the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from agendabot.core.search import Glossary, SearchDoc, SearchEngine, SynonymSet, Translation
from agendabot.core.search.analysis import Analyzer, cognates, fold, words
from agendabot.core.search.answer_type import NAME, QUANTITY, question_type, text_types
from agendabot.core.search.fillers import drop_fillers
from agendabot.core.search.params import RankParams
from agendabot.core.search.query import derivations, inflections, parse_lookup

SHARED = (
    "Deze brief kondigt de plannen aan. De uitwerking volgt later dit jaar in een "
    "voortgangsbrief aan de Kamer, na overleg met gemeenten, werkgevers, onderwijsinstellingen "
    "en maatschappelijke organisaties."
)


def qa(number: int, question: str, answer: str, group: str | None = None) -> SearchDoc:
    return SearchDoc(
        kind="vraag",
        key=str(number),
        title=question,
        fields={"question": question, "answer": answer, "footnotes": ""},
        questions=(number,),
        group=group or f"g{number}",
        collapse_field="answer",
    )


CORPUS: list[SearchDoc] = [
    qa(
        1,
        "Hoeveel statushouders ontvangen een bijstandsuitkering?",
        "Van de statushouders ontvangt 55,1% een bijstandsuitkering; dat aandeel daalt.",
    ),
    qa(
        2,
        "Waarom blijft de taaleis in de Participatiewet gehandhaafd?",
        "De taaleis blijft behouden omdat taal de sleutel is tot werk.",
    ),
    qa(
        3,
        "Hoe wordt vrouwelijke genitale verminking tegengegaan?",
        "Professionals worden getraind om signalen van genitale verminking te herkennen.",
    ),
    qa(
        4,
        "Welke maatregelen neemt u tegen discriminatie op de woningmarkt?",
        "Verhuurders die discrimineren kunnen een boete krijgen op grond van de wet goed "
        "verhuurderschap.",
    ),
    qa(
        5,
        "Hoe geïntegreerd zijn nieuwkomers na vijf jaar?",
        "Na vijf jaar heeft ongeveer de helft van de nieuwkomers betaald werk.",
    ),
    qa(
        6,
        "Worden startbanen breder ingezet voor statushouders?",
        "Gemeenten bieden statushouders een startbaan aan, gecombineerd met inburgering.",
    ),
    qa(7, "Met wie is de agenda opgesteld?", SHARED),
    qa(8, "Welke organisaties zijn geraadpleegd?", SHARED + " "),
    qa(9, "Is er overleg geweest met gemeenten?", SHARED.replace("later", "later nog")),
    qa(13, "Wanneer volgt de uitwerking?", SHARED + " Daarin staat ook de planning per pijler."),
    qa(14, "Klopt dat?", "Ja."),
    qa(15, "Klopt dit ook?", "Ja."),
    qa(
        10,
        "Hoe ziet de imamopleiding eruit?",
        "Een imamopleiding in Nederland wordt samen met moskeekoepels ontwikkeld.",
        group="imam",
    ),
    qa(
        11,
        "Wie betaalt de imamopleiding?",
        "Een imamopleiding in Nederland wordt samen met moskeekoepels ontwikkeld.",
        group="imam",
    ),
    qa(
        12,
        "Wat is het plan voor de nationale dialoog met sleutelfiguren?",
        "De nationale dialoog wordt voorbereid met sleutelfiguren uit de samenleving.",
    ),
    SearchDoc(
        kind="toezegging",
        key="nationale-dialoog",
        title="Nationale dialoog met sleutelfiguren",
        fields={
            "title": "Nationale dialoog met sleutelfiguren",
            "text": "De nationale dialoog staat gepland voor het eerste kwartaal van 2026.",
            "when": "eerste kwartaal van 2026",
        },
        questions=(12,),
        snippet_field="text",
    ),
    SearchDoc(
        kind="sectie",
        key="1.5",
        title="1.5 Imamopleiding",
        fields={
            "title": "Imamopleiding",
            "text": "Het kabinet steunt een Nederlandse imamopleiding.",
        },
        group="brief:1.5",
        snippet_field="text",
    ),
]

GLOSSARY = Glossary(
    english=[
        Translation(en=["status holder"], nl=["statushouder"]),
        Translation(en=["welfare", "welfare benefits"], nl=["bijstand", "bijstandsuitkering"]),
        Translation(en=["language requirement"], nl=["taaleis"]),
        Translation(en=["female genital mutilation", "fgm"], nl=["genitale verminking"]),
        Translation(en=["housing discrimination"], nl=["woondiscriminatie"]),
    ],
    synonyms=[SynonymSet(terms=["vgv", "genitale verminking"])],
)


@pytest.fixture(scope="module")
def engine() -> SearchEngine:
    return SearchEngine.build(CORPUS, GLOSSARY)


def top(engine: SearchEngine, query: str, **kwargs: object) -> tuple[str, str]:
    response = engine.search(query, **kwargs)  # type: ignore[arg-type]
    assert response.results, query
    hit = response.results[0]
    return hit.kind, hit.key


# ---------------------------------------------------------------------------- analysis


def test_fold_strips_diacritics_and_case() -> None:
    assert fold("Geïntegreerd Café") == "geintegreerd cafe"


def test_words_keep_numbers_and_join_apostrophes() -> None:
    assert words("mbo'ers: 6.1%-punt en 100.000 mensen") == [
        "mboers",
        "6,1",
        "procent",
        "punt",
        "en",
        "100000",
        "mensen",
    ]


def test_stemming_meets_plural_and_singular() -> None:
    analyzer = Analyzer()
    assert analyzer.stem("startbanen") == analyzer.stem("startbaan")
    assert analyzer.stem("voorstellen") == analyzer.stem("voorstel")


def test_a_stem_that_is_a_stop_word_keeps_the_word() -> None:
    """Snowball cuts "overheid" to "over", as it does "overige": the government is not "other"."""
    stem = Analyzer().stem
    assert stem("overheid") != stem("overige")
    assert stem("overheid") == stem("overheden")
    assert stem("overige") == stem("overig")
    assert stem("vrijheid") == stem("vrijheden")  # an ordinary stem is left alone


def test_overheid_does_not_find_other_things() -> None:
    docs = [
        qa(1, "Hoe gaat de overheid discriminatie tegen?", "Met een gedragscode."),
        qa(2, "Wat doen de overige gemeenten?", "Zij volgen later."),
        qa(3, "Hoe groot is de oververtegenwoordiging in de cijfers?", "Die neemt af."),
    ]
    engine = SearchEngine.build(docs)
    assert [h.key for h in engine.search("overheid").results] == ["1"]


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("Gaat het steeds beter met de inburgering?", "steeds"),  # "steeds" stems like "steden"
        ("Hoe zit het met inburgering, zodat iedereen meedoet?", "zodat"),
        ("Hoeveel statushouders zaten in de inburgering?", "zaten"),
        ("Waarom moesten statushouders wachten op inburgering?", "moesten"),
        ("Wat is er sinds de nieuwe wet veranderd aan de inburgering?", "sinds"),
    ],
)
def test_function_words_and_verb_forms_are_not_content(query: str, word: str) -> None:
    docs = [
        qa(1, "Wat doen de grote steden aan inburgering?", "Zij bieden taallessen."),
        qa(2, "Hoe gaat het met de inburgering van statushouders?", "Beter dan eerst."),
    ]
    engine = SearchEngine.build(docs)
    plan = engine.plan(query)
    assert word not in {c.source for c in plan.clauses}
    assert word not in plan.unmatched  # an unknown word would count as missed information


def test_steeds_does_not_find_the_cities() -> None:
    docs = [
        qa(1, "Wat doen de grote steden?", "Zij bieden taallessen."),
        qa(2, "Hoe gaat het met de inburgering?", "Beter dan eerst."),
    ]
    engine = SearchEngine.build(docs)
    assert [h.key for h in engine.search("gaat het steeds beter met de inburgering").results] == [
        "2"
    ]


def test_cognates_turn_english_latin_words_dutch() -> None:
    assert "integratie" in cognates("integration")
    assert "definities" in cognates("definitions")
    assert "polarisatie" in cognates("polarisation")


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("vraag 47", (47,)),
        ("Vraag 47?", (47,)),
        ("v47", (47,)),
        ("#47", (47,)),
        ("47", (47,)),
        ("vragen 47 en 79", (47, 79)),
        ("wat zei je bij vraag 12 over dit", (12,)),
        ("wat zegt kamervraag 12 over de taaleis", (12,)),  # it searched for 132
        ("kamervragen 47 en 48", (47, 48)),
        ("niveau 4 in het mbo", ()),
        # lists of numbers alone, as people type them
        ("47, 48", (47, 48)),
        ("47 48 49", (47, 48, 49)),
        ("47 en 48", (47, 48)),
        ("#47 #48", (47, 48)),
        ("vragen 47 t/m 50", (47, 48, 49, 50)),
        ("vragen 1 t/m 99", tuple(range(1, 11))),  # a range yields at most ten
        ("1-5", (1, 2, 3, 4, 5)),
        ("vragen 12–14", (12, 13, 14)),
        ("question 47", (47,)),
        ("questions 12 and 13", (12, 13)),
        # numbers among words, or a span of years, are no list of questions
        ("hoeveel 47 48", ()),
        ("2022-2025", ()),
        ("31749-8", ()),
        ("5-1", ()),
    ],
)
def test_numbers_go_to_lookup(query: str, numbers: tuple[int, ...]) -> None:
    assert parse_lookup(query)[0] == numbers


# ---------------------------------------------------------------------------- ranking


def test_stemming_finds_other_word_forms(engine: SearchEngine) -> None:
    assert top(engine, "statushouder bijstandsuitkeringen") == ("vraag", "1")


def test_diacritics_do_not_matter(engine: SearchEngine) -> None:
    assert top(engine, "hoe geintegreerd zijn nieuwkomers") == ("vraag", "5")


@pytest.mark.parametrize(
    ("query", "expected"),
    [("taaleiss participatiewett", "2"), ("startbaanen statushouders", "6")],
)
def test_typos_map_to_known_terms(engine: SearchEngine, query: str, expected: str) -> None:
    assert top(engine, query) == ("vraag", expected)


def test_compound_in_query_finds_separate_words(engine: SearchEngine) -> None:
    # "woningmarktdiscriminatie" is nowhere in the corpus; its parts are
    assert top(engine, "woningmarktdiscriminatie verhuurders") == ("vraag", "4")


def test_english_via_glossary(engine: SearchEngine) -> None:
    assert top(engine, "How many status holders receive welfare?") == ("vraag", "1")
    assert top(engine, "What is done against FGM?") == ("vraag", "3")


def test_dutch_abbreviation_via_synonyms(engine: SearchEngine) -> None:
    assert top(engine, "aanpak vgv") == ("vraag", "3")


def test_number_lookup_returns_the_question(engine: SearchEngine) -> None:
    response = engine.search("#6")
    assert response.lookup and not response.declined
    assert [(h.kind, h.key) for h in response.results] == [("vraag", "6")]
    assert response.results[0].score == 1.0


def test_unknown_number_is_reported_missing(engine: SearchEngine) -> None:
    response = engine.search("vraag 400")
    assert response.lookup and response.declined
    assert response.results == () and response.missing == ("400",)


def test_section_number_goes_to_the_section(engine: SearchEngine) -> None:
    assert top(engine, "§1.5") == ("sectie", "1.5")
    # named in a sentence: "wat staat er in paragraaf 2.3?" gave answer 166, unsure
    assert top(engine, "wat staat er in paragraaf 1.5?") == ("sectie", "1.5")


@pytest.mark.parametrize(
    ("query", "lookup"),
    [
        ("in §2.3 staat iets over vrouwen, wat precies?", ((), ("2.3",))),
        ("what does section 1.7 say", ((), ("1.7",))),
        ("vraag 47 en paragraaf 1.7", ((47,), ("1.7",))),
        # without its marker a number with a point inside a sentence is a figure
        ("was het 2.3 miljoen euro?", ((), ())),
    ],
)
def test_a_section_named_in_a_sentence_is_a_lookup(query: str, lookup: object) -> None:
    assert parse_lookup(query) == lookup


def test_near_identical_answers_collapse_into_one_result(engine: SearchEngine) -> None:
    response = engine.search("kondigt de plannen aan voortgangsbrief", limit=5)
    shared = [h for h in response.results if set(h.questions) & {7, 8, 9, 13}]
    assert len(shared) == 1
    # identical, near-identical (one word more) and the same text plus a sentence
    assert shared[0].questions == (7, 8, 9, 13)


def test_short_identical_answers_stay_apart(engine: SearchEngine) -> None:
    units = {int(engine.index.doc_unit[engine.index.by_question[n][0]]) for n in (14, 15)}
    assert len(units) == 2


def test_answer_group_is_one_result_naming_all_questions(engine: SearchEngine) -> None:
    response = engine.search("imamopleiding moskeekoepels", kinds=("vraag",))
    assert response.results[0].questions == (10, 11)
    assert len([h for h in response.results if 10 in h.questions]) == 1


def test_timing_question_ranks_commitments_first(engine: SearchEngine) -> None:
    response = engine.search("wanneer is de nationale dialoog met sleutelfiguren?")
    assert response.timing
    assert response.results[0].kind == "toezegging"
    assert response.results[0].key == "nationale-dialoog"
    # without the timing word the question about the plan may come first
    plain = engine.search("nationale dialoog met sleutelfiguren")
    assert not plain.timing


def test_declines_out_of_domain_question(engine: SearchEngine) -> None:
    response = engine.search("Wat kost een parkeervergunning voor een camper in Zwolle?")
    assert response.declined


def test_declined_still_offers_closest_candidates(engine: SearchEngine) -> None:
    response = engine.search("statushouders fietsles zwemdiploma boerderij")
    assert response.declined
    assert response.results and response.results[0].key in {"1", "6"}


def test_in_domain_question_is_answered(engine: SearchEngine) -> None:
    response = engine.search("waarom blijft de taaleis in de participatiewet?")
    assert not response.declined
    assert response.results[0].key == "2"


def test_kinds_filter(engine: SearchEngine) -> None:
    response = engine.search("imamopleiding", kinds=("sectie",))
    assert {h.kind for h in response.results} == {"sectie"}


def test_snippet_is_the_matching_sentence(engine: SearchEngine) -> None:
    hit = engine.search("startbaan inburgering").results[0]
    assert "startbaan" in hit.snippet and len(hit.snippet) <= 250


def test_scores_are_confidences_in_unit_range(engine: SearchEngine) -> None:
    for hit in engine.search("statushouders werk bijstand", limit=10).results:
        assert 0.0 < hit.score <= 1.0


def test_empty_or_stopword_query_declines(engine: SearchEngine) -> None:
    assert engine.search("wat is het?").declined
    assert engine.search("").declined


# ---------------------------------------------------------------------------- CLI


@pytest.fixture()
def content_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the real content (skipped until the documents are there)."""
    source = Path(__file__).resolve().parents[1] / "content"
    if not (source / "documents").is_dir():
        pytest.skip("content/documents is not there yet")
    target = tmp_path / "content"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("sources"))
    monkeypatch.setenv("CONTENT_DIR", str(target))
    return target


def test_cli_search_json_shape(content_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from agendabot.cli import main

    assert main(["search", "taaleis in de bijstand", "--json", "--limit", "4"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"query", "declined", "band", "off_topic", "results"}
    assert data["band"] in {"answer", "middle", "decline"}
    assert isinstance(data["declined"], bool)
    assert 1 <= len(data["results"]) <= 4
    for result in data["results"]:
        assert result["type"] in {"vraag", "toezegging", "sectie"}
        assert ("number" in result) != ("id" in result)
        assert {"score", "title", "snippet"} <= set(result)
        assert 0.0 <= result["score"] <= 1.0


def test_cli_search_number(content_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from agendabot.cli import main

    assert main(["search", "v79", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)["results"][0]
    assert result["type"] == "vraag" and 79 in result["numbers"]
    assert result["snippet"].startswith("Gesloten gemeenschappen")


@pytest.mark.parametrize(
    "argv",
    [["search", "vraag 999"], ["search", "   "], ["search", "taal", "--limit", "0"]],
)
def test_cli_search_bad_input(
    content_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    from agendabot.cli import main

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.strip() and "Traceback" not in err


def test_glossary_file_is_valid_and_used(content_dir: Path) -> None:
    from agendabot.content.search_index import load_glossary

    glossary = load_glossary(content_dir)
    assert len(glossary.english) > 100
    english = {t for entry in glossary.english for t in entry.en}
    assert {"newcomer", "status holder", "welfare", "language requirement"} <= english


def test_english_words_for_the_documents_frequent_terms(content_dir: Path) -> None:
    """The glossary's last section: English for the documents' frequent content words, so an
    English question keeps its words instead of losing them as unknown."""
    from agendabot.content import load_content
    from agendabot.content.search_index import build_search

    engine = build_search(load_content(content_dir))
    plan = engine.plan("Which obstacles do the authorities see for newcomers in shortage sectors?")
    terms = {t for clause in plan.clauses for t in clause.terms}
    stem = engine.index.analyzer.stem
    assert {stem("belemmeringen"), stem("overheid"), stem("kraptesectoren")} <= terms
    assert plan.unmatched == ()


def test_bad_glossary_is_reported_by_content_check(content_dir: Path) -> None:
    from agendabot.content import ContentError, load_content

    (content_dir / "glossary.yaml").write_text("english:\n  - en: [newcomer]\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    assert any("glossary.yaml" in str(p) and "nl" in str(p) for p in caught.value.problems)


# ------------------------------------------------------------- method refinements (issue 4)


def test_percent_sign_reads_as_procent() -> None:
    assert words("12%") == ["12", "procent"]
    assert words("1,5%-punt") == ["1,5", "procent", "punt"]


def test_procentpunten_query_finds_percent_point_notation() -> None:
    docs = [
        qa(1, "Hoe groot is de achterstand?", "De achterstand daalde met 1,5%-punt in tien jaar."),
        qa(2, "Hoe groot is de groep?", "De groep telt ongeveer tienduizend mensen."),
    ]
    engine = SearchEngine.build(docs)
    assert top(engine, "achterstand in procentpunten") == ("vraag", "1")


def test_verb_forms_snowball_leaves_apart() -> None:
    stem = Analyzer().stem
    assert stem("weiger") in inflections("weigert", stem, known=False)
    assert stem("kort") in inflections("gekort", stem, known=True)
    assert stem("opgroei") in inflections("opgegroeid", stem, known=False)
    # a known word is not read as a present tense ("kant" stays "kant")
    assert inflections("kant", stem, known=True) == []


def test_present_tense_query_finds_infinitive(engine: SearchEngine) -> None:
    # "verhuurt" is not in the corpus; "verhuurders" is, "verhuur" is its stem family
    docs = [
        qa(1, "Wie controleert de uitkering?", "De gemeente controleert elke uitkering jaarlijks."),
        qa(2, "Mag iemand een baan weigeren?", "Weigeren van passend werk kan gevolgen hebben."),
    ]
    small = SearchEngine.build(docs)
    plan = small.plan("wat als iemand passend werk weigert")
    # read as a verb form at full weight, not as a (weaker) typo correction
    assert [c.weight for c in plan.clauses if c.source == "weigert"] == [1.0]
    assert top(small, "wat als iemand passend werk weigert") == ("vraag", "2")


def test_derivations_extend_by_suffix_not_by_word() -> None:
    docs = [
        qa(1, "Is het problematisch?", "Dat is problematisch."),
        qa(2, "Welke problemen zijn er?", "Er zijn problemen met de probleemanalyse."),
        qa(3, "Hoe werkt de polarisatiemonitor?", "De polarisatiemonitor meet de polarisatie."),
    ]
    index = SearchEngine.build(docs).index
    stem = index.analyzer.stem
    assert stem("problematisch") in derivations(stem("probleem"), index)
    assert all("monitor" not in t for t in derivations(stem("polarisatie"), index))


def test_dutch_synonym_set_finds_other_wording() -> None:
    docs = [
        qa(1, "Wat gebeurt er bij verzuim?", "Bij verzuim volgt een verlaging van de uitkering."),
        qa(2, "Wat gebeurt er bij ziekte?", "Bij ziekte loopt de uitkering gewoon door."),
    ]
    with_synonyms = SearchEngine.build(
        docs, Glossary(synonyms=[SynonymSet(terms=["korting", "verlaging"])])
    )
    assert top(with_synonyms, "korting uitkering") == ("vraag", "1")
    without = SearchEngine.build(docs)
    assert without.plan("korting uitkering").unmatched == ("korting",)


def test_passage_factor_prefers_the_fact_in_one_sentence() -> None:
    answer_together = "Inleiding over het beleid. In 2023 kregen 480 gezinnen een woning."
    answer_apart = "In 2023 startte het beleid. Later kregen gezinnen een woning. Of 480 klopt?"
    docs = [qa(1, "Vraag een", answer_apart), qa(2, "Vraag twee", answer_together)]
    engine = SearchEngine.build(docs, params=RankParams(passage=0.6))
    assert top(engine, "hoeveel gezinnen kregen in 2023 een woning") == ("vraag", "2")


def test_phrase_factor_prefers_adjacent_words_in_the_question() -> None:
    docs = [
        qa(1, "Wat kost de taal van de cursus voor ouders?", "Dat verschilt."),
        qa(2, "Wat kost de taalcursus voor ouders?", "Dat verschilt."),
        qa(3, "Komt er een cursus taal voor ouders?", "Dat verschilt."),
    ]
    engine = SearchEngine.build(docs, params=RankParams(phrase=0.5))
    stem = engine.index.analyzer.stem
    assert engine.index.bigram_docs_of(stem("cursus"), stem("taal")).tolist() == [2]
    assert top(engine, "cursus taal ouders") == ("vraag", "3")


def test_question_coverage_factor_prefers_question_matches() -> None:
    docs = [
        qa(1, "Hoe gaat het met de inburgering?", "Over taalles en werk valt veel te zeggen."),
        qa(2, "Hoe gaat het met taalles en werk?", "Het gaat redelijk."),
    ]
    engine = SearchEngine.build(docs, params=RankParams(question_coverage=0.9))
    assert top(engine, "taalles werk") == ("vraag", "2")


@pytest.mark.parametrize(
    "params",
    [
        RankParams(coverage=1.0),
        RankParams(question_coverage=0.5),
        RankParams(phrase=0.3),
        RankParams(passage=0.5),
        RankParams(derivation=0.5),
        RankParams(answer_type=0.5),
        RankParams(figure_sentence=0.5),
        RankParams(fillers=True),
    ],
)
def test_shaping_factors_keep_confidence_in_unit_range(params: RankParams) -> None:
    engine = SearchEngine.build(CORPUS, GLOSSARY, params=params)
    queries = ("statushouders bijstand", "imamopleiding", "taaleis participatiewet")
    for query in (*queries, "hoeveel statushouders ontvangen bijstand?"):
        for hit in engine.search(query).results:
            assert 0.0 <= hit.score <= 1.0


def test_variant_shares_the_index(engine: SearchEngine) -> None:
    other = engine.variant(params=RankParams(passage=0.3), threshold=0.9)
    assert other.index is engine.index
    assert other.threshold == 0.9 and engine.threshold != 0.9
    assert other.search("statushouders bijstand").declined


# ----------------------------------------------------------------- fillers and answer types


def test_drop_fillers_removes_hedges_but_never_everything() -> None:
    assert drop_fillers(words("Hoe zit het met de kinderopvang in principe?")) == [
        "de",
        "kinderopvang",
    ]
    assert drop_fillers(words("what did we say about child care")) == ["child", "care"]
    # a phrase only counts whole: "principe" alone is a word like any other
    assert drop_fillers(words("het principe van gelijkheid")) == words(
        "het principe van gelijkheid"
    )
    # nothing but filler: the query stays as typed
    assert drop_fillers(words("in principe")) == ["in", "principe"]


def test_filler_does_not_steer_the_ranking() -> None:
    docs = [
        qa(1, "Wat is het principe van de taaleis?", "Taalniveau B1 voor wie bijstand krijgt."),
        qa(2, "Voor welke groepen verandert de taaleis?", "Voor iedereen in de bijstand."),
        qa(3, "Hoe gaat het met de inburgering?", "Het gaat goed."),
    ]
    query = "verandert de taaleis in principe?"
    plain = SearchEngine.build(docs, params=RankParams())
    assert "principe" in {c.source for c in plain.plan(query).clauses}
    assert top(plain, query) == ("vraag", "1")
    hedged = SearchEngine.build(docs, params=RankParams(fillers=True))
    assert "principe" not in {c.source for c in hedged.plan(query).clauses}
    assert top(hedged, query) == ("vraag", "2")


@pytest.mark.parametrize(
    ("query", "hedge"),
    [
        ("Is segregatie per definitie een probleem?", "definitie"),
        ("Moeten werkgevers in ieder geval een taalcursus aanbieden?", "geval"),
        ("Is een taaleis als zodanig een drempel?", "zodanig"),
        ("Hoe groot is de achterstand van statushouders?", "groot"),
        ("Hoe vaak wordt de inburgering afgebroken?", "vaak"),
        ("How big is the gap for status holders?", "big"),
    ],
)
def test_hedges_and_question_frames_are_not_what_a_query_is_about(query: str, hedge: str) -> None:
    # every word of the query is known to the index, the hedge too
    engine = SearchEngine.build([qa(1, query, f"Een antwoord met {hedge}.")])
    plan = engine.plan(query)
    assert hedge not in {w for c in plan.clauses for w in words(c.source)}
    assert plan.clauses  # what the query is about remains


def test_an_idiom_does_not_pull_the_query_to_its_noun() -> None:
    """'per definitie' means 'necessarily': the query is about segregatie, not definitions."""
    docs = [
        qa(
            1,
            "Wat is de definitie van segregatie?",
            "Er is geen vaste definitie van segregatie; de definitie verschilt per onderzoek.",
        ),
        qa(2, "Welke gevolgen heeft segregatie?", "Segregatie is niet altijd een probleem."),
        qa(3, "Is discriminatie een probleem?", "Ja."),
    ]
    engine = SearchEngine.build(docs)
    assert top(engine, "Is segregatie per definitie een probleem?") == ("vraag", "2")
    assert top(engine, "Wat is de definitie van segregatie?") == ("vraag", "1")


def test_the_verb_gelden_is_not_money() -> None:
    """'Welke regels gelden' asks what applies; a glossary entry for geld must not fire."""
    glossary = Glossary(synonyms=[SynonymSet(terms=["geld", "budget", "middelen"])])
    docs = [
        qa(1, "Welke regels zijn er voor gezinsmigranten?", "De inburgeringsplicht."),
        qa(2, "Hoeveel geld gaat naar gezinsmigranten?", "Er is budget voor gezinsmigranten."),
    ]
    engine = SearchEngine.build(docs, glossary)
    plan = engine.plan("Welke regels gelden voor gezinsmigranten?")
    assert not {"geld", "budget"} & {t for c in plan.clauses for t in c.terms}
    assert top(engine, "Welke regels gelden voor gezinsmigranten?") == ("vraag", "1")
    assert top(engine, "Hoeveel geld is er voor gezinsmigranten?") == ("vraag", "2")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Hoeveel gemeenten doen mee aan de pilot?", QUANTITY),
        ("Welk percentage van de cursisten slaagt?", QUANTITY),
        ("Welk deel van de cursisten slaagt?", QUANTITY),
        ("Hoe groot is de wachtlijst voor taalles?", QUANTITY),
        ("What share of pupils passed the exam?", QUANTITY),
        ("Wie betaalt de taalcursus?", NAME),
        ("Met welke organisaties wordt samengewerkt?", NAME),
        ("Which organisations run the pilot?", NAME),
        ("Waarom stopt de regeling?", 0),
    ],
)
def test_question_type(query: str, expected: int) -> None:
    assert question_type(query) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2021 begon de regeling.", 0),  # a year alone is no figure
        ("Er deden 340 gemeenten mee.", QUANTITY),
        ("Het aandeel steeg tot 12,5% van de deelnemers.", QUANTITY),
        ("Dat is ongeveer de helft.", QUANTITY),
        ("Zie het antwoord op vraag 12 hierboven.", 0),
        ("Dit staat in de brief.[4]", 0),
        ("Het UWV voert dit uit.", NAME),
        ("Dit doet het Kenniscentrum Sociale Zaken.", NAME),
        ("In 2023 meldden 57 werkgevers zich bij de Arbeidsinspectie Nederland.", QUANTITY | NAME),
    ],
)
def test_text_types(text: str, expected: int) -> None:
    assert text_types(text) == expected


ANSWER_TYPE_CORPUS = [
    qa(
        1,
        "Hoe staat het met de inburgering van gezinsmigranten?",
        "De inburgering van gezinsmigranten verloopt sinds 2022 beter; gezinsmigranten "
        "volgen vaker een cursus.",
    ),
    qa(2, "Welke resultaten boeken gezinsmigranten?", "Van hen rondde 64 procent de cursus af."),
    qa(3, "Wat doet het UWV?", "Het UWV helpt werkzoekenden."),
]


def test_answer_type_prefers_an_answer_with_a_figure() -> None:
    query = "hoeveel gezinsmigranten ronden de inburgering af?"
    plain = SearchEngine.build(ANSWER_TYPE_CORPUS, params=RankParams())
    assert top(plain, query) == ("vraag", "1")
    assert len(plain.index.doc_types) == 0  # texts are classified only when needed
    typed = SearchEngine.build(ANSWER_TYPE_CORPUS, params=RankParams(answer_type=0.5))
    assert top(typed, query) == ("vraag", "2")
    # a question that asks for no figure is ranked as before
    assert top(typed, "inburgering gezinsmigranten") == top(plain, "inburgering gezinsmigranten")


FIGURE_CORPUS = [
    qa(
        1,
        "Hoe beoordeelt u dat statushouders in de opvang op een woning wachten?",
        "Dat beoordeel ik als zorgelijk; gemeenten moeten sneller woningen vinden.",
    ),
    qa(
        2,
        "Wat betekent de druk op de opvang?",
        "De druk is groot. In 2025 wachtten 16.000 statushouders in de opvang op een woning.",
    ),
    qa(3, "Hoe gaat het met de inburgering?", "Beter dan eerst."),
]


def test_a_question_for_a_figure_prefers_the_sentence_that_states_it() -> None:
    query = "hoeveel statushouders wachtten in 2025 in de opvang op een woning?"
    plain = SearchEngine.build(FIGURE_CORPUS, params=RankParams(fillers=True))
    assert top(plain, query) == ("vraag", "1")  # the question names the subject
    figures = plain.variant(params=RankParams(fillers=True, figure_sentence=0.5))
    assert top(figures, query) == ("vraag", "2")  # one sentence of the answer holds it all
    # how sure the search is rests on the first pass: the best score stays the same
    assert figures.search(query).results[0].score == plain.search(query).results[0].score
    # a question that asks for no figure is ranked as before
    other = "statushouders opvang woning"
    assert [h.key for h in figures.search(other).results] == [
        h.key for h in plain.search(other).results
    ]


@pytest.mark.parametrize(
    "query",
    [
        "hoeveel gezinsmigranten ronden de inburgering af?",
        "hoeveel vluchtelingen wonen er in Nederland?",
        "wie helpt werkzoekenden?",
        "hoe groot is de kans op regen morgen?",
    ],
)
def test_answer_type_does_not_change_declining(query: str) -> None:
    """The bonus may reorder; whether to answer rests on the first-pass evidence."""
    plain = SearchEngine.build(ANSWER_TYPE_CORPUS, params=RankParams(), threshold=0.3)
    typed = plain.variant(params=RankParams(answer_type=0.5))
    before, after = plain.search(query), typed.search(query)
    assert before.declined == after.declined
    assert [h.score for h in before.results][:1] == [h.score for h in after.results][:1]
    assert all(0.0 <= h.score <= 1.0 for h in after.results)
    scores = [h.score for h in after.results]
    assert scores == sorted(scores, reverse=True)
