import re
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from statistics import mean

import pytest
from django.core.management.base import CommandError
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.breaks import rules
from coproduce.breaks.models import (
    BreakPayment,
    Practice,
    PracticeMember,
    Referral,
    ReferralStatus,
    Scheme,
    WellbeingMoment,
    WellbeingResponse,
)
from coproduce.demo import breaks, builders, named, plans
from coproduce.demo.tests.conftest import load_demo
from coproduce.people import rules as people_rules
from coproduce.people.models import CarerProfile, Person
from coproduce.tenancy.models import Membership, Role

pytestmark = pytest.mark.django_db

BREAKS_MODELS = (Scheme, Practice, PracticeMember, Referral, BreakPayment, WellbeingResponse)


@pytest.fixture
def scheme(built_demo: str) -> Scheme:
    return Scheme.objects.select_related("partnership", "payment_organisation").get(
        name=breaks.SCHEME_NAME
    )


def sent(scheme: Scheme) -> list[Referral]:
    return list(
        Referral.objects.filter(scheme=scheme)
        .exclude(status=ReferralStatus.DRAFT)
        .select_related("person", "practice", "decided_by", "referred_by")
        .order_by("submitted_at")
    )


def age_when_referred(referral: Referral) -> int:
    assert referral.carer_date_of_birth
    assert referral.submitted_at
    return breaks.age_on(referral.carer_date_of_birth, timezone.localdate(referral.submitted_at))


def breaks_rows() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in BREAKS_MODELS}


# --- The scheme and its practices ---------------------------------------------------------


def test_the_partnership_runs_a_scheme_paid_by_the_carers_centre(scheme: Scheme) -> None:
    today = timezone.localdate()
    assert scheme.partnership.name == "Riverside Carers' Partnership"
    assert scheme.payment_organisation.slug == named.RIVERSIDE
    assert scheme.starts_on == breaks.a_year_before(today)
    assert 28 <= (scheme.ends_on - today).days <= 31
    assert scheme.budget == Decimal("400000.00")
    assert scheme.standard_payment == Decimal("300.00")
    assert scheme.repeat_after_days == 365
    assert scheme.eligibility == rules.DEFAULT_ELIGIBILITY


def test_the_budget_covers_what_is_paid_and_approved(scheme: Scheme) -> None:
    from coproduce.breaks import reports

    report = reports.build(scheme)
    assert report.total_paid > Decimal("200000.00")  # a realistic year, not a token few
    assert report.over_budget == 0
    assert report.budget_left >= scheme.budget / 10  # comfortably, with room to spare


def test_the_maximum_payment_comes_from_the_reference_rates(scheme: Scheme) -> None:
    assert scheme.maximum_payment == breaks.rate_on(breaks.MAXIMUM_RATE, scheme.starts_on)
    assert scheme.maximum_payment == Decimal("500.00")


def test_twelve_practices_nine_signed_up(scheme: Scheme) -> None:
    practices = list(Practice.objects.filter(scheme=scheme))
    assert len(practices) == 12
    assert sum(p.is_signed_up for p in practices) == 9
    for practice in practices:
        assert re.fullmatch(r"H\d{5}", practice.code)
        assert practice.email.endswith("@nhs.example")
        assert practice.invited_at is not None
        if practice.signed_up_at is not None:
            assert practice.invited_at < practice.signed_up_at
    signed_up_on = {p.signed_up_at.date() for p in practices if p.signed_up_at}
    assert len(signed_up_on) == 9, "practices joined at different times"


def test_only_signed_up_practices_refer_and_some_far_more_than_others(scheme: Scheme) -> None:
    referrals = sent(scheme)
    for referral in referrals:
        assert referral.practice.signed_up_at is not None
        assert referral.submitted_at
        assert referral.submitted_at > referral.practice.signed_up_at
    per_practice = Counter(r.practice.code for r in referrals)
    assert len(per_practice) == 9
    assert max(per_practice.values()) >= 10 * min(per_practice.values())


# --- The demo GP and the demo professional ------------------------------------------------


