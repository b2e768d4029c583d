"""The fixed texts of the PDF blueprint in English and Simplified Chinese (no Qt).

The PDF is made without Qt, so it cannot use tr(). The session's `language` ("en" or "zh")
picks the column. Enumeration names follow the app's translations (cocreate/labels.py and
resources/translations/cocreate_zh_CN.ts), so the document and the screen use the same words.
"""

from __future__ import annotations

from datetime import date

from cocreate.templates import language_code

#: key -> (English, Chinese). Texts with {placeholders} are filled with str.format.
TEXTS: dict[str, tuple[str, str]] = {
    # sections and outline
    "document": ("Service blueprint", "服务蓝图"),
    "overview": ("Overview", "概览"),
    "blueprints": ("Blueprints", "服务蓝图"),
    "notes": ("Notes", "便利贴"),
    "health": ("Journey health", "旅程健康度"),
    "salon": ("Service-design co-creation salon", "服务设计共创沙龙"),
    # title page
    "theme": ("Theme", "主题"),
    "brand": ("Brand", "品牌"),
    "date": ("Date", "日期"),
    "facilitator": ("Facilitator", "主持人"),
    "goal": ("Goal", "目标"),
    "participants": ("Participants", "参与者"),
    "no_participants": ("No participants listed", "未列出参与者"),
    "contents": ("Contents", "目录"),
    "journeys": ("Journeys", "旅程"),
    "stages": ("Stages", "阶段"),
    "touchpoints": ("Touchpoints", "触点"),
    "votes": ("Votes", "投票"),
    "persona": ("Persona", "用户画像"),
    "page_short": ("p. {n}", "第 {n} 页"),
    "untitled_session": ("Untitled session", "未命名会话"),
    "empty_journey": (
        "Empty: nothing was put on this journey (no touchpoints, no notes).",
        "空旅程：还没有任何触点或便利贴。",
    ),
    # blueprint pages
    "line_interaction": ("Line of interaction", "互动分界线"),
    "line_visibility": ("Line of visibility", "可视分界线"),
    "line_internal_interaction": ("Line of internal interaction", "内部互动分界线"),
    "emotion_curve": ("Emotion curve", "情绪曲线"),
    "lowest_point": ("Lowest point", "最低点"),
    "touchpoint_count": ("{n} touchpoints", "{n} 个触点"),
    "touchpoint_count_one": ("1 touchpoint", "1 个触点"),
    "branded": ("Branded touchpoint", "品牌化触点"),
    "breakpoint": ("Breakpoint", "断点"),
    "emotion": ("Emotion", "情绪"),
    "score": ("Score", "评分"),
    "link": ("Link", "连线"),
    "stage_range": ("Stages {first}–{last} of {count}", "第 {first}–{last} 阶段，共 {count} 个"),
    "part": ("Part {index} of {count}", "第 {index}/{count} 部分"),
    "continued": ("continued", "续"),
    "to_page": ("to p. {n}", "至第 {n} 页"),
    "from_page": ("from p. {n}", "来自第 {n} 页"),
    "untitled_touchpoint": ("Untitled touchpoint", "未命名触点"),
    "untitled_stage": ("Untitled stage", "未命名阶段"),
    "untitled_journey": ("Untitled journey", "未命名旅程"),
    "no_stages": ("This journey has no stages yet.", "此旅程还没有阶段。"),
    "kind": ("Kind", "类型"),
    "status": ("Status", "状态"),
    # notes
    "notes_summary": ("{notes} notes · {votes} votes", "{notes} 张便利贴 · {votes} 票"),
    "private_notes": (
        "{n} private notes are not shown: they were never revealed in the salon.",
        "{n} 张私密便利贴未显示：它们在沙龙中没有被公开。",
    ),
    "private_notes_one": (
        "1 private note is not shown: it was never revealed in the salon.",
        "1 张私密便利贴未显示：它在沙龙中没有被公开。",
    ),
    "no_notes": ("No notes on this journey.", "此旅程没有便利贴。"),
    "cluster": ("Cluster", "分组"),
    "pinned_stage": ("Stage · {name}", "阶段 · {name}"),
    "pinned_touchpoint": ("Touchpoint · {name}", "触点 · {name}"),
    "loose_notes": ("Not pinned", "未固定"),
    "no_author": ("No author", "未署名"),
    "vote_count": ("{n} votes", "{n} 票"),
    "vote_count_one": ("1 vote", "1 票"),
    "note_count": ("{n} notes", "{n} 张"),
    "note_count_one": ("1 note", "1 张"),
    # health
    "health_touchpoints": ("Touchpoints", "触点"),
    "empty_stages": ("Stages without touchpoints", "无触点的阶段"),
    "breakpoints": ("Breakpoints", "断点"),
    "lowest_stage": ("Lowest emotion", "情绪最低点"),
    "negative_stages": ("Stages below zero", "负面情绪阶段"),
    "pain_points": ("Pain points", "痛点"),
    "pain_points_by_stage": ("Pain points by stage", "各阶段痛点"),
    "channels": ("Channels", "渠道"),
    "channels_by_stage": ("Channels by stage", "各阶段渠道"),
    "channels_used": ("{used} of {total} channels", "使用 {used}/{total} 个渠道"),
    "top_voted": ("Top-voted", "得票排行"),
    "mean_emotion": ("Mean emotion", "平均情绪"),
    "per_stage": ("Stage by stage", "分阶段概况"),
    "none": ("None", "无"),
    "no_data": ("–", "–"),
    "not_pinned_stage": ("Not pinned to a stage", "未关联阶段"),
    "no_breakpoints": ("No breakpoints marked.", "没有标记断点。"),
    "no_pain_points": ("No pain points noted.", "没有记录痛点。"),
    "no_votes": ("No votes yet.", "还没有投票。"),
    "uncategorised_note": ("Uncategorised note", "未分类便利贴"),
    "touchpoint": ("Touchpoint", "触点"),
    "stage": ("Stage", "阶段"),
    "all_stages_covered": ("Every stage has touchpoints.", "每个阶段都有触点。"),
    "no_touchpoints_yet": ("No touchpoints mapped yet", "还没有绘制触点"),
    "no_emotion": ("No emotions recorded", "没有情绪数据"),
    "no_comparison": (
        "Nothing to compare: one stage, or all level",
        "无可比较: 仅一个阶段或各阶段持平",
    ),
    "negative_touchpoints": ("Touchpoints with NPS below zero", "NPS 为负的触点"),
    "negative_touchpoints_note": ("of {total} with 10+ answers", "共 {total} 个触点 n ≥ 10"),
    # the voice of the customer
    "voice": ("Voice of the customer", "顾客之声"),
    "answer_count": ("{n} answers", "{n} 份回答"),
    "answer_count_one": ("1 answer", "1 份回答"),
    "nps": ("NPS", "NPS"),
    "nps_value": ("NPS {value}", "NPS {value}"),
    "answers": ("Answers", "回答"),
    "with_comment": ("{n} with a comment", "{n} 份附有评价"),
    "promoters": ("Promoters (9–10)", "推荐者 (9–10)"),
    "passives": ("Passives (7–8)", "中立者 (7–8)"),
    "detractors": ("Detractors (0–6)", "贬损者 (0–6)"),
    "promoters_short": ("Promoters", "推荐者"),
    "passives_short": ("Passives", "中立者"),
    "detractors_short": ("Detractors", "贬损者"),
    "n_equals": ("n = {n}", "n = {n}"),
    "nps_by_stage": ("NPS by stage", "各阶段 NPS"),
    "distribution": ("Scores 0–10", "0–10 分布"),
    "by_customer_type": ("NPS by customer type", "各顾客类型 NPS"),
    "by_tier": ("NPS by member tier", "各会员等级 NPS"),
    "untyped": ("{n} without a customer type", "{n} 份未注明顾客类型"),
    "untiered": ("{n} without a member tier", "{n} 份未注明会员等级"),
    "more_rows": ("+ {n} more", "另有 {n} 项"),
    "nps_by_touchpoint": ("NPS by touchpoint, lowest first", "各触点 NPS（从低到高）"),
    "few_legend": ("Grey: fewer than 10 answers", "灰色：回答少于 10 份"),
    "few_answers": ("Few answers", "回答较少"),
    "no_answers": ("No answers", "无回答"),
    "in_their_words": ("In their words: the lowest touchpoints", "顾客原话：NPS 最低的触点"),
    "quoted": ("“{text}”", "“{text}”"),
    "no_comments": ("No comments on this touchpoint.", "此触点没有评价。"),
    # footer
    "made_with": ("cocreate {version}", "cocreate {version}"),
    "page_of": ("{page} / {count}", "{page} / {count}"),
}

