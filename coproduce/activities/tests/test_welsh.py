"""An activity's title and what it is for in Welsh: written when it is planned or later,
read in Welsh on the invitation page and in the invitation sent to a Welsh speaker."""

import html

from django.test import Client
from django.urls import reverse

from coproduce.activities.invitation_actions import send_invitation
from coproduce.activities.models import Activity
from coproduce.activities.tests.factories import InvitationFactory
from coproduce.activities.tests.planning_setup import activity_of, project_with
from coproduce.activities.tests.test_plan import in_person
from coproduce.conftest import Member
from coproduce.people.models import Language, Person


def test_staff_write_the_welsh_when_they_plan(
    coordinator_client: Client, coordinator: Member
) -> None:
    project = project_with(coordinator)
    url = reverse("activities:plan", args=[project.pk])
    assert "In Welsh (optional)" in coordinator_client.get(url).content.decode()
    welsh = {"title_cy": "Gweithdy'r rhestr wirio", "description_cy": ""}
    coordinator_client.post(url, in_person(**welsh))
    activity = Activity.objects.get()
    assert (activity.title_cy, activity.description_cy) == ("Gweithdy'r rhestr wirio", "")


def test_staff_write_the_welsh_afterwards(coordinator_client: Client, coordinator: Member) -> None:
    activity = activity_of(project_with(coordinator), title="Pilot review", description="Why")
    url = reverse("activities:welsh", args=[activity.pk])
    page = coordinator_client.get(url).content.decode()
    assert "In English: Pilot review" in page
    response = coordinator_client.post(
        url, {"title_cy": " Adolygu'r peilot ", "description_cy": "Pam"}
    )
    assert response["Location"] == reverse("activities:activity", args=[activity.pk])
    activity.refresh_from_db()
    assert (activity.title, activity.title_cy, activity.description_cy) == (
        "Pilot review",
        "Adolygu'r peilot",
        "Pam",
    )
    too_long = coordinator_client.post(url, {"title_cy": "x" * 201, "description_cy": "Pam"})
    assert too_long.status_code == 400
    assert "There is a problem" in too_long.content.decode()


def test_only_the_organisations_staff_write_the_welsh(
    carer_client: Client, staff_b_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer))
    url = reverse("activities:welsh", args=[activity.pk])
    assert carer_client.get(url).status_code in (403, 404)
    assert carer_client.post(url, {"title_cy": "Na"}).status_code in (403, 404)
    assert staff_b_client.get(url).status_code == 404
    activity.refresh_from_db()
    assert activity.title_cy == ""


def test_a_welsh_reader_sees_the_welsh_or_a_notice_that_it_is_missing(
    carer_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = activity_of(
        project_with(coordinator, carer),
        title="Pilot review",
        description="What worked.",
        title_cy="Adolygu'r peilot",
    )
    InvitationFactory.create(activity=activity, person=carer.person)
    Person.objects.filter(pk=carer.person.pk).update(preferred_language=Language.WELSH)
    url = reverse("activities:reply", args=[activity.pk])
    page = html.unescape(carer_client.get(url).content.decode())
    assert '<h1 class="govuk-heading-l">Adolygu\'r peilot</h1>' in page
    assert '<div lang="en"><p class="govuk-body">What worked.</p></div>' in page
    assert "app-welsh-missing" in page  # what it is for is still English
    Activity.objects.filter(pk=activity.pk).update(description_cy="Beth weithiodd.")
    page = html.unescape(carer_client.get(url).content.decode())
    assert "Beth weithiodd." in page
    assert "app-welsh-missing" not in page


def test_the_invitation_to_a_welsh_speaker_has_a_welsh_subject(
    coordinator: Member, carer: Member
) -> None:
    activity = activity_of(
        project_with(coordinator, carer),
        title="First directory meeting",
        title_cy="Cyfarfod cyntaf y cyfeiriadur",
        description="We start the directory.",
        description_cy="Rydyn ni'n dechrau'r cyfeiriadur.",
    )
    carer.person.preferred_language = Language.WELSH
    carer.person.save()
    invitation = InvitationFactory.create(activity=activity, person=carer.person)
    message = send_invitation(invitation, activity)
    assert message.subject == "Gwahoddiad i chi: Cyfarfod cyntaf y cyfeiriadur"
    assert "Rydyn ni'n dechrau'r cyfeiriadur." in message.body
    assert "<span" not in message.body  # plain text, no HTML marks


def test_the_invitation_to_an_english_speaker_stays_in_english(
    coordinator: Member, carer: Member
) -> None:
    activity = activity_of(
        project_with(coordinator, carer),
        title="First directory meeting",
        title_cy="Cyfarfod cyntaf y cyfeiriadur",
    )
    invitation = InvitationFactory.create(activity=activity, person=carer.person)
    message = send_invitation(invitation, activity)
    assert message.subject == "You are invited: First directory meeting"


def test_without_welsh_a_welsh_speaker_is_invited_with_the_english_title(
    coordinator: Member, carer: Member
) -> None:
    activity = activity_of(project_with(coordinator, carer), title="First directory meeting")
    carer.person.preferred_language = Language.WELSH
    carer.person.save()
    invitation = InvitationFactory.create(activity=activity, person=carer.person)
    message = send_invitation(invitation, activity)
    assert message.subject == "Gwahoddiad i chi: First directory meeting"
