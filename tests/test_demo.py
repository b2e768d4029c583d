"""The demo session: a whole salon that opens like any saved file and shows every part of it."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations

import pytest

import cocreate.demo
import cocreate.demo_feedback
from cocreate import analysis
from cocreate.demo import DEMO_DATA, load_demo, write_demo
from cocreate.demo_feedback import ANSWERS_DATA, load_answers
from cocreate.layout import FREE_NOTE_TOP
from cocreate.model import (
    EMOTION_MAX,
    EMOTION_MIN,
    SCORE_MAX,
    SCORE_MIN,
    LaneKind,
    NoteCategory,
    PersonaKind,
    Role,
    Status,
    TouchpointKind,
)
from cocreate.resources import resource_path
from cocreate.store import SessionFile

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
REAL_BRANDS = [
    "Luckin",
    "瑞幸",
    "KFC",
    "肯德基",
    "Starbucks",
    "星巴克",
    "IKEA",
    "宜家",
    "Disney",
    "迪士尼",
    "Pizza Hut",
    "必胜客",
    "百胜",
    "McDonald",
    "麦当劳",
    "WeChat",
    "微信",
]
TEXT_TABLES = ("session", "persona", "journey", "stage", "lane", "touchpoint", "link")
TEXT_TABLES += ("participant", "cluster", "note", "feedback")
ISO_DAY = re.compile(r"2026-\d{2}-\d{2}(T\d{2}:\d{2})?")


@pytest.fixture
def demo(tmp_path) -> Iterator[SessionFile]:
    path = tmp_path / "demo.cocreate"
    write_demo(path)
    store = SessionFile.open(path)
    yield store
    store.close()


def _main_journey(store: SessionFile) -> dict:
    return store.rows("journey", order_by="position")[0]


def _all_text(store: SessionFile) -> list[str]:
    return [
        value
        for name in TEXT_TABLES
        for row in store.rows(name)
        for value in row.values()
        if isinstance(value, str)
    ]


def test_the_demo_opens_like_any_saved_session(demo):
    session = demo.session_row()
    for field in ("title", "theme", "brand", "date", "facilitator", "goal"):
        assert session[field], field
    assert session["language"] == "zh"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", session["date"])
    assert "Morning Bean" in session["brand"] and "晨豆" in session["brand"]


def test_the_main_journey_is_the_member_loyalty_journey_on_the_blueprint(demo):
    journey = _main_journey(demo)
    assert journey["name"] == "会员忠诚旅程 Member loyalty journey"
    assert journey["template"] == "loyalty"
    stages = demo.rows("stage", order_by="position", journey_id=journey["id"])
    assert [s["name"] for s in stages] == ["认知", "吸引", "购买", "忠诚"]
    lanes = demo.rows("lane", order_by="position", journey_id=journey["id"])
    assert [lane["kind"] for lane in lanes] == [k.value for k in LaneKind if k != LaneKind.CUSTOM]


def test_touchpoints_fill_every_stage_and_every_lane_of_the_main_journey(demo):
    journey = _main_journey(demo)
    touchpoints = demo.rows("touchpoint", journey_id=journey["id"])
    assert 18 <= len(touchpoints) <= 24
    stage_ids = {s["id"] for s in demo.rows("stage", journey_id=journey["id"])}
    lane_ids = {lane["id"] for lane in demo.rows("lane", journey_id=journey["id"])}
    assert {t["stage_id"] for t in touchpoints} == stage_ids
    assert {t["lane_id"] for t in touchpoints} == lane_ids


def test_touchpoints_in_one_cell_are_ordered_without_gaps(demo):
    cells: dict[tuple[int, int], list[int]] = {}
    for t in demo.rows("touchpoint", order_by="position"):
        cells.setdefault((t["stage_id"], t["lane_id"]), []).append(t["position"])
    assert all(positions == list(range(len(positions))) for positions in cells.values())
    assert any(len(positions) > 1 for positions in cells.values())


def test_touchpoints_show_every_kind_status_emotion_and_flag(demo):
    touchpoints = demo.rows("touchpoint", journey_id=_main_journey(demo)["id"])
    assert {t["kind"] for t in touchpoints} == {k.value for k in TouchpointKind}
    assert {t["status"] for t in touchpoints} == {s.value for s in Status}
    assert {t["emotion"] for t in touchpoints} == set(range(EMOTION_MIN, EMOTION_MAX + 1))
    scores = [t["score"] for t in touchpoints]
    assert None in scores
    assert all(SCORE_MIN <= s <= SCORE_MAX for s in scores if s is not None)
    assert any(t["branded"] for t in touchpoints)
    assert sum(t["breakpoint"] for t in touchpoints) == 2
    assert len({t["channel"] for t in touchpoints}) >= 6
    assert any(t["owner"] for t in touchpoints) and any(not t["owner"] for t in touchpoints)


def test_breakpoints_are_unhappy_moments(demo):
    for t in demo.rows("touchpoint", breakpoint=True):
        assert t["emotion"] < 0, t["title"]


def test_a_second_smaller_journey_uses_another_template(demo):
    main, second = demo.rows("journey", order_by="position")
    assert second["template"] in ("touchpoint_lifecycle", "five_e")
    count = demo.count("touchpoint", journey_id=second["id"])
    assert 3 <= count < demo.count("touchpoint", journey_id=main["id"])
    assert demo.count("stage", journey_id=second["id"]) >= 4


def test_each_journey_is_told_for_its_own_persona(demo):
    personas = demo.rows("persona")
    assert len(personas) == 2
    assert PersonaKind.LOYAL.value in {p["kind"] for p in personas}
    assert all(p["description"] for p in personas)
    persona_ids = [j["persona_id"] for j in demo.rows("journey")]
    assert sorted(persona_ids) == sorted(p["id"] for p in personas)


def test_links_join_touchpoints_of_the_same_journey(demo):
    links = demo.rows("link")
    assert len(links) >= 8
    for link in links:
        source = demo.row("touchpoint", link["source_id"])
        target = demo.row("touchpoint", link["target_id"])
        assert source["journey_id"] == target["journey_id"] == link["journey_id"]
        assert link["source_id"] != link["target_id"]


def test_participants_have_distinct_colours_and_every_role(demo):
    participants = demo.rows("participant", order_by="position")
    assert 5 <= len(participants) <= 6
    assert len({p["color"] for p in participants}) == len(participants)
    roles = Counter(p["role"] for p in participants)
    assert roles[Role.FACILITATOR.value] == 1
    assert roles[Role.CUSTOMER.value] >= 1 and roles[Role.PARTICIPANT.value] >= 3
    facilitator = next(p for p in participants if p["role"] == Role.FACILITATOR.value)
    assert facilitator["name"] == demo.session_row()["facilitator"]
    assert [p["position"] for p in participants] == list(range(len(participants)))


def test_votes_stay_within_each_participants_budget(demo):
    votes = demo.rows("vote")
    assert 20 <= len(votes) <= 30
    used = Counter(v["participant_id"] for v in votes)
    for p in demo.rows("participant"):
        assert used[p["id"]] <= p["vote_budget"], p["name"]
    assert all((v["note_id"] is None) != (v["touchpoint_id"] is None) for v in votes)
    assert any(v["note_id"] for v in votes) and any(v["touchpoint_id"] for v in votes)
    assert len({(v["participant_id"], v["note_id"], v["touchpoint_id"]) for v in votes}) == len(
        votes
    )


def test_nobody_votes_on_a_note_that_is_still_face_down(demo):
    hidden = {n["id"] for n in demo.rows("note", hidden=True)}
    assert not hidden & {v["note_id"] for v in demo.rows("vote")}


def test_notes_use_every_category_and_have_authors(demo):
    notes = demo.rows("note")
    assert 25 <= len(notes) <= 35
    assert {c.value for c in NoteCategory} <= {n["category"] for n in notes}
    assert all(n["author_id"] is not None for n in notes)
    assert all(n["text"].strip() for n in notes)


def test_notes_sit_on_the_board_below_the_lanes_without_covering_each_other(demo):
    for journey in demo.rows("journey"):
        notes = [n for n in demo.rows("note", journey_id=journey["id"])
                 if n["stage_id"] is None and n["touchpoint_id"] is None]
        # Measured from the board's corner, below its hint line and the clusters' titles.
        assert all(n["y"] >= FREE_NOTE_TOP and n["x"] >= 0 for n in notes)
        for a, b in combinations(notes, 2):
            assert abs(a["x"] - b["x"]) >= 180 or abs(a["y"] - b["y"]) >= 150, (a["id"], b["id"])
    xs = {n["x"] for n in demo.rows("note", journey_id=_main_journey(demo)["id"])
          if n["stage_id"] is None and n["touchpoint_id"] is None}
    assert max(xs) - min(xs) >= 1000


def test_pinned_notes_sit_on_what_they_are_pinned_to(demo):
    """A pinned note's x, y are measured from its card or stage column, so it sits on it."""
    pinned = [n for n in demo.rows("note") if n["stage_id"] or n["touchpoint_id"]]
    assert pinned
    assert all(0 <= n["x"] < 260 and 0 <= n["y"] < 200 for n in pinned)


