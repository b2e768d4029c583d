"""The palette, the inspector, the journey dialogs and the icons, driven with real input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QTreeWidgetItem

from cocreate.canvas import icons
from cocreate.canvas.mime import PALETTE_MIME, read_payload
from cocreate.document import Document
from cocreate.model import Channel, Status, TouchpointKind
from cocreate.resources import resource_path
from cocreate.ui.inspector import InspectorDock
from cocreate.ui.journey_dialogs import NEW_PERSONA, NewJourneyDialog, PersonaDialog
from cocreate.ui.palette import PaletteDock, PaletteTree, entry_payload
from tests.gui_helpers import type_text, when_modal

JOURNEY = 1


@pytest.fixture
def document():
    doc = Document.new_untitled("en")
    yield doc
    doc.close(discard=True)


def first_cell(document: Document) -> tuple[int, int]:
    stage = document.store.rows("stage", order_by="position", journey_id=JOURNEY)[0]
    lane = document.store.rows("lane", order_by="position", journey_id=JOURNEY)[1]
    return stage["id"], lane["id"]


def add_card(document: Document, **fields) -> int:
    stage_id, lane_id = first_cell(document)
    return document.add_touchpoint(JOURNEY, stage_id, lane_id, **fields)


def card(document: Document, touchpoint_id: int) -> dict:
    return document.store.row("touchpoint", touchpoint_id)


@pytest.fixture
def inspector(qtbot, document):
    dock = InspectorDock()
    qtbot.addWidget(dock)
    dock.set_document(document)
    dock.show()
    dock.activateWindow()
    qtbot.waitExposed(dock)
    yield dock
    dock.set_document(None)


def pick(qtbot, combo: QComboBox, value: str) -> None:
    """Open the combo's list, move to the value and press Enter, as a person would."""
    combo.setFocus()
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(combo.model().index(combo.findData(value), 0))
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())


