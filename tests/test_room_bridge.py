"""The room's bridge on the desktop: a phone's request made on the server's thread is carried
out on the GUI thread through the Document, and what the shared screen shows is published to
the room, in few snapshots however many changes come."""

from __future__ import annotations

import concurrent.futures
import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from cocreate.room import view
from cocreate.room.host import Device, Refusal, Request, Snapshot
from cocreate.ui.app import create_application, start_window


@pytest.fixture
def window(qtbot):
    create_application()
    window = start_window(demo=True)
    qtbot.waitExposed(window)
    yield window
    document = window.document
    window._set_document(None)
    document.close(discard=True)
    window.close()
    window.deleteLater()


@pytest.fixture
def published(window):
    """The snapshots the bridge sends to the room, in order."""
    snapshots: list[Snapshot] = []
    window.inviting.bridge.set_publisher(snapshots.append)
    yield snapshots
    window.inviting.bridge.set_publisher(None)


def submit_from_another_thread(qtbot, bridge, request: Request):
    """What the server does: submit on its own thread, then wait for the future."""
    seen: dict = {}

    def serve() -> None:
        future = bridge.submit(request)
        seen["submitted"] = True
        try:
            seen["answer"] = future.result(timeout=10)
        except Exception as error:  # noqa: BLE001 (the test looks at it)
            seen["error"] = error

    threading.Thread(target=serve, daemon=True).start()
    qtbot.waitUntil(lambda: "answer" in seen or "error" in seen)
    return seen


def test_a_request_from_the_server_thread_is_carried_out_on_the_gui_thread(qtbot, window):
    bridge = window.inviting.bridge
    document = window.document
    threads = []
    document.changed.connect(lambda _c: threads.append(QThread.currentThread()))
    journey_id = window.tabs.current_journey_id()
    request = Request(
        "add_note",
        {
            "participant_id": 2,
            "text": "会员积分看不懂",
            "category": "question",
            "stage_id": None,
            "touchpoint_id": None,
        },
    )
    seen = submit_from_another_thread(qtbot, bridge, request)
    note_id = seen["answer"]["id"]
    row = document.row("note", note_id)
    assert row["text"] == "会员积分看不懂"
    assert row["journey_id"] == journey_id
    assert threads == [window.thread()]
    assert document.undo_stack.undoText().endswith("陈磊 Leo Chen")  # "Note from …"


def test_a_refused_request_answers_with_its_status_and_reason(qtbot, window):
    bridge = window.inviting.bridge
    seen = submit_from_another_thread(qtbot, bridge, Request("join_as", {"participant_id": 99}))
    assert isinstance(seen["error"], Refusal)
    assert (seen["error"].status, seen["error"].reason) == (404, "not_found")
    someone_elses = window.document.rows("note", author_id=3)[0]["id"]
    request = Request("delete_note", {"participant_id": 2, "note_id": someone_elses})
    seen = submit_from_another_thread(qtbot, bridge, request)
    assert (seen["error"].status, seen["error"].reason) == (403, "not_yours")
    assert window.document.row("note", someone_elses) is not None
    seen = submit_from_another_thread(
        qtbot, bridge, Request("vote", {"participant_id": 2, "note_id": someone_elses})
    )
    assert (seen["error"].status, seen["error"].reason) == (409, "no_round")


def test_joining_as_a_new_name_adds_a_participant_with_a_colour_of_their_own(qtbot, window):
    bridge = window.inviting.bridge
    colors = {row["color"] for row in window.document.rows("participant")}
    seen = submit_from_another_thread(qtbot, bridge, Request("join_new", {"name": "小林"}))
    person = seen["answer"]["participant"]
    assert person["name"] == "小林"
    assert person["color"] not in colors
    assert window.participants.participants()[-1]["name"] == "小林"
    seen = submit_from_another_thread(qtbot, bridge, Request("join_new", {"name": " 小林 "}))
    assert (seen["error"].status, seen["error"].reason) == (409, "name_taken")


def test_many_changes_at_once_go_out_as_one_snapshot(qtbot, window, published):
    assert len(published) == 1  # the first one goes at once
    document = window.document
    journey_id = window.tabs.current_journey_id()
    for number in range(50):
        document.add_note(journey_id, f"note {number}", 2, 40.0 * number, 900.0)
    qtbot.waitUntil(lambda: len(published) == 2)
    qtbot.wait(600)  # nothing else is on its way
    assert len(published) == 2
    texts = {note["text"] for note in published[-1].notes}
    assert {f"note {number}" for number in range(50)} <= texts


