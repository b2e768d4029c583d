"""A label that changes often (a voter's dots left) repaints in place, and still gets the lines
a longer text needs: its box asks for a new size when, and only when, the text needs one."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from cocreate.ui.quiet_label import QuietLabelBox


def test_a_text_that_needs_more_lines_gets_them_and_gives_them_back(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    label = QLabel()
    label.setWordWrap(True)
    box = QuietLabelBox(label)
    layout.addWidget(box)
    layout.addStretch(1)
    holder.resize(180, 400)
    holder.show()
    qtbot.waitExposed(holder)

    def shown_height() -> int:
        for _turn in range(3):
            QApplication.processEvents()
        assert label.geometry() == box.rect()  # the label fills its box
        return box.height()

    box.set_text("Votes left: 3 of 3")
    one_line = shown_height()
    box.set_text("Votes left: 2 of 3")  # the same size: nothing to lay out
    assert shown_height() == one_line and label.text() == "Votes left: 2 of 3"

    long = "剩余票数 Votes left for this person in the round that runs now: 2 of 3"
    box.set_text(long)
    assert shown_height() >= label.heightForWidth(box.width()) > one_line
    box.set_text("Votes left: 1 of 3")
    assert shown_height() == one_line
