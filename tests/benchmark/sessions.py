"""Realistic sessions of any size, written with bulk inserts (no Qt): the benchmark's and the
tests' large journeys and boards.

The texts are what salons write, in Chinese and English; cards spread over the stage x lane
cells as workshops spread them (most in the customer and frontstage lanes); notes lie on the
board in a grid, the first ones in affinity clusters. Every builder is deterministic per seed
and refuses to write over an existing file (FileExistsError).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Connection

from cocreate.geometry import NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH
from cocreate.layout import CARD_GAP, CARD_WIDTH, CELL_PADDING, FREE_NOTE_TOP, compute_layout
from cocreate.model import Channel, NoteCategory, Role, Status, TouchpointKind
from cocreate.store import SessionFile
from cocreate.store.ops import Row, insert_rows
from cocreate.templates import journey_rows

LANE_WEIGHTS = (0.15, 0.30, 0.25, 0.18, 0.12)  # physical evidence … support processes
NOTES_PER_CLUSTER = 50  # one affinity cluster per this many notes
CLUSTER_COLUMNS = 3  # a cluster's notes stand in a block this many notes wide
BOARD_CARDS = 12  # "a few cards" on the journey above the board
BOARD_LINKS = 4
BOARD_ASPECT = 16 / 9  # the board is laid out about as wide as a screen, relative to its height
BOARD_LEFT = 40.0
NOTE_PITCH_X = NOTE_WIDTH + NOTE_GAP
NOTE_PITCH_Y = NOTE_HEIGHT + NOTE_GAP

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


def stage_rows(stages: int, widths: Sequence[float]) -> list[Row]:
    """The loyalty template's stages, then more stages up to the count, with explicit ids; the
    widths are taken in turn."""
    template, _lanes = journey_rows("loyalty", "en", 1)
    rows = template[:stages]
    for index in range(len(rows), stages):
        name, color = EXTRA_STAGES[(index - len(template)) % len(EXTRA_STAGES)]
        if index - len(template) >= len(EXTRA_STAGES):
            name = f"Stage {index + 1}"
        rows.append({"journey_id": 1, "name": name, "position": index, "color": color})
    return [
        row | {"id": index + 1, "width": widths[index % len(widths)]}
        for index, row in enumerate(rows)
    ]


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


PERSONA = {"id": 1, "name": "Loyal member 忠诚会员", "kind": "loyal", "description": ""}
JOURNEY = {"id": 1, "name": "Member journey", "position": 0, "persona_id": 1, "template": "loyalty"}


def _write(path: Path, tables: dict[str, list[Row]], **session: str) -> None:
    """A new session file holding the tables (in parent-first order), in one transaction."""

    def fill(conn: Connection) -> None:
        for name, rows in tables.items():
            insert_rows(conn, name, rows)

    store = SessionFile.create(
        Path(path),
        lock=False,
        fill=fill,
        theme="Member loyalty 会员忠诚度",
        brand="Bean & Leaf 豆叶咖啡",
        language="en",
        **session,
    )
    store.close()


def build_session(
    path: Path,
    touchpoints: int,
    links: int,
    stages: int = 8,
    *,
    seed: int = 2024,
    stage_widths: Sequence[float] = (),
) -> None:
    """Write a realistic one-journey session file with bulk inserts (deterministic per seed).

    The stages take stage_widths in turn (by default the width a facilitator would pick for
    so many cards). FileExistsError when path exists.
    """
    if stages < 1 or touchpoints < 0 or links < 0:
        raise ValueError("stages must be at least 1; counts must not be negative")
    rng = random.Random(seed)
    lanes = lane_rows()
    widths = stage_widths or [_width_for(touchpoints, stages, len(lanes))]
    stage_table = stage_rows(stages, widths)
    stage_ids, lane_ids = [row["id"] for row in stage_table], [row["id"] for row in lanes]
    cards = touchpoint_rows(rng, touchpoints, stage_ids, lane_ids)
    tables = {
        "persona": [PERSONA],
        "journey": [JOURNEY],
        "stage": stage_table,
        "lane": lanes,
        "touchpoint": cards,
        "link": link_rows(rng, links, touchpoints),
    }
    _write(
        path,
        tables,
        title=f"Benchmark salon, {touchpoints} touchpoints",
        facilitator="Benchmark",
        goal="Measure the canvas",
    )


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


WRITING_STARTS = datetime(2024, 5, 18, 9, 30, tzinfo=timezone(timedelta(hours=8)))  # Shanghai


def _sticky(rng: random.Random, note_id: int, place: Row) -> Row:
    """A note by one of the participants (some write more than others), at `place`: its x, y
    and what it is pinned to or clustered in."""
    weights = [1 / (rank + 2) for rank in range(len(PARTICIPANTS))]  # a few keen writers
    row = {
        "id": note_id,
        "journey_id": 1,
        "text": _note_text(rng),
        "author_id": rng.choices(range(1, len(PARTICIPANTS) + 1), weights)[0],
        "color": "",
        "category": rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0],
        "stage_id": None,
        "touchpoint_id": None,
        "cluster_id": None,
        "hidden": False,
        "created_at": (WRITING_STARTS + timedelta(seconds=7 * (note_id - 1))).isoformat(),
    }
    return row | place


def note_rows(
    rng: random.Random, notes: int, cluster_sizes: Sequence[int], columns: int
) -> list[Row]:
    """Free notes on the board (x, y measured from the board's top-left corner), the first ones
    in the clusters 1, 2, … of `cluster_sizes`."""
    owners = [cluster_id for cluster_id, size in enumerate(cluster_sizes, 1) for _ in range(size)]
    owners += [None] * (notes - len(owners))
    cells = board_grid(notes, cluster_sizes, columns)
    return [
        _sticky(
            rng,
            index + 1,
            {
                "x": BOARD_LEFT + column * NOTE_PITCH_X,
                "y": FREE_NOTE_TOP + row * NOTE_PITCH_Y,
                "cluster_id": cluster_id,
            },
        )
        for index, ((column, row), cluster_id) in enumerate(zip(cells, owners, strict=True))
    ]


def pinned_note_rows(
    rng: random.Random, first_id: int, stages: Sequence[Row], cards: Sequence[Row], count: int
) -> list[Row]:
    """`count` notes pinned in turn to the stages (when `cards` is empty) or to the cards, a
    little apart from each other, measured from their stage column's or card's corner."""
    rows = []
    for index in range(count):
        if cards:
            place = {"touchpoint_id": cards[index % len(cards)]["id"], "y": 15.0}
            place["x"] = 20.0 + index % 3 * 5
        else:
            place = {"stage_id": stages[index % len(stages)]["id"], "x": 10.0 + index % 5 * 8}
            place["y"] = 70.0 + index % 7 * 9
        rows.append(_sticky(rng, first_id + index, place))
    return rows


def vote_rows(rng: random.Random, votes: int, notes: int) -> list[Row]:
    """`votes` dots of voting round 1, the participants in turn, on random notes."""
    return [
        {
            "id": index + 1,
            "participant_id": index % len(PARTICIPANTS) + 1,
            "note_id": rng.randint(1, notes),
            "touchpoint_id": None,
            "round": 1,
        }
        for index in range(votes)
    ]


def build_board_session(
    path: Path,
    notes: int,
    *,
    cards: int = BOARD_CARDS,
    pinned_to_stages: int = 0,
    pinned_to_cards: int = 0,
    private_every: int = 0,
    votes: int = 0,
    seed: int = 2024,
) -> None:
    """Write a one-journey session whose board holds `notes` free sticky notes (bulk inserts,
    deterministic per seed): the loyalty template's stages and lanes, a few cards, 20
    participants, one cluster per NOTES_PER_CLUSTER notes.

    Then, if asked: notes pinned to the stages and to the cards (ids after the board's), every
    `private_every`-th note hidden until revealed (private mode), and `votes` dots on notes.
    FileExistsError when path exists.
    """
    if min(notes, cards, pinned_to_stages, pinned_to_cards, private_every, votes) < 0:
        raise ValueError("counts must not be negative")
    if pinned_to_cards and not cards:
        raise ValueError("notes cannot be pinned to cards when there are none")
    rng = random.Random(seed)
    lanes = lane_rows()
    template, _lanes = journey_rows("loyalty", "en", 1)
    stage_table = stage_rows(len(template), [_width_for(cards, len(template), len(lanes))])
    stage_ids, lane_ids = [row["id"] for row in stage_table], [row["id"] for row in lanes]
    touchpoints = touchpoint_rows(rng, cards, stage_ids, lane_ids)
    arrows = link_rows(rng, min(BOARD_LINKS, cards // 2), cards)
    layout = compute_layout(stage_table, lanes, touchpoints)
    cluster_sizes = [rng.randint(4, 12) for _ in range(notes // NOTES_PER_CLUSTER)]
    clusters = [
        {"id": cluster_id, "journey_id": 1, "title": rng.choice(CLUSTER_TITLES)}
        for cluster_id in range(1, len(cluster_sizes) + 1)
    ]
    stickies = note_rows(rng, notes, cluster_sizes, board_columns(notes, layout.width))
    stickies += pinned_note_rows(rng, len(stickies) + 1, stage_table, [], pinned_to_stages)
    stickies += pinned_note_rows(rng, len(stickies) + 1, stage_table, touchpoints, pinned_to_cards)
    if private_every:
        for row in stickies[::private_every]:
            row["hidden"] = True
    tables = {
        "persona": [PERSONA],
        "journey": [JOURNEY],
        "stage": stage_table,
        "lane": lanes,
        "touchpoint": touchpoints,
        "link": arrows,
        "participant": participant_rows(),
        "cluster": clusters,
        "note": stickies,
        "vote": vote_rows(rng, votes, len(stickies)) if stickies else [],
    }
    _write(
        path,
        tables,
        title=f"Benchmark salon, {notes} notes",
        facilitator=PARTICIPANTS[0][0],
        goal="Measure the sticky-note board",
    )


def build_demo_with_notes(path: Path, notes: int, author_id: int | None = None) -> Path:
    """The demo salon with `notes` more sticky notes (Ideas) in a grid on its first journey's
    board, below its own clusters: the demo's realism, at a board size of one's choosing."""
    from cocreate.demo import write_demo  # the demo's data is only read when asked for

    write_demo(path)
    store = SessionFile.open(path)
    try:
        with store.transaction() as conn:
            rows = [
                {
                    "journey_id": 1,
                    "text": f"note {n}",
                    "author_id": author_id,
                    "category": NoteCategory.IDEA.value,
                    "x": 40.0 + n % 60 * (NOTE_WIDTH + NOTE_GAP),
                    "y": 900.0 + n // 60 * (NOTE_HEIGHT + NOTE_GAP),
                }
                for n in range(notes)
            ]
            insert_rows(conn, "note", rows)
    finally:
        store.close()
    return path
