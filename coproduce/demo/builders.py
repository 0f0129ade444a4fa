"""Build the one-command demo: organisations, a partnership, staff, about 200 carers and a
year of the carers' breaks scheme (about 1,200 GP referrals).

`data` holds names, places and phrases; `plans` draws carers from them at random; `named`
describes the staff and carers who can sign in; `breaks` draws and writes the breaks scheme;
this module writes the rest, in one transaction, mostly with `bulk_create`.

Everything random is drawn, in a fixed order, from one `random.Random(SEED)`, so every run
builds the same people. Dates of birth are counted back from today, so ages (and so age
bands and young carers) are right whenever the demo is loaded.

Demo staff sign in with the password `DEMO_PASSWORD` and a security code from a confirmed
TOTP device whose key is derived from their email address::

    key = sha256("coproduce-demo-totp:" + email).hexdigest()[:40]   # 20 bytes, in hex

Its base32 form is what an authenticator app takes; `manage.py demo_code EMAIL` prints the
current code instead. These keys are public, so the demo must never hold real data, and
`demo_code` refuses to run in production.
"""

import hashlib
import time
from base64 import b32encode
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import or_
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX, make_password
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.models import User
from coproduce.audit.models import AuditAction, AuditEvent, DataCategory
from coproduce.breaks.models import PracticeMember
from coproduce.demo import accountability as demo_accountability
from coproduce.demo import api as demo_api
from coproduce.demo import breaks as demo_breaks
from coproduce.demo import contributions as demo_contributions
from coproduce.demo import data
from coproduce.demo import decisions as demo_decisions
from coproduce.demo import evaluation as demo_evaluation
from coproduce.demo import imports as demo_imports
from coproduce.demo import payments as demo_payments
from coproduce.demo import projects as demo_projects
from coproduce.demo import selfassessment as demo_selfassessment
from coproduce.demo import surveys as demo_surveys
from coproduce.demo.named import (
    ADMIN_EMAIL,
    COORDINATOR_EMAIL,
    HILLSIDE,
    HILLSIDE_ADMIN_EMAIL,
    PROFESSIONAL_EMAIL,
    RIVERSIDE,
    RIVERSIDE_NHS,
    SIGN_IN_ORDER,
    STAFF,
    StaffMember,
    gwen_morgan,
    jasmine_clarke,
    margaret_jones,
)
from coproduce.demo.plans import (
    HILLSIDE_AREA,
    RIVERSIDE_AREA,
    CarerPlan,
    Draw,
    draw_carers,
)
from coproduce.people.actions import record_consent, save_equality
from coproduce.people.models import (
    CaredFor,
    CarerProfile,
    Consent,
    ConsentKind,
    EqualityMonitoring,
    Person,
)
from coproduce.tenancy.models import Membership, Organisation, Partnership, Role

DEMO_PASSWORD = "coproduce-demo"
SIGN_IN_URL = "http://127.0.0.1:8000/sign-in/"
TOTP_KEY_SALT = "coproduce-demo-totp:"
DEMO_SLUGS = (RIVERSIDE, RIVERSIDE_NHS, HILLSIDE)
DEMO_EMAIL_DOMAINS = ("riverside.example", "riverside-nhs.example", "hillside.example")


class DemoConflict(Exception):
    """Some demo records exist already, so building again would clash with them."""


class NoDemoCode(Exception):
    """There is no security code to show for this user right now."""


def totp_key_for(email: str) -> str:
    """The demo's fixed TOTP key for a staff email: 40 hex characters (20 bytes)."""
    return hashlib.sha256(f"{TOTP_KEY_SALT}{email}".encode()).hexdigest()[:40]


def base32_secret(hex_key: str) -> str:
    """The key as an authenticator app takes it."""
    return b32encode(bytes.fromhex(hex_key)).decode("ascii").rstrip("=")


# --- Writing -------------------------------------------------------------------------------


