"""No import cycle inside cocreate.canvas: each module can be read, tested and changed on top
of those it imports (type-only imports aside)."""

from __future__ import annotations

import itertools

import grimp


def test_no_canvas_module_imports_itself_back():
    graph = grimp.build_graph("cocreate", exclude_type_checking_imports=True)
    canvas = sorted(module for module in graph.modules if module.startswith("cocreate.canvas."))
    assert len(canvas) > 20
    cycles = [
        (one, other)
        for one, other in itertools.combinations(canvas, 2)
        if graph.chain_exists(one, other) and graph.chain_exists(other, one)
    ]
    assert cycles == []
