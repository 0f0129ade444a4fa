"""The periods a range is counted in, small numbers hidden, and the charts' geometry."""

from datetime import date
from decimal import Decimal

from coproduce.insight import rules
from coproduce.insight.charts import VALUE_ROOM, WIDTH, cell_text, chart_of
from coproduce.insight.figures import Column, Table


def test_a_range_up_to_a_year_is_counted_by_month() -> None:
    found = rules.periods(date(2026, 1, 15), date(2026, 3, 2))
    assert [(p.start, p.end) for p in found] == [
        (date(2026, 1, 1), date(2026, 2, 1)),
        (date(2026, 2, 1), date(2026, 3, 1)),
        (date(2026, 3, 1), date(2026, 4, 1)),
    ]
    assert found[0].label == "Jan 2026"


def test_a_longer_range_is_counted_by_quarter_and_at_most_24_periods() -> None:
    found = rules.periods(date(2025, 2, 10), date(2026, 8, 1))
    assert found[0].start == date(2025, 1, 1)
    assert found[-1] == rules.Period(date(2026, 7, 1), date(2026, 10, 1))
    assert found[0].label == "Jan–Mar 2025"
    assert len(rules.periods(date(2000, 1, 1), date(2026, 1, 1))) == rules.MOST_PERIODS


def test_the_period_before_has_the_same_length() -> None:
    assert rules.before(rules.Period(date(2026, 1, 1), date(2026, 4, 1))) == rules.Period(
        date(2025, 10, 1), date(2026, 1, 1)
    )
    assert rules.before(rules.Period(date(2026, 1, 1), date(2026, 2, 1))) == rules.Period(
        date(2025, 12, 1), date(2026, 1, 1)
    )


def test_groups_of_one_to_four_are_hidden_and_none_is_none() -> None:
    assert [rules.suppressed(n) for n in (0, 1, 4, 5, 12)] == [0, None, None, 5, 12]
    assert rules.share(3, 20) is None
    assert rules.share(5, 4) is None
    assert rules.share(0, 20) == Decimal("0.0")
    assert rules.share(5, 20) == Decimal("25.0")


def test_the_longest_bar_fills_the_chart_and_hidden_values_draw_nothing() -> None:
    table = Table(
        key="t",
        title="T",
        columns=[Column("Name", "text"), Column("A"), Column("B", "percent", equality=True)],
        rows=[["one", 10, None], ["two", 5, Decimal("20.0")]],
    )

    chart = chart_of(table)

    bars = [bar for group in chart.groups for bar in group.bars]
    assert chart.plotted
    assert max(bar.width for bar in bars) == WIDTH - VALUE_ROOM
    assert bars[1].width == 0
    assert bars[1].value is None
    assert [series for series, _colour in chart.legend] == ["A", "B"]
    assert cell_text(table.columns[2], None) == "fewer than 5"
    assert cell_text(table.columns[1], None) == "–"
    assert cell_text(Column("£", "money"), Decimal("1234.5")) == "£1,234.50"
