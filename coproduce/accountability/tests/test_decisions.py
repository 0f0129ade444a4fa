"""Actions can carry out the group's decisions as well as answer what people said."""

from django.test import Client
from django.urls import reverse

from coproduce.accountability import actions
from coproduce.accountability.models import Action
from coproduce.accountability.tests.conftest import public_id
from coproduce.conftest import Member
from coproduce.decisions.tests.factories import ProposalFactory
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory


def test_staff_link_an_action_to_the_projects_decisions_only(
    coordinator_client: Client, project: Project, coordinator: Member
) -> None:
    ours = ProposalFactory.create(project=project, title="Use the revised checklist")
    theirs = ProposalFactory.create(project=ProjectFactory.create(), title="Not ours")
    url = reverse("accountability:record", args=[project.pk])
    body = coordinator_client.get(url).content.decode()
    assert "Use the revised checklist" in body
    assert "Not ours" not in body
    coordinator_client.post(
        url, {"title": "Checklist on ward 4", "status": "planned", "proposals": [ours.pk]}
    )
    action = Action.objects.get()
    assert list(action.proposals.all()) == [ours]
    # An action never follows another project's decision, whatever is asked.
    actions.change_action(action, actions.Details(title="x"), [], coordinator.user, [theirs])
    assert not action.proposals.exists()


def test_the_group_sees_the_decision_an_action_carries_out_but_the_public_does_not(
    carer_client: Client, client: Client, project: Project, coordinator: Member
) -> None:
    proposal = ProposalFactory.create(project=project, title="Use the revised checklist")
    action = actions.record_action(
        project, actions.Details(title="Checklist"), [], coordinator.user, proposals=[proposal]
    )
    actions.choose_public(project, True, coordinator.user)
    for url in (
        reverse("accountability:board", args=[project.pk]),
        reverse("accountability:action", args=[action.pk]),
    ):
        assert "Use the revised checklist" in carer_client.get(url).content.decode()
    public = reverse("accountability:public-board", kwargs={"board_uuid": public_id(project)})
    assert "Use the revised checklist" not in client.get(public).content.decode()