def demo_users() -> QuerySet[User]:
    """Every user in the demo's own email domains."""
    return User.objects.filter(
        reduce(or_, (Q(email__endswith=f"@{domain}") for domain in DEMO_EMAIL_DOMAINS))
    )


def demo_exists() -> bool:
    return Organisation.objects.filter(slug=RIVERSIDE).exists()


@transaction.atomic
def remove_demo() -> None:
    """Delete the demo organisations (with everyone and everything in them) and demo users."""
    organisations = Organisation.objects.filter(slug__in=DEMO_SLUGS)
    demo_breaks.remove(organisations)
    demo_payments.remove(organisations)
    demo_projects.remove(organisations)
    Partnership.objects.filter(lead__in=organisations).delete()
    organisations.delete()
    demo_users().delete()


def insert_carers(
    organisation: Organisation, plans: Sequence[CarerPlan], registered_by: User | None
) -> list[Person]:
    """People, carer profiles and the people they care for, a few queries for all of them."""
    people = Person.objects.bulk_create(
        [
            Person(organisation=organisation, registered_by=registered_by, **plan.person_fields())
            for plan in plans
        ]
    )
    profiles = CarerProfile.objects.bulk_create(
        [
            CarerProfile(person=person, **plan.profile_fields())
            for person, plan in zip(people, plans, strict=True)
        ]
    )
    CaredFor.objects.bulk_create(
        [
            CaredFor(profile=profile, **cared_for.fields())
            for profile, plan in zip(profiles, plans, strict=True)
            for cared_for in plan.cared_for
        ]
    )
    return people


def insert_consents_and_equality(
    people: Sequence[Person], plans: Sequence[CarerPlan], registered_by: User
) -> None:
    """What staff record when they register carers after a phone call, in bulk.

    The same records as `people.actions.register_carer` and `record_consent` write: consent
    decisions in order (so the latest is the current one), equality answers only where the
    latest equality consent is yes, and an audit entry for each registration.
    """
    pairs = list(zip(people, plans, strict=True))
    Consent.objects.bulk_create(
        [
            Consent(
                person=person,
                kind=kind.value,
                given=given,
                wording_version=settings.CONSENT_WORDING_VERSION,
                recorded_by=registered_by,
            )
            for person, plan in pairs
            for kind, given in plan.consents
        ]
    )
    EqualityMonitoring.objects.bulk_create(
        [
            EqualityMonitoring(person=person, **plan.equality)
            for person, plan in pairs
            if plan.equality is not None
        ]
    )
    AuditEvent.objects.bulk_create(
        [
            AuditEvent(
                organisation_id=person.organisation_id,
                actor=registered_by,
                person=person,
                action=AuditAction.CHANGED,
                categories=[DataCategory.CONTACT.value],
                detail="Registered as a carer",
            )
            for person, _ in pairs
        ]
    )


def add_carer_with_account(organisation: Organisation, plan: CarerPlan, user: User) -> Person:
    """A carer who signed up themselves: their choices go through the real actions."""
    plan.user = user
    (person,) = insert_carers(organisation, [plan], registered_by=None)
    Membership.objects.create(user=user, organisation=organisation, role=Role.CARER)
    for kind, given in plan.consents:
        if kind != ConsentKind.EQUALITY:
            record_consent(user, person, kind, given)
    if plan.equality is not None:
        young = "yes" if plan.equality["young_carer"] else "no"
        save_equality(user, person, {**plan.equality, "consent": True, "young_carer": young})
    return person


def create_user(email: str, password_hash: str) -> User:
    user = User(email=email, password=password_hash)
    user.save()
    return user


