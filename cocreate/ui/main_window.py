"""The main window: it wires the document, the views, the actions and the menus, nothing more."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cocreate import __version__, templates
from cocreate.document import Document, SessionFileError, recoverable_sessions
from cocreate.ui import i18n
from cocreate.ui.actions import HistoryAction, make_action, set_texts
from cocreate.ui.canvas_actions import CanvasActions
from cocreate.ui.export_actions import ExportActions
from cocreate.ui.facilitation import FacilitationActions
from cocreate.ui.file_errors import show_file_error
from cocreate.ui.find_bar import FindBar
from cocreate.ui.inspector import InspectorDock
from cocreate.ui.journey_tabs import JourneyTabs
from cocreate.ui.message import warn
from cocreate.ui.overview import SessionOverview
from cocreate.ui.palette import PaletteDock
from cocreate.ui.participants import ParticipantsDock
from cocreate.ui.recent import (
    SessionPlace,
    add_recent_file,
    clear_recent_files,
    recent_files,
    remember_session_place,
    remove_recent_file,
    session_place,
)
from cocreate.ui.recovery_dialog import RecoveryDialog
from cocreate.ui.session_dialog import SessionDetailsDialog
from cocreate.ui.tally import TallyDock
from cocreate.ui.timer import TimerPanel
from cocreate.ui.view_state import ViewPlace
from cocreate.ui.welcome import WelcomePage
from cocreate.ui.zoom_indicator import ZoomIndicator

FILE_SUFFIX = ".cocreate"
Key = QKeySequence.StandardKey

# The window as large as this where the screen allows; never smaller than the minimum, at
# which the docks, the toolbar and the canvas still fit side by side without overlapping.
PREFERRED_WINDOW_SIZE = QSize(1440, 900)
MIN_WINDOW_SIZE = QSize(960, 600)
# Room left on the screen for the window manager's frame and title bar, not known before
# the window is shown.
FRAME_ALLOWANCE = QSize(16, 40)
# The side columns start at these shares of the window's width, no wider than the widths
# given (the canvas gets the rest); the participants take this share of the left column.
LEFT_DOCK_SHARE, LEFT_DOCK_WIDTH = 0.22, 280
RIGHT_DOCK_SHARE, RIGHT_DOCK_WIDTH = 0.23, 300
PARTICIPANTS_SHARE = 0.62


class MainWindow(QMainWindow):
    """One window, one open session (or none: then it shows the welcome page)."""

    def __init__(self, translators: i18n.Translators, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._translators = translators
        self.document: Document | None = None
        self._undo_action: QAction | None = None
        self._redo_action: QAction | None = None
        # The language of the template texts of the open session, while New Session made it.
        self._template_language: str | None = None

        self._create_actions()
        self.welcome = WelcomePage([self.new_action, self.open_action, self.demo_action])
        self.tabs = JourneyTabs()
        self.find_bar = FindBar()
        canvas_page = QWidget()
        canvas_layout = QVBoxLayout(canvas_page)
        canvas_layout.setContentsMargins(0, 0, 0, 0)
        canvas_layout.setSpacing(0)
        canvas_layout.addWidget(self.find_bar)
        canvas_layout.addWidget(self.tabs, 1)
        self._canvas_page = canvas_page
        self._pages = QStackedWidget()
        self._pages.addWidget(self.welcome)
        self._pages.addWidget(canvas_page)
        self.setCentralWidget(self._pages)
        self.canvas = CanvasActions(
            self, self.tabs, self.find_bar, lambda: self._translators.language
        )
        self.exports = ExportActions(self, self.tabs, self.open_file)
        self.participants = ParticipantsDock(self)
        self.facilitation = FacilitationActions(
            self, self.tabs, lambda: self.participants.current_author()
        )
        self._create_docks()
        self._create_toolbar()
        self._create_menus()
        self.read_only_label = QLabel()
        self.read_only_label.setObjectName("readOnlyLabel")
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.zoom_indicator = ZoomIndicator(self.tabs)
        self.statusBar().addPermanentWidget(self.zoom_indicator)
        self.setMinimumSize(MIN_WINDOW_SIZE)
        self._fit_to_screen()
        self.retranslate()
        self._update_state()

    # -- actions and menus ----------------------------------------------------------------------

    def _action(self, slot, shortcut: Key | str | None = None) -> QAction:
        return make_action(self, slot, shortcut)

    def _create_actions(self) -> None:
        self.new_action = self._action(self.new_session, Key.New)
        self.open_action = self._action(self.choose_and_open, Key.Open)
        self.demo_action = self._action(self.open_demo)
        self.save_as_action = self._action(self.save_as, Key.SaveAs)
        self.close_action = self._action(self.close_session, Key.Close)
        self.quit_action = self._action(self.close, Key.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.clear_recent_action = self._action(self._clear_recent)
        self.details_action = self._action(self.edit_session_details, "Ctrl+Shift+I")
        self.rename_action = self._action(self.rename_session, "F2")
        self.expand_action = self._action(lambda: self.overview.set_collapsed(False))
        self.collapse_action = self._action(lambda: self.overview.set_collapsed(True))
        self.about_action = self._action(self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt_action = self._action(QApplication.aboutQt)
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in ["", *i18n.LANGUAGES]:
            action = QAction(self.language_group)
            action.setCheckable(True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            self.language_actions[code] = action
        self.language_actions[i18n.chosen_language()].setChecked(True)

    def _create_docks(self) -> None:
        self.palette = PaletteDock(self)
        self.inspector = InspectorDock(self)
        self.tally = TallyDock(self)
        self.timer_dock = QDockWidget(self)
        self.timer_dock.setObjectName("timerDock")
        self.timer_dock.setWidget(TimerPanel(self.facilitation.timer))
        self.overview = SessionOverview()
        self.outline_dock = QDockWidget(self)
        self.outline_dock.setObjectName("outlineDock")
        self.outline_dock.setWidget(self.overview)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.participants)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.timer_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.outline_dock)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.tally)
        self.tabifyDockWidget(self.inspector, self.outline_dock)
        self.tabifyDockWidget(self.inspector, self.tally)
        self.tabifyDockWidget(self.palette, self.timer_dock)
        self.inspector.raise_()
        self.palette.raise_()
        self.tabs.touchpoints_selected.connect(self.inspector.show_touchpoints)
        self.tabs.edit_requested.connect(self._edit_touchpoint)
        self.palette.activated.connect(self.canvas.add_card)
        self.participants.current_author_changed.connect(self.facilitation.author_changed)
        self.tally.item_activated.connect(self._show_item)
        self.tabs.currentChanged.connect(
            lambda _i: self.tally.set_journey(self.tabs.current_journey_id())
        )
        self.tabs.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        for number in range(1, 10):
            action = QAction(self)
            action.setShortcut(QKeySequence(str(number)))
            action.triggered.connect(
                lambda _c=False, n=number: self.participants.choose_by_number(n)
            )
            self.addAction(action)

    def _fit_to_screen(self) -> None:
        """The preferred size, or the screen's free area where that is smaller, centred on
        it; the docks get their initial sizes for that size."""
        area = self.screen().availableGeometry()
        room = area.size() - FRAME_ALLOWANCE
        size = PREFERRED_WINDOW_SIZE.boundedTo(room).expandedTo(MIN_WINDOW_SIZE)
        self.resize(size)
        spare = room - size
        self.move(area.topLeft() + QPoint(max(0, spare.width()), max(0, spare.height())) / 2)
        self._size_docks(size)

    def _size_docks(self, size: QSize) -> None:
        """Side columns as narrow as is comfortable, so the canvas gets the rest (the docks'
        minimum sizes win over these)."""
        left = min(LEFT_DOCK_WIDTH, int(size.width() * LEFT_DOCK_SHARE))
        right = min(RIGHT_DOCK_WIDTH, int(size.width() * RIGHT_DOCK_SHARE))
        self.resizeDocks([self.palette, self.inspector], [left, right], Qt.Orientation.Horizontal)
        height = size.height()
        participants = int(height * PARTICIPANTS_SHARE)
        self.resizeDocks(
            [self.participants, self.palette],
            [participants, height - participants],
            Qt.Orientation.Vertical,
        )

    def _show_item(self, kind: str, item_id: int) -> None:
        """A tally entry was chosen: select the note or card and bring it into view."""
        scene, view = self.tabs.current_scene(), self.tabs.current_view()
        if scene is None:
            return
        items = scene.notes if kind == "note" else scene.cards
        if item_id in items:
            scene.clearSelection()
            items[item_id].setSelected(True)
            view.centerOn(items[item_id])

    def _edit_touchpoint(self, touchpoint_id: int) -> None:
        self.inspector.show()
        self.inspector.raise_()
        self.inspector.show_touchpoints([touchpoint_id])
        self.inspector.focus_title()

    def _create_toolbar(self) -> None:
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar_toggle = self.toolbar.toggleViewAction()
        self._toolbar_undo_anchor = self.toolbar.addSeparator()
        canvas, workshop = self.canvas, self.facilitation
        for action in (
            canvas.new_journey_action,
            canvas.add_stage_action,
            canvas.add_lane_action,
            canvas.link_tool_action,
            None,
            workshop.new_note_action,
            workshop.private_action,
            workshop.start_voting_action,
            workshop.end_voting_action,
            workshop.presentation_action,
            None,
            canvas.zoom_out_action,
            canvas.zoom_in_action,
            canvas.fit_action,
            None,
            canvas.find_action,
        ):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)

    def _label_toolbar(self) -> None:
        """Short texts on the toolbar buttons, so that the toolbar fits the window even at its
        minimum width; the menus keep the full names, and so do the tooltips."""
        canvas, workshop = self.canvas, self.facilitation
        labels = {
            canvas.link_tool_action: self.tr("Link"),
            workshop.private_action: self.tr("Private"),
            workshop.start_voting_action: self.tr("Start Voting"),
            workshop.end_voting_action: self.tr("End Voting"),
            workshop.presentation_action: self.tr("Present"),
            canvas.zoom_out_action: self.tr("−"),
            canvas.zoom_in_action: self.tr("+"),
            canvas.fit_action: self.tr("Fit"),
        }
        for action, text in labels.items():
            action.setIconText(text)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.clear()
        for item in (
            self.new_action,
            self.open_action,
            self.recent_menu,
            self.demo_action,
            None,
            self.save_as_action,
            self.exports.menu,
            self.exports.import_action,
            None,
            self.close_action,
            self.quit_action,
        ):
            if item is None:
                self.file_menu.addSeparator()
            elif isinstance(item, QAction):
                self.file_menu.addAction(item)
            else:
                self.file_menu.addMenu(item)

        canvas = self.canvas
        self.edit_menu = bar.addMenu("")
        self._edit_separator = self.edit_menu.addSeparator()
        for action in (
            canvas.cut_action,
            canvas.copy_action,
            canvas.paste_action,
            canvas.duplicate_action,
            canvas.delete_action,
            None,
            canvas.select_all_action,
            None,
            canvas.find_action,
            canvas.find_next_action,
            canvas.find_previous_action,
            None,
            self.details_action,
            self.rename_action,
        ):
            if action is None:
                self.edit_menu.addSeparator()
            else:
                self.edit_menu.addAction(action)

        self.view_menu = bar.addMenu("")
        for action in (
            canvas.zoom_in_action,
            canvas.zoom_out_action,
            canvas.fit_action,
            canvas.fit_board_action,
            canvas.actual_size_action,
        ):
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.panels_menu = self.view_menu.addMenu("")
        for dock in (
            self.participants,
            self.palette,
            self.timer_dock,
            self.inspector,
            self.tally,
            self.outline_dock,
        ):
            self.panels_menu.addAction(dock.toggleViewAction())
        self.panels_menu.addAction(self.toolbar_toggle)
        self.view_menu.addAction(self.expand_action)
        self.view_menu.addAction(self.collapse_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)

        self.journey_menu = bar.addMenu("")
        for action in (
            canvas.new_journey_action,
            canvas.rename_journey_action,
            canvas.duplicate_journey_action,
            canvas.delete_journey_action,
            canvas.persona_action,
            None,
            canvas.add_stage_action,
            canvas.add_lane_action,
            canvas.hidden_lanes_menu,
            None,
            canvas.link_tool_action,
        ):
            if action is None:
                self.journey_menu.addSeparator()
            elif isinstance(action, QMenu):
                self.journey_menu.addMenu(action)
            else:
                self.journey_menu.addAction(action)

        workshop = self.facilitation
        self.workshop_menu = bar.addMenu("")
        for action in (
            workshop.new_note_action,
            workshop.group_action,
            workshop.ungroup_action,
            workshop.tidy_action,
            workshop.by_category_action,
            None,
            workshop.private_action,
            workshop.reveal_all_action,
            workshop.policy_menu,
            None,
            workshop.start_voting_action,
            workshop.end_voting_action,
            None,
            workshop.presentation_action,
            workshop.audience_action,
        ):
            if action is None:
                self.workshop_menu.addSeparator()
            elif isinstance(action, QMenu):
                self.workshop_menu.addMenu(action)
            else:
                self.workshop_menu.addAction(action)

        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)
        self.help_menu.addAction(self.about_qt_action)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.journey_menu.setTitle(self.tr("&Journey"))
        self.workshop_menu.setTitle(self.tr("&Workshop"))
        self.timer_dock.setWindowTitle(self.tr("Timer"))
        self.facilitation.retranslate()
        self.panels_menu.setTitle(self.tr("&Panels"))
        self.palette.setWindowTitle(self.tr("Palette"))
        self.outline_dock.setWindowTitle(self.tr("Outline"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.toolbar_toggle.setText(self.tr("&Toolbar"))
        self.canvas.retranslate()
        self.exports.retranslate()
        self._label_toolbar()
        self.help_menu.setTitle(self.tr("&Help"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.language_menu.setTitle(self.tr("&Language"))
        texts = {
            self.new_action: (self.tr("&New Session"), self.tr("Start a new, untitled session")),
            self.open_action: (self.tr("&Open…"), self.tr("Open a .cocreate session file")),
            self.demo_action: (
                self.tr("Open &Demo Session"),
                self.tr("Open a fresh copy of the demo salon of a coffee chain"),
            ),
            self.save_as_action: (
                self.tr("Save &As…"),
                self.tr("Copy the session to a file of your choice and go on working there"),
            ),
            self.close_action: (self.tr("&Close Session"), self.tr("Close the open session")),
            self.quit_action: (self.tr("&Quit"), self.tr("Quit cocreate")),
            self.clear_recent_action: (self.tr("&Clear Recent Files"), ""),
            self.details_action: (
                self.tr("Session &Details…"),
                self.tr("Edit the title, theme, brand, date, facilitator and goal"),
            ),
            self.rename_action: (self.tr("Re&name Session…"), self.tr("Change the session title")),
            self.expand_action: (self.tr("&Expand Outline"), self.tr("Show every row")),
            self.collapse_action: (self.tr("C&ollapse Outline"), self.tr("Show journeys only")),
            self.about_action: (self.tr("&About cocreate"), ""),
            self.about_qt_action: (self.tr("About &Qt"), ""),
        }
        set_texts(texts)
        self.language_actions[""].setText(self.tr("&System Language"))
        for code, name in i18n.LANGUAGES.items():
            self.language_actions[code].setText(name)
        if self.document is not None:
            self.document.retranslate_history()
        self._install_undo_actions()
        self._update_state()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = recent_files()
        for index, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{index % 10} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self._open_recent(p))
        if not paths:
            empty = self.recent_menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(paths))

    def _open_recent(self, path: Path) -> None:
        if not self.open_file(path) and not path.exists():
            remove_recent_file(path)  # said so in the dialog: no use offering it again

    def _clear_recent(self) -> None:
        clear_recent_files()

    # -- the open session -----------------------------------------------------------------------

    def _set_document(self, document: Document | None) -> None:
        if document is None:
            self.inspector.set_document(None)  # commits a field being typed in, first
        self.document = document
        self._template_language = None
        self.overview.set_document(document)
        self.tabs.set_document(document)
        self.canvas.set_document(document)
        self.participants.set_document(document)
        self.tally.set_document(document)
        self.tally.set_journey(self.tabs.current_journey_id())
        self.facilitation.set_document(document)
        self.exports.set_document(document)
        if document is not None:
            self.inspector.set_document(document)
        self._install_undo_actions()
        if document is not None:
            document.changed.connect(self._update_state)
            document.file_changed.connect(self._update_state)
            document.write_failed.connect(self._write_failed)
            if not document.untitled:
                add_recent_file(document.path)
                self._restore_place(document)
        self._update_state()

    def _restore_place(self, document: Document) -> None:
        """A file opened again shows the journey, the view and the current author it was
        left with (a journey or a person deleted since is skipped)."""
        place = session_place(document.path)
        if place is None:
            return
        if place.journey_id is not None:
            self.tabs.show_journey(place.journey_id)
        shown = self.tabs.current_journey_id() == place.journey_id
        if shown and place.zoom is not None and place.center is not None:
            self.tabs.restore_view_place(ViewPlace(place.zoom, QPointF(*place.center)))
        if place.author_id is not None:
            self.participants.set_current_author(place.author_id)

    def _remember_place(self, document: Document) -> None:
        if document.untitled:
            return
        view = self.tabs.current_view_place()
        place = SessionPlace(
            journey_id=self.tabs.current_journey_id(),
            zoom=view.zoom if view is not None else None,
            center=(view.center.x(), view.center.y()) if view is not None else None,
            author_id=self.participants.current_author(),
        )
        remember_session_place(document.path, place)

    def _install_undo_actions(self) -> None:
        """Undo and Redo come from the document's stack and name the action they take back."""
        for action in (self._undo_action, self._redo_action):
            if action is not None:
                self.edit_menu.removeAction(action)
                self.toolbar.removeAction(action)
                self.removeAction(action)
                action.deleteLater()
        self._undo_action = self._redo_action = None
        if self.document is None:
            return
        stack = self.document.undo_stack
        # Typing in the Inspector not yet written (within its 500 ms pause) is written first,
        # so that Undo takes it back rather than the action before it.
        self._undo_action = HistoryAction(
            self,
            stack,
            False,
            (self.tr("&Undo"), self.tr("&Undo %1")),
            before=self.inspector.form.commit_pending,
        )
        self._redo_action = HistoryAction(
            self, stack, True, (self.tr("&Redo"), self.tr("&Redo %1"))
        )
        self.edit_menu.insertAction(self._edit_separator, self._undo_action)
        self.edit_menu.insertAction(self._edit_separator, self._redo_action)
        self.toolbar.insertAction(self._toolbar_undo_anchor, self._undo_action)
        self.toolbar.insertAction(self._toolbar_undo_anchor, self._redo_action)
        self.addActions([self._undo_action, self._redo_action])  # presentation mode too

    def _update_state(self, _change: object = None) -> None:
        document = self.document
        has_session = document is not None
        editable = has_session and not document.read_only
        self._pages.setCurrentWidget(self._canvas_page if has_session else self.welcome)
        self.facilitation.update_state()
        for dock in (
            self.participants,
            self.palette,
            self.inspector,
            self.outline_dock,
            self.tally,
        ):
            dock.setEnabled(has_session)
        for action in (
            self.save_as_action,
            self.close_action,
            self.expand_action,
            self.collapse_action,
        ):
            action.setEnabled(has_session)
        for action in (self.details_action, self.rename_action):
            action.setEnabled(editable)
        if document is None:
            self.setWindowTitle("")
            self.read_only_label.clear()
            return
        title = document.session()["title"] or self.tr("Untitled session")
        where = self.tr("not saved yet") if document.untitled else document.path.name
        suffix = " " + self.tr("[read-only]") if document.read_only else ""
        self.setWindowTitle(f"{title} — {where}{suffix}")
        self.setWindowFilePath("" if document.untitled else str(document.path))
        self.read_only_label.setText(
            self.tr("Read-only: changes cannot be saved") if document.read_only else ""
        )

    def _write_failed(self, error: SessionFileError) -> None:
        show_file_error(self, self.tr("Change Not Saved"), error)

    def _replace_document(self, make) -> bool:
        """Close the open session (asking if needed), then open what make() returns."""
        if not self.close_session():
            return False
        try:
            document = make()
        except SessionFileError as error:
            show_file_error(self, self.tr("Cannot Open Session"), error)
            return False
        self._set_document(document)
        if document.read_only:
            QMessageBox.information(
                self,
                self.tr("Opened Read-Only"),
                self.tr(
                    "This file is read-only, so it was opened for viewing only and changes"
                    " cannot be saved to it. Use File > Save As… to make an editable copy."
                ),
            )
        return True

    def new_session(self) -> bool:
        """A new untitled session, its journey from the template in the language of the UI."""
        language = templates.language_code(self._translators.language)
        if not self._replace_document(lambda: Document.new_untitled(language)):
            return False
        self._template_language = language
        return True

    def _renew_untouched_session(self) -> None:
        """A session New Session made and nobody touched follows a switch of language: it
        starts over with the template's stage and lane names in the new language."""
        language = templates.language_code(self._translators.language)
        if self._template_language in (None, language) or self.document is None:
            return
        if self.document.untitled and self.document.is_blank():
            self.new_session()

    def open_demo(self) -> bool:
        return self._replace_document(Document.open_demo)

    def open_file(self, path: Path | str) -> bool:
        path = Path(path)
        if self.document is not None and self.document.path.resolve() == path.resolve():
            return True
        return self._replace_document(lambda: Document.open(path))

    def choose_and_open(self) -> bool:
        start = str(recent_files()[0].parent) if recent_files() else ""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Session"),
            start,
            self.tr("cocreate sessions (*.cocreate);;All files (*)"),
        )
        return self.open_file(path) if path else False

    def save_as(self) -> bool:
        if self.document is None:
            return False
        start = "" if self.document.untitled else str(self.document.path)
        if not start:
            title = self.document.session()["title"] or self.tr("Untitled session")
            safe = "".join(c for c in title if c not in '\\/:*?"<>|').strip() or "session"
            start = str(Path.home() / (safe + FILE_SUFFIX))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save Session As"), start, self.tr("cocreate sessions (*.cocreate)")
        )
        if not path:
            return False
        target = Path(path)
        if target.suffix != FILE_SUFFIX:
            target = target.with_name(target.name + FILE_SUFFIX)
        try:
            self.document.save_as(target)
        except SessionFileError as error:
            show_file_error(self, self.tr("Cannot Save Session"), error)
            return False
        except OSError as error:
            warn(
                self,
                self.tr("Cannot Save Session"),
                self.tr("%1\n\nThe session could not be written there: %2")
                .replace("%1", str(target))
                .replace("%2", error.strerror or str(error)),
            )
            return False
        add_recent_file(target)
        self.statusBar().showMessage(self.tr("Saved as %1").replace("%1", str(target)), 5000)
        return True

    def close_session(self) -> bool:
        """Close the open session. False when the person chose to keep it open."""
        document = self.document
        if document is None:
            return True
        discard = False
        if document.untitled:
            if document.is_blank():
                discard = True
            else:
                answer = QMessageBox.question(
                    self,
                    self.tr("Save Session?"),
                    self.tr(
                        "This session has not been saved under a name yet. Save it before"
                        " closing? If you discard it, its contents are deleted."
                    ),
                    QMessageBox.StandardButton.Save
                    | QMessageBox.StandardButton.Discard
                    | QMessageBox.StandardButton.Cancel,
                    QMessageBox.StandardButton.Save,
                )
                if answer == QMessageBox.StandardButton.Cancel:
                    return False
                if answer == QMessageBox.StandardButton.Save and not self.save_as():
                    return False
                discard = answer == QMessageBox.StandardButton.Discard
        self._remember_place(document)
        self._set_document(None)
        document.close(discard=discard)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape and self.facilitation.leave_presentation():
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.close_session():
            if self.facilitation.audience is not None:
                self.facilitation.audience.close()
            event.accept()
        else:
            event.ignore()

    def offer_recovery(self) -> None:
        sessions = recoverable_sessions()
        if not sessions:
            return
        dialog = RecoveryDialog(sessions, self)
        if dialog.exec() and dialog.chosen is not None:
            self.open_file(dialog.chosen)

    # -- edits ----------------------------------------------------------------------------------

    def edit_session_details(self) -> None:
        if self.document is None or self.document.read_only:
            return
        dialog = SessionDetailsDialog(self.document.session(), self)
        if dialog.exec():
            fields = dialog.changed_fields()
            if fields:
                self.document.set_session_fields(**fields)

    def rename_session(self) -> None:
        if self.document is None or self.document.read_only:
            return
        title, ok = QInputDialog.getText(
            self,
            self.tr("Rename Session"),
            self.tr("Session title:"),
            QLineEdit.EchoMode.Normal,
            self.document.session()["title"],
        )
        if ok:
            self.document.rename_session(title.strip())

    # -- view and help --------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        i18n.remember_language(code)
        self._translators.install(code)
        self.language_actions[code].setChecked(True)
        self._renew_untouched_session()
        QTimer.singleShot(0, self._update_state)

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About cocreate"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("cocreate %1").replace("%1", __version__))
        box.setInformativeText(
            self.tr(
                "A desktop tool for service-design co-creation salons: map the customer"
                " journey, collect sticky notes, vote, and share the service blueprint."
            )
        )
        box.exec()
