"""The edits a person makes, as lists of row ops (no Qt).

Each function reads what it needs from the store and returns the ops of one user action; the
document applies them in one transaction and pushes one undo command. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from cocreate.layout import JourneyLayout, compute_layout, note_origin, on_board
from cocreate.model import TOUCHPOINT_FIELDS, NoteCategory, TouchpointKind
from cocreate.records import Row
from cocreate.store.ops import Delete, Insert, Op, Update, table
from cocreate.store.session_file import SessionFile
from cocreate.templates import journey_rows


def next_ids(store: SessionFile, table_name: str, count: int) -> list[int]:
    """Ids for rows about to be inserted, so that rows of one edit can refer to each other."""
    top = store.max_id(table_name)
    return list(range(top + 1, top + 1 + count))


def _updates(store: SessionFile, table_name: str, row_id: int, **fields: Any) -> list[Op]:
    op = store.update_op(table_name, row_id, **fields)
    return [op] if op is not None else []


def _renumber(table_name: str, rows: list[Row], **extra: Any) -> list[Op]:
    """Updates that give rows positions 0..n-1 in list order (and the extra fields)."""
    ops: list[Op] = []
    for position, row in enumerate(rows):
        after = {"position": position, **extra}
        changed = {key: value for key, value in after.items() if row[key] != value}
        if changed:
            before = {key: row[key] for key in changed}
            ops.append(Update(table_name, row["id"], before, changed))
    return ops


# -- journeys and personas ----------------------------------------------------------------------


def add_journey(
    store: SessionFile,
    name: str,
    template_id: str,
    language: str,
    persona_id: int | None = None,
) -> list[Op]:
    (journey_id,) = next_ids(store, "journey", 1)
    position = len(store.rows("journey"))
    stages, lanes = journey_rows(template_id, language, journey_id)
    ops: list[Op] = [
        Insert(
            "journey",
            {
                "id": journey_id,
                "name": name,
                "position": position,
                "persona_id": persona_id,
                "template": template_id,
            },
        )
    ]
    ops += [Insert("stage", row) for row in stages]
    ops += [Insert("lane", row) for row in lanes]
    return ops


def duplicate_journey(store: SessionFile, journey_id: int, name: str) -> list[Op]:
    """A copy of the journey's stages, lanes, touchpoints and links (not its notes or votes)."""
    journey = store.row("journey", journey_id)
    (new_journey,) = next_ids(store, "journey", 1)
    ops: list[Op] = [
        Insert(
            "journey",
            journey | {"id": new_journey, "name": name, "position": len(store.rows("journey"))},
        )
    ]
    id_maps: dict[str, dict[int, int]] = {}
    for table_name in ("stage", "lane", "touchpoint", "link"):
        rows = store.rows(table_name, journey_id=journey_id)
        new_ids = next_ids(store, table_name, len(rows))
        id_maps[table_name] = {row["id"]: new for row, new in zip(rows, new_ids, strict=True)}
        for row in rows:
            copy = row | {"id": id_maps[table_name][row["id"]], "journey_id": new_journey}
            if table_name == "touchpoint":
                copy["stage_id"] = id_maps["stage"][row["stage_id"]]
                copy["lane_id"] = id_maps["lane"][row["lane_id"]]
            if table_name == "link":
                copy["source_id"] = id_maps["touchpoint"][row["source_id"]]
                copy["target_id"] = id_maps["touchpoint"][row["target_id"]]
            ops.append(Insert(table_name, copy))
    return ops


def move_journey(store: SessionFile, journey_id: int, index: int) -> list[Op]:
    journeys = store.rows("journey", order_by="position")
    moving = next(row for row in journeys if row["id"] == journey_id)
    journeys.remove(moving)
    journeys.insert(max(0, min(index, len(journeys))), moving)
    return _renumber("journey", journeys)


def add_persona(
    store: SessionFile, name: str, kind: str, description: str, journey_id: int | None = None
) -> list[Op]:
    """A new persona, given to the journey when one is named."""
    (persona_id,) = next_ids(store, "persona", 1)
    row = {"id": persona_id, "name": name, "kind": kind, "description": description}
    ops: list[Op] = [Insert("persona", row)]
    if journey_id is not None:
        ops += _updates(store, "journey", journey_id, persona_id=persona_id)
    return ops


# -- stages ---------------------------------------------------------------------------------------


