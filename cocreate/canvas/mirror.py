"""The full mirror of one journey: read its rows, lay it out (cocreate.layout) and bring every
item of the scene in line with them. A change that moves the blueprint comes here; changes of
single notes, votes, people or cards' contents go to canvas/updates.py instead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsItem

from cocreate.analysis import emotion_by_stage, lowest_points
from cocreate.canvas.deferred_notes import DEFER_FROM, Waiting, make_note
from cocreate.canvas.items import CardItem, LaneLabelItem, LinkItem, StageHeaderItem
from cocreate.canvas.notes import MOVABLE, ClusterItem, NoteItem
from cocreate.canvas.phone_area import show_phone_area
from cocreate.layout import compute_layout, is_free, note_origin
from cocreate.records import Row
from cocreate.templates import BLUEPRINT_LANES

if TYPE_CHECKING:
    from cocreate.canvas.scene import JourneyScene

# Room around the blueprint, so that it never sits flush against the view's edge.
MARGIN = 60.0
#: The colour of a dot whose voter is gone.
VOTERLESS = "#9e9e9e"


def sync_all(scene: JourneyScene) -> None:
    """Bring every item of the scene in line with the file: read the journey, lay it out,
    create, update, move and remove items."""
    document = scene.document
    journey = document.row("journey", scene.journey_id)
    if journey is None:
        return  # the journey is gone; the tabs close this scene
    scene.stages = document.rows("stage", order_by="position", journey_id=scene.journey_id)
    scene.lanes = document.rows("lane", order_by="position", journey_id=scene.journey_id)
    touchpoints = document.rows("touchpoint", journey_id=scene.journey_id)
    links = document.rows("link", journey_id=scene.journey_id)
    scene.layout = layout = compute_layout(scene.stages, scene.lanes, touchpoints)
    scene.session = document.session()
    language = scene.session["language"]
    scene.touchpoint_rows = {row["id"]: row for row in touchpoints}
    scene.participants = {row["id"]: row for row in document.rows("participant")}
    persona_id = journey["persona_id"]
    scene.persona_label.set_persona(
        document.row("persona", persona_id) if persona_id is not None else None
    )

    scene.grid.set_layout(layout, {row["id"]: row["color"] for row in scene.stages})
    scene.line_names.set_lines(layout.lines)
    points = emotion_by_stage(scene.stages, scene.lanes, touchpoints)
    scene.curve.set_points(layout, points, lowest_points(points))

    counts: dict[int, int] = {}
    shown = [row for row in touchpoints if row["id"] in layout.cards]
    for row in shown:
        counts[row["stage_id"]] = counts.get(row["stage_id"], 0) + 1
    _headers(scene, counts)
    _lane_labels(scene, language)
    votes = _vote_colors(scene)
    _cards(scene, shown, votes)
    _links(
        scene,
        [
            row
            for row in links
            if row["source_id"] in scene.cards and row["target_id"] in scene.cards
        ],
    )
    spread = _notes(scene, document.rows("note", journey_id=scene.journey_id), votes)
    _clusters(scene, document.rows("cluster", journey_id=scene.journey_id), spread)
    show_phone_area(scene, spread.free_x)
    free_rect, all_rect = spread.bounds()
    scene.board.set_area(layout, free_rect)
    # The scene holds every item, so that scrolling reaches each one.
    area = scene.board.area.united(QRectF(0, 0, layout.width, layout.curve.bottom))
    area = area.united(all_rect).united(scene.persona_label.sceneBoundingRect())
    for cluster in scene.clusters.values():
        if cluster.isVisible():
            area = area.united(cluster.sceneBoundingRect())
    scene.setSceneRect(area.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))


class NoteSpread:
    """Where the notes of a full sync lie, gathered in the one pass that places them: the free
    notes' stored x (the "From phones" label), the corners of the free notes and of all of
    them (the board's area and the scene's), and of each cluster's notes (its frame). At
    10 000 notes, three passes of their own over the items cost 35–65 ms of an open."""

    def __init__(self) -> None:
        self.free_x: list[float] = []
        self._corners: dict[bool, list[tuple[float, float]]] = {True: [], False: []}  # free?
        self._clusters: dict[int, list[tuple[float, float]]] = {}

    def add(self, row: Row, x: float, y: float) -> None:
        """A note shown with its item's top-left corner at x, y."""
        free = is_free(row)
        self._corners[free].append((x, y))
        if free:
            self.free_x.append(row["x"])
        if row["cluster_id"] is not None:
            self._clusters.setdefault(row["cluster_id"], []).append((x, y))

    def bounds(self) -> tuple[QRectF, QRectF]:
        """The rectangles the free notes' items and all the notes' items cover."""
        free = _cover(self._corners[True], NoteItem.BOUNDS)
        return free, free.united(_cover(self._corners[False], NoteItem.BOUNDS))

    def cluster_rect(self, cluster_id: int) -> QRectF | None:
        """The rectangle the cluster's notes cover (None: it has none)."""
        corners = self._clusters.get(cluster_id)
        return _cover(corners, NoteItem.BODY) if corners else None


