"""The menu bar and the toolbar, declared as data; the main window builds them from it.

An entry names an action by its path from the window ("canvas.cut_action" is the window's
`canvas.cut_action`); a path may also lead to a QMenu (added as a submenu) or to a list or dict
of actions (each added in order). SEPARATOR is a line; HISTORY is the place of Undo and Redo,
which change with each session (a line they are put in front of). Titles and the toolbar's
short labels keep the main window's translation context.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

SEPARATOR = "-"
HISTORY = "history"
CONTEXT = "MainWindow"


@dataclass(frozen=True)
class Menu:
    """A menu: the window attribute that will hold it, its title and its entries."""

    name: str
    title: str
    items: tuple[str | Menu, ...]


MENU_BAR: tuple[Menu, ...] = (
    Menu(
        "file_menu",
        QT_TRANSLATE_NOOP("MainWindow", "&File"),
        (
            "session.new_action",
            "session.open_action",
            "session.recent_menu",
            "session.demo_action",
            SEPARATOR,
            "session.save_as_action",
            "exports.menu",
            "exports.import_action",
            "feedback.import_action",
            SEPARATOR,
            "session.close_action",
            "quit_action",
        ),
    ),
    Menu(
        "edit_menu",
        QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
        (
            HISTORY,
            "canvas.cut_action",
            "canvas.copy_action",
            "canvas.paste_action",
            "canvas.duplicate_action",
            "canvas.delete_action",
            SEPARATOR,
            "canvas.select_all_action",
            SEPARATOR,
            "canvas.find_action",
            "canvas.find_next_action",
            "canvas.find_previous_action",
            SEPARATOR,
            "details_action",
            "rename_action",
        ),
    ),
    Menu(
        "view_menu",
        QT_TRANSLATE_NOOP("MainWindow", "&View"),
        (
            "canvas.zoom_in_action",
            "canvas.zoom_out_action",
            "canvas.fit_action",
            "canvas.fit_board_action",
            "canvas.actual_size_action",
            SEPARATOR,
            "canvas.nps_colors_action",
            "canvas.score_line_action",
            SEPARATOR,
            Menu("panels_menu", QT_TRANSLATE_NOOP("MainWindow", "&Panels"), ("panel_toggles",)),
            "expand_action",
            "collapse_action",
            SEPARATOR,
            Menu(
                "language_menu",
                QT_TRANSLATE_NOOP("MainWindow", "&Language"),
                ("language_actions",),
            ),
        ),
    ),
    Menu(
        "journey_menu",
        QT_TRANSLATE_NOOP("MainWindow", "&Journey"),
        (
            "canvas.new_journey_action",
            "canvas.rename_journey_action",
            "canvas.duplicate_journey_action",
            "canvas.delete_journey_action",
            "canvas.persona_action",
            SEPARATOR,
            "canvas.add_stage_action",
            "canvas.add_lane_action",
            "canvas.hidden_lanes_menu",
            SEPARATOR,
            "canvas.link_tool_action",
        ),
    ),
    Menu(
        "workshop_menu",
        QT_TRANSLATE_NOOP("MainWindow", "&Workshop"),
        (
            "facilitation.new_note_action",
            "facilitation.group_action",
            "facilitation.ungroup_action",
            "facilitation.tidy_action",
            "facilitation.by_category_action",
            SEPARATOR,
            "facilitation.private_action",
            "facilitation.reveal_all_action",
            "facilitation.policy_menu",
            SEPARATOR,
            "facilitation.start_voting_action",
            "facilitation.end_voting_action",
            SEPARATOR,
            "facilitation.presentation_action",
            "facilitation.audience_action",
            SEPARATOR,
            "inviting.invite_action",
            "inviting.stop_action",
        ),
    ),
    Menu(
        "help_menu",
        QT_TRANSLATE_NOOP("MainWindow", "&Help"),
        ("about_action", "about_qt_action"),
    ),
)

TOOLBAR: tuple[str, ...] = (
    HISTORY,
    "canvas.new_journey_action",
    "canvas.add_stage_action",
    "canvas.add_lane_action",
    "canvas.link_tool_action",
    SEPARATOR,
    "facilitation.new_note_action",
    "facilitation.private_action",
    "facilitation.start_voting_action",
    "facilitation.end_voting_action",
    "facilitation.presentation_action",
    SEPARATOR,
    "canvas.zoom_out_action",
    "canvas.zoom_in_action",
    "canvas.fit_action",
    SEPARATOR,
    "canvas.find_action",
)

#: Short texts on the toolbar buttons, so that the toolbar fits the window even at its minimum
#: width; the menus keep the full names, and so do the tooltips.
TOOLBAR_LABELS: dict[str, str] = {
    "canvas.link_tool_action": QT_TRANSLATE_NOOP("MainWindow", "Link"),
    "facilitation.private_action": QT_TRANSLATE_NOOP("MainWindow", "Private"),
    "facilitation.start_voting_action": QT_TRANSLATE_NOOP("MainWindow", "Start Voting"),
    "facilitation.end_voting_action": QT_TRANSLATE_NOOP("MainWindow", "End Voting"),
    "facilitation.presentation_action": QT_TRANSLATE_NOOP("MainWindow", "Present"),
    "canvas.zoom_out_action": QT_TRANSLATE_NOOP("MainWindow", "−"),
    "canvas.zoom_in_action": QT_TRANSLATE_NOOP("MainWindow", "+"),
    "canvas.fit_action": QT_TRANSLATE_NOOP("MainWindow", "Fit"),
}


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def resolve(owner: object, path: str) -> object:
    """The object at a dotted attribute path from owner."""
    found = owner
    for part in path.split("."):
        found = getattr(found, part)
    return found


@dataclass
class BuiltMenus:
    """The menus built from MENU_BAR and TOOLBAR, by name, and the places of Undo and Redo."""

    menus: dict[str, QMenu] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    history_places: list[tuple[QWidget, QAction]] = field(default_factory=list)

    def retranslate(self, owner: object) -> None:
        for name, menu in self.menus.items():
            menu.setTitle(translate(self.titles[name]))
        for path, text in TOOLBAR_LABELS.items():
            action = resolve(owner, path)
            assert isinstance(action, QAction), path
            action.setIconText(translate(text))


def build(owner: object, bar: QMenuBar, toolbar: QToolBar) -> BuiltMenus:
    """Fill the menu bar and the toolbar from MENU_BAR and TOOLBAR."""
    built = BuiltMenus()
    for menu in MENU_BAR:
        _fill(bar.addMenu(""), menu, owner, built)
    _add_items(toolbar, TOOLBAR, owner, built)
    return built


def _fill(target: QMenu, menu: Menu, owner: object, built: BuiltMenus) -> None:
    built.menus[menu.name] = target
    built.titles[menu.name] = menu.title
    _add_items(target, menu.items, owner, built)


def _add_items(
    target: QMenu | QToolBar, items: Iterable[str | Menu], owner: object, built: BuiltMenus
) -> None:
    for item in items:
        if isinstance(item, Menu):
            assert isinstance(target, QMenu), item.name
            _fill(target.addMenu(""), item, owner, built)
        elif item == SEPARATOR:
            target.addSeparator()
        elif item == HISTORY:
            built.history_places.append((target, target.addSeparator()))
        else:
            _add_entry(target, resolve(owner, item), item)


def _add_entry(target: QMenu | QToolBar, entry: object, path: str) -> None:
    if isinstance(entry, dict):
        entry = list(entry.values())
    if isinstance(entry, list | tuple):
        for action in entry:
            _add_entry(target, action, path)
    elif isinstance(entry, QMenu) and isinstance(target, QMenu):
        target.addMenu(entry)
    elif isinstance(entry, QAction):
        target.addAction(entry)
    else:
        raise TypeError(f"{path}: not an action, a menu or a list of actions: {entry!r}")
