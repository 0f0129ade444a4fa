"""Demo co-production projects at Riverside: several stages, groups, budgets and activities.

Everything is dated relative to `today`, so the demo always shows recent meetings, a
meeting coming up with proper notice and one being arranged. Carers' participation is
real data (attendance, carer-led sessions), so the "carers took part" view has
something true to show.
"""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet

from coproduce.accounts.models import User
from coproduce.activities import agenda_actions
from coproduce.activities.models import (
    Activity,
    ActivityChange,
    ActivityKind,
    ActivityLead,
    ActivityStatus,
    ChangeKind,
    Format,
    Invitation,
    LeadRole,
    OtherWay,
    Reply,
    Slot,
    SlotAnswer,
)
from coproduce.demo.plans import Draw
from coproduce.notifications.models import Message, Status
from coproduce.people.models import Person
from coproduce.projects.models import (
    BudgetKind,
    BudgetLine,
    GroupRole,
    Milestone,
    Project,
    ProjectMember,
    Stage,
    StageChange,
)
from coproduce.recruitment import rules as recruitment_rules
from coproduce.recruitment.models import (
    Brief,
    EasyReadLine,
    ExpressionOfInterest,
    Pictogram,
    State,
    StateChange,
    Support,
)
from coproduce.tenancy.models import Organisation, Partnership

LONDON = ZoneInfo("Europe/London")
ALL_OTHER_WAYS = [way.value for way in OtherWay]

CENTRE: dict[str, Any] = {
    "venue_name": "Riverside Carers' Centre, Garden Room",
    "venue_address": "1 Mill Lane, Guildford GU1 1AA",
    "step_free": True,
    "hearing_loop": True,
    "parking": True,
    "accessible_toilet": True,
    "quiet_room": True,
    "access_notes": "Level access from the car park. Blue badge bays by the door.",
}
HOSPITAL: dict[str, Any] = {
    "venue_name": "Riverside Hospital, Education Centre Room 2",
    "venue_address": "Riverside Hospital, Hospital Road, Guildford GU2 7XX",
    "step_free": True,
    "hearing_loop": False,
    "parking": True,
    "accessible_toilet": True,
    "quiet_room": None,
    "access_notes": "Lift to the first floor. Parking is free for the group: ask at reception.",
}
ONLINE: dict[str, Any] = {
    "joining_details": "Join on Zoom: the link comes with your invitation. "
    "You can also join by phone on 0330 088 5830.",
}


@dataclass(frozen=True)
class ProjectsSummary:
    projects: int
    activities: int
    members: int


def remove(organisations: QuerySet[Organisation]) -> None:
    """Projects protect their organisation and people: they go first when the demo is reset."""
    Project.objects.filter(
        Q(organisation__in=organisations) | Q(partnership__lead__in=organisations)
    ).delete()


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LONDON)


def weekday_after(day: datetime.date, weekday: int) -> datetime.date:
    """The first given weekday (0 = Monday) on or after `day`."""
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def record_stages(
    project: Project,
    path: list[tuple[Stage, int, str]],
    by: User,
    today: datetime.date,
    without_carers: dict[Stage, str] | None = None,
) -> None:
    """The stage history: each stage entered `days` days ago, with a note. `without_carers`
    gives, by the stage left, why the project moved on from a stage carers took no part in
    (the demo's activities are the evidence; a test checks the two agree)."""
    reasons = without_carers or {}
    previous = ""
    rows = []
    for stage, days_ago, note in path:
        reason = reasons.get(Stage(previous), "") if previous else ""
        rows.append(
            StageChange(
                project=project,
                from_stage=previous,
                to_stage=stage,
                note=note,
                carers_absent=bool(reason),
                carers_absent_reason=reason,
                changed_by=by,
                changed_at=at(today - datetime.timedelta(days=days_ago), 16),
            )
        )
        previous = stage
    StageChange.objects.bulk_create(rows)
    project.stage = path[-1][0]
    project.save(update_fields=["stage"])


