"""The open session file as a QObject, all of it but the edits (cocreate.document adds them).

It opens, closes and copies the file (Save As), runs each edit in one transaction (`_edit`),
applies row ops and tells the listeners (`apply`, `changed`), pushes the undo commands
(`execute`) and reads rows for the canvas and the window, in the edit's own transaction while
one runs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Self, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy import Connection

from cocreate import analysis
from cocreate.commands import RowCommand, TypingCommand
from cocreate.demo import write_demo
from cocreate.path_checks import same_file
from cocreate.records import Change, Row
from cocreate.store import FileProblem, SessionFile, SessionFileError
from cocreate.store.disk import write_error
from cocreate.store.lock import FileLock
from cocreate.store.ops import Op, insert_rows
from cocreate.store.paths import untitled_dir, untitled_dir_path
from cocreate.templates import journey_rows, template_name

T = TypeVar("T")


def one_edit(method: Callable[..., T]) -> Callable[..., T]:
    """An edit method of the Document runs in one transaction of the file (DocumentBase._edit)."""

    @functools.wraps(method)
    def in_one_transaction(self: DocumentBase, *args: Any, **kwargs: Any) -> T:
        refused = self._commits_refused
        with self._edit():
            result = method(self, *args, **kwargs)
        if self._commits_refused != refused and isinstance(result, int):
            # The file refused the commit: what the edit made is not there (False, no id).
            return False if isinstance(result, bool) else None  # type: ignore[return-value]
        return result

    return in_one_transaction


class EditNotSaved(SessionFileError):
    """The file refused an edit (all of it, when it was the disk): `edits` names each undo
    step that was not saved, in the language of the moment."""

    def __init__(self, error: SessionFileError, edits: Sequence[str]) -> None:
        super().__init__(error.path, error.problem, error.detail)
        self.edits = tuple(dict.fromkeys(edits))  # in order, each name once


@dataclass
class Batch:
    """Edits made together (DocumentBase.batch): whether the file took them."""

    committed: bool = False


def new_untitled_path() -> Path:
    """A new name in the folder of untitled sessions; SessionFileError when the folder cannot
    be made (a full disk)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    try:
        folder = untitled_dir()
    except OSError as error:
        raise write_error(untitled_dir_path(), error) from error
    return folder / f"untitled-{stamp}.cocreate"


