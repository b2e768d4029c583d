"""The emotion curve of a blueprint page, as on the canvas (no Qt)."""

from __future__ import annotations

from cocreate.analysis import emotion_by_stage, lowest_points
from cocreate.export.pdf import style
from cocreate.export.pdf.blueprint_plan import TileTransform
from cocreate.export.pdf.data import JourneyData
from cocreate.export.pdf.draw import ASCENT, Painter
from cocreate.export.pdf.text import Texts
from cocreate.geometry import emotion_y
from cocreate.layout import LANE_LABEL_WIDTH


def draw_emotion_curve(
    painter: Painter, to_page: TileTransform, journey: JourneyData, texts: Texts
) -> None:
    """The emotion curve under the lanes: each stage's mean emotion, its lowest points
    marked. The whole curve runs on across the tile's edges; the dots are the tile's own."""
    canvas = painter.canvas
    scaled = to_page.points
    layout = journey.layout
    band = layout.curve
    tile = to_page.tile
    top, bottom = to_page.y(band.y), to_page.y(band.bottom)
    style.fill(canvas, style.CURVE_BAND)
    canvas.rect(
        to_page.x(tile.x0), bottom, to_page.x(tile.x1) - to_page.x(tile.x0), top - bottom, 0, 1
    )
    style.fill(canvas, style.LANE_LABEL)
    canvas.rect(to_page.label_x(0), bottom, scaled(LANE_LABEL_WIDTH - 4), top - bottom, 0, 1)
    style.stroke(canvas, style.RULE, scaled(1))
    canvas.line(to_page.label_x(0), top, to_page.x(tile.x1), top)
    size = scaled(12.5)
    painter.text(
        to_page.label_x(14),
        top - scaled(14) - size * ASCENT,
        texts("emotion_curve"),
        size,
        bold=True,
    )

    def y_for(emotion: float) -> float:
        return to_page.y(emotion_y(band, emotion))

    for emotion in range(-2, 3):
        y = y_for(emotion)
        canvas.saveState()
        style.stroke(canvas, style.RULE, scaled(1))
        if emotion:
            canvas.setDash(scaled(2), scaled(3))
        canvas.line(to_page.x(tile.x0), y, to_page.x(tile.x1), y)
        canvas.restoreState()
        style.face(canvas, to_page.label_x(LANE_LABEL_WIDTH - 26), y, scaled(7.5), emotion)
        painter.text(
            to_page.label_x(LANE_LABEL_WIDTH - 40),
            y - scaled(3),
            painter.signed(emotion, 0),
            scaled(8.5),
            color=style.MUTED,
            align="right",
        )
    points = emotion_by_stage(journey.stages, journey.lanes, journey.touchpoints)
    lowest = lowest_points(points)
    centers = {sid: layout.columns[sid].center[0] for sid in layout.stage_order}
    # The whole curve, clipped to this page's stages: it runs on across the page edge.
    canvas.saveState()
    style.clip_rect(
        canvas,
        to_page.x(tile.x0),
        bottom,
        to_page.x(tile.x1) - to_page.x(tile.x0),
        top - bottom,
    )
    style.stroke(canvas, style.CURVE, scaled(3))
    canvas.setLineJoin(1)
    canvas.setLineCap(1)
    path = canvas.beginPath()
    drawing = False
    for point in points:
        if point.mean is None:
            drawing = False
            continue
        spot = (to_page.x(centers[point.stage_id]), y_for(point.mean))
        if drawing:
            path.lineTo(*spot)
        else:
            path.moveTo(*spot)
            drawing = True
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()
    shown = set(tile.stage_ids)
    for point in points:
        if point.mean is None or point.stage_id not in shown:
            continue
        x, y = to_page.x(centers[point.stage_id]), y_for(point.mean)
        low = point.stage_id in lowest
        style.fill(canvas, style.BREAKPOINT if low else style.CURVE)
        style.stroke(canvas, style.WHITE, scaled(2))
        canvas.circle(x, y, scaled(7 if low else 5.5), stroke=1, fill=1)
        value = painter.signed(point.mean)
        painter.text(
            x, y + scaled(17 if low else 10), value, scaled(9.5), bold=True, align="center"
        )
        if low:
            style.stroke(canvas, style.BREAKPOINT, scaled(1.6))
            canvas.circle(x, y, scaled(13), stroke=1, fill=0)
            painter.text(
                x,
                y - scaled(24),
                texts("lowest_point"),
                scaled(8.5),
                bold=True,
                color=style.BREAKPOINT,
                align="center",
            )
