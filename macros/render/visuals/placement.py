"""Where the map's labels go, in any language: each label's box stays inside the view box and off every other
label and every place's mark, as near as it can to the spot places.yml prefers (a Russian name runs longer than
the English one, and a translation's may run longer still). A sea's label lies on its water where it fits there,
and otherwise beside it, off it, with a short leader line to the water's middle (water.py).

A label's width is measured in DejaVu Sans Book (the share image's font, fonts/) at the size citations.css gives
it, a bold one's as 1.02 times that. DejaVu Sans is a wide font: over the map's English and Russian names it runs
1.05 to 1.19 times as wide as Liberation Sans (whose widths are Arial's and Helvetica's, the site's fonts on
Windows and macOS) and 0.98 to 1.11 times as wide as its bold, so a box measured here holds the label a browser
draws, with room to spare. tests/test_browser.py measures the drawn labels in Chromium (getBBox).
"""
from __future__ import annotations

from functools import cache
from typing import NamedTuple

from PIL import ImageFont

from ..share import FONT
from .water import leader, leader_line, length, line_box, spot_on_water

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in view-box units
Spot = tuple[float, float, str]  # x, y of the baseline, text-anchor

COUNTRY_SIZE, HOME_SIZE, PLACE_SIZE = 24, 28, 24  # font-size of .qq-country-label, its .qq-home, .qq-place-label
BOLD = 1.02  # a bold label's width, to DejaVu Sans Book's (the module's docstring says why)
ASCENT, DESCENT = 0.92, 0.23  # in em, a text's box about its baseline (Arial's 0.905 and 0.212, Roboto's 0.93 and 0.24)
GAP = 2  # between any two boxes
ROUNDING = 0.05  # the most a spot moves when written to a tenth of a unit
MARK_BOX = {"capital": 8.25, "dot": 6, "ring": 9.5}  # half the side of a mark's box: map.html's radius and stroke
LABEL_OFFSETS = {"right": (1, 7, "start"), "left": (-1, 7, "end"), "above": (0, -3, "middle"),
                 "below": (0, 18, "middle"), "at": (0, 7, "middle")}  # from the edge of the mark
MARK_RADIUS = {"dot": 8, "ring": 14, "none": 0, "range": 0}  # the circle's radius in map.html, its stroke and a gap
NEAR, FAR = 12, 72  # how far a place's label (beside its mark) and a country's label may move
LONG, LEADING = 240, 1.15  # a place's name wider than this goes on two lines, each this many em below the last
FROM_MARK = 12  # the most a place's label stands off its own mark, the least off another's: no reader mistakes its dot
LEADER = 48  # the longest leader line from a sea's label set beside its water to the water's middle (water.py)


@cache
def _font() -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size=100)


def _width_of_one_unit(text: str) -> float:
    """The text's advance width at a font size of 1, in DejaVu Sans Book."""
    return _font().getlength(text) / 100


def text_box(text: str, spot: Spot, size: float, bold: bool) -> Box:
    """The box of a text whose first baseline is at the spot, each of its lines ("\n") one LEADING below the last,
    and begun with the space that parts its words from the line before (map.html: read aloud, the name is words)."""
    x, y, anchor = spot
    lines = text.replace("\n", "\n ").split("\n")
    width = max(_width_of_one_unit(line) for line in lines) * size * (BOLD if bold else 1)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return left, y - ASCENT * size, left + width, y + ((len(lines) - 1) * LEADING + DESCENT) * size


def label_lines(text: str, water: bool = False) -> list[str]:
    """A place's name on its lines: one, or two, broken at the space that makes the longer line shortest, where one
    line would be wider than LONG (0.4 of the map: «Мангистауская область» runs half the map wide, and on one
    line it reaches other places' dots); a sea's name of two words or more always (set narrow, it reaches its
    water from either side, or lies on it)."""
    words = text.split(" ")
    if len(words) == 1 or (not water and _width_of_one_unit(text) * PLACE_SIZE * BOLD <= LONG):
        return [text]
    breaks = [(" ".join(words[:cut]), " ".join(words[cut:])) for cut in range(1, len(words))]
    return list(min(breaks, key=lambda lines: max(_width_of_one_unit(line) for line in lines)))


def gap_between(box: Box, other: Box) -> float:
    """The shortest distance between two boxes, 0 where they touch or overlap."""
    across = max(other[0] - box[2], box[0] - other[2], 0)
    down = max(other[1] - box[3], box[1] - other[3], 0)
    return (across ** 2 + down ** 2) ** 0.5


def apart(box: Box, other: Box) -> bool:
    return (box[2] + GAP <= other[0] or other[2] + GAP <= box[0] or
            box[3] + GAP <= other[1] or other[3] + GAP <= box[1])


