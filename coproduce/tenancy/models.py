from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.lib import bilingual


class Organisation(models.Model):
    """A carers' centre, charity, NHS body or council using the platform: the tenant."""

    name = models.CharField(_("name"), max_length=200)
    name_cy = models.CharField(_("name in Welsh"), max_length=200, blank=True)
    slug = models.SlugField(unique=True)
    area_code = models.CharField(
        _("ONS area code"),
        max_length=9,
        blank=True,
        help_text=_("The local authority (or country) whose carer population we compare with."),
    )
    minimum_notice_days = models.PositiveSmallIntegerField(_("minimum notice in days"), default=14)
    follow_up_days = models.PositiveSmallIntegerField(
        _("days after a meeting to reach out to members"), default=3
    )
    # How the public and carers reach the organisation: its admins keep these up to date,
    # and every page and message that says "contact us" shows them.
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    postal_address = models.TextField(_("postal address"), max_length=500, blank=True)
    opening_hours = models.TextField(_("opening hours"), max_length=500, blank=True)
    opening_hours_cy = models.TextField(_("opening hours in Welsh"), max_length=500, blank=True)
    visit_address = models.TextField(
        _("address to visit in person"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty if people cannot visit."),
    )
    premises_access = models.TextField(_("access to the premises"), max_length=1000, blank=True)
    premises_access_cy = models.TextField(
        _("access to the premises in Welsh"), max_length=1000, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def display_name(self, language: str) -> str:
        if language == "cy" and self.name_cy:
            return self.name_cy
        return self.name

    def in_language(self, field: str, language: str) -> str:
        """A contact text (`opening_hours`, `premises_access`) in `language`, falling back
        to the English when no Welsh has been written."""
        return bilingual.text(self, field, language)

    @property
    def has_contact_details(self) -> bool:
        return bool(self.phone or self.email or self.postal_address or self.visit_address)


class Partnership(models.Model):
    """Several organisations that co-own work, such as an NHS trust and a carers' centre."""

    name = models.CharField(_("name"), max_length=200)
    lead = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="partnerships_led"
    )
    organisations = models.ManyToManyField(Organisation, related_name="partnerships")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    ADMIN = "admin", _("Organisation admin")
    COORDINATOR = "coordinator", _("Coordinator")
    PROFESSIONAL = "professional", _("Professional partner")
    CARER = "carer", _("Carer")


STAFF_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})


class Membership(models.Model):
    """A user's role in one organisation. One role per user per organisation."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    safeguarding_trained = models.BooleanField(
        _("safeguarding trained"),
        default=False,
        help_text=_("Only safeguarding-trained staff may screen people under 18."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership_per_org"),
            models.CheckConstraint(
                condition=models.Q(role__in=[r.value for r in Role]), name="membership_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.role} at {self.organisation}"

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES
