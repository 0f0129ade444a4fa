import json

from django.test import Client
from django.urls import reverse

from coproduce.audit.models import AuditAction, AuditEvent
from coproduce.conftest import Member
from coproduce.people import actions
from coproduce.people.models import CaredFor, EqualityMonitoring
from coproduce.people.tests.factories import CaredForFactory


def test_carer_sees_everything_held_about_them(carer_client: Client, carer: Member) -> None:
    CaredForFactory.create(profile=carer.person.carer_profile, name="Bill", conditions=["dementia"])
    html = carer_client.get(reverse("people:you")).content.decode()
    assert "Your information" in html
    assert carer.person.email in html
    assert "Bill" in html
    assert "Dementia" in html
    assert "Download all this information" in html


def test_viewing_a_profile_is_audited_with_who_and_what(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    coordinator_client.get(reverse("people:person", args=[carer.person.pk]))
    event = AuditEvent.objects.get(person=carer.person, action=AuditAction.VIEWED)
    assert event.actor == coordinator.user
    assert {"caring", "health", "disability"} <= set(event.categories)


def test_carer_can_see_who_looked_at_their_information(
    carer_client: Client, coordinator_client: Client, carer: Member, coordinator: Member
) -> None:
    coordinator_client.get(reverse("people:person", args=[carer.person.pk]))
    html = carer_client.get(reverse("people:you")).content.decode()
    assert "Who has looked at or changed your information" in html
    assert coordinator.user.email in html


def test_carer_edits_a_section_and_it_is_audited(carer_client: Client, carer: Member) -> None:
    response = carer_client.post(
        reverse("people:you-change", args=["access"]),
        {
            "access_needs": ["hearing_loop", "large_print"],
            "interpreter_language": "",
            "access_needs_other": "",
        },
    )
    assert response["Location"] == reverse("people:you")
    carer.person.carer_profile.refresh_from_db()
    assert carer.person.carer_profile.access_needs == ["hearing_loop", "large_print"]
    event = AuditEvent.objects.get(person=carer.person, action=AuditAction.CHANGED)
    assert event.categories == ["disability"]
    assert event.detail == "Changed access"


def test_interpreter_needs_a_language_and_nothing_typed_is_lost(
    carer_client: Client, carer: Member
) -> None:
    response = carer_client.post(
        reverse("people:you-change", args=["access"]),
        {"access_needs": ["interpreter", "bsl"], "access_needs_other": "Short sessions please"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter the language you need an interpreter for" in html
    assert "Short sessions please" in html
    assert 'value="bsl" checked' in html


def test_contact_preferences_cannot_block_the_preferred_channel(carer_client: Client) -> None:
    response = carer_client.post(
        reverse("people:you-change", args=["contact"]),
        {
            "preferred_channel": "email",
            "do_not_contact": ["email"],
            "preferred_language": "en",
            "notice_days": "14",
        },
    )
    assert "You cannot choose a way we must never use" in response.content.decode()


def test_contact_preferences_save_language_and_flags(carer_client: Client, carer: Member) -> None:
    carer_client.post(
        reverse("people:you-change", args=["contact"]),
        {
            "preferred_channel": "email",
            "do_not_contact": ["phone", "sms"],
            "preferred_language": "cy",
            "notice_days": "21",
        },
    )
    carer.person.refresh_from_db()
    profile = carer.person.carer_profile
    profile.refresh_from_db()
    assert carer.person.preferred_language == "cy"
    assert (profile.no_phone, profile.no_sms, profile.no_email, profile.notice_days) == (
        True,
        True,
        False,
        21,
    )


def test_unknown_section_is_not_found(carer_client: Client) -> None:
    assert carer_client.get(reverse("people:you-change", args=["secrets"])).status_code == 404


def test_coordinator_edits_a_carers_details_on_their_behalf(
    coordinator_client: Client, carer: Member
) -> None:
    url = reverse("people:person-change", args=[carer.person.pk, "details"])
    response = coordinator_client.post(
        url, {"full_name": "Margaret Jones", "phone": "01632 960001", "address": "", "postcode": ""}
    )
    assert response.status_code == 302
    carer.person.refresh_from_db()
    assert carer.person.full_name == "Margaret Jones"


def test_details_need_at_least_one_way_to_get_in_touch(carer_client: Client) -> None:
    response = carer_client.post(
        reverse("people:you-change", args=["details"]), {"full_name": "Margaret"}
    )
    assert "Enter at least one way to get in touch" in response.content.decode()


def test_cared_for_people_are_added_changed_and_removed(
    carer_client: Client, carer: Member
) -> None:
    carer_client.post(
        reverse("people:you-cared-for-add"),
        {
            "name": "Bill",
            "relationship": "partner",
            "conditions": ["dementia"],
            "lives_with_carer": "yes",
        },
    )
    bill = CaredFor.objects.get(profile__person=carer.person)
    assert bill.lives_with_carer
    carer_client.post(
        reverse("people:you-cared-for-change", args=[bill.pk]),
        {"name": "William", "relationship": "partner", "lives_with_carer": "no"},
    )
    bill.refresh_from_db()
    assert bill.name == "William"
    carer_client.post(reverse("people:you-cared-for-remove", args=[bill.pk]))
    assert not CaredFor.objects.filter(pk=bill.pk).exists()


def test_a_carer_cannot_touch_someone_elses_cared_for(
    carer_client: Client, carer_b: Member
) -> None:
    theirs = CaredForFactory.create(profile=carer_b.person.carer_profile)
    assert (
        carer_client.get(reverse("people:you-cared-for-change", args=[theirs.pk])).status_code
        == 404
    )
    assert (
        carer_client.post(reverse("people:you-cared-for-remove", args=[theirs.pk])).status_code
        == 404
    )
    assert CaredFor.objects.filter(pk=theirs.pk).exists()


def test_staff_never_see_equality_answers(coordinator_client: Client, carer: Member) -> None:
    actions.save_equality(
        carer.user,
        carer.person,
        {"consent": True, "ethnic_group": "white_roma", "age_band": "65_74"},
    )
    form = coordinator_client.get(
        reverse("people:person-equality", args=[carer.person.pk])
    ).content.decode()
    assert 'value="white_roma" selected' not in form
    assert 'value="65_74" checked' not in form
    download = json.loads(
        coordinator_client.get(reverse("people:person-download", args=[carer.person.pk])).content
    )
    assert download["equality_monitoring"] == {"answered": True}


def test_carer_sees_and_changes_their_own_equality_answers(
    carer_client: Client, carer: Member
) -> None:
    carer_client.post(
        reverse("people:you-equality"),
        {"consent": "yes", "ethnic_group": "white_roma", "age_band": "65_74", "young_carer": "no"},
    )
    assert EqualityMonitoring.objects.get(person=carer.person).ethnic_group == "white_roma"
    form = carer_client.get(reverse("people:you-equality")).content.decode()
    assert 'value="white_roma" selected' in form


def test_download_has_everything_and_is_audited(carer_client: Client, carer: Member) -> None:
    CaredForFactory.create(profile=carer.person.carer_profile, name="Bill")
    response = carer_client.get(reverse("people:you-download"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["details"]["email"] == carer.person.email
    assert data["carer_profile"]["cared_for"][0]["name"] == "Bill"
    assert AuditEvent.objects.filter(person=carer.person, action=AuditAction.EXPORTED).exists()


def test_carer_asks_for_erasure_and_an_admin_completes_it(
    carer_client: Client, admin_client_a: Client, carer: Member
) -> None:
    carer_client.post(reverse("people:you-erase"), {"reason": "Moving away"})
    listing = admin_client_a.get(reverse("people:erasure-requests")).content.decode()
    assert carer.person.full_name in listing
    request = carer.person.erasure_requests.get()
    admin_client_a.post(reverse("people:complete-erasure", args=[request.pk]))
    carer.person.refresh_from_db()
    assert carer.person.erased_at is not None
    assert carer.person.full_name == "Erased person"


def test_coordinator_cannot_complete_erasure(coordinator_client: Client, carer: Member) -> None:
    request = actions.request_erasure(carer.user, carer.person, "")
    assert (
        coordinator_client.post(reverse("people:complete-erasure", args=[request.pk])).status_code
        == 403
    )
    carer.person.refresh_from_db()
    assert carer.person.erased_at is None


def test_staff_of_another_organisation_get_not_found(staff_b_client: Client, carer: Member) -> None:
    for name in ("people:person", "people:person-download", "people:person-equality"):
        assert staff_b_client.get(reverse(name, args=[carer.person.pk])).status_code == 404


def test_opening_a_form_filled_with_caring_details_is_audited(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    coordinator_client.get(reverse("people:person-change", args=[carer.person.pk, "caring"]))
    event = AuditEvent.objects.get(person=carer.person, action=AuditAction.VIEWED)
    assert event.actor == coordinator.user
    assert event.categories == ["caring", "health"]
    assert event.detail == "Opened edit_section"


def test_opening_a_form_without_sensitive_data_is_not_audited(
    coordinator_client: Client, carer: Member
) -> None:
    coordinator_client.get(reverse("people:person-change", args=[carer.person.pk, "availability"]))
    coordinator_client.get(reverse("people:person-equality", args=[carer.person.pk]))
    assert not AuditEvent.objects.filter(person=carer.person, action=AuditAction.VIEWED).exists()


def test_the_record_shows_each_consent_given_with_its_wording_version(
    carer_client: Client, carer: Member
) -> None:
    actions.save_consents(carer.user, carer.person, {"contact": True, "data_use": True})
    html = carer_client.get(reverse("people:you")).content.decode()
    assert "None recorded" not in html
    assert "Contact about getting involved" in html
    assert "wording 2026-11" in html
