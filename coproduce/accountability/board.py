"""Reading a board: a project's actions with what they answer, grouped by the themes of
the contributions they answer. A fixed number of queries however many rows there are."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from coproduce.accountability import rules
from coproduce.accountability.models import Action, ActionStatus
from coproduce.contributions.models import Contribution
from coproduce.contributions.rules import Viewer


@dataclass
class Section:
    """One "You said" theme (None: things said without a theme; `lonely`: actions that
    answer no contribution) and what was done about it."""

    theme: str | None
    lonely: bool = False
    said: list[rules.Said] = field(default_factory=list)
    confidential: int = 0
    actions: list[Action] = field(default_factory=list)
    # Actions shown here for the first time on the page, which carry its anchor.
    anchors: set[int] = field(default_factory=set)
    _seen: set[int] = field(default_factory=set)
    _action_ids: set[int] = field(default_factory=set)

    def add(self, said: rules.Said, action: Action) -> None:
        if said.pk not in self._seen:
            self._seen.add(said.pk)
            if said.confidential:
                self.confidential += 1
            else:
                self.said.append(said)
        self.add_action(action)

    def add_action(self, action: Action) -> None:
        if action.pk not in self._action_ids:
            self._action_ids.add(action.pk)
            self.actions.append(action)


def contributions_queryset(public: bool) -> QuerySet[Contribution]:
    """What an action answers, with themes; the givers' names only where a page may show
    them (never loaded at all for a public page)."""
    queryset = Contribution.objects.prefetch_related("themes").order_by("given_on", "pk")
    return queryset if public else queryset.select_related("person")


def board_actions(actions: QuerySet[Action], *, public: bool) -> list[Action]:
    """Four queries: actions (with their comment counts), contributions, themes and the
    group's decisions they carry out (shown to the group only)."""
    prefetches: list[str | Prefetch[Any]] = [
        Prefetch("contributions", queryset=contributions_queryset(public))
    ]
    if not public:
        prefetches.append("proposals")
    return list(
        actions.annotate(comment_count=Count("comments"))
        .prefetch_related(*prefetches)
        .order_by("-updated_at", "-pk")
    )


def said(contribution: Contribution, viewer: Viewer, *, public: bool) -> rules.Said:
    name = ""
    if not public and contribution.person_id is not None:
        person = contribution.person
        assert person is not None
        name = person.full_name
    return rules.said_for(
        viewer,
        pk=contribution.pk,
        privacy=contribution.privacy,
        person_id=contribution.person_id,
        owner_id=contribution.organisation_id,
        text=contribution.text,
        name=name,
        public=public,
    )


def sections(actions: Iterable[Action], viewer: Viewer, *, public: bool) -> list[Section]:
    """Themes in name order, then things said without a theme, then actions answering
    no contribution. Within each, what was done comes first."""
    themed: dict[str, Section] = {}
    unthemed = Section(theme=None)
    lonely = Section(theme=None, lonely=True)
    ordered = sorted(actions, key=lambda a: rules.BOARD_ORDER[ActionStatus(a.status)])
    for action in ordered:
        contributions = list(action.contributions.all())
        if not contributions:
            lonely.add_action(action)
        for contribution in contributions:
            shown = said(contribution, viewer, public=public)
            themes = [t.name for t in contribution.themes.all()]
            for name in themes:
                themed.setdefault(name, Section(theme=name)).add(shown, action)
            if not themes:
                unthemed.add(shown, action)
    result = [themed[name] for name in sorted(themed, key=str.casefold)]
    result += [s for s in (unthemed, lonely) if s.actions]
    anchored: set[int] = set()
    for section in result:
        section.anchors = {a.pk for a in section.actions} - anchored
        anchored |= section.anchors
    return result


def counts(actions: Iterable[Action]) -> dict[str, int]:
    """How many actions have each status, for the board's summary."""
    result = {status.value: 0 for status in ActionStatus}
    for action in actions:
        result[action.status] += 1
    return result
