"""The agenda: staff keep it in order; a carer in the group suggests an item, offers to lead
it, and sees what became of it; staff put it on the agenda or say why not."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.activities import agenda_actions
from coproduce.activities.models import Activity, AgendaItem, AgendaStatus
from coproduce.activities.tests.factories import InvitationFactory
from coproduce.activities.tests.planning_setup import activity_of, project_with
from coproduce.conftest import Member, make_member
from coproduce.lib.once import form_token
from coproduce.projects.tests.factories import ProjectMemberFactory
from coproduce.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(coordinator: Member, carer: Member) -> Activity:
    return activity_of(project_with(coordinator, carer), title="Discharge checklist meeting")


def suggestion(activity: Activity, carer: Member, wants_to_lead: bool = True) -> AgendaItem:
    return agenda_actions.suggest_item(
        activity, carer.person, "Carers' stories from the ward", "Five minutes each", wants_to_lead
    )


def page(client: Client, activity: Activity) -> str:
    return client.get(reverse("activities:activity", args=[activity.pk])).content.decode()


# --- A carer suggests -----------------------------------------------------------------------


def test_a_carer_in_the_group_suggests_an_item_and_offers_to_lead_it(
    carer_client: Client, carer: Member, activity: Activity
) -> None:
    url = reverse("activities:agenda-suggest", args=[activity.pk])
    assert "Suggest an item for the agenda" in page(carer_client, activity)
    assert carer_client.get(url).status_code == 200
    sent = {"title": "Carers' stories", "details": "", "lead": "yes", "form_token": form_token()}
    response = carer_client.post(url, sent)

    assert response.status_code == 302
    assert carer_client.post(url, sent).status_code == 302  # a second click adds nothing
    item = AgendaItem.objects.get()
    assert (item.status, item.suggested_by, item.wants_to_lead) == (
        AgendaStatus.SUGGESTED,
        carer.person,
        True,
    )
    assert "Waiting for a decision" in page(carer_client, activity)


def test_a_suggestion_without_a_title_is_shown_again_with_what_was_typed(
    carer_client: Client, activity: Activity
) -> None:
    url = reverse("activities:agenda-suggest", args=[activity.pk])
    response = carer_client.post(url, {"title": "", "details": "zq-kept-words", "lead": "no"})

    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter what the item is" in body
    assert "zq-kept-words" in body
    assert not AgendaItem.objects.exists()


def test_a_past_activity_takes_no_more_suggestions(
    carer_client: Client, activity: Activity
) -> None:
    Activity.objects.filter(pk=activity.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=1)
    )
    url = reverse("activities:agenda-suggest", args=[activity.pk])
    response = carer_client.post(url, {"title": "Late", "lead": "no"})

    assert response.status_code == 302
    assert not AgendaItem.objects.exists()
    assert "Suggest an item for the agenda" not in page(carer_client, activity)


def test_only_carer_members_of_the_group_may_suggest(
    client: Client,
    coordinator_client: Client,
    staff_b_client: Client,
    coordinator: Member,
    activity: Activity,
) -> None:
    other_carer = make_member(
        coordinator.organisation, Role.CARER, "Olive Other-Project", "olive@example.org"
    )
    other_project = project_with(coordinator, other_carer)
    other_client = Client()
    other_client.force_login(other_carer.user)
    url = reverse("activities:agenda-suggest", args=[activity.pk])
    sent = {"title": "Let me in", "lead": "no"}

    assert other_client.post(url, sent).status_code == 404  # a carer of another project
    assert staff_b_client.post(url, sent).status_code == 404  # another organisation
    assert coordinator_client.post(url, sent).status_code == 404  # staff add, not suggest
    assert client.post(url, sent).status_code == 302  # signed out: to sign in
    assert not AgendaItem.objects.exists()
    assert other_project.pk != activity.project_id


# --- Staff decide ---------------------------------------------------------------------------


def test_staff_put_a_suggestion_on_the_agenda_led_by_the_carer(
    coordinator_client: Client,
    carer_client: Client,
    carer: Member,
    coordinator: Member,
    activity: Activity,
) -> None:
    agenda_actions.add_item(activity, "Welcome and tea", "")
    item = suggestion(activity, carer)
    agenda_page = coordinator_client.get(reverse("activities:agenda", args=[activity.pk]))
    assert "stories from the ward" in agenda_page.content.decode()
    url = reverse("activities:agenda-decide", args=[activity.pk, item.pk])
    assert coordinator_client.get(url).status_code == 200

    response = coordinator_client.post(url, {"decision": "accept_lead", "reason": ""})

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.led_by, item.position) == (AgendaStatus.ACCEPTED, carer.person, 2)
    assert item.decided_by == coordinator.user
    shown = page(carer_client, activity)
    assert "led by Margaret Carer" in shown
    assert "you lead it" in shown


def test_the_agenda_shows_on_the_invitation_reply_page(
    carer_client: Client, carer: Member, activity: Activity
) -> None:
    agenda_actions.add_item(activity, "zq-first-item", "")
    InvitationFactory.create(activity=activity, person=carer.person)

    body = carer_client.get(reverse("activities:reply", args=[activity.pk])).content.decode()

    assert "zq-first-item" in body


def test_declining_needs_a_reason_which_the_carer_sees(
    coordinator_client: Client, carer_client: Client, carer: Member, activity: Activity
) -> None:
    item = suggestion(activity, carer)
    url = reverse("activities:agenda-decide", args=[activity.pk, item.pk])
    assert coordinator_client.post(url, {"decision": "decline"}).status_code == 400

    reason = "We covered the ward last month; let us talk about it at the review"
    response = coordinator_client.post(url, {"decision": "decline", "reason": reason})

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == AgendaStatus.DECLINED
    shown = page(carer_client, activity)
    assert "Not taken forward" in shown
    assert "We covered the ward last month" in shown
    # A second decision changes nothing.
    coordinator_client.post(url, {"decision": "accept", "reason": ""})
    item.refresh_from_db()
    assert item.status == AgendaStatus.DECLINED


def test_staff_add_reorder_and_remove_items(coordinator_client: Client, activity: Activity) -> None:
    url = reverse("activities:agenda", args=[activity.pk])
    for title in ("Welcome", "The checklist", "Next steps"):
        sent = {"title": title, "details": "", "form_token": form_token()}
        assert coordinator_client.post(url, sent).status_code == 302
    last = AgendaItem.objects.get(title="Next steps")

    coordinator_client.post(
        reverse("activities:agenda-move", args=[activity.pk]), {"item": last.pk, "to": "up"}
    )
    order = list(AgendaItem.objects.order_by("position").values_list("title", flat=True))
    assert order == ["Welcome", "Next steps", "The checklist"]

    coordinator_client.post(
        reverse("activities:agenda-remove", args=[activity.pk]), {"item": last.pk}
    )
    assert list(AgendaItem.objects.values_list("title", flat=True)) == [
        "Welcome",
        "The checklist",
    ]


def test_carers_and_other_organisations_cannot_change_the_agenda_or_decide(
    carer_client: Client,
    staff_b_client: Client,
    client: Client,
    carer: Member,
    activity: Activity,
) -> None:
    item = suggestion(activity, carer)
    kept = agenda_actions.add_item(activity, "Welcome", "")
    urls = {
        reverse("activities:agenda", args=[activity.pk]): {"title": "x"},
        reverse("activities:agenda-decide", args=[activity.pk, item.pk]): {"decision": "accept"},
        reverse("activities:agenda-move", args=[activity.pk]): {"item": kept.pk, "to": "down"},
        reverse("activities:agenda-remove", args=[activity.pk]): {"item": kept.pk},
    }
    for url, sent in urls.items():
        assert carer_client.post(url, sent).status_code == 403
        assert staff_b_client.post(url, sent).status_code == 404
        assert client.post(url, sent).status_code == 302
    assert AgendaItem.objects.count() == 2
    item.refresh_from_db()
    assert item.status == AgendaStatus.SUGGESTED


@pytest.mark.parametrize("size", [1, 12])
def test_the_agenda_page_runs_a_fixed_number_of_queries(
    coordinator_client: Client,
    coordinator: Member,
    activity: Activity,
    size: int,
    django_assert_num_queries: object,
) -> None:
    for n in range(size):
        member = ProjectMemberFactory.create(project=activity.project)
        agenda_actions.add_item(activity, f"Item {n}", "")
        item = agenda_actions.suggest_item(activity, member.person, f"Idea {n}", "", True)
        if n % 2:
            agenda_actions.accept(coordinator.user, item, let_them_lead=True)
    # session, user, membership, OTP device, activity, the agenda, the suggestions
    with django_assert_num_queries(7):  # type: ignore[operator]
        response = coordinator_client.get(reverse("activities:agenda", args=[activity.pk]))
    assert response.status_code == 200