def add_stage(
    store: SessionFile, journey_id: int, name: str, index: int | None = None, color: str = ""
) -> list[Op]:
    stages = store.rows("stage", order_by="position", journey_id=journey_id)
    index = len(stages) if index is None else max(0, min(index, len(stages)))
    (stage_id,) = next_ids(store, "stage", 1)
    row: Row = {"id": stage_id, "journey_id": journey_id, "name": name, "position": index}
    if color:
        row["color"] = color
    if stages:
        row["width"] = stages[min(index, len(stages) - 1)]["width"]
    ops: list[Op] = _renumber("stage", stages[:index] + [dict(row)] + stages[index:])
    ops = [op for op in ops if op.id != stage_id]
    return [Insert("stage", row), *ops]


def move_stage(store: SessionFile, stage_id: int, index: int) -> list[Op]:
    stage = store.row("stage", stage_id)
    stages = store.rows("stage", order_by="position", journey_id=stage["journey_id"])
    moving = next(row for row in stages if row["id"] == stage_id)
    stages.remove(moving)
    stages.insert(max(0, min(index, len(stages))), moving)
    return _renumber("stage", stages)


# -- lanes ----------------------------------------------------------------------------------------


def add_lane(store: SessionFile, journey_id: int, name: str, index: int | None = None) -> list[Op]:
    lanes = store.rows("lane", order_by="position", journey_id=journey_id)
    index = len(lanes) if index is None else max(0, min(index, len(lanes)))
    (lane_id,) = next_ids(store, "lane", 1)
    row: Row = {"id": lane_id, "journey_id": journey_id, "name": name, "position": index}
    ops = [
        op
        for op in _renumber("lane", lanes[:index] + [dict(row)] + lanes[index:])
        if op.id != lane_id
    ]
    return [Insert("lane", row), *ops]


def move_lane(store: SessionFile, lane_id: int, index: int) -> list[Op]:
    lane = store.row("lane", lane_id)
    lanes = store.rows("lane", order_by="position", journey_id=lane["journey_id"])
    moving = next(row for row in lanes if row["id"] == lane_id)
    lanes.remove(moving)
    lanes.insert(max(0, min(index, len(lanes))), moving)
    return _renumber("lane", lanes)


# -- touchpoints ------------------------------------------------------------------------------


def _cell(store: SessionFile, stage_id: int, lane_id: int) -> list[Row]:
    return store.rows("touchpoint", order_by="position", stage_id=stage_id, lane_id=lane_id)


def add_touchpoint(
    store: SessionFile,
    journey_id: int,
    stage_id: int,
    lane_id: int,
    index: int | None = None,
    **fields: Any,
) -> list[Op]:
    """A new card in the stage × lane cell, at index (default: last)."""
    unknown = set(fields) - set(TOUCHPOINT_FIELDS)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    cell = _cell(store, stage_id, lane_id)
    index = len(cell) if index is None else max(0, min(index, len(cell)))
    (touchpoint_id,) = next_ids(store, "touchpoint", 1)
    row: Row = {
        "id": touchpoint_id,
        "journey_id": journey_id,
        "stage_id": stage_id,
        "lane_id": lane_id,
        "position": index,
        "kind": TouchpointKind.CORE.value,
        **fields,
    }
    others = [
        op
        for op in _renumber("touchpoint", cell[:index] + [dict(row)] + cell[index:])
        if op.id != touchpoint_id
    ]
    return [Insert("touchpoint", row), *others]


def update_touchpoint(store: SessionFile, touchpoint_id: int, **fields: Any) -> list[Op]:
    unknown = set(fields) - set(TOUCHPOINT_FIELDS)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    return _updates(store, "touchpoint", touchpoint_id, **fields)


def move_touchpoints(
    store: SessionFile,
    ids: Iterable[int],
    stage_id: int,
    lane_id: int,
    index: int | None = None,
    also_moving: Iterable[int] = (),
) -> list[Op]:
    """Move cards into the stage × lane cell at index, keeping their order; tidy the cell.

    also_moving: cards that other ops of the same action move elsewhere (left alone here).
    """
    wanted = set(ids)
    moving = [store.row("touchpoint", touchpoint_id) for touchpoint_id in wanted]
    moving.sort(key=lambda row: (row["stage_id"], row["lane_id"], row["position"], row["id"]))
    leaving = wanted | set(also_moving)
    staying = [row for row in _cell(store, stage_id, lane_id) if row["id"] not in leaving]
    index = len(staying) if index is None else max(0, min(index, len(staying)))
    order = staying[:index] + moving + staying[index:]
    return _renumber("touchpoint", order, stage_id=stage_id, lane_id=lane_id)


