"""People known to an organisation, their carer profiles, consent and equality monitoring.

Caring details, health conditions, disability and ethnicity are special-category data:
every read or write of them by someone other than the person goes through the audit log
(see `people.actions` and `people.views`).
"""

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.tenancy.models import Organisation


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    WELSH = "cy", "Cymraeg"


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("Text message")
    LETTER = "letter", _("Letter")
    PHONE = "phone", _("Phone call")


def age_on(born: date | None, day: date) -> int | None:
    """Whole years from `born` to `day`; None when the date of birth is not known."""
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class Person(models.Model):
    """Anyone known to an organisation: carer, professional or staff."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="people")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    known_as = models.CharField(_("name you like to be called"), max_length=100, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["full_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(user__isnull=False),
                name="one_person_per_user_per_org",
            )
        ]
        indexes = [models.Index(fields=["organisation", "full_name"], name="person_org_name")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    def age_on(self, day: date) -> int | None:
        return age_on(self.date_of_birth, day)


class AccessNeed(models.TextChoices):
    STEP_FREE = "step_free", _("Step-free access")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    BSL = "bsl", _("British Sign Language interpreter")
    LARGE_PRINT = "large_print", _("Large print")
    EASY_READ = "easy_read", _("Easy read")
    INTERPRETER = "interpreter", _("Spoken language interpreter")
    QUIET_ROOM = "quiet_room", _("A quiet space")
    ACCESSIBLE_TOILET = "accessible_toilet", _("Accessible toilet")


class Anonymity(models.TextChoices):
    IDENTIFIABLE = "identifiable", _("Show my name to the group")
    ANONYMOUS_TO_GROUP = "anonymous_to_group", _("Staff may know it was me; the group may not")
    CONFIDENTIAL = "confidential", _("Only the coordinator may see what I say")


class Availability(models.TextChoices):
    WEEKDAY_MORNING = "weekday_morning", _("Weekday mornings")
    WEEKDAY_AFTERNOON = "weekday_afternoon", _("Weekday afternoons")
    WEEKDAY_EVENING = "weekday_evening", _("Weekday evenings")
    WEEKEND_DAYTIME = "weekend_daytime", _("Weekend daytime")
    WEEKEND_EVENING = "weekend_evening", _("Weekend evenings")


class CarerProfile(models.Model):
    """What a carer has told us about their caring and how to work with them."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="carer_profile")
    caring_situation = models.TextField(_("caring situation"), blank=True)
    needs_care_themselves = models.BooleanField(_("also needs care themselves"), default=False)
    access_needs = models.JSONField(_("access needs"), default=list, blank=True)
    access_needs_other = models.TextField(_("other access needs"), blank=True)
    interpreter_language = models.CharField(_("interpreter language"), max_length=100, blank=True)
    preferred_channel = models.CharField(
        _("preferred way to contact"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    no_email = models.BooleanField(_("do not email"), default=False)
    no_sms = models.BooleanField(_("do not text"), default=False)
    no_letter = models.BooleanField(_("do not write"), default=False)
    no_phone = models.BooleanField(_("do not phone"), default=False)
    notice_days = models.PositiveSmallIntegerField(_("notice needed in days"), default=14)
    replacement_care_needs = models.TextField(_("replacement care needs"), blank=True)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    default_anonymity = models.CharField(
        _("how to share what I say"),
        max_length=20,
        choices=Anonymity.choices,
        default=Anonymity.IDENTIFIABLE,
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(notice_days__lte=365), name="notice_days_at_most_a_year"
            )
        ]

    def __str__(self) -> str:
        return f"Carer profile of {self.person}"

    def contactable_channels(self) -> list[str]:
        blocked = {
            Channel.EMAIL: self.no_email,
            Channel.SMS: self.no_sms,
            Channel.LETTER: self.no_letter,
            Channel.PHONE: self.no_phone,
        }
        return [channel.value for channel in Channel if not blocked[channel]]


class Relationship(models.TextChoices):
    PARENT = "parent", _("Parent")
    PARTNER = "partner", _("Husband, wife or partner")
    CHILD = "child", _("Son or daughter")
    SIBLING = "sibling", _("Brother or sister")
    GRANDPARENT = "grandparent", _("Grandparent")
    OTHER_RELATIVE = "other_relative", _("Other relative")
    FRIEND = "friend", _("Friend")
    NEIGHBOUR = "neighbour", _("Neighbour")
    OTHER = "other", _("Someone else")


class Condition(models.TextChoices):
    LEARNING_DISABILITY = "learning_disability", _("Learning disability")
    AUTISM = "autism", _("Autism")
    MENTAL_HEALTH = "mental_health", _("Mental health condition")
    SUBSTANCE_USE = "substance_use", _("Drug or alcohol use")
    DEMENTIA = "dementia", _("Dementia")
    PHYSICAL_HEALTH = "physical_health", _("Physical health condition or disability")
    FRAILTY = "frailty", _("Frailty or old age")
    LONG_TERM_ILLNESS = "long_term_illness", _("Long-term or terminal illness")


class CaredFor(models.Model):
    """Someone a carer looks after. Health details: special-category data."""

    profile = models.ForeignKey(CarerProfile, on_delete=models.CASCADE, related_name="cared_for")
    name = models.CharField(_("their first name (optional)"), max_length=100, blank=True)
    relationship = models.CharField(
        _("relationship to you"), max_length=20, choices=Relationship.choices
    )
    conditions = models.JSONField(_("their conditions"), default=list, blank=True)
    notes = models.TextField(_("anything else about their care"), blank=True)
    lives_with_carer = models.BooleanField(_("lives with you"), default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name or self.get_relationship_display()


class ConsentKind(models.TextChoices):
    CONTACT = "contact", _("Contact about getting involved")
    DATA_USE = "data_use", _("Keeping and using my information")
    EQUALITY = "equality", _("Equality monitoring")


class Consent(models.Model):
    """One consent decision, kept as a record: the latest per kind is the current one."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(max_length=20, choices=ConsentKind.choices)
    given = models.BooleanField()
    wording_version = models.CharField(max_length=20)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["person", "kind", "-recorded_at"], name="consent_latest")]

    def __str__(self) -> str:
        return f"{self.kind}={self.given} ({self.wording_version})"


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    AGE_18_24 = "18_24", _("18 to 24")
    AGE_25_34 = "25_34", _("25 to 34")
    AGE_35_49 = "35_49", _("35 to 49")
    AGE_50_64 = "50_64", _("50 to 64")
    AGE_65_74 = "65_74", _("65 to 74")
    AGE_75_84 = "75_84", _("75 to 84")
    AGE_85_PLUS = "85_plus", _("85 or over")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class EthnicGroup(models.TextChoices):
    """Census 2021 (England and Wales) ethnic groups, 19 categories."""

    ASIAN_BANGLADESHI = "asian_bangladeshi", _("Asian, Asian British or Asian Welsh: Bangladeshi")
    ASIAN_CHINESE = "asian_chinese", _("Asian, Asian British or Asian Welsh: Chinese")
    ASIAN_INDIAN = "asian_indian", _("Asian, Asian British or Asian Welsh: Indian")
    ASIAN_PAKISTANI = "asian_pakistani", _("Asian, Asian British or Asian Welsh: Pakistani")
    ASIAN_OTHER = "asian_other", _("Asian, Asian British or Asian Welsh: Other Asian")
    BLACK_AFRICAN = (
        "black_african",
        _("Black, Black British, Black Welsh, Caribbean or African: African"),
    )
    BLACK_CARIBBEAN = (
        "black_caribbean",
        _("Black, Black British, Black Welsh, Caribbean or African: Caribbean"),
    )
    BLACK_OTHER = (
        "black_other",
        _("Black, Black British, Black Welsh, Caribbean or African: Other Black"),
    )
    MIXED_WHITE_ASIAN = "mixed_white_asian", _("Mixed or Multiple: White and Asian")
    MIXED_WHITE_BLACK_AFRICAN = (
        "mixed_white_black_african",
        _("Mixed or Multiple: White and Black African"),
    )
    MIXED_WHITE_BLACK_CARIBBEAN = (
        "mixed_white_black_caribbean",
        _("Mixed or Multiple: White and Black Caribbean"),
    )
    MIXED_OTHER = "mixed_other", _("Mixed or Multiple: Other Mixed or Multiple")
    WHITE_BRITISH = "white_british", _("White: English, Welsh, Scottish, Northern Irish or British")
    WHITE_IRISH = "white_irish", _("White: Irish")
    WHITE_GYPSY_TRAVELLER = "white_gypsy_traveller", _("White: Gypsy or Irish Traveller")
    WHITE_ROMA = "white_roma", _("White: Roma")
    WHITE_OTHER = "white_other", _("White: Other White")
    OTHER_ARAB = "other_arab", _("Other ethnic group: Arab")
    OTHER_ANY = "other_any", _("Other ethnic group: Any other ethnic group")
    PREFER_NOT = "prefer_not", _("Prefer not to say")

    @classmethod
    def high_level(cls, value: str) -> str:
        """The Census 2021 five-way grouping (asian, black, mixed, white, other)."""
        return value.split("_", 1)[0]


class Disability(models.TextChoices):
    LIMITED_A_LOT = "a_lot", _("Yes, my day-to-day activities are limited a lot")
    LIMITED_A_LITTLE = "a_little", _("Yes, my day-to-day activities are limited a little")
    NO = "no", _("No")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class CareHours(models.TextChoices):
    """Census 2021 bands of weekly unpaid care."""

    UP_TO_19 = "hours_19_or_less", _("19 hours a week or less")
    HOURS_20_TO_49 = "hours_20_to_49", _("20 to 49 hours a week")
    HOURS_50_PLUS = "hours_50_plus", _("50 or more hours a week")
    PREFER_NOT = "prefer_not", _("Prefer not to say")


class EqualityMonitoring(models.Model):
    """Optional answers, kept only with consent, shown only to the person and in aggregate."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="equality")
    age_band = models.CharField(_("age"), max_length=12, choices=AgeBand.choices, blank=True)
    sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices, blank=True)
    ethnic_group = models.CharField(
        _("ethnic group"), max_length=30, choices=EthnicGroup.choices, blank=True
    )
    disability = models.CharField(
        _("disability"), max_length=12, choices=Disability.choices, blank=True
    )
    care_hours = models.CharField(
        _("hours of care each week"), max_length=20, choices=CareHours.choices, blank=True
    )
    young_carer = models.BooleanField(_("young carer"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Equality monitoring of person {self.person_id}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "age_band": self.age_band,
            "sex": self.sex,
            "ethnic_group": self.ethnic_group,
            "disability": self.disability,
            "care_hours": self.care_hours,
            "young_carer": self.young_carer,
        }


class ErasureRequest(models.Model):
    """A request to erase a person's data. An organisation admin completes it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="erasure_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField(_("anything you want to tell us"), blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(completed_at__isnull=True),
                name="one_open_erasure_request",
            )
        ]

    def __str__(self) -> str:
        return f"Erasure request for person {self.person_id}"
