"""The one door to tenant data.

Every view gets tenant objects through a function here. Each returns the object (or a
queryset already scoped to the user's organisation and role) or raises:

- PermissionDenied (403) when the user's role may not do this kind of thing at all;
- Http404 when the object does not exist *for this user* - whether it belongs to another
  organisation or does not exist is never revealed.
"""

from typing import Literal, cast

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.breaks.models import Practice, Referral, ReferralStatus, Scheme
from coproduce.people.models import CaredFor, ErasureRequest, Person
from coproduce.projects.models import Project
from coproduce.tenancy.models import Membership, Role

Need = Literal["view", "edit"]


class SignInRequired(PermissionDenied):
    """Nobody is signed in: TenancyMiddleware sends them to sign in and back."""


# Which roles may see and change other people's records in their organisation.
PEOPLE_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})
ADMIN_ROLES = frozenset({Role.ADMIN})


def membership_for(request: HttpRequest) -> Membership:
    if not request.user.is_authenticated:
        raise SignInRequired("Sign in first")
    membership = cast(Membership | None, getattr(request, "membership", None))
    if membership is None:
        raise PermissionDenied("You are not a member of any organisation")
    return membership


def user_for(request: HttpRequest) -> User:
    if not request.user.is_authenticated:
        raise SignInRequired("Sign in first")
    return request.user


def require_role(request: HttpRequest, roles: frozenset[Role]) -> Membership:
    membership = membership_for(request)
    if membership.role not in roles:
        raise PermissionDenied("Your role cannot do this")
    return membership


def people_for(request: HttpRequest) -> QuerySet[Person]:
    """People of the user's organisation that staff may see (never erased ones)."""
    membership = require_role(request, PEOPLE_ROLES)
    return Person.objects.filter(organisation_id=membership.organisation_id, erased_at=None)


def person_for(request: HttpRequest, pk: int, need: Need = "view") -> Person:
    """Another person's record, for staff. `need` is the same for view and edit today."""
    people = people_for(request)
    try:
        return people.select_related("carer_profile").get(pk=pk)
    except Person.DoesNotExist:
        raise Http404("No such person") from None


def own_person(request: HttpRequest) -> Person:
    """The signed-in user's own record in the organisation they are acting for."""
    membership = membership_for(request)
    try:
        return Person.objects.select_related("carer_profile").get(
            organisation_id=membership.organisation_id, user_id=membership.user_id, erased_at=None
        )
    except Person.DoesNotExist:
        raise Http404("You have no record here") from None


def subject_for(request: HttpRequest, pk: int | None, need: Need = "view") -> Person:
    """The person a profile page is about: someone else's (staff) or the user's own."""
    if pk is None:
        return own_person(request)
    return person_for(request, pk, need)


def cared_for_of(person: Person, pk: int) -> CaredFor:
    """Someone `person` cares for; `person` must itself have come through this module."""
    try:
        return CaredFor.objects.get(profile__person=person, pk=pk)
    except CaredFor.DoesNotExist:
        raise Http404("No such person cared for") from None


def erasure_requests_for(request: HttpRequest) -> QuerySet[ErasureRequest]:
    membership = require_role(request, ADMIN_ROLES)
    return ErasureRequest.objects.filter(person__organisation_id=membership.organisation_id)


def erasure_request_for(request: HttpRequest, pk: int) -> ErasureRequest:
    try:
        return erasure_requests_for(request).select_related("person").get(pk=pk)
    except ErasureRequest.DoesNotExist:
        raise Http404("No such request") from None


def audit_events_for(request: HttpRequest) -> QuerySet[AuditEvent]:
    membership = require_role(request, ADMIN_ROLES)
    return AuditEvent.objects.filter(organisation_id=membership.organisation_id)


def memberships_for(request: HttpRequest) -> QuerySet[Membership]:
    user = user_for(request)
    return Membership.objects.filter(user=user).select_related("organisation")


# --- Projects ---------------------------------------------------------------------------
# Staff (admins and coordinators) see every project their organisation owns or co-owns
# through a partnership; anyone else sees only the projects whose group they are in.


def projects_for(request: HttpRequest, need: Need = "view") -> QuerySet[Project]:
    membership = membership_for(request)
    organisation = membership.organisation_id
    if membership.role in PEOPLE_ROLES:
        owned = Q(organisation_id=organisation) | Q(partnership__organisations=organisation)
        return Project.objects.filter(owned).distinct()
    if need == "edit":
        raise PermissionDenied("Only staff can change a project")
    return Project.objects.filter(
        members__person__user_id=membership.user_id,
        members__person__organisation_id=organisation,
        members__left_on=None,
    ).distinct()


def project_for(request: HttpRequest, pk: int, need: Need = "view") -> Project:
    try:
        return projects_for(request, need).select_related("coordinator").get(pk=pk)
    except Project.DoesNotExist:
        raise Http404("No such project") from None


# --- Recruitment (briefs, expressions of interest) ----------------------------------------
# (recruitment access functions go here)


# --- Activities ---------------------------------------------------------------------------
# (activities access functions go here)


# --- Carers' breaks ---------------------------------------------------------------------
# Referrals are seen by the referring practice (its members) and by the scheme's payment
# support organisation (its admins and coordinators), and by nobody else.


def practices_for(request: HttpRequest) -> QuerySet[Practice]:
    """Practices the user refers for."""
    user = user_for(request)
    return Practice.objects.filter(members__user=user).select_related("scheme")


def practice_referrals_for(request: HttpRequest) -> QuerySet[Referral]:
    user = user_for(request)
    return Referral.objects.filter(practice__members__user=user)


def practice_referral_for(request: HttpRequest, pk: int) -> Referral:
    try:
        return practice_referrals_for(request).select_related("scheme", "practice").get(pk=pk)
    except Referral.DoesNotExist:
        raise Http404("No such referral") from None


def referral_queue_for(request: HttpRequest) -> QuerySet[Referral]:
    """Sent referrals for schemes the user's organisation pays out for."""
    membership = require_role(request, PEOPLE_ROLES)
    return Referral.objects.filter(
        scheme__payment_organisation_id=membership.organisation_id
    ).exclude(status=ReferralStatus.DRAFT)


def queued_referral_for(request: HttpRequest, pk: int) -> Referral:
    try:
        return referral_queue_for(request).select_related("scheme", "practice").get(pk=pk)
    except Referral.DoesNotExist:
        raise Http404("No such referral") from None


def schemes_for(request: HttpRequest) -> QuerySet[Scheme]:
    """Schemes whose figures the user's organisation may see: partners and the payer."""
    membership = require_role(request, PEOPLE_ROLES)
    organisation = membership.organisation_id
    return Scheme.objects.filter(
        Q(partnership__organisations=organisation) | Q(payment_organisation_id=organisation)
    ).distinct()


def scheme_for(request: HttpRequest, pk: int) -> Scheme:
    try:
        return schemes_for(request).select_related("payment_organisation").get(pk=pk)
    except Scheme.DoesNotExist:
        raise Http404("No such scheme") from None
