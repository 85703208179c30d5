"""Charts drawn on the server as SVG geometry: no JavaScript, nothing fetched.

The functions here only compute shapes (numbers and labels); the templates
write them out as SVG elements with autoescaping on, so a label taken from
the data cannot inject markup. Colours live in static/style.css.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventwire.store.views import FAMILIES, Bucket

FAMILY_LABELS = {
    "verbal_cooperation": "verbal cooperation",
    "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
}
MAX_LABELS = 12  # x-axis labels shown at most: more would overlap


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    family: str  # a FAMILIES value: the CSS class that colours it
    period: str
    count: int
    score: float

    @property
    def title(self) -> str:
        return f"{self.period}: {self.count} {FAMILY_LABELS[self.family]} (score {self.score:+g})"


@dataclass
class Label:
    x: float
    y: float
    text: str


@dataclass
class TimelineChart:
    """A diverging bar chart: cooperation stacked up from the axis, conflict down."""

    width: int
    height: int
    axis_y: float
    bars: list[Bar] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    ticks: list[Label] = field(default_factory=list)
    periods: int = 0


def timeline_chart(buckets: list[Bucket], width: int = 900, height: int = 280) -> TimelineChart:
    left, right, top, bottom = 44, 10, 12, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    axis_y = top + plot_h / 2
    chart = TimelineChart(width, height, axis_y, periods=len(buckets))
    if not buckets:
        return chart
    peak = max(max(b.cooperation, b.conflict) for b in buckets) or 1
    unit = (plot_h / 2) / peak  # pixels per event
    slot = plot_w / len(buckets)
    bar_w = min(48.0, max(1.0, slot * 0.7))  # a few months: bars, not walls
    every = max(1, -(-len(buckets) // MAX_LABELS))  # ceiling division
    for i, bucket in enumerate(buckets):
        x = left + i * slot + (slot - bar_w) / 2
        up = down = axis_y
        for family in FAMILIES.values():
            count = bucket.counts[family]
            if not count:
                continue
            h = count * unit
            if family.endswith("cooperation"):
                up -= h
                y = up
            else:
                y, down = down, down + h
            chart.bars.append(
                Bar(round(x, 1), round(y, 1), round(bar_w, 1), round(h, 1), family,
                    bucket.period, count, bucket.scores[family])
            )  # fmt: skip
        if i % every == 0:
            chart.labels.append(Label(round(x + bar_w / 2, 1), height - 8, bucket.period))
    for value, y in ((peak, top), (0, axis_y), (peak, top + plot_h)):
        chart.ticks.append(Label(left - 6, round(y + 4, 1), str(value)))
    return chart


@dataclass
class BalanceSegment:
    family: str
    count: int
    percent: float
    start: float  # percent of the bar before this segment

    @property
    def label(self) -> str:
        return FAMILY_LABELS[self.family]


def balance_bar(counts: dict[str, int]) -> list[BalanceSegment]:
    """A 100% stacked bar of the four families; empty families are left out."""
    total = sum(counts.values())
    if not total:
        return []
    segments, start = [], 0.0
    for family in FAMILIES.values():
        if counts.get(family):
            percent = round(100 * counts[family] / total, 2)
            segments.append(BalanceSegment(family, counts[family], percent, round(start, 2)))
            start += percent
    return segments


def family_counts(by_quad_class: list[tuple[int | None, int]]) -> dict[str, int]:
    """Stats' (quad class, count) pairs as counts per family name."""
    counts = dict.fromkeys(FAMILIES.values(), 0)
    for quad, count in by_quad_class:
        if quad in FAMILIES:
            counts[FAMILIES[quad]] += count
    return counts