def test_notes_are_grouped_in_titled_clusters_of_their_own_journey(demo):
    clusters = demo.rows("cluster")
    assert 3 <= len(clusters) <= 4
    for cluster in clusters:
        assert cluster["title"]
        members = demo.rows("note", cluster_id=cluster["id"])
        assert len(members) >= 3
        assert all(n["journey_id"] == cluster["journey_id"] for n in members)
    assert demo.count("note", cluster_id=None) >= 1


def test_some_notes_are_pinned_to_a_stage_or_a_touchpoint_of_their_journey(demo):
    notes = demo.rows("note")
    on_stage = [n for n in notes if n["stage_id"] is not None]
    on_touchpoint = [n for n in notes if n["touchpoint_id"] is not None]
    assert on_stage and on_touchpoint
    for n in on_stage:
        assert demo.row("stage", n["stage_id"])["journey_id"] == n["journey_id"]
    for n in on_touchpoint:
        assert demo.row("touchpoint", n["touchpoint_id"])["journey_id"] == n["journey_id"]


def test_a_private_note_is_hidden_until_revealed(demo):
    hidden = demo.rows("note", hidden=True)
    assert 1 <= len(hidden) <= 2
    assert demo.count("note", hidden=False) > len(hidden)


def test_the_salon_writes_in_chinese_and_english(demo):
    texts = [n["text"] for n in demo.rows("note")] + [t["title"] for t in demo.rows("touchpoint")]
    assert sum(bool(CJK.search(t)) for t in texts) > len(texts) / 2
    assert sum(bool(LATIN_WORD.search(t)) for t in texts) > len(texts) / 2
    assert any(CJK.search(t) and LATIN_WORD.search(t) for t in texts)
    assert any(CJK.search(t) and not LATIN_WORD.search(t) for t in texts)


