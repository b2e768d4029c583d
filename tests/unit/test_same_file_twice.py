"""One file is open in one window at most, whatever path reaches it: "already open" is keyed on
the file's identity on the disk (device and inode), not only on the path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cocreate.store import FileProblem, Insert, SessionFile, SessionFileError

pytestmark = pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links here")


def snapshot(path: Path) -> bytes:
    return path.read_bytes()


@pytest.fixture
def session(tmp_path: Path) -> Path:
    path = tmp_path / "salon.cocreate"
    SessionFile.create(path, title="Salon").close()
    return path


def test_a_hard_link_to_an_open_file_is_refused_as_already_open(session: Path) -> None:
    link = session.with_name("same salon.cocreate")
    os.link(session, link)
    first = SessionFile.open(session)
    try:
        before = snapshot(session)
        with pytest.raises(SessionFileError) as caught:
            SessionFile.open(link)
        assert caught.value.problem is FileProblem.LOCKED
        assert caught.value.path == link
        assert snapshot(session) == before
        first.apply([Insert("persona", {"name": "still writable"})])
    finally:
        first.close()
    second = SessionFile.open(link)  # once the first window closed it, the link opens
    second.close()


def test_the_link_open_first_keeps_the_original_path_out(session: Path) -> None:
    link = session.with_name("same salon.cocreate")
    os.link(session, link)
    first = SessionFile.open(link)
    try:
        with pytest.raises(SessionFileError) as caught:
            SessionFile.open(session)
        assert caught.value.problem is FileProblem.LOCKED
    finally:
        first.close()


def test_a_symbolic_link_to_an_open_file_is_refused(session: Path) -> None:
    link = session.with_name("shortcut.cocreate")
    link.symlink_to(session)
    first = SessionFile.open(session)
    try:
        with pytest.raises(SessionFileError) as caught:
            SessionFile.open(link)
        assert caught.value.problem is FileProblem.LOCKED
    finally:
        first.close()


def test_a_file_just_created_is_open_under_its_identity_too(tmp_path: Path) -> None:
    path = tmp_path / "new.cocreate"
    store = SessionFile.create(path, title="New")
    try:
        link = tmp_path / "link.cocreate"
        os.link(path, link)
        with pytest.raises(SessionFileError) as caught:
            SessionFile.open(link)
        assert caught.value.problem is FileProblem.LOCKED
    finally:
        store.close()


def test_save_as_onto_a_hard_link_of_an_open_file_leaves_it_alone(
    session: Path, tmp_path: Path
) -> None:
    from cocreate.document import Document

    link = tmp_path / "theirs.cocreate"
    os.link(session, link)
    theirs = SessionFile.open(session)
    mine = Document.new_untitled("en")
    try:
        before = snapshot(session)
        with pytest.raises(SessionFileError) as caught:
            mine.save_as(link)
        assert caught.value.problem is FileProblem.LOCKED
        assert snapshot(session) == before
        assert mine.untitled
    finally:
        mine.close(discard=True)
        theirs.close()


def test_a_file_saved_as_is_locked_under_its_new_identity(tmp_path: Path) -> None:
    from cocreate.document import Document

    target = tmp_path / "saved.cocreate"
    mine = Document.new_untitled("en")
    try:
        mine.save_as(target)
        link = tmp_path / "saved link.cocreate"
        os.link(target, link)
        with pytest.raises(SessionFileError) as caught:
            SessionFile.open(link)
        assert caught.value.problem is FileProblem.LOCKED
    finally:
        mine.close()
