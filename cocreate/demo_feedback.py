"""The demo salon's survey answers: about 300 return-visit answers of Morning Bean's customers,
as the chain's survey tool would export them (seed 002: satisfaction and NPS collected by SMS,
push messages, in store and by a mini-program pop-up).

A hand-written table says how many answers each card or stage gets, how they score and what
their customers write; rules expand it into rows, always the same (a fixed random seed, fixed
dates). Low at the peak-hour pickup and the points expiry, high at the pre-order; backstage
cards get none, a few cards too few for a steady NPS (n < 10), some answers name only a stage
and a few neither. No Qt.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from cocreate.model import PersonaKind
from cocreate.records import Row

SEED = 20260302
FIRST_DAY = date(2026, 3, 2)  # four weeks of return visits, Monday 2 to Sunday 29 March 2026
DAYS = 28

# The survey's channels (seed 002's return-visit channels), as its export names them.
SMS = "短信 SMS"
PUSH = "服务号推送 Push message"
STORE = "门店扫码 In store"
POPUP = "小程序弹窗 Mini-program pop-up"

# The member tiers of the demo (银豆 / 金豆 / 黑豆), and customers who have not joined.
NON_MEMBER, SILVER, GOLD, BLACK = "非会员", "银豆", "金豆", "黑豆"

LOYAL = PersonaKind.LOYAL.value
PURPOSE = PersonaKind.PURPOSE_DRIVEN.value
OCCASIONAL = PersonaKind.OCCASIONAL.value
SEEKING = PersonaKind.INFORMATION_SEEKING.value

#: How many answers of 100 give each score 0-10, by how the moment went for the customers.
PROFILES: dict[str, tuple[int, ...]] = {
    "poor": (3, 4, 7, 10, 12, 14, 14, 14, 11, 6, 5),
    "weak": (1, 2, 3, 5, 7, 10, 14, 19, 17, 12, 10),
    "mixed": (0, 1, 2, 3, 4, 7, 9, 20, 20, 18, 16),
    "good": (0, 0, 1, 1, 2, 3, 6, 14, 20, 26, 27),
    "great": (0, 0, 0, 0, 1, 2, 3, 9, 15, 30, 40),
}

#: How often an answer of each kind comes without a comment (real surveys: many skip it).
NO_COMMENT = {"low": 0.12, "mid": 0.4, "high": 0.3}

#: Short comments anyone could write, for when a moment's own comments run out.
GENERIC = {
    "low": ("一般般", "有点失望", "体验一般, 希望改进", "Not great."),
    "mid": ("还行", "中规中矩", "OK 吧", "挺好, 没什么特别的", "Fine."),
    "high": ("好喝!", "很满意 👍", "挺好的, 会继续来", "Love it.", "每天都来, 已经离不开了"),
}


@dataclass(frozen=True)
class Moment:
    """The answers about one card (or one stage, or the journey as a whole)."""

    journey: str  # the journey's key in the demo data
    stage: str | None  # the stage's key, when the answers name a stage but no card
    card: str | None  # the touchpoint's key
    count: int
    profile: str  # a key of PROFILES
    channels: tuple[str, ...]  # where they were asked, the first most often
    low: tuple[str, ...] = ()  # what detractors (0-6) write
    mid: tuple[str, ...] = ()  # passives (7-8)
    high: tuple[str, ...] = ()  # promoters (9-10)
    rush: bool = False  # answered right after the morning rush (08:00-09:40)
    newcomers: bool = False  # mostly people who are not members yet


MEMBER = "member"
FIRST_VISIT = "first_visit"

MOMENTS: tuple[Moment, ...] = (
    Moment(
        MEMBER,
        None,
        "tp_preorder",
        42,
        "great",
        (POPUP, PUSH),
        low=(
            "预点单选了 8:40 取, 结果 8:55 才做好。",
            "App 偶尔卡在支付页面, 要重新下单。",
        ),
        mid=(
            "下单很顺, 就是燕麦奶每次加 5 块有点肉疼。",
            "可以记住我常点的那杯就更好了",
            "Ordering is smooth, but I wish it remembered my usual.",
        ),
        high=(
            "预点单超方便, 地铁上下单, 到店直接拿 👍",
            "每天早上 8:30 在地铁上点好, 出站正好做完。Saves me ten minutes every morning.",
            "再来一单功能太好用了",
            "Pre-order is the only reason I stopped queueing.",
            "下单三步搞定, 比排队快太多",
            "小程序预点单 yyds",
            "常点的燕麦拿铁一键下单, 很懂上班族。",
            "提前点好, 到店扫码取杯, 整个过程不到一分钟。希望高峰期也能一直这样。",
            "Fast, simple, and the pickup time is usually right.",
            "开会前点一杯, 很省心",
        ),
        rush=True,
    ),
    Moment(
        MEMBER,
        None,
        "tp_peak_pickup",
        40,
        "poor",
        (POPUP, SMS, STORE),
        low=(
            "8:45 到店, 预点单还要等 15 分钟, 差点迟到打卡。",
            "显示「已完成」但柜子里找不到, 问了店员才知道还没做。",
            "早高峰取餐区挤成一团, 根本不知道哪杯是我的",
            "The app said ready, but I waited another 12 minutes at the counter.",
            "预约的是 8:40, 9 点才拿到, 那预约有什么意义?",
            "高峰期太乱了, 外卖小哥和我们挤在一个台子前。",
            "取错杯两次了, 名字贴纸太小",
            "Peak hour pickup is chaos. I'll go somewhere closer if this continues.",
            "等太久, 咖啡都凉了",
            "每天早上都在赌能不能准时拿到。建议高峰期单独开一个取餐口, 或者把预计时间说实话。",
            "8 点半以后就别点了, 一定迟到",
            "取餐柜满了, 只能站着等叫号",
            "Too slow in the morning rush.",
            "人多的时候没有人管取餐区",
        ),
        mid=(
            "平时挺快, 就是早上 8:30-9:00 要等",
            "咖啡好喝, 取餐慢",
            "Good coffee, slow pickup at 8:45.",
        ),
        high=("今天居然 2 分钟就拿到了, 希望保持", "店员很努力了, 高峰期能理解"),
        rush=True,
    ),
    Moment(
        MEMBER,
        None,
        "tp_points_expiry",
        32,
        "poor",
        (SMS, PUSH),
        low=(
            "积分突然清零了, 一点提醒都没有, 很失望。",
            "攒了一年的 2000 多分说没就没, 以后不攒了",
            "My points just vanished on January 1st. Nobody told me.",
            "到期前至少发个短信提醒吧?",
            "积分规则藏在小字里, 感觉被套路了",
            "年底清零太狠了, 改成滚动有效期吧。我每天都来买, 不是为了年底突击兑换。",
            "黑豆会员也照样清零, 那等级有什么用",
            "Points expiring at year end feels like a trap.",
            "想兑换的时候才发现没了",
            "清零前连兑换的东西都没货",
        ),
        mid=("积分能换的东西太少, 清不清零无所谓", "提醒一下就好"),
        high=("今年收到了到期提醒, 及时换了杯子 👍",),
    ),
    Moment(
        MEMBER,
        None,
        "tp_stamp_card",
        22,
        "good",
        (POPUP, STORE),
        low=("集满 10 杯送的那杯不能选大杯",),
        mid=("集杯卡挺好, 兑换券只能当天用有点麻烦", "Nice, but the free cup expires too fast."),
        high=(
            "集杯卡很直观, 每次都会看看还差几杯",
            "还差一杯就送了, 明天必来 ☕",
            "Simple and fair: 10 cups, 1 free.",
            "比积分好懂多了",
            "集杯进度条很可爱, 同事都在比谁先集满",
        ),
    ),
    Moment(
        MEMBER,
        None,
        "tp_counter_call",
        18,
        "weak",
        (STORE, POPUP),
        low=(
            "叫号声音太小, 站在门口根本听不见",
            "店员喊号码的时候我在看手机, 错过了就没人再叫",
            "Numbers are called in Chinese only and too fast.",
            "叫号屏坏了好几天了",
        ),
        mid=("叫号还行, 要是手机能震一下提醒就好了", "屏幕上的号码跳得太快"),
        high=("店员会叫名字, 很亲切",),
        rush=True,
    ),
    Moment(
        MEMBER,
        None,
        "tp_join",
        16,
        "weak",
        (POPUP, STORE),
        low=(
            "注册要填生日、公司、手机号, 太麻烦了",
            "扫码后跳了三个页面才进会员, 排队的人都在等我",
            "Why do I need to give my birthday to buy a coffee?",
        ),
        mid=("注册送的券还挺实在", "流程有点长, 不过一次就好"),
        high=("扫码一秒入会, 首杯 9.9 很香",),
    ),
    Moment(
        MEMBER,
        None,
        "tp_tier_page",
        12,
        "weak",
        (PUSH, POPUP),
        low=(
            "银豆、金豆、黑豆到底差在哪? 看不懂",
            "What do I actually get as a gold member?",
            "等级页全是小字, 看完也不知道自己还差多少升级。希望直接告诉我还要喝几杯。",
        ),
        mid=("升级进度条不错, 权益说明太长", "权益写得太绕"),
        high=("升到黑豆了, 生日券很惊喜",),
    ),
    Moment(
        MEMBER,
        None,
        "tp_morning_push",
        11,
        "weak",
        (PUSH,),
        low=(
            "每天 8 点准时推送, 已经免打扰了",
            "群里的优惠天天一样, 没什么意思",
            "Too many messages. Muted the group.",
        ),
        mid=("偶尔有好券, 但推送太频繁", "有新品的时候推一下就够了"),
        high=("早安推送的天气提醒挺贴心",),
    ),
    Moment(
        MEMBER,
        None,
        "tp_popup",
        12,
        "good",
        (STORE, POPUP),
        low=("试饮排了很久, 一小杯而已",),
        mid=("试饮量太少, 没喝出味道", "Nice idea, tiny cups."),
        high=(
            "在公司楼下试喝了燕麦拿铁, 当场就注册了",
            "The lobby tasting is how I found you. Great coffee!",
            "快闪试饮的店员很热情, 还教我怎么预点单",
            "第一次喝就爱上了",
        ),
    ),
    Moment(
        MEMBER,
        None,
        "tp_welcome_banner",
        8,
        "mixed",
        (POPUP,),
        low=("新人券领了找不到在哪用",),
        mid=("9.9 首杯很吸引人", "券的使用规则要点好几次才看到"),
        high=("首杯 9.9, 果断下单",),
        newcomers=True,
    ),
    Moment(
        MEMBER,
        None,
        "tp_sleeve",
        6,
        "good",
        (STORE,),
        mid=("杯套挺好看, 就是取餐柜的格子太小",),
        high=("橙色杯套在办公室很显眼, 同事都问在哪买的", "Love the sleeve design."),
    ),
    Moment(
        MEMBER,
        None,
        "tp_delivery",
        5,
        "poor",
        (SMS, POPUP),
        low=(
            "外卖送到的时候奶泡全塌了",
            "外卖比到店贵 6 块, 还慢",
            "Delivery took 50 minutes and the latte was lukewarm.",
        ),
    ),
    Moment(
        MEMBER,
        None,
        "tp_refer",
        4,
        "good",
        (PUSH,),
        mid=("推荐同事注册没有奖励, 有点可惜",),
        high=("已经拉了整个部门一起点", "同事都是我安利来的"),
    ),
    Moment(
        MEMBER,
        None,
        "tp_colleague",
        3,
        "great",
        (STORE,),
        high=("同事天天喝, 我也被种草了", "A colleague brought me one and I was hooked."),
    ),
    Moment(
        MEMBER,
        "cognition",
        None,
        6,
        "mixed",
        (SMS, STORE),
        low=("之前完全没听说过这个牌子",),
        mid=("开在地铁口挺显眼", "广告挺多, 但说不清跟别家有什么不一样"),
        high=("看到灯箱就想试试",),
    ),
    Moment(
        MEMBER,
        "attraction",
        None,
        6,
        "mixed",
        (POPUP, SMS),
        low=("优惠太多太乱, 不知道用哪张",),
        mid=("新人优惠还可以", "店员推荐晨豆卡有点像推销"),
        high=("入会礼很实在",),
        newcomers=True,
    ),
    Moment(
        MEMBER,
        "buy",
        None,
        10,
        "weak",
        (POPUP, STORE, SMS),
        low=(
            "出品稳定, 就是早上太慢",
            "Coffee is good. The whole morning process is not.",
            "下午人少的时候体验很好, 早上完全是另一家店。",
        ),
        mid=("味道不错, 价格偏高", "燕麦拿铁稳定发挥", "Decent coffee, fair price."),
        high=("每天一杯, 稳定好喝",),
        rush=True,
    ),
    Moment(
        MEMBER,
        "loyalty",
        None,
        8,
        "mixed",
        (SMS, PUSH),
        low=("当了两年会员, 没感觉到被重视",),
        mid=("会员日活动还不错", "Member perks are OK, nothing special."),
        high=("会员生日送的那杯很暖心",),
    ),
    Moment(
        MEMBER,
        None,
        None,
        8,
        "mixed",
        (SMS, PUSH),
        low=("最近豆子是不是换了? 偏酸",),
        mid=("整体不错, 就是贵了点", "Good coffee, would recommend with reservations."),
        high=(
            "公司楼下最好喝的咖啡",
            "已经推荐给好几个朋友了。希望多开几家店, 特别是园区那边。",
        ),
    ),
    Moment(
        FIRST_VISIT,
        None,
        "tp_fv_greeter",
        12,
        "great",
        (STORE, POPUP),
        mid=("试饮不错, 门口有点堵",),
        high=(
            "门口试饮那杯冷萃很惊艳",
            "店员很热情, 给我讲了每款豆子",
            "A friendly welcome and a free taste. Nice touch.",
            "开业那天去的, 氛围很好 ✨",
        ),
        newcomers=True,
    ),
    Moment(
        FIRST_VISIT,
        None,
        "tp_fv_menu",
        11,
        "poor",
        (STORE, POPUP),
        low=(
            "菜单板字太小, 站在后面看不清",
            "第一次来不知道点什么, 菜单上没有推荐",
            "The menu board has no English and no pictures.",
            "新品和常规款混在一起, 看了半天",
        ),
        mid=("菜单有点乱, 店员帮我选了",),
        high=("店员推荐的那杯很好喝",),
        newcomers=True,
    ),
    Moment(
        FIRST_VISIT,
        None,
        "tp_fv_followup",
        5,
        "good",
        (SMS, PUSH),
        mid=("回访券收到了, 有效期太短",),
        high=("48 小时回访券让我第二天又去了", "收到回访券还挺意外的"),
        newcomers=True,
    ),
    Moment(
        FIRST_VISIT,
        None,
        "tp_fv_receipt",
        3,
        "mixed",
        (STORE,),
        mid=("小票上的问卷挺短, 愿意填",),
        newcomers=True,
    ),
    Moment(
        FIRST_VISIT,
        "pre",
        None,
        3,
        "good",
        (POPUP,),
        high=("开业前就在网上看到了, 专门来打卡",),
        newcomers=True,
    ),
    Moment(
        FIRST_VISIT,
        None,
        None,
        2,
        "mixed",
        (SMS,),
        mid=("新店装修很好看, 座位少",),
        newcomers=True,
    ),
)

#: The file each journey's answers came from (what an import keeps as the answers' source).
SOURCES = {MEMBER: "晨豆会员回访问卷_2026-03.xlsx", FIRST_VISIT: "新店首访问卷_2026-03.csv"}

#: Who answers, by customer type (seed 002): members mostly loyal or purpose-driven; the new
#: store's visitors occasional or information-seeking. "" is an answer without a type.
TYPES = {
    False: ((LOYAL, 38), (PURPOSE, 30), (OCCASIONAL, 17), (SEEKING, 9), ("", 6)),
    True: ((LOYAL, 5), (PURPOSE, 15), (OCCASIONAL, 35), (SEEKING, 35), ("", 10)),
}

#: Their member tiers, by customer type: the loyal have climbed, occasional visitors rarely.
TIERS = {
    LOYAL: ((GOLD, 50), (BLACK, 35), (SILVER, 15)),
    PURPOSE: ((SILVER, 45), (GOLD, 40), (BLACK, 10), (NON_MEMBER, 5)),
    OCCASIONAL: ((SILVER, 55), (NON_MEMBER, 40), (GOLD, 5)),
    SEEKING: ((NON_MEMBER, 55), (SILVER, 40), (GOLD, 5)),
    "": ((SILVER, 50), (GOLD, 30), ("", 20)),
}


def quota(count: int, weights: Sequence[int]) -> list[int]:
    """The scores of `count` answers, as near the profile's weights as whole answers allow
    (largest remainders), in score order."""
    total = sum(weights)
    exact = [count * weight / total for weight in weights]
    counts = [int(share) for share in exact]
    by_remainder = sorted(range(len(weights)), key=lambda s: (counts[s] - exact[s], s))
    for score in by_remainder[: count - sum(counts)]:
        counts[score] += 1
    return [score for score, n in enumerate(counts) for _ in range(n)]


def _pick(rng: random.Random, choices: Sequence[tuple[str, int]]) -> str:
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights)[0]


def _kind(score: int) -> str:
    return "low" if score <= 6 else "mid" if score <= 8 else "high"


class _Comments:
    """A moment's comments, each used once before any repeats; then the generic ones."""

    def __init__(self, rng: random.Random, moment: Moment) -> None:
        self.rng = rng
        self.left = {
            kind: rng.sample(texts, len(texts))
            for kind, texts in (("low", moment.low), ("mid", moment.mid), ("high", moment.high))
        }

    def next(self, score: int) -> str:
        kind = _kind(score)
        if self.rng.random() < NO_COMMENT[kind]:
            return ""
        if self.left[kind]:
            return self.left[kind].pop()
        return self.rng.choice(GENERIC[kind])


