"""Tests that must not run at the same time share an xdist_group, which pytest-xdist keeps on one
worker by adding the group to the test's id. pytest 9.2 keeps ids where pytest-xdist 3.8 cannot
add it: every group then came apart without a word (pyproject.toml keeps pytest below 9.2)."""

from __future__ import annotations

import os

import pytest


@pytest.mark.xdist_group("kept_together")
def test_a_group_holds_its_tests_on_one_worker(request):
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        pytest.skip("runs on xdist workers (`uv run pytest` on the whole suite)")
    assert request.node.nodeid.endswith("@kept_together")
