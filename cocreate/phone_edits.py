"""The edits a participant makes from a phone, as lists of row ops (no Qt).

A phone asks; the desktop decides. Each function checks what the phone asked against the file
and either returns the ops of one action or raises PhoneEditError with a short reason the room
passes back to the phone. Where a phone's note goes is decided here too: pinned near the card or
in the stage's column it is about, else in a tidy "from phones" grid on the board, never on top
of another note. Nothing here writes.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator

from sqlalchemy import and_, select

from cocreate import edits
from cocreate.colors import next_sticky_color
from cocreate.geometry import NOTE_GAP, NOTE_HEIGHT, NOTE_WIDTH, Point
from cocreate.layout import (
    BOARD_GAP,
    CELL_PADDING,
    FREE_NOTE_TOP,
    HEADER_HEIGHT,
    LANE_LABEL_WIDTH,
    JourneyLayout,
    compute_layout,
    note_origin,
    on_board,
)
from cocreate.model import NoteCategory, RevealPolicy, Role
from cocreate.records import Row
from cocreate.rules import clean_text
from cocreate.store.ops import Op, table
from cocreate.store.session_file import SessionFile

#: The longest name and note a phone may send (the room's server cuts nothing: it refuses).
MAX_NAME_CHARS = 40
MAX_NOTE_CHARS = 500

#: Notes side by side in the board's "from phones" area; it grows downwards, row by row.
PHONE_COLUMNS = 8
#: A spot keeps this much room from every other note, so the notes stay apart and tidy.
CLEARANCE = NOTE_GAP
PITCH_X = NOTE_WIDTH + NOTE_GAP
PITCH_Y = NOTE_HEIGHT + NOTE_GAP
#: The room the "from phones" area leaves right of a board note it moves past: that of a
#: cluster's frame around its notes (18 on the canvas) and a gap.
FRAME_ROOM = 48.0
#: Where a note pinned to a card goes first (from the card's top-left corner): hanging off its
#: lower right corner, so the card's title stays readable. The demo's notes on cards sit there.
CARD_NOTE_SPOT: Point = (120.0, 70.0)
#: Where a note pinned to a stage goes first, from the column's top: just under its header.
STAGE_NOTE_TOP = HEADER_HEIGHT + CELL_PADDING


class PhoneEditError(ValueError):
    """The desktop refuses what a phone asked; `reason` is a short code the page translates:
    "empty", "too_long", "bad_category", "name_taken", "not_found", "not_yours", "in_cluster",
    "no_round", "no_votes_left", "not_allowed" (and "not_written" when the file refused it)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# -- participants -------------------------------------------------------------------------------


def participant_name(store: SessionFile, name: str) -> str:
    """The name a new participant from a phone gets (trimmed); refused when it is empty, too
    long, or a participant has it already (in any case)."""
    name = clean_text(name).strip()
    if not name:
        raise PhoneEditError("empty")
    if len(name) > MAX_NAME_CHARS:
        raise PhoneEditError("too_long")
    wanted = name.casefold()
    if any(row["name"].strip().casefold() == wanted for row in store.rows("participant")):
        raise PhoneEditError("name_taken")
    return name


def add_participant(store: SessionFile, name: str) -> list[Op]:
    """A participant who joins from a phone: the next free sticky colour, and the dots the
    others have (a latecomer to a voting round votes like everyone)."""
    name = participant_name(store, name)
    people = store.rows("participant", order_by="position")
    color = next_sticky_color(row["color"] for row in people)
    budget = people[-1]["vote_budget"] if people else 5
    return edits.add_participant(store, name, color, Role.PARTICIPANT.value, budget)


def author(store: SessionFile, participant_id: int) -> Row:
    person = store.row("participant", participant_id)
    if person is None:
        raise PhoneEditError("not_found")
    return person


# -- notes --------------------------------------------------------------------------------------


def add_note(
    store: SessionFile,
    journey_id: int,
    participant_id: int,
    text: str,
    category: str,
    stage_id: int | None = None,
    touchpoint_id: int | None = None,
) -> list[Op]:
    """A note from a phone, face down while the session is in private mode: pinned near the
    card (touchpoint_id) or in the stage's column (stage_id) it is about, else in the board's
    "from phones" area."""
    text = clean_text(text).strip()
    if not text:
        raise PhoneEditError("empty")
    if len(text) > MAX_NOTE_CHARS:
        raise PhoneEditError("too_long")
    if category not in {value.value for value in NoteCategory}:
        raise PhoneEditError("bad_category")
    author(store, participant_id)
    if store.row("journey", journey_id) is None:
        raise PhoneEditError("not_found")
    place = _place(store, journey_id, stage_id, touchpoint_id)
    x, y = place.pop("x"), place.pop("y")
    return edits.add_note(store, journey_id, text, participant_id, x, y, category=category, **place)