def click_check(qtbot, box: QCheckBox) -> None:
    """Click the box itself (its row is wider than what answers a click)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


# -- inspector: one card --------------------------------------------------------------------------


def test_inspector_without_selection_shows_a_hint(inspector, document):
    assert inspector.objectName() == "inspectorDock"
    assert inspector.windowTitle() == "Inspector"
    assert inspector.stack.currentWidget() is inspector.empty_label
    assert inspector.empty_label.text() == "Select a touchpoint card to edit it"


@pytest.mark.parametrize("title", ["Order at the counter", "在柜台点单", "Scan 二维码 to join"])
def test_typing_a_title_and_enter_is_one_undo_command(qtbot, inspector, document, title):
    tid = add_card(document, title="Coffee")
    stack = document.undo_stack
    inspector.show_touchpoints([tid])
    assert inspector.form.title_edit.text() == "Coffee"
    inspector.focus_title()
    assert inspector.form.title_edit.hasFocus()
    assert inspector.form.title_edit.selectedText() == "Coffee"
    before = stack.count()

    type_text(inspector.form.title_edit, title)
    assert card(document, tid)["title"] == "Coffee"  # nothing written while typing
    QTest.keyClick(inspector.form.title_edit, Qt.Key.Key_Return)

    assert card(document, tid)["title"] == title
    assert stack.count() == before + 1
    stack.undo()
    assert card(document, tid)["title"] == "Coffee"
    assert inspector.form.title_edit.text() == "Coffee"  # undo refreshed the inspector
    stack.redo()
    assert inspector.form.title_edit.text() == title


def test_enter_without_a_change_pushes_no_command(inspector, document):
    tid = add_card(document, title="Coffee")
    inspector.show_touchpoints([tid])
    inspector.focus_title()
    before = document.undo_stack.count()
    QTest.keyClick(inspector.form.title_edit, Qt.Key.Key_Return)
    type_text(inspector.form.title_edit, "Coffee")
    QTest.keyClick(inspector.form.title_edit, Qt.Key.Key_Return)
    assert document.undo_stack.count() == before


def test_escape_puts_back_the_title(inspector, document):
    tid = add_card(document, title="Coffee")
    inspector.show_touchpoints([tid])
    inspector.focus_title()
    type_text(inspector.form.title_edit, "Tea")
    QTest.keyClick(inspector.form.title_edit, Qt.Key.Key_Escape)
    assert inspector.form.title_edit.text() == "Coffee"
    inspector.form.owner_edit.setFocus()
    assert card(document, tid)["title"] == "Coffee"


def test_description_is_written_when_focus_leaves(qtbot, inspector, document):
    tid = add_card(document, title="Coffee")
    inspector.show_touchpoints([tid])
    edit = inspector.form.description_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    before = document.undo_stack.count()
    type_text(edit, "Queue is long, 排队太久")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    type_text(edit, "at 8 am")
    assert card(document, tid)["description"] == ""  # not on every key
    QTest.keyClick(edit, Qt.Key.Key_Tab)  # Tab leaves the field
    qtbot.waitUntil(lambda: not edit.hasFocus())
    assert card(document, tid)["description"] == "Queue is long, 排队太久\nat 8 am"
    assert document.undo_stack.count() == before + 1


def test_combos_change_channel_kind_and_status(qtbot, inspector, document):
    tid = add_card(document, title="Coffee")
    inspector.show_touchpoints([tid])
    form = inspector.form
    before = document.undo_stack.count()

    pick(qtbot, form.channel_combo, Channel.MINI_PROGRAM.value)
    pick(qtbot, form.kind_combo, TouchpointKind.FIRST.value)
    pick(qtbot, form.status_combo, Status.IN_PROGRESS.value)

    row = card(document, tid)
    assert (row["channel"], row["kind"], row["status"]) == ("mini_program", "first", "in_progress")
    assert document.undo_stack.count() == before + 3
    assert form.channel_combo.currentText() == "Mini-program"
    document.undo_stack.undo()
    assert form.status_combo.currentData() == Status.IDEA.value


def test_choosing_the_same_value_again_pushes_no_command(qtbot, inspector, document):
    tid = add_card(document, title="Coffee", channel="app")
    inspector.show_touchpoints([tid])
    before = document.undo_stack.count()
    pick(qtbot, inspector.form.channel_combo, "app")
    assert document.undo_stack.count() == before


def test_emotion_faces_set_the_emotion(qtbot, inspector, document):
    tid = add_card(document, title="Coffee")
    inspector.show_touchpoints([tid])
    picker = inspector.form.emotion_picker
    assert picker.button(0).isChecked()
    before = document.undo_stack.count()

    qtbot.mouseClick(picker.button(-2), Qt.MouseButton.LeftButton)
    assert card(document, tid)["emotion"] == -2
    assert "-2" in picker.value_label.text()

    picker.button(2).setFocus()
    QTest.keyClick(picker.button(2), Qt.Key.Key_Space)
    assert card(document, tid)["emotion"] == 2
    assert picker.button(2).isChecked() and not picker.button(-2).isChecked()
    assert picker.value_label.text() == "+2 Very positive"
    assert document.undo_stack.count() == before + 2


def test_score_steps_types_and_goes_back_to_no_score(qtbot, inspector, document):
    tid = add_card(document, title="Coffee")
    inspector.show_touchpoints([tid])
    spin = inspector.form.score_spin
    assert spin.text() == "No score"
    spin.setFocus()

    QTest.keyClick(spin, Qt.Key.Key_Up)
    assert card(document, tid)["score"] == 0

    spin.selectAll()
    QTest.keyClicks(spin, "8")
    assert card(document, tid)["score"] == 0  # typing counts on Enter
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert card(document, tid)["score"] == 8

    QTest.keyClick(spin, Qt.Key.Key_PageDown)
    assert card(document, tid)["score"] is None
    assert spin.text() == "No score"
    document.undo_stack.undo()
    assert spin.value() == 8


def test_branded_and_breakpoint_checkboxes(qtbot, inspector, document):
    tid = add_card(document, title="Coffee")
    inspector.show_touchpoints([tid])
    form = inspector.form
    assert form.branded_check.text() == "Branded touchpoint"
    assert form.breakpoint_check.text() == "Breakpoint"

    click_check(qtbot, form.branded_check)
    assert card(document, tid)["branded"] is True
    form.breakpoint_check.setFocus()
    QTest.keyClick(form.breakpoint_check, Qt.Key.Key_Space)
    assert card(document, tid)["breakpoint"] is True
    click_check(qtbot, form.branded_check)
    assert card(document, tid)["branded"] is False


def test_owner_is_written_on_enter(inspector, document):
    tid = add_card(document, title="Coffee")
    inspector.show_touchpoints([tid])
    owner = inspector.form.owner_edit
    owner.setFocus()
    type_text(owner, "王经理 (store)")
    QTest.keyClick(owner, Qt.Key.Key_Return)
    assert card(document, tid)["owner"] == "王经理 (store)"


def test_a_refresh_keeps_what_is_being_typed(inspector, document):
    tid = add_card(document, title="Coffee")
    inspector.show_touchpoints([tid])
    inspector.focus_title()
    type_text(inspector.form.title_edit, "Half typed")
    document.update_touchpoint(tid, channel="app")  # e.g. from the canvas
    assert inspector.form.channel_combo.currentData() == "app"
    assert inspector.form.title_edit.text() == "Half typed"
    QTest.keyClick(inspector.form.title_edit, Qt.Key.Key_Return)
    assert card(document, tid)["title"] == "Half typed"


def test_typing_is_kept_when_the_selection_changes(inspector, document):
    first = add_card(document, title="First")
    second = add_card(document, title="Second")
    inspector.show_touchpoints([first])
    inspector.focus_title()
    type_text(inspector.form.title_edit, "First, renamed")
    inspector.show_touchpoints([second])
    assert card(document, first)["title"] == "First, renamed"
    assert inspector.form.title_edit.text() == "Second"


def test_deleting_the_shown_card_clears_the_inspector(inspector, document):
    tid = add_card(document, title="Coffee")
    inspector.show_touchpoints([tid])
    assert inspector.stack.currentWidget() is not inspector.empty_label
    document.delete_items([tid], [])
    assert inspector.stack.currentWidget() is inspector.empty_label
    assert inspector.touchpoint_ids() == []


def test_inspector_is_read_only_for_a_read_only_file(qtbot, tmp_path):
    path = tmp_path / "salon.cocreate"
    writable = Document.new_untitled("en")
    tid = add_card(writable, title="Coffee")
    writable.save_as(path)
    writable.close()
    document = Document.open(path, read_only=True)
    dock = InspectorDock()
    qtbot.addWidget(dock)
    dock.set_document(document)
    dock.show_touchpoints([tid])
    assert dock.form.title_edit.text() == "Coffee"
    assert not dock.form.isEnabled()
    dock.set_document(None)
    document.close()


# -- inspector: several cards ---------------------------------------------------------------------


def test_several_cards_show_shared_fields_and_change_in_one_command(qtbot, inspector, document):
    a = add_card(document, title="A", channel="app", branded=True, owner="Li")
    b = add_card(document, title="B", channel="store", branded=False, owner="Li")
    inspector.show_touchpoints([a, b])
    form = inspector.form
    assert form.heading.text() == "2 touchpoints selected"
    assert not form.title_edit.isVisibleTo(inspector)
    assert not form.description_edit.isVisibleTo(inspector)
    assert form.channel_combo.currentIndex() == -1  # they disagree
    assert form.kind_combo.currentData() == "core"  # they agree
    assert form.branded_check.checkState() == Qt.CheckState.PartiallyChecked
    assert form.owner_edit.text() == "Li"
    assert form.emotion_picker.value() == 0
    before = document.undo_stack.count()

    pick(qtbot, form.channel_combo, "social")
    assert card(document, a)["channel"] == card(document, b)["channel"] == "social"
    assert document.undo_stack.count() == before + 1
    click_check(qtbot, form.branded_check)
    assert card(document, a)["branded"] is card(document, b)["branded"] is True
    assert document.undo_stack.count() == before + 2

    document.undo_stack.undo()
    document.undo_stack.undo()
    assert (card(document, a)["channel"], card(document, b)["channel"]) == ("app", "store")
    assert form.channel_combo.currentIndex() == -1
    assert form.branded_check.checkState() == Qt.CheckState.PartiallyChecked


def test_several_cards_with_different_scores_take_one(qtbot, inspector, document):
    a = add_card(document, title="A", score=3)
    b = add_card(document, title="B")
    inspector.show_touchpoints([a, b])
    spin = inspector.form.score_spin
    assert spin.text() == "Mixed"
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "9")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    assert card(document, a)["score"] == card(document, b)["score"] == 9
    qtbot.mouseClick(inspector.form.emotion_picker.button(1), Qt.MouseButton.LeftButton)
    assert card(document, a)["emotion"] == card(document, b)["emotion"] == 1


def test_deleting_one_of_several_cards_shows_the_other(inspector, document):
    a = add_card(document, title="A")
    b = add_card(document, title="B")
    inspector.show_touchpoints([a, b])
    document.delete_items([a], [])
    assert inspector.touchpoint_ids() == [b]
    assert inspector.form.title_edit.isVisibleTo(inspector)
    assert inspector.form.title_edit.text() == "B"


# -- palette --------------------------------------------------------------------------------------


@pytest.fixture
def palette(qtbot):
    dock = PaletteDock()
    qtbot.addWidget(dock)
    dock.show()
    qtbot.waitExposed(dock)
    return dock


def entry_for(tree: PaletteTree, payload: dict[str, str]) -> QTreeWidgetItem:
    """The palette's entry (a kind or a channel) that makes cards with these fields."""
    return next(item for item in tree.entries() if entry_payload(item) == payload)


