"""MIME types of what is dragged onto the canvas or put on the clipboard."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData

# A palette entry: {"kind": "<TouchpointKind value>"} or {"channel": "<Channel value>"}.
PALETTE_MIME = "application/x-cocreate-palette"
# Copied touchpoint cards: {"touchpoints": [rows], "links": [rows]}.
TOUCHPOINTS_MIME = "application/x-cocreate-touchpoints"


def palette_mime_data(payload: dict[str, str]) -> QMimeData:
    data = QMimeData()
    data.setData(PALETTE_MIME, json.dumps(payload).encode("utf-8"))
    return data


def read_payload(data: QMimeData, mime_type: str) -> dict[str, Any] | None:
    """The JSON object carried under mime_type, or None when it is missing or not ours."""
    if not data.hasFormat(mime_type):
        return None
    try:
        payload = json.loads(bytes(data.data(mime_type)).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return payload if isinstance(payload, dict) else None
