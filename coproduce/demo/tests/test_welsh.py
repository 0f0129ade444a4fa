"""The demo's Welsh-speaking carer, Gwen, reads her project, its brief and the meeting she
is invited to in Welsh; other items are left for staff to translate."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.activities.invitation_actions import send_invitation
from coproduce.activities.models import Invitation
from coproduce.conftest import signed_in
from coproduce.demo import named
from coproduce.notifications.models import Message

pytestmark = pytest.mark.django_db


def test_gwen_sees_her_meeting_project_and_brief_in_welsh(built_demo: str) -> None:
    gwen = User.objects.get(email=named.WELSH_CARER_EMAIL)
    client = signed_in(Client(), gwen)
    home = html.unescape(client.get(reverse("pages:home")).content.decode())
    assert "Cyfarfod adolygu'r cynllun peilot" in home
    invitation = Invitation.objects.get(person__user=gwen, activity__title="Pilot review meeting")
    reply = html.unescape(
        client.get(reverse("activities:reply", args=[invitation.activity_id])).content.decode()
    )
    assert "Cyfarfod adolygu'r cynllun peilot" in reply
    assert "Beth sydd wedi gweithio ar y ddwy ward beilot" in reply
    assert "app-welsh-missing" not in reply
    project = html.unescape(
        client.get(
            reverse("projects:detail", args=[invitation.activity.project_id])
        ).content.decode()
    )
    assert "Gadael yr ysbyty mewn ffordd sy'n gweithio i ofalwyr" in project
    brief = invitation.activity.project.briefs.get()
    public = html.unescape(
        client.get(reverse("recruitment:public-brief", args=[brief.public_id])).content.decode()
    )
    assert "Gofalwyr sydd â phrofiad o adael yr ysbyty" in public
    assert "app-welsh-missing" not in public
    # Her invitation's email is in Welsh, subject and all.
    Message.objects.filter(person=invitation.person).delete()
    message = send_invitation(invitation, invitation.activity)
    assert message.subject == "Gwahoddiad i chi: Cyfarfod adolygu'r cynllun peilot"


def test_staff_see_what_is_still_to_translate(built_demo: str) -> None:
    coordinator = signed_in(Client(), User.objects.get(email=named.COORDINATOR_EMAIL))
    page = html.unescape(coordinator.get(reverse("pages:welsh-to-write")).content.decode())
    assert "Young carers: help schools understand" in page  # the open brief, English only
    assert "Young carers' voice in schools" in page
    assert "Pilot review meeting" not in page  # written in Welsh