def test_the_demo_gp_refers_for_merrow_park_surgery(built_demo: str) -> None:
    gp = User.objects.get(email=named.GP_EMAIL)
    assert gp.check_password(builders.DEMO_PASSWORD)
    membership = Membership.objects.get(user=gp)
    assert (membership.organisation.slug, membership.role) == (
        named.RIVERSIDE_NHS,
        Role.PROFESSIONAL,
    )
    person = Person.objects.get(user=gp)
    assert (person.full_name, person.email, person.organisation_id) == (
        "Dr Sam Okafor",
        named.GP_EMAIL,
        membership.organisation_id,
    )
    member = PracticeMember.objects.select_related("practice").get(user=gp)
    assert member.practice.name == "Merrow Park Surgery"
    assert member.practice.is_signed_up
    assert member.job_title == "GP"
    assert Referral.objects.filter(referred_by=gp, status=ReferralStatus.PAID).exists()


def test_the_demo_professional_refers_for_another_practice(built_demo: str) -> None:
    gp_practice = PracticeMember.objects.get(user__email=named.GP_EMAIL).practice_id
    member = PracticeMember.objects.select_related("practice").get(
        user__email=named.PROFESSIONAL_EMAIL
    )
    assert member.practice.is_signed_up
    assert member.practice_id != gp_practice


def test_the_sign_in_table_shows_the_gp_and_their_practice(built_demo: str) -> None:
    assert re.search(
        rf"^{re.escape(named.GP_EMAIL)} +{builders.DEMO_PASSWORD} +Professional partner +"
        r"Riverside NHS Foundation Trust$",
        built_demo,
        re.M,
    )
    assert "refers carers for a break from Merrow Park Surgery" in built_demo
    assert "refers carers for a break from Guildford Health Centre" in built_demo
    assert "1" in built_demo.split("Carers' breaks: ")[1].split(" referrals")[0]


def test_other_referrers_cannot_sign_in(built_demo: str) -> None:
    others = User.objects.filter(practices__isnull=False).exclude(email__in=named.SIGN_IN_ORDER)
    assert others.count() >= 9
    for user in others:
        assert not user.has_usable_password()
        assert user.email.endswith("@riverside-nhs.example")


def test_the_gp_has_three_drafts_on_the_go(scheme: Scheme) -> None:
    drafts = Referral.objects.filter(scheme=scheme, status=ReferralStatus.DRAFT)
    assert drafts.count() == 3
    for draft in drafts:
        assert draft.referred_by
        assert draft.referred_by.email == named.GP_EMAIL
        assert draft.practice.code == breaks.GP_PRACTICE
        assert draft.carer_name
        assert draft.person is None
        assert draft.submitted_at is None
        assert draft.eligible is None
        assert not hasattr(draft, "payment")
        assert draft.created_at <= timezone.now()


# --- A year of referrals ------------------------------------------------------------------


def test_a_year_of_referrals(scheme: Scheme) -> None:
    referrals = sent(scheme)
    assert 1000 <= len(referrals) <= 1500
    start = breaks.at(scheme.starts_on, 0)
    now = timezone.now()
    for referral in referrals:
        assert referral.submitted_at
        assert start <= referral.submitted_at < now
        assert referral.created_at < referral.submitted_at
        assert referral.carer_consent is True
    months = Counter(timezone.localdate(r.submitted_at).replace(day=1) for r in referrals)
    assert len(months) >= 12


def test_every_paid_referral_has_exactly_one_payment_within_the_maximum(scheme: Scheme) -> None:
    payments = {p.referral_id: p for p in BreakPayment.objects.filter(referral__scheme=scheme)}
    assert len(payments) == BreakPayment.objects.filter(referral__scheme=scheme).count()
    today = timezone.localdate()
    paid = 0
    for referral in sent(scheme):
        if referral.status != ReferralStatus.PAID:
            assert referral.pk not in payments
            continue
        paid += 1
        payment = payments[referral.pk]
        assert payment.amount == referral.amount
        assert payment.amount <= scheme.maximum_payment
        assert rules.amount_problem(payment.amount, scheme.maximum_payment) is None
        assert referral.submitted_at
        assert referral.decided_at
        days = (payment.paid_on - timezone.localdate(referral.submitted_at)).days
        assert 3 <= days <= 30
        assert timezone.localdate(referral.decided_at) <= payment.paid_on < today
        assert re.fullmatch(r"BRK-\d{6}", payment.reference)
        assert payment.recorded_by_id == referral.decided_by_id
        assert timezone.localdate(payment.recorded_at) == payment.paid_on
    assert paid == len(payments)
    assert len({p.reference for p in payments.values()}) == len(payments)
    amounts = Counter(p.amount for p in payments.values())
    assert amounts[scheme.standard_payment] / paid > 0.6
    assert min(amounts) >= Decimal("150.00")
    assert len(amounts) >= 5
    methods = Counter(p.method for p in payments.values())
    assert len(methods) == 4


