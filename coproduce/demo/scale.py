"""Data at national scale, for load tests: `manage.py generate_data --scale M`.

Three levels:

- **S**: one organisation, 1,000 carers: quick to make, for trying the harness.
- **M**: 50 organisations, 100,000 carers, 5,000 projects, 50,000 activities, 1,000,000
  contributions, 200,000 claims and 50,000 break referrals.
- **L**: ten times M.

The shape is plausible rather than uniform: a few large organisations and many small ones
(sizes fall off as 1/rank), busy and quiet projects (activities and contributions follow a
long-tailed spread), contributions from a sentence to a few paragraphs, and equality answers
for about 85 % of carers.

Every run with the same scale and seed makes the same rows. Organisations' slugs start with
`scale-`, and every account's email ends in `@scale.example`, so the generated data can be
told from the demo and from real organisations, and `--reset` removes only it. Staff and a
few carers per organisation can sign in with the demo password; staff security codes come
from keys derived from their email address, as the demo's do (`manage.py demo_code EMAIL`).

Rows are written with `bulk_create` in batches of a few thousand, a table at a time, and the
writer prints rows per second per table. Nothing is held in memory beyond the ids that later
tables refer to.
"""

import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import islice
from typing import Any, TypeVar

from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.models import User
from coproduce.activities.models import Activity, ActivityKind, ActivityStatus, Format, Invitation
from coproduce.activities.models import Reply as InvitationReply
from coproduce.breaks.models import Practice, PracticeMember, Referral, ReferralStatus, Scheme
from coproduce.contributions.models import (
    Contribution,
    ContributionChannel,
    Privacy,
    ResponseStatus,
)
from coproduce.decisions.models import Position, PositionChannel, Proposal, Stance
from coproduce.demo import data
from coproduce.demo.builders import DEMO_PASSWORD, totp_key_for
from coproduce.payments.models import Claim, Line, LineKind, Method, Payment, Status
from coproduce.people.models import (
    AgeBand,
    CarerProfile,
    Channel,
    EqualityMonitoring,
    Language,
    Person,
    Sex,
)
from coproduce.projects.models import GroupRole, Project, ProjectMember, Stage
from coproduce.tenancy.models import Membership, Organisation, Partnership, Role

T = TypeVar("T")
M_ = TypeVar("M_", bound=models.Model)

SLUG_PREFIX = "scale-"
EMAIL_DOMAIN = "scale.example"
SEED = 2026
BATCH = 2_000
CARERS_WITH_ACCOUNTS = 10  # per organisation: enough sign-ins for a load test
PRACTICES_PER_SCHEME = 10
ORGANISATIONS_PER_SCHEME = 5


@dataclass(frozen=True)
class Scale:
    organisations: int
    carers: int
    projects: int
    activities: int
    contributions: int
    claims: int
    referrals: int

    def times(self, factor: int) -> "Scale":
        return Scale(
            self.organisations * factor,
            self.carers * factor,
            self.projects * factor,
            self.activities * factor,
            self.contributions * factor,
            self.claims * factor,
            self.referrals * factor,
        )


M = Scale(50, 100_000, 5_000, 50_000, 1_000_000, 200_000, 50_000)
SCALES: dict[str, Scale] = {
    "S": Scale(1, 1_000, 50, 500, 10_000, 2_000, 500),
    "M": M,
    "L": M.times(10),
}


# --- Drawing ------------------------------------------------------------------------------


def long_tailed(total: int, parts: int, exponent: float = 1.0) -> list[int]:
    """`total` split over `parts`, the k-th getting a share proportional to 1/k**exponent,
    every part at least one (when total allows). The sum is exactly `total`."""
    if parts <= 0:
        return []
    weights = [1 / (k + 1) ** exponent for k in range(parts)]
    floor = 1 if total >= parts else 0
    spare = total - floor * parts
    scale = spare / sum(weights)
    shares = [floor + int(w * scale) for w in weights]
    for k in range(total - sum(shares)):  # the remainder, largest parts first
        shares[k % parts] += 1
    return shares


def spread(rng: random.Random, total: int, parts: int) -> list[int]:
    """`total` over `parts` in random long-tailed amounts (busy and quiet), in random order."""
    shares = long_tailed(total, parts, exponent=0.8)
    rng.shuffle(shares)
    return shares


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


