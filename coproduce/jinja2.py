"""The Jinja2 environment for every page (the admin keeps Django templates).

GOV.UK Frontend's macros come from govuk-frontend-jinja under the prefix
`govuk_frontend_jinja/`; our own templates come from `coproduce/templates` and each
app's `jinja2/` folder. Strings are translated with Django's gettext through Jinja's
i18n extension, so one catalogue serves Python and templates.
"""

import datetime
import functools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import formats, timezone, translation
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, select_autoescape
from markupsafe import Markup, escape

from coproduce.lib import bilingual, govuk_forms, once


def person_url(name: str, pk: int | None, *args: Any) -> str:
    from coproduce.people.views import person_url as build

    return build(name, pk, *args)


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """The path of a named URL. Remembered: pages ask for the same few hundred paths all
    the time, and reversing one costs more than rendering the link."""
    try:
        key = tuple(sorted(kwargs.items()))
        return _reverse(name, args, key, get_urlconf(), get_script_prefix())
    except TypeError:  # an argument that cannot be a key (never in our templates)
        return reverse(name, args=args or None, kwargs=kwargs or None)


@functools.lru_cache(maxsize=4096)
def _reverse(
    name: str,
    args: tuple[Any, ...],
    kwargs: tuple[tuple[str, Any], ...],
    urlconf: str | None,
    prefix: str,
) -> str:
    return reverse(name, urlconf=urlconf, args=args or None, kwargs=dict(kwargs) or None)


# Parts of the layout that are the same for everyone with the same organisation, language,
# role and section (the header, the navigation, the footer): rendered once per process and
# reused. What differs per request (the CSRF token, the current path) goes in through
# slots. The key holds everything the part is made from, so nothing needs invalidating.
LAYOUT_PARTS = 2048
_layout: dict[tuple[Any, ...], str] = {}
SLOT = re.compile(r"@@slot-(\w+)@@")


def slot(name: str) -> Markup:
    """Where a per-request value goes in a kept part of the layout."""
    return Markup(f"@@slot-{name}@@")


def layout_part(
    *key: Any, caller: Callable[[], str], slots: dict[str, str] | None = None
) -> Markup:
    """`{% call layout_part("navigation", language, role, slots={"csrf": csrf_input}) %}...{% endcall %}`:
    the block's HTML for `key`, rendered the first time only, with its slots filled."""
    html = _layout.get(key)
    if html is None:
        html = str(caller())
        if len(_layout) >= LAYOUT_PARTS:
            _layout.clear()
        _layout[key] = html
    if slots:  # one pass: a value filled in is never searched for slots itself
        filled = {name: str(escape(value)) for name, value in slots.items()}
        html = SLOT.sub(lambda m: filled.get(m[1], m[0]), html)
    return Markup(html)


def environment(**options: Any) -> Environment:
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader(
                {"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja", "templates")}
            ),
        ]
    )
    options.setdefault("extensions", []).append("jinja2.ext.i18n")
    # Escape HTML everywhere except plain-text emails (.txt).
    options["autoescape"] = select_autoescape(disabled_extensions=("txt",), default=True)
    options["trim_blocks"] = True
    options["lstrip_blocks"] = True
    env = Environment(**options)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translation.gettext, translation.ngettext, newstyle=True
    )
    env.globals.update(
        {
            "url": url,
            "static": static,
            "get_messages": messages.get_messages,
            "get_language": translation.get_language,
            "field_spec": govuk_forms.field_spec,
            "error_summary_items": govuk_forms.error_summary_items,
            "form_token": once.form_token,
            "person_url": person_url,
            "layout_part": layout_part,
            "slot": slot,
            "shown": bilingual.shown,
            "welsh_notice": bilingual.welsh_notice,
            "welsh_twin_fields": bilingual.welsh_twin_fields,
        }
    )
    env.filters["localdate"] = localdate
    env.filters["gettext_"] = translation.gettext  # translate a stored msgid: {{ text | gettext_ }}
    env.filters["localdatetime"] = localdatetime
    env.filters["monthyear"] = monthyear
    env.filters["money"] = money
    return env


def localdate(value: datetime.date | datetime.datetime | None) -> str:
    """A date the GOV.UK way: 5 January 2027 (in the active language)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return formats.date_format(value, "j F Y")


def monthyear(value: datetime.date, style: str = "F Y") -> str:
    """A month the GOV.UK way: January 2027 (or a short "b" style: jan)."""
    return formats.date_format(value, style)


def money(value: Decimal | int | None) -> str:
    """An amount of pounds the GOV.UK way: £324,500.00 (a negative one: -£5.00)."""
    if value is None:
        return ""
    amount = Decimal(value)
    return f"{'-' if amount < 0 else ''}£{abs(amount):,.2f}"


def localdatetime(value: datetime.datetime | None) -> str:
    """A moment the GOV.UK way: 5 January 2027 at 2:30pm."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    time = formats.date_format(local, "g:iA").lower().replace(":00", "")
    return translation.gettext("%(date)s at %(time)s") % {"date": localdate(local), "time": time}
