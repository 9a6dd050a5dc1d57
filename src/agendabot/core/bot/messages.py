"""The bot's messages as neutral `Reply` values: answers, commitments, sections,
sections and help (pure; Dutch text). Search replies are in `search_messages`, deadline
lists and subscriptions in `agenda_messages`.

Renderers (`agendabot.slack.blocks`, `agendabot.core.reply.render_text`) escape and split; this
module only decides what is said and which buttons go with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Final

from agendabot.core.agenda.commitments import (
    KIND_LABELS,
    RELATED_QUESTIONS_DOCUMENT,
    Commitment,
    question_label,
    squash,
)
from agendabot.core.bot.ports import StatusInfo
from agendabot.core.documents.models import Letter, QADocument, footnote_numbers
from agendabot.core.documents.present import numbers_phrase, question_payload
from agendabot.core.reply.model import (
    Button,
    Buttons,
    Context,
    Header,
    Link,
    Paragraph,
    Part,
    Reply,
    Span,
    Strong,
    simple,
)
from agendabot.core.time.dutch_dates import describe_period, dutch_date

# Button action ids (the adapter routes these back as `Action`s).
SHARE: Final = "share_answer"
SHOW_ANSWER: Final = "show_answer"
SHOW_COMMITMENT: Final = "show_commitment"
MARK_DONE: Final = "mark_done"  # "Afgerond melden" on an open commitment
SHOW_SECTION: Final = "show_section"
# Every button that a reply may carry and the dispatch answers (the Slack app registers these)
ACTIONS: Final = (SHARE, SHOW_ANSWER, SHOW_COMMITMENT, SHOW_SECTION, MARK_DONE)

# Prefixes of a `share_answer` value: "47" (a question), "toezegging:ID", "sectie:1.7".
SHARE_COMMITMENT: Final = "toezegging:"
SHARE_SECTION: Final = "sectie:"

TITLE_MAX: Final = 140
SNIPPET_MAX: Final = 300


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space >= limit * 0.6:
        head = head[:space]
    return head.rstrip(" ,;:") + "…"


def pillar_phrase(pillar: str) -> str:
    """ "1" → "pijler 1", "all" → "alle pijlers"."""
    return "alle pijlers" if pillar == "all" else f"pijler {pillar}"


def document_links(qa: QADocument, letter: Letter) -> dict[str, str]:
    """Document key ("32824-456") → URL of the official publication."""
    return {d.meta.id: d.meta.url for d in (qa, letter)}


def range_message(qa: QADocument) -> str:
    numbers = qa.numbers
    return f"De lijst heeft vragen {min(numbers)} tot en met {max(numbers)}."


def sections_message(letter: Letter) -> str:
    """ "De brief heeft paragrafen 1.1 tot en met 1.8, 2.1 tot en met 2.6, 3 en 4." """
    numbers = [s.number for s in letter.sections]
    leaves = [n for n in numbers if not any(m.startswith(f"{n}.") for m in numbers)]
    runs: list[list[str]] = []
    for number in leaves:
        head = number.rpartition(".")[0]
        if head and runs and runs[-1][0].rpartition(".")[0] == head:
            runs[-1].append(number)
        else:
            runs.append([number])
    if not runs:
        return "De brief heeft geen genummerde paragrafen."
    spans = [run[0] if len(run) == 1 else f"{run[0]} tot en met {run[-1]}" for run in runs]
    return f"De brief heeft paragrafen {numbers_phrase(spans)}."


def no_such_question(qa: QADocument, number: int, *, named: bool = False) -> Reply:
    shown = str(number) if number < 10**6 else "met dat nummer"
    where = f" in {qa.meta.citation}" if named else ""
    return simple(f"Vraag {shown} bestaat niet{where}. {range_message(qa)}")


def also_in(number: int, addresses: Sequence[str]) -> str:
    """One line: the same number in other lists, with how to ask for each."""
    forms = ", ".join(f"`/vraag {address}`" for address in addresses)
    return f"Vraag {number} staat ook in een andere lijst: {forms}."


# ------------------------------------------------------------------------------ answers


def _share_button(value: str) -> Button:
    return Button("Deel in kanaal", SHARE, value=value, style="primary")


def _share(value: str) -> Buttons:
    return Buttons((_share_button(value),))


def _origin(qa: QADocument, number: int, kind: str, sources: Sequence[int]) -> str | None:
    question = qa.question(number)
    others = [n for n in question.members if n != number]
    if kind == "group":
        return (
            f"Vraag {number} is samen met vraag {numbers_phrase(others)} beantwoord; "
            f"het antwoord staat bij vraag {numbers_phrase(sources)}."
        )
    if kind == "reference":
        return f"Dit antwoord verwijst naar vraag {numbers_phrase(sources)}."
    if question.group and others:
        return f"Deze vraag is samen met vraag {numbers_phrase(others)} beantwoord."
    return None


def question_reply(
    qa: QADocument, number: int, *, shareable: bool = True, address: str | None = None
) -> Reply:
    """Question `number`: the question, its (shared) answer, footnotes, citation and link.

    `address` is how to ask for it again ("31749-8:1"; default: the bare number)."""
    data = question_payload(qa, number)
    parts: list[Part] = [Header(f"Vraag {number}"), Paragraph(data["question"])]
    origin = _origin(qa, number, data["answer_kind"], data["answered_in"])
    if origin:
        parts.append(Context((origin,)))
    if data["answer"]:
        parts.append(Paragraph(data["answer"], quote=True))
    else:
        parts.append(Paragraph("Bij deze vraag staat geen antwoord."))
    others = [n for n in data["refers_to"] if n not in data["answered_in"]]
    if others:
        parts.append(Context((f"Zie ook vraag {numbers_phrase(others)}.",)))
    notes = data["footnotes"]
    if notes:
        lines: list[Sequence[Span]] = []
        for note in notes:
            line: list[Span] = [f"[{note['number']}] {note['text']}"]
            if note["url"] and note["url"] not in note["text"]:
                line += [" ", Link(note["url"], note["url"])]
            lines.append(line)
        parts.append(Context(tuple(lines)))
    source: list[Span] = ["Bron: ", Link(data["citation"], data["url"])]
    parts.append(Context(([*source, f" · {dutch_date(qa.meta.date)}"],)))
    # "Zie antwoord 61.": the answer it points to, one click away (in the same list)
    prefix = (address or "").rpartition(":")[0]
    buttons = [_share_button(address or str(number))] if shareable else []
    buttons += [
        Button(f"Toon vraag {n}", SHOW_ANSWER, value=f"{prefix}:{n}" if prefix else str(n))
        for n in others[:3]
    ]
    if buttons:
        parts.append(Buttons(tuple(buttons)))
    text = f"Vraag {number}: {shorten(data['answer'] or data['question'], 300)}"
    return Reply(text=text, parts=tuple(parts), ephemeral=True, more_url=data["url"])


def section_reply(
    letter: Letter, number: str, *, shareable: bool = True, address: str | None = None
) -> Reply:
    """Section `number` of the letter, with its footnotes and source."""
    section = letter.section(number)
    parts: list[Part] = [Header(f"§{section.number} {section.title}")]
    if section.pillar is not None:
        try:
            pillar_title = letter.pillar(section.pillar).title
        except KeyError:
            pillar_title = ""
        label = f"Pijler {section.pillar}" + (f": {pillar_title}" if pillar_title else "")
        parts.append(Context((label,)))
    parts.append(Paragraph(section.text or "(Deze paragraaf heeft geen eigen tekst.)"))
    if letter.tables_in(number):
        parts.append(Context(("Deze paragraaf bevat een tabel; die staat in de brief zelf.",)))
    notes = footnotes_shown_letter(letter, section.text)
    if notes:
        parts.append(Context(tuple(notes)))
    citation = f"{letter.meta.citation}, paragraaf {section.number}"
    dated = f" · {dutch_date(letter.meta.date)}"
    parts.append(Context((["Bron: ", Link(citation, letter.meta.url), dated],)))
    if shareable:
        parts.append(_share(f"{SHARE_SECTION}{address or section.number}"))
    text = f"§{section.number} {section.title}: {shorten(section.text, 300)}"
    return Reply(text=text, parts=tuple(parts), ephemeral=True, more_url=letter.meta.url)


def footnotes_shown_letter(letter: Letter, text: str) -> list[Sequence[Span]]:
    lines: list[Sequence[Span]] = []
    for number in dict.fromkeys(footnote_numbers(text)):
        try:
            note = letter.footnote(number)
        except KeyError:
            continue
        line: list[Span] = [f"[{note.number}] {note.text}"]
        if note.url and note.url not in note.text:
            line += [" ", Link(note.url, note.url)]
        lines.append(line)
    return lines


def status_phrase(status: str, change: StatusInfo | None) -> str:
    label = status
    if change is not None and change.status == status and status != "open":
        return f"{label} (gemeld op {dutch_date(change.at.date())})"
    return label


def commitment_reply(
    commitment: Commitment,
    *,
    status: str,
    change: StatusInfo | None,
    today: date,
    links: Mapping[str, str],
    shareable: bool = True,
) -> Reply:
    """One commitment: what, the due date, status, the verbatim quote(s) and the source."""
    c = commitment
    overdue = status == "open" and c.due < today
    parts: list[Part] = [Header(c.title)]
    when: list[Span] = [Strong("Deadline: "), dutch_date(c.due)]
    if c.start != c.due:
        when.append(f" (periode {describe_period(c.start, c.due)})")
    if c.when_text:
        when.append(f" — “{squash(c.when_text)}”")
    if overdue:
        when.append(" · over de datum")
    parts.append(Paragraph(when))
    facts = [f"pijler {c.pillar}" if c.pillar else "geen pijler", KIND_LABELS[c.kind]]
    if c.ministry:
        facts.append(c.ministry)
    facts.append(f"status: {status_phrase(status, change)}")
    context: list[Sequence[Span] | str] = [" · ".join(facts)]
    if change is not None and change.status == status and change.link:
        context.append(["Bewijs: ", Link(change.link, change.link)])
    if change is not None and change.status == status and change.note:
        context.append(f"Toelichting: {change.note}")
    parts.append(Context(tuple(context)))
    for source, text in c.quotes():
        parts.append(Paragraph(squash(text), quote=True))
        url = links.get(source.document)
        cite: Span = Link(source.citation(), url) if url else source.citation()
        parts.append(Context((["Bron: ", cite],)))
    extra: list[str] = []
    if c.related_questions:
        number = c.related_document.rsplit("-", 1)[-1]
        first = c.related_questions[0]
        ask = (
            first
            if c.related_document == RELATED_QUESTIONS_DOCUMENT
            else f"{c.related_document}:{first}"
        )
        extra.append(f"Zie ook {question_label(c.related_questions)} (nr. {number}): /vraag {ask}.")
    if c.override is not None:
        extra.append(f"Bewust afwijkende datum: {squash(c.override.reason)}")
    if c.note:
        extra.append(f"Noot: {squash(c.note)}")
    extra.append(f"Id: {c.id} · /agenda toezegging {c.id}")
    parts.append(Context(tuple(extra)))
    if shareable:
        buttons: tuple[Button, ...] = (_share_button(f"{SHARE_COMMITMENT}{c.id}"),)
        if status == "open":  # fulfilled as a letter goes out: one click, then confirmed
            ask = (
                f"“{shorten(c.title, 150)}” als afgerond melden? Een link naar de brief voeg "
                f"je toe met /agenda afgerond {c.id} LINK."
            )
            buttons += (Button("Afgerond melden", MARK_DONE, value=c.id, confirm=ask),)
        parts.append(Buttons(buttons))
    text = f"{c.title}: deadline {dutch_date(c.due)} ({status})."
    return Reply(text=text, parts=tuple(parts), ephemeral=True, more_url=links.get(c.document))


def without_sharing(reply: Reply) -> Reply:
    """The reply without "Deel in kanaal" and "Afgerond melden": for a message everyone
    already sees."""
    parts: list[Part] = []
    for part in reply.parts:
        if isinstance(part, Buttons):
            kept = tuple(b for b in part.buttons if b.action_id not in (SHARE, MARK_DONE))
            if not kept:
                continue
            part = Buttons(kept)
        parts.append(part)
    return replace(reply, parts=tuple(parts))


def with_note(reply: Reply, note: str) -> Reply:
    return replace(reply, parts=(*reply.parts, Context((note,))))


# ------------------------------------------------------------------------------ help


def vraag_help(*, greeting: bool = False) -> Reply:
    lines = (
        "/vraag 47 — vraag 47 met het antwoord (Kamerstuk 32 824, nr. 451); "
        "ook /vraag 47, 48 of /vraag 1 t/m 5",
        "/vraag brief — de paragrafen van de voortgangsbrief (Kamerstuk 32 824, nr. 456); "
        "/vraag 1.7 voor één paragraaf",
        "/vraag wanneer is de nationale dialoog? — zoek in de antwoorden, de brief en de "
        "toezeggingen",
        "/agenda help — deadlines, toezeggingen en abonnementen",
    )
    parts: tuple[Part, ...] = (
        Paragraph(
            ("Hoi! " if greeting else "")
            + "Stel een vraag over de Actieagenda Integratie, of geef een vraagnummer."
        ),
        Context(lines),
    )
    return Reply(text="Zo gebruik je /vraag: " + " · ".join(lines), parts=parts, ephemeral=True)


def mention_help(bot_name: str) -> Reply:
    text = (  # for a mention in a channel and for a message in the bot's DM alike
        f"Vraag me iets, bijvoorbeeld: wanneer is de nationale dialoog? of vraag 47. In een "
        f"kanaal noem je me erbij (@{bot_name} …) en antwoord ik in de draad. "
        "Meer: /vraag help en /agenda help."
    )
    return simple(text, ephemeral=False)


def apology() -> Reply:
    return simple("Sorry, er ging aan mijn kant iets mis. Probeer het zo nog eens.")
