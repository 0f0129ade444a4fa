"""The Jinja2 environment for every page (the admin keeps Django templates).

GOV.UK Frontend's macros come from govuk-frontend-jinja under the prefix
`govuk_frontend_jinja/`; our own templates come from `coproduce/templates` and each
app's `jinja2/` folder. Strings are translated with Django's gettext through Jinja's
i18n extension, so one catalogue serves Python and templates.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats, timezone, translation
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, select_autoescape

from coproduce.lib import govuk_forms, once


def person_url(name: str, pk: int | None, *args: Any) -> str:
    from coproduce.people.views import person_url as build

    return build(name, pk, *args)


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


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
