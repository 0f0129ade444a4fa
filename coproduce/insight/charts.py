"""The geometry of a table's bar chart, drawn by the template as SVG on the server.

Each row of the table is a group of horizontal bars, one a plotted column (a series), with
the row's name above it, so the chart reads at 320 pixels wide as well as on a desk. Every
bar carries a <title> (row, series and value) and the chart is labelled by the table's
caption; the table beside it holds the same numbers for anyone who cannot see the chart.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from coproduce.insight.figures import Cell, Column, Table
from coproduce.projects.rules import SMALLEST_GROUP_SHOWN

WIDTH = 480
LABEL_HEIGHT = 22
BAR_HEIGHT = 16
BAR_GAP = 4
GROUP_GAP = 14
VALUE_ROOM = 90  # room at the right of the longest bar for its value
# GOV.UK colours that keep a 3:1 contrast with white and with each other's neighbours.
COLOURS = ("#1d70b8", "#f47738", "#00703c", "#4c2c92", "#d4351c")


@dataclass(frozen=True)
class Bar:
    y: int
    width: float
    value: Decimal | int | None
    series: str
    colour: str


@dataclass(frozen=True)
class Group:
    label: str
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    groups: list[Group]
    legend: list[tuple[str, str]]  # (series, colour)
    plotted: bool  # False when every value is zero or hidden: no chart, the table says it


def chart_of(table: Table) -> Chart:
    series = table.series
    values = [row[i] for row in table.rows for i in series]
    numbers = [v for v in values if isinstance(v, int | Decimal)]
    largest = max(numbers, default=0)
    scale = (WIDTH - VALUE_ROOM) / float(largest) if largest else 0.0
    groups = []
    y = 0
    for row in table.rows:
        label_y = y + LABEL_HEIGHT - 6
        y += LABEL_HEIGHT
        bars = []
        for n, i in enumerate(series):
            value = row[i]
            width = float(value) * scale if isinstance(value, int | Decimal) else 0.0
            bars.append(
                Bar(
                    y,
                    round(width, 1),
                    value if isinstance(value, int | Decimal) else None,
                    str(table.columns[i].header),
                    COLOURS[n % len(COLOURS)],
                )
            )
            y += BAR_HEIGHT + BAR_GAP
        groups.append(Group(str(row[0]), label_y, bars))
        y += GROUP_GAP
    legend = [
        (str(table.columns[i].header), COLOURS[n % len(COLOURS)]) for n, i in enumerate(series)
    ]
    return Chart(WIDTH, max(y, 1), groups, legend, bool(largest))


def cell_text(column: Column, value: Cell) -> str:
    """A table cell as the page and the bars' titles say it."""
    if value is None:
        if column.equality:
            return _("fewer than %(smallest)s") % {"smallest": SMALLEST_GROUP_SHOWN}
        return "–"
    if column.kind == "percent":
        return f"{value}%"
    if column.kind == "money":
        return f"£{Decimal(value):,.2f}"
    if column.kind == "count":
        return f"{int(value):,}"
    return str(value)
