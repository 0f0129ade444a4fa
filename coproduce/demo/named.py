"""The named demo people: staff, and carers with their own accounts, with complete profiles."""

from dataclasses import dataclass
from datetime import date

from coproduce.demo.plans import (
    LANDLINE_PREFIX,
    MOBILE_PREFIX,
    CaredForPlan,
    CarerPlan,
    birth_date_for,
)
from coproduce.people.models import (
    AccessNeed,
    AgeBand,
    Anonymity,
    Availability,
    CareHours,
    Channel,
    Condition,
    ConsentKind,
    Disability,
    Language,
    Relationship,
    Sex,
)
from coproduce.tenancy.models import Role

RIVERSIDE = "riverside"
RIVERSIDE_NHS = "riverside-nhs"
HILLSIDE = "hillside"

ADMIN_EMAIL = "admin@riverside.example"
COORDINATOR_EMAIL = "coordinator@riverside.example"
PROFESSIONAL_EMAIL = "professional@riverside-nhs.example"
GP_EMAIL = "gp@riverside-nhs.example"
CARER_EMAIL = "carer@riverside.example"
WELSH_CARER_EMAIL = "cymraeg@riverside.example"
YOUNG_CARER_EMAIL = "young@riverside.example"
HILLSIDE_ADMIN_EMAIL = "admin@hillside.example"
SIGN_IN_ORDER = (
    ADMIN_EMAIL,
    COORDINATOR_EMAIL,
    PROFESSIONAL_EMAIL,
    GP_EMAIL,
    CARER_EMAIL,
    WELSH_CARER_EMAIL,
    YOUNG_CARER_EMAIL,
    HILLSIDE_ADMIN_EMAIL,
)

# Ofcom keeps these ranges for drama: they will never reach a real person.

# --- The named demo people -----------------------------------------------------------------


def margaret_jones(today: date) -> CarerPlan:
    """A 78-year-old caring for her husband with dementia and her son: a complete profile."""
    tom = CaredForPlan(
        name="Tom",
        female=False,
        relationship=Relationship.PARTNER,
        conditions=[Condition.DEMENTIA, Condition.PHYSICAL_HEALTH],
        lives_with_carer=True,
        notes=(
            "Diagnosed with Alzheimer's in 2021 and had a stroke last spring. Goes to the Memory "
            "Café on Wednesday mornings. Gets anxious if I am away for more than two hours."
        ),
    )
    daniel = CaredForPlan(
        name="Daniel",
        female=False,
        relationship=Relationship.CHILD,
        conditions=[Condition.LEARNING_DISABILITY],
        lives_with_carer=False,
        notes=(
            "Lives in supported living in Merrow. I visit three times a week and go with him to "
            "his appointments."
        ),
    )
    return CarerPlan(
        full_name="Margaret Jones",
        known_as="Maggie",
        female=True,
        date_of_birth=birth_date_for(today, 78, 120),
        email=CARER_EMAIL,
        phone=f"{LANDLINE_PREFIX}001",
        address="14 Orchard Way\nMerrow\nGuildford",
        postcode="GU4 7HR",
        preferred_channel=Channel.EMAIL,
        blocked=[Channel.PHONE],
        cared_for=[tom, daniel],
        caring_situation=(
            "Cares for her husband, Tom, who has dementia and had a stroke, and keeps an eye on "
            "her son, Daniel, who has a learning disability. She has been caring for Tom for "
            "five years, day and night, and has arthritis in her hands."
        ),
        access_needs=[AccessNeed.HEARING_LOOP, AccessNeed.LARGE_PRINT],
        access_needs_other="Please face me when you speak: I lip-read a little.",
        notice_days=21,
        replacement_care_needs=(
            "Tom cannot be left alone. I need a sitter he knows (our Crossroads sitter comes on "
            "Mondays and Thursdays), or a meeting on a Wednesday morning while he is at the "
            "Memory Café."
        ),
        availability=[Availability.WEEKDAY_MORNING, Availability.WEEKDAY_AFTERNOON],
        consents=[
            (ConsentKind.DATA_USE, True),
            (ConsentKind.CONTACT, True),
            (ConsentKind.EQUALITY, True),
        ],
        equality={
            "age_band": AgeBand.AGE_75_84.value,
            "sex": Sex.FEMALE.value,
            "ethnic_group": "white_british",
            "disability": Disability.LIMITED_A_LITTLE.value,
            "care_hours": CareHours.HOURS_50_PLUS.value,
            "young_carer": False,
        },
    )


