import datetime
import threading
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from coproduce.activities.actions import record_cancellation_costs
from coproduce.activities.models import ActivityChange, ActivityStatus, ChangeKind
from coproduce.activities.tests.factories import InvitationFactory
from coproduce.audit.models import AuditEvent
from coproduce.conftest import Member
from coproduce.contributions.models import Contribution
from coproduce.notifications.models import Message
from coproduce.payments import actions, approval_actions, benefit_actions, budget, reference
from coproduce.payments.models import (
    BenefitRecord,
    Claim,
    ClaimEvent,
    Line,
    LineKind,
    Payment,
    PaymentPolicy,
    ReferenceFigure,
    Status,
)
from coproduce.payments.tests.setup import (
    Setting,
    attended,
    drafted_claim,
    past_meeting,
    policy_for,
    setting,
    submitted_claim,
)

__all__ = ["setting"]


def test_attendance_drafts_time_and_the_travel_needed(setting: Setting, carer: Member) -> None:
    claim = drafted_claim(setting, carer)
    lines = sorted((line.activity.title, line.kind, line.amount) for line in claim.lines.all())
    assert lines == [
        ("First meeting", "involvement", Decimal("40.00")),
        ("First meeting", "travel", Decimal("0.00")),
        ("Second meeting", "involvement", Decimal("30.00")),
    ]
    assert claim.events.get().to_status == Status.DRAFT


def test_drafting_again_adds_nothing_twice(setting: Setting, carer: Member) -> None:
    actions.draft_claims(setting.project, None)
    again = actions.draft_claims(setting.project, None)
    assert again.lines == 0
    assert Line.objects.filter(person=carer.person).count() == 3


