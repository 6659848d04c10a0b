"""Non-English pages are told apart from English ones and skipped with a reason."""
from __future__ import annotations

import pytest

from amity.clean import NotEnglish, clean_page
from amity.clean.language import english_share
from amity.ingest import Page

ENGLISH = ("The foreign ministry said on Tuesday that it would impose new sanctions on the "
           "defence firms, which it accused of selling weapons to Taiwan.")
OTHERS = {
    "french": "Le gouvernement français a annoncé mardi de nouvelles sanctions contre la Russie, "
              "a déclaré le ministre des Affaires étrangères devant les députés.",
    "spanish": "El presidente de México se reunió el lunes con el secretario de Estado de Estados "
               "Unidos para hablar de la migración y del comercio entre los dos países.",
    "german": "Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland angekündigt, "
              "sagte der Außenminister vor dem Bundestag in Berlin.",
    "chinese": "中国外交部发言人周二表示，中方坚决反对美国向台湾出售武器，"
               "并将采取坚决措施维护国家主权。",
    "russian": "Президент России заявил во вторник, что Москва готова к переговорам с Украиной "
               "при посредничестве Турции.",
}


def test_english_scores_high() -> None:
    share = english_share(ENGLISH)
    assert share is not None and share > 0.8


@pytest.mark.parametrize("language", sorted(OTHERS))
def test_other_languages_score_low(language: str) -> None:
    share = english_share(OTHERS[language])
    assert share is not None and share < 0.5


def test_too_short_to_tell() -> None:
    assert english_share("Breaking news") is None


@pytest.mark.parametrize("language", sorted(OTHERS))
def test_clean_page_skips_non_english_page_with_reason(language: str) -> None:
    text = "\n\n".join([OTHERS[language]] * 3)
    with pytest.raises(NotEnglish, match="not in English"):
        clean_page(Page(source=f"{language}.txt", content=text, form="text"))


def test_english_page_with_foreign_quote_is_kept() -> None:
    text = "\n\n".join([ENGLISH, ENGLISH.replace("Tuesday", "Wednesday"), OTHERS["french"]])
    cleaned = clean_page(Page(source="mixed.txt", content=text, form="text"))
    assert cleaned.language == "en"