@pytest.mark.parametrize("brand", REAL_BRANDS)
def test_no_real_brand_appears_anywhere(demo, brand):
    for data in (DEMO_DATA, ANSWERS_DATA):
        raw = resource_path(*data).read_text(encoding="utf-8")
        assert brand.lower() not in raw.lower()
    assert not [t for t in _all_text(demo) if brand.lower() in t.lower()]


def _card_nps(store: SessionFile) -> dict[str, analysis.Nps]:
    """The NPS of each card with answers, by the card's English title."""
    titles = {t["id"]: t["title"] for t in store.rows("touchpoint")}
    by_card = analysis.nps_by(store.rows("feedback"), "touchpoint_id")
    return {titles[card].split(" ", 1)[1]: nps for card, nps in by_card.items()}


def test_both_journeys_have_about_300_survey_answers_from_their_customers(demo):
    assert 250 <= demo.count("feedback") <= 350
    for journey in demo.rows("journey"):
        answers = demo.rows("feedback", journey_id=journey["id"])
        assert answers
        assert len({a["source"] for a in answers}) == 1  # one survey file a journey
        assert [a["source_row"] for a in answers] == list(range(2, len(answers) + 2))
        assert [a["date"] for a in answers] == sorted(a["date"] for a in answers)


def test_customers_score_the_peak_hour_pickup_and_points_expiry_low_and_the_preorder_high(demo):
    main = {t["title"] for t in demo.rows("touchpoint", journey_id=_main_journey(demo)["id"])}
    main = {title.split(" ", 1)[1] for title in main}
    steady = {t: nps for t, nps in _card_nps(demo).items() if t in main and not nps.few}
    ranked = sorted(steady, key=lambda title: steady[title].score)
    assert set(ranked[:2]) == {"Peak-hour pickup", "Points expire at year end"}
    assert all(steady[title].score < -30 for title in ranked[:2])
    assert ranked[-1] == "Mini-program pre-order" and steady[ranked[-1]].score > 50


