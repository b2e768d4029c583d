"""The Workshop menu: notes, clusters, private mode, dot voting, the timer, presentation mode
and the audience display. The main window puts these actions in its menus and toolbar."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QMessageBox, QToolBar

from cocreate.document import Document
from cocreate.model import RevealPolicy
from cocreate.records import Change
from cocreate.ui.actions import make_action, set_texts
from cocreate.ui.audience import AudienceWindow
from cocreate.ui.journey_tabs import JourneyTabs
from cocreate.ui.timer import CountdownTimer, TimerOverlay
from cocreate.ui.voting_dialog import StartVotingDialog


@dataclass
class SessionFacts:
    """What the Workshop actions show of the file, kept while changes cannot alter it."""

    private_mode: bool = False
    reveal_policy: str = RevealPolicy.FACILITATOR.value
    voting: bool = False
    hidden_notes: bool = False
    has_people: bool = False

    def read_session(self, document: Document) -> None:
        session = document.session()
        self.private_mode = bool(session["private_mode"])
        self.reveal_policy = session["reveal_policy"]
        self.voting = bool(session["voting_round"])

    def follow(self, document: Document, change: Change) -> None:
        """Re-read only what the change may have altered (Change.everything(): all of it)."""
        if "session" in change.tables:
            self.read_session(document)
        if "participant" in change.tables and (
            not change.names_rows("participant")
            or change.deleted.get("participant")
            or (change.inserted.get("participant") and not self.has_people)
        ):
            self.has_people = bool(document.count("participant"))
        if "note" in change.tables:
            self._follow_notes(document, change)

    def _follow_notes(self, document: Document, change: Change) -> None:
        """Whether face-down notes are left: counted again only when notes were turned over
        or face-down ones deleted; a face-down note added is one."""
        if not change.names_rows("note") or "hidden" in change.fields.get("note", set()):
            self.hidden_notes = bool(document.count("note", hidden=True))
        elif self.hidden_notes:
            if any(row["hidden"] for row in change.removed.get("note", {}).values()):
                self.hidden_notes = bool(document.count("note", hidden=True))
        elif change.inserted.get("note"):
            added = document.rows_by_id("note", change.inserted["note"])
            self.hidden_notes = any(row["hidden"] for row in added.values())


class FacilitationActions(QObject):
    """Owns the Workshop actions and does what they say on the open session."""

    def __init__(self, window: QMainWindow, tabs: JourneyTabs, author) -> None:
        super().__init__(window)
        self.window = window
        self.tabs = tabs
        self._author = author  # callable: the current author's participant id, or None
        self.document: Document | None = None
        self.facts = SessionFacts()
        self.timer = CountdownTimer(self)
        self.audience: AudienceWindow | None = None
        self._saved_state: bytes | None = None

        def make(slot, shortcut=None, checkable: bool = False) -> QAction:
            return make_action(window, slot, shortcut, checkable)

        self.new_note_action = make(self.new_note, "N")
        self.group_action = make(self.group, "Ctrl+G")
        self.ungroup_action = make(self.ungroup, "Ctrl+Shift+G")
        self.tidy_action = make(self.tidy)
        self.by_category_action = make(self.color_by_category, None, checkable=True)
        self.private_action = make(self.set_private_mode, None, checkable=True)
        self.reveal_all_action = make(self.reveal_all)
        self.policy_group = QActionGroup(window)
        self.policy_actions: dict[str, QAction] = {}
        for policy in RevealPolicy:
            action = QAction(self.policy_group)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, p=policy.value: self.set_policy(p))
            self.policy_actions[policy.value] = action
        self.policy_menu = QMenu(window)
        self.policy_menu.addActions(list(self.policy_actions.values()))
        self.start_voting_action = make(self.start_voting)
        self.end_voting_action = make(self.end_voting)
        self.presentation_action = make(self.set_presentation, "F11", checkable=True)
        self.audience_action = make(self.set_audience, "Ctrl+Shift+F11", checkable=True)

        tabs.currentChanged.connect(self._current_changed)
        tabs.touchpoints_selected.connect(self.update_state)  # on every selection change
        self.retranslate()

    # -- texts and state ------------------------------------------------------------------------

    def retranslate(self) -> None:
        texts = {
            self.new_note_action: (
                self.tr("New &Note"),
                self.tr("Add a sticky note for the current author (N)"),
            ),
            self.group_action: (
                self.tr("&Group Notes"),
                self.tr("Put the selected notes in a new cluster"),
            ),
            self.ungroup_action: (
                self.tr("&Ungroup"),
                self.tr("Dissolve the clusters of the selected notes"),
            ),
            self.tidy_action: (
                self.tr("&Tidy Cluster"),
                self.tr("Arrange the cluster's notes in a grid"),
            ),
            self.by_category_action: (
                self.tr("Colour Notes by &Category"),
                self.tr("Colour notes by pain point, idea, question, praise or need"),
            ),
            self.private_action: (
                self.tr("&Private Mode"),
                self.tr("New notes show only their backs until they are revealed"),
            ),
            self.reveal_all_action: (
                self.tr("&Reveal All Notes"),
                self.tr("Turn every private note over at once"),
            ),
            self.start_voting_action: (
                self.tr("Start &Voting Round…"),
                self.tr("Give every participant dots to vote with; click a note or card to vote"),
            ),
            self.end_voting_action: (
                self.tr("&End Voting Round"),
                self.tr("Stop voting; the votes stay in the file"),
            ),
            self.presentation_action: (
                self.tr("Presentation &Mode"),
                self.tr("Full screen, larger text, no panels (F11; Esc leaves)"),
            ),
            self.audience_action: (
                self.tr("&Audience Display"),
                self.tr("Show the board on the second screen (a projector), following this view"),
            ),
        }
        set_texts(texts)
        self.policy_menu.setTitle(self.tr("Reveal &Policy"))
        self.policy_actions[RevealPolicy.FACILITATOR.value].setText(
            self.tr("The Facilitator Reveals All Notes at Once")
        )
        self.policy_actions[RevealPolicy.AUTHOR.value].setText(
            self.tr("Each Author Reveals Their Own Notes")
        )

    def set_document(self, document: Document | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._document_changed)
        self.document = document
        self.facts = SessionFacts()
        if document is not None:
            self.facts.follow(document, Change.everything())
            document.changed.connect(self._document_changed)
        self._current_changed()

    def _document_changed(self, change: Change) -> None:
        self.facts.follow(self.document, change)
        self.update_state()

    def update_state(self, *_args) -> None:
        """Enable and check the actions by the selection and the file's facts (no reading)."""
        document, facts = self.document, self.facts
        editable = document is not None and not document.read_only
        scene = self.tabs.current_scene()
        notes = scene.selected_note_ids() if scene else []
        clusters = bool(notes) and bool(scene.selected_clusters())
        self.new_note_action.setEnabled(editable and scene is not None)
        self.group_action.setEnabled(editable and bool(notes))
        self.ungroup_action.setEnabled(editable and clusters)
        self.tidy_action.setEnabled(editable and clusters)
        self.by_category_action.setEnabled(scene is not None)
        self.private_action.setEnabled(editable)
        self.private_action.setChecked(facts.private_mode)
        if facts.reveal_policy in self.policy_actions:
            self.policy_actions[facts.reveal_policy].setChecked(True)
        for action in self.policy_actions.values():
            action.setEnabled(editable)
        self.reveal_all_action.setEnabled(
            editable
            and facts.hidden_notes
            and facts.reveal_policy == RevealPolicy.FACILITATOR.value
        )
        self.start_voting_action.setEnabled(editable and not facts.voting and facts.has_people)
        self.end_voting_action.setEnabled(editable and facts.voting)
        self.presentation_action.setEnabled(document is not None)
        self.audience_action.setEnabled(document is not None)

    def _current_changed(self, *_args) -> None:
        self.tabs.state.current_author_id = self._author()
        for view in self.tabs.views.values():
            if view.findChild(TimerOverlay) is None:  # the overlay lives as long as the view
                TimerOverlay(self.timer).attach(view.viewport())
        if self.audience is not None:
            self.audience.follow(self.tabs.current_view())
        self.update_state()

    def author_changed(self, participant_id: int | None) -> None:
        self.tabs.state.current_author_id = participant_id

    # -- notes and clusters ---------------------------------------------------------------------

    def new_note(self) -> None:
        view = self.tabs.current_view()
        if view is not None and self.document is not None and not self.document.read_only:
            self.tabs.state.current_author_id = self._author()
            view.new_note_at_cursor()

    def group(self) -> None:
        scene = self.tabs.current_scene()
        if scene is not None:
            scene.group_selection()

    def ungroup(self) -> None:
        scene = self.tabs.current_scene()
        if scene is None or self.document is None:
            return
        self.document.ungroup(scene.selected_clusters())

    def tidy(self) -> None:
        scene = self.tabs.current_scene()
        if scene is not None:
            scene.tidy_clusters(scene.selected_clusters())

    def color_by_category(self, on: bool) -> None:
        self.tabs.state.color_by_category = on

    # -- private mode and voting ----------------------------------------------------------------

    def set_private_mode(self, on: bool) -> None:
        if self.document is not None:
            self.document.set_private_mode(on)
        self.update_state()

    def set_policy(self, policy: str) -> None:
        if self.document is not None:
            self.document.set_reveal_policy(policy)
        self.update_state()

    def reveal_all(self) -> None:
        if self.document is None:
            return
        hidden = [row["id"] for row in self.document.rows("note", hidden=True)]
        self.document.reveal_notes(hidden)

    def start_voting(self) -> None:
        if self.document is None:
            return
        dialog = StartVotingDialog(self.window)
        if dialog.exec():
            self.document.start_voting(dialog.budget())

    def end_voting(self) -> None:
        if self.document is not None:
            self.document.end_voting()

    # -- presentation and the audience display --------------------------------------------------

    def set_presentation(self, on: bool) -> None:
        window = self.window
        if on:
            self._saved_state = window.saveState()
            for widget in (*window.findChildren(QDockWidget), *window.findChildren(QToolBar)):
                widget.hide()
            window.menuBar().hide()
            window.statusBar().hide()
            window.showFullScreen()
        else:
            window.menuBar().show()
            window.statusBar().show()
            if self._saved_state is not None:
                window.restoreState(self._saved_state)
            window.showNormal()
            window.showMaximized()
        self.tabs.state.presentation = on
        self._refit(on)
        QTimer.singleShot(50, lambda: self._refit(on))  # again once the window has its size

    def _refit(self, on: bool) -> None:
        for view in self.tabs.views.values():
            if on and view.journey_scene().notes:
                view.zoom_to_board()  # the notes, as large as the screen allows
            else:
                view.auto_fit = True
                view.zoom_to_fit()
            view.viewport().update()

    def leave_presentation(self) -> bool:
        """Escape in presentation mode (when no editor took it): back to the normal window."""
        if not self.presentation_action.isChecked():
            return False
        self.presentation_action.setChecked(False)
        self.set_presentation(False)
        return True

    def set_audience(self, on: bool) -> None:
        if on:
            if self.audience is None:
                self.audience = AudienceWindow(self.timer)
                self.audience.closed.connect(lambda: self.audience_action.setChecked(False))
            screens = QGuiApplication.screens()
            primary = self.window.screen()
            others = [screen for screen in screens if screen is not primary]
            self.audience.show_on(others[0] if others else None)
            self.audience.follow(self.tabs.current_view())
            if not others:
                QMessageBox.information(
                    self.window,
                    self.tr("Audience Display"),
                    self.tr(
                        "No second screen was found, so the audience display opens in a"
                        " window. Connect a projector and move the window there, or turn the"
                        " audience display off and on again."
                    ),
                )
        elif self.audience is not None:
            self.audience.hide()
            self.audience.follow(None)
