"""Reading a board: a page of a project's actions with what they answer, grouped by the
themes of the contributions they answer, and the comments it shows. A fixed number of
queries and a bounded page however many actions there are, and however many views and
comments each has. The public board quotes only words their givers approved (or staff's
paraphrase where nobody could be asked), never a contribution itself."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.query import prefetch_related_objects

from coproduce.accountability import rules
from coproduce.accountability.models import (
    Action,
    ActionStatus,
    Comment,
    CommentStatus,
    Quote,
    QuoteKind,
    QuoteStatus,
)
from coproduce.contributions.models import Contribution
from coproduce.contributions.rules import PUBLIC, Viewer
from coproduce.lib.subqueries import count_of


@dataclass
class Section:
    """One "You said" theme (None: things said without a theme; `lonely`: actions that
    answer no contribution) and what was done about it."""

    theme: str | None
    lonely: bool = False
    said: list[rules.Said] = field(default_factory=list)
    confidential: int = 0
    # Some action here answers more views than a board quotes (its own page has them all).
    more: bool = False
    actions: list[Action] = field(default_factory=list)
    # Actions shown here for the first time on the page, which carry its anchor.
    anchors: set[int] = field(default_factory=set)
    _seen: set[int] = field(default_factory=set)
    _action_ids: set[int] = field(default_factory=set)

    def add(self, said: rules.Said, action: Action, more: bool = False) -> None:
        self.more = self.more or more
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


ACTIONS_PER_PAGE = 20
# The views quoted under each action on a board; the action's own page quotes them all.
SAID_PER_ACTION = 5
# The newest comments shown under each action on a board; its own page has them all.
COMMENTS_PER_ACTION = 3


def in_board_order(actions: QuerySet[Action]) -> QuerySet[Action]:
    """What was done first, then in progress, planned and not possible; the most recently
    changed first within each."""
    order = Case(
        *(When(status=status, then=Value(n)) for status, n in rules.BOARD_ORDER.items()),
        output_field=IntegerField(),
    )
    return actions.alias(board_order=order).order_by("board_order", "-updated_at", "-pk")


class Counted(Paginator):  # type: ignore[type-arg]
    """A paginator told how many rows there are (the board's summary counted them)."""

    def __init__(self, rows: QuerySet[Action], total: int) -> None:
        super().__init__(rows, ACTIONS_PER_PAGE)
        self.total = total

    @property
    def count(self) -> int:
        return self.total


def shown_comments(public: bool) -> Q:
    """The comments a board shows (see rules.comment_shows): published ones, and on the
    public board only those given there."""
    shown = Q(status=CommentStatus.PUBLISHED)
    return shown & Q(public=True) if public else shown


def comments_queryset(public: bool) -> QuerySet[Comment]:
    queryset = Comment.objects.filter(shown_comments(public)).order_by("-created_at", "-pk")
    return queryset if public else queryset.select_related("person")


def board_page(
    actions: QuerySet[Action], *, public: bool, number: str | None, total: int
) -> Page[Action]:
    """One page of the board's `total` actions in a fixed number of queries: the page with
    their comment and answer counts; at most SAID_PER_ACTION of the contributions each
    answers (the group's board) or of their approved quotes (the public board, which
    shows no other words), and their themes; the newest COMMENTS_PER_ACTION comments
    the board shows; and the group's decisions they carry out (the group only)."""
    if public:
        quotes = Quote.objects.filter(action=OuterRef("pk"), status=QuoteStatus.APPROVED)
        said_count = count_of(quotes)
    else:
        said_count = count_of(Action.contributions.through.objects.filter(action=OuterRef("pk")))
    comments = Comment.objects.filter(shown_comments(public), action=OuterRef("pk"))
    annotated = actions.annotate(comment_count=count_of(comments), said_count=said_count)
    page = Counted(in_board_order(annotated), total).get_page(number)
    prefetches: list[str | Prefetch[Any]] = [
        Prefetch(
            "comments", queryset=comments_queryset(public)[:COMMENTS_PER_ACTION], to_attr="shown"
        )
    ]
    if public:
        prefetches.append(
            Prefetch(
                "quotes",
                queryset=Quote.objects.filter(status=QuoteStatus.APPROVED)
                .select_related("contribution")
                .prefetch_related("contribution__themes")
                .order_by("contribution__given_on", "contribution__pk")[:SAID_PER_ACTION],
                to_attr="approved",
            )
        )
    else:
        prefetches.append(
            Prefetch(
                "contributions",
                queryset=contributions_queryset(public)[:SAID_PER_ACTION],
                to_attr="quoted",
            )
        )
        prefetches.append("proposals")
    prefetch_related_objects(list(page.object_list), *prefetches)
    return page


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


def said_publicly(quote: Quote) -> rules.Said:
    """An approved quote (or paraphrase) as the public board shows it: never a name, and
    never the words of a contribution that has since become confidential."""
    contribution = quote.contribution
    shown = rules.said_for(
        PUBLIC,
        pk=contribution.pk,
        privacy=contribution.privacy,
        person_id=None,
        owner_id=contribution.organisation_id,
        text=quote.text,
        name="",
        public=True,
    )
    return replace(shown, paraphrase=quote.kind == QuoteKind.PARAPHRASE)


def quoted(action: Action) -> list[Contribution]:
    """The views a board quotes for an action: those board_page loaded, or all of them."""
    loaded: list[Contribution] | None = getattr(action, "quoted", None)
    return loaded if loaded is not None else list(action.contributions.all())


def approved(action: Action) -> list[Quote]:
    """The approved quotes the public board shows for an action: those loaded, or all."""
    loaded: list[Quote] | None = getattr(action, "approved", None)
    if loaded is not None:
        return loaded
    return list(
        action.quotes.filter(status=QuoteStatus.APPROVED)
        .select_related("contribution")
        .prefetch_related("contribution__themes")
        .order_by("contribution__given_on", "contribution__pk")
    )


def _said_of(action: Action, viewer: Viewer, public: bool) -> list[tuple[rules.Said, list[str]]]:
    """What a board says was said for an action, with the themes of each."""
    if public:
        return [
            (said_publicly(q), [t.name for t in q.contribution.themes.all()])
            for q in approved(action)
        ]
    return [
        (said(c, viewer, public=False), [t.name for t in c.themes.all()]) for c in quoted(action)
    ]


def sections(actions: Iterable[Action], viewer: Viewer, *, public: bool) -> list[Section]:
    """Themes in name order, then things said without a theme, then actions answering
    no contribution. Within each, what was done comes first."""
    themed: dict[str, Section] = {}
    unthemed = Section(theme=None)
    lonely = Section(theme=None, lonely=True)
    ordered = sorted(actions, key=lambda a: rules.BOARD_ORDER[ActionStatus(a.status)])
    for action in ordered:
        said_ = _said_of(action, viewer, public)
        more = getattr(action, "said_count", 0) > len(said_)
        if not said_:
            lonely.add_action(action)
        for shown, themes in said_:
            for name in themes:
                themed.setdefault(name, Section(theme=name)).add(shown, action, more)
            if not themes:
                unthemed.add(shown, action, more)
    result = [themed[name] for name in sorted(themed, key=str.casefold)]
    result += [s for s in (unthemed, lonely) if s.actions]
    anchored: set[int] = set()
    for section in result:
        section.anchors = {a.pk for a in section.actions} - anchored
        anchored |= section.anchors
    return result


def counts(actions: QuerySet[Action]) -> dict[str, int]:
    """How many actions have each status, for the board's summary (one query)."""
    result = {status.value: 0 for status in ActionStatus}
    for row in actions.order_by().values("status").annotate(n=Count("pk")):
        result[row["status"]] = row["n"]
    return result


@dataclass(frozen=True)
class Shown:
    """One comment as a board or action page shows it: its words, and a name or ""."""

    pk: int
    text: str
    author: str
    created_at: datetime.datetime
    pending: bool = False
    public: bool = False
    own: bool = False


def shown_comment(comment: Comment, viewer: Viewer, *, sees_everyone: bool) -> Shown:
    person = comment.person if comment.person_id is not None else None
    return Shown(
        pk=comment.pk,
        text=comment.text,
        author=rules.comment_author(
            public=comment.public,
            name=comment.name,
            show_name=comment.show_name,
            person_name=person.full_name if person is not None else "",
            sees_everyone=sees_everyone,
        ),
        own=viewer.person_id is not None and comment.person_id == viewer.person_id,
        created_at=comment.created_at,
        pending=comment.status == CommentStatus.PENDING,
        public=comment.public,
    )


def comments_shown(
    actions: Iterable[Action], viewer: Viewer, *, public: bool, owner_id: int
) -> dict[int, list[Shown]]:
    """The comments board_page loaded for each action, oldest first, as `viewer` sees them."""
    sees_everyone = not public and rules.may_see_commenters(viewer, owner_id)
    return {
        action.pk: [
            shown_comment(c, viewer, sees_everyone=sees_everyone)
            for c in reversed(getattr(action, "shown", []))
        ]
        for action in actions
    }
