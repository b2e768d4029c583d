"""The actions that work on the journey canvas: clipboard, selection, find, zoom, the survey
answers' views (cards coloured by NPS, the curve's second line), journeys, stages, lanes and
the link tool. The main window puts them in its menus and toolbar."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QCursor, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from cocreate.canvas.interactions import Mode
from cocreate.canvas.mime import TOUCHPOINTS_MIME
from cocreate.canvas.text_limits import ask_line
from cocreate.document import Document
from cocreate.labels import label
from cocreate.templates import language_code
from cocreate.ui.actions import make_action, set_texts
from cocreate.ui.find_bar import FindBar
from cocreate.ui.journey_dialogs import NewJourneyDialog, PersonaDialog
from cocreate.ui.journey_tabs import JourneyTabs
from cocreate.ui.message import ask
from cocreate.ui.palette import card_spot

Key = QKeySequence.StandardKey


class CanvasActions(QObject):
    """Owns the canvas actions and does what they say on the current journey."""

    def __init__(self, window: QWidget, tabs: JourneyTabs, find_bar: FindBar, language) -> None:
        super().__init__(window)
        self.window = window
        self.tabs = tabs
        self.find_bar = find_bar
        self._language = language  # callable: the UI language code ("en" or "zh_CN")
        self.document: Document | None = None

        def make(slot, shortcut: Key | str | None = None, checkable: bool = False) -> QAction:
            return make_action(window, slot, shortcut, checkable)

        self.cut_action = make(self.cut, Key.Cut)
        self.copy_action = make(self.copy, Key.Copy)
        self.paste_action = make(self.paste, Key.Paste)
        self.duplicate_action = make(self.duplicate, "Ctrl+D")
        self.delete_action = make(self.delete, Key.Delete)
        self.delete_action.setShortcuts([QKeySequence("Delete"), QKeySequence("Backspace")])
        self.select_all_action = make(self.select_all, Key.SelectAll)
        self.find_action = make(self.find_bar.open_bar, Key.Find)
        # F3 only: the standard bindings add Ctrl+G, which groups notes here.
        self.find_next_action = make(lambda: self.find_step(1), "F3")
        self.find_previous_action = make(lambda: self.find_step(-1), "Shift+F3")
        self.zoom_in_action = make(self.zoom_in, Key.ZoomIn)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_out_action = make(self.zoom_out, Key.ZoomOut)
        self.fit_action = make(self.fit, "Ctrl+0")
        self.fit_board_action = make(self.fit_board, "Ctrl+9")
        self.actual_size_action = make(self.actual_size, "Ctrl+1")
        self.nps_colors_action = make(self.color_by_nps, "Ctrl+Shift+C", checkable=True)
        self.score_line_action = make(self.show_score_line, "Ctrl+Shift+E", checkable=True)
        self.new_journey_action = make(self.new_journey, "Ctrl+Shift+N")
        self.rename_journey_action = make(self.rename_journey)
        self.duplicate_journey_action = make(self.duplicate_journey)
        self.delete_journey_action = make(self.delete_journey)
        self.persona_action = make(self.edit_persona)
        self.add_stage_action = make(self.add_stage)
        self.add_lane_action = make(self.add_lane)
        self.link_tool_action = make(self.set_link_mode, "L", checkable=True)
        self.hidden_lanes_menu = QMenu(window)
        self.hidden_lanes_menu.aboutToShow.connect(self._fill_hidden_lanes)

        find_bar.search.connect(self.find)
        find_bar.step.connect(self.find_step)
        find_bar.closed.connect(self._find_closed)
        tabs.currentChanged.connect(self._current_changed)
        tabs.touchpoints_selected.connect(self.update_state)
        QApplication.clipboard().dataChanged.connect(self.update_state)
        self.retranslate()

    # -- texts and state ------------------------------------------------------------------------

    def retranslate(self) -> None:
        texts = {
            self.cut_action: (
                self.tr("Cu&t"),
                self.tr("Move the selected cards and notes to the clipboard"),
            ),
            self.copy_action: (self.tr("&Copy"), self.tr("Copy the selected cards and notes")),
            self.paste_action: (
                self.tr("&Paste"),
                self.tr("Paste cards and notes at the mouse pointer"),
            ),
            self.duplicate_action: (
                self.tr("D&uplicate"),
                self.tr("Copy the selected cards and notes in place"),
            ),
            self.delete_action: (
                self.tr("&Delete"),
                self.tr("Delete the selected cards, links and notes"),
            ),
            self.select_all_action: (self.tr("Select &All"), self.tr("Select every card and note")),
            self.find_action: (self.tr("&Find…"), self.tr("Find cards by their text")),
            self.find_next_action: (self.tr("Find &Next"), ""),
            self.find_previous_action: (self.tr("Find Pre&vious"), ""),
            self.zoom_in_action: (self.tr("Zoom &In"), ""),
            self.zoom_out_action: (self.tr("Zoom &Out"), ""),
            self.fit_action: (self.tr("&Fit Journey"), self.tr("Show the whole journey")),
            self.actual_size_action: (self.tr("&Actual Size"), ""),
            self.nps_colors_action: (
                self.tr("Colour Cards by &NPS"),
                self.tr(
                    "Tint each card by the NPS of its survey answers: red below 0, amber 0 to 30,"
                    " green above 30, grey with fewer than 10 answers"
                ),
            ),
            self.score_line_action: (
                self.tr("Customer &Scores on the Emotion Curve"),
                self.tr(
                    "Draw the customers' mean survey score (0–10) of each stage beside the"
                    " team's emotion"
                ),
            ),
            self.fit_board_action: (self.tr("Fit &Board"), self.tr("Show all the notes")),
            self.new_journey_action: (
                self.tr("&New Journey…"),
                self.tr("Add a journey from a template"),
            ),
            self.rename_journey_action: (self.tr("&Rename Journey…"), ""),
            self.duplicate_journey_action: (
                self.tr("D&uplicate Journey"),
                self.tr("Copy the journey with its stages, lanes, cards and links"),
            ),
            self.delete_journey_action: (self.tr("&Delete Journey"), ""),
            self.persona_action: (
                self.tr("&Persona…"),
                self.tr("Choose or describe the customer whose journey this is"),
            ),
            self.add_stage_action: (
                self.tr("Add &Stage"),
                self.tr("Add a stage at the end of the journey"),
            ),
            self.add_lane_action: (
                self.tr("Add &Lane"),
                self.tr("Add a lane at the bottom of the blueprint"),
            ),
            self.link_tool_action: (
                self.tr("&Link Tool"),
                self.tr("Draw arrows: drag from one card to another (L)"),
            ),
        }
        set_texts(texts)
        self.hidden_lanes_menu.setTitle(self.tr("Show &Hidden Lanes"))

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self.update_state)
        self.document = document
        if document is not None:
            document.changed.connect(self.update_state)
        self.find_bar.close_bar()
        self.update_state()

    def _current_changed(self, _index: int) -> None:
        self.update_state()

    def update_state(self, *_args) -> None:
        scene = self.tabs.current_scene()
        editable = self.document is not None and not self.document.read_only
        has_journey = scene is not None
        has_cards = bool(scene and (scene.selected_touchpoint_ids() or scene.selected_note_ids()))
        has_items = has_cards or bool(scene and scene.selected_link_ids())
        clipboard = QApplication.clipboard().mimeData()
        can_paste = clipboard is not None and clipboard.hasFormat(TOUCHPOINTS_MIME)
        self.copy_action.setEnabled(has_cards)
        self.cut_action.setEnabled(has_cards and editable)
        self.duplicate_action.setEnabled(has_cards and editable)
        self.delete_action.setEnabled(has_items and editable)
        self.paste_action.setEnabled(can_paste and editable and has_journey)
        for action in (
            self.select_all_action,
            self.find_action,
            self.find_next_action,
            self.find_previous_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.fit_board_action,
            self.actual_size_action,
            self.nps_colors_action,
            self.score_line_action,
        ):
            action.setEnabled(has_journey)
        self.new_journey_action.setEnabled(editable)
        for action in (
            self.rename_journey_action,
            self.duplicate_journey_action,
            self.delete_journey_action,
            self.persona_action,
            self.add_stage_action,
            self.add_lane_action,
            self.link_tool_action,
        ):
            action.setEnabled(editable and has_journey)
        hidden = bool(scene) and any(lane["hidden"] for lane in scene.lanes)
        self.hidden_lanes_menu.setEnabled(editable and hidden)

    # -- clipboard and selection ----------------------------------------------------------------

    def copy(self) -> None:
        scene = self.tabs.current_scene()
        data = scene.selection_mime() if scene else None
        if data is not None:
            QApplication.clipboard().setMimeData(data)

    def cut(self) -> None:
        """Copy, then delete what was copied (private notes are neither copied nor cut)."""
        scene = self.tabs.current_scene()
        if scene is None:
            return
        self.copy()
        for note_id in scene.selected_note_ids():
            if scene.notes[note_id].row["hidden"]:
                scene.notes[note_id].setSelected(False)
        self.delete()

    def paste(self) -> None:
        scene, view = self.tabs.current_scene(), self.tabs.current_view()
        data = QApplication.clipboard().mimeData()
        if scene is None or data is None:
            return
        cursor = view.mapFromGlobal(QCursor.pos())
        pos = view.mapToScene(cursor) if view.viewport().rect().contains(cursor) else None
        scene.paste(data, pos)

    def duplicate(self) -> None:
        scene = self.tabs.current_scene()
        if scene is not None:
            scene.duplicate_selection()

    def delete(self) -> None:
        scene = self.tabs.current_scene()
        if scene is not None:
            scene.delete_selection()

    def select_all(self) -> None:
        scene = self.tabs.current_scene()
        if scene is not None:
            scene.select_all()

    def add_card(self, fields: dict) -> int | None:
        """A palette entry activated with Enter or a double-click: a card in the selected card's
        cell or the cell in view (palette.card_spot); with no cell in view, a hint instead."""
        scene, view = self.tabs.current_scene(), self.tabs.current_view()
        if scene is None or view is None:
            return None
        spot = card_spot(view)
        if spot is None:
            self.tabs.message.emit(
                self.tr(
                    "No cell in view for the new card: select a card or scroll to a cell,"
                    " or drag the entry onto a cell"
                )
            )
            return None
        card_id = scene.add_touchpoint_at(spot, **fields)
        if card_id is not None:
            view.ensure_selection_visible()
        return card_id

    # -- find and zoom --------------------------------------------------------------------------

    def find(self, text: str) -> None:
        view = self.tabs.current_view()
        if view is not None:
            self.find_bar.show_count(view.find(text))

    def find_step(self, step: int) -> None:
        view = self.tabs.current_view()
        if view is None:
            return
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
            return
        view.find_step(step)

    def _find_closed(self) -> None:
        for view in self.tabs.views.values():
            view.journey_scene().find("")
        view = self.tabs.current_view()
        if view is not None:
            view.setFocus()

    def zoom_in(self) -> None:
        if view := self.tabs.current_view():
            view.zoom_in()

    def zoom_out(self) -> None:
        if view := self.tabs.current_view():
            view.zoom_out()

    def fit(self) -> None:
        if view := self.tabs.current_view():
            view.zoom_to_fit()

    def fit_board(self) -> None:
        if view := self.tabs.current_view():
            view.zoom_to_board()

    def actual_size(self) -> None:
        if view := self.tabs.current_view():
            view.actual_size()

    def color_by_nps(self, on: bool) -> None:
        self.tabs.state.nps_colors = on

    def show_score_line(self, on: bool) -> None:
        self.tabs.state.score_line = on

    def set_link_mode(self, on: bool) -> None:
        self.tabs.state.tool_mode = Mode.LINK if on else Mode.SELECT

    # -- journeys -------------------------------------------------------------------------------

    def _content_language(self) -> str:
        return language_code(self._language())

    def new_journey(self) -> None:
        if self.document is None:
            return
        dialog = NewJourneyDialog(self.document, self._content_language(), self.window)
        if not dialog.exec():
            return
        values = dialog.result_values()
        journey_id = self.document.add_journey(  # with a new persona: still one action
            values["name"],
            values["template_id"],
            self._content_language(),
            values["persona_id"],
            values["new_persona"],
        )
        if journey_id is not None:
            self.tabs.show_journey(journey_id)

    def _current_journey(self) -> dict | None:
        journey_id = self.tabs.current_journey_id()
        if self.document is None or journey_id is None:
            return None
        return self.document.row("journey", journey_id)

    def rename_journey(self) -> None:
        journey = self._current_journey()
        if journey is None:
            return
        name, ok = ask_line(
            self.window,
            self.tr("Rename Journey"),
            self.tr("Journey name:"),
            journey["name"],
            "renameJourneyDialog",
        )
        if ok and name.strip():
            self.document.rename_journey(journey["id"], name.strip())

    def duplicate_journey(self) -> None:
        journey = self._current_journey()
        if journey is None:
            return
        name = self.tr("%1 (copy)").replace("%1", journey["name"])
        journey_id = self.document.duplicate_journey(journey["id"], name)
        if journey_id is not None:
            self.tabs.show_journey(journey_id)

    def delete_journey(self) -> None:
        journey = self._current_journey()
        if journey is None:
            return
        question = self.tr(
            "Delete the journey “%1” with its stages, cards, links and notes?"
            " You can undo this with Edit > Undo."
        ).replace("%1", journey["name"])
        if ask(self.window, self.tr("Delete Journey"), question):
            self.document.delete_journey(journey["id"])

    def edit_persona(self) -> None:
        journey = self._current_journey()
        if journey is None:
            return
        dialog = PersonaDialog(self.document, journey["id"], self.window)
        if not dialog.exec():
            return
        values = dialog.result_values()
        if values["new_persona"] is not None:
            persona = values["new_persona"]
            self.document.add_persona(
                persona["name"], persona["kind"], persona["description"], journey["id"]
            )
            return
        self.document.set_journey_persona(
            journey["id"], values["persona_id"], values["persona_changes"]
        )

    def add_stage(self) -> None:
        scene = self.tabs.current_scene()
        if scene is not None:
            scene.insert_stage(len(scene.layout.stage_order))

    def add_lane(self) -> None:
        scene = self.tabs.current_scene()
        if scene is not None:
            scene.add_lane()

    def _fill_hidden_lanes(self) -> None:
        self.hidden_lanes_menu.clear()
        scene = self.tabs.current_scene()
        if scene is None:
            return
        for lane in scene.lanes:
            if lane["hidden"]:
                name = lane["name"] or label("lane", lane["kind"])
                action = self.hidden_lanes_menu.addAction(name.replace("&", "&&"))
                action.triggered.connect(
                    lambda _checked=False, lane_id=lane["id"]: self.document.update_lane(
                        lane_id, hidden=False
                    )
                )