def mark_box(point: dict, capital: bool) -> Box | None:
    """The box of a place's mark, or None for a place drawn by its label alone (a sea, a range)."""
    half = MARK_BOX.get("capital" if capital else point["mark"])
    if half is None:
        return None
    x, y = point["at"]
    return x - half, y - half, x + half, y + half


def beside(point: dict, side: str, nudge=(0, 0), lines: int = 1) -> Spot:
    """A place's label on one side of its mark, moved by nudge (view-box units); a label of several lines is
    centred on the mark's height beside it, and ends above it."""
    dx, dy, anchor = LABEL_OFFSETS[side]
    dy -= (lines - 1) * LEADING * PLACE_SIZE * {"above": 1, "below": 0}.get(side, 0.5)
    clear = MARK_RADIUS[point["mark"]]
    dx += clear if dx > 0 else -clear if dx < 0 else 0
    dy += {"above": -clear, "below": clear}.get(side, 0)
    return point["at"][0] + dx + nudge[0], point["at"][1] + dy + nudge[1], anchor


class Label(NamedTuple):
    name: str
    text: str
    spots: list[Spot]  # the preferred spot first
    reach: int
    size: float
    bold: bool
    mark: Box | None = None  # a place's own mark, which its label stays within FROM_MARK of
    water: list | None = None  # a sea's shore: its label lies on the water, or beside it with a leader line
    at: tuple[float, float] = (0, 0)  # a sea's point, the middle of its water, where a leader line ends

    def box(self, spot: Spot) -> Box:
        return text_box(self.text, spot, self.size, self.bold)

    def next_to_its_mark(self, box: Box, marks: list[Box]) -> bool:
        """Within FROM_MARK of its own mark, and no other place's mark as near."""
        return self.mark is None or gap_between(box, self.mark) <= FROM_MARK < min(
            (gap_between(box, mark) for mark in marks if mark != self.mark), default=FROM_MARK + 1)

    def width(self) -> float:
        box = self.box(self.spots[0])
        return box[2] - box[0]


def _first_fit(label: Label, taken: list[Box], view: Box, marks: list[Box]) -> Spot | None:
    """The first of the label's spots, moved as little as it must be (a move up or down counts double: a label is
    wide, and its country or its mark is left sooner that way), whose box fits among those taken and, a place's,
    stays next to its own mark (no reader pairs it with another dot)."""
    for x, y, anchor in label.spots:
        for dx, dy in _moves(label.box((x, y, anchor)), label.reach, taken, view):
            spot = (round(x + dx, 1), round(y + dy, 1), anchor)
            if _fits(label.box(spot), taken, view) and label.next_to_its_mark(label.box(spot), marks):
                return spot
    return None


def _moves(box: Box, reach: float, taken: list[Box], view: Box) -> list[tuple[float, float]]:
    """The moves of the box, within reach and inside the view, that may be the nearest to fit: each box taken
    forbids the moves inside a rectangle, and the nearest move that fits has each coordinate 0 or on the edge of
    one of them, or of the view."""
    low_x, high_x = max(-reach, view[0] - box[0] + ROUNDING), min(reach, view[2] - box[2] - ROUNDING)
    low_y, high_y = max(-reach, view[1] - box[1] + ROUNDING), min(reach, view[3] - box[3] - ROUNDING)
    if low_x > high_x or low_y > high_y:
        return []
    xs = {min(max(0, low_x), high_x), low_x, high_x}
    ys = {min(max(0, low_y), high_y), low_y, high_y}
    clear = GAP + ROUNDING
    for other in taken:
        xs.update((other[0] - clear - box[2], other[2] + clear - box[0]))
        ys.update((other[1] - clear - box[3], other[3] + clear - box[1]))
    return sorted(((dx, dy) for dx in xs if low_x <= dx <= high_x for dy in ys if low_y <= dy <= high_y),
                  key=lambda move: (move[0] ** 2 + 4 * move[1] ** 2, move))


def _fits(box: Box, taken: list[Box], view: Box) -> bool:
    inside = view[0] <= box[0] and view[1] <= box[1] and box[2] <= view[2] and box[3] <= view[3]
    return inside and all(apart(box, other) for other in taken)


def place_labels(basemap: dict, shown: dict[str, str], points: list[str], capitals: set[str], home: str,
                 bold_countries: set[str]) -> dict[str, Spot]:
    """Each drawn label's spot, by name: in turn (_labels), each label takes the spot nearest its preferred one
    whose box stays inside the view box and off every mark and every label placed before it. A label that
    nothing fits keeps its preferred spot (the static pass refuses a name with no room: misfits)."""
    return _place(basemap, shown, points, capitals, home, bold_countries)[0]


