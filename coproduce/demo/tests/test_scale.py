"""The national-scale generator: the amounts asked for, a long tail, the same rows every
time, and a reset that removes only what it made."""

import hashlib
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from coproduce.activities.models import Activity, Invitation
from coproduce.breaks.models import Referral
from coproduce.contributions.models import Contribution, Privacy
from coproduce.demo import scale
from coproduce.payments.models import Claim, Line
from coproduce.people.models import CarerProfile, Person
from coproduce.projects.models import Project
from coproduce.tenancy.models import Organisation

TINY = scale.Scale(
    organisations=6,
    carers=300,
    projects=12,
    activities=60,
    contributions=900,
    claims=120,
    referrals=40,
)

pytestmark = pytest.mark.django_db


def quiet(_: str) -> None:
    pass


def fingerprint() -> str:
    names = Person.objects.order_by("full_name", "date_of_birth").values_list(
        "full_name", "date_of_birth"
    )
    texts = Contribution.objects.order_by("text", "given_on").values_list("text", "given_on")
    return hashlib.sha256(repr((list(names), list(texts))).encode()).hexdigest()


def test_long_tailed_adds_up_and_falls_off() -> None:
    shares = scale.long_tailed(1000, 10)
    assert sum(shares) == 1000
    assert shares == sorted(shares, reverse=True)
    assert shares[0] > 5 * shares[-1]
    assert min(scale.long_tailed(12, 12)) == 1


def test_it_writes_the_amounts_asked_for() -> None:
    result = scale.generate(TINY, report=quiet)

    generated = Organisation.objects.filter(slug__startswith=scale.SLUG_PREFIX)
    assert generated.count() == TINY.organisations
    assert CarerProfile.objects.count() == TINY.carers
    assert Project.objects.count() == TINY.projects
    assert Activity.objects.count() == TINY.activities
    assert Contribution.objects.count() == TINY.contributions
    assert Claim.objects.count() == Line.objects.count() == TINY.claims
    assert Referral.objects.count() == TINY.referrals
    assert Invitation.objects.exists()
    # Approved and paid claims have their payment, as the payments pages expect.
    assert not Claim.objects.filter(status__in=["approved", "paid"], payment__isnull=True)
    assert Claim.objects.filter(status="paid", payment__paid_on__isnull=False).exists()
    assert result.counts["contributions.Contribution"] == TINY.contributions
    # Anonymous contributions are never linked to anyone (the database checks it too).
    assert not Contribution.objects.filter(privacy=Privacy.ANONYMOUS, person__isnull=False)


def test_a_few_large_organisations_and_many_small() -> None:
    scale.generate(TINY, report=quiet)
    sizes = sorted(
        (
            CarerProfile.objects.filter(person__organisation=o).count()
            for o in Organisation.objects.all()
        ),
        reverse=True,
    )
    assert sizes[0] >= 3 * sizes[-1]


def test_the_same_seed_makes_the_same_rows() -> None:
    scale.generate(TINY, report=quiet)
    first = fingerprint()
    scale.remove_generated()
    scale.generate(TINY, report=quiet)
    assert fingerprint() == first
    scale.remove_generated()
    scale.generate(TINY, seed=7, report=quiet)
    assert fingerprint() != first


def test_reset_removes_only_what_it_made() -> None:
    real = Organisation.objects.create(name="Real Centre", slug="real-centre")
    Person.objects.create(organisation=real, full_name="Someone Real")
    scale.generate(TINY, report=quiet)

    scale.remove_generated()

    assert list(Organisation.objects.values_list("slug", flat=True)) == ["real-centre"]
    assert list(Person.objects.values_list("full_name", flat=True)) == ["Someone Real"]
    assert not Contribution.objects.exists()


def test_the_command_refuses_to_generate_twice_without_reset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(scale.SCALES, "S", TINY)
    out = StringIO()
    call_command("generate_data", "--scale", "S", stdout=out)
    assert "rows/s" in out.getvalue()
    with pytest.raises(CommandError, match="--reset"):
        call_command("generate_data", "--scale", "S", stdout=StringIO())
    call_command("generate_data", "--scale", "S", "--reset", stdout=StringIO())
    assert Contribution.objects.count() == TINY.contributions


def test_the_command_refuses_to_run_in_production(settings: object) -> None:
    settings.PRODUCTION = True  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="production"):
        call_command("generate_data", "--scale", "S", stdout=StringIO())
    assert not Organisation.objects.exists()


def test_it_refreshes_the_database_statistics_at_the_end() -> None:
    said: list[str] = []
    scale.generate(TINY, report=said.append)
    assert said[-1].startswith("  Analysed the tables in")
