"""The door to claims and payments.

A claim is handled by the staff of the organisation it belongs to (the claimant's); a carer
sees and changes only their own. Only admins (finance) record payments, download payees'
details and change rates; coordinators approve.
"""

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from coproduce.payments.models import Claim, Line, PaymentPolicy, Status
from coproduce.people.access import own_rows
from coproduce.people.models import Person
from coproduce.projects.access import project_for, projects_for
from coproduce.projects.models import Project
from coproduce.tenancy.access import (
    ADMIN_ROLES,
    PEOPLE_ROLES,
    Need,
    membership_for,
    of_organisation,
    one,
    require_role,
    require_staff,
)


def claims_for(request: HttpRequest) -> QuerySet[Claim]:
    membership = membership_for(request)
    if membership.role in PEOPLE_ROLES:
        return Claim.objects.filter(of_organisation(membership))
    return Claim.objects.filter(own_rows(membership))


def claims_to_approve(request: HttpRequest) -> QuerySet[Claim]:
    """Staff: claims of the organisation's carers, on projects the user reaches, waiting for
    approval; the longest waiting first, each with its claimant and project."""
    membership = require_staff(request)
    waiting = Claim.objects.filter(
        of_organisation(membership),
        project__in=projects_for(request),
        status=Status.SUBMITTED,
    )
    return waiting.select_related("person", "project").order_by("submitted_at", "pk")


def projects_to_claim_from(person: Person) -> QuerySet[Project]:
    """Projects with an activity `person` (who came through people.access) was invited to:
    where they may have something to claim."""
    return Project.objects.filter(activities__invitations__person=person).distinct()


def claim_for(request: HttpRequest, pk: int) -> Claim:
    related = ("person__carer_profile", "project__coordinator", "organisation")
    return one(claims_for(request).select_related(*related), pk=pk)


def claim_to_review(request: HttpRequest, pk: int) -> Claim:
    require_staff(request)
    return claim_for(request, pk)


def claim_to_pay(request: HttpRequest, pk: int) -> Claim:
    require_role(request, ADMIN_ROLES)
    return claim_for(request, pk)


def claim_line_of(claim: Claim, pk: int) -> Line:
    """A line of `claim`, which must itself have come through this module."""
    line = one(Line.objects.filter(claim=claim).select_related("activity"), pk=pk)
    line.claim = claim
    return line


def project_to_export(request: HttpRequest, pk: int) -> Project:
    """A project whose approved claims, with payees' bank details, the user may download:
    only admins, who record payments; coordinators approve claims but never need them."""
    require_role(request, ADMIN_ROLES)
    return project_for(request, pk, need="edit")


def receipt_of(request: HttpRequest, claim_pk: int, pk: int) -> Line:
    """A line's receipt, for the claim's own carer and the staff of its organisation, who
    approve it; 404 for everyone else, and when the line has no receipt."""
    line = claim_line_of(claim_for(request, claim_pk), pk)
    if not line.receipt:
        raise Http404("No receipt")
    return line


def payment_policies_for(request: HttpRequest, need: Need = "view") -> QuerySet[PaymentPolicy]:
    membership = require_role(request, ADMIN_ROLES if need == "edit" else PEOPLE_ROLES)
    return PaymentPolicy.objects.filter(of_organisation(membership))


def claims_of_organisation(organisation_id: int) -> QuerySet[Claim]:
    """An organisation's claims, as its staff see them, for a caller acting for it without
    a sign-in (an API token's organisation)."""
    return Claim.objects.filter(organisation_id=organisation_id)
