from django.test import Client

from coproduce.activities import invitation_actions as actions
from coproduce.activities.models import FollowUpReply
from coproduce.activities.tests.invitation_setup import group_activity, invited
from coproduce.conftest import Member


def test_a_follow_up_reply_is_kept_without_signing_in(
    client: Client, coordinator: Member, carer: Member
) -> None:
    invitation = invited(group_activity(coordinator, carer.person), carer.person)
    path = actions.follow_up_path(invitation)
    assert "Is there anything you would like to add?" in client.get(path).content.decode()
    response = client.post(path, {"text": "The discharge letter came a week late."})
    # A redirect to the thanks, so refreshing it sends nothing again.
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Thank you" in thanks.content.decode()
    reply = FollowUpReply.objects.get()
    assert reply.invitation == invitation
    assert reply.text == "The discharge letter came a week late."


def test_an_empty_follow_up_reply_is_explained(
    client: Client, coordinator: Member, carer: Member
) -> None:
    invitation = invited(group_activity(coordinator, carer.person), carer.person)
    response = client.post(actions.follow_up_path(invitation), {"text": "   "})
    assert response.status_code == 400
    assert "Write what you would like to add" in response.content.decode()
    assert not FollowUpReply.objects.exists()


def test_an_overlong_follow_up_reply_keeps_what_was_typed(
    client: Client, coordinator: Member, carer: Member
) -> None:
    invitation = invited(group_activity(coordinator, carer.person), carer.person)
    text = "Lots to say. " * 800
    response = client.post(actions.follow_up_path(invitation), {"text": text})
    assert response.status_code == 400
    assert "Lots to say." in response.content.decode()
    assert not FollowUpReply.objects.exists()


def test_the_link_stops_working_once_the_person_is_erased(
    client: Client, coordinator: Member, carer: Member
) -> None:
    from django.utils import timezone

    invitation = invited(group_activity(coordinator, carer.person), carer.person)
    carer.person.erased_at = timezone.now()
    carer.person.save()
    assert client.get(actions.follow_up_path(invitation)).status_code == 404