def paste_touchpoints(
    store: SessionFile,
    journey_id: int,
    rows: list[Row],
    links: list[Row],
    stage_id: int | None = None,
    lane_id: int | None = None,
) -> list[Op]:
    """Copies of the given cards (and the links between them) in this journey.

    Cards land in the given cell, or in the cell of the same stage and lane when they come
    from this journey (Duplicate), at the end of the cell.
    """
    stage_rows = store.rows("stage", order_by="position", journey_id=journey_id)
    lane_rows = [
        row
        for row in store.rows("lane", order_by="position", journey_id=journey_id)
        if not row["hidden"]
    ]
    stages = {row["id"] for row in stage_rows}
    lanes = {row["id"] for row in lane_rows}  # visible lanes: a pasted card must be seen
    first_stage = stage_rows[0]["id"] if stage_rows else None
    first_lane = lane_rows[0]["id"] if lane_rows else None
    if first_stage is None or first_lane is None:
        return []
    new_ids = next_ids(store, "touchpoint", len(rows))
    id_map = {row["id"]: new for row, new in zip(rows, new_ids, strict=True)}
    counts: dict[tuple[int, int], int] = {}
    ops: list[Op] = []
    for row in rows:
        target_stage = stage_id or (
            row["stage_id"] if row.get("stage_id") in stages else first_stage
        )
        target_lane = lane_id or (row["lane_id"] if row.get("lane_id") in lanes else first_lane)
        key = (target_stage, target_lane)
        if key not in counts:
            counts[key] = len(_cell(store, *key))
        fields = {name: row[name] for name in TOUCHPOINT_FIELDS if name in row}
        ops.append(
            Insert(
                "touchpoint",
                fields
                | {
                    "id": id_map[row["id"]],
                    "journey_id": journey_id,
                    "stage_id": target_stage,
                    "lane_id": target_lane,
                    "position": counts[key],
                },
            )
        )
        counts[key] += 1
    link_ids = next_ids(store, "link", len(links))
    for link, link_id in zip(links, link_ids, strict=True):
        if link["source_id"] in id_map and link["target_id"] in id_map:
            ops.append(
                Insert(
                    "link",
                    {
                        "id": link_id,
                        "journey_id": journey_id,
                        "source_id": id_map[link["source_id"]],
                        "target_id": id_map[link["target_id"]],
                        "label": link.get("label", ""),
                    },
                )
            )
    return ops


# -- links ------------------------------------------------------------------------------------


def add_link(store: SessionFile, journey_id: int, source_id: int, target_id: int) -> list[Op]:
    """An arrow from one card to another; nothing when it exists already or loops."""
    if source_id == target_id:
        return []
    existing = store.rows("link", source_id=source_id, target_id=target_id)
    if existing:
        return []
    (link_id,) = next_ids(store, "link", 1)
    row = {"id": link_id, "journey_id": journey_id, "source_id": source_id, "target_id": target_id}
    return [Insert("link", row)]


# -- participants ---------------------------------------------------------------------------------


def add_participant(
    store: SessionFile, name: str, color: str, role: str, vote_budget: int = 5
) -> list[Op]:
    (participant_id,) = next_ids(store, "participant", 1)
    position = len(store.rows("participant"))
    row = {
        "id": participant_id,
        "name": name,
        "color": color,
        "role": role,
        "vote_budget": vote_budget,
        "position": position,
    }
    return [Insert("participant", row)]


# -- notes and clusters -------------------------------------------------------------------------

#: Fields of a note a person edits directly (text, author, category, colour).
NOTE_FIELDS = ("text", "author_id", "category", "color")


def add_note(
    store: SessionFile,
    journey_id: int,
    text: str,
    author_id: int | None,
    x: float,
    y: float,
    *,
    recent: Iterable[Op] = (),
    **fields: Any,
) -> list[Op]:
    """A new note; hidden (face down) while the session is in private mode. Without a
    category it takes the one its author chose last (see new_note_category; `recent` are the
    ops of the edits in effect, newest first)."""
    (note_id,) = next_ids(store, "note", 1)
    session = store.session_row()
    if "category" not in fields:
        fields["category"] = new_note_category(store, author_id, recent)
    row: Row = {
        "id": note_id,
        "journey_id": journey_id,
        "text": text,
        "author_id": author_id,
        "x": x,
        "y": y,
        "hidden": bool(session["private_mode"]),
        "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        **fields,
    }
    return [Insert("note", row)]


