"""An organisation's open data: figures about its co-production and its carers' breaks
that name nobody, published for anyone to reuse under the Open Government Licence.

The twelve months to today: what was done about what people said (You Said, We Did
actions by status), activities held and the notice they gave, who takes part against the
carers on file and the Census (shares of fewer than five people hidden, as on the
dashboards), how views came in and whether they were answered, and the break referrals of
the schemes the organisation pays for. Every figure is counted in SQL."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from coproduce.accountability.board import counts as action_counts
from coproduce.accountability.models import ActionStatus
from coproduce.breaks.models import ReferralStatus
from coproduce.insight import access
from coproduce.insight.figures import (
    Column,
    Comparison,
    Scope,
    Table,
    census_comparison,
    channels,
    contribution_totals,
    notice,
    representation,
    responses,
)
from coproduce.tenancy.models import Organisation

LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
PERIOD = timedelta(days=365)


@dataclass
class OpenData:
    organisation: Organisation
    start: date
    end: date
    comparison: Comparison
    tables: list[Table]

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.key == key), None)


def _actions(organisation: Organisation) -> Table:
    counted = action_counts(access.open_actions_of(organisation))
    return Table(
        key="actions",
        title=_("You said, we did: actions by status"),
        columns=[Column(_("Status"), kind="text"), Column(_("Actions"))],
        rows=[[str(status.label), counted[status.value]] for status in ActionStatus],
    )


def _referrals(organisation: Organisation, scope: Scope) -> Table:
    counted = access.open_referral_figures_of(organisation, scope.since, scope.until)
    states = [s for s in ReferralStatus if s != ReferralStatus.DRAFT]
    return Table(
        key="referrals",
        title=_("Carers' break referrals sent, by where they are now"),
        columns=[Column(_("State"), kind="text"), Column(_("Referrals"))],
        rows=[[str(s.label), counted.get(s.value, 0)] for s in states],
    )


def open_data_of(organisation: Organisation, today: date) -> OpenData:
    """Every open figure of `organisation` for the twelve months to `today`."""
    start = today - PERIOD + timedelta(days=1)
    scope = Scope(organisation, access.open_projects_of(organisation), start, today)
    comparison = census_comparison(organisation)
    totals = contribution_totals(scope)
    by_status, _timing = responses(totals)
    tables = [
        _actions(organisation),
        notice(scope),
        *representation(scope, comparison),
        channels(totals),
        by_status,
        _referrals(organisation, scope),
    ]
    return OpenData(organisation, start, today, comparison, tables)
