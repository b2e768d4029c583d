"""Built-in journey templates: the stages a new journey starts with, and the blueprint lanes.

Plain data, no Qt. Names come in English ("en") and Simplified Chinese ("zh"); the session's
language picks which one goes into the file. Stage colours are light, so dark text stays legible
on them on the canvas and in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cocreate.model import LaneKind

FALLBACK_LANGUAGE = "en"
LANGUAGES: tuple[str, ...] = ("en", "zh")


def language_code(language: str) -> str:
    """ "zh", "zh_CN", "zh-Hans" → "zh"; anything we do not ship → "en"."""
    code = language.replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else FALLBACK_LANGUAGE


def _pick(names: dict[str, str], language: str) -> str:
    return names.get(language_code(language)) or names[FALLBACK_LANGUAGE]


@dataclass(frozen=True, eq=False)
class BlueprintLane:
    """A row of the service blueprint."""

    kind: LaneKind
    names: dict[str, str]
    hints: dict[str, str]  # one line on what belongs in the lane

    def name(self, language: str) -> str:
        return _pick(self.names, language)

    def hint(self, language: str) -> str:
        return _pick(self.hints, language)


@dataclass(frozen=True, eq=False)
class TemplateStage:
    """A column of a template journey. `key` is stable across languages."""

    key: str
    names: dict[str, str]
    color: str  # "#rrggbb", light

    def name(self, language: str) -> str:
        return _pick(self.names, language)


#: The five lanes of a service blueprint, top to bottom (Bitner, Ostrom and Morgan).
BLUEPRINT_LANES: tuple[BlueprintLane, ...] = (
    BlueprintLane(
        LaneKind.PHYSICAL_EVIDENCE,
        {"en": "Physical evidence", "zh": "有形展示"},
        {"en": "What the customer sees, holds and keeps", "zh": "顾客看到、拿到、留下的东西"},
    ),
    BlueprintLane(
        LaneKind.CUSTOMER_ACTIONS,
        {"en": "Customer actions", "zh": "顾客行为"},
        {"en": "What the customer does, step by step", "zh": "顾客一步一步做了什么"},
    ),
    BlueprintLane(
        LaneKind.FRONTSTAGE,
        {"en": "Frontstage", "zh": "前台"},
        {
            "en": "Onstage contact: staff and systems the customer meets",
            "zh": "前台接触: 顾客直接接触到的员工和系统",
        },
    ),
    BlueprintLane(
        LaneKind.BACKSTAGE,
        {"en": "Backstage", "zh": "后台"},
        {"en": "Work the customer does not see", "zh": "顾客看不到的幕后工作"},
    ),
    BlueprintLane(
        LaneKind.SUPPORT_PROCESSES,
        {"en": "Support processes", "zh": "支持流程"},
        {"en": "Systems, partners and data behind it all", "zh": "背后的系统、伙伴和数据"},
    ),
)


@dataclass(frozen=True, eq=False)
class Template:
    id: str
    names: dict[str, str]
    stages: tuple[TemplateStage, ...]
    lanes: tuple[BlueprintLane, ...] = BLUEPRINT_LANES

    def name(self, language: str) -> str:
        return _pick(self.names, language)


def _template(
    template_id: str, names: dict[str, str], *stages: tuple[str, str, str, str]
) -> Template:
    """stages: (key, English name, Chinese name, colour)."""
    return Template(
        template_id,
        names,
        tuple(TemplateStage(key, {"en": en, "zh": zh}, color) for key, en, zh, color in stages),
    )


TEMPLATES: dict[str, Template] = {
    t.id: t
    for t in (
        _template(
            "loyalty",
            {"en": "Loyalty value chain", "zh": "忠诚价值链"},
            ("cognition", "Cognition", "认知", "#e3f0fd"),
            ("attraction", "Attraction", "吸引", "#fff1dc"),
            ("buy", "Buy", "购买", "#e5f5e6"),
            ("loyalty", "Loyalty", "忠诚", "#f3e6f6"),
        ),
        _template(
            "touchpoint_lifecycle",
            {"en": "Touchpoint lifecycle", "zh": "触点生命周期"},
            ("pre", "Pre-touchpoint", "预触点", "#def5f7"),
            ("first", "First touchpoint", "首触点", "#fff8d6"),
            ("core", "Core touchpoint", "核心触点", "#fde6ee"),
            ("end", "End touchpoint", "末触点", "#ebe7f8"),
        ),
        _template(
            "five_e",
            {"en": "5E model", "zh": "5E 模型"},
            ("entice", "Entice", "吸引", "#e7ebf8"),
            ("enter", "Enter", "进入", "#dff3ef"),
            ("engage", "Engage", "参与", "#fff4d9"),
            ("exit", "Exit", "离开", "#fce9e4"),
            ("extend", "Extend", "延续", "#eef6e2"),
        ),
        _template("blank", {"en": "Blank journey", "zh": "空白旅程"}),
    )
}

DEFAULT_TEMPLATE = "loyalty"


def template_name(template_id: str, language: str) -> str:
    """The template's name in the language (English when we do not ship it). KeyError if unknown."""
    return TEMPLATES[template_id].name(language)


def journey_rows(
    template_id: str, language: str, journey_id: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for the `stage` and `lane` tables of a new journey made from a template.

    Positions run 0..n-1 in template order; the rows carry no id. KeyError if the template is
    unknown; an unknown language gives English names.
    """
    template = TEMPLATES[template_id]
    stages = [
        {"journey_id": journey_id, "name": s.name(language), "position": i, "color": s.color}
        for i, s in enumerate(template.stages)
    ]
    lanes = [
        {
            "journey_id": journey_id,
            "kind": lane.kind.value,
            "name": lane.name(language),
            "position": i,
            "hidden": False,
        }
        for i, lane in enumerate(template.lanes)
    ]
    return stages, lanes