class DocumentBase(QObject):
    """A session file opened for a window: opening, closing and Save As, the one transaction of
    each edit, the undo history and the reads. Document adds the edits."""

    # Emitted with a records.Change after every edit, undo and redo.
    changed = Signal(object)
    # Emitted when the file behind the document changes (Save As) or its state does.
    file_changed = Signal()
    # Emitted with a SessionFileError when a change could not be written: once an edit, an
    # EditNotSaved naming its undo steps when the file refused it.
    write_failed = Signal(object)
    # Emitted when the file takes an edit again after one or more it refused (space was freed).
    writes_resumed = Signal()

    def __init__(self, store: SessionFile, *, untitled: bool, parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self._untitled = untitled
        self._failures: list[SessionFileError] = []  # told when the edit's transaction ends
        self._commits_refused = 0  # edits whose commit the file refused (nothing was written)
        self._refusing = False  # the last edit the file was asked to take, it refused
        self._editing = False  # an edit (_edit) is in progress
        self._wrote = False  # the edit in progress wrote something
        self._pending: list[RowCommand] = []  # pushed once the edit's transaction commits
        self._attempted: list[str] = []  # the undo names of the edit in progress
        self._unsaved: list[str] = []  # ... and of those of its steps the file refused
        self.undo_stack = QUndoStack(self)

    # -- opening and closing -------------------------------------------------------------------

    @classmethod
    def new_untitled(cls, language: str = "en", template_id: str = "loyalty") -> Self:
        """A new session in the user data folder, until Save As gives it a place of its own.

        It starts with one journey from the template, named in the given language.
        """

        def fill(conn: Connection) -> None:
            name = template_name(template_id, language)
            insert_rows(conn, "journey", [{"id": 1, "name": name, "template": template_id}])
            stages, lanes = journey_rows(template_id, language, 1)
            insert_rows(conn, "stage", stages)
            insert_rows(conn, "lane", lanes)

        return cls(
            SessionFile.create(new_untitled_path(), fill=fill, language=language), untitled=True
        )

    @classmethod
    def open_demo(cls) -> Self:
        """A fresh copy of the demo session, as an untitled session (the original is data)."""
        path = new_untitled_path()
        write_demo(path)
        return cls.open(path)

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False) -> Self:
        """Open a file; raises SessionFileError (the file left as it was) when it cannot."""
        path = Path(path)
        store = SessionFile.open(path, read_only=read_only)
        untitled = path.resolve().parent == untitled_dir_path().resolve()
        return cls(store, untitled=untitled)

    def close(self, *, discard: bool = False) -> None:
        """Close the file. discard=True deletes an untitled session (never a saved file)."""
        path, untitled = self._store.path, self._untitled
        self.undo_stack.clear()
        self._store.close()
        if untitled and discard:
            path.unlink(missing_ok=True)

    @property
    def store(self) -> SessionFile:
        """The session file itself, for the command line, the tests and the benchmark. The
        canvas and the window never use it: they read through the methods below."""
        return self._store

    @property
    def path(self) -> Path:
        return self._store.path

    @property
    def read_only(self) -> bool:
        return self._store.read_only

    @property
    def untitled(self) -> bool:
        return self._untitled

    def is_blank(self) -> bool:
        """True while nobody has edited the session since it was made: safe to drop silently."""
        return self._store.never_edited()

    def save_as(self, target: Path | str) -> None:
        """Copy the session to target and go on working on the copy."""
        target = Path(target)
        if same_file(target, self.path):
            return
        lock = FileLock(target)  # before copying: never overwrite another window's file
        if not lock.acquire():
            raise SessionFileError(target, FileProblem.LOCKED)
        try:
            self._store.backup_to(target)
            new_store = SessionFile.open(target, held_lock=lock)
        except BaseException:
            lock.release()
            raise
        old_store, was_untitled = self._store, self._untitled
        self._store, self._untitled = new_store, False
        old_store.close()
        if was_untitled:
            old_store.path.unlink(missing_ok=True)
        self.file_changed.emit()

    def retranslate_history(self) -> None:
        """Name every action in the undo history in the current language."""
        for index in range(self.undo_stack.count()):
            command = self.undo_stack.command(index)
            if isinstance(command, RowCommand):
                command.retranslate()

    # -- edits ----------------------------------------------------------------------------------

    def execute(
        self,
        name: str,
        ops: list[Op | None],
        burst: Hashable | None = None,
        args: Sequence[str] = (),
    ) -> bool:
        """Apply ops as one undoable action named `name`. False when nothing was written.

        `name` is an English source text of the "Document" context, marked for lupdate with
        QT_TRANSLATE_NOOP("Document", ...): the undo history translates it when shown, then
        fills its %1, %2, … with `args` (people's names stay as they are).
        A `burst` makes it a TypingCommand, merged with the last action of the same burst.
        """
        real_ops = [op for op in ops if op is not None]
        if not real_ops:
            return False
        refused = self._commits_refused
        with self._edit():
            command = (
                RowCommand(self, name, real_ops, args)
                if burst is None
                else TypingCommand(self, name, real_ops, burst, args)
            )
            self._attempted.append(command.text())
            if not self.apply(real_ops):
                self._unsaved.append(command.text())
                return False
            self._pending.append(command)  # on the undo stack once the file took it
        return self._commits_refused == refused

    def apply(self, ops: list[Op], step: str = "") -> bool:
        """Write row ops in one transaction and tell the listeners, outside the undo history:
        the undo commands replay their ops through it (`step`: "Undo Add Note", what a refusal
        names). False when the file refused them."""
        refused = self._commits_refused
        with self._edit():
            if step:
                self._attempted.append(step)
            try:
                change: Change = self._store.apply(ops)
            except SessionFileError as error:
                self._failures.append(error)
                if step:
                    self._unsaved.append(step)
                return False
            self._wrote = True
            # Inside the edit's transaction: what the listeners read to show the change is
            # read in it too.
            self.changed.emit(change)
        return self._commits_refused == refused

    @contextmanager
    def _edit(self) -> Iterator[None]:
        """One transaction for one edit: its reads, its writes and the listeners' reads.

        Its undo commands go on the stack once the file took the edit, so a refused edit is
        never on it and the history before it stays. A full or failing disk refuses the whole
        edit (cocreate.store.SessionFile.edit). When the commit fails, nothing of the edit is
        in the file although the screen was told it was: every listener is told to show the
        file again. Failures are told (write_failed) once it is over, never while it is open,
        and once for the edit."""
        if self._editing:
            yield  # part of the edit in progress
            return
        self._editing, self._wrote = True, False
        refused: SessionFileError | None = None
        try:
            if self._store.read_only:
                yield  # its writes are refused one by one (write_failed)
            else:
                with self._store.edit():
                    yield
        except SessionFileError as error:
            refused = error
        finally:
            self._editing = False
            pending, self._pending = self._pending, []
            attempted, self._attempted = self._attempted, []
            unsaved, self._unsaved = self._unsaved, []
            failures, self._failures = self._failures, []
        if refused is None:
            for command in pending:
                self.undo_stack.push(command)
        else:
            self._commits_refused += 1
            self.changed.emit(Change.everything())
            failures, unsaved = [refused], attempted  # the commit took the statements' failures
        self._tell(failures, unsaved)

    def _tell(self, failures: list[SessionFileError], unsaved: list[str]) -> None:
        """Say once what the edit just over could not write; or, after refusals, that the file
        takes edits again."""
        if failures:
            self._refusing = True
            self.write_failed.emit(EditNotSaved(failures[0], unsaved))
        elif self._refusing and self._wrote:
            self._refusing = False
            self.writes_resumed.emit()

    @contextmanager
    def batch(self) -> Iterator[Batch]:
        """Several edits in one transaction of the file: one commit, one sync to the disk, and
        each edit still its own undo command. Once the block is over, `committed` says whether
        the file took them (a refused commit writes none of them and is told as usual)."""
        batch = Batch()
        refused = self._commits_refused
        with self._edit():
            yield batch
        batch.committed = self._commits_refused == refused

    # -- reading --------------------------------------------------------------------------------
    # While an edit runs, these read in its transaction (what its listeners show is what it wrote).

    def session(self) -> Row:
        return self._store.session_row()

    def row(self, table_name: str, row_id: int) -> Row | None:
        return self._store.row(table_name, row_id)

    def rows(self, table_name: str, order_by: str = "id", **where: Any) -> list[Row]:
        """The rows whose columns equal `where`, ordered by a column (then by id)."""
        return self._store.rows(table_name, order_by, **where)

    def rows_by_id(self, table_name: str, ids: Iterable[int]) -> dict[int, Row]:
        """The rows with these ids that exist, by id."""
        return self._store.rows_by_id(table_name, ids)

    def count(self, table_name: str, **where: Any) -> int:
        return self._store.count(table_name, **where)

    def votes_on(self, note_ids: Iterable[int], touchpoint_ids: Iterable[int]) -> list[Row]:
        """The votes on these notes and cards."""
        return self._store.votes_on(note_ids, touchpoint_ids)

    def latest_round(self) -> int:
        """The voting round running, else the last one that has votes (0: none yet)."""
        return analysis.latest_round(self._store)

    def tally(self, journey_id: int, voting_round: int) -> list[analysis.TallyEntry]:
        """The journey's voted notes and cards of a round, ranked by their dots."""
        return analysis.tally(self._store, journey_id, voting_round)