def gwen_morgan(today: date) -> CarerPlan:
    """A carer who uses the service in Welsh."""
    eirlys = CaredForPlan(
        name="Eirlys",
        female=True,
        relationship=Relationship.PARENT,
        conditions=[Condition.DEMENTIA, Condition.FRAILTY],
        lives_with_carer=True,
        notes="Speaks mostly Welsh now. Home carers visit every morning.",
    )
    return CarerPlan(
        full_name="Gwen Morgan",
        female=True,
        date_of_birth=birth_date_for(today, 61, 200),
        email=WELSH_CARER_EMAIL,
        phone=f"{MOBILE_PREFIX}002",
        address="3 Downs View\nDorking",
        postcode="RH4 2LN",
        preferred_language=Language.WELSH,
        preferred_channel=Channel.EMAIL,
        cared_for=[eirlys],
        caring_situation=(
            "Cares for her mum, Eirlys, who has dementia and is frail. Eirlys moved from "
            "Aberystwyth to live with Gwen last year. Gwen works part-time."
        ),
        replacement_care_needs="A Welsh-speaking sitter if possible.",
        availability=[Availability.WEEKDAY_MORNING, Availability.WEEKDAY_EVENING],
        consents=[
            (ConsentKind.DATA_USE, True),
            (ConsentKind.CONTACT, True),
            (ConsentKind.EQUALITY, True),
        ],
        equality={
            "age_band": AgeBand.AGE_50_64.value,
            "sex": Sex.FEMALE.value,
            "ethnic_group": "white_british",
            "disability": Disability.NO.value,
            "care_hours": CareHours.HOURS_50_PLUS.value,
            "young_carer": False,
        },
    )


def jasmine_clarke(today: date) -> CarerPlan:
    """A 16-year-old young carer looking after her mum."""
    mum = CaredForPlan(
        name="",
        female=True,
        relationship=Relationship.PARENT,
        conditions=[Condition.MENTAL_HEALTH],
        lives_with_carer=True,
        notes="Has bipolar disorder. Supported by the community mental health team.",
    )
    return CarerPlan(
        full_name="Jasmine Clarke",
        known_as="Jas",
        female=True,
        date_of_birth=birth_date_for(today, 16, 90),
        email=YOUNG_CARER_EMAIL,
        phone=f"{MOBILE_PREFIX}003",
        address="Flat 6, 22 Victoria Road\nWoking",
        postcode="GU21 5BT",
        preferred_channel=Channel.SMS,
        cared_for=[mum],
        caring_situation=(
            "Cares for her mum, who has a mental health condition. Does the shopping and "
            "cooking and helps her mum with appointments, before and after school."
        ),
        replacement_care_needs="On bad days my aunt can sit with Mum if she has a week's notice.",
        availability=[Availability.WEEKDAY_EVENING, Availability.WEEKEND_DAYTIME],
        default_anonymity=Anonymity.ANONYMOUS_TO_GROUP,
        consents=[
            (ConsentKind.DATA_USE, True),
            (ConsentKind.CONTACT, True),
            (ConsentKind.EQUALITY, True),
        ],
        equality={
            "age_band": AgeBand.UNDER_18.value,
            "sex": Sex.FEMALE.value,
            "ethnic_group": "mixed_white_black_caribbean",
            "disability": Disability.NO.value,
            "care_hours": CareHours.HOURS_20_TO_49.value,
            "young_carer": True,
        },
    )


@dataclass(frozen=True)
class StaffMember:
    email: str
    full_name: str
    role: Role
    organisation_slug: str
    phone: str
    safeguarding_trained: bool = False  # may screen under-18s who offer to take part

    @property
    def uses_two_factor(self) -> bool:
        return self.role in (Role.ADMIN, Role.COORDINATOR)


STAFF = (
    StaffMember(ADMIN_EMAIL, "Amira Hassan", Role.ADMIN, RIVERSIDE, f"{LANDLINE_PREFIX}004"),
    StaffMember(
        COORDINATOR_EMAIL,
        "Dylan Price",
        Role.COORDINATOR,
        RIVERSIDE,
        f"{LANDLINE_PREFIX}005",
        safeguarding_trained=True,
    ),
    StaffMember(
        PROFESSIONAL_EMAIL,
        "Dr Priya Shah",
        Role.PROFESSIONAL,
        RIVERSIDE_NHS,
        f"{LANDLINE_PREFIX}006",
    ),
    StaffMember(
        GP_EMAIL, "Dr Sam Okafor", Role.PROFESSIONAL, RIVERSIDE_NHS, f"{LANDLINE_PREFIX}008"
    ),
    StaffMember(
        HILLSIDE_ADMIN_EMAIL, "Rhian Davies", Role.ADMIN, HILLSIDE, f"{LANDLINE_PREFIX}007"
    ),
)
