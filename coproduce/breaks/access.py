"""The door to the carers' breaks scheme.

Referrals are seen by the referring practice (its members) and by the scheme's payment
support organisation (its admins and coordinators), and by nobody else.
"""

import datetime

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest

from coproduce.breaks.models import Practice, PracticeMember, Referral, ReferralStatus, Scheme
from coproduce.people.models import Person
from coproduce.tenancy.access import one, require_staff, user_for
from coproduce.tenancy.models import Organisation


def practices_for(request: HttpRequest) -> QuerySet[Practice]:
    """Practices the user refers for."""
    return Practice.objects.filter(members__user=user_for(request)).select_related("scheme")


def referring_practice_for(request: HttpRequest, pk: int) -> Practice:
    """One of the practices the user refers for (Http404 for anyone else's)."""
    return one(practices_for(request).select_related("scheme__payment_organisation"), pk=pk)


def practice_referrals_for(request: HttpRequest) -> QuerySet[Referral]:
    return Referral.objects.filter(practice__members__user=user_for(request))


def practice_referral_for(request: HttpRequest, pk: int) -> Referral:
    return one(practice_referrals_for(request).select_related("scheme", "practice"), pk=pk)


def referral_queue_for(request: HttpRequest) -> QuerySet[Referral]:
    """Sent referrals for schemes the user's organisation pays out for."""
    membership = require_staff(request)
    return Referral.objects.filter(
        scheme__payment_organisation_id=membership.organisation_id
    ).exclude(status=ReferralStatus.DRAFT)


def referrals_waiting(request: HttpRequest) -> QuerySet[Referral]:
    """Sent referrals still waiting for the payment support organisation's decision,
    oldest first, each with its practice."""
    waiting = referral_queue_for(request).filter(status=ReferralStatus.SUBMITTED)
    return waiting.select_related("practice").order_by("submitted_at", "pk")


def queued_referral_for(request: HttpRequest, pk: int) -> Referral:
    return one(referral_queue_for(request).select_related("scheme", "practice"), pk=pk)


def schemes_for(request: HttpRequest) -> QuerySet[Scheme]:
    """Schemes whose figures the user's organisation may see: partners and the payer."""
    organisation = require_staff(request).organisation_id
    return Scheme.objects.filter(
        Q(partnership__organisations=organisation) | Q(payment_organisation_id=organisation)
    ).distinct()


def scheme_for(request: HttpRequest, pk: int) -> Scheme:
    return one(schemes_for(request).select_related("payment_organisation"), pk=pk)


def scheme_practice_for(request: HttpRequest, pk: int) -> Practice:
    """A practice of a scheme the user's organisation runs or pays for, for its staff to
    invite (the practice's own members reach theirs through `practices_for`)."""
    practices = Practice.objects.filter(scheme__in=schemes_for(request))
    return one(practices.select_related("scheme__payment_organisation"), pk=pk)


def members_of(practice: Practice) -> QuerySet[PracticeMember]:
    """Who has signed up to refer for `practice` (which came through `scheme_practice_for`),
    each with the name their record has in one of the scheme's partner organisations."""
    partnership = practice.scheme.partnership_id
    names = Person.objects.filter(
        Q(organisation__partnerships=partnership) | Q(organisation__partnerships_led=partnership),
        user_id=OuterRef("user_id"),
        erased_at=None,
    ).order_by("pk")
    members = practice.members.select_related("user")
    return members.annotate(full_name=Subquery(names.values("full_name")[:1]))


def pays_for_a_scheme(request: HttpRequest) -> bool:
    """Whether the user's organisation is the payment support organisation of a scheme."""
    organisation = require_staff(request).organisation_id
    return Scheme.objects.filter(payment_organisation_id=organisation).exists()


def referrals_paid_by(organisation_id: int) -> QuerySet[Referral]:
    """Sent referrals for schemes an organisation pays out for (its staff's queue), for a
    caller acting for it without a sign-in (an API token's organisation)."""
    return Referral.objects.filter(scheme__payment_organisation_id=organisation_id).exclude(
        status=ReferralStatus.DRAFT
    )


def referral_figures_of(
    organisation: Organisation, since: datetime.datetime, until: datetime.datetime
) -> dict[str, int]:
    """How many referrals sent in [since, until) to the schemes an organisation pays for
    are in each state (one query; counts only, for its open data)."""
    sent = Referral.objects.filter(
        scheme__payment_organisation=organisation,
        submitted_at__gte=since,
        submitted_at__lt=until,
    ).exclude(status=ReferralStatus.DRAFT)
    counts = sent.order_by().values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in counts}