def add_staff(
    member: StaffMember, organisation: Organisation, password_hash: str
) -> tuple[User, str]:
    """A member of staff: user, membership, person record and, if staff, a TOTP device.

    Returns the user and the base32 secret of their authenticator ("" if none).
    """
    user = create_user(member.email, password_hash)
    Membership.objects.create(
        user=user,
        organisation=organisation,
        role=member.role,
        safeguarding_trained=member.safeguarding_trained,
    )
    Person.objects.create(
        organisation=organisation,
        user=user,
        full_name=member.full_name,
        email=member.email,
        phone=member.phone,
    )
    if not member.uses_two_factor:
        return user, ""
    key = totp_key_for(member.email)
    TOTPDevice.objects.create(user=user, name="Authenticator app", key=key, confirmed=True)
    return user, base32_secret(key)


@dataclass(frozen=True)
class DemoSummary:
    riverside_carers: int
    hillside_carers: int
    users: int
    seconds: float
    breaks: demo_breaks.BreaksSummary
    projects: demo_projects.ProjectsSummary
    contributions: demo_contributions.ContributionsSummary
    decisions: demo_decisions.DecisionsSummary
    accountability: demo_accountability.AccountabilitySummary
    surveys: demo_surveys.SurveysSummary
    payments: demo_payments.PaymentsSummary
    evaluation: demo_evaluation.EvaluationSummary
    selfassessment: demo_selfassessment.SelfAssessmentSummary