def add_group(
    project: Project,
    carers: list[Person],
    professionals: list[Person],
    coordinator: Person,
    joined_on: datetime.date,
) -> list[ProjectMember]:
    members = [ProjectMember(project=project, person=coordinator, role=GroupRole.COORDINATOR)]
    members += [
        ProjectMember(project=project, person=p, role=GroupRole.PROFESSIONAL) for p in professionals
    ]
    members += [ProjectMember(project=project, person=c, role=GroupRole.CARER) for c in carers]
    for member in members:
        member.joined_on = joined_on
    return ProjectMember.objects.bulk_create(members)


def past_activity(
    draw: Draw,
    project: Project,
    *,
    stage: Stage,
    kind: ActivityKind,
    title: str,
    starts_at: datetime.datetime,
    people: list[Person],
    by: User,
    place: Mapping[str, Any],
    fmt: Format = Format.IN_PERSON,
    leads: Sequence[tuple[Person, LeadRole]] = (),
    notes: str = "",
) -> Activity:
    """A meeting that happened: scheduled with good notice, with replies and a register."""
    activity = Activity.objects.create(
        project=project,
        stage=stage,
        kind=kind,
        title=title,
        format=fmt,
        status=ActivityStatus.SCHEDULED,
        starts_at=starts_at,
        duration_minutes=120,
        other_ways=ALL_OTHER_WAYS,
        reminder_days=[7, 1],
        agenda="1. Welcome and tea\n2. What we heard last time\n3. Small groups\n4. Next steps",
        notes=notes,
        sequence=1,
        **place,
    )
    notice = draw.rng.randint(16, 28)
    ActivityChange.objects.create(
        activity=activity,
        kind=ChangeKind.SCHEDULED,
        starts_at=starts_at,
        notice_days=notice,
        required_days=14,
        changed_by=by,
        changed_at=starts_at - datetime.timedelta(days=notice),
    )
    ActivityLead.objects.bulk_create(
        [ActivityLead(activity=activity, person=person, role=role) for person, role in leads]
    )
    invitations = []
    for person in people:
        reply = draw.weighted([(Reply.COMING, 70), (Reply.ANOTHER_WAY, 15), (Reply.NOT_COMING, 15)])
        came = reply == Reply.COMING and draw.chance(0.9)
        invitations.append(
            Invitation(
                activity=activity,
                person=person,
                reply=reply,
                other_way=draw.weighted([(OtherWay.PHONE, 2), (OtherWay.WRITTEN, 1)])
                if reply == Reply.ANOTHER_WAY
                else "",
                replied_at=starts_at - datetime.timedelta(days=draw.rng.randint(3, 12)),
                replacement_care_needed=reply == Reply.COMING and draw.chance(0.3),
                travel_needed=reply == Reply.COMING and draw.chance(0.25),
                attended=came,
                attended_minutes=120 if came else None,
                follow_up_sent_at=starts_at + datetime.timedelta(days=3),
            )
        )
    for invitation in invitations:
        if invitation.replacement_care_needed:
            invitation.replacement_care_arranged = "Crossroads sitter booked, 9.30 to 13.00"
        if invitation.travel_needed:
            invitation.travel_arranged = "Taxi both ways, booked by the centre"
    Invitation.objects.bulk_create(invitations)
    return activity


def add_agenda(activity: Activity, staff: User, *, margaret: Person, leader: Person) -> None:
    """The pilot review's agenda in order, one item led by a carer (she suggested it), and
    Margaret's suggestion waiting for the coordinator: she would like to lead it."""
    for title, details in [
        ("Welcome", ""),
        ("Ward staff on the pilot", "The ward managers of wards 4 and 7."),
        ("Changes to propose", "What we ask the trust to change before it rolls out."),
    ]:
        agenda_actions.add_item(activity, title, details)
    stories = agenda_actions.suggest_item(
        activity,
        leader,
        "Carers' stories from the pilot",
        "Three carers whose person left the pilot wards tell how it went.",
        wants_to_lead=True,
    )
    agenda_actions.accept(staff, stories, let_them_lead=True)
    agenda_actions.move(activity, stories.pk, up=True)
    agenda_actions.suggest_item(
        activity,
        margaret,
        "Getting a copy of the discharge letter",
        "Carers are still not given the letter on the day. I can say what happened to us.",
        wants_to_lead=True,
    )