def _when(rng: random.Random, channel: str, rush: bool) -> str:
    day = (FIRST_DAY + timedelta(days=rng.randrange(DAYS))).isoformat()
    if channel != POPUP:  # the pop-up stamps the minute; the other exports only the day
        return day
    minute = rng.randrange(8 * 60, 9 * 60 + 40) if rush else rng.randrange(7 * 60, 21 * 60)
    return f"{day}T{minute // 60:02d}:{minute % 60:02d}"


def _answers(rng: random.Random, moment: Moment) -> list[Row]:
    scores = quota(moment.count, PROFILES[moment.profile])
    rng.shuffle(scores)
    comments = _Comments(rng, moment)
    channels = [
        (channel, 2 ** (len(moment.channels) - i)) for i, channel in enumerate(moment.channels)
    ]
    answers = []
    for score in scores:
        channel = _pick(rng, channels)
        customer_type = _pick(rng, TYPES[moment.newcomers])
        answers.append(
            {
                "score": score,
                "comment": comments.next(score),
                "date": _when(rng, channel, moment.rush),
                "channel": channel,
                "tier": _pick(rng, TIERS[customer_type]),
                "customer_type": customer_type,
            }
        )
    return answers


def feedback_rows(
    journeys: Mapping[str, int],
    stages: Mapping[tuple[str, str], int],
    touchpoints: Mapping[str, Row],
) -> list[Row]:
    """The demo's answers as feedback rows with ids from 1: each journey's answers as its
    survey exported them (by date, numbered from the sheet's row 2), each card's answers under
    the card's stage. `stages` maps (journey key, stage key) to a stage id, `touchpoints` a
    card's key to its row (id and stage_id)."""
    rng = random.Random(SEED)
    respondents = iter(rng.sample(range(100_000, 1_000_000), sum(m.count for m in MOMENTS)))
    by_journey: dict[str, list[Row]] = {key: [] for key in SOURCES}
    for moment in MOMENTS:
        card = touchpoints[moment.card] if moment.card is not None else None
        stage_id = (
            card["stage_id"]
            if card is not None
            else stages[moment.journey, moment.stage]
            if moment.stage is not None
            else None
        )
        for answer in _answers(rng, moment):
            answer |= {
                "stage_id": stage_id,
                "touchpoint_id": card["id"] if card is not None else None,
                "respondent": f"MB{next(respondents)}",
            }
            by_journey[moment.journey].append(answer)
    rows: list[Row] = []
    for journey, answers in by_journey.items():
        answers.sort(key=lambda answer: answer["date"])
        for row_in_sheet, answer in enumerate(answers, start=2):
            rows.append(
                answer
                | {
                    "id": len(rows) + 1,
                    "journey_id": journeys[journey],
                    "source": SOURCES[journey],
                    "source_row": row_in_sheet,
                }
            )
    return rows
