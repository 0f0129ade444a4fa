"""Demo payments at Riverside: dated rates, claims drafted from the discharge project's
register, in every state from draft to paid, and Margaret's own claim for the two meetings
she attended, waiting for her to check and send (with a benefits warning: she receives
Pension Credit, which earnings can reduce).

Claims are drafted through `payments.actions.draft_claims`; the later states are written as
`actions` would have left them, without anyone being notified.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.activities.models import Activity, ActivityStatus, Invitation, Reply
from coproduce.demo.named import CARER_EMAIL, COORDINATOR_EMAIL
from coproduce.payments import actions, approval_actions, benefit_actions, reference
from coproduce.payments.models import (
    Basis,
    Claim,
    ClaimEvent,
    Method,
    Payment,
    PaymentPolicy,
    Status,
    TravelMode,
)
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.tenancy.models import Organisation

DISCHARGE = "Hospital discharge that works for carers"
ALL_METHODS = [m.value for m in Method]


@dataclass(frozen=True)
class PaymentsSummary:
    claims: int
    paid: int
    margaret_claim: int


def remove(organisations: QuerySet[Organisation]) -> None:
    """Payments protect their claims (and claims their activities): they go first, before
    the demo's projects are removed."""
    claims = Claim.objects.filter(
        Q(organisation__in=organisations) | Q(project__organisation__in=organisations)
    )
    Payment.objects.filter(claim__in=claims).delete()
    claims.delete()


def add_rates(centre: Organisation, by: User, today: datetime.date) -> None:
    """Last year's rates, and this year's (a rise): each applies from its own date."""
    common = {
        "involvement_basis": Basis.HOUR,
        "another_way_minutes": 60,
        "mileage_rate": Decimal("0.45"),
        "methods": ALL_METHODS,
        "created_by": by,
    }
    PaymentPolicy.objects.bulk_create(
        [
            PaymentPolicy(
                organisation=centre,
                applies_from=today - datetime.timedelta(days=400),
                involvement_rate=Decimal("18.00"),
                replacement_care_cap=Decimal("60.00"),
                **common,
            ),
            PaymentPolicy(
                organisation=centre,
                applies_from=today - datetime.timedelta(days=150),
                involvement_rate=Decimal("20.00"),
                replacement_care_cap=Decimal("75.00"),
                **common,
            ),
        ]
    )


def margaret_attended_two(project: Project, margaret: Person) -> list[Activity]:
    """Margaret came to the workshop and the online check-in (whatever the draw said), and
    needed a taxi and a sitter for the workshop."""
    met = list(
        Activity.objects.filter(
            project=project, status=ActivityStatus.SCHEDULED, starts_at__lt=timezone.now()
        ).order_by("-starts_at")[:2]
    )
    for activity in met:
        in_person = activity.format != "online"
        Invitation.objects.update_or_create(
            activity=activity,
            person=margaret,
            defaults={
                "reply": Reply.COMING,
                "attended": True,
                "attended_minutes": activity.duration_minutes,
                "travel_needed": in_person,
                "replacement_care_needed": in_person,
            },
        )
    return met


def fill_in_and_send(claim: Claim, by: User, method: str, at: datetime.datetime) -> None:
    for line in claim.lines.filter(kind="travel"):
        line.travel_mode = TravelMode.MILEAGE
        line.miles = Decimal("8.0")
        line.rate = Decimal("0.45")
        line.amount = Decimal("3.60")
        line.save()
    for line in claim.lines.filter(kind="replacement_care"):
        line.amount = Decimal("42.00")
        line.description = "Sitter from Crossroads, 3 hours"
        line.save()
    claim.method = method
    if method == Method.VOUCHER:
        claim.voucher_send_to = claim.person.email or claim.person.address
    elif method == Method.BANK:
        claim.account_name = claim.person.full_name[:100]
        claim.sort_code = "309430"
        claim.account_number = f"{claim.pk:08d}"
    claim.status = Status.SUBMITTED
    claim.submitted_at = at
    claim.save()
    ClaimEvent.objects.create(
        claim=claim, from_status=Status.DRAFT, to_status=Status.SUBMITTED, what="submitted", by=by
    )


def approve(claim: Claim, by: User, at: datetime.datetime, paid_on: datetime.date | None) -> None:
    Payment.objects.create(
        claim=claim,
        amount=approval_actions.amount_of(claim),
        method=claim.method,
        approved_by=by,
        approved_at=at,
        paid_on=paid_on,
        reference=f"RCC-{claim.pk:05d}" if paid_on else "",
        paid_by=by if paid_on else None,
    )
    ClaimEvent.objects.create(
        claim=claim, from_status=Status.SUBMITTED, to_status=Status.APPROVED, what="approved", by=by
    )
    claim.status = Status.APPROVED
    if paid_on:
        ClaimEvent.objects.create(
            claim=claim, from_status=Status.APPROVED, to_status=Status.PAID, what="paid", by=by
        )
        claim.status = Status.PAID
    claim.save(update_fields=["status"])


def build(*, today: datetime.date, centre: Organisation) -> PaymentsSummary:
    """Rates, claims for the discharge project, and Margaret's claim ready to check."""
    reference.load_figures()
    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    add_rates(centre, coordinator, today)
    project = Project.objects.get(organisation=centre, title=DISCHARGE)
    margaret = Person.objects.get(organisation=centre, user__email=CARER_EMAIL)
    margaret_attended_two(project, margaret)
    benefit_actions.save_benefits(
        margaret, margaret.user or coordinator, ["pension_credit"], consent=True
    )
    actions.draft_claims(project, coordinator)

    others = list(
        Claim.objects.filter(project=project, status=Status.DRAFT)
        .exclude(person=margaret)
        .select_related("person")
        .order_by("pk")
    )
    when = timezone.now() - datetime.timedelta(days=12)
    methods = [Method.BANK, Method.VOUCHER, Method.BANK, Method.DONATE, Method.IN_KIND]
    paid = 0
    for n, claim in enumerate(others):
        if n % 6 == 5:
            continue  # still a draft: not checked yet
        method = methods[n % len(methods)]
        if method == Method.IN_KIND:
            claim.in_kind_note = "A voucher for the garden centre café"
        fill_in_and_send(claim, claim.person.user or coordinator, method, when)
        if n % 3 == 0:
            continue  # waiting for the coordinator
        paid_on = today - datetime.timedelta(days=5) if n % 3 == 1 else None
        approve(claim, coordinator, when + datetime.timedelta(days=2), paid_on)
        paid += paid_on is not None
    margaret_claim = Claim.objects.get(project=project, person=margaret, status=Status.DRAFT)
    return PaymentsSummary(
        claims=Claim.objects.filter(project=project).count(),
        paid=paid,
        margaret_claim=margaret_claim.pk,
    )