@transaction.atomic
def build_demo(today: date | None = None) -> DemoSummary:
    """Create the whole demo. Raises DemoConflict if any part of it exists already."""
    started = time.perf_counter()
    if Organisation.objects.filter(slug__in=DEMO_SLUGS).exists() or demo_users().exists():
        raise DemoConflict(
            "Some demo organisations or users exist already. "
            "Run `manage.py load_demo --reset` to delete them and build the demo again."
        )
    today = today or timezone.localdate()
    draw = Draw.seeded(today)
    password_hash = make_password(DEMO_PASSWORD)  # hashed once: the slow part of a user

    riverside = Organisation.objects.create(
        name="Riverside Carers' Centre",
        name_cy="Canolfan Gofalwyr Glan-yr-Afon",
        slug=RIVERSIDE,
        area_code="E10000030",  # Surrey
        minimum_notice_days=14,
        # Phone numbers from Ofcom's ranges kept for drama: they reach nobody.
        phone="01632 960 123",
        email="hello@riverside.example",
        postal_address="Riverside Carers' Centre\n12 Mill Lane\nRiverside\nRV1 2AB",
        opening_hours="Monday to Friday, 9am to 5pm. Thursday until 7pm.",
        opening_hours_cy="Dydd Llun i ddydd Gwener, 9am i 5pm. Dydd Iau tan 7pm.",
        visit_address="12 Mill Lane, Riverside, RV1 2AB (next to the library)",
        premises_access=(
            "Step-free entrance from the car park. Hearing loop at reception and in the "
            "meeting room. Accessible toilet. Two blue badge spaces. Quiet room on request."
        ),
        premises_access_cy=(
            "Mynedfa heb risiau o'r maes parcio. Dolen sain yn y dderbynfa ac yn yr ystafell "
            "gyfarfod. Toiled hygyrch. Dau le bathodyn glas. Ystafell dawel ar gais."
        ),
    )
    nhs = Organisation.objects.create(
        name="Riverside NHS Foundation Trust",
        name_cy="Ymddiriedolaeth Sefydledig GIG Glan-yr-Afon",
        slug=RIVERSIDE_NHS,
        area_code="E10000030",
    )
    hillside = Organisation.objects.create(
        name="Hillside Carers Wales",
        name_cy="Gofalwyr Ochr y Bryn Cymru",
        slug=HILLSIDE,
        area_code="W92000004",  # Wales
        phone="029 2018 0456",
        email="helo@hillside.example",
        postal_address="Gofalwyr Ochr y Bryn Cymru\n4 Heol y Bryn\nCaerdydd\nCF99 1AA",
        opening_hours="Monday to Thursday, 10am to 4pm. Calls in Welsh or English.",
        opening_hours_cy="Dydd Llun i ddydd Iau, 10am i 4pm. Galwadau yn Gymraeg neu yn Saesneg.",
        visit_address="4 Heol y Bryn, Cardiff, CF99 1AA",
        premises_access=(
            "Ground floor, step-free from the street. Hearing loop. "
            "Accessible toilet. Bus stop outside."
        ),
        premises_access_cy=(
            "Llawr gwaelod, heb risiau o'r stryd. Dolen sain. "
            "Toiled hygyrch. Arhosfan bws y tu allan."
        ),
    )
    partnership = Partnership.objects.create(name="Riverside Carers' Partnership", lead=riverside)
    partnership.organisations.add(riverside, nhs)
    organisations = {RIVERSIDE: riverside, RIVERSIDE_NHS: nhs, HILLSIDE: hillside}

    staff_users = {
        member.email: add_staff(member, organisations[member.organisation_slug], password_hash)[0]
        for member in STAFF
    }
    with_accounts = [
        (add_carer_with_account(riverside, plan, create_user(plan.email, password_hash)), plan)
        for plan in (margaret_jones(today), gwen_morgan(today), jasmine_clarke(today))
    ]

    riverside_plans = draw_carers(
        draw,
        [(origin, origin.count) for origin in data.RIVERSIDE_ORIGINS],
        data.RIVERSIDE_AGES,
        RIVERSIDE_AREA,
    )
    coordinator = staff_users[COORDINATOR_EMAIL]
    people_at_riverside = insert_carers(riverside, riverside_plans, registered_by=coordinator)
    insert_consents_and_equality(people_at_riverside, riverside_plans, registered_by=coordinator)

    hillside_plans = draw_carers(
        draw,
        [(data.WELSH, 8), (data.ENGLISH, 1), (data.POLISH, 1)],
        data.HILLSIDE_AGES,
        HILLSIDE_AREA,
    )
    hillside_admin = staff_users[HILLSIDE_ADMIN_EMAIL]
    people = insert_carers(hillside, hillside_plans, registered_by=hillside_admin)
    insert_consents_and_equality(people, hillside_plans, registered_by=hillside_admin)

    breaks_summary = demo_breaks.build(
        draw,
        partnership=partnership,
        centre=riverside,
        trust=nhs,
        coordinator=coordinator,
        users=staff_users,
        known=[
            demo_breaks.Carer.known(person, plan)
            for person, plan in zip(people_at_riverside, riverside_plans, strict=True)
            if person.email and (person.age_on(today) or 0) >= demo_breaks.YOUNGEST + 1
        ],
        featured=demo_breaks.Carer.known(*with_accounts[0]),
    )

    projects_summary = demo_projects.build(
        draw,
        today=today,
        centre=riverside,
        partnership=partnership,
        coordinator=Person.objects.get(user=coordinator, organisation=riverside),
        coordinator_user=coordinator,
        professional=Person.objects.get(user=staff_users[PROFESSIONAL_EMAIL]),
        featured=[with_accounts[0][0], with_accounts[1][0]],
        young_carer=with_accounts[2][0],
        carers=people_at_riverside,
    )

    contributions_summary = demo_contributions.build(
        draw,
        today=today,
        centre=riverside,
        coordinator_user=coordinator,
        margaret=with_accounts[0][0],
    )
    surveys_summary = demo_surveys.build(
        draw, today=today, centre=riverside, coordinator_user=coordinator
    )
    decisions_summary = demo_decisions.build(
        today=today, centre=riverside, coordinator_user=coordinator
    )
    accountability_summary = demo_accountability.build(
        today=today, centre=riverside, coordinator_user=coordinator, margaret=with_accounts[0][0]
    )
    payments_summary = demo_payments.build(today=today, centre=riverside)
    evaluation_summary = demo_evaluation.build(
        today=today, centre=riverside, coordinator_user=coordinator
    )
    selfassessment_summary = demo_selfassessment.build(
        today=today,
        centre=riverside,
        staff=[staff_users[ADMIN_EMAIL], coordinator],
        coordinator_user=coordinator,
        carers=people_at_riverside[:16],
    )
    demo_api.build(centre=riverside, admin=staff_users[ADMIN_EMAIL])
    demo_contributions.recorded_when_given(riverside)
    demo_imports.build(centre=riverside, admin=staff_users[ADMIN_EMAIL])

    return DemoSummary(
        riverside_carers=CarerProfile.objects.filter(person__organisation=riverside).count(),
        hillside_carers=CarerProfile.objects.filter(person__organisation=hillside).count(),
        users=demo_users().exclude(password__startswith=UNUSABLE_PASSWORD_PREFIX).count(),
        seconds=time.perf_counter() - started,
        breaks=breaks_summary,
        projects=projects_summary,
        contributions=contributions_summary,
        decisions=decisions_summary,
        accountability=accountability_summary,
        surveys=surveys_summary,
        payments=payments_summary,
        evaluation=evaluation_summary,
        selfassessment=selfassessment_summary,
    )


