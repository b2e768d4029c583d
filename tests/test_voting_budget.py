"""A voting round's budget stays within what a session file may hold: a budget past it is
refused before anything is written, so the file still opens."""

from __future__ import annotations

import pytest

from cocreate.document import Document
from cocreate.rules import VOTE_BUDGET_MAX
from cocreate.store import SessionFile


def test_a_budget_past_the_limit_is_refused_and_the_file_still_opens(qapp, tmp_path):
    path = tmp_path / "salon.cocreate"
    SessionFile.create(path).close()
    document = Document.open(path)
    document.add_participant("Ann", "#81d4fa", "participant")
    with pytest.raises(ValueError):
        document.start_voting(VOTE_BUDGET_MAX + 1)
    assert document.start_voting(VOTE_BUDGET_MAX)
    document.close()
    reopened = Document.open(path)
    assert [row["vote_budget"] for row in reopened.rows("participant")] == [VOTE_BUDGET_MAX]
    reopened.close()
