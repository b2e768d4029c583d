"""What a phone may change in the file, as row ops (cocreate.phone_edits), on a real session file
and without Qt: where a phone's note goes (near its card or stage, else the next free slot of the
board's "from phones" grid, never on another note), and what the desktop refuses."""

from __future__ import annotations

import itertools

import pytest

from cocreate import phone_edits
from cocreate.colors import STICKY_COLORS, next_sticky_color
from cocreate.geometry import NOTE_HEIGHT, NOTE_WIDTH
from cocreate.layout import (
    FREE_NOTE_TOP,
    HEADER_HEIGHT,
    LANE_LABEL_WIDTH,
    Rect,
    compute_layout,
    note_origin,
)
from cocreate.phone_edits import (
    CARD_NOTE_SPOT,
    PITCH_X,
    PITCH_Y,
    PhoneEditError,
    grid_slots,
    lattice_near,
    phone_area_left,
)
from cocreate.store import SessionFile
from cocreate.store.ops import Insert, inverse_ops
from tests.benchmark.sessions import build_board_session

JOURNEY = 1
ANN = 2  # a participant of the benchmark salon (20 people, 5 dots each)
BO = 3


@pytest.fixture
def store(tmp_path):
    """A salon with a journey of 12 cards, 20 participants and an empty board."""
    path = tmp_path / "phones.cocreate"
    build_board_session(path, notes=0)
    store = SessionFile.open(path, lock=False)
    yield store
    store.close()


def apply(store: SessionFile, ops) -> int:
    store.apply(ops)
    return ops[0].row["id"] if ops and isinstance(ops[0], Insert) else 0


def add(store: SessionFile, text: str = "Too slow", **where) -> dict:
    """A note from Ann's phone; its row as written."""
    note_id = apply(store, phone_edits.add_note(store, JOURNEY, ANN, text, "idea", **where))
    return store.row("note", note_id)


def canvas_rects(store: SessionFile, notes: list[dict]) -> list[Rect]:
    """Where the notes are on the canvas (pinned ones from their card or column, free ones
    from the board)."""
    cards = {row["id"]: row for row in store.rows("touchpoint", journey_id=JOURNEY)}
    layout = compute_layout(
        store.rows("stage", journey_id=JOURNEY),
        store.rows("lane", journey_id=JOURNEY),
        list(cards.values()),
    )
    rects = []
    for note in notes:
        x, y = note_origin(layout, cards, note)
        rects.append(Rect(x + note["x"], y + note["y"], NOTE_WIDTH, NOTE_HEIGHT))
    return rects


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def journey_width(store: SessionFile) -> float:
    return compute_layout(store.rows("stage", journey_id=JOURNEY), [], []).width


# -- where a phone's note goes ---------------------------------------------------------------


def test_the_grid_fills_row_by_row_and_the_lattice_spreads_out_from_its_anchor():
    assert list(itertools.islice(grid_slots(10, 20, 3), 4)) == [
        (10, 20),
        (10 + PITCH_X, 20),
        (10 + 2 * PITCH_X, 20),
        (10, 20 + PITCH_Y),
    ]
    spots = list(itertools.islice(lattice_near((0.0, 0.0)), 200))
    assert spots[:5] == [(0, 0), (0, PITCH_Y), (0, -PITCH_Y), (PITCH_X, 0), (-PITCH_X, 0)]
    assert len(set(spots)) == len(spots)  # never the same spot twice
    distances = [abs(complex(*spot)) for spot in spots]
    assert distances == sorted(distances)  # nearest first
    band = list(itertools.islice(lattice_near((0.0, 0.0), -10.0, PITCH_Y), 20))
    assert {y for _, y in band} == {0.0, PITCH_Y}  # only the rows within the band
    assert band[:3] == [(0, 0), (0, PITCH_Y), (PITCH_X, 0)]


def test_notes_without_a_stage_or_card_fill_the_from_phones_grid_in_order(store):
    notes = [add(store, f"note {n}") for n in range(10)]
    left = phone_area_left(journey_width(store))
    expected = list(
        itertools.islice(grid_slots(left, FREE_NOTE_TOP, phone_edits.PHONE_COLUMNS), 10)
    )
    assert [(note["x"], note["y"]) for note in notes] == expected
    assert all(note["stage_id"] is None and note["touchpoint_id"] is None for note in notes)
    assert left > journey_width(store)  # right of the journey's last stage, on the board


