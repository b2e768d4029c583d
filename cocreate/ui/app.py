"""Start the GUI: the application object, translators, the window and its first session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from cocreate import __version__
from cocreate.canvas.paint import paint_on_this_thread
from cocreate.ui import i18n
from cocreate.ui.main_window import MainWindow
from cocreate.ui.memory import set_aside_what_exists


def create_application(argv: list[str] | None = None) -> QApplication:
    paint_on_this_thread()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("cocreate")
    app.setApplicationName("cocreate")
    app.setApplicationDisplayName("cocreate")
    app.setApplicationVersion(__version__)
    return app


def start_window(path: str | None = None, demo: bool = False) -> MainWindow:
    """The window with its first session: the given file, the demo, or a new session."""
    translators = i18n.Translators()
    translators.install(i18n.chosen_language())
    window = MainWindow(translators)
    window.showMaximized()
    set_aside_what_exists("window", session_open=False)  # before a session: it may close
    opened = False
    if demo:
        opened = window.open_demo()
    elif path:
        opened = window.open_file(path)
    if not opened and not window.session.no_room_for_new:
        window.new_session()  # when even that has no room, the window starts without one
    QTimer.singleShot(0, window.offer_recovery)
    return window


def start_inviting(window: MainWindow, address: str, port: int | None = None) -> bool:
    """`--invite`: inviting starts with the window, its link goes to stdout as one line
    (`join: LINK`, for a slide), and the invitation shows. False (said on stderr) when the
    room cannot start."""
    from cocreate.room.server import RoomStartError

    try:
        link = window.inviting.start(address, port)
    except RoomStartError as error:
        print(f"cocreate: {error}", file=sys.stderr, flush=True)
        return False
    print(f"join: {link}", flush=True)
    window.inviting.show_dialog()
    return True


def run_app(
    path: str | None = None, demo: bool = False, invite: tuple[str, int | None] | None = None
) -> int:
    """The GUI until it quits; invite: (address, port) to invite phones at once."""
    app = create_application()
    window = start_window(path, demo)
    if invite is not None and not start_inviting(window, *invite):
        window.close()
        return 1
    code = app.exec()
    if app.clipboard().ownsClipboard():
        # Copied cards die with the app anyway; clearing them first avoids a crash in
        # PySide's teardown of clipboard data that Python made.
        app.clipboard().clear()
    del window
    return code
