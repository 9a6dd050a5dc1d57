"""`agendabot fetch` end to end against a local server that answers like the official services.

The server (aiohttp, in a thread of its own, on 127.0.0.1) serves document pages like
zoek.officielebekendmakingen.nl and SRU answers like repository.overheid.nl/sru. The SRU pages
follow the service's documented response shape (sru:searchRetrieveResponse with gzd records);
no test reaches the internet.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp import web

from agendabot.cli import main
from agendabot.content import load_content
from agendabot.content.search_index import build_search
from test_formats import LINES, _page

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
KAMERVRAGEN = Path(__file__).parent / "fixtures" / "kamervragen"
# New Kamervragen as officielebekendmakingen.nl shows them (kv-tk-2016Z00081, the top of the
# page, verbatim): the metadata table flattened, the header, "Vraag 1" …
OPEN_SET = (KAMERVRAGEN / "kv-tk-2016Z00081.txt").read_text("utf-8")
# Written answers to an open set (kv-20261120-jansen), served as an Aanhangsel
ANSWERS = (KAMERVRAGEN / "antwoord-kv-20261120-jansen.txt").read_text("utf-8")
OTHER_LINES = [
    line for line in (FIXTURES / "kst-31143-83.txt").read_text("utf-8").splitlines() if line.strip()
]


# new questions and answers as the SRU service lists them: by their titles, one to another
# ministry
KAMERVRAGEN_LISTING = [
    (
        "kv-tk-2016Z00081",
        "Vragen van de leden Kuzu en Öztürk (Groep Kuzu/Öztürk) aan de Minister van Sociale "
        "Zaken en Werkgelegenheid en de Staatssecretaris van Veiligheid en Justitie over het "
        "bericht «In Nederland dreigt nieuwe onderklasse van vluchtelingen te ontstaan»",
        "2016-01-06",
    ),
    (
        "kv-tk-2016Z00999",
        "Vragen van het lid Nijboer (PvdA) aan de Minister van Financiën over de bankenbelasting",
        "2016-01-07",
    ),
    (
        "ah-tk-20262027-700",
        "Antwoord op vragen van het lid Jansen aan de Staatssecretaris van Sociale Zaken en "
        "Werkgelegenheid over de taaleis in de Participatiewet",
        "2026-12-28",
    ),
]


def _record(identifier: str, title: str, available: str) -> str:
    return f"""
    <sru:record>
      <sru:recordSchema>gzd</sru:recordSchema>
      <sru:recordPacking>xml</sru:recordPacking>
      <sru:recordData>
        <gzd:gzd xmlns:gzd="http://standaarden.overheid.nl/sru">
          <gzd:originalData>
            <overheidwetgeving:meta xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/">
              <owmskern xmlns="http://standaarden.overheid.nl/owms/terms/">
                <dcterms:identifier xmlns:dcterms="http://purl.org/dc/terms/">{identifier}</dcterms:identifier>
                <dcterms:title xmlns:dcterms="http://purl.org/dc/terms/">{title}</dcterms:title>
                <dcterms:type xmlns:dcterms="http://purl.org/dc/terms/">Kamerstuk</dcterms:type>
              </owmskern>
              <owmsmantel xmlns="http://standaarden.overheid.nl/owms/terms/">
                <dcterms:available xmlns:dcterms="http://purl.org/dc/terms/">{available}</dcterms:available>
              </owmsmantel>
            </overheidwetgeving:meta>
          </gzd:originalData>
          <gzd:enrichedData>
            <gzd:preferredUrl>https://zoek.officielebekendmakingen.nl/{identifier}.html</gzd:preferredUrl>
          </gzd:enrichedData>
        </gzd:gzd>
      </sru:recordData>
    </sru:record>"""


def _sru(records: list[str], following: int | None) -> str:
    nxt = f"<sru:nextRecordPosition>{following}</sru:nextRecordPosition>" if following else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse">
  <sru:version>2.0</sru:version>
  <sru:numberOfRecords>3</sru:numberOfRecords>
  <sru:records>{"".join(records)}
  </sru:records>
  {nxt}
</sru:searchRetrieveResponse>"""


