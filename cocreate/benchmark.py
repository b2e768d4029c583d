"""Benchmarks of the journey canvas, of its sticky-note board and of the exports, per size.

Measurements, not tests: nothing here passes or fails on a figure. Run

    uv run python -m cocreate.benchmark [--sizes 50,500,2000] [--board-sizes 500,2000,10000]
        [--no-board] [--export-sizes demo,500,2000] [--no-export] [--json OUT.json] [--repeat N]

The canvas section (--sizes: touchpoints per journey) measures open, paint, drop→commit and peak
memory; the board section (--board-sizes: sticky notes on one journey's board; "" or --no-board
skips it) measures open, paint, N → an editable new note, a note's drop→commit and peak memory.
The export section (--export-sizes: "demo", the demo session, or a number of cards on one
journey, made as the canvas section makes its sessions; "" or --no-export skips it) measures the
PDF, PNG and JSON exports of each session: time (cold and warm), output size, PDF pages and peak
memory. The aim it reports against: the 500-card session exports to PDF in under 2 s.

Each size runs in a fresh subprocess (`--one SIZE` or `--one-board SIZE`, with `--json -`), so
its peak RSS is its own; so does each (session, format) of the export section, in a process that
imports only that exporter. Qt runs offscreen (raster painting, no display needed) and cocreate's
data folder is a temporary one, so the user's untitled sessions and locks are never touched.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from sqlalchemy import Connection

from cocreate.benchmark_export import peak_rss_mb
from cocreate.canvas.notes import NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH
from cocreate.canvas.view import JourneyView
from cocreate.demo import write_demo
from cocreate.document import Document
from cocreate.layout import CARD_GAP, CARD_HEIGHT, CARD_WIDTH, CELL_PADDING, compute_layout
from cocreate.model import Channel, NoteCategory, Role, Status, TouchpointKind
from cocreate.store import SessionFile
from cocreate.store.ops import Row, insert_rows
from cocreate.store.paths import DATA_DIR_ENV
from cocreate.templates import journey_rows
from cocreate.ui.journey_tabs import JourneyTabs

DEFAULT_SIZES = (50, 500, 2000)
DEFAULT_REPEAT = 5
PAINT_FRAMES = 20
DRAGS = 10
SCREEN = (1920, 1080)
CHILD_TIMEOUT_S = 3600
LANE_WEIGHTS = (0.15, 0.30, 0.25, 0.18, 0.12)  # physical evidence … support processes

DEFAULT_BOARD_SIZES = (500, 2000, 10000)
NEW_NOTES = 20  # N presses per board size
NOTE_DROPS = 10
NOTES_PER_CLUSTER = 50  # one affinity cluster per this many notes
CLUSTER_COLUMNS = 3  # a cluster's notes stand in a block this many notes wide
BOARD_CARDS = 12  # "a few cards" on the journey above the board
BOARD_LINKS = 4
BOARD_ASPECT = 16 / 9  # the board is laid out about as wide as a screen, relative to its height
BOARD_LEFT = 40.0
BOARD_TOP_ROOM = 90.0  # below board_top: the board's label, and a cluster's title bar
NOTE_PITCH_X = NOTE_WIDTH + NOTE_GAP
NOTE_PITCH_Y = NOTE_HEIGHT + NOTE_GAP

DEMO = "demo"  # an export size: the demo session
DEFAULT_EXPORT_SIZES = (DEMO, "500", "2000")
DEFAULT_EXPORT_REPEAT = 3
EXPORT_FORMATS = ("pdf", "png", "json")
EXPORT_AIM = ("500", "pdf", 2000.0)  # the 500-card session exports to PDF in under 2 s

# -- realistic content --------------------------------------------------------------------------

EXTRA_STAGES = (
    ("Onboarding", "#e0f2f1"),
    ("Everyday use", "#fff8e1"),
    ("Service recovery", "#fce4ec"),
    ("Renewal", "#e8eaf6"),
    ("Advocacy", "#f1f8e9"),
    ("Win-back", "#efebe9"),
)
EN_ACTIONS = (
    "Scan the QR code on the cup sleeve",
    "Join the member programme",
    "Order ahead for pick-up",
    "Redeem points for a free drink",
    "Share a gift card with a colleague",
    "Rate the visit and leave a comment",
    "Top up the member wallet",
    "Browse the seasonal menu",
    "Ask the barista about the new oat latte",
    "Receive a birthday coupon",
    "Compare delivery prices across platforms",
    "Book a weekend tasting session",
    "Report a missing item in the delivery",
    "Renew the annual coffee pass",
    "Read reviews before the first visit",
    "Wait for the order at the hand-off counter",
)
EN_CONTEXTS = (
    "at the counter",
    "in the mini-program",
    "on the way to work",
    "after the first visit",
    "during the lunch rush",
    "after a friend's post",
    "on member day",
    "",
)
EN_NOTES = (
    "Customers expect the queue to move in under five minutes.",
    "Staff need a short script for this moment.",
    "The app shows the wrong store hours at weekends.",
    "Members do not know their points expire.",
    "A clear sign at the entrance would help first-time visitors.",
    "Most complaints in the survey mention this step.",
)
ZH_ACTIONS = (
    "扫描杯套上的二维码",
    "加入会员计划",
    "提前下单到店自取",
    "用积分兑换一杯饮品",
    "把礼品卡分享给同事",
    "给本次到店体验打分并留言",
    "为会员钱包充值",
    "浏览当季新品菜单",
    "向咖啡师咨询燕麦拿铁的口味",
    "领取生日优惠券",
    "比较各外卖平台的价格",
    "预约周末咖啡品鉴会",
    "反馈外卖少送的商品",
    "续订年度畅饮卡",
    "到店前查看小红书上的评价",
    "在取餐台等待出杯",
)
ZH_CONTEXTS = (
    "在收银台",
    "在小程序里",
    "上班路上",
    "首次到店后",
    "午高峰排队时",
    "看到朋友圈推荐后",
    "",
)
ZH_NOTES = (
    "顾客希望排队不超过五分钟。",
    "店员需要一段简短的话术。",
    "小程序周末显示的营业时间有误。",
    "会员不知道积分会过期。",
    "门口清晰的指引能帮助第一次来的顾客。",
    "问卷里的大部分抱怨都提到了这一步。",
)
OWNERS = ("Store ops", "CRM team", "Li Na", "王芳", "Digital product", "客服中心", "", "")
EMOTIONS = (-2, -1, 0, 1, 2)
EMOTION_WEIGHTS = (0.1, 0.2, 0.3, 0.25, 0.15)


def _title_and_description(rng: random.Random) -> tuple[str, str]:
    """A card text in Chinese or English (about half each), of the length workshops write."""
    if rng.random() < 0.5:
        actions, contexts, notes, joiner = ZH_ACTIONS, ZH_CONTEXTS, ZH_NOTES, ""
    else:
        actions, contexts, notes, joiner = EN_ACTIONS, EN_CONTEXTS, EN_NOTES, " "
    context = rng.choice(contexts)
    action = rng.choice(actions)
    parts = [context, action] if joiner == "" else [action, context]
    title = joiner.join(part for part in parts if part)
    description = joiner.join(rng.sample(notes, rng.choice((0, 1, 1, 2))))
    return title, description


PARTICIPANTS = (  # (name, colour); the first one facilitates
    ("Li Na", "#fff59d"),
    ("王芳", "#ffcc80"),
    ("Chen Jie", "#f48fb1"),
    ("张伟", "#ce93d8"),
    ("Sophie Martin", "#90caf9"),
    ("刘洋", "#80deea"),
    ("Daniel Okafor", "#a5d6a7"),
    ("陈静", "#e6ee9c"),
    ("Maya Tanaka", "#ffab91"),
    ("杨帆", "#b39ddb"),
    ("Lukas Weber", "#81d4fa"),
    ("赵敏", "#80cbc4"),
    ("Aisha Rahman", "#c5e1a5"),
    ("黄磊", "#ffe082"),
    ("Tom Becker", "#bcaaa4"),
    ("周婷", "#b0bec5"),
    ("Priya Nair", "#ef9a9a"),
    ("吴昊", "#9fa8da"),
    ("Emma Rossi", "#f8bbd0"),
    ("徐丽", "#dce775"),
)
EN_STICKIES = (
    "Queue at pick-up is too long in the morning rush.",
    "Why do points expire after six months?",
    "Let members pre-order their usual drink with one tap.",
    "The barista remembered my name, I felt welcome.",
    "Delivery arrived cold twice this week.",
    "We need a clear sign for the mobile order counter.",
    "Show the points balance on the receipt.",
    "The seasonal menu is hard to find in the app.",
    "Offer oat milk without the surcharge for members.",
    "Can a gift card be split between two people?",
    "Staff do not know how to redeem coupons from the mini-program.",
    "Loved the tasting session, would bring a friend next time.",
    "The birthday coupon came a week late.",
    "Too many pop-ups before I can order.",
    "Reward streaks: a free drink after five visits in a week?",
    "What happens to my wallet balance if I cancel the membership?",
    "Nobody can explain the difference between silver and gold tiers.",
    "The reusable cup discount should be visible at the till.",
    "Put the Wi-Fi password on the table card, not only at the counter.",
    "Push a reminder a week before points expire.",
)
ZH_STICKIES = (
    "早高峰取餐排队太久了。",
    "为什么积分半年就过期?",
    "会员可以一键下单常喝的饮品。",
    "店员记得我的名字,感觉很亲切。",
    "这周外卖两次送到都凉了。",
    "手机点单的取餐台需要更清楚的标识。",
    "小票上显示积分余额。",
    "小程序里很难找到季节限定菜单。",
    "会员加燕麦奶不应该再额外收费。",
    "礼品卡能不能两个人分着用?",
    "店员不清楚怎么核销小程序里的优惠券。",
    "品鉴会很棒,下次想带朋友来。",
    "生日券晚了一个星期才到。",
    "下单前弹窗太多了。",
    "连续打卡:一周来五次送一杯?",
    "退出会员后钱包余额怎么办?",
    "会员等级太复杂,没人说得清银卡和金卡的区别。",
    "自带杯优惠应该在收银台就能看到。",
    "Wi-Fi 密码写在桌牌上,不要只贴在柜台。",
    "积分过期前一周推送提醒。",
)
CLUSTER_TITLES = (
    "Queues and waiting",
    "积分与会员",
    "Delivery",
    "点单体验",
    "Staff and service",
    "优惠券",
    "Ideas for rewards",
    "门店环境",
)
CATEGORIES = ("", *(category.value for category in NoteCategory))
CATEGORY_WEIGHTS = (0.3, 0.2, 0.2, 0.1, 0.1, 0.1)  # none, pain point, idea, question, praise, need


def _note_text(rng: random.Random) -> str:
    """A sticky note in Chinese or English (about half each): one thought, sometimes two."""
    stickies, joiner = (ZH_STICKIES, "") if rng.random() < 0.5 else (EN_STICKIES, " ")
    if rng.random() < 0.1:
        joiner = "\n"
    return joiner.join(rng.sample(stickies, 2 if rng.random() < 0.3 else 1))


# -- the generator ------------------------------------------------------------------------------


def _width_for(touchpoints: int, stages: int, lanes: int) -> float:
    """A stage width a facilitator would pick: wider columns when the cells are crowded."""
    per_cell = touchpoints / max(1, stages * lanes)
    cols = max(1, min(4, round(math.sqrt(per_cell))))
    return cols * CARD_WIDTH + (cols - 1) * CARD_GAP + 2 * CELL_PADDING


def stage_rows(stages: int, width: float) -> list[Row]:
    """The loyalty template's stages, then more stages up to the count, with explicit ids."""
    template, _lanes = journey_rows("loyalty", "en", 1)
    rows = template[:stages]
    for index in range(len(rows), stages):
        name, color = EXTRA_STAGES[(index - len(template)) % len(EXTRA_STAGES)]
        if index - len(template) >= len(EXTRA_STAGES):
            name = f"Stage {index + 1}"
        rows.append({"journey_id": 1, "name": name, "position": index, "color": color})
    return [row | {"id": index + 1, "width": width} for index, row in enumerate(rows)]