# --- Signing in ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SignIn:
    email: str
    role: str
    organisation: str
    totp_secret: str  # base32; "" for people who sign in with a password alone
    practices: tuple[str, ...] = ()  # GP practices they refer carers for a break from


def sign_ins() -> list[SignIn]:
    """The demo accounts as they are in the database, in a sensible order."""
    memberships = Membership.objects.filter(user__email__in=SIGN_IN_ORDER).select_related(
        "user", "organisation"
    )
    secrets = {
        device.user_id: base32_secret(device.key)
        for device in TOTPDevice.objects.filter(user__email__in=SIGN_IN_ORDER, confirmed=True)
    }
    practices: dict[int, list[str]] = {}
    for user_id, name in PracticeMember.objects.filter(user__email__in=SIGN_IN_ORDER).values_list(
        "user_id", "practice__name"
    ):
        practices.setdefault(user_id, []).append(name)
    rows = [
        SignIn(
            email=m.user.email,
            role=str(Role(m.role).label),
            organisation=m.organisation.name,
            totp_secret=secrets.get(m.user_id, ""),
            practices=tuple(sorted(practices.get(m.user_id, []))),
        )
        for m in memberships
    ]
    return sorted(rows, key=lambda row: SIGN_IN_ORDER.index(row.email))


def sign_in_table(rows: Sequence[SignIn]) -> str:
    headings = ("Email", "Password", "Role", "Organisation")
    cells = [(r.email, DEMO_PASSWORD, r.role, r.organisation) for r in rows]
    widths = [max(len(line[i]) for line in [headings, *cells]) for i in range(len(headings))]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [
        f"Sign in at {SIGN_IN_URL}",
        "",
        line(headings),
        line(["-" * w for w in widths]),
    ]
    for row, values in zip(rows, cells, strict=True):
        out.append(line(values))
        if row.practices:
            out.append(f"    refers carers for a break from {', '.join(row.practices)}")
        if row.totp_secret:
            out.append(f"    security code: run `.venv/bin/python manage.py demo_code {row.email}`")
            out.append(f"    or add this key to an authenticator app: {row.totp_secret}")
    return "\n".join(out)


def current_code(device: Any, at: float | None = None) -> str:
    """The code `device.verify_token` will accept now, computed the way it checks.

    A code is accepted once: if this time step's code has been used, give the next
    step's, which verify_token's tolerance still accepts.
    """
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() if at is None else at
    behind = device.last_t + 1 - totp.t()
    if behind > device.tolerance:
        raise NoDemoCode("Every code for now has been used. Try again in 30 seconds.")
    if behind > 0:
        totp.drift += behind
    return f"{totp.token():0{device.digits}d}"


def code_for(email: str) -> str:
    device = TOTPDevice.objects.filter(user__email=email.strip().lower(), confirmed=True).first()
    if device is None:
        raise NoDemoCode(f"{email} has no confirmed authenticator, so needs no security code.")
    return current_code(device)
