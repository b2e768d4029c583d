"""The .cocreate file: engine, pragmas, schema version, migrations, locks and recovery (no Qt)."""

from cocreate.store.errors import FileProblem, SessionFileError
from cocreate.store.ops import Delete, Insert, Op, Update
from cocreate.store.session_file import SessionFile

__all__ = [
    "Delete",
    "FileProblem",
    "Insert",
    "Op",
    "SessionFile",
    "SessionFileError",
    "Update",
]
