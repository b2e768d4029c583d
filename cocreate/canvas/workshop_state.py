"""The state of the workshop that every canvas shares: who is writing or voting now, the tool,
whether notes are coloured by category and cards by NPS, whether the emotion curve shows the
customers' scores, and whether the window presents.

The window's actions and panels set it; scenes and views observe it. It lives with the canvas
(not in ui/) because the scenes read it, and the canvas never imports the UI.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from cocreate.canvas.interactions.base import Mode


class WorkshopState(QObject):
    """One per window; each setter emits its signal only when the value changes."""

    author_changed = Signal(object)  # the participant id, or None
    tool_mode_changed = Signal(object)  # a Mode: SELECT or LINK
    color_by_category_changed = Signal(bool)
    presentation_changed = Signal(bool)
    nps_colors_changed = Signal(bool)
    score_line_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._author_id: int | None = None
        self._tool_mode = Mode.SELECT
        self._color_by_category = False
        self._presentation = False
        self._nps_colors = False
        self._score_line = False

    @property
    def current_author_id(self) -> int | None:
        """The participant who writes new notes and whose dots a vote click gives."""
        return self._author_id

    @current_author_id.setter
    def current_author_id(self, participant_id: int | None) -> None:
        if participant_id != self._author_id:
            self._author_id = participant_id
            self.author_changed.emit(participant_id)

    @property
    def tool_mode(self) -> Mode:
        """The tool chosen: select (and move) or link. A voting round overrides it."""
        return self._tool_mode

    @tool_mode.setter
    def tool_mode(self, mode: Mode) -> None:
        if mode is Mode.VOTE:
            raise ValueError("voting follows the session's round, not a tool")
        if mode is not self._tool_mode:
            self._tool_mode = mode
            self.tool_mode_changed.emit(mode)

    @property
    def color_by_category(self) -> bool:
        return self._color_by_category

    @color_by_category.setter
    def color_by_category(self, on: bool) -> None:
        if on != self._color_by_category:
            self._color_by_category = on
            self.color_by_category_changed.emit(on)

    @property
    def presentation(self) -> bool:
        """Presentation mode: larger, high-contrast notes and cluster titles."""
        return self._presentation

    @presentation.setter
    def presentation(self, on: bool) -> None:
        if on != self._presentation:
            self._presentation = on
            self.presentation_changed.emit(on)

    @property
    def nps_colors(self) -> bool:
        """Cards tinted by the NPS of their survey answers (View > Colour Cards by NPS)."""
        return self._nps_colors

    @nps_colors.setter
    def nps_colors(self, on: bool) -> None:
        if on != self._nps_colors:
            self._nps_colors = on
            self.nps_colors_changed.emit(on)

    @property
    def score_line(self) -> bool:
        """The emotion curve's second line: the customers' mean score of each stage."""
        return self._score_line

    @score_line.setter
    def score_line(self, on: bool) -> None:
        if on != self._score_line:
            self._score_line = on
            self.score_line_changed.emit(on)
