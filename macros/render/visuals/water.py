"""A sea's label and its water: whether a label's box lies on the water, and the leader line that ties a label
set beside the water to it (placement.py).

The water is a sea's shore as basemap.json gives it (make_basemap.py: the water between the drawn countries, in
view-box units), a ring of points; the sea's point ("at") is the point of its water farthest from any shore, where
a leader line ends.
"""
from __future__ import annotations

from math import ceil, floor

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in view-box units
Line = tuple[float, float, float, float]  # x0, y0, x1, y1


def spot_on_water(label, fits) -> tuple[float, float, str] | None:
    """The spot nearest the sea's point (placement.Label: at) whose box lies on the water and fits (off every box
    taken): the label centred on each whole unit where its box stays within the water's bounds."""
    xs, ys = [x for x, _ in label.water], [y for _, y in label.water]
    extent = label.box((0, 0, "middle"))  # about a baseline at 0
    spots = [(x, y, "middle") for x in range(ceil(min(xs) - extent[0]), floor(max(xs) - extent[2]) + 1)
             for y in range(ceil(min(ys) - extent[1]), floor(max(ys) - extent[3]) + 1)]
    middle = (extent[1] + extent[3]) / 2
    spots.sort(key=lambda spot: ((spot[0] - label.at[0]) ** 2 + (spot[1] + middle - label.at[1]) ** 2, spot))
    return next((spot for spot in spots if on_water(label.box(spot), label.water) and fits(label.box(spot))), None)


def on_water(box: Box, shore: list[Point]) -> bool:
    """The whole box lies on the water: no stretch of the shore meets it, and it is not on land."""
    return not _shore_meets(box, shore) and _inside(shore, (box[0], box[1]))


def off_water(box: Box, shore: list[Point]) -> bool:
    """No part of the box lies on the water (nor the water inside the box)."""
    return not _shore_meets(box, shore) and not _inside(shore, (box[0], box[1]))


def leader_line(box: Box, point: dict) -> Line | None:
    """The leader line of a place's label whose box this is: a sea's, where the box is not on its water."""
    return None if "water" not in point or on_water(box, point["water"]) else leader(box, point["at"])


def leader(box: Box, at: Point) -> Line:
    """The leader line from the box's edge, at its point nearest the sea's point, to the sea's point."""
    return min(max(at[0], box[0]), box[2]), min(max(at[1], box[1]), box[3]), at[0], at[1]


def length(line: Line) -> float:
    return ((line[2] - line[0]) ** 2 + (line[3] - line[1]) ** 2) ** 0.5


def line_box(line: Line) -> Box:
    return min(line[0], line[2]), min(line[1], line[3]), max(line[0], line[2]), max(line[1], line[3])


def meets(line: Line, box: Box) -> bool:
    """The segment has a point in the box or on its edge (Liang and Barsky's clipping of a segment by a box)."""
    x0, y0, x1, y1 = line
    start, end = 0.0, 1.0
    for step, room in ((x0 - x1, x0 - box[0]), (x1 - x0, box[2] - x0), (y0 - y1, y0 - box[1]), (y1 - y0, box[3] - y0)):
        if step == 0:
            if room < 0:
                return False  # parallel to this edge, and outside it
            continue
        cut = room / step
        if step < 0:
            start = max(start, cut)
        else:
            end = min(end, cut)
        if start > end:
            return False
    return True


def _shore_meets(box: Box, shore: list[Point]) -> bool:
    return any(meets((*shore[n - 1], *shore[n]), box) for n in range(len(shore)))


def _inside(shore: list[Point], point: Point) -> bool:
    """The point is on the water: a ray from it to the east crosses the shore an odd number of times."""
    x, y = point
    crossings = 0
    for (x0, y0), (x1, y1) in zip(shore, shore[1:] + shore[:1]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            crossings += 1
    return crossings % 2 == 1