def test_decisions_are_the_coordinators_and_declines_say_why(scheme: Scheme) -> None:
    referrals = sent(scheme)
    for referral in referrals:
        if referral.status == ReferralStatus.SUBMITTED:
            assert referral.decided_at is None
            assert referral.decided_by is None
            assert referral.amount is None
            assert not referral.decline_reason
            continue
        assert referral.decided_by
        assert referral.decided_by.email == named.COORDINATOR_EMAIL
        assert referral.submitted_at
        assert referral.decided_at
        assert referral.submitted_at < referral.decided_at < timezone.now()
        if referral.status == ReferralStatus.DECLINED:
            assert referral.decline_reason.strip()
            assert referral.amount is None
        else:
            assert not referral.decline_reason
            assert referral.amount
            assert referral.amount > 0
    declined = sum(r.status == ReferralStatus.DECLINED for r in referrals)
    assert 0.05 <= declined / len(referrals) <= 0.12


def test_the_last_three_weeks_are_still_being_dealt_with(scheme: Scheme) -> None:
    today = timezone.localdate()
    statuses: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    for referral in sent(scheme):
        assert referral.submitted_at
        recent = (today - timezone.localdate(referral.submitted_at)).days <= breaks.WAITING_DAYS
        statuses[recent][referral.status] += 1
    assert set(statuses[True]) == {ReferralStatus.SUBMITTED, ReferralStatus.APPROVED}
    assert set(statuses[False]) == {ReferralStatus.PAID, ReferralStatus.DECLINED}


def test_eligibility_agrees_with_the_rules(scheme: Scheme) -> None:
    referrals = sent(scheme)
    for referral in referrals:
        outcome = rules.evaluate(scheme.eligibility, referral.answers)
        assert referral.eligible is outcome.eligible
        assert not outcome.unanswered
        if not referral.eligible:
            assert referral.status in (ReferralStatus.DECLINED, ReferralStatus.SUBMITTED)
    eligible = sum(bool(r.eligible) for r in referrals)
    assert 0.85 <= eligible / len(referrals) <= 0.96


def test_carers_referred_again_within_a_year_are_declined(scheme: Scheme) -> None:
    referrals = sent(scheme)
    paid_on: dict[str, date] = {
        rules.same_carer_key(r.carer_name, r.carer_date_of_birth): r.payment.paid_on
        for r in Referral.objects.filter(scheme=scheme, status=ReferralStatus.PAID).select_related(
            "payment"
        )
    }
    repeats = [r for r in referrals if r.decline_reason.startswith("Already had a break this year")]
    assert 0.004 <= len(repeats) / len(referrals) <= 0.02
    for referral in repeats:
        earlier = paid_on[rules.same_carer_key(referral.carer_name, referral.carer_date_of_birth)]
        assert referral.submitted_at
        assert rules.repeat_too_soon(
            earlier, timezone.localdate(referral.submitted_at), scheme.repeat_after_days
        )


# --- The carers ---------------------------------------------------------------------------


def test_each_carer_has_a_record_at_the_carers_centre(scheme: Scheme) -> None:
    for referral in sent(scheme):
        person = referral.person
        assert person is not None
        assert person.organisation_id == scheme.payment_organisation_id
        assert person.full_name == referral.carer_name
        assert person.date_of_birth == referral.carer_date_of_birth
        assert person.email == referral.carer_email
        if person.registered_by_id == referral.referred_by_id:  # made for this referral
            assert (person.phone, person.address, person.postcode) == (
                referral.carer_phone,
                referral.carer_address,
                referral.carer_postcode,
            )
            assert person.carer_profile.preferred_channel == referral.preferred_channel