def test_palette_lists_kinds_and_channels_with_tooltips(palette):
    assert palette.objectName() == "paletteDock"
    assert palette.windowTitle() == "Palette"
    assert palette.hint_label.text() == "Drag onto the canvas to add a touchpoint"
    payloads = [entry_payload(item) for item in palette.tree.entries()]
    assert payloads == [{"kind": k.value} for k in TouchpointKind] + [
        {"channel": c.value} for c in Channel
    ]
    for item in palette.tree.entries():
        assert item.text(0) and item.toolTip(0) and not item.icon(0).isNull()
        assert item.flags() & Qt.ItemFlag.ItemIsDragEnabled
    store = entry_for(palette.tree, {"channel": "store"})
    assert store.text(0) == "Store"
    assert "Store" in store.toolTip(0)


@pytest.mark.parametrize("payload", [{"kind": "first"}, {"channel": "word_of_mouth"}])
def test_palette_drag_data_carries_the_entry(palette, payload):
    item = entry_for(palette.tree, payload)
    data = palette.tree.mimeData([item])
    assert data.formats() == [PALETTE_MIME]
    assert read_payload(data, PALETTE_MIME) == payload
    assert not palette.tree._drag_pixmap(item).isNull()
    heading = palette.tree.kinds_group
    assert palette.tree.mimeData([heading]) is None  # a group heading is not draggable


