import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Q
from django.test import override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.breaks.models import Practice, Scheme
from coproduce.demo import builders, named, plans
from coproduce.demo.tests.conftest import load_demo
from coproduce.people import rules
from coproduce.people.models import (
    AccessNeed,
    CaredFor,
    CarerProfile,
    Consent,
    EqualityMonitoring,
    Language,
    Person,
)
from coproduce.projects.models import Project
from coproduce.tenancy.models import Membership, Organisation, Partnership, Role

pytestmark = pytest.mark.django_db

STAFF_WITH_TWO_FACTOR = (
    named.ADMIN_EMAIL,
    named.COORDINATOR_EMAIL,
    named.HILLSIDE_ADMIN_EMAIL,
)


def demo_code(email: str) -> str:
    out = StringIO()
    call_command("demo_code", email, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


@pytest.fixture
def demo_output(built_demo: str) -> str:
    return built_demo


def carers(slug: str) -> list[Person]:
    """The carers an organisation registered itself (not those a GP referred for a break,
    nor those imported from its case-management export, which are as the file gave them:
    coproduce/demo/imports.py and its own tests)."""
    return list(
        Person.objects.filter(organisation__slug=slug, carer_profile__isnull=False)
        .exclude(registered_by__practices__isnull=False)
        .exclude(source_records__isnull=False)
        .select_related("carer_profile")
        .prefetch_related("consents")
    )


def fingerprint() -> list[tuple[object, ...]]:
    """Everyone, in an order that does not depend on ids (two people may share a name)."""
    fields = ("organisation__slug", "full_name", "date_of_birth", "email", "phone", "postcode")
    return list(Person.objects.order_by(*fields).values_list(*fields))


def test_riverside_has_about_two_hundred_carers(demo_output: str) -> None:
    assert 200 <= len(carers(named.RIVERSIDE)) <= 210
    assert "carers at Riverside" in demo_output


def test_a_few_carers_prefer_welsh(demo_output: str) -> None:
    riverside = carers(named.RIVERSIDE)
    welsh = [p for p in riverside if p.preferred_language == Language.WELSH]
    assert 3 <= len(welsh) <= 10


def test_most_carers_have_no_account(demo_output: str) -> None:
    riverside = carers(named.RIVERSIDE)
    with_accounts = [p for p in riverside if p.user_id is not None]
    assert len(with_accounts) == 3


def test_every_carers_preferred_channel_has_the_detail_it_needs(demo_output: str) -> None:
    for person in carers(named.RIVERSIDE) + carers(named.HILLSIDE):
        profile = person.carer_profile
        missing = rules.missing_detail_for_channel(
            profile.preferred_channel,
            email=person.email,
            phone=person.phone,
            address=person.address,
        )
        assert missing is None, person.full_name
        assert profile.preferred_channel in profile.contactable_channels(), person.full_name


def test_about_a_third_of_carers_have_no_email_address(demo_output: str) -> None:
    riverside = carers(named.RIVERSIDE)
    without_email = [p for p in riverside if not p.email]
    assert 0.25 <= len(without_email) / len(riverside) <= 0.45


def test_contact_details_are_well_formed_and_cannot_reach_anyone_real(demo_output: str) -> None:
    for person in carers(named.RIVERSIDE) + carers(named.HILLSIDE):
        assert rules.normalise_postcode(person.postcode) == person.postcode
        if person.phone:
            assert rules.normalise_phone(person.phone) == person.phone
            assert person.phone.startswith((plans.MOBILE_PREFIX, plans.LANDLINE_PREFIX))
        if person.email:
            domain = person.email.rsplit("@", 1)[1]
            assert domain in plans.PERSON_EMAIL_DOMAINS + builders.DEMO_EMAIL_DOMAINS


def test_there_are_young_carers_and_carers_over_85(demo_output: str) -> None:
    today = timezone.localdate()
    ages = [person.age_on(today) or 0 for person in carers(named.RIVERSIDE)]
    assert min(ages) >= 12
    assert max(ages) <= 90
    assert sum(age < 18 for age in ages) >= 5
    assert sum(age >= 85 for age in ages) >= 3


def test_equality_answers_agree_with_date_of_birth(demo_output: str) -> None:
    today = timezone.localdate()
    # Not the imported carers': an import takes the answers the file gives, and no age band.
    rows = EqualityMonitoring.objects.select_related("person").exclude(
        person__source_records__isnull=False
    )
    assert rows.exists()
    for row in rows:
        age = row.person.age_on(today) or 0
        assert row.age_band == plans.age_band_for(age), row.person.full_name
        assert row.young_carer is (age < 18), row.person.full_name


def test_equality_rows_exist_only_where_the_latest_equality_consent_is_yes(
    demo_output: str,
) -> None:
    riverside = carers(named.RIVERSIDE)
    with_rows = set(
        EqualityMonitoring.objects.filter(person__in=riverside).values_list("person_id", flat=True)
    )
    for person in riverside:
        assert (person.pk in with_rows) == rules.may_keep_equality_data(person.consents.all())
    assert 0.6 <= len(with_rows) / len(riverside) <= 0.8
    withdrawn = [
        p
        for p in riverside
        if sum(c.kind == "equality" for c in p.consents.all()) == 2
        and not rules.may_keep_equality_data(p.consents.all())
    ]
    assert withdrawn, "some carers agreed to equality monitoring and then withdrew"


def test_everyone_agreed_to_data_use_and_some_declined_contact(demo_output: str) -> None:
    riverside = carers(named.RIVERSIDE)
    for person in riverside:
        assert rules.current_consents(person.consents.all())["data_use"].given
    declined = [
        p for p in riverside if not rules.current_consents(p.consents.all())["contact"].given
    ]
    assert 0 < len(declined) < len(riverside) / 4


def test_carers_look_after_one_to_three_people(demo_output: str) -> None:
    for person in carers(named.RIVERSIDE):
        assert 1 <= CaredFor.objects.filter(profile__person=person).count() <= 3


def test_named_carers_are_as_described(demo_output: str) -> None:
    today = timezone.localdate()
    margaret = Person.objects.get(user__email=named.CARER_EMAIL)
    assert margaret.full_name == "Margaret Jones"
    assert margaret.age_on(today) == 78
    assert margaret.carer_profile.access_needs == [AccessNeed.HEARING_LOOP, AccessNeed.LARGE_PRINT]
    assert margaret.carer_profile.cared_for.count() == 2
    assert margaret.equality.ethnic_group == "white_british"

    gwen = Person.objects.get(user__email=named.WELSH_CARER_EMAIL)
    assert gwen.preferred_language == Language.WELSH

    young = Person.objects.get(user__email=named.YOUNG_CARER_EMAIL)
    assert young.age_on(today) == 16
    assert young.equality.young_carer is True


def test_loading_twice_does_not_duplicate_anything(demo_output: str) -> None:
    before = fingerprint()
    counts = (User.objects.count(), Organisation.objects.count(), Consent.objects.count())

    output = load_demo()

    assert "loaded already" in output
    assert fingerprint() == before
    assert (User.objects.count(), Organisation.objects.count(), Consent.objects.count()) == counts


def test_reset_builds_exactly_the_same_demo_again(demo_output: str) -> None:
    before = fingerprint()
    counts = (User.objects.count(), Person.objects.count(), Consent.objects.count())

    load_demo("--reset")

    assert fingerprint() == before
    assert (User.objects.count(), Person.objects.count(), Consent.objects.count()) == counts


def test_hillside_people_are_all_in_hillside(demo_output: str) -> None:
    hillside = Organisation.objects.get(slug=named.HILLSIDE)
    admin = User.objects.get(email=named.HILLSIDE_ADMIN_EMAIL)

    assert list(admin.memberships.values_list("organisation__slug", "role")) == [
        (named.HILLSIDE, Role.ADMIN)
    ]
    registered = Person.objects.filter(registered_by=admin)
    assert registered.count() == 10
    assert set(registered.values_list("organisation_id", flat=True)) == {hillside.pk}
    assert set(admin.people.values_list("organisation_id", flat=True)) == {hillside.pk}
    events = AuditEvent.objects.filter(person__in=registered)
    assert set(events.values_list("organisation_id", flat=True)) == {hillside.pk}
    assert not Partnership.objects.filter(organisations=hillside).exists()


def test_the_partnership_joins_the_carers_centre_and_the_trust(demo_output: str) -> None:
    partnership = Partnership.objects.get()
    assert partnership.lead.slug == named.RIVERSIDE
    slugs = set(partnership.organisations.values_list("slug", flat=True))
    assert slugs == {named.RIVERSIDE, named.RIVERSIDE_NHS}


def test_staff_have_a_person_record_and_no_carer_profile(demo_output: str) -> None:
    for member in named.STAFF:
        membership = Membership.objects.get(user__email=member.email)
        person = Person.objects.get(user=membership.user)
        assert membership.role == member.role
        assert person.organisation_id == membership.organisation_id
        assert not CarerProfile.objects.filter(person=person).exists()


def test_staff_have_the_documented_confirmed_authenticator(demo_output: str) -> None:
    for email in STAFF_WITH_TWO_FACTOR:
        device = TOTPDevice.objects.get(user__email=email)
        assert device.confirmed
        assert device.key == builders.totp_key_for(email)
        assert builders.base32_secret(device.key) in demo_output
        assert f"manage.py demo_code {email}" in demo_output
    for email in (named.PROFESSIONAL_EMAIL, named.GP_EMAIL):
        assert not TOTPDevice.objects.filter(user__email=email).exists()


def test_the_sign_in_table_lists_every_demo_account(demo_output: str) -> None:
    assert builders.SIGN_IN_URL in demo_output
    for email in named.SIGN_IN_ORDER:
        assert re.search(rf"^{re.escape(email)} +{builders.DEMO_PASSWORD} ", demo_output, re.M)


def test_demo_passwords_work(demo_output: str) -> None:
    for email in named.SIGN_IN_ORDER:
        assert User.objects.get(email=email).check_password(builders.DEMO_PASSWORD)


def test_demo_code_prints_a_code_the_authenticator_accepts(demo_output: str) -> None:
    code = demo_code(named.ADMIN_EMAIL)

    assert re.fullmatch(r"\d{6}", code)
    device = TOTPDevice.objects.get(user__email=named.ADMIN_EMAIL)
    assert device.verify_token(code)


def test_demo_code_works_again_straight_after_a_code_is_used(demo_output: str) -> None:
    device = TOTPDevice.objects.get(user__email=named.COORDINATOR_EMAIL)
    assert device.verify_token(demo_code(named.COORDINATOR_EMAIL))

    second = demo_code(named.COORDINATOR_EMAIL)

    device.refresh_from_db()
    assert device.verify_token(second)


def test_demo_code_refuses_a_user_without_an_authenticator(demo_output: str) -> None:
    with pytest.raises(CommandError, match="no confirmed authenticator"):
        demo_code(named.CARER_EMAIL)


def test_demo_code_refuses_to_run_in_production(demo_output: str) -> None:
    with (
        override_settings(MODE="production"),
        pytest.raises(CommandError, match="never in production"),
    ):
        demo_code(named.ADMIN_EMAIL)


def test_load_demo_refuses_to_run_in_production(demo_output: str) -> None:
    organisations = Organisation.objects.count()

    with (
        override_settings(MODE="production"),
        pytest.raises(CommandError, match="never in production"),
    ):
        load_demo("--reset")

    assert Organisation.objects.count() == organisations


def test_reset_deletes_only_what_the_demo_made(
    demo_output: str, project: Project, breaks: object, carer_b: object
) -> None:
    """Another organisation's people, project, breaks scheme and users survive a reset, and
    so does someone from elsewhere who joined a demo organisation (only that membership,
    which was in the demo, goes)."""
    visitor = User.objects.create_user(email="visitor@elsewhere.example", password="x" * 12)
    riverside = Organisation.objects.get(slug=named.RIVERSIDE)
    Membership.objects.create(user=visitor, organisation=riverside, role=Role.CARER)
    demo_slugs = set(builders.DEMO_SLUGS)
    not_demo = Q(email__endswith=".example") & ~Q(
        email__regex=r"@(riverside|riverside-nhs|hillside)\.example$"
    )

    def others() -> dict[str, list[object]]:
        return {
            "organisations": list(
                Organisation.objects.exclude(slug__in=demo_slugs).values_list("slug", flat=True)
            ),
            "users": list(
                User.objects.filter(not_demo).order_by("pk").values_list("pk", flat=True)
            ),
            "people": list(
                Person.objects.exclude(organisation__slug__in=demo_slugs).values_list(
                    "pk", flat=True
                )
            ),
            "memberships": list(
                Membership.objects.exclude(organisation__slug__in=demo_slugs).values_list(
                    "pk", flat=True
                )
            ),
            "projects": list(
                Project.objects.exclude(organisation__slug__in=demo_slugs).values_list(
                    "pk", flat=True
                )
            ),
            "schemes": list(
                Scheme.objects.exclude(payment_organisation__slug__in=demo_slugs).values_list(
                    "pk", flat=True
                )
            ),
            "practices": list(
                Practice.objects.exclude(
                    scheme__payment_organisation__slug__in=demo_slugs
                ).values_list("pk", flat=True)
            ),
        }

    before = others()
    assert all(before.values()), before  # the test has something of each to lose

    load_demo("--reset")

    assert others() == before
    assert User.objects.filter(pk=visitor.pk).exists()
    assert not Membership.objects.filter(user=visitor).exists()
