"""The search glossary: curated English → Dutch domain terms and Dutch synonyms.

Kept as content (`content/glossary.yaml`) so a policy officer can extend it; validated
here so a typo in the file is reported with the entry that holds it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from agendabot.core.search.analysis import words


def _clean_terms(terms: list[str]) -> list[str]:
    cleaned = [" ".join(t.split()) for t in terms]
    for term in cleaned:
        if not words(term):
            raise ValueError(f"term {term!r} bevat geen woorden")
    return cleaned


class Translation(BaseModel):
    """English terms (any of them) that mean the Dutch terms (any of them) in this domain."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    en: list[str] = Field(min_length=1)
    nl: list[str] = Field(min_length=1)

    _check_en = field_validator("en")(_clean_terms)
    _check_nl = field_validator("nl")(_clean_terms)


class SynonymSet(BaseModel):
    """Dutch terms or abbreviations that mean the same thing ("vgv", "genitale verminking")."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    terms: list[str] = Field(min_length=2)

    _check = field_validator("terms")(_clean_terms)


class Glossary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    english: list[Translation] = Field(default_factory=list)
    synonyms: list[SynonymSet] = Field(default_factory=list)

    @model_validator(mode="after")
    def _no_duplicates(self) -> Glossary:
        seen: dict[str, int] = {}
        for i, entry in enumerate(self.english):
            for term in entry.en:
                key = " ".join(words(term))
                if key in seen and seen[key] != i:
                    raise ValueError(
                        f"Engelse term {term!r} staat dubbel (english[{seen[key]}] en english[{i}])"
                    )
                seen[key] = i
        return self
