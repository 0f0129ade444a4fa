import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from coproduce.audit.access import audit_events_for
from coproduce.conftest import Member
from coproduce.people.access import (
    cared_for_of,
    erasure_requests_for,
    own_person,
    people_for,
    person_for,
)
from coproduce.tenancy.tests.requests import request_as


def test_coordinator_sees_people_of_their_own_organisation_only(
    coordinator: Member, carer: Member, carer_b: Member
) -> None:
    people = people_for(request_as(coordinator.user))
    assert carer.person in people
    assert carer_b.person not in people


def test_another_organisations_person_is_not_found_not_forbidden(
    coordinator: Member, carer_b: Member
) -> None:
    with pytest.raises(Http404):
        person_for(request_as(coordinator.user), carer_b.person.pk)


def test_carer_and_professional_may_not_list_people(carer: Member, professional: Member) -> None:
    for member in (carer, professional):
        with pytest.raises(PermissionDenied):
            people_for(request_as(member.user))


def test_anonymous_visitors_have_no_membership(db: None) -> None:
    with pytest.raises(PermissionDenied):
        people_for(request_as(None))
    with pytest.raises(PermissionDenied):
        own_person(request_as(None))


def test_only_admins_see_the_audit_log_and_erasure_requests(
    coordinator: Member, admin: Member
) -> None:
    with pytest.raises(PermissionDenied):
        audit_events_for(request_as(coordinator.user))
    with pytest.raises(PermissionDenied):
        erasure_requests_for(request_as(coordinator.user))
    assert audit_events_for(request_as(admin.user)).count() == 0


def test_own_person_is_the_users_record_in_the_current_organisation(carer: Member) -> None:
    assert own_person(request_as(carer.user)) == carer.person


def test_erased_people_are_not_listed(coordinator: Member, carer: Member) -> None:
    carer.person.erased_at = carer.person.created_at
    carer.person.save()
    assert carer.person not in people_for(request_as(coordinator.user))
    with pytest.raises(Http404):
        own_person(request_as(carer.user))


def test_cared_for_of_another_person_is_not_found(carer: Member, carer_b: Member) -> None:
    from coproduce.people.tests.factories import CaredForFactory

    theirs = CaredForFactory.create(profile=carer_b.person.carer_profile)
    with pytest.raises(Http404):
        cared_for_of(carer.person, theirs.pk)
