"""The colours that carry meaning, shared by the canvas and the PDF (no Qt)."""

from __future__ import annotations

from cocreate.model import Status, TouchpointKind

# A badge colour per touchpoint kind (Okabe–Ito hues: apart for colour-blind eyes too).
KIND_COLORS: dict[str, str] = {
    TouchpointKind.PRE.value: "#0072b2",  # blue
    TouchpointKind.FIRST.value: "#e69f00",  # orange
    TouchpointKind.CORE.value: "#009e73",  # bluish green
    TouchpointKind.END.value: "#cc79a7",  # reddish purple
}

# Emotion −2…+2: dark red, light orange, grey, light green, dark green. The lightness differs
# as well as the hue, and the faces tell the value apart without colour.
EMOTION_COLORS: dict[int, str] = {
    -2: "#c62828",
    -1: "#f4a261",
    0: "#9e9e9e",
    1: "#8bc34a",
    2: "#1b7f5a",
}

# A colour per status, from a quiet idea to a done green.
STATUS_COLORS: dict[str, str] = {
    Status.IDEA.value: "#90a4ae",
    Status.PLANNED.value: "#1e88e5",
    Status.IN_PROGRESS.value: "#f9a825",
    Status.DONE.value: "#2e7d32",
}