def test_the_grid_takes_the_next_free_slot_and_never_lands_on_a_note(store):
    left = phone_area_left(journey_width(store))
    # The facilitator left a note across the grid's first two slots.
    desktop = {"id": 900, "journey_id": JOURNEY, "text": "mine", "x": left + 90, "y": 120.0}
    store.apply([Insert("note", desktop)])
    first, second = add(store), add(store)
    slots = list(itertools.islice(grid_slots(left, FREE_NOTE_TOP, phone_edits.PHONE_COLUMNS), 5))
    assert (first["x"], first["y"]) == slots[2]
    assert (second["x"], second["y"]) == slots[3]
    # A note taken away frees its slot for the next one.
    store.apply(store.delete_ops("note", [first["id"]]))
    third, fourth = add(store), add(store)
    assert [(third["x"], third["y"]), (fourth["x"], fourth["y"])] == [slots[2], slots[4]]


def test_a_board_note_reaching_into_the_area_moves_it_right_so_its_rows_stay_whole(store):
    base = phone_area_left(journey_width(store))
    reaching = {"id": 900, "journey_id": JOURNEY, "text": "mine", "x": base - 100, "y": 400.0}
    store.apply([Insert("note", reaching)])
    row = [add(store, f"note {n}") for n in range(phone_edits.PHONE_COLUMNS)]
    left = base - 100 + NOTE_WIDTH + phone_edits.FRAME_ROOM  # right past that note
    assert [(note["x"], note["y"]) for note in row] == [
        (left + n * PITCH_X, FREE_NOTE_TOP) for n in range(phone_edits.PHONE_COLUMNS)
    ]


def test_notes_pinned_from_phones_keep_off_the_stage_headers_and_lane_labels(store):
    first_lane = store.rows("lane", order_by="position", journey_id=JOURNEY)[0]["id"]
    card = next(
        row for row in store.rows("touchpoint", journey_id=JOURNEY) if row["lane_id"] == first_lane
    )
    stage = store.rows("stage", order_by="position", journey_id=JOURNEY)[0]["id"]
    notes = [add(store, touchpoint_id=card["id"]) for _ in range(8)]
    notes += [add(store, stage_id=stage) for _ in range(8)]
    for rect in canvas_rects(store, notes):
        assert rect.y >= HEADER_HEIGHT and rect.x >= LANE_LABEL_WIDTH


def test_a_note_about_a_card_is_pinned_to_it_at_the_first_free_spot_near_it(store):
    card = store.rows("touchpoint", journey_id=JOURNEY)[0]
    notes = [add(store, f"about the card {n}", touchpoint_id=card["id"]) for n in range(6)]
    assert all(note["touchpoint_id"] == card["id"] for note in notes)
    assert (notes[0]["x"], notes[0]["y"]) == CARD_NOTE_SPOT  # where the demo pins notes
    for note in notes:  # within two notes' reach of the card's corner
        assert abs(note["x"]) <= 2 * PITCH_X and abs(note["y"]) <= 2 * PITCH_Y, note
    for a, b in itertools.combinations(canvas_rects(store, notes), 2):
        assert not overlap(a, b)


def test_a_card_with_many_notes_from_phones_keeps_them_apart_in_the_blueprint(store):
    card = store.rows("touchpoint", journey_id=JOURNEY)[0]
    notes = [add(store, f"note {n}", touchpoint_id=card["id"]) for n in range(40)]
    rects = canvas_rects(store, notes)
    layout = compute_layout(
        store.rows("stage", journey_id=JOURNEY),
        store.rows("lane", journey_id=JOURNEY),
        store.rows("touchpoint", journey_id=JOURNEY),
    )
    assert all(HEADER_HEIGHT <= rect.y and rect.bottom < layout.board_top for rect in rects)
    for a, b in itertools.combinations(rects, 2):
        assert not overlap(a, b)


def test_a_note_about_a_stage_goes_into_its_column_under_the_header(store):
    stage = store.rows("stage", order_by="position", journey_id=JOURNEY)[1]
    first, second = (add(store, stage_id=stage["id"]) for _ in range(2))
    assert first["stage_id"] == stage["id"] and first["touchpoint_id"] is None
    layout = compute_layout(
        store.rows("stage", journey_id=JOURNEY), store.rows("lane", journey_id=JOURNEY), []
    )
    column = layout.columns[stage["id"]]
    assert 0 <= first["x"] and first["x"] + NOTE_WIDTH <= column.width  # inside the column
    assert first["y"] == phone_edits.STAGE_NOTE_TOP
    assert (second["x"], second["y"]) == (first["x"], first["y"] + PITCH_Y)  # then below it