def test_some_cards_have_enough_answers_for_a_badge_some_too_few_and_some_none(demo):
    counts = Counter(a["touchpoint_id"] for a in demo.rows("feedback"))
    cards = [t["id"] for t in demo.rows("touchpoint")]
    assert sum(counts[card] >= 10 for card in cards) >= 6
    assert sum(0 < counts[card] < 10 for card in cards) >= 4
    assert sum(counts[card] == 0 for card in cards) >= 4
    assert counts[None] > 0  # answers about a stage only, or about the whole journey


def test_answers_about_a_card_are_about_its_stage_and_some_name_a_stage_or_nothing(demo):
    answers = demo.rows("feedback")
    for answer in answers:
        if answer["touchpoint_id"] is not None:
            card = demo.row("touchpoint", answer["touchpoint_id"])
            assert (card["journey_id"], card["stage_id"]) == (
                answer["journey_id"],
                answer["stage_id"],
            )
    stage_only = [a for a in answers if a["touchpoint_id"] is None and a["stage_id"] is not None]
    assert len({a["stage_id"] for a in stage_only}) >= 4
    assert 1 <= sum(a["stage_id"] is None for a in answers) <= 20


def test_the_five_lowest_cards_each_have_three_comments_to_quote(demo):
    by_card = analysis.nps_by(demo.rows("feedback"), "touchpoint_id")
    for journey in demo.rows("journey"):
        answers = demo.rows("feedback", journey_id=journey["id"])
        cards = {a["touchpoint_id"] for a in answers} - {None}
        lowest = sorted(cards, key=lambda card: by_card[card].score)[:5]
        for card in lowest:
            assert sum(bool(a["comment"]) for a in answers if a["touchpoint_id"] == card) >= 3


def test_answers_say_how_when_and_by_whom_they_were_given(demo):
    answers = demo.rows("feedback")
    assert len({a["channel"] for a in answers}) == 4 and all(a["channel"] for a in answers)
    assert all(ISO_DAY.fullmatch(a["date"]) for a in answers)
    assert len({a["date"][:10] for a in answers}) >= 20  # a few weeks of return visits
    assert any("T" in a["date"] for a in answers) and any("T" not in a["date"] for a in answers)
    types = Counter(a["customer_type"] for a in answers)
    assert set(types) - {""} == {k.value for k in PersonaKind if k != PersonaKind.CUSTOM}
    assert 0 < types[""] < len(answers) / 10
    assert {a["tier"] for a in answers} >= {"银豆", "金豆", "黑豆", "非会员"}
    respondents = [a["respondent"] for a in answers]
    assert all(respondents) and len(set(respondents)) == len(respondents)
    assert all(SCORE_MIN <= a["score"] <= SCORE_MAX for a in answers)