def new_note_category(store: SessionFile, author_id: int | None, recent: Iterable[Op] = ()) -> str:
    """The category a new note of the author starts with: the last one the author chose, else
    Idea. That is the category of the author's note written or recategorised last: first as the
    edits still in effect tell (`recent`, newest first: the undo history), then, for a file
    just opened, of the author's newest note that has one. A note never starts without one, so
    every note counts in the PDF's categories."""
    for op in recent:
        chosen = _chosen_category(store, op, author_id)
        if chosen:
            return chosen
    t = table("note")
    query = (
        select(t.c.category)
        .where(t.c.author_id == author_id, t.c.category != "")
        .order_by(t.c.id.desc())
        .limit(1)
    )
    with store.reading() as conn:
        found = conn.execute(query).scalar()
    return found or NoteCategory.IDEA.value


def _chosen_category(store: SessionFile, op: Op, author_id: int | None) -> str:
    """The category op gave a note of the author ("" when it gave none)."""
    if isinstance(op, Insert) and op.table == "note":
        mine = op.row.get("author_id") == author_id
        return (op.row.get("category") or "") if mine else ""
    if isinstance(op, Update) and op.table == "note" and op.after.get("category"):
        note = store.row("note", op.id)
        if note is not None and note["author_id"] == author_id:
            return op.after["category"]
    return ""


def update_notes(store: SessionFile, ids: Iterable[int], **fields: Any) -> list[Op]:
    unknown = set(fields) - set(NOTE_FIELDS) - {"hidden"}
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    return [op for note_id in ids for op in _updates(store, "note", note_id, **fields)]


def place_notes(store: SessionFile, places: dict[int, Row]) -> list[Op]:
    """Notes moved: note id -> {x, y, stage_id, touchpoint_id, cluster_id} (any of them).

    A cluster the move leaves empty goes too: an empty frame can be neither seen nor used.
    """
    allowed = {"x", "y", "stage_id", "touchpoint_id", "cluster_id"}
    ops: list[Op] = []
    left: set[int] = set()
    for note_id, fields in places.items():
        unknown = set(fields) - allowed
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        note = store.row("note", note_id)
        if "cluster_id" in fields and note["cluster_id"] not in (None, fields["cluster_id"]):
            left.add(note["cluster_id"])
        ops += _updates(store, "note", note_id, **fields)
    joined = {fields.get("cluster_id") for fields in places.values()}
    for cluster_id in left - joined:
        members = store.rows("note", cluster_id=cluster_id)
        if all(row["id"] in places and "cluster_id" in places[row["id"]] for row in members):
            ops.append(Delete("cluster", store.row("cluster", cluster_id)))
    return ops


def keep_unpinned_notes_in_place(store: SessionFile, ops: list[Op]) -> list[Op]:
    """Deleting a card, lane or stage unpins its notes; keep each in sight. A note of a card
    whose stage stays is pinned to that stage where it was; any other lands free on the board
    below where it was (pinned x, y are measured from the card or stage, free ones from the
    board, and nothing free sits on the blueprint)."""
    deleted_stages = {op.row["id"] for op in ops if isinstance(op, Delete) and op.table == "stage"}
    layouts: dict[int, tuple[JourneyLayout, dict[int, Row]]] = {}
    done: set[int] = set()
    for op in ops:
        if not (isinstance(op, Update) and op.table == "note" and op.id not in done):
            continue
        if not any(
            key in op.after and op.after[key] is None for key in ("touchpoint_id", "stage_id")
        ):
            continue
        note = store.row("note", op.id)
        if note["touchpoint_id"] is None and note["stage_id"] is None:
            continue
        journey_id = note["journey_id"]
        if journey_id not in layouts:
            cards = store.rows("touchpoint", journey_id=journey_id)
            layouts[journey_id] = (
                compute_layout(
                    store.rows("stage", journey_id=journey_id),
                    store.rows("lane", journey_id=journey_id),
                    cards,
                ),
                {row["id"]: row for row in cards},
            )
        layout, cards = layouts[journey_id]
        origin_x, origin_y = note_origin(layout, cards, note)
        x, y = note["x"] + origin_x, note["y"] + origin_y  # on the canvas
        card = cards.get(note["touchpoint_id"])
        op.before.update(x=note["x"], y=note["y"])
        if card is not None and card["stage_id"] not in deleted_stages:
            column = layout.columns[card["stage_id"]]
            op.before.update(stage_id=note["stage_id"])
            op.after.update(stage_id=card["stage_id"], x=x - column.x, y=y - column.y)
        else:
            op.after.update(x=x, y=on_board(y - layout.board_top))
        done.add(op.id)
    return ops


