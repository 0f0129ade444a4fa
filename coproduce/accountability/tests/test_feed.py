import xml.etree.ElementTree as ET

from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from coproduce.accountability import actions
from coproduce.accountability.models import Action, ActionStatus
from coproduce.accountability.tests.conftest import public_id
from coproduce.conftest import Member
from coproduce.projects.models import Project

ATOM = "{http://www.w3.org/2005/Atom}"


def public_feed_url(project: Project) -> str:
    return reverse("accountability:public-feed", kwargs={"board_uuid": public_id(project)})


def entries(body: bytes) -> list[ET.Element]:
    root = ET.fromstring(body)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def test_the_public_feed_is_atom_with_an_entry_per_action(
    client: Client, action: Action, done_action: Action, project: Project, coordinator: Member
) -> None:
    actions.choose_public(project, True, coordinator.user)
    response = client.get(public_feed_url(project))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    found = entries(response.content)
    titles = {e.findtext(f"{ATOM}title") for e in found}
    assert titles == {
        "Planned: Carers asked before discharge",
        "Done: Medicines explained at discharge",
    }
    links = [str(e.find(f"{ATOM}link").get("href")) for e in found]  # type: ignore[union-attr]
    assert all(f"/you-said-we-did/{public_id(project)}/#action-" in link for link in links)


def test_the_public_feed_has_no_names_and_no_words_given_in_confidence(
    client: Client, action: Action, project: Project, coordinator: Member
) -> None:
    actions.choose_public(project, True, coordinator.user)
    actions.change_status(action, ActionStatus.DONE, coordinator.user, evidence="New leaflet")
    body = client.get(public_feed_url(project)).content.decode()
    for marker in ("Ida Identifiable", "Gwen Groupanon", "Connie Confidential", "Secret-words"):
        assert marker not in body
    assert "New leaflet" in body


def test_the_public_feed_is_not_there_while_the_board_is_private(
    client: Client, action: Action, project: Project, coordinator: Member
) -> None:
    actions.choose_public(project, False, coordinator.user)
    assert client.get(public_feed_url(project)).status_code == 404


def test_the_groups_feed_is_for_the_group(
    carer_client: Client,
    professional_client: Client,
    staff_b_client: Client,
    action: Action,
    project: Project,
) -> None:
    url = reverse("accountability:feed", args=[project.pk])
    response = carer_client.get(url)
    assert response["Content-Type"].startswith("application/atom+xml")
    (entry,) = entries(response.content)
    assert entry.find(f"{ATOM}link").get("href").endswith(f"/you-said-we-did/actions/{action.pk}/")  # type: ignore[union-attr]
    assert professional_client.get(url).status_code == 404
    assert staff_b_client.get(url).status_code == 404


def test_the_feed_takes_the_same_queries_however_many_actions(
    client: Client,
    project: Project,
    coordinator: Member,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    actions.choose_public(project, True, coordinator.user)
    url = public_feed_url(project)
    for n in range(2):
        actions.record_action(project, actions.Details(title=f"A{n}"), [], coordinator.user)
    with django_assert_num_queries(2):
        client.get(url)
    for n in range(5):
        actions.record_action(project, actions.Details(title=f"B{n}"), [], coordinator.user)
    with django_assert_num_queries(2):
        assert len(entries(client.get(url).content)) == 7
