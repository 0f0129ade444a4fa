"""Every page, board and feed of You Said, We Did, as every kind of viewer: nobody sees a
name or a confidential view they are not entitled to, and the public pages show no
names at all."""

from django.test import Client
from django.urls import reverse

from coproduce.accountability import actions
from coproduce.accountability.models import Action
from coproduce.accountability.tests.conftest import public_id
from coproduce.conftest import Member, signed_in
from coproduce.projects.models import Project

IDA, GWEN, CONNIE, SECRET = (
    "Ida Identifiable",
    "Gwen Groupanon",
    "Connie Confidential",
    "Secret-words",
)


def group_pages(project: Project, action: Action) -> list[str]:
    return [
        reverse("accountability:board", args=[project.pk]),
        reverse("accountability:easy-read", args=[project.pk]),
        reverse("accountability:feed", args=[project.pk]),
        reverse("accountability:action", args=[action.pk]),
    ]


def staff_pages(project: Project, action: Action) -> list[str]:
    return [
        reverse("accountability:actions", args=[project.pk]),
        reverse("accountability:record", args=[project.pk]),
        reverse("accountability:edit", args=[action.pk]),
        reverse("accountability:status", args=[action.pk]),
        reverse("accountability:settings", args=[project.pk]),
    ]


def public_pages(project: Project) -> list[str]:
    uuid = public_id(project)
    return [
        reverse("accountability:public-board", kwargs={"board_uuid": uuid}),
        reverse("accountability:public-easy-read", kwargs={"board_uuid": uuid}),
        reverse("accountability:public-feed", kwargs={"board_uuid": uuid}),
    ]


def shown(client: Client, url: str, hidden: list[str]) -> int:
    response = client.get(url)
    body = response.content.decode()
    leaked = [marker for marker in hidden if marker in body]
    assert not leaked, f"{url} showed {leaked}"
    return response.status_code


def test_nobody_sees_more_than_they_are_entitled_to(
    project: Project,
    action: Action,
    done_action: Action,
    coordinator: Member,
    admin: Member,
    carer: Member,
    ida: Member,
    gwen: Member,
    connie: Member,
    professional: Member,
    staff_b: Member,
    carer_b: Member,
) -> None:
    actions.choose_public(project, True, coordinator.user)
    for author in (ida, gwen, connie):
        actions.add_comment(action, author.person, f"Comment by a member {author.person.pk}")

    def client_for(member: Member) -> Client:
        return signed_in(Client(), member.user)

    # The group: names of identifiable views only (and their own).
    for member, hidden in (
        (carer, [GWEN, CONNIE, SECRET]),
        (ida, [GWEN, CONNIE, SECRET]),
        (gwen, [CONNIE, SECRET]),
        (connie, [GWEN, SECRET]),
    ):
        for url in group_pages(project, action):
            assert shown(client_for(member), url, hidden) == 200
        for url in staff_pages(project, action):
            assert shown(client_for(member), url, [IDA, GWEN, CONNIE, SECRET]) == 403
    # Staff: confidential words never on a board or feed; the admin never reads them.
    for url in group_pages(project, action):
        assert shown(client_for(coordinator), url, [SECRET]) == 200
        assert shown(client_for(admin), url, [CONNIE, SECRET]) == 200
    for url in staff_pages(project, action):
        assert shown(client_for(admin), url, [CONNIE, SECRET]) == 200
    # Outside the project or the organisation: nothing at all.
    for member in (professional, staff_b, carer_b):
        for url in group_pages(project, action) + staff_pages(project, action):
            assert shown(client_for(member), url, [IDA, GWEN, CONNIE, SECRET]) in {403, 404}
    # The public pages: no names for anyone, however signed in.
    for client in [Client()] + [client_for(m) for m in (coordinator, carer, ida, staff_b)]:
        for url in public_pages(project):
            assert shown(client, url, [IDA, GWEN, CONNIE, SECRET, "Comment by"]) == 200


def test_the_public_board_of_a_private_project_is_not_there_for_anyone(
    project: Project, action: Action, coordinator: Member, carer: Member
) -> None:
    actions.choose_public(project, False, coordinator.user)
    for client in (
        Client(),
        signed_in(Client(), coordinator.user),
        signed_in(Client(), carer.user),
    ):
        for url in public_pages(project):
            assert client.get(url).status_code == 404