def test_customers_comment_in_chinese_and_english_at_any_length_or_not_at_all(demo):
    comments = [a["comment"] for a in demo.rows("feedback")]
    said = [c for c in comments if c]
    assert len(comments) / 5 < len(comments) - len(said) < len(comments) / 2
    assert sum(bool(CJK.search(c)) for c in said) > len(said) * 2 / 3
    assert sum(not CJK.search(c) for c in said) >= 20  # some customers write in English
    assert any(CJK.search(c) and LATIN_WORD.search(c) for c in said)
    assert sum(len(re.findall(r"[。.?!？] ?\S", c)) >= 1 for c in said) >= 10  # 2-3 sentences
    assert all(c == c.strip() and "\n" not in c for c in said)


def test_the_demo_data_is_valid_json_with_keys_not_ids():
    data = json.loads(resource_path(*DEMO_DATA).read_text(encoding="utf-8"))
    for journey in data["journeys"]:
        for touchpoint in journey["touchpoints"]:
            assert "id" not in touchpoint and {"key", "stage", "lane"} <= set(touchpoint)


def test_the_demo_never_overwrites_an_existing_file(tmp_path):
    path = tmp_path / "mine.cocreate"
    path.write_bytes(b"my own work")
    with pytest.raises(FileExistsError):
        write_demo(path)
    assert path.read_bytes() == b"my own work"


def test_bad_demo_data_leaves_no_file_behind(tmp_path, monkeypatch):
    data = load_demo()
    data["journeys"][0]["touchpoints"][0]["stage"] = "no_such_stage"
    monkeypatch.setattr(cocreate.demo, "load_demo", lambda: data)
    path = tmp_path / "broken.cocreate"
    with pytest.raises(KeyError, match="no_such_stage"):
        write_demo(path)
    assert not path.exists()


def test_answers_about_a_card_of_another_journey_leave_no_file_behind(tmp_path, monkeypatch):
    data = load_answers()
    moments = [
        replace(moment, card="tp_fv_menu") if moment.card == "tp_preorder" else moment
        for moment in data.moments
    ]
    monkeypatch.setattr(
        cocreate.demo_feedback, "load_answers", lambda: replace(data, moments=tuple(moments))
    )
    path = tmp_path / "broken.cocreate"
    with pytest.raises(KeyError, match="tp_fv_menu"):
        write_demo(path)
    assert not path.exists()


def test_the_demo_without_its_answers_is_the_salon_before_any_import(tmp_path):
    write_demo(tmp_path / "a.cocreate")
    write_demo(tmp_path / "b.cocreate", answers=False)
    a, b = SessionFile.open(tmp_path / "a.cocreate"), SessionFile.open(tmp_path / "b.cocreate")
    try:
        assert b.count("feedback") == 0 < a.count("feedback")
        assert a.rows("touchpoint") == b.rows("touchpoint")
    finally:
        a.close()
        b.close()


def test_a_failed_insert_leaves_no_half_written_file(tmp_path, monkeypatch):
    real_rows = cocreate.demo.demo_rows

    def dangling_vote(data):
        rows = real_rows(data)
        rows["vote"].append({"id": 999, "participant_id": 1, "note_id": 999, "touchpoint_id": None})
        return rows

    monkeypatch.setattr(cocreate.demo, "demo_rows", dangling_vote)
    path = tmp_path / "half.cocreate"
    with pytest.raises(Exception, match="FOREIGN KEY"):
        write_demo(path)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("half.cocreate")]


def test_the_demo_can_be_written_twice_to_different_files(tmp_path):
    write_demo(tmp_path / "a.cocreate")
    write_demo(tmp_path / "b.cocreate")
    a, b = SessionFile.open(tmp_path / "a.cocreate"), SessionFile.open(tmp_path / "b.cocreate")
    try:
        assert a.rows("note") == b.rows("note")
        assert a.rows("feedback") == b.rows("feedback")
    finally:
        a.close()
        b.close()


@pytest.mark.slow
def test_demo_and_templates_run_without_qt(headless):
    folder, loaded = headless
    assert loaded["demo"] == []
    assert (folder / "q.cocreate").exists()
