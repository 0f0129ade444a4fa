from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.notifications.models import Message, Status
from coproduce.people.actions import record_consent
from coproduce.people.models import ConsentKind, EqualityMonitoring, Person
from coproduce.people.tests.factories import CarerFactory
from coproduce.recruitment.models import Brief
from coproduce.recruitment.tests.factories import ExpressionFactory


def carer_in(brief: Brief, name: str, contact: bool = True, **profile: Any) -> Person:
    person_fields = {
        k: profile.pop(k)
        for k in ("postcode", "preferred_language", "email", "phone")
        if k in profile
    }
    person: Person = CarerFactory.create(
        organisation=brief.project.organisation, full_name=name, **person_fields
    )
    for field, value in profile.items():
        setattr(person.carer_profile, field, value)
    person.carer_profile.save()
    record_consent(None, person, ConsentKind.CONTACT, contact)
    return person


def preview(client: Client, brief: Brief, **criteria: Any) -> str:
    response = client.get(reverse("recruitment:send", args=[brief.pk]), criteria)
    assert response.status_code == 200
    return response.content.decode()


def test_staff_see_who_matches_before_sending(coordinator_client: Client, brief: Brief) -> None:
    carer_in(brief, "Ann Dementia", caring_situation="My husband has dementia", postcode="GU1 1AA")
    carer_in(brief, "Ben Autism", caring_situation="My son is autistic", postcode="GU10 2AB")
    carer_in(brief, "Cat Welsh", preferred_language="cy", postcode="CF10 1EP", caring_situation="")
    carer_in(
        brief,
        "Dan Evenings",
        availability=["weekday_evening"],
        postcode="RH1 1AA",
        caring_situation="My mum",
    )
    carer_in(brief, "Eve No Contact", contact=False, caring_situation="dementia")

    html = preview(coordinator_client, brief, keywords="dementia, autistic")
    assert "Ann Dementia" in html
    assert "Ben Autism" in html
    assert "Eve No Contact" not in html
    assert "2 carers will get the brief" in html
    html = preview(coordinator_client, brief, areas="GU1")
    assert "Ann Dementia" in html
    assert "Ben Autism" not in html
    html = preview(coordinator_client, brief, areas="gu")
    assert "Ann Dementia" in html
    assert "Ben Autism" in html
    assert "Dan Evenings" not in html
    html = preview(coordinator_client, brief, language="cy")
    assert "Cat Welsh" in html
    assert "Ann Dementia" not in html
    html = preview(coordinator_client, brief, availability=["weekday_evening", "weekend_evening"])
    assert "Dan Evenings" in html
    assert "Ann Dementia" not in html


def test_under_represented_groups_match_only_people_who_agreed_to_equality_monitoring(
    coordinator_client: Client, brief: Brief
) -> None:
    agreed = carer_in(brief, "Ama Agreed")
    record_consent(None, agreed, ConsentKind.EQUALITY, True)
    EqualityMonitoring.objects.create(person=agreed, ethnic_group="black_african", sex="female")
    withdrew = carer_in(brief, "Kofi Withdrew")
    record_consent(None, withdrew, ConsentKind.EQUALITY, True)
    record_consent(None, withdrew, ConsentKind.EQUALITY, False)
    EqualityMonitoring.objects.create(person=withdrew, ethnic_group="black_caribbean")
    carer_in(brief, "Rhys Unknown")

    html = preview(coordinator_client, brief, groups=["black"])
    assert "Ama Agreed" in html
    assert "Kofi Withdrew" not in html
    assert "Rhys Unknown" not in html
    assert "Female" not in html


def test_people_who_already_answered_are_left_out(coordinator_client: Client, brief: Brief) -> None:
    answered = carer_in(brief, "Already Answered")
    ExpressionFactory.create(brief=brief, person=answered)
    assert "Already Answered" not in preview(coordinator_client, brief)


def test_sending_twice_sends_each_person_the_brief_once(
    coordinator_client: Client, brief: Brief, django_capture_on_commit_callbacks: Any
) -> None:
    emailed = carer_in(brief, "Emma Email")
    phoned = carer_in(brief, "Phil Phone", preferred_channel="phone", phone="01632 960001")
    url = reverse("recruitment:send", args=[brief.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(url, {"keywords": ""})
    assert response["Location"] == reverse("recruitment:sent", args=[brief.pk])
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(url, {"keywords": ""})
    messages = Message.objects.filter(kind="recruitment.brief")
    assert {m.person_id for m in messages} == {emailed.pk, phoned.pk}
    assert messages.count() == 2
    assert brief.title in messages.get(person=emailed).subject
    assert str(brief.public_id) in messages.get(person=emailed).body
    assert messages.get(person=phoned).status == Status.PHONE_CALL_NEEDED

    sent = coordinator_client.get(response["Location"]).content.decode()
    assert "Phone or write to these people" in sent
    assert "Phil Phone" in sent
    assert "01632 960001" in sent
    assert "Emma Email" not in sent
    summary = sent[sent.find("<dl") : sent.find("</dl>")]
    assert "Staff need to phone" in summary
    assert "Not sent: GOV.UK Notify is not set up" in summary


def test_a_draft_brief_cannot_be_sent(coordinator_client: Client, draft: Brief) -> None:
    carer_in(draft, "Emma Email")
    html = preview(coordinator_client, draft, keywords="")
    assert "Publish the brief" in html
    assert "Emma Email" in html
    coordinator_client.post(reverse("recruitment:send", args=[draft.pk]), {"keywords": ""})
    assert not Message.objects.exists()


def test_a_bad_area_is_explained_and_kept(coordinator_client: Client, brief: Brief) -> None:
    response = coordinator_client.get(
        reverse("recruitment:send", args=[brief.pk]), {"areas": "Guildford"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter postcode districts like GU1" in html
    assert 'value="Guildford"' in html


@pytest.mark.parametrize("name", ["recruitment:send", "recruitment:sent"])
def test_carers_cannot_send_briefs(carer_client: Client, brief: Brief, name: str) -> None:
    assert carer_client.get(reverse(name, args=[brief.pk])).status_code == 403


@pytest.mark.parametrize("name", ["recruitment:send", "recruitment:sent"])
def test_other_organisations_briefs_cannot_be_sent(
    coordinator_client: Client, b_brief: Brief, carer_b: Member, name: str
) -> None:
    assert coordinator_client.get(reverse(name, args=[b_brief.pk])).status_code == 404
    coordinator_client.post(reverse("recruitment:send", args=[b_brief.pk]), {"keywords": ""})
    assert not Message.objects.exists()