def _place(
    store: SessionFile, journey_id: int, stage_id: int | None, touchpoint_id: int | None
) -> Row:
    """Where a new phone note goes: {x, y, stage_id, touchpoint_id}."""
    if touchpoint_id is not None:
        card = store.row("touchpoint", touchpoint_id)
        if card is None or card["journey_id"] != journey_id:
            raise PhoneEditError("not_found")
        pin: Row = {"touchpoint_id": touchpoint_id, "stage_id": None}
    elif stage_id is not None:
        stage = store.row("stage", stage_id)
        if stage is None or stage["journey_id"] != journey_id:
            raise PhoneEditError("not_found")
        pin = {"touchpoint_id": None, "stage_id": stage_id}
    else:
        stages = store.rows("stage", journey_id=journey_id)
        x, y = board_spot(store, journey_id, compute_layout(stages, [], []).width)
        return {"x": x, "y": y, "touchpoint_id": None, "stage_id": None}
    x, y = pinned_spot(store, journey_id, pin)
    return {"x": x, "y": y, **pin}


def board_spot(store: SessionFile, journey_id: int, journey_width: float) -> Point:
    """The next free slot of the board's "from phones" area, as a free note's x, y (measured
    from the board): a grid of PHONE_COLUMNS right of the journey's last stage, filled row by
    row, each slot clear of every note on the board. A note of the board that begins left of
    the area and reaches into it moves the area right, past itself (phone notes begin inside
    it, so the area stays where it is as it fills). Only the notes in the area's band are
    read."""
    base = phone_area_left(journey_width)
    note = table("note")
    query = select(note.c.x, note.c.y).where(
        note.c.journey_id == journey_id,
        note.c.touchpoint_id.is_(None),
        note.c.stage_id.is_(None),
        note.c.x > base - NOTE_WIDTH - FRAME_ROOM,
        note.c.x < base + NOTE_WIDTH + FRAME_ROOM + PHONE_COLUMNS * PITCH_X,
    )
    with store.reading() as conn:
        # A free note above the board's top line is shown on it.
        corners = [(x, on_board(y)) for x, y in conn.execute(query)]
    origin = phone_area_origin(journey_width, (x for x, _ in corners))
    return first_free_slot(corners, *origin, PHONE_COLUMNS)


def phone_area_left(journey_width: float) -> float:
    """Where the board's "from phones" area begins: right of the journey's last stage."""
    return journey_width + BOARD_GAP


def phone_area_origin(journey_width: float, free_xs: Iterable[float]) -> Point:
    """The top-left corner of the "from phones" grid's first slot, measured from the board,
    given the x of the journey's free notes (the canvas labels the area with the same point):
    right of the journey's last stage, and right past a board note that begins left of the
    area and reaches into it."""
    base = phone_area_left(journey_width)
    return max([base] + [x + NOTE_WIDTH + FRAME_ROOM for x in free_xs if x < base]), FREE_NOTE_TOP


def in_phone_area(origin: Point, x: float) -> bool:
    """Whether a free note whose left edge is at x lies in the "from phones" grid's columns."""
    return origin[0] <= x < origin[0] + PHONE_COLUMNS * PITCH_X


def pinned_spot(store: SessionFile, journey_id: int, pin: Row) -> Point:
    """The free spot nearest the first spot on the card or in the stage column a note is
    pinned to, as that note's x, y (measured from the card's or the column's corner): clear of
    every pinned note of the journey, off the lane labels and the stage headers, and above the
    board (where the free notes live). A note about a stage goes down its own column first."""
    cards = {row["id"]: row for row in store.rows("touchpoint", journey_id=journey_id)}
    layout = compute_layout(
        store.rows("stage", journey_id=journey_id),
        store.rows("lane", journey_id=journey_id),
        list(cards.values()),
    )
    origin_x, origin_y = note_origin(layout, cards, pin)
    lowest = layout.board_top - NOTE_HEIGHT - CLEARANCE
    if pin["touchpoint_id"] is not None:
        anchor = (origin_x + CARD_NOTE_SPOT[0], origin_y + CARD_NOTE_SPOT[1])
        candidates: Iterable[Point] = lattice_near(anchor, HEADER_HEIGHT, lowest)
    else:
        column = layout.columns[pin["stage_id"]]
        anchor = (column.x + max(0.0, (column.width - NOTE_WIDTH) / 2), origin_y + STAGE_NOTE_TOP)
        down = itertools.takewhile(
            lambda spot: spot[1] <= lowest,
            ((anchor[0], anchor[1] + row * PITCH_Y) for row in itertools.count()),
        )
        candidates = itertools.chain(down, lattice_near(anchor, HEADER_HEIGHT, lowest))
    spots = (spot for spot in candidates if in_blueprint(spot, lowest))
    x, y = Occupied(_pinned_corners(store, layout, cards)).first_free(spots)
    return round(x - origin_x, 1), round(y - origin_y, 1)


