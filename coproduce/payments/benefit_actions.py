"""Benefits a carer receives, kept only with their consent, and the warnings drawn from
them when a payment for their time might affect one."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.actions import record
from coproduce.audit.models import AuditAction, DataCategory
from coproduce.payments import reference, rules
from coproduce.payments.actions import local_day
from coproduce.payments.models import TIME_KINDS, UNPAID_METHODS, BenefitRecord, Claim, Line
from coproduce.people.models import Person


def benefit_warnings(claim: Claim) -> list[rules.Warning]:
    """Warnings for this claim from the person's benefits record (none without one)."""
    benefits = BenefitRecord.objects.filter(person_id=claim.person_id).first()
    if benefits is None or not benefits.benefits:
        return []
    weeks: dict[datetime.date, Decimal] = defaultdict(Decimal)
    own_weeks: set[datetime.date] = set()
    for line in claim.lines.filter(kind__in=TIME_KINDS).select_related("activity"):
        week = rules.week_of(local_day(line.activity))
        weeks[week] += line.amount
        own_weeks.add(week)
    if not own_weeks:
        return []
    others = (
        Line.objects.filter(person_id=claim.person_id, kind__in=TIME_KINDS)
        .exclude(claim=claim)
        .exclude(claim__expenses_only=True)
        .exclude(claim__method__in=UNPAID_METHODS)
        .select_related("activity")
    )
    for line in others:
        week = rules.week_of(local_day(line.activity))
        if week in own_weeks:
            weeks[week] += line.amount
    limits = reference.figures_on(rules.CARERS_ALLOWANCE_LIMIT, own_weeks)
    return rules.benefit_warnings(benefits.benefits, dict(weeks), limits)


@transaction.atomic
def save_benefits(person: Person, by: User, benefits: list[str], consent: bool) -> None:
    """Keep which benefits a person receives while they consent; forget them when not."""
    if not consent:
        BenefitRecord.objects.filter(person=person).delete()
    else:
        BenefitRecord.objects.update_or_create(
            person=person,
            defaults={
                "benefits": sorted(benefits),
                "consent_given_at": timezone.now(),
                "recorded_by": by,
            },
        )
    record(
        actor=by,
        person=person,
        action=AuditAction.CHANGED,
        categories=[DataCategory.CARING],
        detail="Benefits record " + ("saved" if consent else "removed (no consent)"),
    )


def view_benefits(person: Person, by: User) -> BenefitRecord | None:
    """The person's benefits record; a staff member looking at it is audited."""
    if person.user_id != by.pk:
        record(
            actor=by,
            person=person,
            action=AuditAction.VIEWED,
            categories=[DataCategory.CARING],
            detail="Benefits record",
        )
    return BenefitRecord.objects.filter(person=person).first()


def forget_benefits(person: Person) -> None:
    """Erasure: which benefits they receive goes."""
    BenefitRecord.objects.filter(person=person).delete()


def forget_bank_details(person: Person) -> None:
    """Erasure: how to reach their money goes. The claims themselves stay (amounts, dates,
    what for), as finance records must."""
    Claim.objects.filter(person=person).update(
        account_name="", sort_code="", account_number="", voucher_send_to="", in_kind_note=""
    )