def _paragraphs(text: str) -> str:
    return _page([line for line in text.splitlines() if line.strip()])


class Official:
    """The local stand-in for the two services; counts requests per path."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.queries: list[dict[str, str]] = []
        self.url = ""

    async def document(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        self.hits[name] += 1
        self.agents.add(request.headers.get("User-Agent", ""))
        if name == "kst-31749-8":
            return web.Response(text=_page(LINES), content_type="text/html")
        if name == "kst-31143-83":
            if self.hits[name] == 1:
                return web.Response(status=500, text="Internal Server Error")
            return web.Response(text=_page(OTHER_LINES), content_type="text/html")
        if name == "kv-tk-2016Z00081":
            return web.Response(text=_paragraphs(OPEN_SET), content_type="text/html")
        if name == "ah-tk-20262027-700":
            return web.Response(text=_paragraphs(ANSWERS), content_type="text/html")
        if name == "kst-11111-1":
            await asyncio.sleep(2)
            return web.Response(text="te laat")
        return web.Response(status=404, text="Niet gevonden")

    async def sru(self, request: web.Request) -> web.StreamResponse:
        self.hits["sru"] += 1
        self.queries.append(dict(request.query))
        if "Kamervragen zonder antwoord" in request.query.get("query", ""):
            page = _sru([_record(*record) for record in KAMERVRAGEN_LISTING], None)
        elif request.query.get("startRecord") == "1":
            page = _sru(
                [
                    _record("kst-31749-8", "Lijst van vragen en antwoorden", "2011-05-02"),
                    _record("kst-31749-9", "Motie van het lid Van Gent", "2011-05-10"),
                ],
                following=3,
            )
        else:
            page = _sru(
                [_record("kst-31143-83", "Lijst van vragen en antwoorden", "2010-04-09")], None
            )
        return web.Response(text=page, content_type="application/xml")


@pytest.fixture
def official() -> Iterator[Official]:
    service = Official()
    loop = asyncio.new_event_loop()
    app = web.Application()
    app.router.add_get("/sru", service.sru)
    app.router.add_get("/{name}.html", service.document)
    runner = web.AppRunner(app)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = runner.addresses[0][1]
    service.url = f"http://127.0.0.1:{port}"
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield service
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.run_until_complete(runner.cleanup())
        loop.close()


def _fetch(official: Official, root: Path, *args: str) -> int:
    base = ["fetch", *args, "--content", str(root), "--basis-url", official.url]
    return main([*base, "--sru-url", f"{official.url}/sru", "--timeout", "0.5"])


def _content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    (root / "documents").mkdir(parents=True)
    return root


def test_a_document_is_downloaded_kept_and_ingested(
    official: Official, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _content(tmp_path)
    assert _fetch(official, root, "kst-31749-8") == 0
    assert "Kamerstuk 31 749, nr. 8" in capsys.readouterr().out
    assert (root / "sources" / "kst-31749-8.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    written = (root / "documents" / "kamerstuk-31749-8.yaml").read_text("utf-8")
    assert "url: https://zoek.officielebekendmakingen.nl/kst-31749-8.html" in written
    assert all(agent.startswith("agendabot/") for agent in official.agents)


def test_a_missing_document_is_one_sentence_and_nothing_is_written(
    official: Official, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _content(tmp_path)
    assert _fetch(official, root, "kst-99999-1") == 2
    err = capsys.readouterr().err.strip()
    assert "bestaat niet (HTTP 404)" in err and "\n" not in err
    assert official.hits["kst-99999-1"] == 1  # a 404 is not retried
    assert not (root / "sources").exists() and list((root / "documents").iterdir()) == []


def test_a_timeout_is_retried_then_reported(
    official: Official, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _content(tmp_path)
    assert _fetch(official, root, "kst-11111-1") == 2
    err = capsys.readouterr().err.strip()
    assert "niet te downloaden na 3 pogingen (geen antwoord op tijd)" in err
    assert official.hits["kst-11111-1"] == 3


def test_a_500_then_success_is_retried_once(
    official: Official, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _content(tmp_path)
    assert _fetch(official, root, "kst-31143-83") == 0
    assert official.hits["kst-31143-83"] == 2
    assert (root / "documents" / "kamerstuk-31143-83.yaml").is_file()
    capsys.readouterr()


def test_a_dossier_listing_pages_through_sru_and_ingests_what_is_new(
    official: Official, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _content(tmp_path)
    assert _fetch(official, root, "--dossier", "31 749", "--sinds", "2010-01-01") == 0
    out = capsys.readouterr().out
    assert "3 publicaties, 2 vragenlijsten, antwoorden of brieven, 2 nieuw" in out
    assert official.hits["sru"] == 2 and official.hits["kst-31749-9"] == 0  # the motion is skipped
    assert "w.dossiernummer==31749 AND dt.date>=2010-01-01" in official.queries[0]["query"]
    assert [q["startRecord"] for q in official.queries] == ["1", "3"]
    names = sorted(p.name for p in (root / "documents").iterdir())
    assert names == ["kamerstuk-31143-83.yaml", "kamerstuk-31749-8.yaml"]

    assert _fetch(official, root, "--dossier", "31749", "--sinds", "2010-01-01", "--droog") == 0
    assert "0 nieuw" in capsys.readouterr().out


def test_new_kamervragen_are_registered_with_their_deadline_once(
    official: Official, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _content(tmp_path)
    assert _fetch(official, root, "kv-tk-2016Z00081") == 0
    out = capsys.readouterr().out
    assert "Nieuwe Kamervragen 2016Z00081: 7 vragen van de leden Kuzu en Öztürk" in out
    assert "Ingezonden 6 januari 2016; antwoord uiterlijk 27 januari 2016" in out
    written = (root / "kamervragen" / "2016z00081.yaml").read_text("utf-8")
    assert "https://zoek.officielebekendmakingen.nl/kv-tk-2016Z00081.html" in written
    assert (root / "sources" / "kv-tk-2016Z00081.html").is_file()
    assert list((root / "documents").iterdir()) == [], "not a document: an open set"

    before = (root / "kamervragen" / "2016z00081.yaml").read_bytes()
    assert _fetch(official, root, "kv-tk-2016Z00081") == 2
    err = capsys.readouterr().err.strip()
    assert "staan al geregistreerd" in err and "\n" not in err
    assert (root / "kamervragen" / "2016z00081.yaml").read_bytes() == before
    assert (root / "sources" / "kv-tk-2016Z00081.html").is_file(), "its source is kept"


def test_fetched_answers_close_the_open_set_they_answer(
    official: Official, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _content(tmp_path)
    assert (
        main(["ingest", str(KAMERVRAGEN / "open-kv-20261120-jansen.txt"), "--content", str(root)])
        == 0
    )
    capsys.readouterr()
    assert _fetch(official, root, "ah-tk-20262027-700") == 0
    out = capsys.readouterr().out
    assert "Kamervragen kv-20261120-jansen zijn beantwoord" in out
    written = (root / "kamervragen" / "kv-20261120-jansen.yaml").read_text("utf-8")
    assert "answer:" in written and "ah-tk-20262027-700.html" in written


def test_new_kamervragen_to_the_ministry_are_found_without_an_id(
    official: Official, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _content(tmp_path)
    jansen = KAMERVRAGEN / "open-kv-20261120-jansen.txt"
    assert main(["ingest", str(jansen), "--content", str(root)]) == 0
    capsys.readouterr()
    assert _fetch(official, root, "--kamervragen", "--sinds", "2016-01-01") == 0
    out = capsys.readouterr().out
    query = official.queries[0]["query"]
    assert 'w.publicatienaam=="Kamervragen zonder antwoord"' in query
    assert 'w.publicatienaam=="Kamervragen (Aanhangsel)"' in query
    assert "dt.date>=2016-01-01" in query
    assert (
        "Kamervragen aan Sociale Zaken en Werkgelegenheid sinds 2016-01-01: 3 publicaties, "
        "1 met nieuwe vragen, 1 met antwoorden, 2 nieuw." in out
    )
    assert official.hits["kv-tk-2016Z00999"] == 0, "put to another ministry"
    assert "Nieuwe Kamervragen 2016Z00081: 7 vragen" in out
    assert "Kamervragen kv-20261120-jansen zijn beantwoord" in out
    assert (root / "kamervragen" / "2016z00081.yaml").is_file()
    assert "answer:" in (root / "kamervragen" / "kv-20261120-jansen.yaml").read_text("utf-8")

    fetched = sum(official.hits.values())
    assert _fetch(official, root, "--kamervragen", "--sinds", "2016-01-01") == 0
    assert "0 nieuw" in capsys.readouterr().out
    assert sum(official.hits.values()) == fetched + 1, "only the listing, nothing fetched again"

    # another ministry's questions (the local server has no page for them)
    assert (
        _fetch(official, root, "--kamervragen", "--sinds", "2016-01-01", "--aan", "financiën") == 2
    )
    out = capsys.readouterr().out
    assert "1 met nieuwe vragen, 0 met antwoorden, 1 nieuw." in out
    assert "overgeslagen: " in out and "kv-tk-2016Z00999.html bestaat niet (HTTP 404)" in out


def test_a_set_registered_under_another_id_is_skipped_not_failed(
    official: Official, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _content(tmp_path)
    # the same questions pasted without the Kamernummer: registered under an id of its header
    pasted = tmp_path / "geplakt.txt"
    pasted.write_text(OPEN_SET.split("\n\n", 2)[2], encoding="utf-8")
    assert main(["ingest", str(pasted), "--content", str(root)]) == 0
    (registered,) = (root / "kamervragen").iterdir()
    assert registered.stem != "2016z00081"
    capsys.readouterr()
    assert _fetch(official, root, "--kamervragen", "--sinds", "2016-01-01") == 0
    out = capsys.readouterr().out
    assert "al bekend: kv-tk-2016Z00081: Deze Kamervragen" in out
    assert [p.name for p in (root / "kamervragen").iterdir()] == [registered.name]
    assert not (root / "sources" / "kv-tk-2016Z00081.html").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kamervragen", "--sinds", "1 december"], "is geen datum"),
        (["--kamervragen", "kv-tk-2016Z00081"], "Geef één van"),
        (["--kamervragen", "--dossier", "32824"], "Geef één van"),
    ],
)
def test_bad_kamervragen_listings_get_one_sentence(
    args: list[str],
    message: str,
    official: Official,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _fetch(official, _content(tmp_path), *args) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err
    assert sum(official.hits.values()) == 0


@pytest.mark.parametrize("bad", ["32824-460", "kst-32824", "https://example.org/x"])
def test_a_wrong_identifier_is_refused(
    bad: str, official: Official, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _fetch(official, _content(tmp_path), bad) == 2
    assert "geen id van officielebekendmakingen" in capsys.readouterr().err
    assert sum(official.hits.values()) == 0


def test_a_fetched_document_gets_its_search_vectors(
    official: Official, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As after `agendabot ingest`: otherwise the search would stay lexical until someone ran
    `agendabot content vectors`."""
    root = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", root)
    assert _fetch(official, root, "ah-tk-20262027-700") == 0
    out = capsys.readouterr().out
    assert "zoekvectoren: 8 berekend, 0 vervallen" in out, "four passages, four questions"
    engine = build_search(load_content(root))
    assert engine.dense is not None and engine.dense.missing == 0