def misfits(basemap: dict, shown: dict[str, str], home: str) -> list[str]:
    """The names of the map that no spot fits when it draws the most it can: every place, each capital as such,
    and every country in bold (the widest)."""
    points = sorted(basemap["points"])
    capitals = {name for name in points if basemap["points"][name]["capital"]}
    countries = {name for name, entry in basemap["countries"].items() if "label" in entry}
    return _place(basemap, shown, points, capitals, home, countries)[1]


def _place(basemap: dict, shown: dict[str, str], points: list[str], capitals: set[str], home: str,
           bold_countries: set[str]) -> tuple[dict[str, Spot], list[str]]:
    view = (0, 0, basemap["width"], basemap["height"])
    marks = [box for name in points if (box := mark_box(basemap["points"][name], name in capitals))]
    taken = list(marks)
    spots: dict[str, Spot] = {}
    unplaced = []
    for label in _labels(basemap, shown, points, capitals, home, bold_countries):
        if label.water is None:
            spot = _first_fit(label, taken, view, marks)
        else:
            spot = spot_on_water(label, lambda box: _fits(box, taken, view)) or _beside_its_water(label, taken, view)
            if spot and (line := leader_line(label.box(spot), basemap["points"][label.name])):
                taken.append(line_box(line))  # the labels after it keep off its line
        if spot is None:
            unplaced.append(label.name)
        spots[label.name] = spot or label.spots[0]
        taken.append(label.box(spots[label.name]))
    return spots, unplaced


def _labels(basemap: dict, shown: dict[str, str], points: list[str], capitals: set[str], home: str,
            bold_countries: set[str]) -> list[Label]:
    """The labels in the order they are placed: the home country's; the places' beside a mark, the widest first
    (it has the fewest spots that fit), each within FROM_MARK of its mark; a sea's, on its water or beside it with
    a leader line (the countries' labels, which may move farther, make room for it); the other countries', those in
    bold (they sent troops) first, each group from the north down, so that a crowd of labels moves south together,
    keeping its order; last a range's, which is not tied to a mark."""
    countries = sorted((name for name, entry in basemap["countries"].items() if "label" in entry),
                       key=lambda name: (basemap["countries"][name]["label"][1], name))  # from the north down
    on_its_own = [name for name in points if basemap["points"][name]["mark"] in ("none", "range")]  # no mark

    def country(name: str) -> Label:
        x, y = basemap["countries"][name]["label"]
        size, bold = (HOME_SIZE, True) if name == home else (COUNTRY_SIZE, name in bold_countries)
        return Label(name, shown[name], [(x, y, "middle")], FAR, size, bold)

    def place(name: str) -> Label:
        point = basemap["points"][name]
        others = [side for side in LABEL_OFFSETS if side not in (point["side"], "at")]
        lines = label_lines(shown[name], "water" in point)
        spots = [beside(point, point["side"], point["nudge"], len(lines))] + [beside(point, side, lines=len(lines))
                                                                               for side in others]
        return Label(name, "\n".join(lines), spots, FAR if name in on_its_own else NEAR, PLACE_SIZE, True,
                     mark_box(point, name in capitals), point.get("water"), tuple(point["at"]))

    def widest_first(names) -> list[Label]:
        return sorted((place(name) for name in names), key=lambda label: (-label.width(), label.name))

    return ([country(name) for name in countries if name == home]
            + widest_first(name for name in points if name not in on_its_own)
            + widest_first(name for name in on_its_own if "water" in basemap["points"][name])
            + [country(name) for name in countries if name in bold_countries and name != home]
            + [country(name) for name in countries if name not in bold_countries and name != home]
            + widest_first(name for name in on_its_own if "water" not in basemap["points"][name]))


def _beside_its_water(label: Label, taken: list[Box], view: Box) -> Spot | None:
    """Where no spot on the water fits: the first of the label's spots, moved as little as it must be, whose box
    is off the water's bounds (so off the water) and off every box taken, and whose leader line to the sea's point
    is at most LEADER long and whose box (as a browser measures a line) is off every box taken. The water's
    bounds stand for the water: a rectangle, which _moves steps around."""
    xs, ys = [x for x, _ in label.water], [y for _, y in label.water]
    around = [*taken, (min(xs), min(ys), max(xs), max(ys))]
    for x, y, anchor in label.spots:
        for dx, dy in _moves(label.box((x, y, anchor)), label.reach, around, view):
            spot = (round(x + dx, 1), round(y + dy, 1), anchor)
            line = leader(label.box(spot), label.at)
            if _fits(label.box(spot), around, view) and length(line) <= LEADER and _fits(line_box(line), taken, view):
                return spot
    return None
