"""Atom feeds of a board's actions: the public one (while the project shows its board)
and the group's. Entries say what was done and where it is; never who said what."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, linebreaks
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from coproduce.accountability import access
from coproduce.accountability.models import Action, ActionStatus, BoardSettings
from coproduce.jinja2 import localdate
from coproduce.projects.access import project_for
from coproduce.projects.models import Project

LATEST = 50


def summary(action: Action) -> str:
    """The entry's HTML: what was done, where it is, and the evidence (all escaped)."""
    lines = [_("Status: %(status)s") % {"status": ActionStatus(action.status).label}]
    if action.status == ActionStatus.DONE and action.done_on:
        lines.append(_("Done on %(date)s") % {"date": localdate(action.done_on)})
    elif action.planned_for:
        lines.append(_("Planned for %(date)s") % {"date": localdate(action.planned_for)})
    if action.status == ActionStatus.NOT_POSSIBLE:
        lines.append(_("Why it was not possible: %(reason)s") % {"reason": action.reason})
    parts = [linebreaks(escape(action.description))] if action.description else []
    parts.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    if action.evidence:
        parts.append(
            linebreaks(escape(_("Evidence: %(evidence)s") % {"evidence": action.evidence}))
        )
    return "".join(parts)


@dataclass(frozen=True)
class Source:
    """What a feed is of: a project's board, its actions (as reached through
    accountability.access), and where its entries link to."""

    project: Project
    actions: QuerySet[Action]
    link: str
    public: bool


class BoardFeed(Feed[Action, Source]):
    """The group's feed (for a feed reader signed in as a member): links go to the actions."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Source:
        project = project_for(request, kwargs["project_pk"])
        link = reverse("accountability:board", args=[project.pk])
        return Source(project, access.actions_of(request, project), link, public=False)

    def title(self, source: Source) -> str:
        return _("You said, we did: %(project)s") % {"project": source.project.title}

    def subtitle(self, source: Source) -> str:
        return source.project.organisation.display_name(get_language())

    def link(self, source: Source) -> str:
        return source.link

    def items(self, source: Source) -> list[Action]:
        rows = list(source.actions.order_by("-updated_at", "-pk")[:LATEST])
        for row in rows:
            anchor = f"{source.link}#action-{row.pk}"
            row.feed_link = anchor if source.public else action_path(row)  # type: ignore[attr-defined]
        return rows

    def item_title(self, item: Action) -> str:
        return f"{ActionStatus(item.status).label}: {item.title}"

    def item_description(self, item: Action) -> str:
        return summary(item)

    def item_link(self, item: Action) -> str:
        return str(getattr(item, "feed_link", action_path(item)))

    def item_pubdate(self, item: Action) -> datetime.datetime:
        return item.created_at

    def item_updateddate(self, item: Action) -> datetime.datetime:
        return item.updated_at


class PublicBoardFeed(BoardFeed):
    """The public board's feed: links go to the public board, at each action."""

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Source:
        board: BoardSettings = access.public_board_for(request, kwargs["board_uuid"])
        link = reverse("accountability:public-board", kwargs={"board_uuid": board.public_id})
        return Source(board.project, access.public_actions_of(board), link, public=True)


def action_path(action: Action) -> str:
    return reverse("accountability:action", args=[action.pk])