def _cover(corners: list[tuple[float, float]], shape: QRectF) -> QRectF:
    """The rectangle that items of this shape, with their origins at the corners, cover."""
    if not corners:
        return QRectF()
    xs, ys = [corner[0] for corner in corners], [corner[1] for corner in corners]
    left, top = min(xs), min(ys)
    return QRectF(
        left + shape.left(),
        top + shape.top(),
        max(xs) - left + shape.width(),
        max(ys) - top + shape.height(),
    )


def _headers(scene: JourneyScene, counts: dict[int, int]) -> None:
    wanted = {row["id"]: row for row in scene.stages}
    for stage_id in list(scene.headers):
        if stage_id not in wanted:
            scene.removeItem(scene.headers.pop(stage_id))
    for stage_id, row in wanted.items():
        rect = scene.layout.headers[stage_id]
        if stage_id in scene.headers:
            scene.headers[stage_id].set_state(row, rect, counts.get(stage_id, 0))
        else:
            scene.headers[stage_id] = StageHeaderItem(row, rect, counts.get(stage_id, 0))
            scene.addItem(scene.headers[stage_id])


def _lane_labels(scene: JourneyScene, language: str) -> None:
    hints = {lane.kind.value: lane.hint(language) for lane in BLUEPRINT_LANES}
    wanted = {row["id"]: row for row in scene.lanes if row["id"] in scene.layout.lanes}
    for lane_id in list(scene.lane_labels):
        if lane_id not in wanted:
            scene.removeItem(scene.lane_labels.pop(lane_id))
    for lane_id, row in wanted.items():
        rect = scene.layout.lane_labels[lane_id]
        hint = hints.get(row["kind"], "")
        if lane_id in scene.lane_labels:
            scene.lane_labels[lane_id].set_state(row, rect, hint)
        else:
            scene.lane_labels[lane_id] = LaneLabelItem(row, rect, hint)
            scene.addItem(scene.lane_labels[lane_id])


def _vote_colors(scene: JourneyScene) -> dict[tuple[str, int], list[str]]:
    return vote_colors(scene.document.rows("vote"), scene.participants)


def vote_colors(votes: list[Row], participants: dict[int, Row]) -> dict[tuple[str, int], list[str]]:
    """("note" or "touchpoint", id) -> the colours of its voters, one per dot."""
    colors: dict[tuple[str, int], list[str]] = {}
    for vote in votes:
        if vote["note_id"] is not None:
            key = ("note", vote["note_id"])
        else:
            key = ("touchpoint", vote["touchpoint_id"])
        person = participants.get(vote["participant_id"])
        colors.setdefault(key, []).append(person["color"] if person else VOTERLESS)
    return colors


def _cards(scene: JourneyScene, rows: list[Row], votes: dict[tuple[str, int], list[str]]) -> None:
    wanted = {row["id"]: row for row in rows}
    for card_id in list(scene.cards):
        if card_id not in wanted:
            scene.removeItem(scene.cards.pop(card_id))
    movable = not scene.read_only
    for card_id, row in wanted.items():
        card = scene.cards.get(card_id)
        if card is None:
            card = scene.cards[card_id] = CardItem(row)
            scene.addItem(card)
        else:
            card.set_row(row)
        card.set_votes(votes.get(("touchpoint", card_id), []))
        card.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)
        rect = scene.layout.cards[card_id]
        if card.pos() != QPointF(rect.x, rect.y):
            card.setPos(rect.x, rect.y)


def _links(scene: JourneyScene, rows: list[Row]) -> None:
    wanted = {row["id"]: row for row in rows}
    for link_id in list(scene.links):
        if link_id not in wanted:
            scene.removeItem(scene.links.pop(link_id))
    for link_id, row in wanted.items():
        link = scene.links.get(link_id)
        if link is None:
            link = scene.links[link_id] = LinkItem(row)
            scene.addItem(link)
        link.row = row
        route(scene, link)


