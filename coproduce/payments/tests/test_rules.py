import datetime
from decimal import Decimal

from coproduce.payments import rules
from coproduce.payments.models import Basis, Benefit, Method

D = Decimal


def test_hourly_time_is_paid_pro_rata_to_the_penny() -> None:
    assert rules.time_amount(Basis.HOUR, D("20"), 90) == D("30.00")
    assert rules.time_amount(Basis.HOUR, D("15.50"), 50) == D("12.92")


def test_half_days_are_counted_per_four_hours_begun_up_to_a_day() -> None:
    assert rules.time_amount(Basis.HALF_DAY, D("40"), 120) == D("40.00")
    assert rules.time_amount(Basis.HALF_DAY, D("40"), 300) == D("80.00")
    assert rules.time_amount(Basis.HALF_DAY, D("40"), 900) == D("80.00")


def test_a_day_or_an_activity_is_paid_once_whatever_its_length() -> None:
    assert rules.time_amount(Basis.DAY, D("75"), 30) == D("75.00")
    assert rules.time_amount(Basis.ACTIVITY, D("25"), 400) == D("25.00")


def test_no_time_is_worth_nothing() -> None:
    assert rules.time_amount(Basis.ACTIVITY, D("25"), 0) == D("0.00")


def test_replacement_care_is_paid_up_to_the_cap() -> None:
    assert rules.capped(D("75"), D("60")) == D("60.00")
    assert rules.capped(D("45.5"), D("60")) == D("45.50")


def test_mileage_is_miles_times_the_rate() -> None:
    assert rules.mileage_amount(D("12.5"), D("0.45")) == D("5.63")


class Row:
    def __init__(self, applies_from: datetime.date) -> None:
        self.applies_from = applies_from


def test_the_row_in_force_is_the_latest_that_has_started() -> None:
    old, new = Row(datetime.date(2024, 4, 8)), Row(datetime.date(2025, 4, 7))
    assert rules.in_force([new, old], datetime.date(2025, 4, 6)) is old
    assert rules.in_force([new, old], datetime.date(2025, 4, 7)) is new
    assert rules.in_force([new, old], datetime.date(2020, 1, 1)) is None


def test_rates_cannot_be_backdated_over_settled_claims() -> None:
    settled = datetime.date(2026, 5, 1)
    assert rules.backdating_problem(datetime.date(2026, 5, 1), settled)
    assert not rules.backdating_problem(datetime.date(2026, 5, 2), settled)
    assert not rules.backdating_problem(datetime.date(2020, 1, 1), None)


def test_declining_or_donating_pays_nothing_and_expenses_only_leaves_out_time() -> None:
    lines = [rules.LineAmount("involvement", D("40")), rules.LineAmount("travel", D("5"))]
    assert rules.payable(lines, expenses_only=False, method=Method.BANK) == D("45.00")
    assert rules.payable(lines, expenses_only=True, method=Method.BANK) == D("5.00")
    assert rules.payable(lines, expenses_only=False, method=Method.DONATE) == D("0.00")


MONDAY = datetime.date(2026, 11, 16)


def test_carers_allowance_warns_only_for_weeks_over_the_limit() -> None:
    limits = {MONDAY: D("196"), MONDAY + datetime.timedelta(7): D("196")}
    weeks = {MONDAY: D("200"), MONDAY + datetime.timedelta(7): D("196")}
    warnings = rules.benefit_warnings([Benefit.CARERS_ALLOWANCE], weeks, limits)
    assert warnings == [rules.Warning("earnings_limit", MONDAY, D("200"), D("196"))]


def test_income_related_benefits_warn_whenever_time_is_paid() -> None:
    warnings = rules.benefit_warnings([Benefit.UNIVERSAL_CREDIT], {MONDAY: D("10")}, {})
    assert [w.kind for w in warnings] == ["may_affect"]
    assert rules.benefit_warnings([Benefit.UNIVERSAL_CREDIT], {MONDAY: D("0")}, {}) == []


def test_no_benefits_no_warning() -> None:
    assert rules.benefit_warnings([], {MONDAY: D("900")}, {MONDAY: D("196")}) == []


def test_the_week_starts_on_monday_and_the_tax_year_on_6_april() -> None:
    assert rules.week_of(datetime.date(2026, 11, 22)) == MONDAY
    assert rules.tax_year_of(datetime.date(2026, 4, 5)) == 2025
    assert rules.tax_year_of(datetime.date(2026, 4, 6)) == 2026
    assert rules.tax_year_bounds(2026) == (datetime.date(2026, 4, 6), datetime.date(2027, 4, 5))