def test_palette_enter_and_double_click_emit_the_payload(qtbot, palette):
    tree = palette.tree
    item = entry_for(tree, {"channel": "phone"})
    tree.setFocus()
    tree.setCurrentItem(item)
    with qtbot.waitSignal(palette.activated) as blocker:
        QTest.keyClick(tree, Qt.Key.Key_Return)
    assert blocker.args == [{"channel": "phone"}]

    item = entry_for(tree, {"kind": "end"})
    tree.scrollToItem(item)
    center = tree.visualItemRect(item).center()
    with qtbot.waitSignal(palette.activated) as blocker:
        # A double-click is a click, then a second press that arrives as a double-click.
        QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
        QTest.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert blocker.args == [{"kind": "end"}]


# -- journey dialogs ------------------------------------------------------------------------------


def test_new_journey_dialog_with_a_template_and_a_new_persona(qtbot, document):
    dialog = NewJourneyDialog(document, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.name_edit.text() == "Loyalty value chain"
    assert dialog.template_preview.text() == "Cognition → Attraction → Buy → Loyalty"

    pick(qtbot, dialog.template_combo, "five_e")
    assert dialog.name_edit.text() == "5E model"  # follows the template until typed in
    assert dialog.template_preview.text().startswith("Entice → Enter")

    dialog.name_edit.setFocus()
    dialog.name_edit.selectAll()
    type_text(dialog.name_edit, "会员旅程 members")
    pick(qtbot, dialog.template_combo, "touchpoint_lifecycle")
    assert dialog.name_edit.text() == "会员旅程 members"  # typed names stay

    assert not dialog.persona_fields.isVisible()
    pick(qtbot, dialog.persona_combo, NEW_PERSONA)
    assert dialog.persona_fields.isVisible()
    assert not dialog.ok_button.isEnabled()  # the new persona needs a name
    dialog.persona_fields.name_edit.setFocus()
    type_text(dialog.persona_fields.name_edit, "Busy parent")
    assert dialog.ok_button.isEnabled()
    pick(qtbot, dialog.persona_fields.kind_combo, "occasional")
    dialog.persona_fields.description_edit.setFocus()
    type_text(dialog.persona_fields.description_edit, "Comes on weekends")

    assert dialog.result_values() == {
        "name": "会员旅程 members",
        "template_id": "touchpoint_lifecycle",
        "persona_id": None,
        "new_persona": {
            "name": "Busy parent",
            "kind": "occasional",
            "description": "Comes on weekends",
        },
    }


def test_new_journey_dialog_needs_a_name_and_lists_personas(qtbot, document):
    persona = document.add_persona("Anna", "loyal", "Ten years a member")
    dialog = NewJourneyDialog(document, "zh_CN")
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "忠诚价值链"
    assert dialog.template_preview.text() == "认知 → 吸引 → 购买 → 忠诚"
    assert dialog.persona_combo.itemText(0) == "No persona"
    assert dialog.persona_combo.findText("Anna") > 0

    dialog.name_edit.clear()
    assert not dialog.ok_button.isEnabled()
    type_text(dialog.name_edit, "X")
    assert dialog.ok_button.isEnabled()
    pick(qtbot, dialog.persona_combo, persona)
    assert dialog.result_values()["persona_id"] == persona
    assert dialog.result_values()["new_persona"] is None


def test_new_journey_dialog_accepts_with_ok(qtbot, document):
    dialog = NewJourneyDialog(document, "en")
    qtbot.addWidget(dialog)
    when_modal(lambda widget: widget.ok_button.click())
    assert dialog.exec() == QDialog.DialogCode.Accepted
    values = dialog.result_values()
    assert values["template_id"] == "loyalty" and values["persona_id"] is None


def test_persona_dialog_edits_and_changes_the_persona(qtbot, document):
    anna = document.add_persona("Anna", "loyal", "", journey_id=JOURNEY)
    ben = document.add_persona("Ben", "occasional", "")
    dialog = PersonaDialog(document, JOURNEY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.persona_combo.choice() == anna
    assert dialog.persona_fields.name_edit.text() == "Anna"
    assert dialog.result_values() == {
        "persona_id": anna,
        "new_persona": None,
        "persona_changes": {},
    }

    dialog.persona_fields.name_edit.setFocus()
    dialog.persona_fields.name_edit.selectAll()
    type_text(dialog.persona_fields.name_edit, "安娜")
    assert dialog.result_values()["persona_changes"] == {"name": "安娜"}

    pick(qtbot, dialog.persona_combo, ben)
    assert dialog.persona_fields.name_edit.text() == "Ben"
    assert dialog.result_values() == {"persona_id": ben, "new_persona": None, "persona_changes": {}}
    pick(qtbot, dialog.persona_combo, anna)
    assert dialog.persona_fields.name_edit.text() == "安娜"  # the draft was kept

    pick(qtbot, dialog.persona_combo, "none")
    assert not dialog.persona_fields.isVisible()
    assert dialog.ok_button.isEnabled()
    assert dialog.result_values()["persona_id"] is None

    pick(qtbot, dialog.persona_combo, NEW_PERSONA)
    assert not dialog.ok_button.isEnabled()
    type_text(dialog.persona_fields.name_edit, "Chen")
    assert dialog.result_values()["new_persona"]["name"] == "Chen"


# -- icons ----------------------------------------------------------------------------------------


def painted_pixels(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 0
    )


@pytest.mark.parametrize("channel", [c.value for c in Channel])
def test_every_channel_has_an_icon_that_renders(qapp, channel):
    assert resource_path("icons", "channels", f"{channel}.svg").is_file()
    renderer = icons.channel_renderer(channel)
    assert renderer.isValid()
    assert icons.channel_renderer(channel) is renderer  # cached
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    icons.paint_channel_icon(painter, channel, QRectF(0, 0, 20, 20))
    painter.end()
    assert 20 < painted_pixels(image) < 20 * 20 * 0.8
    pixmap = icons.channel_icon(channel).pixmap(QSize(16, 16))
    assert not pixmap.isNull() and painted_pixels(pixmap.toImage()) > 10


def test_unknown_channel_falls_back_to_other(qapp):
    assert icons.channel_renderer("carrier_pigeon") is icons.channel_renderer("other")


def test_colours_cover_every_value(qapp):
    assert set(icons.KIND_COLORS) == {k.value for k in TouchpointKind}
    assert set(icons.STATUS_COLORS) == {s.value for s in Status}
    assert sorted(icons.EMOTION_COLORS) == [-2, -1, 0, 1, 2]
    assert len(set(icons.KIND_COLORS.values())) == len(icons.KIND_COLORS)
    for color in [*icons.KIND_COLORS.values(), *icons.EMOTION_COLORS.values()]:
        assert QColor(color).isValid()
    for kind in icons.KIND_COLORS:
        image = icons.kind_icon(kind).pixmap(QSize(16, 16)).toImage()
        assert painted_pixels(image) > 50