def test_a_note_about_a_stage_stays_in_its_column_past_the_notes_there(store):
    stage = store.rows("stage", order_by="position", journey_id=JOURNEY)[1]
    first = add(store, stage_id=stage["id"])
    # The facilitator pinned a note just under it, in the same column.
    below = {"id": 900, "journey_id": JOURNEY, "text": "mine", "stage_id": stage["id"]}
    store.apply([Insert("note", below | {"x": first["x"] + 40, "y": first["y"] + PITCH_Y})])
    later = [add(store, stage_id=stage["id"]) for _ in range(2)]
    assert [note["x"] for note in later] == [first["x"], first["x"]]  # not in another column
    assert [note["y"] for note in later] == [first["y"] + 2 * PITCH_Y, first["y"] + 3 * PITCH_Y]


def test_a_phone_note_lands_on_no_note_of_the_journey_however_crowded(tmp_path):
    path = tmp_path / "crowded.cocreate"
    build_board_session(path, notes=120, pinned_to_stages=12, pinned_to_cards=24)
    store = SessionFile.open(path, lock=False)
    try:
        before = store.rows("note")
        cards = [row["id"] for row in store.rows("touchpoint")][:3]
        stages = [row["id"] for row in store.rows("stage")][:2]
        added = []
        for n in range(30):
            where = [{}, {"touchpoint_id": cards[n % 3]}, {"stage_id": stages[n % 2]}][n % 3]
            added.append(add(store, f"note {n}", **where))
        everything = before + added
        ids = [row["id"] for row in everything]
        rects = dict(zip(ids, canvas_rects(store, everything), strict=True))
        for new in added:
            hits = [
                other
                for other, rect in rects.items()
                if other != new["id"] and overlap(rect, rects[new["id"]])
            ]
            assert not hits, (new, hits)
    finally:
        store.close()


def test_a_note_is_face_down_in_private_mode_and_keeps_its_text_and_category(store):
    store.apply([store.update_op("session", 1, private_mode=True)])
    ops = phone_edits.add_note(store, JOURNEY, ANN, "  会员积分太复杂  ", "pain_point")
    note = store.row("note", apply(store, ops))
    assert note["hidden"] and note["author_id"] == ANN
    assert (note["text"], note["category"]) == ("会员积分太复杂", "pain_point")
    store.apply(inverse_ops(ops))
    assert store.row("note", note["id"]) is None


@pytest.mark.parametrize(
    ("text", "category", "where", "reason"),
    [
        ("  \n ", "idea", {}, "empty"),
        ("x" * 501, "idea", {}, "too_long"),
        ("fine", "rant", {}, "bad_category"),
        ("fine", "idea", {"stage_id": 999}, "not_found"),
        ("fine", "idea", {"touchpoint_id": 999}, "not_found"),
    ],
)
def test_a_note_the_desktop_refuses(store, text, category, where, reason):
    with pytest.raises(PhoneEditError) as refused:
        phone_edits.add_note(store, JOURNEY, ANN, text, category, **where)
    assert refused.value.reason == reason
    assert store.count("note") == 0


def test_a_note_of_an_unknown_author_or_journey_is_refused(store):
    for journey_id, author in ((JOURNEY, 999), (99, ANN)):
        with pytest.raises(PhoneEditError, match="not_found"):
            phone_edits.add_note(store, journey_id, author, "fine", "idea")


def test_a_card_or_stage_of_another_journey_is_refused(store):
    store.apply([Insert("journey", {"id": 2, "name": "Other"})])
    stage = store.rows("stage", journey_id=JOURNEY)[0]
    with pytest.raises(PhoneEditError, match="not_found"):
        phone_edits.add_note(store, 2, ANN, "fine", "idea", stage_id=stage["id"])


# -- deleting, revealing ----------------------------------------------------------------------


def test_only_the_author_deletes_a_note_and_only_outside_a_cluster(store):
    note = add(store)
    for who, note_id, reason in ((BO, note["id"], "not_yours"), (ANN, 999, "not_found")):
        with pytest.raises(PhoneEditError) as refused:
            phone_edits.delete_note(store, who, note_id)
        assert refused.value.reason == reason
    store.apply([Insert("cluster", {"id": 1, "journey_id": JOURNEY, "title": "Wait"})])
    store.apply([store.update_op("note", note["id"], cluster_id=1)])
    with pytest.raises(PhoneEditError, match="in_cluster"):
        phone_edits.delete_note(store, ANN, note["id"])
    store.apply([store.update_op("note", note["id"], cluster_id=None)])
    store.apply(phone_edits.delete_note(store, ANN, note["id"]))
    assert store.row("note", note["id"]) is None


