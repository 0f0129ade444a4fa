from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.projects.models import BudgetLine, Project
from coproduce.projects.tests.factories import BudgetLineFactory


def new_url(project: Project) -> str:
    return reverse("projects:budget-line-new", args=[project.pk])


def test_staff_add_a_budget_line_and_see_the_total(
    coordinator_client: Client, project: Project
) -> None:
    BudgetLineFactory.create(project=project, amount=Decimal("100.00"))
    response = coordinator_client.post(
        new_url(project), {"kind": "venue", "description": "Hall", "amount": "£1,250.50"}
    )
    assert response.status_code == 302
    assert project.budget_lines.get(kind="venue").amount == Decimal("1250.50")
    page = coordinator_client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert "£1,350.50" in page


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("", "Enter the amount in pounds and pence, like 120.50"),
        ("twelve", "Enter the amount in pounds and pence, like 120.50"),
        ("12.345", "Enter the amount in pounds and pence, like 120.50"),
        ("-5", "The amount must be £0 or more"),
        ("1000000.01", "The amount must be £1,000,000 or less"),
        ("NaN", "Enter the amount in pounds and pence, like 120.50"),
    ],
)
def test_a_wrong_amount_is_explained_and_what_was_typed_is_kept(
    coordinator_client: Client, project: Project, amount: str, message: str
) -> None:
    response = coordinator_client.post(
        new_url(project), {"kind": "travel", "description": "Taxis", "amount": amount}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'value="Taxis"' in page
    assert f'value="{amount}"' in page
    assert not BudgetLine.objects.exists()


def test_staff_change_and_remove_a_budget_line(
    coordinator_client: Client, project: Project
) -> None:
    line = BudgetLineFactory.create(project=project)
    edit = reverse("projects:budget-line-edit", args=[project.pk, line.pk])
    assert 'value="2880.00"' in coordinator_client.get(edit).content.decode()
    coordinator_client.post(edit, {"kind": "carers_time", "description": "", "amount": "3000"})
    line.refresh_from_db()
    assert line.amount == Decimal("3000")
    remove = reverse("projects:budget-line-delete", args=[project.pk, line.pk])
    assert coordinator_client.get(remove).status_code == 200
    assert coordinator_client.post(remove).status_code == 302
    assert not BudgetLine.objects.exists()


def test_the_budget_is_changed_by_staff_of_the_project_only(
    carer_client: Client,
    staff_b_client: Client,
    coordinator_client: Client,
    project: Project,
    b_project: Project,
) -> None:
    line = BudgetLineFactory.create(project=project)
    b_line = BudgetLineFactory.create(project=b_project)
    assert carer_client.get(new_url(project)).status_code == 403
    assert staff_b_client.get(new_url(project)).status_code == 404
    remove = reverse("projects:budget-line-delete", args=[project.pk, line.pk])
    assert staff_b_client.post(remove).status_code == 404
    # A's project with B's line in the address is not found either.
    mixed = reverse("projects:budget-line-delete", args=[project.pk, b_line.pk])
    assert coordinator_client.post(mixed).status_code == 404
    assert BudgetLine.objects.count() == 2
