"""Demo decisions at Riverside: how the discharge group reached consensus on its checklist.

The discharge group decides by full consensus; the cafés' hosts by consensus minus one.
The first proposal was blocked (a carer asked for a pilot before every ward), so the block
was addressed by a revised proposal (round 2), agreed with reservations: the story the
project's stage history tells. A new proposal is open now, with positions hidden until
next week's deadline (short notice, with the reason recorded), and Margaret Jones (who
signs in) has not given hers yet. Another's deadline has passed with a block standing:
recording "agreed" on it is refused until the block is addressed.

Positions are written directly (the deadlines are in the past), so no messages are sent.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from coproduce.accounts.models import User
from coproduce.activities import actions as activities
from coproduce.activities import rules as notice_rules
from coproduce.decisions import rules
from coproduce.decisions.models import (
    DecisionRule,
    Outcome,
    Position,
    PositionChannel,
    Proposal,
    ProposalStatus,
    RuleKind,
    Stance,
)
from coproduce.people.models import Person
from coproduce.projects.models import GroupRole, Project, ProjectMember
from coproduce.tenancy.models import Organisation

LONDON = ZoneInfo("Europe/London")
DISCHARGE = "Hospital discharge that works for carers"
CAFES = "Carers' wellbeing cafés"


@dataclass(frozen=True)
class DecisionsSummary:
    proposals: int
    positions: int


@dataclass(frozen=True)
class Said:
    """One position in the story: whose (an index into the carers), what, and how."""

    who: Person
    stance: Stance
    channel: PositionChannel
    comment: str = ""
    anonymous: bool = False


def at(today: datetime.date, days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = today + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LONDON)


def record(
    proposal: Proposal, said: list[Said], staff: User, when: datetime.datetime
) -> list[Position]:
    """Online positions are recorded by the member themselves; the rest by staff."""
    return Position.objects.bulk_create(
        [
            Position(
                proposal=proposal,
                person=s.who,
                stance=s.stance,
                comment=s.comment,
                channel=s.channel,
                anonymous_to_group=s.anonymous,
                recorded_by_id=(
                    s.who.user_id
                    if s.channel == PositionChannel.ONLINE and s.who.user_id
                    else staff.pk
                ),
                recorded_at=when - datetime.timedelta(days=n // 2, hours=n),
            )
            for n, s in enumerate(said)
        ]
    )


def statement(proposal: Proposal, positions: list[Position], group: list[Person], text: str) -> str:
    """The staff's words, then the summary of every view the outcome page pre-fills."""
    names = {p.pk: p.full_name for p in group}
    shown = rules.shown_positions(
        True, None, positions, names, {k: str(v) for k, v in PositionChannel.choices}
    )
    missing = rules.not_responded([(p.pk, p.full_name) for p in group], names_of(positions))
    summary = rules.summary(shown, missing, {k: str(v) for k, v in Stance.choices})
    return f"{text}\n\n{summary}"


def names_of(positions: list[Position]) -> list[int]:
    return [p.person_id for p in positions]


def decide(
    proposal: Proposal,
    outcome: Outcome,
    text: str,
    positions: list[Position],
    group: list[Person],
    by: User,
    when: datetime.datetime,
) -> None:
    proposal.status = ProposalStatus.CLOSED
    proposal.outcome = outcome
    proposal.outcome_statement = statement(proposal, positions, group, text)
    proposal.decided_at = when
    proposal.decided_by = by
    proposal.save()


def give_notice(proposal: Proposal, group: list[Person], reason: str = "") -> None:
    """The notice the deadline gave each member, against their own need (as the app does
    when a proposal is put); short notice takes `reason`, which must then be given."""
    people = Person.objects.filter(pk__in=[p.pk for p in group]).select_related("carer_profile")
    notice = notice_rules.check_notice(
        proposal.proposed_at, proposal.deadline, 0, activities.notice_needs(people)
    )
    if notice.short and not reason:
        raise ValueError(f"{proposal.title}: short notice needs a reason in the demo")
    proposal.notice_days = notice.given
    proposal.required_notice_days = notice.required
    proposal.short_notice = notice.short
    proposal.short_notice_reason = reason if notice.short else ""
    proposal.save(
        update_fields=["notice_days", "required_notice_days", "short_notice", "short_notice_reason"]
    )


