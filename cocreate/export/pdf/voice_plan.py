"""What the "Voice of the customer" page of a journey says, worked out before anything is
drawn (no Qt, no reportlab): the journey's NPS and 0-10 distribution, the NPS of each stage
(in stage order), of each touchpoint (lowest first), of each customer type and member tier,
and the verbatim comments of the five lowest touchpoints.

Which touchpoints are quoted: the five lowest by NPS among those with at least NPS_FEW (10)
answers, whose score can be read alone; when fewer than five have that many, the lowest of the
others fill the places and are marked as few answers. Each gets up to three comments, lowest
scores first (the same text once), cut at QUOTE_MAX characters with an ellipsis: the CSV and
JSON exports keep every comment whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cocreate.analysis import (
    NPS_FEW,
    Nps,
    nps_by,
    nps_of_distribution,
    score_distribution,
)
from cocreate.export.pdf.wrap import clusters
from cocreate.model import PersonaKind
from cocreate.records import Row

#: How many of the lowest touchpoints are quoted, and how many comments each.
QUOTED_TOUCHPOINTS = 5
QUOTES_EACH = 3
#: A comment longer than this (in characters) is cut with an ellipsis in the PDF.
QUOTE_MAX = 200
ELLIPSIS = "…"

#: The columns of an answer the page reads.
ANSWER_COLUMNS = ("id", "stage_id", "touchpoint_id", "score", "comment", "tier", "customer_type")


@dataclass(frozen=True)
class Quote:
    score: int
    text: str  # on one line, cut at QUOTE_MAX with an ellipsis


@dataclass(frozen=True)
class QuotedTouchpoint:
    card: Row
    nps: Nps
    quotes: list[Quote]


@dataclass(frozen=True)
class VoicePlan:
    """A journey's answers in figures, for its page."""

    nps: Nps
    distribution: tuple[int, ...]  # answers per score, 0 to 10
    stages: list[tuple[Row, Nps]]  # every stage, in stage order (n = 0: no answer about it)
    touchpoints: list[tuple[Row, Nps]]  # the touchpoints with answers, lowest NPS first
    customer_types: list[tuple[str, Nps]]  # in the order of the four types
    tiers: list[tuple[str, Nps]]  # most answers first
    untyped: int  # answers without a customer type
    untiered: int  # answers without a member tier
    commented: int  # answers with a comment
    quoted: list[QuotedTouchpoint]

    @property
    def negative_touchpoints(self) -> list[Row]:
        """The touchpoints whose NPS is below zero with at least NPS_FEW answers."""
        return [card for card, found in self.touchpoints if not found.few and _below(found)]


def _below(found: Nps) -> bool:
    return found.promoters < found.detractors


def plan_voice(
    stages: Sequence[Row], cards: Sequence[Row], answers: Sequence[Row]
) -> VoicePlan | None:
    """The page of a journey with these stages (in stage order), cards and answers; None
    when there is no answer (no page)."""
    if not answers:
        return None
    distribution = score_distribution(answer["score"] for answer in answers)
    by_stage = nps_by(answers, "stage_id")
    by_card = nps_by(answers, "touchpoint_id")
    stage_order = {stage["id"]: index for index, stage in enumerate(stages)}
    card_by_id = {card["id"]: card for card in cards}
    touchpoints = sorted(
        ((card_by_id[key], found) for key, found in by_card.items() if key in card_by_id),
        key=lambda item: (
            _ratio(item[1]),
            -item[1].n,
            stage_order.get(item[0]["stage_id"], len(stage_order)),
            item[0]["id"],
        ),
    )
    types = nps_by(answers, "customer_type")
    known = [kind.value for kind in PersonaKind]
    tiers = nps_by(answers, "tier")
    return VoicePlan(
        nps=nps_of_distribution(distribution),
        distribution=distribution,
        stages=[(stage, by_stage.get(stage["id"], Nps(0, 0, 0, 0))) for stage in stages],
        touchpoints=touchpoints,
        customer_types=sorted(
            types.items(),
            key=lambda item: (known.index(item[0]) if item[0] in known else len(known), item[0]),
        ),
        tiers=sorted(tiers.items(), key=lambda item: (-item[1].n, item[0])),
        untyped=sum(1 for answer in answers if not answer.get("customer_type")),
        untiered=sum(1 for answer in answers if not answer.get("tier")),
        commented=sum(1 for answer in answers if str(answer.get("comment") or "").strip()),
        quoted=_quoted(touchpoints, answers),
    )


def _ratio(found: Nps) -> float:
    """The NPS as an exact order (a fraction, not rounded): lower first."""
    return (found.promoters - found.detractors) / found.n if found.n else 0.0


def _quoted(touchpoints: list[tuple[Row, Nps]], answers: Sequence[Row]) -> list[QuotedTouchpoint]:
    measured = [item for item in touchpoints if item[1].n >= NPS_FEW]
    few = [item for item in touchpoints if item[1].n < NPS_FEW]
    kept = {card["id"] for card, _found in (measured + few)[:QUOTED_TOUCHPOINTS]}
    chosen = [item for item in touchpoints if item[0]["id"] in kept]  # lowest first
    wanted = {card["id"] for card, _found in chosen}
    comments: dict[int, list[Row]] = {}
    for answer in answers:
        if answer.get("touchpoint_id") in wanted and str(answer.get("comment") or "").strip():
            comments.setdefault(answer["touchpoint_id"], []).append(answer)
    return [
        QuotedTouchpoint(card, found, _quotes(comments.get(card["id"], [])))
        for card, found in chosen
    ]


def _quotes(answers: list[Row]) -> list[Quote]:
    found: list[Quote] = []
    seen: set[str] = set()
    for answer in sorted(answers, key=lambda row: (row["score"], row.get("id") or 0)):
        text = quote_text(answer["comment"])
        if text in seen:
            continue
        seen.add(text)
        found.append(Quote(answer["score"], text))
        if len(found) == QUOTES_EACH:
            break
    return found


def quote_text(comment: Any) -> str:
    """A comment on one line (runs of spaces and newlines as one space), cut at QUOTE_MAX
    characters, at a space near the end when there is one, never inside a character."""
    flat = " ".join(str(comment).split())
    if len(flat) <= QUOTE_MAX:
        return flat
    kept = ""
    for cluster in clusters(flat):
        if len(kept) + len(cluster) > QUOTE_MAX:
            break
        kept += cluster
    space = kept.rfind(" ")
    if space > QUOTE_MAX * 0.8:
        kept = kept[:space]
    return kept.rstrip() + ELLIPSIS


def printed_voice_texts(plan: VoicePlan | None) -> list[str]:
    """The people's texts the page prints beyond the journey's names: tiers, customer types
    (one not of the four types prints as the answers name it) and quotes."""
    if plan is None:
        return []
    named = plan.tiers + plan.customer_types
    return [name for name, _found in named] + [
        quote.text for quoted in plan.quoted for quote in quoted.quotes
    ]
