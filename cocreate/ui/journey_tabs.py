"""A tab per journey of the session, each with its canvas; the tabs follow the journey table."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from cocreate.canvas.interactions import Mode
from cocreate.canvas.scene import JourneyScene
from cocreate.canvas.view import JourneyView
from cocreate.canvas.workshop_state import WorkshopState
from cocreate.document import Document
from cocreate.labels import plain_tip
from cocreate.records import Change
from cocreate.ui.canvas_menus import CanvasMenus
from cocreate.ui.memory import set_aside_large_board
from cocreate.ui.view_state import ViewPlace, restore_view_place, view_place


class JourneyTabs(QTabWidget):
    """Journeys in their order, as tabs. Drag a tab to reorder the journeys."""

    # The selected touchpoint ids of the current journey (after a tab switch too).
    touchpoints_selected = Signal(list)
    # A card asks for its title to be edited.
    edit_requested = Signal(int)
    # Something to tell the person in the status bar (a vote that could not be given).
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("journeyTabs")
        self.setDocumentMode(True)
        self.setMovable(True)
        self.document: Document | None = None
        self.views: dict[int, JourneyView] = {}
        # The author, tool, colouring and presentation every journey's canvas follows.
        self.state = WorkshopState(self)
        self.state.tool_mode_changed.connect(self._show_state)
        self.state.presentation_changed.connect(self._show_state)
        self.menus = CanvasMenus(self)
        self._syncing = False
        self.currentChanged.connect(self._current_changed)
        self.tabBar().tabMoved.connect(self._tab_moved)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.sync()  # "Untitled journey" in the new language
        super().changeEvent(event)

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._document_changed)
        self._clear()
        self.document = document
        if document is not None:
            document.changed.connect(self._document_changed)
            self.sync()

    def _clear(self) -> None:
        self._syncing = True
        for journey_id in list(self.views):
            self._drop(journey_id)
        self._syncing = False

    def _drop(self, journey_id: int) -> None:
        view = self.views.pop(journey_id)
        self.removeTab(self.indexOf(view))
        view.journey_scene().detach()
        view.journey_scene().deleteLater()
        view.deleteLater()

    def current_view(self) -> JourneyView | None:
        widget = self.currentWidget()
        return widget if isinstance(widget, JourneyView) else None

    def current_scene(self) -> JourneyScene | None:
        view = self.current_view()
        return view.journey_scene() if view is not None else None

    def current_journey_id(self) -> int | None:
        scene = self.current_scene()
        return scene.journey_id if scene is not None else None

    def show_journey(self, journey_id: int) -> None:
        if journey_id in self.views:
            self.setCurrentWidget(self.views[journey_id])

    def current_view_place(self) -> ViewPlace | None:
        """The zoom and centre of the journey in view once the person moved it to a place of
        their own (None while the view still fits the journey to its size)."""
        view = self.current_view()
        if view is None or view.auto_fit:
            return None
        return view_place(view)

    def restore_view_place(self, place: ViewPlace) -> None:
        """Show the journey in view at that zoom, centred on that point."""
        view = self.current_view()
        if view is not None:
            restore_view_place(view, place)

    def _document_changed(self, change: Change) -> None:
        if change.touches("journey"):
            self.sync()

    def sync(self) -> None:
        """One tab per journey, in journey order, named after it."""
        if self.document is None:
            return
        self._syncing = True
        journeys = self.document.rows("journey", order_by="position")
        wanted = {row["id"]: row for row in journeys}
        for journey_id in list(self.views):
            if journey_id not in wanted:
                self._drop(journey_id)
        for index, row in enumerate(journeys):
            view = self.views.get(row["id"])
            if view is None:
                scene = JourneyScene(self.document, row["id"], self, self.state)
                scene.touchpoints_selected.connect(self._scene_selection)
                scene.edit_requested.connect(self.edit_requested)
                scene.vote_refused.connect(self.message)
                scene.context_menu_requested.connect(self._context_menu)
                scene.deferral.made.connect(set_aside_large_board)
                view = self.views[row["id"]] = JourneyView(scene)
                self._show_state_in(view)
                self.insertTab(index, view, "")
            elif self.indexOf(view) != index:
                self.tabBar().moveTab(self.indexOf(view), index)
            name = row["name"] or self.tr("Untitled journey")
            self.setTabText(index, name.replace("&", "&&"))
            self.setTabToolTip(index, plain_tip(name))
        self._syncing = False
        self._current_changed(self.currentIndex())

    def _context_menu(self, pos: QPointF, screen_pos: QPoint) -> None:
        scene = self.sender()
        if isinstance(scene, JourneyScene):
            self.menus.show(scene, pos, screen_pos)

    def _show_state(self, *_args) -> None:
        for view in self.views.values():
            self._show_state_in(view)

    def _show_state_in(self, view: JourneyView) -> None:
        """The view shows the tool (a cross for the link tool) and presentation mode."""
        viewport = view.viewport()
        if self.state.tool_mode is Mode.LINK:
            viewport.setCursor(Qt.CursorShape.CrossCursor)
        elif viewport.cursor().shape() == Qt.CursorShape.CrossCursor:
            viewport.setCursor(Qt.CursorShape.ArrowCursor)
        if view.property("presentation") != self.state.presentation:
            view.setProperty("presentation", self.state.presentation)
            view.viewport().update()

    def _scene_selection(self, ids: list[int]) -> None:
        if self.sender() is self.current_scene():
            self.touchpoints_selected.emit(ids)

    def _current_changed(self, _index: int) -> None:
        if self._syncing:
            return
        scene = self.current_scene()
        for view in self.views.values():  # only the journey in view follows every change
            view.journey_scene().set_active(view.journey_scene() is scene)
        self.touchpoints_selected.emit(scene.selected_touchpoint_ids() if scene else [])

    def _tab_moved(self, _from: int, to: int) -> None:
        if self._syncing or self.document is None:
            return
        view = self.widget(to)
        if isinstance(view, JourneyView) and not self.document.read_only:
            if not self.document.move_journey(view.journey_scene().journey_id, to):
                self.sync()
        else:
            self.sync()
