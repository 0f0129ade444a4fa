"""Shared set-up for payments tests: rates, a project of organisation A, and a carer who
attended two meetings of it."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.utils import timezone

from coproduce.activities.models import Activity, Invitation
from coproduce.activities.tests.factories import ActivityFactory, InvitationFactory
from coproduce.conftest import Member
from coproduce.payments import actions, approval_actions
from coproduce.payments.models import Basis, Claim, PaymentPolicy
from coproduce.projects.models import BudgetKind, Project
from coproduce.projects.tests.factories import (
    BudgetLineFactory,
    ProjectFactory,
    ProjectMemberFactory,
)


@dataclass
class Setting:
    project: Project
    meetings: list[Activity]
    invitations: list[Invitation]
    policy: PaymentPolicy


def policy_for(member: Member, **values: object) -> PaymentPolicy:
    defaults: dict[str, object] = {
        "applies_from": datetime.date(2020, 1, 1),
        "involvement_basis": Basis.HOUR,
        "involvement_rate": Decimal("20.00"),
        "mileage_rate": Decimal("0.45"),
        "replacement_care_cap": Decimal("60.00"),
        "methods": ["bank", "voucher", "in_kind", "decline", "donate"],
    }
    values = {**defaults, **values}
    policy, _ = PaymentPolicy.objects.update_or_create(
        organisation=member.organisation, applies_from=values.pop("applies_from"), defaults=values
    )
    return policy


def past_meeting(project: Project, days_ago: int, **values: object) -> Activity:
    starts = (timezone.now() - datetime.timedelta(days=days_ago)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    activity: Activity = ActivityFactory.create(
        project=project, starts_at=starts, duration_minutes=120, **values
    )
    return activity


def attended(activity: Activity, member: Member, **values: object) -> Invitation:
    invitation: Invitation = InvitationFactory.create(
        activity=activity,
        person=member.person,
        reply="coming",
        attended=True,
        attended_minutes=values.pop("minutes", 120),
        **values,
    )
    return invitation


def make_setting(coordinator: Member, carer: Member) -> Setting:
    project: Project = ProjectFactory.create(
        organisation=coordinator.organisation, coordinator=coordinator.person, title="Discharge"
    )
    ProjectMemberFactory.create(project=project, person=carer.person)
    BudgetLineFactory.create(project=project, kind=BudgetKind.CARERS_TIME, amount=Decimal("500"))
    BudgetLineFactory.create(project=project, kind=BudgetKind.TRAVEL, amount=Decimal("100"))
    policy = policy_for(coordinator)
    meetings = [
        past_meeting(project, 20, title="First meeting"),
        past_meeting(project, 10, title="Second meeting"),
    ]
    invitations = [
        attended(meetings[0], carer, travel_needed=True),
        attended(meetings[1], carer, minutes=90),
    ]
    return Setting(project, meetings, invitations, policy)


@pytest.fixture
def setting(coordinator: Member, carer: Member) -> Setting:
    return make_setting(coordinator, carer)


def drafted_claim(setting: Setting, carer: Member) -> Claim:
    actions.draft_claims(setting.project, None)
    return Claim.objects.get(person=carer.person, project=setting.project)


def submitted_claim(setting: Setting, carer: Member, method: str = "voucher") -> Claim:
    claim = drafted_claim(setting, carer)
    travel = claim.lines.get(kind="travel")
    actions.save_travel(travel, "mileage", Decimal("10"), None, None)
    actions.choose_method(claim, carer.user, {"method": method, "voucher_send_to": "m@example.org"})
    return approval_actions.submit(claim, carer.user, "")