def test_the_database_refuses_a_second_line_for_the_same_thing(
    setting: Setting, carer: Member
) -> None:
    claim = drafted_claim(setting, carer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Line.objects.create(
            claim=claim, person=carer.person, activity=setting.meetings[0], kind="involvement"
        )


def test_taking_part_another_way_is_paid_for_the_policy_time(
    setting: Setting, carer: Member, coordinator: Member
) -> None:
    phoned = past_meeting(setting.project, 5, title="Phoned in")
    InvitationFactory.create(activity=phoned, person=carer.person, reply="another_way")
    Contribution.objects.create(
        organisation=coordinator.organisation,
        project=setting.project,
        activity=phoned,
        channel="phone",
        privacy="identifiable",
        person=carer.person,
        text="My view",
        given_on=datetime.date.today(),
    )
    claim = drafted_claim(setting, carer)
    line = claim.lines.get(activity=phoned)
    assert (line.kind, line.minutes, line.amount) == ("involvement", 60, Decimal("20.00"))


def test_staff_and_people_who_did_not_come_are_not_drafted(
    setting: Setting, coordinator: Member
) -> None:
    InvitationFactory.create(activity=setting.meetings[0], person=coordinator.person, attended=True)
    actions.draft_claims(setting.project, None)
    assert not Claim.objects.filter(person=coordinator.person).exists()


def test_short_notice_cancellation_costs_become_claimable(
    setting: Setting, carer: Member, coordinator: Member
) -> None:
    cancelled = past_meeting(setting.project, 3, status=ActivityStatus.CANCELLED)
    invitation = InvitationFactory.create(activity=cancelled, person=carer.person)
    ActivityChange.objects.create(
        activity=cancelled,
        kind=ChangeKind.CANCELLED,
        notice_days=1,
        required_days=14,
        short_notice=True,
        reason="Venue flooded",
        changed_by=coordinator.user,
        changed_at=timezone.now(),
    )
    record_cancellation_costs(cancelled, {invitation.pk: (Decimal("35.00"), "Sitter booked")})
    claim = drafted_claim(setting, carer)
    line = claim.lines.get(activity=cancelled)
    assert (line.kind, line.amount, line.description) == (
        "cancellation",
        Decimal("35.00"),
        "Sitter booked",
    )


def test_rates_from_a_later_date_apply_only_to_later_activities(
    setting: Setting, carer: Member, coordinator: Member
) -> None:
    day = timezone.localdate(setting.meetings[1].starts_at)
    policy_for(coordinator, applies_from=day, involvement_rate=Decimal("30"))
    claim = drafted_claim(setting, carer)
    amounts = {line.activity.title: line.amount for line in claim.lines.filter(kind="involvement")}
    assert amounts == {"First meeting": Decimal("40.00"), "Second meeting": Decimal("45.00")}


def test_a_rate_change_cannot_be_backdated_over_approved_claims(
    setting: Setting, carer: Member, coordinator: Member
) -> None:
    claim = submitted_claim(setting, carer)
    approval_actions.approve(claim, coordinator.user)
    with pytest.raises(actions.ClaimProblem, match="must start after"):
        actions.save_policy(
            coordinator.organisation,
            coordinator.user,
            {
                "applies_from": datetime.date(2025, 1, 1),
                "involvement_basis": "hour",
                "involvement_rate": Decimal("1"),
                "another_way_minutes": 60,
                "mileage_rate": Decimal("0.45"),
                "replacement_care_cap": Decimal("50"),
                "methods": ["bank"],
            },
        )
    assert PaymentPolicy.objects.count() == 1
    first = Line.objects.get(claim=claim, kind="involvement", activity=setting.meetings[0])
    assert first.amount == Decimal("40.00")


def test_mileage_and_capped_replacement_care(setting: Setting, carer: Member) -> None:
    claim = drafted_claim(setting, carer)
    travel = actions.save_travel(
        claim.lines.get(kind="travel"), "mileage", Decimal("12.5"), None, None
    )
    assert travel.amount == Decimal("5.63")
    care = actions.add_line(claim, setting.meetings[0], LineKind.REPLACEMENT_CARE)
    care = actions.save_cost(care, Decimal("80"), "Sitter", None)
    assert care.amount == Decimal("60.00")


def test_a_cost_for_an_activity_not_attended_is_refused(setting: Setting, carer: Member) -> None:
    claim = drafted_claim(setting, carer)
    missed = past_meeting(setting.project, 2, title="Missed")
    InvitationFactory.create(activity=missed, person=carer.person, reply="not_coming")
    with pytest.raises(actions.ClaimProblem, match="did not take part in Missed"):
        actions.add_line(claim, missed, LineKind.TRAVEL)


def test_submitting_needs_a_method_and_records_the_change(setting: Setting, carer: Member) -> None:
    claim = drafted_claim(setting, carer)
    actions.save_travel(claim.lines.get(kind="travel"), "none", None, None, None)
    with pytest.raises(actions.ClaimProblem, match="Choose how you would like to be paid"):
        approval_actions.submit(claim, carer.user)
    actions.choose_method(
        claim,
        carer.user,
        {
            "method": "bank",
            "account_name": "M",
            "sort_code": "309430",
            "account_number": "00733445",
        },
    )
    claim = approval_actions.submit(claim, carer.user)
    assert claim.status == Status.SUBMITTED
    assert list(claim.events.values_list("to_status", "by")) == [
        ("draft", None),
        ("submitted", carer.user.pk),
    ]
    assert Message.objects.filter(kind="payments_submitted").count() == 1


def test_a_submitted_claim_can_no_longer_be_changed(setting: Setting, carer: Member) -> None:
    claim = submitted_claim(setting, carer)
    with pytest.raises(actions.ClaimProblem, match="can no longer be changed"):
        actions.save_cost(claim.lines.get(kind="travel"), Decimal("1"), "", None)


def test_a_query_goes_back_to_the_carer_with_the_message(
    setting: Setting, carer: Member, coordinator: Member
) -> None:
    claim = submitted_claim(setting, carer)
    approval_actions.query(claim, coordinator.user, "Which bus did you take?")
    claim.refresh_from_db()
    assert claim.status == Status.QUERIED
    assert Message.objects.get(kind="payments_queried").body.count("Which bus") == 1
    assert approval_actions.submit(claim, carer.user).status == Status.SUBMITTED


def test_approving_makes_one_payment_and_paying_tells_the_carer(
    setting: Setting, carer: Member, coordinator: Member, admin: Member
) -> None:
    claim = submitted_claim(setting, carer)
    payment = approval_actions.approve(claim, coordinator.user)
    assert payment.amount == Decimal("74.50")
    with pytest.raises(approval_actions.AlreadyDone):
        approval_actions.approve(claim, coordinator.user)
    approval_actions.mark_paid(claim, admin.user, datetime.date.today(), "BACS-1")
    with pytest.raises(approval_actions.AlreadyDone):
        approval_actions.mark_paid(claim, admin.user, datetime.date.today(), "BACS-2")
    assert Payment.objects.get(claim=claim).reference == "BACS-1"
    assert "74.50" in Message.objects.get(kind="payments_remittance").body
    assert list(ClaimEvent.objects.filter(claim=claim).values_list("to_status", flat=True)) == [
        "draft",
        "submitted",
        "approved",
        "paid",
    ]


def test_declining_payment_is_settled_at_once_with_nothing_paid(
    setting: Setting, carer: Member, coordinator: Member
) -> None:
    claim = submitted_claim(setting, carer, method="decline")
    payment = approval_actions.approve(claim, coordinator.user)
    claim.refresh_from_db()
    assert (claim.status, payment.amount) == (Status.PAID, Decimal("0.00"))


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_approving_at_the_same_moment_make_one_payment(
    coordinator: Member, carer: Member, admin: Member
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the row lock is proved on PostgreSQL (CI)")
    from coproduce.payments.tests.setup import make_setting

    claim = submitted_claim(make_setting(coordinator, carer), carer)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def approve(user: object) -> None:
        barrier.wait()
        try:
            approval_actions.approve(claim, user)  # type: ignore[arg-type]
            outcomes.append("approved")
        except approval_actions.AlreadyDone:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(u,)) for u in (coordinator.user, admin.user)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["approved", "refused"]
    assert Payment.objects.filter(claim=claim).count() == 1


# --- Benefits ------------------------------------------------------------------------------


def big_week(setting: Setting, carer: Member) -> Claim:
    """A carer on Carer's Allowance paid for a whole day's workshop at £30 an hour."""
    reference.load_figures()
    workshop = past_meeting(setting.project, 30, title="Workshop")
    attended(workshop, carer, minutes=420)
    PaymentPolicy.objects.update(involvement_rate=Decimal("30"))
    benefit_actions.save_benefits(carer.person, carer.user, ["carers_allowance"], consent=True)
    return drafted_claim(setting, carer)


def test_a_payment_over_the_earnings_limit_warns_and_the_choice_is_recorded(
    setting: Setting, carer: Member
) -> None:
    claim = big_week(setting, carer)
    warnings = benefit_actions.benefit_warnings(claim)
    assert [(w.kind, w.earnings, w.limit) for w in warnings] == [
        ("earnings_limit", Decimal("210.00"), Decimal("196.00"))
    ]
    actions.save_travel(claim.lines.get(kind="travel"), "none", None, None, None)
    actions.choose_method(
        claim,
        carer.user,
        {
            "method": "bank",
            "account_name": "M",
            "sort_code": "309430",
            "account_number": "00733445",
        },
    )
    with pytest.raises(actions.ClaimProblem, match="about your benefits"):
        approval_actions.submit(claim, carer.user)
    claim = approval_actions.submit(claim, carer.user, "voucher")
    assert (claim.benefit_warning, claim.benefit_choice, claim.method) == (
        True,
        "voucher",
        "voucher",
    )


def test_expenses_only_pays_no_time(setting: Setting, carer: Member, coordinator: Member) -> None:
    claim = big_week(setting, carer)
    actions.save_travel(claim.lines.get(kind="travel"), "mileage", Decimal("10"), None, None)
    actions.choose_method(claim, carer.user, {"method": "voucher", "voucher_send_to": "m@x"})
    approval_actions.submit(claim, carer.user, "expenses_only")
    assert approval_actions.approve(claim, coordinator.user).amount == Decimal("4.50")


def test_the_earnings_limit_is_read_from_the_dated_figures(setting: Setting, carer: Member) -> None:
    claim = big_week(setting, carer)
    ReferenceFigure.objects.create(
        key="carers_allowance_earnings_limit",
        value=Decimal("250.00"),
        unit="GBP_per_week",
        applies_from=datetime.date(2026, 4, 6),
    )
    assert benefit_actions.benefit_warnings(claim) == []


def test_loading_the_figures_twice_adds_nothing(db: None) -> None:
    reference.load_figures()
    assert reference.load_figures() == 0
    assert reference.figure_on(
        "carers_allowance_earnings_limit", datetime.date(2025, 1, 1)
    ) == Decimal("151.00")


def test_benefits_are_kept_only_with_consent_and_changes_are_audited(carer: Member) -> None:
    benefit_actions.save_benefits(carer.person, carer.user, ["universal_credit"], consent=True)
    assert BenefitRecord.objects.get(person=carer.person).benefits == ["universal_credit"]
    benefit_actions.save_benefits(carer.person, carer.user, [], consent=False)
    assert not BenefitRecord.objects.filter(person=carer.person).exists()
    assert AuditEvent.objects.filter(person=carer.person, action="changed").count() == 2


def test_staff_looking_at_benefits_is_audited(carer: Member, coordinator: Member) -> None:
    benefit_actions.view_benefits(carer.person, carer.user)
    benefit_actions.view_benefits(carer.person, coordinator.user)
    assert list(AuditEvent.objects.filter(action="viewed").values_list("actor", flat=True)) == [
        coordinator.user.pk
    ]


# --- Budget --------------------------------------------------------------------------------


def test_the_budget_reconciles_with_the_claims(
    setting: Setting, carer: Member, coordinator: Member, admin: Member
) -> None:
    claim = submitted_claim(setting, carer)
    rows = {row.kind: row for row in budget.budget_rows(setting.project)}
    assert (rows["carers_time"].committed, rows["travel"].committed) == (
        Decimal("70.00"),
        Decimal("4.50"),
    )
    payment = approval_actions.approve(claim, coordinator.user)
    approval_actions.mark_paid(claim, admin.user, datetime.date.today(), "B1")
    rows = {row.kind: row for row in budget.budget_rows(setting.project)}
    assert sum(row.spent for row in rows.values()) == payment.amount
    assert sum(row.committed for row in rows.values()) == 0
    assert rows["carers_time"].remaining == Decimal("430.00")


def test_the_forecast_warns_when_planned_activities_will_overrun(
    setting: Setting, carer: Member
) -> None:
    from coproduce.activities.tests.factories import ActivityFactory

    for _ in range(13):
        ActivityFactory.create(project=setting.project, duration_minutes=120)
    rows = {row.kind: row for row in budget.budget_rows(setting.project)}
    # The whole carer group (one carer) is expected at each: 13 x £40.
    assert rows["carers_time"].forecast == Decimal("520.00")
    assert rows["carers_time"].overrun


def test_erasing_a_person_forgets_their_benefits_and_bank_details(
    setting: Setting, carer: Member, admin: Member
) -> None:
    from coproduce.people import actions as people_actions

    claim = submitted_claim(setting, carer, method="bank")
    Claim.objects.filter(pk=claim.pk).update(
        account_name="M Carer", sort_code="112233", account_number="12345678"
    )
    benefit_actions.save_benefits(carer.person, carer.user, ["carers_allowance"], consent=True)
    request = people_actions.request_erasure(carer.user, carer.person, "")
    assert people_actions.erase_person(admin.user, request)
    claim.refresh_from_db()
    assert (claim.account_name, claim.sort_code, claim.account_number) == ("", "", "")
    assert not BenefitRecord.objects.filter(person=carer.person).exists()
    assert claim.lines.exists()  # the finance record stays


def test_a_query_tells_the_carer_how_to_phone_or_email_their_organisation(
    setting: Setting, carer: Member, coordinator: Member
) -> None:
    organisation = carer.organisation
    organisation.phone = "01632 960 123"
    organisation.email = "hello@riverside.example"
    organisation.save()
    claim = submitted_claim(setting, carer)
    approval_actions.query(claim, coordinator.user, "Which bus did you take?")
    body = Message.objects.get(kind="payments_queried").body
    assert "call us and we will do it for you" in body
    assert "Phone: 01632 960 123" in body
    assert "Email: hello@riverside.example" in body