def in_blueprint(spot: Point, lowest: float) -> bool:
    """Whether a pinned note there keeps off the lane labels and the stage headers, and no
    lower than `lowest` (above the board)."""
    x, y = spot
    return x >= LANE_LABEL_WIDTH and HEADER_HEIGHT <= y <= lowest


def _pinned_corners(
    store: SessionFile, layout: JourneyLayout, cards: dict[int, Row]
) -> Iterator[Point]:
    """The canvas top-left corners of the notes pinned to the journey's cards and stages
    (read through the pins' indexes: the board's notes are not looked at)."""
    note = table("note")
    columns = (note.c.x, note.c.y, note.c.stage_id, note.c.touchpoint_id)
    queries = [
        select(*columns).where(note.c.touchpoint_id.in_(list(cards))),
        select(*columns).where(note.c.stage_id.in_(layout.stage_order)),
    ]
    with store.reading() as conn:
        rows = [tuple(row) for query in queries for row in conn.execute(query)]
    origins: dict[tuple[int | None, int | None], Point] = {}
    for x, y, stage_id, touchpoint_id in rows:
        pin = (stage_id, touchpoint_id)
        if pin not in origins:
            origins[pin] = note_origin(
                layout, cards, {"stage_id": stage_id, "touchpoint_id": touchpoint_id}
            )
        origin_x, origin_y = origins[pin]
        yield origin_x + x, origin_y + y


def grid_slots(left: float, top: float, columns: int) -> Iterator[Point]:
    """The top-left corners of a grid's slots from (left, top), row by row, without end."""
    index = 0
    while True:
        row, col = divmod(index, columns)
        yield left + col * PITCH_X, top + row * PITCH_Y
        index += 1


def first_free_slot(corners: Iterable[Point], left: float, top: float, columns: int) -> Point:
    """The first of grid_slots(left, top, columns) clear of every note at these corners, as
    Occupied.first_free finds it, but marking the (at most four) slots each note blocks
    instead of trying the slots one by one: a grid of 2 000 notes costs one pass over them."""
    blocked: set[int] = set()
    reach_x, reach_y = PITCH_X - 1e-6, PITCH_Y - 1e-6  # as Occupied.clear measures
    for x, y in corners:
        col, row = math.floor((x - left) / PITCH_X), math.floor((y - top) / PITCH_Y)
        for c in (col, col + 1):
            if 0 <= c < columns and abs(x - (left + c * PITCH_X)) < reach_x:
                for r in (row, row + 1):
                    if r >= 0 and abs(y - (top + r * PITCH_Y)) < reach_y:
                        blocked.add(r * columns + c)
    index = next(i for i in itertools.count() if i not in blocked)
    row, col = divmod(index, columns)
    return round(left + col * PITCH_X, 1), round(top + row * PITCH_Y, 1)


def lattice_near(
    anchor: Point, top: float = -math.inf, bottom: float = math.inf
) -> Iterator[Point]:
    """The spots of a note grid through anchor whose y is within top…bottom, nearest first,
    without end: anchor, then the ones below, above, right and left of it, and so on outwards
    (ties: below before above, right before left)."""
    ax, ay = anchor
    first_row = -math.inf if top == -math.inf else math.ceil((top - ay) / PITCH_Y)
    last_row = math.inf if bottom == math.inf else math.floor((bottom - ay) / PITCH_Y)
    seen: set[tuple[int, int]] = set()
    reach = 2
    while True:
        # Every spot outside the square of `reach` is at least this far from the anchor.
        sure = (reach + 1) * min(PITCH_X, PITCH_Y)
        rows = range(int(max(-reach, first_row)), int(min(reach, last_row)) + 1)
        square = [(i, j) for i in range(-reach, reach + 1) for j in rows]
        square.sort(
            key=lambda ij: (
                math.hypot(ij[0] * PITCH_X, ij[1] * PITCH_Y),
                ij[1] < 0,
                ij[0] < 0,
                abs(ij[1]),
                abs(ij[0]),
            )
        )
        for i, j in square:
            if (i, j) not in seen and math.hypot(i * PITCH_X, j * PITCH_Y) < sure:
                seen.add((i, j))
                yield ax + i * PITCH_X, ay + j * PITCH_Y
        reach *= 2


