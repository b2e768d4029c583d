"""The main window: it wires the document, the views, the actions and the menus, nothing more."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cocreate import __version__
from cocreate.canvas.text_limits import ask_line
from cocreate.document import Document, SessionFileError
from cocreate.ui import i18n, menus
from cocreate.ui.actions import HistoryAction, make_action, set_texts
from cocreate.ui.canvas_actions import CanvasActions
from cocreate.ui.export_actions import ExportActions
from cocreate.ui.facilitation import FacilitationActions
from cocreate.ui.feedback_actions import FeedbackImport
from cocreate.ui.find_bar import FindBar
from cocreate.ui.inspector import InspectorDock
from cocreate.ui.inviting import Inviting
from cocreate.ui.journey_tabs import JourneyTabs
from cocreate.ui.overview import SessionOverview
from cocreate.ui.palette import PaletteDock
from cocreate.ui.panels import follow_dock
from cocreate.ui.participants import ParticipantsDock
from cocreate.ui.phones_panel import PhonesPanel
from cocreate.ui.session_controller import SessionController
from cocreate.ui.session_dialog import SessionDetailsDialog
from cocreate.ui.tally import TallyDock
from cocreate.ui.timer import TimerPanel
from cocreate.ui.welcome import WelcomePage
from cocreate.ui.write_failures import WriteFailures
from cocreate.ui.zoom_indicator import ZoomIndicator

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

    # Built from cocreate.ui.menus.MENU_BAR, under these names.
    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    panels_menu: QMenu
    language_menu: QMenu
    journey_menu: QMenu
    workshop_menu: QMenu
    help_menu: QMenu

    def __init__(self, translators: i18n.Translators, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._translators = translators
        self.document: Document | None = None
        self._undo_action: QAction | None = None
        self._redo_action: QAction | None = None
        self.session = SessionController(self, self, lambda: self._translators.language)
        self._create_actions()
        session = self.session
        self.welcome = WelcomePage([session.new_action, session.open_action, session.demo_action])
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
        self.exports = ExportActions(self, self.tabs, self.session.open_file)
        self.feedback = FeedbackImport(self, self.tabs)
        self.participants = ParticipantsDock(self)
        self.facilitation = FacilitationActions(
            self, self.tabs, lambda: self.participants.current_author()
        )
        self.inviting = Inviting(self, self.tabs, self.facilitation)
        self._create_docks()
        self._create_menus()
        self.read_only_label = QLabel()
        self.read_only_label.setObjectName("readOnlyLabel")
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.zoom_indicator = ZoomIndicator(self.tabs)
        self.statusBar().addPermanentWidget(self.zoom_indicator)
        self.write_failures = WriteFailures(self)
        self.setMinimumSize(MIN_WINDOW_SIZE)
        self._fit_to_screen()
        self.retranslate()
        self._update_state()

    # -- actions and menus ----------------------------------------------------------------------

    def _action(self, slot, shortcut: Key | str | None = None) -> QAction:
        return make_action(self, slot, shortcut)

    def _create_actions(self) -> None:
        self.quit_action = self._action(self.close, Key.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
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
        follow_dock(self.outline_dock, self.overview, self.overview.dock_shown)
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
        self.phones_panel = PhonesPanel(self.inviting, self.participants)
        self.participants.widget().layout().addWidget(self.phones_panel)
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

    def _create_menus(self) -> None:
        """The menu bar and the toolbar, from their declaration in cocreate.ui.menus."""
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar_toggle = self.toolbar.toggleViewAction()
        docks = (
            self.participants,
            self.palette,
            self.timer_dock,
            self.inspector,
            self.tally,
            self.outline_dock,
        )
        self.panel_toggles = [dock.toggleViewAction() for dock in docks] + [self.toolbar_toggle]
        self._menus = menus.build(self, self.menuBar(), self.toolbar)
        for name, menu in self._menus.menus.items():
            setattr(self, name, menu)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.timer_dock.setWindowTitle(self.tr("Timer"))
        self.facilitation.retranslate()
        self.inviting.retranslate()
        self.palette.setWindowTitle(self.tr("Palette"))
        self.outline_dock.setWindowTitle(self.tr("Outline"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.toolbar_toggle.setText(self.tr("&Toolbar"))
        self.canvas.retranslate()
        self.exports.retranslate()
        self.session.retranslate()
        self._menus.retranslate(self)
        texts = {
            self.quit_action: (self.tr("&Quit"), self.tr("Quit cocreate")),
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

    # -- the open session -----------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        """Show document (or, with None, the welcome page) in every view of the window."""
        if document is None:
            self.inspector.set_document(None)  # commits a field being typed in, first
        self.document = document
        self.overview.set_document(document)
        self.tabs.set_document(document)
        self.canvas.set_document(document)
        self.participants.set_document(document)
        self.tally.set_document(document)
        self.tally.set_journey(self.tabs.current_journey_id())
        self.facilitation.set_document(document)
        self.inviting.set_document(document)  # another session ends the invitation
        self.exports.set_document(document)
        self.feedback.set_document(document)
        if document is not None:
            self.inspector.set_document(document)
        self._install_undo_actions()
        if document is not None:
            document.changed.connect(self._update_state)
            document.file_changed.connect(self._update_state)
            document.write_failed.connect(self._write_failed)
            document.writes_resumed.connect(self.write_failures.resumed)
        self._update_state()

    _set_document = set_document  # the name the tests' fixtures close a session with

    def _install_undo_actions(self) -> None:
        """Undo and Redo come from the document's stack and name the action they take back."""
        for action in (self._undo_action, self._redo_action):
            if action is not None:
                for widget, _place in self._menus.history_places:
                    widget.removeAction(action)
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
        for widget, place in self._menus.history_places:
            widget.insertActions(place, [self._undo_action, self._redo_action])
        self.addActions([self._undo_action, self._redo_action])  # presentation mode too

    def _update_state(self, _change: object = None) -> None:
        document = self.document
        has_session = document is not None
        editable = has_session and not document.read_only
        self._pages.setCurrentWidget(self._canvas_page if has_session else self.welcome)
        self.facilitation.update_state()
        self.inviting.update_state()
        for dock in (
            self.participants,
            self.palette,
            self.inspector,
            self.outline_dock,
            self.tally,
        ):
            dock.setEnabled(has_session)
        self.session.update_state()
        for action in (self.expand_action, self.collapse_action):
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
        self.write_failures.failed(error)  # one dialog, then the status bar while it lasts

    # The session's life, for app.py and the tests: the controller does the work.

    def new_session(self) -> bool:
        return self.session.new_session()

    def open_demo(self) -> bool:
        return self.session.open_demo()

    def open_file(self, path: Path | str) -> bool:
        return self.session.open_file(path)

    def close_session(self) -> bool:
        return self.session.close_session()

    def offer_recovery(self) -> None:
        self.session.offer_recovery()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape and self.facilitation.leave_presentation():
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self.close_session():
            self.inviting.stop()
            if self.facilitation.audience is not None:
                self.facilitation.audience.close()
            event.accept()
        else:
            event.ignore()

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
        title, ok = ask_line(
            self,
            self.tr("Rename Session"),
            self.tr("Session title:"),
            self.document.session()["title"],
            "renameSessionDialog",
        )
        if ok:
            self.document.rename_session(title.strip())

    # -- view and help --------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        i18n.remember_language(code)
        self._translators.install(code)
        self.language_actions[code].setChecked(True)
        self.session.language_changed()
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