#: Enumeration names: group -> value -> (English, Chinese).
ENUMS: dict[str, dict[str, tuple[str, str]]] = {
    "channel": {
        "store": ("Store", "门店"),
        "app": ("App", "移动应用"),
        "mini_program": ("Mini-program", "小程序"),
        "website": ("Website", "网站"),
        "social": ("Social media", "社交媒体"),
        "phone": ("Phone", "电话"),
        "ad": ("Advertising", "广告"),
        "word_of_mouth": ("Word of mouth", "口碑"),
        "delivery": ("Delivery", "配送"),
        "email": ("Email", "电子邮件"),
        "other": ("Other channel", "其他渠道"),
    },
    "kind": {
        "pre": ("Pre-touchpoint", "预触点"),
        "first": ("First touchpoint", "首触点"),
        "core": ("Core touchpoint", "核心触点"),
        "end": ("End touchpoint", "末触点"),
    },
    "kind_short": {
        "pre": ("Pre", "预"),
        "first": ("First", "首"),
        "core": ("Core", "核心"),
        "end": ("End", "末"),
    },
    "status": {
        "idea": ("Idea", "构想"),
        "planned": ("Planned", "已计划"),
        "in_progress": ("In progress", "进行中"),
        "done": ("Done", "已完成"),
    },
    "role": {
        "facilitator": ("Facilitator", "主持人"),
        "participant": ("Participant", "参与者"),
        "customer": ("Customer", "顾客"),
    },
    "category": {
        "pain_point": ("Pain point", "痛点"),
        "idea": ("Idea", "想法"),
        "question": ("Question", "问题"),
        "praise": ("Praise", "好评"),
        "need": ("Need", "需求"),
    },
    "persona": {
        "loyal": ("Loyal customer", "忠诚型顾客"),
        "purpose_driven": ("Purpose-driven customer", "目的型顾客"),
        "occasional": ("Occasional customer", "偶发型顾客"),
        "information_seeking": ("Information-seeking customer", "信息搜寻型顾客"),
        "custom": ("Custom persona", "自定义用户画像"),
    },
    "lane": {
        "physical_evidence": ("Physical evidence", "有形展示"),
        "customer_actions": ("Customer actions", "顾客行为"),
        "frontstage": ("Frontstage", "前台"),
        "backstage": ("Backstage", "后台"),
        "support_processes": ("Support processes", "支持流程"),
        "custom": ("Custom lane", "自定义泳道"),
    },
}

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class Texts:
    """The fixed texts in one language: `texts("key", n=3)`, `texts.enum("channel", "app")`."""

    def __init__(self, language: str) -> None:
        self.language = language_code(language)
        self._column = 1 if self.language == "zh" else 0

    def __call__(self, key: str, **values: object) -> str:
        text = TEXTS[key][self._column]
        return text.format(**values) if values else text

    def count(self, key: str, n: int) -> str:
        """A counted text, with the singular form where the language has one."""
        if n == 1 and f"{key}_one" in TEXTS:
            return self(f"{key}_one")
        return self(key, n=n)

    def enum(self, group: str, value: str) -> str:
        """The name of an enumeration value; an unknown value is shown as it is."""
        names = ENUMS[group].get(value)
        return names[self._column] if names else value

    def date(self, iso: str) -> str:
        """An ISO date as people write it ("14 June 2025", "2025年6月14日"); other text as is."""
        try:
            day = date.fromisoformat(iso.strip())
        except ValueError:
            return iso
        if self.language == "zh":
            return f"{day.year}年{day.month}月{day.day}日"
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"

    def all_texts(self) -> list[str]:
        """Every fixed text of this language (to know which glyphs the document may need)."""
        found = [pair[self._column] for pair in TEXTS.values()]
        for group in ENUMS.values():
            found.extend(pair[self._column] for pair in group.values())
        return found