def test_carer_records_are_found_by_email_as_the_real_action_does(scheme: Scheme) -> None:
    referrals = sent(scheme)
    by_email: dict[str, set[int]] = {}
    for referral in referrals:
        assert referral.person_id
        if referral.carer_email:
            by_email.setdefault(referral.carer_email.lower(), set()).add(referral.person_id)
    assert all(len(people) == 1 for people in by_email.values())
    known = [r for r in referrals if r.person and r.person.registered_by_id != r.referred_by_id]
    assert known, "some carers were known to the centre before a GP referred them"
    margaret = [r for r in referrals if r.person and r.person.user_id]
    assert [r.carer_email for r in margaret] == [named.CARER_EMAIL]
    assert margaret[0].status == ReferralStatus.PAID


def test_referred_carers_contact_details_fit_their_channel(scheme: Scheme) -> None:
    for referral in sent(scheme):
        assert referral.preferred_channel
        assert (
            people_rules.missing_detail_for_channel(
                referral.preferred_channel,
                email=referral.carer_email,
                phone=referral.carer_phone,
                address=referral.carer_address,
            )
            is None
        )
        if referral.preferred_channel == "letter" or referral.carer_address:
            assert referral.carer_address
            assert referral.carer_postcode
        if referral.carer_postcode:
            assert (
                people_rules.normalise_postcode(referral.carer_postcode) == referral.carer_postcode
            )
        if referral.carer_phone:
            assert people_rules.normalise_phone(referral.carer_phone) == referral.carer_phone
            assert referral.carer_phone.startswith((plans.MOBILE_PREFIX, plans.LANDLINE_PREFIX))
        if referral.preferred_channel == "sms":
            assert referral.carer_phone.startswith(plans.MOBILE_PREFIX)
        if referral.carer_email:
            domain = referral.carer_email.rsplit("@", 1)[1]
            assert domain in plans.PERSON_EMAIL_DOMAINS + builders.DEMO_EMAIL_DOMAINS
        assert referral.relationship
        assert referral.break_kind


def test_carers_are_16_to_92_and_some_are_young_carers(scheme: Scheme) -> None:
    ages = [age_when_referred(r) for r in sent(scheme)]
    assert min(ages) >= 16
    assert max(ages) <= 92
    assert 0.03 <= sum(age < 18 for age in ages) / len(ages) <= 0.09


def test_new_carer_records_are_dated_when_the_carer_was_referred(scheme: Scheme) -> None:
    for referral in sent(scheme)[:50]:
        person = referral.person
        assert person is not None
        if person.registered_by_id == referral.referred_by_id:
            assert person.created_at <= referral.submitted_at  # type: ignore[operator]
            assert CarerProfile.objects.filter(person=person).exists()


# --- Wellbeing ----------------------------------------------------------------------------


def test_wellbeing_answers_only_from_carers_who_agreed(scheme: Scheme) -> None:
    referrals = sent(scheme)
    responses: dict[int, dict[str, WellbeingResponse]] = {}
    for response in WellbeingResponse.objects.filter(referral__scheme=scheme):
        responses.setdefault(response.referral_id, {})[response.moment] = response
    today = timezone.localdate()
    for referral in referrals:
        given = responses.get(referral.pk, {})
        if not referral.wellbeing_consent:
            assert not given
            assert "wellbeing" not in referral.answers
            continue
        at_referral = given[WellbeingMoment.AT_REFERRAL]
        assert referral.answers["wellbeing"] == {
            name: getattr(at_referral, name) for name in breaks.WELLBEING
        }
        assert at_referral.answered_at == referral.submitted_at
        after = given.get(WellbeingMoment.AFTER_BREAK)
        assert referral.submitted_at
        old = (today - timezone.localdate(referral.submitted_at)).days > breaks.AFTER_BREAK_DAYS
        assert (after is not None) == (referral.status == ReferralStatus.PAID and old)
        if after is not None:
            assert timezone.localdate(after.answered_at) > referral.payment.paid_on
            assert after.answered_at < timezone.now()
    consented = sum(bool(r.wellbeing_consent) for r in referrals)
    assert 0.6 <= consented / len(referrals) <= 0.8


def test_carers_feel_a_little_better_after_their_break(scheme: Scheme) -> None:
    rows = WellbeingResponse.objects.filter(referral__scheme=scheme)
    before = list(rows.filter(moment=WellbeingMoment.AT_REFERRAL).values(*breaks.WELLBEING))
    after = list(rows.filter(moment=WellbeingMoment.AFTER_BREAK).values(*breaks.WELLBEING))
    assert len(after) >= 300

    def average(answers: list[dict[str, int]], name: str) -> float:
        return mean(a[name] for a in answers)

    assert average(before, "life_satisfaction") < 6
    assert average(before, "happiness") < 6
    assert average(before, "anxiety") > 5
    for name in ("life_satisfaction", "worthwhile", "happiness"):
        assert 0.2 < average(after, name) - average(before, name) < 2
    assert -2 < average(after, "anxiety") - average(before, "anxiety") < -0.2