class Occupied:
    """The top-left corners of notes (all NOTE_WIDTH x NOTE_HEIGHT), kept in buckets of a
    grid pitch, so that whether a spot is clear costs a look at its neighbours only."""

    def __init__(self, corners: Iterable[Point]) -> None:
        self._buckets: dict[tuple[int, int], list[Point]] = defaultdict(list)
        for x, y in corners:
            self._buckets[self._bucket(x, y)].append((x, y))

    @staticmethod
    def _bucket(x: float, y: float) -> tuple[int, int]:
        return math.floor(x / PITCH_X), math.floor(y / PITCH_Y)

    def clear(self, x: float, y: float) -> bool:
        """Whether a note at (x, y) keeps CLEARANCE from every note here."""
        bx, by = self._bucket(x, y)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for ox, oy in self._buckets.get((bx + dx, by + dy), ()):
                    if abs(ox - x) < PITCH_X - 1e-6 and abs(oy - y) < PITCH_Y - 1e-6:
                        return False
        return True

    def first_free(self, spots: Iterable[Point]) -> Point:
        """The first of the spots that is clear (spots without end: one always is)."""
        for x, y in spots:
            if self.clear(x, y):
                return round(x, 1), round(y, 1)
        raise LookupError("no free spot")  # only for a finite list of spots, all taken


def delete_note(store: SessionFile, participant_id: int, note_id: int) -> list[Op]:
    """A phone takes back one of its author's notes, while it is in no cluster."""
    note = store.row("note", note_id)
    if note is None:
        raise PhoneEditError("not_found")
    if note["author_id"] != participant_id:
        raise PhoneEditError("not_yours")
    if note["cluster_id"] is not None:
        raise PhoneEditError("in_cluster")
    return store.delete_ops("note", [note_id])


def reveal_own_notes(store: SessionFile, participant_id: int) -> list[Op]:
    """The author turns over their own face-down notes: only under the "each author reveals"
    policy."""
    if store.session_row()["reveal_policy"] != RevealPolicy.AUTHOR.value:
        raise PhoneEditError("not_allowed")
    author(store, participant_id)
    note = table("note")
    query = select(note.c.id).where(
        and_(note.c.author_id == participant_id, note.c.hidden.is_(True))
    )
    with store.reading() as conn:
        ids = [note_id for (note_id,) in conn.execute(query.order_by(note.c.id))]
    return edits.reveal_notes(store, ids)


# -- dot voting ---------------------------------------------------------------------------------


def _vote_target(
    store: SessionFile, participant_id: int, note_id: int | None, touchpoint_id: int | None
) -> None:
    """Refuse a vote unless a round runs and its target is one note or card in the file that
    the phone may see (a face-down note is seen by nobody)."""
    if not store.session_row()["voting_round"]:
        raise PhoneEditError("no_round")
    author(store, participant_id)
    if (note_id is None) == (touchpoint_id is None):
        raise PhoneEditError("not_found")
    if note_id is not None:
        note = store.row("note", note_id)
        if note is None or note["hidden"]:
            raise PhoneEditError("not_found")
    elif store.row("touchpoint", touchpoint_id) is None:
        raise PhoneEditError("not_found")


def add_vote(
    store: SessionFile, participant_id: int, note_id: int | None, touchpoint_id: int | None
) -> list[Op]:
    """One dot from a phone, by the desktop's budget rules (edits.add_vote)."""
    _vote_target(store, participant_id, note_id, touchpoint_id)
    if edits.votes_left(store, participant_id) <= 0:
        raise PhoneEditError("no_votes_left")
    return edits.add_vote(store, participant_id, note_id, touchpoint_id)


def remove_vote(
    store: SessionFile, participant_id: int, note_id: int | None, touchpoint_id: int | None
) -> list[Op]:
    """A phone takes one of its dots of the running round back (none to take: no ops)."""
    _vote_target(store, participant_id, note_id, touchpoint_id)
    return edits.remove_vote(store, participant_id, note_id, touchpoint_id)