def paste_notes(
    store: SessionFile, journey_id: int, rows: list[Row], dx: float, dy: float
) -> list[Op]:
    """Copies of notes, shifted by (dx, dy), unpinned and out of any cluster; their x, y are
    measured from the board, like every free note's."""
    authors = {row["id"] for row in store.rows("participant")}
    private = bool(store.session_row()["private_mode"])
    ids = next_ids(store, "note", len(rows))
    ops: list[Op] = []
    for row, note_id in zip(rows, ids, strict=True):
        fields = {key: row[key] for key in ("text", "category", "color") if key in row}
        author = row.get("author_id")
        ops.append(
            Insert(
                "note",
                fields
                | {
                    "id": note_id,
                    "journey_id": journey_id,
                    "author_id": author if author in authors else None,
                    "x": float(row.get("x", 0.0)) + dx,
                    "y": on_board(float(row.get("y", 0.0)) + dy),
                    "hidden": private,
                    "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                },
            )
        )
    return ops


def group_notes(store: SessionFile, journey_id: int, ids: list[int], title: str) -> list[Op]:
    """A new cluster holding the notes (taken out of any cluster they were in)."""
    (cluster_id,) = next_ids(store, "cluster", 1)
    ops: list[Op] = [
        Insert("cluster", {"id": cluster_id, "journey_id": journey_id, "title": title})
    ]
    for note_id in ids:
        ops += _updates(store, "note", note_id, cluster_id=cluster_id)
    # Clusters left empty by the move go too: an empty frame means nothing.
    emptied = {store.row("note", note_id)["cluster_id"] for note_id in ids} - {None}
    for old in emptied:
        remaining = [row for row in store.rows("note", cluster_id=old) if row["id"] not in ids]
        if not remaining:
            ops.append(Delete("cluster", store.row("cluster", old)))
    return ops


# -- private mode and voting ------------------------------------------------------------------


def reveal_notes(store: SessionFile, ids: Iterable[int]) -> list[Op]:
    return [op for note_id in ids for op in _updates(store, "note", note_id, hidden=False)]


def start_voting(store: SessionFile, budget: int) -> list[Op]:
    """A new voting round: every participant gets `budget` dots for it."""
    vote = table("vote")
    with store.reading() as conn:
        last = conn.execute(select(func.max(vote.c.round))).scalar() or 0
    ops = _updates(store, "session", 1, voting_round=last + 1)
    for row in store.rows("participant"):
        ops += _updates(store, "participant", row["id"], vote_budget=budget)
    return ops


def votes_left(store: SessionFile, participant_id: int) -> int:
    """Dots the participant can still give in the running round (0 when none runs)."""
    session = store.session_row()
    person = store.row("participant", participant_id)
    if not session["voting_round"] or person is None:
        return 0
    used = store.count("vote", participant_id=participant_id, round=session["voting_round"])
    return max(0, person["vote_budget"] - used)


def add_vote(
    store: SessionFile, participant_id: int, note_id: int | None, touchpoint_id: int | None
) -> list[Op]:
    """One dot on a note or a touchpoint, when a round runs and the budget allows."""
    if (note_id is None) == (touchpoint_id is None) or votes_left(store, participant_id) <= 0:
        return []
    (vote_id,) = next_ids(store, "vote", 1)
    row = {
        "id": vote_id,
        "participant_id": participant_id,
        "note_id": note_id,
        "touchpoint_id": touchpoint_id,
        "round": store.session_row()["voting_round"],
    }
    return [Insert("vote", row)]


def remove_vote(
    store: SessionFile, participant_id: int, note_id: int | None, touchpoint_id: int | None
) -> list[Op]:
    """Take back one of the participant's dots of the running round from the item."""
    round_ = store.session_row()["voting_round"]
    if not round_:
        return []
    where = {"participant_id": participant_id, "round": round_}
    where |= {"note_id": note_id} if note_id is not None else {"touchpoint_id": touchpoint_id}
    rows = store.rows("vote", **where)
    return [Delete("vote", rows[-1])] if rows else []