def test_the_snapshot_is_what_the_shared_screen_shows(qtbot, window, published):
    document = window.document
    first = published[-1]
    assert first.journey["id"] == window.tabs.current_journey_id()
    assert [stage["id"] for stage in first.journey["stages"]] == [
        row["id"]
        for row in document.rows("stage", order_by="position", journey_id=first.journey["id"])
    ]
    authors = {row["id"]: row["color"] for row in document.rows("participant")}
    note = next(note for note in first.notes if note["author_id"] == 2)
    assert note["color"] == authors[2]  # a note takes its author's colour
    assert first.voting is None
    assert first.timer == {"state": "idle", "remaining": 0}

    other = next(j for j in window.tabs.views if j != window.tabs.current_journey_id())
    window.tabs.show_journey(other)
    qtbot.waitUntil(lambda: published[-1].journey["id"] == other)

    document.set_private_mode(True)
    document.add_note(other, "secret", 3, 0.0, 900.0)
    qtbot.waitUntil(lambda: any(n["text"] == "secret" for n in published[-1].notes))
    secret = next(n for n in published[-1].notes if n["text"] == "secret")
    assert secret["hidden"] is True
    assert published[-1].private_mode is True

    document.start_voting(3)
    qtbot.waitUntil(lambda: published[-1].voting is not None)
    voting_round = document.session()["voting_round"]
    assert published[-1].voting["round"] == voting_round
    assert published[-1].voting["budget"] == 3
    assert published[-1].votes == {}  # the dots of earlier rounds are not this round's
    card = published[-1].journey["cards"][0]["id"]
    document.add_vote(2, touchpoint_id=card)
    qtbot.waitUntil(lambda: 2 in published[-1].votes)
    assert published[-1].votes[2] == [{"note_id": None, "touchpoint_id": card}]

    timer = window.facilitation.timer
    timer.start(120)
    qtbot.waitUntil(lambda: published[-1].timer["state"] == "running")
    assert 0 < published[-1].timer["remaining"] <= 120
    timer.add(300)  # more time: no change of state, but the phones must hear it
    qtbot.waitUntil(lambda: published[-1].timer["remaining"] > 120)
    timer.reset()


def test_the_rooms_phones_reach_the_gui_thread(qtbot, window):
    bridge = window.inviting.bridge
    got: list = []
    bridge.devices_updated.connect(lambda devices: got.append((devices, QThread.currentThread())))
    bridge.begin_run()  # what Inviting does before the server starts
    got.clear()
    device = Device("d1", 2, "陈磊 Leo Chen", connected=True, waiting=False)
    thread = threading.Thread(target=bridge.devices_changed, args=([device],))
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(got))
    assert got == [([device], window.thread())]
    assert bridge.connected_participants() == {2}


def test_a_phone_that_gave_up_waiting_changes_nothing(qtbot, window):
    bridge = window.inviting.bridge
    notes = window.document.count("note")
    request = Request(
        "add_note",
        {
            "participant_id": 2,
            "text": "late",
            "category": "idea",
            "stage_id": None,
            "touchpoint_id": None,
        },
    )
    future: concurrent.futures.Future = bridge.submit(request)  # on the GUI thread: queued
    assert future.cancel()
    qtbot.wait(50)
    assert window.document.count("note") == notes


def test_a_request_still_queued_when_inviting_stops_is_refused(qtbot, window, published):
    bridge = window.inviting.bridge
    notes = window.document.count("note")
    request = Request(
        "add_note",
        {
            "participant_id": 2,
            "text": "sent as the room closed",
            "category": "idea",
            "stage_id": None,
            "touchpoint_id": None,
        },
    )
    future = bridge.submit(request)  # on the GUI thread: it waits in the queue
    window.inviting.stop()
    qtbot.waitUntil(future.done)
    assert isinstance(future.exception(), Refusal)
    assert future.exception().status == 503
    assert window.document.count("note") == notes


def report_from_server_thread(bridge, devices: list[Device]) -> None:
    """The server reports its phones on its own thread; the report waits in the GUI's queue."""
    thread = threading.Thread(target=bridge.devices_changed, args=(devices,))
    thread.start()
    thread.join()


def test_phones_reported_as_the_room_stops_stay_out_of_the_panel(qtbot, window):
    bridge = window.inviting.bridge
    bridge.set_publisher(lambda _snapshot: None)
    bridge.begin_run()
    waiting = Device("d1", None, "小林", connected=True, waiting=True)
    report_from_server_thread(bridge, [waiting])
    QApplication.processEvents()
    assert bridge.devices == [waiting]

    # Stopping: the bridge hears first, then the server drops its phones, reporting each.
    bridge.set_publisher(None)
    report_from_server_thread(bridge, [Device("d1", None, "小林", False, True)])
    QApplication.processEvents()
    assert bridge.devices == []

    # A report of the last run that is still queued when the next run begins is dropped too.
    bridge.set_publisher(lambda _snapshot: None)
    bridge.begin_run()
    report_from_server_thread(bridge, [waiting])
    bridge.begin_run()  # another address: a new run
    QApplication.processEvents()
    assert bridge.devices == []
    fresh = Device("d2", 3, "Ana", connected=True, waiting=False)
    report_from_server_thread(bridge, [fresh])
    QApplication.processEvents()
    assert bridge.devices == [fresh]
    bridge.set_publisher(None)


