"""Staff see the invitation as one person would get it, by each channel, before sending."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries
from pytest_django import DjangoCaptureOnCommitCallbacks as Capture

from coproduce.activities.models import Invitation
from coproduce.activities.tests.invitation_setup import group_activity, invited
from coproduce.conftest import Member
from coproduce.notifications.models import Message
from coproduce.people.models import Channel
from coproduce.people.tests.factories import CarerFactory


def url(activity_pk: int) -> str:
    return reverse("activities:invitation-preview", args=[activity_pk])


def test_staff_see_each_channel_for_one_person_and_nothing_is_sent(
    coordinator_client: Client,
    coordinator: Member,
    carer: Member,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    person = carer.person
    person.phone = "07700 900982"
    person.save()
    person.carer_profile.preferred_channel = Channel.SMS
    person.carer_profile.save()
    activity = group_activity(coordinator, person, title="Wellbeing café")
    with django_capture_on_commit_callbacks() as callbacks:
        response = coordinator_client.get(url(activity.pk), {"person": person.pk})
    html = response.content.decode()
    assert response.status_code == 200
    for heading in ("Email", "Text message", "Letter"):
        assert f'<h2 class="govuk-heading-m">{heading}' in html
    assert html.count("How it will be sent") == 1
    assert html.index("Text message") < html.index("How it will be sent") < html.index("Letter")
    assert "You are invited: Wellbeing café" in html
    assert "sent as 2 text messages" in html or "sent as 1 text message" in html
    assert "Add it to your calendar" in html  # the email
    assert "Dear Margaret Carer," in html  # the letter
    assert callbacks == []
    assert not Message.objects.exists()
    assert not Invitation.objects.exists()


def test_the_preview_is_in_the_persons_language_and_shows_what_cannot_be_used(
    coordinator_client: Client, coordinator: Member
) -> None:
    welsh = CarerFactory.create(
        organisation=coordinator.organisation,
        full_name="Rhiannon Llywelyn",
        preferred_language="cy",
        address="",
        postcode="",
    )
    activity = group_activity(coordinator, welsh)
    invited(activity, welsh)
    html = coordinator_client.get(url(activity.pk), {"person": welsh.pk}).content.decode()
    assert "Helo Rhiannon Llywelyn," in html
    assert "Helo Rhiannon Llywelyn." in html  # the text message
    assert "Cannot be sent this way" in html  # no postal address for a letter
    assert not Message.objects.exists()


def test_a_welsh_name_with_a_circumflex_makes_the_text_dearer_and_says_so(
    coordinator_client: Client, coordinator: Member
) -> None:
    person = CarerFactory.create(organisation=coordinator.organisation, full_name="Dŵr Jones")
    activity = group_activity(coordinator, person)
    html = coordinator_client.get(url(activity.pk), {"person": person.pk}).content.decode()
    assert "each text message holds 70 characters" in html


def test_without_a_choice_the_page_asks_whose_invitation_to_show(
    coordinator_client: Client, coordinator: Member, carer: Member
) -> None:
    activity = group_activity(coordinator, carer.person)
    response = coordinator_client.get(url(activity.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Margaret Carer" in html
    assert "How it will be sent" not in html


def test_someone_outside_the_group_cannot_be_previewed(
    coordinator_client: Client, coordinator: Member, carer: Member, carer_b: Member
) -> None:
    outsider = CarerFactory.create(organisation=coordinator.organisation, full_name="Not Here")
    activity = group_activity(coordinator, carer.person)
    for pk in (outsider.pk, carer_b.person.pk, "nonsense"):
        response = coordinator_client.get(url(activity.pk), {"person": pk})
        html = response.content.decode()
        assert response.status_code == 400
        assert "govuk-error-summary" in html
        assert "How it will be sent" not in html


def test_carers_and_other_organisations_cannot_preview(
    coordinator: Member, carer: Member, carer_client: Client, staff_b_client: Client
) -> None:
    activity = group_activity(coordinator, carer.person)
    assert carer_client.get(url(activity.pk), {"person": carer.person.pk}).status_code == 403
    response = staff_b_client.get(url(activity.pk), {"person": carer.person.pk})
    assert response.status_code == 404
    assert "Margaret Carer" not in response.content.decode()


def test_the_page_asks_the_same_number_of_queries_however_big_the_group(
    coordinator_client: Client,
    coordinator: Member,
    carer: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    small = group_activity(coordinator, carer.person)
    people = [CarerFactory.create(organisation=coordinator.organisation) for _ in range(6)]
    large = group_activity(coordinator, carer.person, *people)
    coordinator_client.get(url(small.pk), {"person": carer.person.pk})  # warm the session
    with CaptureQueriesContext(connection) as small_queries:
        coordinator_client.get(url(small.pk), {"person": carer.person.pk})
    with django_assert_num_queries(len(small_queries)):
        coordinator_client.get(url(large.pk), {"person": carer.person.pk})
