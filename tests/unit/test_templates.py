"""Built-in journey templates: what a new journey starts with, in English and Chinese."""

from __future__ import annotations

import re

import pytest

from cocreate.model import LaneKind
from cocreate.store import SessionFile
from cocreate.store.ops import insert_rows
from cocreate.templates import (
    BLUEPRINT_LANES,
    TEMPLATES,
    journey_rows,
    template_name,
)

CJK = re.compile(r"[\u4e00-\u9fff]")


def _luminance(hex_color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_four_templates_are_offered():
    assert set(TEMPLATES) == {"loyalty", "touchpoint_lifecycle", "five_e", "blank"}


def test_the_loyalty_value_chain_runs_from_cognition_to_loyalty():
    stages, _ = journey_rows("loyalty", "zh", journey_id=1)
    assert [s["name"] for s in stages] == ["认知", "吸引", "购买", "忠诚"]
    stages, _ = journey_rows("loyalty", "en", journey_id=1)
    assert [s["name"] for s in stages] == ["Cognition", "Attraction", "Buy", "Loyalty"]


def test_the_touchpoint_lifecycle_follows_the_four_touchpoint_kinds():
    stages, _ = journey_rows("touchpoint_lifecycle", "zh", journey_id=1)
    assert [s["name"] for s in stages] == ["预触点", "首触点", "核心触点", "末触点"]
    stages, _ = journey_rows("touchpoint_lifecycle", "en", journey_id=1)
    assert [s["name"] for s in stages] == [
        "Pre-touchpoint",
        "First touchpoint",
        "Core touchpoint",
        "End touchpoint",
    ]


def test_the_five_e_model_has_its_five_stages():
    stages, _ = journey_rows("five_e", "en", journey_id=1)
    assert [s["name"] for s in stages] == ["Entice", "Enter", "Engage", "Exit", "Extend"]
    stages, _ = journey_rows("five_e", "zh", journey_id=1)
    assert [s["name"] for s in stages] == ["吸引", "进入", "参与", "离开", "延续"]


def test_a_blank_journey_has_no_stages_but_still_the_blueprint_lanes():
    stages, lanes = journey_rows("blank", "en", journey_id=3)
    assert stages == []
    assert [lane["kind"] for lane in lanes] == [lane.kind.value for lane in BLUEPRINT_LANES]


def test_the_blueprint_lanes_run_top_to_bottom_in_blueprint_order():
    assert [lane.kind for lane in BLUEPRINT_LANES] == [
        LaneKind.PHYSICAL_EVIDENCE,
        LaneKind.CUSTOMER_ACTIONS,
        LaneKind.FRONTSTAGE,
        LaneKind.BACKSTAGE,
        LaneKind.SUPPORT_PROCESSES,
    ]
    _, lanes = journey_rows("loyalty", "zh", journey_id=1)
    assert [lane["name"] for lane in lanes] == ["有形展示", "顾客行为", "前台", "后台", "支持流程"]
    _, lanes = journey_rows("loyalty", "en", journey_id=1)
    assert [lane["name"] for lane in lanes] == [
        "Physical evidence",
        "Customer actions",
        "Frontstage",
        "Backstage",
        "Support processes",
    ]


def test_every_template_stage_and_lane_is_named_in_english_and_chinese():
    for template in TEMPLATES.values():
        assert template.name("en") and not CJK.search(template.name("en"))
        assert CJK.search(template.name("zh")), template.id
        for stage in template.stages:
            assert stage.name("en") and not CJK.search(stage.name("en")), stage.key
            assert CJK.search(stage.name("zh")), stage.key
        for lane in template.lanes:
            assert lane.name("en") and not CJK.search(lane.name("en"))
            assert CJK.search(lane.name("zh")), lane.kind
            assert lane.hint("en") and CJK.search(lane.hint("zh"))


def test_stage_colours_are_distinct_light_and_keep_dark_text_legible():
    for template in TEMPLATES.values():
        colors = [stage.color for stage in template.stages]
        assert len(set(colors)) == len(colors), template.id
        for color in colors:
            assert re.fullmatch(r"#[0-9a-f]{6}", color), color
            # WCAG AAA for body text is 7:1; card text is near black.
            assert _contrast(color, "#212121") >= 12, (template.id, color)


def test_rows_are_numbered_in_order_for_the_given_journey_without_ids():
    stages, lanes = journey_rows("five_e", "en", journey_id=7)
    for rows in (stages, lanes):
        assert [row["position"] for row in rows] == list(range(len(rows)))
        assert all(row["journey_id"] == 7 and "id" not in row for row in rows)


def test_each_call_gives_fresh_rows_that_callers_may_change():
    stages, _ = journey_rows("loyalty", "en", journey_id=1)
    stages[0]["name"] = "Changed"
    again, _ = journey_rows("loyalty", "en", journey_id=1)
    assert again[0]["name"] == "Cognition"


def test_an_unknown_language_falls_back_to_english():
    assert journey_rows("loyalty", "fr", 1) == journey_rows("loyalty", "en", 1)
    assert template_name("loyalty", "de") == "Loyalty value chain"


def test_regional_chinese_locales_get_chinese_names():
    for language in ("zh_CN", "zh-Hans", "ZH"):
        assert template_name("loyalty", language) == "忠诚价值链"


def test_an_unknown_template_is_a_key_error():
    with pytest.raises(KeyError):
        journey_rows("no_such_template", "en", 1)
    with pytest.raises(KeyError):
        template_name("no_such_template", "en")


def test_template_names_in_both_languages():
    assert template_name("loyalty", "en") == "Loyalty value chain"
    assert template_name("loyalty", "zh") == "忠诚价值链"
    assert template_name("touchpoint_lifecycle", "zh") == "触点生命周期"
    assert template_name("five_e", "en") == "5E model"


def test_template_rows_go_straight_into_a_session_file(tmp_path):
    store = SessionFile.create(tmp_path / "t.cocreate", lock=False, language="zh")
    try:
        with store.transaction() as conn:
            insert_rows(conn, "journey", [{"id": 1, "name": "J", "template": "loyalty"}])
            stages, lanes = journey_rows("loyalty", "zh", journey_id=1)
            insert_rows(conn, "stage", stages)
            insert_rows(conn, "lane", lanes)
        saved = store.rows("stage", order_by="position", journey_id=1)
        assert [s["name"] for s in saved] == ["认知", "吸引", "购买", "忠诚"]
        assert [s["color"] for s in saved] == [s.color for s in TEMPLATES["loyalty"].stages]
        assert store.count("lane", journey_id=1) == 5
    finally:
        store.close()