# --- Loading, reloading and removing ------------------------------------------------------


def test_loading_twice_does_not_duplicate_breaks_rows(built_demo: str) -> None:
    before = breaks_rows()

    assert "loaded already" in load_demo()

    assert breaks_rows() == before


def test_reset_builds_the_same_referrals_again(scheme: Scheme) -> None:
    def fingerprint() -> list[tuple[object, ...]]:
        return list(
            Referral.objects.order_by("submitted_at", "carer_name").values_list(
                "practice__code", "carer_name", "carer_date_of_birth", "status", "amount"
            )
        )

    before, counts = fingerprint(), breaks_rows()

    load_demo("--reset")

    assert fingerprint() == before
    assert breaks_rows() == counts


def test_removing_the_demo_leaves_no_breaks_rows_behind(built_demo: str) -> None:
    referred = set(
        Referral.objects.exclude(person=None).values_list("person_id", flat=True).distinct()
    )
    assert referred

    builders.remove_demo()

    assert set(breaks_rows().values()) == {0}
    assert not Person.objects.filter(pk__in=referred).exists()
    assert not User.objects.filter(email__endswith="@riverside-nhs.example").exists()


def test_a_missing_reference_file_stops_the_demo_with_a_clear_message(
    built_demo: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(breaks, "RATES_CSV", tmp_path / "missing.csv")

    with pytest.raises(CommandError, match="reference rates are missing"):
        load_demo("--reset")


# --- Pure helpers -------------------------------------------------------------------------


def test_rate_on_takes_the_latest_row_in_force(tmp_path: Path) -> None:
    rates = tmp_path / "rates.csv"
    rates.write_text(
        "key,value,unit,applies_from,source_note\n"
        "break_max,450.00,GBP,2020-04-01,old\n"
        "break_max,500.00,GBP,2025-04-01,new\n"
        "other,1.00,GBP,2019-01-01,\n",
        encoding="utf-8",
    )
    assert breaks.rate_on("break_max", date(2025, 3, 31), rates) == Decimal("450.00")
    assert breaks.rate_on("break_max", date(2025, 4, 1), rates) == Decimal("500.00")
    with pytest.raises(breaks.MissingReference):
        breaks.rate_on("break_max", date(2019, 1, 1), rates)


def test_a_year_before_the_29th_of_february() -> None:
    assert breaks.a_year_before(date(2028, 2, 29)) == date(2027, 2, 28)
    assert breaks.a_year_before(date(2026, 11, 23)) == date(2025, 11, 23)


def test_working_days_skip_weekends() -> None:
    friday = date(2026, 11, 20)
    assert breaks.add_working_days(friday, 1) == friday + timedelta(days=3)
    assert breaks.weekday_on_or_before(date(2026, 11, 22)) == friday


def test_emails_for_practices_and_referrers() -> None:
    assert breaks.referrer_email("Dr Tom Whitfield") == "tom.whitfield@riverside-nhs.example"
    assert breaks.practice_email("Castle Street Practice, Farnham") == (
        "castle.street.practice.farnham@nhs.example"
    )


def test_poisson_draws_average_the_mean() -> None:
    draw = plans.Draw.seeded(date(2026, 3, 1))
    counts = [breaks.poisson(draw, 1.2) for _ in range(5000)]
    assert 1.1 < mean(counts) < 1.3


def test_the_same_seed_draws_the_same_referrals() -> None:
    def draw_names(today: date) -> list[tuple[str, str]]:
        draw = plans.Draw.seeded(today)
        drawn = breaks.draw_referrals(
            draw,
            starts_on=breaks.a_year_before(today),
            eligibility=rules.DEFAULT_ELIGIBILITY,
            standard=Decimal("300.00"),
            maximum=Decimal("500.00"),
            known=[],
            featured=None,
        )
        return [(plan.carer.full_name, plan.status.value) for plan in drawn]

    today = date(2026, 3, 1)
    assert draw_names(today) == draw_names(today)