def build(
    *, today: datetime.date, centre: Organisation, coordinator_user: User
) -> DecisionsSummary:
    """Three proposals on the discharge project and one on the wellbeing cafés."""
    discharge = Project.objects.get(organisation=centre, title=DISCHARGE)
    members = list(
        ProjectMember.objects.filter(project=discharge, left_on=None)
        .select_related("person")
        .order_by("pk")
    )
    group = [m.person for m in members]
    professional = next(m.person for m in members if m.role == GroupRole.PROFESSIONAL)
    coordinator = next(m.person for m in members if m.role == GroupRole.COORDINATOR)
    carers = [m.person for m in members if m.role == GroupRole.CARER]
    margaret, gwen, *pool = carers
    DecisionRule.objects.create(
        project=discharge,
        kind=RuleKind.CONSENSUS,
        updated_by=coordinator_user,
        updated_at=at(today, -200, 12),
    )

    first = Proposal.objects.create(
        project=discharge,
        title="Use the draft discharge checklist on every adult ward",
        background=(
            "At the consultation days 64 carers told us they were not asked, or were told "
            "too late, when the person they care for was leaving hospital. The group drafted "
            "a checklist for ward staff: ask who the carer is, agree the day with them, check "
            "equipment and support are in place, and give them a named contact."
        ),
        options=(
            "1. Use the checklist on all adult wards from next month.\n"
            "2. Change it first, then decide.\n"
            "If the group does not agree, wards keep the current leaflet for now."
        ),
        deadline=at(today, -115, 17),
        allow_anonymous_positions=True,
        proposed_by=coordinator,
        proposed_at=at(today, -140, 11),
    )
    give_notice(first, group)
    said_first = [
        Said(
            margaret,
            Stance.AGREE_WITH_RESERVATIONS,
            PositionChannel.ONLINE,
            "It is long. Could there be a one-page version for busy shifts?",
        ),
        Said(
            gwen,
            Stance.BLOCK,
            PositionChannel.MEETING,
            "Every ward at once is too much. If it goes wrong, carers will be missed and "
            "nobody will know why. Try it on one or two wards first and ask carers how it went.",
        ),
        Said(professional, Stance.AGREE, PositionChannel.ONLINE),
        Said(pool[0], Stance.AGREE, PositionChannel.PHONE, "Said yes when Dylan rang."),
        Said(pool[1], Stance.AGREE, PositionChannel.PHONE),
        Said(
            pool[2],
            Stance.STAND_ASIDE,
            PositionChannel.WRITING,
            "After what happened when my husband came home, I do not trust the wards to "
            "use it. I will not stand in the way.",
            anonymous=True,
        ),
        Said(
            pool[3],
            Stance.AGREE_WITH_RESERVATIONS,
            PositionChannel.MEETING,
            "Needs Welsh and large print.",
        ),
    ]
    positions = record(first, said_first, coordinator_user, at(today, -116, 18))
    decide(
        first,
        Outcome.REVISED,
        "The group did not agree to use the checklist on every ward: Gwen blocked, asking "
        "for a pilot first, and others asked for a shorter version in Welsh and large "
        "print. We will shorten it, pilot it on two wards, and put it to the group again.",
        positions,
        group,
        coordinator_user,
        at(today, -112, 10),
    )

    second = Proposal.objects.create(
        project=discharge,
        title="Pilot the revised checklist on wards 7 and 9",
        background=(
            "The checklist is now one page, with a Welsh version and a large-print version. "
            "Wards 7 and 9 have offered to pilot it for three months, with carers checking in "
            "with the group online every month."
        ),
        options=(
            "1. Pilot on wards 7 and 9 for three months, then review.\n"
            "2. Pilot on one ward only.\n"
            "If the group does not agree, we revise it again."
        ),
        deadline=at(today, -65, 17),
        allow_anonymous_positions=True,
        proposed_by=coordinator,
        proposed_at=at(today, -95, 10),
        revises=first,
        round=2,
    )
    give_notice(second, group)
    said_second = [
        Said(
            margaret, Stance.AGREE, PositionChannel.ONLINE, "The one-page version is much better."
        ),
        Said(
            gwen,
            Stance.AGREE,
            PositionChannel.ONLINE,
            "Happy now it is a pilot. Thank you for listening.",
        ),
        Said(
            professional,
            Stance.AGREE_WITH_RESERVATIONS,
            PositionChannel.ONLINE,
            "Ward 7 is short-staffed in winter: we may need help to keep it going.",
        ),
        Said(pool[0], Stance.AGREE, PositionChannel.PHONE),
        Said(pool[1], Stance.AGREE, PositionChannel.MEETING),
        Said(
            pool[2],
            Stance.AGREE_WITH_RESERVATIONS,
            PositionChannel.WRITING,
            "Better. Please make sure carers are asked at the end, not only the staff.",
            anonymous=True,
        ),
        Said(pool[3], Stance.AGREE, PositionChannel.MEETING),
        Said(
            pool[4],
            Stance.STAND_ASIDE,
            PositionChannel.PHONE,
            "I do not know the wards well enough.",
        ),
    ]
    positions = record(second, said_second, coordinator_user, at(today, -66, 18))
    decide(
        second,
        Outcome.AGREED_WITH_RESERVATIONS,
        "Agreed with reservations: the pilot runs on wards 7 and 9 for three months. "
        "Carers will be asked about their discharge at the end of the pilot, and the trust "
        "will tell us early if ward 7 cannot keep it going.",
        positions,
        group,
        coordinator_user,
        at(today, -62, 10),
    )

    now_open = Proposal.objects.create(
        project=discharge,
        title="Extend the pilot to the older people's wards",
        background=(
            "Carers on the pilot wards say they were asked, and told in time. The older "
            "people's wards have asked to join before the evaluation report goes to the trust "
            "board."
        ),
        options=(
            "1. Extend the pilot to wards 3 and 4 from next month.\n"
            "2. Wait for the evaluation report first.\n"
            "If the group does not agree, the pilot stays on wards 7 and 9."
        ),
        deadline=at(today, 7, 17),
        hide_positions_until_deadline=True,
        allow_anonymous_positions=True,
        proposed_by=professional,
        proposed_at=at(today, -3, 14),
    )
    give_notice(
        now_open,
        group,
        "The trust board decides on the older people's wards at its next meeting; Dylan "
        "is phoning every member who needs more notice.",
    )
    said_open = [
        Said(pool[0], Stance.AGREE, PositionChannel.PHONE),
        Said(
            pool[1],
            Stance.AGREE_WITH_RESERVATIONS,
            PositionChannel.WRITING,
            "Only if the wards have the staff to do it properly.",
        ),
        Said(pool[5], Stance.STAND_ASIDE, PositionChannel.PHONE, anonymous=True),
    ]
    open_positions = record(now_open, said_open, coordinator_user, at(today, -1, 12))

    blocked = Proposal.objects.create(
        project=discharge,
        title="Put carers' names on the ward whiteboards",
        background=(
            "Ward 9 suggested writing the carer's first name beside each patient's name on "
            "the ward whiteboard, so every shift knows who to call about discharge."
        ),
        options=(
            "1. Carers' first names on the whiteboards on wards 7 and 9.\n"
            "2. Keep carers' names in the notes only.\n"
            "If the group does not agree, names stay in the notes."
        ),
        deadline=at(today, -2, 17),
        proposed_by=professional,
        proposed_at=at(today, -32, 10),
    )
    give_notice(blocked, group)
    blocked_positions = record(
        blocked,
        [
            Said(margaret, Stance.AGREE, PositionChannel.ONLINE, "Yes: they never know who I am."),
            Said(
                gwen,
                Stance.BLOCK,
                PositionChannel.PHONE,
                "Visitors read those boards. Some carers do not want the whole ward to know "
                "their name, or that they are caring. Ask each carer first.",
            ),
            Said(professional, Stance.AGREE, PositionChannel.ONLINE),
            Said(pool[0], Stance.AGREE, PositionChannel.PHONE),
        ],
        coordinator_user,
        at(today, -3, 12),
    )

    cafes = Project.objects.get(organisation=centre, title=CAFES)
    hosts = list(
        Person.objects.filter(project_memberships__project=cafes, project_memberships__left_on=None)
        .exclude(pk=coordinator.pk)
        .order_by("pk")
    )
    DecisionRule.objects.create(
        project=cafes,
        kind=RuleKind.CONSENSUS_MINUS_ONE,
        updated_by=coordinator_user,
        updated_at=at(today, -380, 12),
    )
    film = Proposal.objects.create(
        project=cafes,
        title="Share the cafés' evaluation as a short film as well as a report",
        background=(
            "The hosts suggested that carers who do not read long reports might watch a "
            "five-minute film made at the next café, with anyone who wants to take part."
        ),
        options=(
            "1. A report and a short film.\n"
            "2. A report only.\n"
            "If the group does not agree, we publish the report only."
        ),
        deadline=at(today, 6, 12),
        hide_positions_until_deadline=True,
        proposed_by=hosts[0],
        proposed_at=at(today, -2, 10),
    )
    give_notice(
        film,
        [*hosts, coordinator],
        "The next café is the only one before the report is due; the hosts asked for a quick "
        "decision at the last café.",
    )
    film_positions = record(
        film,
        [
            Said(
                hosts[1],
                Stance.AGREE,
                PositionChannel.MEETING,
                "Yes, as long as nobody has to be filmed.",
            )
        ],
        coordinator_user,
        at(today, -1, 11),
    )
    return DecisionsSummary(
        proposals=5,
        positions=len(said_first)
        + len(said_second)
        + len(open_positions)
        + len(blocked_positions)
        + len(film_positions),
    )