def lane_rows() -> list[Row]:
    _stages, lanes = journey_rows("loyalty", "en", 1)
    return [row | {"id": index + 1} for index, row in enumerate(lanes)]


def touchpoint_rows(
    rng: random.Random, count: int, stage_ids: list[int], lane_ids: list[int]
) -> list[Row]:
    """Cards spread over the stage × lane cells, most in the customer and frontstage lanes."""
    in_cell: Counter[tuple[int, int]] = Counter()
    rows = []
    for card_id in range(1, count + 1):
        cell = (rng.choice(stage_ids), rng.choices(lane_ids, LANE_WEIGHTS[: len(lane_ids)])[0])
        title, description = _title_and_description(rng)
        rows.append(
            {
                "id": card_id,
                "journey_id": 1,
                "stage_id": cell[0],
                "lane_id": cell[1],
                "position": in_cell[cell],
                "title": title,
                "description": description,
                "channel": rng.choice(list(Channel)).value,
                "kind": rng.choice(list(TouchpointKind)).value,
                "emotion": rng.choices(EMOTIONS, EMOTION_WEIGHTS)[0],
                "score": rng.randint(0, 10) if rng.random() < 0.6 else None,
                "branded": rng.random() < 0.2,
                "breakpoint": rng.random() < 0.1,
                "status": rng.choice(list(Status)).value,
                "owner": rng.choice(OWNERS),
            }
        )
        in_cell[cell] += 1
    return rows


