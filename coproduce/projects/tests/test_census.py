from decimal import Decimal
from pathlib import Path

import pytest

from coproduce.projects import census

HEADER = "area_code,area_name,measure,category,value,unit,note\n"


@pytest.fixture
def figures(tmp_path: Path) -> Path:
    path = tmp_path / "census.csv"
    path.write_text(
        HEADER
        + "E92000001,England,unpaid_carers,all,1000,persons,\n"
        + "E92000001,England,unpaid_carers,hours_19_or_less,500,persons,\n"
        + "E92000001,England,unpaid_carers,hours_20_to_49,200,persons,\n"
        + "E92000001,England,unpaid_carers,hours_50_plus,300,persons,\n"
        + "E92000001,England,unpaid_carers_aged_5_to_17,all,40,persons,\n"
        + "E92000001,England,share_of_carers_white_british,all,80,percent,\n"
        + "E06000001,Hartlepool,unpaid_carers,all,100,persons,\n"
        + "E06000001,Hartlepool,unpaid_carers,hours_50_plus,50,persons,\n"
        + "K04000001,England and Wales,unpaid_carers,all,5000,persons_approx,\n"
        + "K04000001,England and Wales,not_a_number,all,about five,persons,\n",
        encoding="utf-8",
    )
    return path


def test_shares_come_from_the_area_itself_when_it_has_figures(figures: Path) -> None:
    shares = census.carer_shares("E06000001", "care_hours", figures)
    assert shares is not None
    assert shares.area_name == "Hartlepool"
    assert shares.shares == {"hours_50_plus": Decimal(50)}


def test_an_area_without_figures_falls_back_to_its_country(figures: Path) -> None:
    shares = census.carer_shares("E10000030", "care_hours", figures)
    assert shares is not None
    assert shares.area_name == "England"
    assert shares.shares == {
        "hours_19_or_less": Decimal(50),
        "hours_20_to_49": Decimal(20),
        "hours_50_plus": Decimal(30),
    }


def test_a_characteristic_missing_locally_comes_from_the_country(figures: Path) -> None:
    young = census.carer_shares("E06000001", "young_carer", figures)
    ethnic = census.carer_shares("E06000001", "ethnic_group", figures)
    assert young is not None
    assert young.area_name == "England"
    assert young.shares == {"yes": Decimal(4), "no": Decimal(96)}
    assert ethnic is not None
    assert ethnic.shares == {"white_british": Decimal(80), "other": Decimal(20)}


def test_rates_that_are_not_shares_of_carers_are_not_used(figures: Path) -> None:
    assert census.carer_shares("E10000030", "sex", figures) is None
    assert census.carer_shares("E10000030", "age_band", figures) is None


def test_no_area_code_means_england_and_wales_and_bad_numbers_are_skipped(
    figures: Path,
) -> None:
    assert census.areas_to_try("") == ["K04000001"]
    assert census.areas_to_try("w06000015") == ["W06000015", "W92000004", "K04000001"]
    assert ("not_a_number", "all") not in census.areas(figures)["K04000001"].values


def test_the_copy_in_the_repository_describes_carers_in_england_and_wales() -> None:
    england = census.carer_shares("E10000030", "care_hours")
    wales = census.carer_shares("W06000015", "care_hours")
    assert england is not None
    assert england.area_name == "England"
    assert sum(england.shares.values()) == pytest.approx(Decimal(100), abs=Decimal("0.01"))
    assert wales is not None
    assert wales.area_name == "Wales"
    assert set(wales.shares) == {"hours_50_plus"}
