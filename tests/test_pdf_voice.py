"""The "Voice of the customer" page of the PDF blueprint: read back from the real file with
poppler's pdftotext, as a client outside the room reads it.

A small salon with hand-worked answers: seven cards with 10 answers each but one (three), so
every NPS on the page can be worked out by hand; comments in English and Chinese, one that
looks like markup, one far too long for a page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdf
import pytest

from cocreate.export.pdf import export_pdf, paper_size, plan_document
from cocreate.export.pdf import fonts as pdf_fonts
from cocreate.export.pdf.data import load_session
from cocreate.export.pdf.draw import Painter
from cocreate.export.pdf.fonts import font_set
from cocreate.export.pdf.sheet import Sheet
from cocreate.export.pdf.text import Texts
from cocreate.export.pdf.voice_plan import QUOTE_MAX, plan_voice
from cocreate.store import SessionFile
from cocreate.store.ops import insert_rows
from tests.pdf_text import page_texts
from tests.test_export_pdf import _full, make_session, squash, tiny_spec

#: card key -> (stage index, scores); every card of the first journey.
SCORES: dict[str, tuple[int, list[int]]] = {
    "A": (0, [9, 9, 10, 10, 9, 10, 7, 8, 3, 6]),  # 6 promoters, 2 passives, 2 detractors: +40
    "B": (1, [10, 8, 0, 1, 2, 3, 4, 5, 6, 6]),  # 1, 1, 8: -70
    "C": (1, [9, 9, 10, 7, 8, 2, 3, 4, 5, 6]),  # 3, 2, 5: -20
    "D": (2, [9, 9, 9, 10, 10, 1, 2, 3, 4, 5]),  # 5, 0, 5: 0
    "E": (2, [9, 10, 7, 8, 1, 2, 3, 4, 5, 6]),  # 2, 2, 6: -40
    "F": (3, [9, 9, 10, 10, 7, 7, 8, 8, 5, 6]),  # 4, 4, 2: +20
    "G": (3, [0, 0, 0]),  # -100, but only 3 answers
}
TITLES = {key: f"Card-{key} touchpoint" for key in SCORES}
#: Card C speaks Chinese: its comments must read back exactly.
CHINESE = [
    "高峰期排队太久，取餐口太挤",
    "积分快到期才提醒，太晚了",
    "店员很热情但是等了二十分钟",
    "还行",
]
MARKUP = "<b>&amp;</b> not bold"
LONG = "The queue " + "went on and on " * 60 + "END-OF-LONG"


def comment(key: str, index: int, score: int) -> str:
    if key == "C":  # scores 2, 3, 4, 5 in Chinese, the rest without a comment
        return CHINESE[index - 5] if 5 <= index < 5 + len(CHINESE) else ""
    if key == "B" and score == 0:
        return ""  # the lowest score without a comment: the next ones are quoted
    if key == "B" and score == 1:
        return MARKUP
    if key == "E" and score == 1:
        return LONG
    return f"{key}{index} said {score}"


def salon_spec(language: str = "en") -> dict[str, Any]:
    return {
        "language": language,
        "session": {"title": "Voice salon", "language": language},
        "journeys": [
            {
                "name": "Answered journey",
                "cards": [
                    {"key": key, "stage": stage, "title": TITLES[key]}
                    for key, (stage, _scores) in SCORES.items()
                ],
            },
            {
                "name": "Quiet journey",
                "cards": [{"key": "q", "stage": 0, "title": "Card without answers"}],
            },
        ],
    }


def add_answers(path: Path, answers: list[dict[str, Any]]) -> None:
    store = SessionFile.open(path, lock=False)
    try:
        with store.transaction() as conn:
            insert_rows(conn, "feedback", _full("feedback", answers))
    finally:
        store.close()


def salon(tmp_path: Path, language: str = "en") -> Path:
    path = make_session(tmp_path / f"voice-{language}.cocreate", salon_spec(language))
    store = SessionFile.open(path, lock=False, read_only=True)
    try:
        cards = {row["title"]: row for row in store.rows("touchpoint", journey_id=1)}
    finally:
        store.close()
    answers = []
    for key, (_stage, scores) in SCORES.items():
        card = cards[TITLES[key]]
        for index, score in enumerate(scores):
            answers.append(
                {
                    "id": len(answers) + 1,
                    "journey_id": 1,
                    "stage_id": card["stage_id"],
                    "touchpoint_id": card["id"],
                    "score": score,
                    "comment": comment(key, index, score),
                    "customer_type": "loyal" if key == "A" else "occasional",
                    "tier": "Gold" if key in "AB" else "",
                }
            )
    add_answers(path, answers)
    return path


def section_pages(session: Path, out: Path, section: str) -> list[str]:
    """The text of the pages of one section ("voice", "health", …), in order."""
    data = load_session(session)
    sheet = Sheet(*paper_size("A3", True))
    pages = plan_document(Painter(None, font_set(["中"])), data, Texts(data.language), sheet)
    texts = page_texts(out)
    assert len(texts) == len(pages)
    return [text for page, text in zip(pages, texts, strict=True) if page.key.startswith(section)]


@pytest.fixture
def answered(tmp_path: Path) -> tuple[Path, Path]:
    session = salon(tmp_path)
    out = tmp_path / "voice.pdf"
    export_pdf(session, out)
    return session, out


def voice_text(session: Path, out: Path) -> str:
    return squash("".join(section_pages(session, out, "voice")))


def test_only_a_journey_with_answers_gets_a_voice_page(answered: tuple[Path, Path], tmp_path):
    session, out = answered
    pages = section_pages(session, out, "voice")
    assert pages
    assert all("Answered journey" in text for text in pages)
    assert not any("Quiet journey" in text for text in pages)
    reader = pypdf.PdfReader(out)
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top[-1] == "Voice of the customer"
    # The title page's contents send the reader to it, and count the answers.
    assert "Voice of the customer" in page_texts(out)[0]
    assert squash("Answers 63") in squash(page_texts(out)[0])
    # A session without answers has no such page, and no NPS anywhere.
    quiet = make_session(tmp_path / "tiny.cocreate", tiny_spec())
    export_pdf(quiet, tmp_path / "tiny.pdf")
    text = "".join(page_texts(tmp_path / "tiny.pdf"))
    assert "Voice of the customer" not in text
    assert "NPS" not in text


def test_the_page_shows_the_hand_worked_nps(answered: tuple[Path, Path]):
    text = voice_text(*answered)
    # 63 answers: 21 promoters, 11 passives, 31 detractors: (21 - 31) / 63 = -15.9.
    assert squash("NPS −16 · 63 answers") in text
    assert squash("Promoters (9–10) 33% 21 answers") in text
    assert squash("Passives (7–8) 17% 11 answers") in text
    assert squash("Detractors (0–6) 49% 31 answers") in text
    # Card A: 6 promoters, 2 passives, 2 detractors of 10.
    assert squash(f"{TITLES['A']} Cognition +40 n = 10") in text
    # By stage, in stage order: A; B and C; D and E; F and G.
    assert (
        squash(
            "NPS by stage Cognition +40 n = 10 Attraction −45 n = 20 Buy −20 n = 20 "
            "Loyalty −8 n = 13"
        )
        in text
    )
    # By customer type (only card A's answers come from loyal customers) and by tier.
    assert squash("Loyal customer +40 n = 10 Occasional customer −26 n = 53") in text
    assert squash("Gold −15 n = 20 43 without a member tier") in text
    # The 0-10 distribution: how many answers gave each score.
    assert squash("Detractors 49% Passives 17% Promoters 33%") in text


def test_touchpoints_are_listed_lowest_first_and_few_answers_are_marked(answered):
    text = voice_text(*answered)
    table = text[text.index(squash("NPS by touchpoint, lowest first")) :]
    rows = [
        ("G", "Loyalty", "−100", 3),
        ("B", "Attraction", "−70", 10),
        ("E", "Buy", "−40", 10),
        ("C", "Attraction", "−20", 10),
        ("D", "Buy", "0", 10),
        ("F", "Loyalty", "+20", 10),
        ("A", "Cognition", "+40", 10),
    ]
    expected = "".join(
        f"{rank}{squash(TITLES[key])}{stage}{value}n={n}" + ("Fewanswers" if n < 10 else "")
        for rank, (key, stage, value, n) in enumerate(rows, start=1)
    )
    assert table.startswith(squash("NPS by touchpoint, lowest first") + expected)


def quoted(text: str) -> str:
    return squash(f"“{text}”")


def test_the_five_lowest_touchpoints_get_their_three_lowest_comments(answered):
    text = voice_text(*answered)
    words = text[text.index(squash("In their words")) :]
    # Card G is the lowest, but three answers are too few: the five lowest of those with ten
    # or more answers are quoted, lowest first, each with its three lowest-scored comments
    # (an answer without a comment is passed over) and their scores.
    expected = {
        "B": [(1, MARKUP), (2, "B4 said 2"), (3, "B5 said 3")],
        "E": [(2, "E5 said 2"), (3, "E6 said 3")],  # and the long one, cut (see below)
        "C": [(2, CHINESE[0]), (3, CHINESE[1]), (4, CHINESE[2])],
        "D": [(1, "D5 said 1"), (2, "D6 said 2"), (3, "D7 said 3")],
        "F": [(5, "F8 said 5"), (6, "F9 said 6"), (7, "F4 said 7")],
    }
    places = [words.index(squash(TITLES[key])) for key in expected]
    assert places == sorted(places)
    for number, comments in enumerate(expected.values()):
        end = places[number + 1] if number + 1 < len(places) else len(words)
        part = words[places[number] : end]
        for score, comment in comments:
            assert f"{score}{quoted(comment)}" in part
        assert part.count("“") == 3
    assert squash(TITLES["G"]) not in words
    assert squash(TITLES["A"]) not in words
    assert "C9said" not in words  # a fourth comment is never printed


def test_chinese_comments_extract_exactly(answered):
    text = "".join(section_pages(*answered, "voice"))
    for comment in CHINESE[:3]:
        assert f"“{comment}”" in text


def test_a_comment_that_looks_like_markup_prints_as_written(answered):
    text = "".join(section_pages(*answered, "voice"))
    assert "“<b>&amp;</b> not bold”" in text


def test_a_long_comment_is_cut_on_the_page(answered):
    text = voice_text(*answered)
    assert squash(LONG[: QUOTE_MAX - 20]) in text
    assert "END-OF-LONG" not in text
    start = text.index(squash("“The queue"))
    assert text[start : text.index("”", start) + 1].endswith("…”")


def test_the_health_page_counts_the_touchpoints_below_zero(answered):
    health = section_pages(*answered, "health")
    answered_page = squash(next(page for page in health if "Answered journey" in page))
    # B, E and C are below zero with ten answers each; G (-100) has only three.
    assert squash("Touchpoints with NPS below zero 3 of 6 with 10+ answers") in answered_page
    quiet_page = next(page for page in health if "Quiet journey" in page)
    assert "NPS" not in quiet_page


def test_the_page_speaks_the_session_language(tmp_path: Path):
    session = salon(tmp_path, "zh")
    out = tmp_path / "voice-zh.pdf"
    export_pdf(session, out)
    text = squash("".join(section_pages(session, out, "voice")))
    assert squash("顾客之声") in text
    assert squash("NPS −16 · 63 份回答") in text
    assert squash("各触点 NPS（从低到高）") in text
    for comment in CHINESE[:3]:
        assert quoted(comment) in text


def test_touchpoints_with_few_answers_fill_the_five_when_fewer_have_ten():
    stages = [{"id": 1, "position": 0}]
    cards = [{"id": key, "stage_id": 1} for key in (1, 2, 3)]

    def answers(card: int, scores: list[int]) -> list[dict[str, Any]]:
        return [
            {"id": card * 100 + i, "stage_id": 1, "touchpoint_id": card, "score": score,
             "comment": f"c{card}-{score}", "tier": "", "customer_type": ""}
            for i, score in enumerate(scores)
        ]  # fmt: skip

    rows = answers(1, [9] * 10) + answers(2, [0, 10]) + answers(3, [6, 6, 6])
    plan = plan_voice(stages, cards, rows)
    assert plan is not None
    # Card 1 alone has ten answers; cards 3 and 2 come after it, listed lowest first.
    assert [(q.card["id"], q.nps.rounded) for q in plan.quoted] == [(3, -100), (2, 0), (1, 100)]
    assert [q.text for q in plan.quoted[0].quotes] == ["c3-6"]  # one text is quoted once
    assert plan.negative_touchpoints == []  # card 3 is below zero, but with three answers
    assert plan_voice(stages, cards, []) is None


def test_a_chinese_comment_needs_a_chinese_font_like_any_chinese_text(tmp_path, monkeypatch):
    # The quotes are among the texts whose glyphs are checked: without a font for them the
    # export says why instead of printing empty boxes.
    session = salon(tmp_path)  # English labels and names; Chinese only in card C's comments
    monkeypatch.setattr(pdf_fonts, "find_cjk_font", lambda: None)
    with pytest.raises(RuntimeError, match="no font with Chinese glyphs found"):
        export_pdf(session, tmp_path / "no-font.pdf")
    assert not (tmp_path / "no-font.pdf").exists()