SENTENCES = (
    "The meeting room was hard to find and there was nowhere to park.",
    "I could only come because my sister sat with Mum for the afternoon.",
    "Please send the papers a week before, in large print if you can.",
    "It helped to hear from other carers who understand what it is like.",
    "The GP surgery never asks how I am coping, only how he is.",
    "Evening meetings are impossible for me because of the bedtime routine.",
    "I would like to know what happened to the ideas we gave last time.",
    "Being paid for my time made me feel that my experience is valued.",
    "The online session worked well, but the sound kept dropping out.",
    "Young carers need somewhere to talk that is not at school.",
    "Respite is the one thing that would make the biggest difference.",
    "Forms for carers' allowance are too long and use words I do not know.",
    "A phone call the day before would help me remember.",
    "I felt listened to, and the coordinator explained what would happen next.",
    "Travel costs should be paid on the day, not weeks later.",
    "Nobody told us the meeting had moved until we arrived.",
)


def words(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def contribution_text(rng: random.Random) -> str:
    """From one sentence to a few paragraphs, most of them short."""
    count = min(1 + int(rng.expovariate(0.5)), 24)
    return words(rng, count)


def weighted(rng: random.Random, options: Sequence[tuple[T, int]]) -> T:
    values = [value for value, _ in options]
    return rng.choices(values, weights=[weight for _, weight in options])[0]


# --- Writing ------------------------------------------------------------------------------


@dataclass
class Writer:
    """Writes rows in batches and reports how many, and how fast, per table."""

    report: Callable[[str], object] = print
    counts: dict[str, int] = field(default_factory=dict)

    def write(
        self, model: type[M_], rows: Iterable[M_], *, keep: bool = False, label: str = ""
    ) -> list[M_]:
        """Insert `rows`; return them with their ids if `keep`. Rows whose ids nobody needs
        go through PostgreSQL's COPY where it is the database (several times faster)."""
        started = time.perf_counter()
        kept: list[M_] = []
        count = 0
        if not keep and connection.vendor == "postgresql":
            count = copy_rows(model, rows)
        else:
            for batch in chunks(rows, BATCH):
                written = model._default_manager.bulk_create(batch)
                count += len(written)
                if keep:
                    kept.extend(written)
        seconds = time.perf_counter() - started
        name = label or model._meta.label
        self.counts[name] = self.counts.get(name, 0) + count
        rate = count / seconds if seconds else 0
        self.report(f"  {name:<34} {count:>10,} rows {seconds:7.1f} s {rate:>10,.0f} rows/s")
        return kept


def copy_rows(model: type[models.Model], rows: Iterable[models.Model]) -> int:
    """COPY the rows into the model's table: the values Django would save, without
    building an INSERT statement for each batch."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    count = 0
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(
                [field.get_db_prep_save(field.pre_save(row, True), connection) for field in fields]
            )
            count += 1
    return count


@dataclass(frozen=True)
class OrganisationPlan:
    number: int
    carers: int
    projects: int
    welsh: bool


@dataclass
class Made:
    """Ids that later tables refer to."""

    organisation: Organisation
    coordinator: User
    coordinator_person: Person
    carer_ids: list[int] = field(default_factory=list)
    project_ids: list[int] = field(default_factory=list)
    members: dict[int, list[int]] = field(default_factory=dict)  # project id -> person ids
    activities: dict[int, list[int]] = field(default_factory=dict)  # project id -> ids


def plan_organisations(scale: Scale) -> list[OrganisationPlan]:
    carers = long_tailed(scale.carers, scale.organisations)
    projects = long_tailed(scale.projects, scale.organisations)
    return [
        OrganisationPlan(number, carers[number], projects[number], welsh=number % 5 == 4)
        for number in range(scale.organisations)
    ]


def origin_for(rng: random.Random, welsh: bool) -> data.Origin:
    if welsh:
        return data.WELSH if rng.random() < 0.8 else data.ENGLISH
    return weighted(
        rng,
        [
            (data.ENGLISH, 70),
            (data.IRISH, 4),
            (data.POLISH, 4),
            (data.INDIAN, 5),
            (data.PAKISTANI, 4),
            (data.CARIBBEAN, 3),
            (data.NIGERIAN, 3),
            (data.CHINESE, 2),
            (data.MIXED, 3),
            (data.SCOTTISH, 2),
        ],
    )


AGE_BANDS = (
    (AgeBand.UNDER_18, 18, 10, 17),
    (AgeBand.AGE_18_24, 50, 18, 24),
    (AgeBand.AGE_25_34, 90, 25, 34),
    (AgeBand.AGE_35_49, 220, 35, 49),
    (AgeBand.AGE_50_64, 330, 50, 64),
    (AgeBand.AGE_65_74, 170, 65, 74),
    (AgeBand.AGE_75_84, 100, 75, 84),
    (AgeBand.AGE_85_PLUS, 22, 85, 95),
)


def carer_rows(
    rng: random.Random, organisation: Organisation, plan: OrganisationPlan, today: date
) -> Iterator[tuple[Person, dict[str, Any]]]:
    for index in range(plan.carers):
        origin = origin_for(rng, plan.welsh)
        female = rng.random() < 0.59
        first = rng.choice(origin.female if female else origin.male)
        surname = rng.choice(origin.surnames)
        band_value, _weight, youngest, oldest = weighted(rng, [(b, b[1]) for b in AGE_BANDS])
        age = rng.randint(youngest, oldest)
        born = today - timedelta(days=age * 365 + rng.randint(0, 364))
        number = f"{plan.number:03d}{index:06d}"
        person = Person(
            organisation=organisation,
            full_name=f"{first} {surname}",
            email=f"carer.{number}@example.com" if rng.random() < 0.7 else "",
            phone=f"07700 9{index % 100000:05d}" if rng.random() < 0.8 else "",
            address=f"{rng.randint(1, 180)} {rng.choice(data.RIVERSIDE_STREETS)}",
            postcode=f"GU{rng.randint(1, 30)} {rng.randint(1, 9)}"
            f"{rng.choice(data.INWARD_LETTERS)}{rng.choice(data.INWARD_LETTERS)}",
            date_of_birth=born,
            preferred_language=Language.WELSH
            if plan.welsh and rng.random() < 0.3
            else Language.ENGLISH,
        )
        facts = {
            "age_band": band_value,
            "sex": Sex.FEMALE if female else Sex.MALE,
            "ethnic_group": weighted(rng, origin.ethnic_groups),
            "equality": rng.random() < 0.85,
            "channel": weighted(
                rng,
                [(Channel.EMAIL, 55), (Channel.SMS, 20), (Channel.LETTER, 15), (Channel.PHONE, 10)],
            ),
            "young": age < 18,
        }
        yield person, facts


def make_organisation(
    writer: Writer,
    rng: random.Random,
    plan: OrganisationPlan,
    scale: Scale,
    password_hash: str,
    today: date,
    now: datetime,
) -> Made:
    place = rng.choice(data.HILLSIDE_PLACES if plan.welsh else data.RIVERSIDE_PLACES)
    organisation = Organisation.objects.create(
        name=f"{place.town} Carers Centre {plan.number + 1}",
        slug=f"{SLUG_PREFIX}{plan.number + 1:03d}",
        area_code="W92000004" if plan.welsh else "E92000001",
    )
    staff = {
        role: User.objects.create(
            email=f"{role}.{plan.number + 1:03d}@{EMAIL_DOMAIN}", password=password_hash
        )
        for role in (Role.ADMIN, Role.COORDINATOR)
    }
    Membership.objects.bulk_create(
        [Membership(user=u, organisation=organisation, role=r) for r, u in staff.items()]
    )
    staff_people = Person.objects.bulk_create(
        [
            Person(organisation=organisation, user=u, full_name=f"{r.label} {plan.number + 1}")
            for r, u in staff.items()
        ]
    )
    TOTPDevice.objects.bulk_create(
        [
            TOTPDevice(user=u, name="Authenticator app", key=totp_key_for(u.email), confirmed=True)
            for u in staff.values()
        ]
    )
    made = Made(organisation, staff[Role.COORDINATOR], staff_people[1])

    drawn = list(carer_rows(rng, organisation, plan, today))
    people = writer.write(Person, (p for p, _ in drawn), keep=True, label="people.Person")
    made.carer_ids = [p.pk for p in people]
    writer.write(
        CarerProfile,
        (
            CarerProfile(
                person=p,
                preferred_channel=facts["channel"],
                notice_days=rng.choice((7, 14, 14, 14, 21, 28)),
                caring_situation=words(rng, rng.randint(1, 4)),
            )
            for p, (_, facts) in zip(people, drawn, strict=True)
        ),
    )
    writer.write(
        EqualityMonitoring,
        (
            EqualityMonitoring(
                person=p,
                age_band=facts["age_band"],
                sex=facts["sex"],
                ethnic_group=facts["ethnic_group"],
                young_carer=facts["young"],
            )
            for p, (_, facts) in zip(people, drawn, strict=True)
            if facts["equality"]
        ),
    )
    with_accounts = people[:CARERS_WITH_ACCOUNTS]
    users = writer.write(
        User,
        (
            User(
                email=f"carer.{plan.number + 1:03d}.{i:02d}@{EMAIL_DOMAIN}", password=password_hash
            )
            for i in range(len(with_accounts))
        ),
        keep=True,
    )
    for person, user in zip(with_accounts, users, strict=True):
        person.user = user
    Person.objects.bulk_update(with_accounts, ["user"])
    writer.write(
        Membership,
        (Membership(user=u, organisation=organisation, role=Role.CARER) for u in users),
    )

    stages = list(Stage)
    projects = writer.write(
        Project,
        (
            Project(
                organisation=organisation,
                title=f"{rng.choice(PROJECT_TOPICS)} {number + 1}",
                aims=words(rng, rng.randint(2, 5)),
                coordinator=made.coordinator_person,
                starts_on=today - timedelta(days=rng.randint(0, 900)),
                stage=rng.choice(stages),
            )
            for number in range(plan.projects)
        ),
        keep=True,
    )
    made.project_ids = [p.pk for p in projects]
    member_rows: list[ProjectMember] = []
    for project in projects:
        size = min(len(made.carer_ids), max(3, int(rng.lognormvariate(2.3, 0.5))))
        chosen = rng.sample(made.carer_ids, size)
        made.members[project.pk] = chosen
        member_rows.extend(
            ProjectMember(
                project=project,
                person_id=person_id,
                role=GroupRole.CARER,
                joined_on=project.starts_on + timedelta(days=rng.randint(0, 60)),
            )
            for person_id in chosen
        )
    writer.write(ProjectMember, member_rows)
    return made


PROJECT_TOPICS = (
    "Hospital discharge with carers",
    "Carers' breaks directory",
    "Young carers in school",
    "Replacement care when carers are ill",
    "Dementia support after diagnosis",
    "GP recognition of carers",
    "Carers' assessments made simpler",
    "Mental health carers' pathway",
)


def make_activities(
    writer: Writer, rng: random.Random, made: Made, count: int, now: datetime
) -> None:
    per_project = spread(rng, count, len(made.project_ids))
    rows: list[Activity] = []
    for project_id, how_many in zip(made.project_ids, per_project, strict=True):
        for number in range(how_many):
            starts = now + timedelta(days=rng.randint(-700, 60), hours=rng.choice((10, 14, 18)))
            rows.append(
                Activity(
                    project_id=project_id,
                    stage=rng.choice(list(Stage)),
                    kind=rng.choice(list(ActivityKind)),
                    title=f"{rng.choice(ACTIVITY_TITLES)} {number + 1}",
                    description=words(rng, 2),
                    format=rng.choice(list(Format)),
                    status=ActivityStatus.SCHEDULED,
                    starts_at=starts.replace(minute=0, second=0, microsecond=0),
                    venue_name="Community Centre",
                    step_free=True,
                    hearing_loop=rng.random() < 0.6,
                )
            )
    activities = writer.write(Activity, rows, keep=True)
    for activity in activities:
        made.activities.setdefault(activity.project_id, []).append(activity.pk)

    def invitations() -> Iterator[Invitation]:
        for activity in activities:
            past = activity.starts_at is not None and activity.starts_at < now
            for person_id in made.members[activity.project_id]:
                reply = weighted(
                    rng,
                    [
                        (InvitationReply.COMING, 55),
                        (InvitationReply.NOT_COMING, 20),
                        (InvitationReply.WAITING, 15),
                        (InvitationReply.ANOTHER_WAY, 10),
                    ],
                )
                yield Invitation(
                    activity=activity,
                    person_id=person_id,
                    reply=reply,
                    replied_at=None if reply == InvitationReply.WAITING else now,
                    attended=(reply == InvitationReply.COMING) if past else None,
                )

    writer.write(Invitation, invitations())


ACTIVITY_TITLES = (
    "Group meeting",
    "Planning workshop",
    "Focus group",
    "Consultation day",
    "Online catch-up",
    "Review session",
)


def make_contributions(
    writer: Writer, rng: random.Random, made: Made, count: int, today: date
) -> None:
    open_door = count // 10
    per_project = spread(rng, count - open_door, len(made.project_ids))
    channels = [(c, 10) for c in ContributionChannel if c != ContributionChannel.OPEN_DOOR]
    statuses = [
        (ResponseStatus.NEW, 20),
        (ResponseStatus.CONSIDERED, 40),
        (ResponseStatus.PLANNED, 15),
        (ResponseStatus.ACTED_ON, 20),
        (ResponseStatus.NOT_TAKEN_FORWARD, 5),
    ]
    privacies = [
        (Privacy.IDENTIFIABLE, 60),
        (Privacy.ANONYMOUS_TO_GROUP, 20),
        (Privacy.ANONYMOUS, 12),
        (Privacy.CONFIDENTIAL, 8),
    ]

    def one(project_id: int | None, people: Sequence[int]) -> Contribution:
        privacy = weighted(rng, privacies)
        status = weighted(rng, statuses)
        return Contribution(
            organisation=made.organisation,
            project_id=project_id,
            stage=rng.choice(list(Stage)) if project_id else "",
            channel=ContributionChannel.OPEN_DOOR
            if project_id is None
            else weighted(rng, channels),
            privacy=privacy,
            person_id=None if privacy == Privacy.ANONYMOUS else rng.choice(people),
            text=contribution_text(rng),
            given_on=today - timedelta(days=rng.randint(0, 700)),
            status=status,
            response=words(rng, 2) if status != ResponseStatus.NEW else "",
        )

    def rows() -> Iterator[Contribution]:
        for project_id, how_many in zip(made.project_ids, per_project, strict=True):
            people = made.members[project_id]
            for _ in range(how_many):
                yield one(project_id, people)
        for _ in range(open_door):
            yield one(None, made.carer_ids)

    writer.write(Contribution, rows())


def make_claims(writer: Writer, rng: random.Random, made: Made, count: int, now: datetime) -> None:
    """Claims with one line each, for distinct (member, activity) pairs of a project (a
    line is never claimed twice); only a member's first claim on a project may be a draft."""
    projects = [p for p in made.project_ids if made.activities.get(p) and made.members[p]]
    possible = sum(len(made.members[p]) * len(made.activities[p]) for p in projects)
    wanted = min(count, possible)
    chosen: set[tuple[int, int, int]] = set()
    while len(chosen) < wanted:
        project_id = rng.choice(projects)
        chosen.add(
            (
                project_id,
                rng.choice(made.members[project_id]),
                rng.choice(made.activities[project_id]),
            )
        )
    statuses = [
        (Status.DRAFT, 10),
        (Status.SUBMITTED, 20),
        (Status.QUERIED, 5),
        (Status.APPROVED, 15),
        (Status.PAID, 50),
    ]
    drafted: set[tuple[int, int]] = set()

    def status_for(project_id: int, person_id: int) -> str:
        status = weighted(rng, statuses)
        if status == Status.DRAFT and (project_id, person_id) in drafted:
            return Status.SUBMITTED
        drafted.add((project_id, person_id))
        return status

    triples = sorted(chosen)
    claims = writer.write(
        Claim,
        (
            Claim(
                organisation=made.organisation,
                project_id=project_id,
                person_id=person_id,
                status=(status := status_for(project_id, person_id)),
                method="" if status == Status.DRAFT else Method.BANK,
                submitted_at=None if status == Status.DRAFT else now,
            )
            for project_id, person_id, _ in triples
        ),
        keep=True,
    )
    writer.write(
        Line,
        (
            Line(
                claim=claim,
                person_id=claim.person_id,
                activity_id=activity_id,
                kind=LineKind.INVOLVEMENT,
                minutes=120,
                rate=Decimal("25.00"),
                amount=Decimal("50.00"),
            )
            for claim, (_, _, activity_id) in zip(claims, triples, strict=True)
        ),
    )
    # An approved claim has its payment, made when it was approved; a paid one its date.
    writer.write(
        Payment,
        (
            Payment(
                claim=claim,
                amount=Decimal("50.00"),
                method=claim.method,
                approved_by=made.coordinator,
                approved_at=now,
                paid_on=now.date() if claim.status == Status.PAID else None,
                reference=f"BACS-{claim.pk}" if claim.status == Status.PAID else "",
                paid_by=made.coordinator if claim.status == Status.PAID else None,
            )
            for claim in claims
            if claim.status in (Status.APPROVED, Status.PAID)
        ),
    )


def make_decisions(writer: Writer, rng: random.Random, made: Made, now: datetime) -> None:
    """Two proposals for each project, with positions from most of the group."""
    proposals = writer.write(
        Proposal,
        (
            Proposal(
                project_id=project_id,
                title=f"Agree {rng.choice(PROJECT_TOPICS).lower()} plan {number + 1}",
                background=words(rng, 3),
                options=words(rng, 2),
                deadline=now + timedelta(days=rng.randint(-300, 30)),
                proposed_at=now - timedelta(days=rng.randint(20, 400)),
            )
            for project_id in made.project_ids
            for number in range(2)
        ),
        keep=True,
    )
    stances = [(s, 3 if s == Stance.AGREE else 1) for s in Stance]
    writer.write(
        Position,
        (
            Position(
                proposal=proposal,
                person_id=person_id,
                stance=(stance := weighted(rng, stances)),
                comment=words(rng, 1) if stance == Stance.BLOCK else "",
                channel=PositionChannel.ONLINE,
                recorded_by=made.coordinator,
                recorded_at=proposal.proposed_at + timedelta(days=1),
            )
            for proposal in proposals
            for person_id in made.members[proposal.project_id]
            if rng.random() < 0.7
        ),
    )


def make_breaks(
    writer: Writer,
    rng: random.Random,
    made: Sequence[Made],
    count: int,
    password_hash: str,
    today: date,
    now: datetime,
) -> None:
    """A scheme for every few organisations, run by a partnership led by the first, with
    GP practices whose staff refer; referrals spread over the schemes by size."""
    groups = [
        made[i : i + ORGANISATIONS_PER_SCHEME]
        for i in range(0, len(made), ORGANISATIONS_PER_SCHEME)
    ]
    per_scheme = long_tailed(count, len(groups))
    statuses = [
        (ReferralStatus.SUBMITTED, 15),
        (ReferralStatus.APPROVED, 10),
        (ReferralStatus.DECLINED, 10),
        (ReferralStatus.PAID, 65),
    ]
    for number, (group, how_many) in enumerate(zip(groups, per_scheme, strict=True)):
        lead = group[0].organisation
        partnership = Partnership.objects.create(name=f"{lead.name} Partnership", lead=lead)
        partnership.organisations.add(*[m.organisation for m in group])
        scheme = Scheme.objects.create(
            partnership=partnership,
            payment_organisation=lead,
            name=f"Carers' breaks {number + 1}",
            starts_on=today - timedelta(days=365),
            ends_on=today + timedelta(days=365),
            budget=Decimal(how_many) * Decimal("300"),
            standard_payment=Decimal("300"),
            maximum_payment=Decimal("500"),
        )
        practices = Practice.objects.bulk_create(
            [
                Practice(
                    scheme=scheme,
                    name=f"Health Centre {k + 1}",
                    code=f"S{number:02d}{k:03d}",
                    signed_up_at=now,
                )
                for k in range(PRACTICES_PER_SCHEME)
            ]
        )
        gps = User.objects.bulk_create(
            [
                User(email=f"gp.{number + 1:03d}.{k:02d}@{EMAIL_DOMAIN}", password=password_hash)
                for k in range(len(practices))
            ]
        )
        PracticeMember.objects.bulk_create(
            [PracticeMember(practice=p, user=u) for p, u in zip(practices, gps, strict=True)]
        )
        # GPs belong to the partnership's lead as professional partners, as in the demo.
        Membership.objects.bulk_create(
            [Membership(user=u, organisation=lead, role=Role.PROFESSIONAL) for u in gps]
        )
        writer.write(
            Referral,
            (
                Referral(
                    scheme=scheme,
                    practice=(practice := rng.choice(practices)),
                    referred_by=gps[practices.index(practice)],
                    status=(status := weighted(rng, statuses)),
                    carer_name=f"{rng.choice(data.ENGLISH.female)} "
                    f"{rng.choice(data.ENGLISH.surnames)}",
                    carer_date_of_birth=today - timedelta(days=rng.randint(18 * 365, 85 * 365)),
                    carer_postcode="GU1 1AA",
                    preferred_channel=Channel.PHONE,
                    break_description=words(rng, 2),
                    carer_consent=True,
                    eligible=status != ReferralStatus.DECLINED,
                    submitted_at=now - timedelta(days=rng.randint(0, 360)),
                    amount=Decimal("300") if status == ReferralStatus.PAID else None,
                )
                for _ in range(how_many)
            ),
        )


# --- The whole -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Generated:
    counts: dict[str, int]
    seconds: float

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def generated_organisations() -> models.QuerySet[Organisation]:
    return Organisation.objects.filter(slug__startswith=SLUG_PREFIX)


def generated_exists() -> bool:
    return generated_organisations().exists()


@transaction.atomic
def remove_generated() -> None:
    """Delete the generated organisations, everything in them and the generated accounts."""
    organisations = generated_organisations()
    schemes = Scheme.objects.filter(partnership__lead__in=organisations)
    Referral.objects.filter(scheme__in=schemes).delete()
    Practice.objects.filter(scheme__in=schemes).delete()
    schemes.delete()
    Partnership.objects.filter(lead__in=organisations).delete()
    Payment.objects.filter(claim__organisation__in=organisations).delete()
    Line.objects.filter(claim__organisation__in=organisations).delete()
    Project.objects.filter(organisation__in=organisations).delete()
    Person.objects.filter(organisation__in=organisations).delete()
    organisations.delete()
    User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete()


def generate(
    scale: Scale, *, seed: int = SEED, report: Callable[[str], object] = print
) -> Generated:
    """Write `scale`'s rows. Each organisation is one transaction, so an interrupted run
    leaves whole organisations (and `--reset` clears them)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    writer = Writer(report)
    today = timezone.localdate()
    now = timezone.now()
    password_hash = make_password(DEMO_PASSWORD)
    plans = plan_organisations(scale)
    activities = long_tailed(scale.activities, scale.organisations)
    contributions = long_tailed(scale.contributions, scale.organisations)
    claims = long_tailed(scale.claims, scale.organisations)
    made: list[Made] = []
    for plan, n_activities, n_contributions, n_claims in zip(
        plans, activities, contributions, claims, strict=True
    ):
        report(f"Organisation {plan.number + 1} of {len(plans)}: {plan.carers:,} carers")
        with transaction.atomic():
            one = make_organisation(writer, rng, plan, scale, password_hash, today, now)
            make_activities(writer, rng, one, n_activities, now)
            make_contributions(writer, rng, one, n_contributions, today)
            make_claims(writer, rng, one, n_claims, now)
            make_decisions(writer, rng, one, now)
        made.append(one)
    report("Carers' breaks")
    with transaction.atomic():
        make_breaks(writer, rng, made, scale.referrals, password_hash, today, now)
    analyse(report)
    return Generated(writer.counts, time.perf_counter() - started)


def analyse(report: Callable[[str], object] = print) -> None:
    """Refresh the database's statistics. Written in bulk, the tables are not yet analysed
    (at M, autovacuum had not got to them 40 minutes later), so PostgreSQL plans every
    query as if each held a row or two: the organisation dashboard took 25 s a request
    at M before and 12 s after (docs/benchmarks.md)."""
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    report(f"  Analysed the tables in {time.perf_counter() - started:.1f} s")
