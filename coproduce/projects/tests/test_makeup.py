from django.test import Client
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.conftest import Member, signed_in
from coproduce.people.actions import record_consent, save_equality
from coproduce.people.models import ConsentKind, Person
from coproduce.people.tests.factories import CarerFactory
from coproduce.projects.models import GroupRole, Project
from coproduce.projects.tests.factories import ProjectMemberFactory

ANSWERS = {
    "consent": True,
    "age_band": "50_64",
    "sex": "female",
    "ethnic_group": "white_british",
    "disability": "no",
    "care_hours": "hours_50_plus",
    "young_carer": "no",
}


def url(project: Project) -> str:
    return reverse("projects:make-up", args=[project.pk])


def staff(project: Project) -> User:
    """The project's coordinator, recording answers on carers' behalf after a phone call."""
    user = project.coordinator.user
    assert user is not None
    return user


def carer_member(project: Project, role: str = GroupRole.CARER, **answers: object) -> Person:
    person: Person = CarerFactory.create(organisation=project.organisation)
    ProjectMemberFactory.create(project=project, person=person, role=role)
    save_equality(staff(project), person, {**ANSWERS, **answers})
    return person


def row(page: str, label: str) -> str:
    start = page.index(label)
    return page[start : page.index("</tr>", start)]


def test_a_group_of_fewer_than_five_who_answered_is_not_shown(
    coordinator_client: Client, project: Project
) -> None:
    for _ in range(4):
        carer_member(project)
    page = coordinator_client.get(url(project)).content.decode()
    assert "Fewer than 5 carer members of the group answered this question" in page
    assert "100%" not in page
    assert "Under-represented compared" not in page


def test_the_group_is_compared_with_the_area_and_gaps_are_flagged(
    coordinator_client: Client, project: Project
) -> None:
    for _ in range(6):
        carer_member(project)
    page = coordinator_client.get(url(project)).content.decode()
    assert "6 carer members of the group answered." in page
    assert "Carers in England" in page
    white = row(page, "White: English, Welsh, Scottish, Northern Irish or British")
    assert "100%" in white
    assert "78%" in white
    other = row(page, "Any other ethnic group")
    assert "Under-represented compared with the area" in other
    assert "22%" in other


def test_without_area_figures_the_group_is_compared_with_the_organisations_carers(
    coordinator_client: Client, project: Project
) -> None:
    for _ in range(5):
        carer_member(project)
    for _ in range(5):
        save_equality(
            staff(project),
            CarerFactory.create(organisation=project.organisation),
            {**ANSWERS, "sex": "male"},
        )
    page = coordinator_client.get(url(project)).content.decode()
    male = row(page, ">Male<")
    assert "Under-represented compared with our carers" in male
    assert "50%" in male  # ten of the organisation's carers answered, five of them male


def test_only_consenting_current_carer_members_count(
    coordinator_client: Client, project: Project
) -> None:
    people = [carer_member(project) for _ in range(5)]
    carer_member(project, role=GroupRole.PROFESSIONAL)
    # The latest equality consent of one of them is a no.
    record_consent(None, people[0], ConsentKind.EQUALITY, False)
    page = coordinator_client.get(url(project)).content.decode()
    assert "Fewer than 5 carer members of the group answered this question" in page


def test_answers_of_prefer_not_to_say_are_left_out_of_the_shares(
    coordinator_client: Client, project: Project
) -> None:
    for _ in range(5):
        carer_member(project)
    carer_member(project, sex="prefer_not")
    page = coordinator_client.get(url(project)).content.decode()
    assert "5 carer members of the group answered." in page
    assert "6 carer members of the group answered." in page


def test_the_make_up_is_for_staff_who_may_see_equality_answers_in_aggregate(
    coordinator_client: Client,
    admin_client_a: Client,
    carer_client: Client,
    staff_b_client: Client,
    professional: Member,
    project: Project,
) -> None:
    assert coordinator_client.get(url(project)).status_code == 200
    assert admin_client_a.get(url(project)).status_code == 200
    assert carer_client.get(url(project)).status_code == 403
    assert signed_in(Client(), professional.user).get(url(project)).status_code == 403
    assert staff_b_client.get(url(project)).status_code == 404