def _notes(
    scene: JourneyScene, rows: list[Row], votes: dict[tuple[str, int], list[str]]
) -> NoteSpread:
    wanted = {row["id"]: row for row in rows}
    notes = scene.notes
    for note_id in list(notes):
        if note_id not in wanted:
            scene.removeItem(notes.pop(note_id))
    spread = NoteSpread()
    if not notes and len(wanted) >= DEFER_FROM:  # a large board opens: its items come later
        waiting = []
        for note_id, row in wanted.items():
            x, y = note_place(scene, row)
            waiting.append(Waiting(row, votes.get(("note", note_id), []), x, y))
            spread.add(row, x, y)
        scene.deferral.defer(waiting)
        return spread
    movable = not scene.read_only
    for note_id, row in wanted.items():
        note = show_note(scene, row, votes.get(("note", note_id), []), movable)
        spread.add(row, note.x(), note.y())
    return spread


def show_note(
    scene: JourneyScene, row: Row, dots: list[str], movable: bool | None = None
) -> NoteItem:
    """The note's item (made when new) showing the row, with these dots, where it belongs;
    `movable` as the scene's modes allow (worked out here when not given)."""
    if movable is None:
        movable = not scene.read_only  # (while a round runs, a press on a note votes)
    note = scene.notes.get(row["id"])
    x, y = note_place(scene, row)
    if note is None:
        return make_note(scene, row, dots, x, y, movable=movable)
    note.set_state(row, scene.participants.get(row["author_id"]), scene.color_by_category, dots)
    if bool(note.flags() & MOVABLE) != movable:
        note.setFlag(MOVABLE, movable)
    if (note.x(), note.y()) != (x, y):
        note.setPos(x, y)
    return note


def note_place(scene: JourneyScene, row: Row) -> tuple[float, float]:
    """Where a note's item goes: its stored x, y from its card, its stage or the board."""
    left, top = note_origin(scene.layout, scene.touchpoint_rows, row)
    return left + row["x"], top + row["y"]


def _clusters(scene: JourneyScene, rows: list[Row], spread: NoteSpread) -> None:
    wanted = {row["id"]: row for row in rows}
    for cluster_id in list(scene.clusters):
        if cluster_id not in wanted:
            scene.removeItem(scene.clusters.pop(cluster_id))
    for row in wanted.values():
        show_cluster(scene, row, spread.cluster_rect(row["id"]))


def member_rects(scene: JourneyScene, cluster_ids: set[int]) -> dict[int, QRectF]:
    """The rectangle each of these clusters' notes cover (clusters with no note left out), as
    NoteSpread.cluster_rect gives it on a full sync."""
    corners: dict[int, list[tuple[float, float]]] = {}
    for note in scene.notes.values():
        cluster_id = note.row["cluster_id"]
        if cluster_id in cluster_ids:
            corners.setdefault(cluster_id, []).append((note.x(), note.y()))
    return {cluster_id: _cover(places, NoteItem.BODY) for cluster_id, places in corners.items()}


def show_cluster(scene: JourneyScene, row: Row, members: QRectF | None) -> None:
    """The cluster's frame (made when new) around its notes; hidden while it has none."""
    cluster = scene.clusters.get(row["id"])
    if cluster is None:
        cluster = scene.clusters[row["id"]] = ClusterItem(row)
        scene.addItem(cluster)
    cluster.set_state(row, members if members is not None else QRectF())
    cluster.setVisible(members is not None)


def route(scene: JourneyScene, link: LinkItem) -> None:
    """Draw the link's arrow between its two cards as they stand now."""
    source = scene.cards[link.row["source_id"]]
    target = scene.cards[link.row["target_id"]]
    link.route(source.sceneBoundingRect(), target.sceneBoundingRect())


def follow_card(scene: JourneyScene, card: CardItem) -> None:
    """The card's pinned notes and arrows follow it to where it is now."""
    for note in scene.notes.values():
        if note.row["touchpoint_id"] == card.touchpoint_id:
            note.setPos(card.pos() + QPointF(note.row["x"], note.row["y"]))
    for link in scene.links.values():
        ends = (link.row["source_id"], link.row["target_id"])
        if card.touchpoint_id in ends and all(end in scene.cards for end in ends):
            route(scene, link)