def link_rows(rng: random.Random, count: int, touchpoints: int) -> list[Row]:
    """Arrows between distinct random cards, no pair twice."""
    count = min(count, touchpoints * (touchpoints - 1))
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < count:
        source, target = rng.sample(range(1, touchpoints + 1), 2)
        pairs.add((source, target))
    labels = ("", "", "", "then", "然后", "if it fails")
    return [
        {
            "id": link_id,
            "journey_id": 1,
            "source_id": source,
            "target_id": target,
            "label": rng.choice(labels),
        }
        for link_id, (source, target) in enumerate(sorted(pairs), start=1)
    ]


def build_session(
    path: Path,
    touchpoints: int,
    links: int,
    stages: int = 8,
    *,
    seed: int = 2024,
    stage_width: float | None = None,
) -> None:
    """Write a realistic one-journey session file with bulk inserts (deterministic per seed).

    FileExistsError when path exists.
    """
    if stages < 1 or touchpoints < 0 or links < 0:
        raise ValueError("stages must be at least 1; counts must not be negative")
    rng = random.Random(seed)
    lanes = lane_rows()
    width = stage_width or _width_for(touchpoints, stages, len(lanes))
    stage_table = stage_rows(stages, width)
    stage_ids, lane_ids = [row["id"] for row in stage_table], [row["id"] for row in lanes]
    cards = touchpoint_rows(rng, touchpoints, stage_ids, lane_ids)
    arrows = link_rows(rng, links, touchpoints)
    persona = {"id": 1, "name": "Loyal member 忠诚会员", "kind": "loyal", "description": ""}
    journey = {"id": 1, "name": "Member journey", "position": 0, "persona_id": 1}

    def fill(conn: Connection) -> None:
        insert_rows(conn, "persona", [persona])
        insert_rows(conn, "journey", [journey | {"template": "loyalty"}])
        for name, rows in (("stage", stage_table), ("lane", lanes)):
            insert_rows(conn, name, rows)
        insert_rows(conn, "touchpoint", cards)
        insert_rows(conn, "link", arrows)

    store = SessionFile.create(
        Path(path),
        lock=False,
        fill=fill,
        title=f"Benchmark salon, {touchpoints} touchpoints",
        theme="Member loyalty 会员忠诚度",
        brand="Bean & Leaf 豆叶咖啡",
        facilitator="Benchmark",
        goal="Measure the canvas",
        language="en",
    )
    store.close()


def board_columns(notes: int, journey_width: float) -> int:
    """Notes per row: the board spans the journey at least, and is about as wide as a screen."""
    along_journey = math.ceil((journey_width - BOARD_LEFT) / NOTE_PITCH_X)
    screen_like = math.ceil(math.sqrt(notes * BOARD_ASPECT * NOTE_PITCH_Y / NOTE_PITCH_X))
    return max(CLUSTER_COLUMNS, along_journey, screen_like)


def board_grid(notes: int, cluster_sizes: Sequence[int], columns: int) -> list[tuple[int, int]]:
    """(column, row) of each note in a grid, no two in one place.

    The clustered notes come first (cluster by cluster, in `cluster_sizes` order): each cluster a
    block CLUSTER_COLUMNS wide, blocks side by side with an empty column between them, bands of
    blocks with an empty row between them, so that no cluster frame covers another's notes.
    Then, after an empty row, the free notes fill the rows `columns` wide.
    """
    if sum(cluster_sizes) > notes or columns < CLUSTER_COLUMNS:
        raise ValueError("more clustered notes than notes, or fewer columns than a cluster")
    cells: list[tuple[int, int]] = []
    column = band_top = band_rows = 0
    for size in cluster_sizes:
        if column + CLUSTER_COLUMNS > columns:
            column, band_top, band_rows = 0, band_top + band_rows + 1, 0
        cells += [
            (column + index % CLUSTER_COLUMNS, band_top + index // CLUSTER_COLUMNS)
            for index in range(size)
        ]
        column += CLUSTER_COLUMNS + 1
        band_rows = max(band_rows, math.ceil(size / CLUSTER_COLUMNS))
    first_free_row = band_top + band_rows + 1 if cluster_sizes else 0
    for index in range(notes - len(cells)):
        row, column = divmod(index, columns)
        cells.append((column, first_free_row + row))
    return cells


def participant_rows() -> list[Row]:
    return [
        {
            "id": index + 1,
            "name": name,
            "color": color,
            "role": (Role.FACILITATOR if index == 0 else Role.PARTICIPANT).value,
            "vote_budget": 5,
            "position": index,
        }
        for index, (name, color) in enumerate(PARTICIPANTS)
    ]


def note_rows(
    rng: random.Random, notes: int, cluster_sizes: Sequence[int], board_top: float, columns: int
) -> list[Row]:
    """Free notes on the board below the lanes, authored by the participants (some write more
    than others), the first ones in the clusters 1, 2, … of `cluster_sizes`."""
    owners = [cluster_id for cluster_id, size in enumerate(cluster_sizes, 1) for _ in range(size)]
    owners += [None] * (notes - len(owners))
    weights = [1 / (rank + 2) for rank in range(len(PARTICIPANTS))]  # a few keen writers
    start = datetime(2024, 5, 18, 9, 30, tzinfo=timezone(timedelta(hours=8)))  # Shanghai
    rows = []
    for index, ((column, row), cluster_id) in enumerate(
        zip(board_grid(notes, cluster_sizes, columns), owners, strict=True)
    ):
        rows.append(
            {
                "id": index + 1,
                "journey_id": 1,
                "text": _note_text(rng),
                "author_id": rng.choices(range(1, len(PARTICIPANTS) + 1), weights)[0],
                "color": "",
                "category": rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0],
                "x": BOARD_LEFT + column * NOTE_PITCH_X,
                "y": board_top + BOARD_TOP_ROOM + row * NOTE_PITCH_Y,
                "stage_id": None,
                "touchpoint_id": None,
                "cluster_id": cluster_id,
                "hidden": False,
                "created_at": (start + timedelta(seconds=7 * index)).isoformat(),
            }
        )
    return rows


