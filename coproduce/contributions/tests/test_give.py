from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.contributions.models import Contribution, ContributionChannel, Privacy
from coproduce.people.models import Anonymity
from coproduce.projects.models import Project


def test_a_member_gives_a_view_as_privately_as_they_choose(
    giver_client: Client, giver: Member, project: Project
) -> None:
    url = reverse("contributions:give", args=[project.pk])
    response = giver_client.post(url, {"privacy": Privacy.CONFIDENTIAL, "text": "I am struggling"})
    contribution = Contribution.objects.get()
    assert response["Location"] == reverse("contributions:contribution", args=[contribution.pk])
    assert contribution.channel == ContributionChannel.WEB
    assert contribution.privacy == Privacy.CONFIDENTIAL
    assert contribution.person == giver.person


def test_the_choice_is_prefilled_from_the_profile(
    giver_client: Client, giver: Member, project: Project
) -> None:
    giver.person.carer_profile.default_anonymity = Anonymity.ANONYMOUS_TO_GROUP
    giver.person.carer_profile.save()
    page = giver_client.get(reverse("contributions:give", args=[project.pk])).content.decode()
    assert 'value="anonymous_to_group" checked' in page


def test_without_a_choice_the_words_are_kept_and_the_choice_asked_for(
    giver_client: Client, project: Project
) -> None:
    url = reverse("contributions:give", args=[project.pk])
    response = giver_client.post(url, {"text": "Parking is a nightmare"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select who may know this came from you" in page
    assert "Parking is a nightmare" in page


def test_people_outside_the_group_cannot_give_views_to_it(
    carer_b: Member, staff_b_client: Client, project: Project
) -> None:
    url = reverse("contributions:give", args=[project.pk])
    assert staff_b_client.get(url).status_code == 404


def test_a_view_given_not_linked_to_me_at_all_keeps_nothing_of_the_giver(
    giver_client: Client, giver: Member, project: Project
) -> None:
    url = reverse("contributions:give", args=[project.pk])
    giver_client.post(url, {"privacy": Privacy.IDENTIFIABLE, "text": "Nobody must know"})
    given = Contribution.objects.get()
    assert given.recorded_by == giver.user
    privacy = reverse("contributions:privacy", args=[given.pk])
    assert giver_client.post(privacy, {"privacy": Privacy.ANONYMOUS}).status_code == 302
    unlinked = Contribution.objects.get()
    assert (unlinked.person, unlinked.recorded_by) == (None, None)
