"""An admin uploads their local authority's Census table: every row is checked and each
problem named with its row; the dashboards then compare with the local figures."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from coproduce.conftest import Member
from coproduce.insight import rules
from coproduce.insight.figures import census_comparison
from coproduce.insight.models import CensusFigure
from coproduce.lib.once import form_token

pytestmark = pytest.mark.django_db

CENSUS = reverse("insight:census")
GOOD = (
    "area_code,area_name,measure,category,value,unit,note\n"
    "E07000209,Guildford,unpaid_carers,all,10000,persons,TS039\n"
    "E07000209,Guildford,unpaid_carers,hours_19_or_less,6000,persons,TS039\n"
    "E07000209,Guildford,unpaid_carers,hours_20_to_49,1500,persons,TS039\n"
    "E07000209,Guildford,unpaid_carers,hours_50_plus,2500,persons,TS039\n"
    "E07000209,Guildford,unpaid_carers_aged_5_to_17,all,300,persons,\n"
    "E07000209,Guildford,share_of_carers_white_british,all,85.5,percent,\n"
)


def upload(client: Client, text: str, name: str = "census.csv") -> object:
    file = SimpleUploadedFile(name, text.encode(), content_type="text/csv")
    return client.post(CENSUS, {"table": file, "form_token": form_token()})


def test_an_admin_uploads_the_local_table_and_the_dashboard_compares_with_it(
    admin_client_a: Client, admin: Member
) -> None:
    response = upload(admin_client_a, GOOD)

    assert response.status_code == 302  # type: ignore[attr-defined]
    assert CensusFigure.objects.filter(organisation=admin.organisation).count() == 6
    comparison = census_comparison(admin.organisation)
    assert comparison.local
    assert comparison.area_name == "Guildford"
    assert comparison.shares["care_hours"]["hours_50_plus"] == Decimal(25)
    assert comparison.shares["ethnic_group"]["white_british"] == Decimal("85.5")
    page = admin_client_a.get(reverse("insight:organisation")).content.decode()
    assert "Carers in Guildford (Census 2021)" in page
    assert "The Census figures are those your organisation uploaded." in page


def test_a_second_upload_replaces_the_first(admin_client_a: Client, admin: Member) -> None:
    upload(admin_client_a, GOOD)
    upload(admin_client_a, GOOD.replace("Guildford", "Waverley").replace("E07000209", "E07000216"))

    names = set(CensusFigure.objects.values_list("area_name", flat=True))
    assert names == {"Waverley"}


def test_each_bad_row_is_named_and_nothing_is_kept(admin_client_a: Client) -> None:
    text = GOOD + "E07000209,Guildford,unpaid_carers,hours_lots,12,persons,\n"
    text += "E07000209,Guildford,share_of_carers_white_british,all,abc,percent,\n"
    text += "nonsense,Guildford,unpaid_carers_aged_5_to_17,all,1,persons,\n"

    response = upload(admin_client_a, text)

    body = response.content.decode()  # type: ignore[attr-defined]
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "There is a problem" in body
    assert "Row 8: the category of unpaid_carers must be one of" in body
    assert "Row 9: the value must be a number of 0 or more" in body
    assert "Row 10: the area code must be an ONS code like E06000001" in body
    assert not CensusFigure.objects.exists()


def test_a_file_without_the_columns_is_refused(admin_client_a: Client) -> None:
    response = upload(admin_client_a, "name,count\nGuildford,12\n")

    body = response.content.decode()  # type: ignore[attr-defined]
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert "it lacks area_code, area_name, measure, category, value" in body


def test_no_file_is_an_error(admin_client_a: Client) -> None:
    response = admin_client_a.post(CENSUS, {"form_token": form_token()})
    assert response.status_code == 400
    assert "Select a CSV file" in response.content.decode()


def test_an_admin_removes_the_local_table(admin_client_a: Client) -> None:
    upload(admin_client_a, GOOD)

    response = admin_client_a.post(reverse("insight:census-remove"), {"form_token": form_token()})

    assert response.status_code == 302
    assert not CensusFigure.objects.exists()


def test_coordinators_and_other_organisations_cannot_upload(
    coordinator_client: Client, staff_b_client: Client, admin: Member
) -> None:
    assert upload(coordinator_client, GOOD).status_code == 403  # type: ignore[attr-defined]
    assert coordinator_client.get(CENSUS).status_code == 403
    upload(staff_b_client, GOOD)
    assert not CensusFigure.objects.filter(organisation=admin.organisation).exists()


# --- Reading the table --------------------------------------------------------------------------


def test_the_good_table_reads_as_six_figures() -> None:
    read = rules.read_census_table(GOOD.encode("utf-8-sig"))
    assert read.problems == []
    assert [f.measure for f in read.figures].count("unpaid_carers") == 4


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (GOOD + GOOD.splitlines()[1] + "\n", "Row 8: the same measure and category as row 2"),
        (
            GOOD.replace("E07000209,Guildford,unpaid_carers,all,10000,persons,TS039\n", ""),
            "(unpaid_carers, all)",
        ),
        (GOOD.replace("85.5", "185.5"), "Row 7: a share must be a percentage, 100 or less"),
        (GOOD.replace("300", "-3"), "Row 6: the value must be a number of 0 or more"),
        (GOOD.replace("300", "NaN"), "Row 6: the value must be a number of 0 or more"),
        (GOOD.splitlines()[0] + "\n", "The file has no figures"),
        (
            GOOD + "W06000015,Cardiff,usual_residents_aged_5_plus,all,300000,persons,\n",
            "The file must hold the figures of one area only",
        ),
    ],
)
def test_bad_tables_are_refused_with_their_reason(text: str, problem: str) -> None:
    read = rules.read_census_table(text.encode())
    assert read.figures == []
    assert any(problem in p for p in read.problems), read.problems


def test_a_file_that_is_not_text_is_refused() -> None:
    assert rules.read_census_table(b"\xff\xfe\x00bad").problems == [
        "The file must be a CSV file saved as UTF-8"
    ]