def build_board_session(
    path: Path, notes: int, *, cards: int = BOARD_CARDS, seed: int = 2024
) -> None:
    """Write a one-journey session whose board holds `notes` sticky notes (bulk inserts,
    deterministic per seed): the loyalty template's stages and lanes, a few cards, 20
    participants, one cluster per NOTES_PER_CLUSTER notes.

    FileExistsError when path exists.
    """
    if notes < 0 or cards < 0:
        raise ValueError("counts must not be negative")
    rng = random.Random(seed)
    lanes = lane_rows()
    template, _lanes = journey_rows("loyalty", "en", 1)
    stage_table = stage_rows(len(template), _width_for(cards, len(template), len(lanes)))
    stage_ids, lane_ids = [row["id"] for row in stage_table], [row["id"] for row in lanes]
    touchpoints = touchpoint_rows(rng, cards, stage_ids, lane_ids)
    arrows = link_rows(rng, min(BOARD_LINKS, cards // 2), cards)
    layout = compute_layout(stage_table, lanes, touchpoints)
    cluster_sizes = [rng.randint(4, 12) for _ in range(notes // NOTES_PER_CLUSTER)]
    clusters = [
        {"id": cluster_id, "journey_id": 1, "title": rng.choice(CLUSTER_TITLES)}
        for cluster_id in range(1, len(cluster_sizes) + 1)
    ]
    columns = board_columns(notes, layout.width)
    stickies = note_rows(rng, notes, cluster_sizes, layout.board_top, columns)
    persona = {"id": 1, "name": "Loyal member 忠诚会员", "kind": "loyal", "description": ""}
    journey = {"id": 1, "name": "Member journey", "position": 0, "persona_id": 1}

    def fill(conn: Connection) -> None:
        insert_rows(conn, "persona", [persona])
        insert_rows(conn, "journey", [journey | {"template": "loyalty"}])
        for name, rows in (("stage", stage_table), ("lane", lanes)):
            insert_rows(conn, name, rows)
        insert_rows(conn, "touchpoint", touchpoints)
        insert_rows(conn, "link", arrows)
        insert_rows(conn, "participant", participant_rows())
        insert_rows(conn, "cluster", clusters)
        insert_rows(conn, "note", stickies)

    store = SessionFile.create(
        Path(path),
        lock=False,
        fill=fill,
        title=f"Benchmark salon, {notes} notes",
        theme="Member loyalty 会员忠诚度",
        brand="Bean & Leaf 豆叶咖啡",
        facilitator=PARTICIPANTS[0][0],
        goal="Measure the sticky-note board",
        language="en",
    )
    store.close()


# -- measuring in this process ------------------------------------------------------------------


def _ms(start_ns: int) -> float:
    return (time.perf_counter_ns() - start_ns) / 1e6


def _median(samples: Sequence[float]) -> float:
    return round(statistics.median(samples), 2)


class PaintCounter(QObject):
    """Counts the paint events of a widget."""

    def __init__(self, watched: QWidget) -> None:
        super().__init__(watched)
        self.paints = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


class Canvas:
    """An opened document shown in JourneyTabs inside a plain 1920×1080 widget."""

    def __init__(self, path: Path) -> None:
        self.document = Document.open(path)
        self.host = QWidget()
        self.host.resize(*SCREEN)
        self.tabs = JourneyTabs(self.host)
        box = QVBoxLayout(self.host)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tabs)
        self.tabs.set_document(self.document)
        self.host.show()
        counter = PaintCounter(self.view.viewport())
        QApplication.processEvents()
        if counter.paints == 0:
            self.view.viewport().repaint()

    @property
    def view(self) -> JourneyView:
        view = self.tabs.current_view()
        assert view is not None, "the session has no journey"
        return view

    def close(self) -> None:
        self.tabs.set_document(None)
        self.host.close()
        self.host.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.document.close()


def measure_open(path: Path, repeat: int) -> list[float]:
    """Milliseconds from Document.open to the canvas painted once, a fresh canvas each run."""
    samples = []
    for _run in range(repeat):
        start = time.perf_counter_ns()
        canvas = Canvas(path)
        samples.append(_ms(start))
        canvas.close()
    return samples


def time_repaints(view: JourneyView, frames: int) -> tuple[float, list[float]]:
    """The first (cold) frame, then `frames` synchronous full-viewport repaints."""
    QApplication.processEvents()
    start = time.perf_counter_ns()
    view.viewport().repaint()
    first = _ms(start)
    samples = []
    for _frame in range(frames):
        start = time.perf_counter_ns()
        view.viewport().repaint()
        samples.append(_ms(start))
    return first, samples


def measure_paint(view: JourneyView, frames: int, center: QPointF | None = None) -> dict[str, Any]:
    """Repaints with everything fitted to the view, then at zoom 1.0 centred on `center` (by
    default the middle of the lanes)."""
    view.zoom_to_fit()
    fit_first, fit = time_repaints(view, frames)
    fit_zoom = view.zoom()
    view.actual_size()  # zoom 1.0, and no refit when the scroll bars appear
    layout = view.journey_scene().layout
    view.centerOn(center if center is not None else QPointF(layout.width / 2, layout.curve.y / 2))
    one_first, one = time_repaints(view, frames)
    return {
        "fit_zoom": round(fit_zoom, 4),
        "paint_fit_ms": _median(fit),
        "paint_fit_first_ms": round(fit_first, 2),
        "paint_1to1_ms": _median(one),
        "paint_1to1_first_ms": round(one_first, 2),
    }


def _send_mouse(
    widget: QWidget,
    kind: QEvent.Type,
    pos: QPoint,
    button: Qt.MouseButton,
    buttons: Qt.MouseButton,
) -> None:
    event = QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def drag_card(view: JourneyView, card_id: int, stage_id: int) -> float:
    """Drag a card into the same lane of another stage; ms of the release until committed."""
    scene = view.journey_scene()
    card = scene.cards[card_id]
    start_scene = card.mapToScene(QPointF(CARD_WIDTH / 2, CARD_HEIGHT / 2))
    end_scene = QPointF(scene.layout.columns[stage_id].center[0], start_scene.y())
    view.centerOn((start_scene + end_scene) / 2)
    QApplication.processEvents()
    start, end = view.mapFromScene(start_scene), view.mapFromScene(end_scene)
    viewport, left, none = view.viewport(), Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _send_mouse(viewport, QEvent.Type.MouseButtonPress, start, left, left)
    for step in range(1, 5):
        _send_mouse(viewport, QEvent.Type.MouseMove, start + (end - start) * (step / 4), none, left)
    began = time.perf_counter_ns()
    _send_mouse(viewport, QEvent.Type.MouseButtonRelease, end, left, none)
    elapsed = _ms(began)
    row = scene.document.store.row("touchpoint", card_id)
    if row is None or row["stage_id"] != stage_id:
        raise RuntimeError(f"the drop of card {card_id} into stage {stage_id} was not committed")
    QApplication.processEvents()  # the repaint after the drop, untimed
    return elapsed


def measure_drags(view: JourneyView, drags: int) -> list[float]:
    """Drag one card back and forth between two neighbouring stages."""
    scene = view.journey_scene()
    if not scene.cards or len(scene.layout.stage_order) < 2:
        return []
    view.actual_size()
    card_id = min(scene.cards)
    order = scene.layout.stage_order
    home = scene.cards[card_id].row["stage_id"]
    index = order.index(home)
    away = order[index + 1] if index + 1 < len(order) else order[index - 1]
    samples = []
    for drag in range(drags):
        samples.append(drag_card(view, card_id, away if drag % 2 == 0 else home))
    return samples


def measure_size(size: int, repeat: int) -> dict[str, Any]:
    """Every figure of one journey size, measured in this process."""
    links = size // 5
    with tempfile.TemporaryDirectory(prefix="cocreate-bench-") as folder:
        os.environ[DATA_DIR_ENV] = str(Path(folder) / "data")
        path = Path(folder) / f"bench-{size}.cocreate"
        start = time.perf_counter_ns()
        build_session(path, size, links)
        build_ms = _ms(start)
        result: dict[str, Any] = {
            "size": size,
            "touchpoints": size,
            "links": links,
            "file_kb": round(path.stat().st_size / 1024, 1),
            "build_ms": round(build_ms, 2),
            "rss_before_mb": peak_rss_mb(),
        }
        opens = measure_open(path, repeat)
        result |= {"open_ms": _median(opens), "open_samples_ms": [round(s, 2) for s in opens]}
        canvas = Canvas(path)
        try:
            result |= measure_paint(canvas.view, PAINT_FRAMES)
            drags = measure_drags(canvas.view, DRAGS)
        finally:
            canvas.close()
        result["drop_commit_ms"] = _median(drags) if drags else None
        result["drop_commit_samples_ms"] = [round(s, 2) for s in drags]
    result["peak_rss_mb"] = peak_rss_mb()
    return result


# -- measuring the sticky-note board --------------------------------------------------------------


def time_new_note(view: JourneyView) -> float:
    """Ms from N (what the N action calls) until the note editor is shown and has the focus,
    the draft note painted on the viewport. Then Escape's path: the draft cancelled."""
    editor, scene = view.note_editor, view.journey_scene()
    start = time.perf_counter_ns()
    if not view.new_note_at_cursor():
        raise RuntimeError("N made no new note (read-only session?)")
    QApplication.processEvents()
    view.viewport().repaint()  # the draft note and its editor on screen
    deadline = time.monotonic() + 5
    while not (editor.isVisible() and editor.hasFocus()):
        if time.monotonic() > deadline:
            raise RuntimeError("the note editor never became visible with the focus")
        QApplication.processEvents()
    elapsed = _ms(start)
    if scene.draft is None or editor.note_id != 0:
        raise RuntimeError("the editor is not editing the new note")
    editor.cancel()  # Escape on an empty new note: hides the editor, scene.cancel_draft()
    QApplication.processEvents()
    if scene.draft is not None or editor.isVisible():
        raise RuntimeError("the draft note was not cancelled")
    return elapsed


def measure_new_notes(canvas: Canvas, count: int, center: QPointF) -> dict[str, Any]:
    """N → editable note, `count` times each with the board fitted to the view and at zoom 1.0
    on `center` (the mouse pointer is off the viewport: the note goes to the view's centre)."""
    canvas.host.activateWindow()
    QApplication.processEvents()
    view = canvas.view
    view.journey_scene().state.current_author_id = 1  # as the N action does: the chosen author
    result: dict[str, Any] = {}
    for name, place in (
        ("fit", view.zoom_to_fit),
        ("1to1", lambda: (view.actual_size(), view.centerOn(center))),
    ):
        place()
        QApplication.processEvents()
        samples = [time_new_note(view) for _run in range(count)]
        result |= {
            f"new_note_{name}_ms": _median(samples),
            f"new_note_{name}_first_ms": round(samples[0], 2),
            f"new_note_{name}_samples_ms": [round(s, 2) for s in samples],
        }
    result["new_note_ms"] = result["new_note_fit_ms"]
    return result


def drag_note(view: JourneyView, note_id: int, spot: QPointF) -> float:
    """Drag a note by its middle so that its top-left corner lands on `spot` (a free place on
    the board); ms of the release until the row is committed and the scene synced."""
    scene = view.journey_scene()
    grab = QPointF(NOTE_WIDTH / 2, NOTE_HEIGHT / 2)
    start_scene, end_scene = scene.notes[note_id].pos() + grab, spot + grab
    view.centerOn((start_scene + end_scene) / 2)
    QApplication.processEvents()
    start, end = view.mapFromScene(start_scene), view.mapFromScene(end_scene)
    viewport, left, none = view.viewport(), Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _send_mouse(viewport, QEvent.Type.MouseButtonPress, start, left, left)
    for step in range(1, 5):
        _send_mouse(viewport, QEvent.Type.MouseMove, start + (end - start) * (step / 4), none, left)
    began = time.perf_counter_ns()
    _send_mouse(viewport, QEvent.Type.MouseButtonRelease, end, left, none)
    elapsed = _ms(began)
    row = scene.document.store.row("note", note_id)
    if row is None or abs(row["x"] - spot.x()) > 2 or abs(row["y"] - spot.y()) > 2:
        raise RuntimeError(f"the drop of note {note_id} at {spot} was not committed: {row}")
    if scene.notes[note_id].pos() != QPointF(row["x"], row["y"]):
        raise RuntimeError(f"the scene does not show note {note_id} where the file has it")
    QApplication.processEvents()  # the repaint after the drop, untimed
    return elapsed


def measure_note_drops(view: JourneyView, drops: int) -> list[float]:
    """At zoom 1.0, drag the board's last free note to the open space below the grid and back."""
    scene = view.journey_scene()
    free = [note for note in scene.notes.values() if note.row["cluster_id"] is None]
    if not free:
        return []
    view.actual_size()
    note = max(free, key=lambda item: (item.y(), item.x()))
    home = note.pos()
    away = QPointF(max(BOARD_LEFT, home.x() - NOTE_PITCH_X), home.y() + 2 * NOTE_PITCH_Y)
    return [drag_note(view, note.note_id, away if drop % 2 == 0 else home) for drop in range(drops)]


def _notes_center(view: JourneyView) -> QPointF:
    """The middle of the notes on the board."""
    scene = view.journey_scene()
    area = QRectF()
    for note in scene.notes.values():
        area = area.united(note.sceneBoundingRect())
    return area.center() if not area.isEmpty() else scene.board.area.center()


def measure_board_size(size: int, repeat: int) -> dict[str, Any]:
    """Every figure of one board size, measured in this process."""
    with tempfile.TemporaryDirectory(prefix="cocreate-bench-") as folder:
        os.environ[DATA_DIR_ENV] = str(Path(folder) / "data")
        path = Path(folder) / f"board-{size}.cocreate"
        start = time.perf_counter_ns()
        build_board_session(path, size)
        build_ms = _ms(start)
        store = SessionFile.open(path, lock=False)
        try:
            counts = {
                table: store.count(table)
                for table in ("note", "participant", "cluster", "touchpoint")
            }
        finally:
            store.close()
        result: dict[str, Any] = {
            "size": size,
            "notes": counts["note"],
            "participants": counts["participant"],
            "clusters": counts["cluster"],
            "touchpoints": counts["touchpoint"],
            "file_kb": round(path.stat().st_size / 1024, 1),
            "build_ms": round(build_ms, 2),
            "rss_before_mb": peak_rss_mb(),
        }
        opens = measure_open(path, repeat)
        result |= {"open_ms": _median(opens), "open_samples_ms": [round(s, 2) for s in opens]}
        canvas = Canvas(path)
        try:
            center = _notes_center(canvas.view)
            result |= measure_paint(canvas.view, PAINT_FRAMES, center)
            result |= measure_new_notes(canvas, NEW_NOTES, center)
            drops = measure_note_drops(canvas.view, NOTE_DROPS)
        finally:
            canvas.close()
        result["drop_commit_ms"] = _median(drops) if drops else None
        result["drop_commit_samples_ms"] = [round(s, 2) for s in drops]
    result["peak_rss_mb"] = peak_rss_mb()
    return result


# -- measuring the exports ---------------------------------------------------------------------


def parse_export_size(text: str) -> str:
    """The demo session ("demo"), or a positive number of cards (as text, no leading zeros)."""
    text = text.strip()
    if text.lower() == DEMO:
        return DEMO
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            f"{text!r}: an export size is 'demo' or a positive whole number, e.g. demo,500,2000"
        )
    return str(int(text))


def parse_export_sizes(text: str) -> list[str]:
    """Export sizes, comma-separated; "" (no export section) is allowed."""
    return [parse_export_size(part) for part in text.split(",") if part.strip()]


def build_export_session(size: str, folder: Path) -> tuple[Path, dict[str, Any]]:
    """The session file of an export size in folder, and what it holds."""
    path = folder / f"export-{size}.cocreate"
    start = time.perf_counter_ns()
    if size == DEMO:
        write_demo(path)
    else:
        build_session(path, int(size), int(size) // 5)
    build_ms = _ms(start)
    store = SessionFile.open(path, read_only=True, lock=False)
    try:
        journeys = store.rows("journey", order_by="position")
        first_cards = sum(
            1 for row in store.rows("touchpoint") if row["journey_id"] == journeys[0]["id"]
        )
        facts = {
            "session": size,
            "journeys": len(journeys),
            "cards": store.count("touchpoint"),
            "first_journey_cards": first_cards,
            "links": store.count("link"),
            "notes": store.count("note"),
            "file_kb": round(path.stat().st_size / 1024, 1),
            "build_ms": round(build_ms, 2),
        }
    finally:
        store.close()
    return path, facts


def pdf_pages(path: Path) -> int | None:
    """The pages of a PDF, counted with pypdf (None when pypdf is not installed)."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    return len(PdfReader(str(path)).pages)


def png_pixels(path: Path) -> tuple[int, int]:
    """(width, height) of a PNG, from its IHDR chunk."""
    with open(path, "rb") as handle:
        head = handle.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise RuntimeError(f"{path} is not a PNG")
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def run_export_child(
    session: Path, kind: str, out: Path, repeat: int, data_dir: Path
) -> dict[str, Any]:
    """One export of one session in a fresh interpreter: its timings and peak RSS."""
    command = [
        sys.executable,
        "-m",
        "cocreate.benchmark_export",
        str(session),
        kind,
        str(out),
        str(repeat),
    ]
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", DATA_DIR_ENV: str(data_dir)}
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=CHILD_TIMEOUT_S, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"the {kind} export of {session} failed ({done.returncode}):\n{done.stderr}"
        )
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_export(
    session: Path, facts: dict[str, Any], kind: str, repeat: int, data_dir: Path
) -> dict[str, Any]:
    """The figures of one (session, format): the child's timings, the output's size and pages."""
    out = session.with_name(f"{session.stem}.{kind}")
    child = run_export_child(session, kind, out, repeat, data_dir)
    try:
        result: dict[str, Any] = {
            "session": facts["session"],
            "cards": facts["cards"],
            "format": kind,
            "time_ms": _median(child["warm_samples_ms"]),
            "cold_ms": child["cold_ms"],
            "size_kb": round(out.stat().st_size / 1024, 1),
            "pages": pdf_pages(out) if kind == "pdf" else None,
            "peak_rss_mb": child["peak_rss_mb"],
            "import_ms": child["import_ms"],
            "warm_samples_ms": child["warm_samples_ms"],
            "rss_start_mb": child["rss_start_mb"],
            "rss_before_mb": child["rss_before_mb"],
        }
        if kind == "png":
            result["pixels"] = list(png_pixels(out))
            result["journey_cards"] = facts["first_journey_cards"]
    finally:
        out.unlink(missing_ok=True)
    return result


def run_exports(
    sizes: Sequence[str], repeat: int, data_dir: Path, log: Callable[[str], None]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(the sessions, the results): every format of every export size, each in its own child."""
    sessions, results = [], []
    with tempfile.TemporaryDirectory(prefix="cocreate-bench-export-") as folder:
        for size in sizes:
            name = "the demo session" if size == DEMO else f"the {size}-card session"
            path, facts = build_export_session(size, Path(folder))
            sessions.append(facts)
            for kind in EXPORT_FORMATS:
                log(f"measuring the {kind.upper()} export of {name} …")
                results.append(measure_export(path, facts, kind, repeat, data_dir))
    return sessions, results


def export_aim(results: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The aim and how the measurement compares with it (None when it was not measured)."""
    size, kind, limit_ms = EXPORT_AIM
    for result in results:
        if result["session"] == size and result["format"] == kind:
            first = result["cold_ms"] + result["import_ms"]
            return {
                "aim": f"the {size}-card session exports to {kind.upper()} in under "
                f"{limit_ms / 1000:g} s",
                "limit_ms": limit_ms,
                "warm_ms": result["time_ms"],
                "cold_ms": result["cold_ms"],
                "cold_with_import_ms": round(first, 2),
                "met": max(result["time_ms"], first) < limit_ms,
            }
    return None


def machine_info() -> dict[str, Any]:
    import PySide6
    from PySide6.QtCore import qVersion

    app = QApplication.instance()
    return {
        "cpus": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": qVersion(),
        "qpa": app.platformName() if isinstance(app, QApplication) else "",
        "platform": platform.platform(),
    }


def _cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor()
    for line in text.splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


def _quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages on stderr, but not the offscreen plugin's note on every window shown."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _start_qt() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication(["cocreate-benchmark"])
    assert app is not None


def run_one(size: int, repeat: int) -> dict[str, Any]:
    """The report of one size, measured in this process."""
    _start_qt()
    result = measure_size(size, repeat)
    return {"machine": machine_info(), "repeat": repeat, "results": [result]}


def run_one_board(size: int, repeat: int) -> dict[str, Any]:
    """The report of one board size, measured in this process."""
    _start_qt()
    result = measure_board_size(size, repeat)
    return {"machine": machine_info(), "repeat": repeat, "results": [], "board": [result]}


# -- running every size, each in a fresh process ------------------------------------------------


def run_child(size: int, repeat: int, data_dir: Path, *, board: bool = False) -> dict[str, Any]:
    """One size (of the canvas, or of the board) in a fresh interpreter, so its peak RSS is its
    own."""
    one = "--one-board" if board else "--one"
    command = [sys.executable, "-m", "cocreate.benchmark", one, str(size)]
    command += ["--repeat", str(repeat), "--json", "-"]
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", DATA_DIR_ENV: str(data_dir)}
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=CHILD_TIMEOUT_S, check=False
    )
    if done.returncode != 0:
        what = "board size" if board else "size"
        raise RuntimeError(f"{what} {size} failed ({done.returncode}):\n{done.stderr}")
    return json.loads(done.stdout)


def run_all(
    sizes: Sequence[int],
    repeat: int,
    log: Callable[[str], None],
    board_sizes: Sequence[int] = (),
    export_sizes: Sequence[str] = (),
    export_repeat: int = DEFAULT_EXPORT_REPEAT,
) -> dict[str, Any]:
    machine: dict[str, Any] = {}
    results, board = [], []
    export_sessions: list[dict[str, Any]] = []
    exports: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="cocreate-bench-data-") as data_dir:
        for size in sizes:
            log(f"measuring {size} touchpoints …")
            report = run_child(size, repeat, Path(data_dir))
            machine = report["machine"]
            results.extend(report["results"])
        for size in board_sizes:
            log(f"measuring a board of {size} notes …")
            report = run_child(size, repeat, Path(data_dir), board=True)
            machine = report["machine"]
            board.extend(report["board"])
        if export_sizes:
            export_sessions, exports = run_exports(export_sizes, export_repeat, Path(data_dir), log)
    report = {"machine": machine or machine_info(), "repeat": repeat, "results": results}
    report["board"] = board
    if export_sizes:
        report["export_repeat"] = export_repeat
        report["export_sessions"] = export_sessions
        report["export"] = exports
        report["export_aim"] = export_aim(exports)
    return report


# -- the report ---------------------------------------------------------------------------------

COLUMNS = (
    ("size", "size"),
    ("touchpoints", "touchpoints"),
    ("links", "links"),
    ("open ms", "open_ms"),
    ("paint fit ms", "paint_fit_ms"),
    ("paint 1:1 ms", "paint_1to1_ms"),
    ("drop→commit ms", "drop_commit_ms"),
    ("peak RSS MB", "peak_rss_mb"),
)


BOARD_COLUMNS = (
    ("size", "size"),
    ("notes", "notes"),
    ("open ms", "open_ms"),
    ("paint fit ms", "paint_fit_ms"),
    ("paint 1:1 ms", "paint_1to1_ms"),
    ("N→editable ms", "new_note_ms"),
    ("drop→commit ms", "drop_commit_ms"),
    ("peak RSS MB", "peak_rss_mb"),
)


EXPORT_COLUMNS = (
    ("session", "session"),
    ("cards", "cards"),
    ("format", "format"),
    ("time ms", "time_ms"),
    ("cold ms", "cold_ms"),
    ("size KB", "size_kb"),
    ("pages", "pages"),
    ("peak RSS MB", "peak_rss_mb"),
)


def _cell(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def machine_line(machine: dict[str, Any]) -> str:
    return (
        f"{machine['cpus']} CPUs ({machine['cpu_model']}), Python {machine['python']}, "
        f"PySide6 {machine['pyside6']} (Qt {machine['qt']}, {machine['qpa']}), "
        f"{machine['platform']}"
    )


def _markdown(columns: Sequence[tuple[str, str]], results: Sequence[dict[str, Any]]) -> list[str]:
    header = "| " + " | ".join(name for name, _key in columns) + " |"
    rule = "|" + "|".join("---:" for _column in columns) + "|"
    rows = [
        "| " + " | ".join(_cell(result[key]) for _name, key in columns) + " |" for result in results
    ]
    return [header, rule, *rows]


def format_table(report: dict[str, Any]) -> str:
    """The machine, the canvas table (when it has rows) and the board table (when it has)."""
    lines = [machine_line(report["machine"])]
    if report["results"]:
        notes = (
            f"open: median of {report['repeat']} run(s) (Document.open → canvas painted, "
            f"1920×1080); paint: median of {PAINT_FRAMES} synchronous viewport repaints; "
            f"drop→commit: median of {DRAGS} drags; peak RSS per size (fresh process)."
        )
        lines += ["", *_markdown(COLUMNS, report["results"]), "", notes]
    if report.get("board"):
        notes = (
            f"Sticky-note board, one journey: open: median of {report['repeat']} run(s); paint: "
            f"median of {PAINT_FRAMES} repaints, the whole board fitted to the 1920×1080 view, "
            f"and at zoom 1.0 on the notes; N→editable: median of {NEW_NOTES} new notes with the "
            f"board fitted to the view, until the editor has the focus and the note is painted "
            f"(at zoom 1.0 in the JSON); drop→commit: median of {NOTE_DROPS} note drags at zoom "
            f"1.0; peak RSS per size (fresh process)."
        )
        lines += ["", *_markdown(BOARD_COLUMNS, report["board"]), "", notes]
    if report.get("export"):
        rows = [row if row["format"] == "pdf" else row | {"pages": "—"} for row in report["export"]]
        notes = (
            f"Exports, each (session, format) in a fresh process that imports only its exporter: "
            f"time: median of {report['export_repeat']} run(s) after the first; cold: the first "
            f"export in the process (the exporter's import time is in the JSON); PDF: A3 "
            f"landscape, every journey, pages counted with pypdf; PNG: the first journey, at "
            f"twice the canvas scale; JSON: written to a file and synced, as `cocreate "
            f"export-json` does; peak RSS: the whole process."
        )
        lines += ["", *_markdown(EXPORT_COLUMNS, rows), "", notes]
        aim = report.get("export_aim")
        if aim:
            verdict = "met" if aim["met"] else "NOT met"
            lines.append(
                f"Aim: {aim['aim']}: {verdict} ({aim['warm_ms']:.0f} ms warm, {aim['cold_ms']:.0f}"
                f" ms cold, {aim['cold_with_import_ms']:.0f} ms cold with the exporter's import)."
            )
    return "\n".join(lines)


def write_json(report: dict[str, Any], target: str) -> None:
    text = json.dumps(report, indent=2, ensure_ascii=False)
    if target == "-":
        print(text)
    else:
        Path(target).write_text(text + "\n", encoding="utf-8")


def parse_sizes(text: str) -> list[int]:
    sizes = [int(part) for part in text.split(",") if part.strip()]
    if not sizes or any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError("sizes are positive whole numbers, e.g. 50,500,2000")
    return sizes


def parse_board_sizes(text: str) -> list[int]:
    """Like parse_sizes, but "" (no board section) is allowed."""
    return parse_sizes(text) if text.strip() else []


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m cocreate.benchmark",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--sizes", type=parse_sizes, default=list(DEFAULT_SIZES))
    parser.add_argument(
        "--board-sizes",
        type=parse_board_sizes,
        default=list(DEFAULT_BOARD_SIZES),
        help='notes on the board per size ("": no board section)',
    )
    parser.add_argument("--no-board", action="store_true", help="skip the board section")
    parser.add_argument(
        "--export-sizes",
        type=parse_export_sizes,
        default=list(DEFAULT_EXPORT_SIZES),
        help='sessions to export: "demo" or a number of cards ("": no export section)',
    )
    parser.add_argument("--no-export", action="store_true", help="skip the export section")
    parser.add_argument(
        "--repeat",
        type=int,
        help=f"open runs per size (default {DEFAULT_REPEAT}); warm runs per export "
        f"(default {DEFAULT_EXPORT_REPEAT})",
    )
    parser.add_argument("--json", metavar="OUT.json", help="also write the figures ('-': stdout)")
    parser.add_argument("--one", type=int, metavar="SIZE", help="measure one size in this process")
    parser.add_argument(
        "--one-board", type=int, metavar="SIZE", help="measure one board size in this process"
    )
    args = parser.parse_args(argv)
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    args.export_repeat = args.repeat or DEFAULT_EXPORT_REPEAT
    args.repeat = args.repeat or DEFAULT_REPEAT
    if args.no_board:
        args.board_sizes = []
    if args.no_export:
        args.export_sizes = []
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    to_stdout = args.json == "-"

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    if args.one is not None:
        report = run_one(args.one, args.repeat)
    elif args.one_board is not None:
        report = run_one_board(args.one_board, args.repeat)
    else:
        report = run_all(
            args.sizes, args.repeat, log, args.board_sizes, args.export_sizes, args.export_repeat
        )
    print(format_table(report), file=sys.stderr if to_stdout else sys.stdout, flush=True)
    if args.json:
        write_json(report, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
