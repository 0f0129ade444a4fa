"""Django's own messages that people see on our pages, so that they have Welsh too.

Django ships a Welsh catalogue, but it lacks some messages our pages show: the password
rules on "Choose your password" and a form error. Marking them here puts them in
coproduce/locale/django.pot, so they are translated in our catalogue with everything
else, and `scripts/translations.sh check` keeps them translated. Our catalogue comes
first (LOCALE_PATHS), so its Welsh is used.

Nothing imports this module: Babel only reads it. Each msgid must be exactly Django's,
curly apostrophes and all (checked against Django 5.2). After upgrading Django, check
that each one still appears in Django's source, and remove any Django has translated.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

MESSAGES = (
    # django.contrib.auth.forms.SetPasswordMixin
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("Enter the same password as before, for verification."),
    # django.contrib.auth.password_validation
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    # django.core.validators.ProhibitNullCharactersValidator (any text box)
    gettext_noop("Null characters are not allowed."),
)

PLURAL_MESSAGES = (
    # django.contrib.auth.password_validation.MinimumLengthValidator
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
)