def build(
    draw: Draw,
    *,
    today: datetime.date,
    centre: Organisation,
    partnership: Partnership,
    coordinator: Person,
    coordinator_user: User,
    professional: Person,
    featured: list[Person],
    young_carer: Person,
    carers: list[Person],
) -> ProjectsSummary:
    """Four Riverside projects, from a funding bid to an evaluation."""
    pool = [c for c in carers if c not in featured and c != young_carer]
    draw.rng.shuffle(pool)

    # 1. Hospital discharge: co-owned with the NHS trust, in Delivery after a revision.
    discharge = Project.objects.create(
        organisation=centre,
        partnership=partnership,
        title="Hospital discharge that works for carers",
        aims=(
            "Carers, ward staff and the discharge team design together how carers are told, "
            "asked and supported when the person they care for leaves hospital."
        ),
        # Gwen, a member of the group, reads the service in Welsh: this project, its brief
        # and the pilot review meeting she is invited to are written in Welsh too. The young
        # carers' project is not yet (it is on "Welsh translations to write").
        title_cy="Gadael yr ysbyty mewn ffordd sy'n gweithio i ofalwyr",
        aims_cy=(
            "Mae gofalwyr, staff y wardiau a'r tîm rhyddhau yn cynllunio gyda'i gilydd sut "
            "mae gofalwyr yn cael gwybod, yn cael eu holi ac yn cael eu cefnogi pan fydd y "
            "person maen nhw'n gofalu amdano yn gadael yr ysbyty."
        ),
        scope="Riverside Hospital's adult wards. Not children's services or mental health wards.",
        coordinator=coordinator,
        starts_on=today - datetime.timedelta(days=300),
        ends_on=today + datetime.timedelta(days=150),
    )
    record_stages(
        discharge,
        [
            (Stage.FUNDING, 300, "Bid to the trust's patient experience fund."),
            (Stage.MEMBERSHIP, 260, "Funding agreed: £18,500 for 15 months."),
            (Stage.CONSULTING, 200, "Group of 12 carers and 3 staff formed."),
            (Stage.PLANNING, 140, "Consultation days done: 64 carers took part."),
            (Stage.REVISION, 110, "Back to revise the checklist after the consultation findings."),
            (Stage.DELIVERY, 60, "Revised checklist agreed by consensus; pilot on two wards."),
        ],
        coordinator_user,
        today,
        without_carers={
            Stage.FUNDING: "The bid was due before the group was formed; it used what carers "
            "told the centre's annual survey.",
            Stage.MEMBERSHIP: "The group was recruited through the brief; its first meeting "
            "was the first consultation day.",
            Stage.REVISION: "The revised checklist was agreed through the group's decision "
            "(positions given online, by phone and in writing), not at a meeting.",
        },
    )
    group = featured + pool[:9]
    add_group(discharge, group, [professional], coordinator, today - datetime.timedelta(days=255))
    BudgetLine.objects.bulk_create(
        [
            BudgetLine(
                project=discharge,
                kind=BudgetKind.CARERS_TIME,
                description="12 carers, 10 meetings",
                amount=Decimal("6000.00"),
            ),
            BudgetLine(
                project=discharge,
                kind=BudgetKind.TRAVEL,
                description="Mileage and taxis",
                amount=Decimal("1800.00"),
            ),
            BudgetLine(
                project=discharge,
                kind=BudgetKind.REPLACEMENT_CARE,
                description="Sitters while carers attend",
                amount=Decimal("4200.00"),
            ),
            BudgetLine(
                project=discharge,
                kind=BudgetKind.VENUE,
                description="Community rooms",
                amount=Decimal("900.00"),
            ),
            BudgetLine(
                project=discharge,
                kind=BudgetKind.ACCESS,
                description="BSL interpreters and easy-read printing",
                amount=Decimal("2400.00"),
            ),
            BudgetLine(
                project=discharge,
                kind=BudgetKind.REFRESHMENTS,
                description="Lunch and 'me time' treats",
                amount=Decimal("1200.00"),
            ),
            BudgetLine(
                project=discharge,
                kind=BudgetKind.OTHER,
                description="Evaluation write-up",
                amount=Decimal("2000.00"),
            ),
        ]
    )
    Milestone.objects.bulk_create(
        [
            Milestone(
                project=discharge,
                title="Consultation findings published",
                due_on=today - datetime.timedelta(days=130),
                done_on=today - datetime.timedelta(days=125),
            ),
            Milestone(
                project=discharge,
                title="Checklist piloted on two wards",
                due_on=today + datetime.timedelta(days=30),
            ),
            Milestone(
                project=discharge,
                title="Evaluation report to the trust board",
                due_on=today + datetime.timedelta(days=140),
            ),
        ]
    )
    margaret = featured[0]
    activities = [
        past_activity(
            draw,
            discharge,
            stage=Stage.CONSULTING,
            kind=ActivityKind.CONSULTATION_DAY,
            title="Consultation day: leaving hospital",
            starts_at=at(weekday_after(today - datetime.timedelta(days=180), 5), 10),
            people=group,
            by=coordinator_user,
            place=CENTRE,
            leads=[(margaret, LeadRole.CARER_LED), (coordinator, LeadRole.CO_FACILITATOR)],
            notes="64 carers took part across the day and by phone. Themes: being told late, "
            "no one asking whether the carer can cope, medicines.",
        ),
        past_activity(
            draw,
            discharge,
            stage=Stage.PLANNING,
            kind=ActivityKind.WORKSHOP,
            title="Designing the discharge checklist",
            starts_at=at(weekday_after(today - datetime.timedelta(days=125), 2), 13, 30),
            people=[*group, professional],
            by=coordinator_user,
            place=HOSPITAL,
            leads=[(professional, LeadRole.CO_FACILITATOR), (group[3], LeadRole.CO_FACILITATOR)],
        ),
        past_activity(
            draw,
            discharge,
            stage=Stage.DELIVERY,
            kind=ActivityKind.ONLINE,
            title="Pilot check-in (online)",
            starts_at=at(weekday_after(today - datetime.timedelta(days=20), 1), 18, 30),
            people=group,
            by=coordinator_user,
            place=ONLINE,
            fmt=Format.ONLINE,
            leads=[(coordinator, LeadRole.STAFF_LEAD)],
        ),
    ]
    # Coming up, with proper notice: invitations sent, some replies in.
    upcoming_at = at(weekday_after(today + datetime.timedelta(days=19), 3), 10, 30)
    upcoming = Activity.objects.create(
        project=discharge,
        stage=Stage.DELIVERY,
        kind=ActivityKind.MEETING,
        title="Pilot review meeting",
        description="What has worked on the two pilot wards, and what we change before the trust rolls it out.",
        title_cy="Cyfarfod adolygu'r cynllun peilot",
        description_cy=(
            "Beth sydd wedi gweithio ar y ddwy ward beilot, a beth rydyn ni'n ei newid cyn i'r "
            "ymddiriedolaeth ei gyflwyno ym mhobman."
        ),
        format=Format.HYBRID,
        status=ActivityStatus.SCHEDULED,
        starts_at=upcoming_at,
        duration_minutes=150,
        other_ways=ALL_OTHER_WAYS,
        reminder_days=[7, 1],
        me_time="A hand massage therapist is here from 12.30.",
        capacity=14,
        sequence=1,
        **CENTRE,
        **ONLINE,
    )
    ActivityChange.objects.create(
        activity=upcoming,
        kind=ChangeKind.SCHEDULED,
        starts_at=upcoming_at,
        notice_days=(upcoming_at.date() - today).days + 2,
        required_days=14,
        changed_by=coordinator_user,
        changed_at=at(today - datetime.timedelta(days=2), 11),
    )
    ActivityLead.objects.create(activity=upcoming, person=group[1], role=LeadRole.CARER_LED)
    add_agenda(upcoming, coordinator_user, margaret=group[0], leader=group[1])
    Invitation.objects.bulk_create(
        [
            Invitation(
                activity=upcoming,
                person=person,
                reply=Reply.COMING if n % 3 == 0 else Reply.WAITING,
                replied_at=at(today - datetime.timedelta(days=1), 9) if n % 3 == 0 else None,
                replacement_care_needed=n % 6 == 0,
            )
            for n, person in enumerate(group, start=1)
        ]
    )
    # One invitation email bounced: the coordinator phones instead (the home page and the
    # messages not sent say so).
    bounced = group[4]
    Message.objects.create(
        organisation=centre,
        person=bounced,
        channel="email",
        kind="activities.invitation",
        subject="You are invited: Pilot review meeting",
        body=(
            f"Dear {bounced.full_name},\n\nYou are invited to the Pilot review meeting on "
            f"{upcoming_at:%A %d %B} at 10.30am, at the Riverside Carers' Centre or online.\n\n"
            "Please tell us if you can come, and what support you need."
        ),
        recipient=bounced.email,
        status=Status.FAILED,
        error="The email address does not exist (permanent failure).",
        attempts=1,
        idempotency_key=f"activities.{upcoming.pk}.invitation.{bounced.pk}.1",
    )
    # Cancelled at short notice (the venue flooded): counted, with a carer's costs recorded.
    flooded_at = at(weekday_after(today - datetime.timedelta(days=45), 3), 10)
    flooded = Activity.objects.create(
        project=discharge,
        stage=Stage.DELIVERY,
        kind=ActivityKind.MEETING,
        title="Pilot planning meeting",
        format=Format.IN_PERSON,
        status=ActivityStatus.CANCELLED,
        starts_at=flooded_at,
        other_ways=ALL_OTHER_WAYS,
        cancelled_at=flooded_at - datetime.timedelta(days=2),
        cancel_reason="The Garden Room flooded and no other accessible room was free.",
        sequence=2,
        **CENTRE,
    )
    ActivityChange.objects.bulk_create(
        [
            ActivityChange(
                activity=flooded,
                kind=ChangeKind.SCHEDULED,
                starts_at=flooded_at,
                notice_days=21,
                required_days=14,
                changed_by=coordinator_user,
                changed_at=flooded_at - datetime.timedelta(days=21),
            ),
            ActivityChange(
                activity=flooded,
                kind=ChangeKind.CANCELLED,
                starts_at=flooded_at,
                notice_days=2,
                required_days=14,
                short_notice=True,
                reason="The Garden Room flooded and no other accessible room was free.",
                changed_by=coordinator_user,
                changed_at=flooded_at - datetime.timedelta(days=2),
            ),
        ]
    )
    Invitation.objects.bulk_create(
        [
            Invitation(
                activity=flooded,
                person=person,
                reply=Reply.COMING,
                replacement_care_needed=n == 0,
                cancellation_cost=Decimal("36.00") if n == 0 else Decimal("0"),
                cancellation_cost_note="Sitter booked for the morning and not refundable"
                if n == 0
                else "",
            )
            for n, person in enumerate(group[2:8])
        ]
    )
    activities += [upcoming, flooded]

    # 2. Young carers' voice: recruiting, and finding a time for the first meeting.
    young = Project.objects.create(
        organisation=centre,
        title="Young carers' voice in schools",
        aims="Young carers tell schools what helps them, and design a card that teachers recognise.",
        scope="Secondary schools in Guildford and Waverley.",
        coordinator=coordinator,
        starts_on=today - datetime.timedelta(days=40),
        ends_on=today + datetime.timedelta(days=320),
    )
    record_stages(
        young,
        [
            (Stage.FUNDING, 40, "Grant from the community foundation."),
            (Stage.MEMBERSHIP, 12, "Grant agreed. Recruiting young carers now."),
        ],
        coordinator_user,
        today,
        without_carers={
            Stage.FUNDING: "The foundation's deadline came before any young carers were "
            "recruited; the school carers' leads read the bid."
        },
    )
    young_group = [young_carer, *pool[9:12]]
    add_group(young, young_group, [], coordinator, today - datetime.timedelta(days=8))
    BudgetLine.objects.bulk_create(
        [
            BudgetLine(
                project=young,
                kind=BudgetKind.CARERS_TIME,
                description="Vouchers for young carers",
                amount=Decimal("1500.00"),
            ),
            BudgetLine(project=young, kind=BudgetKind.TRAVEL, amount=Decimal("400.00")),
            BudgetLine(
                project=young,
                kind=BudgetKind.REFRESHMENTS,
                description="Pizza",
                amount=Decimal("300.00"),
            ),
        ]
    )
    first = Activity.objects.create(
        project=young,
        stage=Stage.MEMBERSHIP,
        kind=ActivityKind.WORKSHOP,
        title="First get-together",
        description="Meet each other, and decide what we want schools to know.",
        format=Format.IN_PERSON,
        status=ActivityStatus.FINDING_A_TIME,
        duration_minutes=90,
        other_ways=ALL_OTHER_WAYS,
        reminder_days=[7, 1],
        **CENTRE,
    )
    slots = Slot.objects.bulk_create(
        [
            Slot(
                activity=first,
                starts_at=at(weekday_after(today + datetime.timedelta(days=days), weekday), hour),
            )
            for days, weekday, hour in ((17, 2, 16), (18, 5, 11), (24, 3, 16))
        ]
    )
    SlotAnswer.objects.bulk_create(
        [
            SlotAnswer(
                slot=slot, person=person, can_make=draw.chance(0.6), recorded_by=coordinator_user
            )
            for slot in slots
            for person in young_group[:3]
        ]
    )
    activities.append(first)
    # A meeting set for a Wednesday morning, invitations not sent yet: the invite page warns
    # that it is outside the times Jasmine (free weekday evenings and weekend daytime)
    # told us she is free, before anyone sends it.
    activities.append(
        Activity.objects.create(
            project=young,
            stage=Stage.MEMBERSHIP,
            kind=ActivityKind.MEETING,
            title="Meeting with head teachers",
            description="Tell three head teachers what makes school harder for young carers.",
            format=Format.IN_PERSON,
            status=ActivityStatus.SCHEDULED,
            starts_at=at(weekday_after(today + datetime.timedelta(days=45), 2), 10, 30),
            duration_minutes=90,
            other_ways=ALL_OTHER_WAYS,
            reminder_days=[7, 1],
            **CENTRE,
        )
    )

    # 3. Wellbeing cafés: being evaluated with the carers who ran them.
    cafes = Project.objects.create(
        organisation=centre,
        title="Carers' wellbeing cafés",
        aims="Monthly cafés planned and hosted by carers, with a short talk and time for themselves.",
        coordinator=coordinator,
        starts_on=today - datetime.timedelta(days=420),
        ends_on=today + datetime.timedelta(days=30),
    )
    record_stages(
        cafes,
        [
            (Stage.FUNDING, 420, "Lottery Awards for All."),
            (Stage.MEMBERSHIP, 390, ""),
            (Stage.CONSULTING, 360, ""),
            (Stage.PLANNING, 330, ""),
            (Stage.DELIVERY, 300, "First café in the library."),
            (Stage.EVALUATION, 25, "Evaluation questions agreed with the hosts."),
        ],
        coordinator_user,
        today,
        without_carers={
            Stage.FUNDING: "A small grant, applied for by staff.",
            Stage.MEMBERSHIP: "The hosts were recruited one by one over the phone.",
            Stage.CONSULTING: "The hosts were asked by phone and at the carers' centre "
            "coffee mornings; nothing was recorded as an activity.",
            Stage.PLANNING: "Planning was done by staff with the library; the hosts agreed "
            "the plan by email.",
        },
    )
    hosts = pool[13:19]
    add_group(cafes, hosts, [], coordinator, today - datetime.timedelta(days=385))
    BudgetLine.objects.create(
        project=cafes, kind=BudgetKind.VENUE, description="Library room", amount=Decimal("1200.00")
    )
    BudgetLine.objects.create(project=cafes, kind=BudgetKind.REFRESHMENTS, amount=Decimal("960.00"))
    for months_ago in (3, 2, 1):
        activities.append(
            past_activity(
                draw,
                cafes,
                stage=Stage.DELIVERY,
                kind=ActivityKind.MEETING,
                title="Wellbeing café",
                starts_at=at(
                    weekday_after(today - datetime.timedelta(days=30 * months_ago + 5), 1), 10, 30
                ),
                people=hosts,
                by=coordinator_user,
                place=CENTRE,
                leads=[(hosts[0], LeadRole.CARER_LED), (hosts[1], LeadRole.CARER_LED)],
            )
        )

    # The next café is in the diary, but nobody has been invited yet and the minimum notice
    # is close: the coordinator's home page says so.
    Activity.objects.create(
        project=cafes,
        stage=Stage.DELIVERY,
        kind=ActivityKind.MEETING,
        title="Wellbeing café",
        format=Format.IN_PERSON,
        status=ActivityStatus.SCHEDULED,
        starts_at=at(weekday_after(today + datetime.timedelta(days=13), 1), 10, 30),
        reminder_days=[7, 1],
        **CENTRE,
    )

    # 4. A funding bid: carers not involved yet, which the project page shows honestly.
    bid = Project.objects.create(
        organisation=centre,
        title="Short breaks for older carers",
        aims="Bid for a fund so older carers can take short breaks together.",
        coordinator=coordinator,
        starts_on=today - datetime.timedelta(days=10),
    )
    record_stages(bid, [(Stage.FUNDING, 10, "Drafting the bid.")], coordinator_user, today)
    BudgetLine.objects.create(
        project=bid, kind=BudgetKind.OTHER, description="Bid writing", amount=Decimal("0.00")
    )

    add_briefs(
        today=today,
        young=young,
        discharge=discharge,
        young_group=young_group,
        applicants=pool[19:24],
        coordinator=coordinator_user,
    )

    projects = [discharge, young, cafes, bid]
    return ProjectsSummary(
        projects=len(projects),
        activities=len(activities),
        members=ProjectMember.objects.filter(project__in=projects).count(),
    )


YOUNG_EASY_READ = [
    ("We want to hear from young carers.", Pictogram.PEOPLE, "Young people talking together"),
    ("You help look after someone at home.", Pictogram.HOME, "A house"),
    ("Tell schools what helps you.", Pictogram.QUESTION, "A question mark"),
    ("We meet 4 times after school.", Pictogram.CALENDAR, "A calendar"),
    ("Each meeting is 90 minutes.", Pictogram.CLOCK, "A clock"),
    ("We pay for your bus.", Pictogram.BUS, "A bus"),
    ("You get a £20 voucher each time.", Pictogram.MONEY, "Money"),
    ("There are pizza and drinks.", Pictogram.CUP, "A drink"),
    ("Call Dylan on 01483 000 005 to ask.", Pictogram.PHONE, "A phone"),
]


def add_briefs(
    *,
    today: datetime.date,
    young: Project,
    discharge: Project,
    young_group: list[Person],
    applicants: list[Person],
    coordinator: User,
) -> None:
    """An open brief for young carers, with answers at each screening state; a closed one."""
    open_brief = Brief.objects.create(
        project=young,
        title="Young carers: help schools understand",
        work=(
            "Join a small group of young carers. Together you will tell schools what makes "
            "school easier or harder when you look after someone, and design a young carers' "
            "card that every teacher in the area will recognise."
        ),
        time_commitment="Four meetings of 90 minutes after school, between January and April.",
        dates="Wednesdays after school, starting in January.",
        where_and_how="At Riverside Carers' Centre, a short walk from the bus station.",
        support=[Support.TRAVEL, Support.BRIEFING, Support.REFRESHMENTS],
        payment="A £20 voucher for each meeting, and your bus fares.",
        who_for="Young carers aged 11 to 18 who live or go to school in Guildford or Waverley.",
        opens_on=today - datetime.timedelta(days=10),
        closes_on=today + datetime.timedelta(days=25),
        published_at=at(today - datetime.timedelta(days=10), 9),
        created_by=coordinator,
    )
    EasyReadLine.objects.bulk_create(
        [
            EasyReadLine(brief=open_brief, position=n, text=text, picture=picture, alt_text=alt)
            for n, (text, picture, alt) in enumerate(YOUNG_EASY_READ, start=1)
        ]
    )
    plans = [
        (young_group[0], State.MEMBER, True, "I look after my mum and school doesn't get it."),
        (applicants[0], State.RECEIVED, False, "My brother has autism and I help every day."),
        (applicants[1], State.RECEIVED, False, "I want teachers to know why I am late."),
        (applicants[2], State.SCREENED, False, "I care for my grandad after school."),
        (applicants[3], State.INVITED, True, "I'd like to help other young carers."),
        (applicants[4], State.NOT_THIS_TIME, False, "I used to care for my dad."),
    ]
    path = {
        State.RECEIVED: [State.RECEIVED],
        State.SCREENED: [State.RECEIVED, State.SCREENED],
        State.INVITED: [State.RECEIVED, State.SCREENED, State.INVITED],
        State.MEMBER: [State.RECEIVED, State.SCREENED, State.INVITED, State.MEMBER],
        State.NOT_THIS_TIME: [State.RECEIVED, State.SCREENED, State.NOT_THIS_TIME],
    }
    for n, (person, state, under_18, why) in enumerate(plans):
        received = at(today - datetime.timedelta(days=9 - n), 17, 15)
        screened = state != State.RECEIVED
        expression = ExpressionOfInterest.objects.create(
            brief=open_brief,
            person=person,
            state=state,
            why=why,
            preferred_channel=person.carer_profile.preferred_channel
            if hasattr(person, "carer_profile")
            else "email",
            under_18=under_18,
            email_key=recruitment_rules.email_key(person.email),
            phone_key=recruitment_rules.phone_key(person.phone),
            received_at=received,
            genuine_carer=True if screened else None,
            genuine_carer_note="Known to the young carers' service" if screened else "",
            screened_at=received + datetime.timedelta(days=1) if screened else None,
            screened_by=coordinator if screened else None,
            guardian_name=f"Ms {person.full_name.split()[-1]} (mother)"
            if under_18 and screened
            else "",
            guardian_consent_how="phone" if under_18 and screened else "",
            guardian_consent_on=today - datetime.timedelta(days=5)
            if under_18 and screened
            else None,
            decline_reason=(
                "Thank you for offering. This group is for young carers who are caring now; "
                "we will tell you about our group for former carers."
                if state == State.NOT_THIS_TIME
                else ""
            ),
            group_role="carer" if state == State.MEMBER else "",
        )
        previous = ""
        changes = []
        for step, to_state in enumerate(path[State(state)]):
            changes.append(
                StateChange(
                    expression=expression,
                    from_state=previous,
                    to_state=to_state,
                    changed_by=None if step == 0 else coordinator,
                    changed_at=received + datetime.timedelta(days=step),
                )
            )
            previous = to_state
        StateChange.objects.bulk_create(changes)

    Brief.objects.create(
        project=discharge,
        title="Carers with experience of hospital discharge",
        work="Help ward staff and the discharge team redesign how carers are involved.",
        time_commitment="About 10 meetings over a year, 2 hours each.",
        where_and_how="At the carers' centre and the hospital, with some online meetings.",
        support=[Support.TRAVEL, Support.REPLACEMENT_CARE, Support.BRIEFING, Support.REFRESHMENTS],
        payment="£25 an hour for your time, plus travel and replacement care.",
        who_for="Carers whose relative or friend left Riverside Hospital in the last two years.",
        title_cy="Gofalwyr sydd â phrofiad o adael yr ysbyty",
        work_cy=(
            "Helpu staff y wardiau a'r tîm rhyddhau i ailgynllunio sut mae gofalwyr yn cael "
            "eu cynnwys."
        ),
        time_commitment_cy="Tua 10 cyfarfod dros flwyddyn, 2 awr yr un.",
        where_and_how_cy="Yn y ganolfan gofalwyr a'r ysbyty, gyda rhai cyfarfodydd ar-lein.",
        payment_cy="£25 yr awr am eich amser, a chostau teithio a gofal yn eich lle.",
        who_for_cy=(
            "Gofalwyr y gadawodd eu perthynas neu eu ffrind Ysbyty Riverside yn ystod y ddwy "
            "flynedd diwethaf."
        ),
        opens_on=today - datetime.timedelta(days=290),
        closes_on=today - datetime.timedelta(days=262),
        published_at=at(today - datetime.timedelta(days=290), 9),
        created_by=coordinator,
    )