def test_an_author_reveals_only_their_own_notes_and_only_under_the_author_policy(store):
    store.apply([store.update_op("session", 1, private_mode=True)])
    mine = [add(store, f"mine {n}")["id"] for n in range(2)]
    theirs = apply(store, phone_edits.add_note(store, JOURNEY, BO, "theirs", "idea"))
    with pytest.raises(PhoneEditError, match="not_allowed"):
        phone_edits.reveal_own_notes(store, ANN)
    store.apply([store.update_op("session", 1, reveal_policy="author")])
    store.apply(phone_edits.reveal_own_notes(store, ANN))
    assert [store.row("note", n)["hidden"] for n in mine] == [False, False]
    assert store.row("note", theirs)["hidden"]
    assert phone_edits.reveal_own_notes(store, ANN) == []  # nothing left to turn over


# -- dot voting -------------------------------------------------------------------------------


def test_phone_votes_need_a_round_a_dot_left_and_a_note_the_room_can_see(store):
    note = add(store)
    card = store.rows("touchpoint", journey_id=JOURNEY)[0]["id"]
    with pytest.raises(PhoneEditError, match="no_round"):
        phone_edits.add_vote(store, ANN, note["id"], None)
    with pytest.raises(PhoneEditError, match="no_round"):
        phone_edits.remove_vote(store, ANN, note["id"], None)
    store.apply([store.update_op("session", 1, voting_round=1)])
    for note_id, card_id in ((999, None), (None, 999), (None, None), (note["id"], card)):
        with pytest.raises(PhoneEditError, match="not_found"):
            phone_edits.add_vote(store, ANN, note_id, card_id)
    store.apply([store.update_op("note", note["id"], hidden=True)])
    with pytest.raises(PhoneEditError, match="not_found"):  # face down: nobody sees it
        phone_edits.add_vote(store, ANN, note["id"], None)
    store.apply([store.update_op("note", note["id"], hidden=False)])
    for _ in range(5):  # the desktop's budget: five dots, on one item or several
        store.apply(phone_edits.add_vote(store, ANN, None, card))
    with pytest.raises(PhoneEditError, match="no_votes_left"):
        phone_edits.add_vote(store, ANN, note["id"], None)
    store.apply(phone_edits.remove_vote(store, ANN, None, card))
    assert store.count("vote", participant_id=ANN) == 4
    assert phone_edits.remove_vote(store, ANN, note["id"], None) == []  # no dot there


# -- participants -----------------------------------------------------------------------------


def test_a_new_participant_gets_the_next_free_colour_and_the_others_dots(store):
    store.apply([store.update_op("participant", 1, vote_budget=3)])
    for row in store.rows("participant")[1:]:
        store.apply([store.update_op("participant", row["id"], vote_budget=3)])
    used = [row["color"] for row in store.rows("participant")]
    new_id = apply(store, phone_edits.add_participant(store, "  Wang Fang  "))
    person = store.row("participant", new_id)
    assert person["name"] == "Wang Fang"
    assert person["color"] == next_sticky_color(used)
    assert (person["role"], person["vote_budget"]) == ("participant", 3)


@pytest.mark.parametrize(("name", "reason"), [("   ", "empty"), ("x" * 41, "too_long")])
def test_a_name_the_desktop_refuses(store, name, reason):
    with pytest.raises(PhoneEditError) as refused:
        phone_edits.add_participant(store, name)
    assert refused.value.reason == reason


def test_a_name_someone_has_is_taken_in_any_case(store):
    taken = store.row("participant", ANN)["name"]
    for name in (taken, f"  {taken.upper()} ", taken.lower()):
        with pytest.raises(PhoneEditError, match="name_taken"):
            phone_edits.add_participant(store, name)


def test_the_next_sticky_colour_needs_no_qt():
    assert next_sticky_color([]) == STICKY_COLORS[0]
    assert next_sticky_color(["#FFD54F", "#ff8a65"]) == STICKY_COLORS[2]  # any case
    assert next_sticky_color(["not a colour", ""]) == STICKY_COLORS[0]
    assert next_sticky_color([*STICKY_COLORS, STICKY_COLORS[0]]) == STICKY_COLORS[1]
