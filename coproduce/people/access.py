"""The door to people's records: staff reach their organisation's people, everyone their
own record. Other apps reach "the signed-in person's own rows" through `own_rows`."""

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from coproduce.people.models import CaredFor, ErasureRequest, Person
from coproduce.tenancy.access import (
    ADMIN_ROLES,
    PEOPLE_ROLES,
    Need,
    membership_for,
    one,
    prefixed,
    require_role,
    require_staff,
)
from coproduce.tenancy.models import Membership


def own_rows(membership: Membership, path: str = "person") -> Q:
    """Rows that belong to the member's own (not erased) record in the organisation they
    act for; `path` leads from the row to its person ("" for people themselves)."""
    return Q(
        **prefixed(
            path,
            user_id=membership.user_id,
            organisation_id=membership.organisation_id,
            erased_at=None,
        )
    )


def people_for(request: HttpRequest) -> QuerySet[Person]:
    """People of the user's organisation that staff may see (never erased ones)."""
    membership = require_staff(request)
    return Person.objects.filter(organisation_id=membership.organisation_id, erased_at=None)


def person_for(request: HttpRequest, pk: int, need: Need = "view") -> Person:
    """Another person's record, for staff. `need` is the same for view and edit today."""
    return one(people_for(request).select_related("carer_profile"), pk=pk)


def own_person(request: HttpRequest) -> Person:
    """The signed-in user's own record in the organisation they are acting for."""
    membership = membership_for(request)
    return one(Person.objects.select_related("carer_profile").filter(own_rows(membership, "")))


def subject_for(request: HttpRequest, pk: int | None, need: Need = "view") -> Person:
    """The person a profile page is about: someone else's (staff) or the user's own."""
    if pk is None:
        return own_person(request)
    return person_for(request, pk, need)


def with_everything(person: Person) -> Person:
    """`person` (who came through this module) again, with everything held about them
    loaded in a fixed number of queries, for their profile page and their download."""
    return (
        Person.objects.select_related("organisation", "carer_profile", "equality")
        .prefetch_related("carer_profile__cared_for", "consents", "erasure_requests")
        .get(pk=person.pk)
    )


def cared_for_of(person: Person, pk: int) -> CaredFor:
    """Someone `person` cares for; `person` must itself have come through this module."""
    return one(CaredFor.objects.filter(profile__person=person), pk=pk)


def erasure_requests_for(request: HttpRequest) -> QuerySet[ErasureRequest]:
    membership = require_role(request, ADMIN_ROLES)
    return ErasureRequest.objects.filter(person__organisation_id=membership.organisation_id)


def erasure_request_for(request: HttpRequest, pk: int) -> ErasureRequest:
    return one(erasure_requests_for(request).select_related("person"), pk=pk)


def staff_people_of(organisation_id: int) -> QuerySet[Person]:
    """Who may coordinate a project of an organisation the caller already reached through
    an access module: people whose sign-in has an admin or coordinator role there."""
    return Person.objects.filter(
        organisation_id=organisation_id,
        erased_at=None,
        user__memberships__organisation_id=organisation_id,
        user__memberships__role__in=PEOPLE_ROLES,
    ).distinct()


def group_member_of(project_id: int, person_pk: int) -> Person:
    """A current member of the group of a project the caller already reached through an
    access module (activities and decisions record things for them)."""
    return one(
        Person.objects.select_related("carer_profile").filter(
            erased_at=None,
            project_memberships__project_id=project_id,
            project_memberships__left_on=None,
        ),
        pk=person_pk,
    )


def names_of_users(organisation_id: int, user_ids: Iterable[int | None]) -> dict[int | None, str]:
    """Who did something (moved an activity, updated an action), by their sign-in, as named
    in an organisation the caller already reached through an access module: for its staff."""
    people = Person.objects.filter(organisation_id=organisation_id, user_id__in=user_ids)
    return dict(people.values_list("user_id", "full_name"))


def people_of_organisation(organisation_id: int) -> QuerySet[Person]:
    """People of an organisation the caller already acts for without a sign-in (an API
    token's organisation), as its staff see them: never erased ones."""
    return Person.objects.filter(organisation_id=organisation_id, erased_at=None)