def test_each_phone_sees_its_own_dots_and_the_room_knows_roles(qtbot, window, published):
    document = window.document
    document.start_voting(3)
    assert document.update_participant(2, vote_budget=5)  # one person gets more dots
    qtbot.waitUntil(lambda: (published[-1].voting or {}).get("budgets", {}).get(2) == 5)
    snapshot = published[-1]
    assert snapshot.voting["budget"] == 3  # what most have
    assert snapshot.voting["budgets"][3] == 3
    assert view.voting_view(snapshot, 2)["budget"] == 5
    assert view.voting_view(snapshot, 3)["budget"] == 3
    card = snapshot.journey["cards"][0]["id"]
    seen = submit_from_another_thread(
        qtbot, window.inviting.bridge, Request("vote", {"participant_id": 2, "touchpoint_id": card})
    )
    assert seen["answer"] == {"left": 4}
    qtbot.waitUntil(lambda: 2 in published[-1].votes)
    assert view.voting_view(published[-1], 2)["left"] == 4  # what the phone shows: 4 of 5

    roles = {person["id"]: person["role"] for person in published[-1].participants}
    assert roles == {row["id"]: row["role"] for row in document.rows("participant")}
    assert "facilitator" in roles.values()


def test_a_crowd_of_phones_never_holds_the_window_for_long(qtbot, window, monkeypatch):
    """Requests that arrive together are carried out a slice of time at a time: between two
    slices the window's other events (paint, keys, the timer) have their turn."""
    import cocreate.ui.room_bridge as room_bridge

    monkeypatch.setattr(room_bridge, "SLICE_S", 0.0)  # one request a slice
    bridge = window.inviting.bridge
    document = window.document
    notes_before = document.count("note")
    futures = []

    def crowd() -> None:
        for number in range(6):
            payload = {
                "participant_id": 2,
                "text": f"crowd {number}",
                "category": "idea",
                "stage_id": None,
                "touchpoint_id": None,
            }
            futures.append(bridge.submit(Request("add_note", payload)))

    thread = threading.Thread(target=crowd)
    thread.start()
    thread.join()
    QApplication.processEvents()  # one turn of the window's event loop
    done_in_one_turn = sum(future.done() for future in futures)
    assert 1 <= done_in_one_turn < len(futures)
    qtbot.waitUntil(lambda: all(future.done() for future in futures))
    assert [future.result()["id"] > 0 for future in futures] == [True] * 6
    assert document.count("note") == notes_before + 6


def crowd_of_notes(bridge, texts: list[str]) -> list[concurrent.futures.Future]:
    """Phones' notes submitted together from the server's thread; their futures."""
    futures: list[concurrent.futures.Future] = []

    def crowd() -> None:
        for text in texts:
            payload = {
                "participant_id": 2,
                "text": text,
                "category": "idea",
                "stage_id": None,
                "touchpoint_id": None,
            }
            futures.append(bridge.submit(Request("add_note", payload)))

    thread = threading.Thread(target=crowd)
    thread.start()
    thread.join()
    return futures


def test_notes_that_arrive_together_are_written_in_one_transaction_each_its_own_step(
    qtbot, window, monkeypatch
):
    import cocreate.ui.room_bridge as room_bridge
    from tests.test_one_transaction import Statements

    monkeypatch.setattr(room_bridge, "SLICE_S", 10.0)  # the three fit in one slice
    document = window.document
    statements = Statements(document.store)
    steps_before = document.undo_stack.count()
    futures = crowd_of_notes(window.inviting.bridge, ["一", "二", "三"])
    qtbot.waitUntil(lambda: all(future.done() for future in futures))
    assert all(future.result()["id"] > 0 for future in futures)
    assert statements.words["BEGIN"] == 1  # one commit, one sync to the disk for the three
    assert document.undo_stack.count() == steps_before + 3
    document.undo_stack.undo()
    assert [row["text"] for row in document.rows("note") if row["text"] in "一二三"] == ["一", "二"]


def test_phones_hear_not_written_when_the_file_refuses_the_commit(qtbot, window, monkeypatch):
    """A phone is told its note is in only once the file took it."""
    import cocreate.ui.room_bridge as room_bridge

    monkeypatch.setattr(room_bridge, "SLICE_S", 10.0)  # both notes in one slice
    document = window.document
    store = document.store
    notes_before = document.count("note")
    told = []
    document.write_failed.disconnect()  # the window's dialog would wait for a click
    document.write_failed.connect(told.append)
    original = document.add_phone_note

    def add_with_an_orphan(*args, **kwargs):
        from cocreate.store import Insert

        note_id = original(*args, **kwargs)
        # SQLite checks deferred references only at COMMIT: a bad one makes the commit fail.
        store._raw.execute("PRAGMA defer_foreign_keys = ON")
        document.execute("Add Note", [Insert("note", {"journey_id": 999_999, "text": "orphan"})])
        return note_id

    document.add_phone_note = add_with_an_orphan
    futures = crowd_of_notes(window.inviting.bridge, ["lost 1", "lost 2"])
    qtbot.waitUntil(lambda: all(future.done() for future in futures))
    for future in futures:
        with pytest.raises(Refusal) as refused:
            future.result()
        assert (refused.value.status, refused.value.reason) == (503, "not_written")
    assert document.count("note") == notes_before
    assert [error.problem for error in told] == ["write_failed"]
