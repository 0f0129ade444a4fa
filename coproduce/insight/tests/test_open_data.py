"""An organisation's open data (/o/<slug>/open-data/): figures that name nobody, free to
reuse, counted from its own rows only, in a fixed number of queries."""

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coproduce.accountability.models import Action, ActionStatus
from coproduce.breaks.models import Referral, ReferralStatus
from coproduce.breaks.tests.test_queue import sent_referral
from coproduce.conftest import BreaksScheme
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.tenancy.models import Organisation


def open_json(client: Client, organisation: Organisation) -> dict[str, Any]:
    response = client.get(reverse("insight:open-data-json", args=[organisation.slug]))
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def rows_of(body: dict[str, Any], key: str) -> dict[str, list[Any]]:
    table = next(t for t in body["tables"] if t["key"] == key)
    return {row[0]: row[1:] for row in table["rows"]}


def actions_in(organisation: Organisation, statuses: list[ActionStatus]) -> None:
    project = ProjectFactory.create(organisation=organisation)
    today = timezone.localdate()
    for n, status in enumerate(statuses):
        done_on = today if status == ActionStatus.DONE else None
        Action.objects.create(
            project=project, title=f"Zq action {n}", status=status, done_on=done_on
        )


def test_anyone_reads_the_figures_with_their_licence(client: Client, org_a: Organisation) -> None:
    page = client.get(reverse("insight:open-data", args=[org_a.slug])).content.decode()
    assert "Open Government Licence v3.0" in page
    assert 'rel="license"' in page
    assert reverse("insight:open-data-json", args=[org_a.slug]) in page
    assert reverse("insight:open-data-csv", args=[org_a.slug, "actions"]) in page
    body = open_json(client, org_a)
    assert body["licence"]["url"].startswith("https://www.nationalarchives.gov.uk/")
    assert {"actions", "notice", "channels", "referrals"} <= {t["key"] for t in body["tables"]}
    front_door = client.get(reverse("pages:front-door", args=[org_a.slug])).content.decode()
    assert reverse("insight:open-data", args=[org_a.slug]) in front_door


def test_actions_are_counted_by_status_for_the_organisation_only(
    client: Client, org_a: Organisation, org_b: Organisation
) -> None:
    actions_in(org_a, [ActionStatus.DONE, ActionStatus.DONE, ActionStatus.PLANNED])
    actions_in(org_b, [ActionStatus.DONE] * 5)
    counted = rows_of(open_json(client, org_a), "actions")
    assert counted["Done"] == [2]
    assert counted["Planned"] == [1]
    assert counted["Not possible"] == [0]
    csv = client.get(reverse("insight:open-data-csv", args=[org_a.slug, "actions"]))
    assert "Done,2" in csv.content.decode()
    assert "Zq action" not in csv.content.decode()


def test_referrals_count_what_was_sent_in_the_year_and_never_a_name(
    client: Client, org_a: Organisation, breaks: BreaksScheme
) -> None:
    sent_referral(breaks, carer_name="Zq Carer One")
    paid = sent_referral(breaks, carer_name="Zq Carer Two")
    Referral.objects.filter(pk=paid.pk).update(status=ReferralStatus.PAID)
    old = sent_referral(breaks, carer_name="Zq Carer Old")
    Referral.objects.filter(pk=old.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=400)
    )
    body = open_json(client, org_a)
    counted = rows_of(body, "referrals")
    assert sum(n for (n,) in counted.values()) == 2
    assert counted["Paid"] == [1]
    assert "Zq Carer" not in str(body)


def test_an_unknown_organisation_or_table_is_not_found(client: Client, org_a: Organisation) -> None:
    assert client.get(reverse("insight:open-data", args=["nobody-here"])).status_code == 404
    missing = reverse("insight:open-data-csv", args=[org_a.slug, "people"])
    assert client.get(missing).status_code == 404
    assert client.post(reverse("insight:open-data", args=[org_a.slug])).status_code == 405


@pytest.mark.parametrize("count", [1, 12])
def test_the_open_data_takes_the_same_queries_however_much_there_is(
    client: Client,
    org_a: Organisation,
    breaks: BreaksScheme,
    count: int,
    django_assert_num_queries: Any,
) -> None:
    actions_in(org_a, [ActionStatus.DONE] * count)
    for n in range(count):
        sent_referral(breaks, carer_name=f"Carer {n}")
    url = reverse("insight:open-data-json", args=[org_a.slug])
    client.get(url)
    with django_assert_num_queries(QUERIES) as captured:
        assert client.get(url).status_code == 200
    assert len(captured.captured_queries) == QUERIES


# The organisation, the Census comparison, actions, notice, the group's, the participants'
# and the file's equality answers, the contributions (channels and responses in one),
# referrals.
QUERIES = 9
