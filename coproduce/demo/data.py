"""The raw material of the demo: names, places and phrases. No logic, no database.

Names are grouped by where a family's names come from, so that a carer's first name,
surname, interpreter language and (usually) the ethnic group they describe themselves
with fit together. The counts shape the Riverside population: mostly White British, as
in Surrey, with a real spread.
"""

from dataclasses import dataclass, field

from coproduce.people.models import Condition, EthnicGroup

EG = EthnicGroup


def _n(names: str) -> tuple[str, ...]:
    """A tuple of names from one comma-separated string (names may contain spaces)."""
    return tuple(name.strip() for name in names.split(","))


@dataclass(frozen=True)
class Origin:
    key: str
    count: int  # how many Riverside carers have names of this origin
    female: tuple[str, ...]
    male: tuple[str, ...]
    surnames: tuple[str, ...]
    # How people of this origin describe their ethnic group, with weights.
    ethnic_groups: tuple[tuple[EthnicGroup, int], ...]
    interpreter_languages: tuple[str, ...] = field(default=())
    # Names given more often since about 1995, for carers under 30.
    young_female: tuple[str, ...] = field(default=())
    young_male: tuple[str, ...] = field(default=())


ENGLISH = Origin(
    "english",
    133,
    female=_n(
        "Margaret, Susan, Patricia, Linda, Janet, Karen, Sarah, Emma, Claire, Helen, Jacqueline, "
        "Deborah, Joanne, Rachel, Charlotte, Lucy, Hannah, Sophie, Jessica, Amy, Pauline, Brenda, "
        "Sandra, Julie, Elizabeth, Christine, Gillian, Lisa, Kelly, Nicola, Dorothy, Jean, "
        "Valerie, Rebecca, Louise, Zoe, Wendy"
    ),
    male=_n(
        "David, John, Peter, Michael, Robert, Paul, Andrew, Mark, Stephen, Richard, Christopher, "
        "James, Gary, Keith, Brian, Graham, Tom, Daniel, Matthew, Ben, Jack, Harry, Oliver, "
        "William, Alan, Roger, Colin, Simon, Neil, George, Kevin, Derek"
    ),
    surnames=_n(
        "Smith, Taylor, Brown, Wilson, Johnson, Walker, Wright, Robinson, Thompson, White, Hughes, "
        "Edwards, Green, Hall, Wood, Harris, Clarke, Jackson, Turner, Hill, Moore, Cooper, Ward, "
        "King, Baker, Harrison, Morris, Allen, Cox, Fletcher, Bennett, Marsh, Holloway, Pearce, "
        "Chapman, Barnes, Gardner, Webb, Lawrence, Saunders, Knight, Fisher, Parker, Shaw, "
        "Collins, Hunt, Palmer, Mason, Stevens, Dawson"
    ),
    ethnic_groups=((EG.WHITE_BRITISH, 97), (EG.PREFER_NOT, 3)),
    young_female=_n(
        "Ellie, Grace, Holly, Amelia, Olivia, Freya, Chloe, Mia, Poppy, Lily, Jessica, Sophie, "
        "Hannah, Lucy, Evie, Millie"
    ),
    young_male=_n(
        "Alfie, Harry, Oliver, Jack, Charlie, Noah, Leo, Oscar, Finley, Archie, Sam, Jacob, "
        "Ethan, Callum"
    ),
)

WELSH = Origin(
    "welsh",
    8,
    female=_n(
        "Rhian, Siân, Ffion, Catrin, Eleri, Bethan, Nia, Carys, Angharad, Megan, Lowri, Mererid, "
        "Elin, Heledd"
    ),
    male=_n(
        "Dafydd, Rhys, Gareth, Huw, Iwan, Emyr, Geraint, Owain, Aled, Gethin, Llŷr, Gruffudd, "
        "Ieuan, Tomos"
    ),
    surnames=_n(
        "Jones, Williams, Davies, Evans, Thomas, Roberts, Lewis, Griffiths, Owen, Pritchard, "
        "Llewellyn, Rees, Powell, Jenkins, Parry, Bowen, Vaughan, Prosser"
    ),
    ethnic_groups=((EG.WHITE_BRITISH, 1),),
    young_female=_n("Cerys, Seren, Mali, Alys, Efa, Elin, Ffion"),
    young_male=_n("Osian, Ioan, Cai, Macsen, Harri, Steffan, Gruff"),
)

SCOTTISH = Origin(
    "scottish",
    5,
    female=_n("Fiona, Morag, Catriona, Eilidh, Kirsty, Isla, Ailsa"),
    male=_n("Alasdair, Callum, Hamish, Euan, Fraser, Angus, Iain"),
    surnames=_n("MacDonald, Campbell, Stewart, Robertson, Murray, McKenzie, Ross"),
    ethnic_groups=((EG.WHITE_BRITISH, 1),),
    young_female=_n("Isla, Ava, Eilidh, Skye, Orla"),
    young_male=_n("Lewis, Jamie, Cameron, Finlay, Rory"),
)

IRISH = Origin(
    "irish",
    6,
    female=_n("Siobhán, Aoife, Niamh, Bridget, Róisín, Mairéad, Orla, Clodagh"),
    male=_n("Seán, Ciarán, Pádraig, Declan, Eoin, Liam, Cormac, Fergal"),
    surnames=_n(
        "O'Brien, Murphy, Kelly, O'Sullivan, Walsh, Byrne, Doyle, Gallagher, Kavanagh, Brennan, "
        "McCarthy, Ryan"
    ),
    ethnic_groups=((EG.WHITE_IRISH, 4), (EG.WHITE_BRITISH, 1)),
    young_female=_n("Aoife, Niamh, Saoirse, Ciara, Caoimhe"),
    young_male=_n("Conor, Cian, Darragh, Oisín, Rían"),
)

POLISH = Origin(
    "polish",
    6,
    female=_n("Katarzyna, Agnieszka, Małgorzata, Joanna, Magdalena, Ewa, Zofia"),
    male=_n("Piotr, Tomasz, Paweł, Krzysztof, Marek, Łukasz, Wojciech"),
    # Men's forms; "-ski" and "-cki" take "-ska" and "-cka" for women.
    surnames=_n(
        "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Mazur, "
        "Krawczyk, Dąbrowski"
    ),
    ethnic_groups=((EG.WHITE_OTHER, 1),),
    interpreter_languages=("Polish",),
    young_female=_n("Zuzanna, Julia, Maja, Lena, Hanna"),
    young_male=_n("Jakub, Kacper, Szymon, Filip, Antoni"),
)

ITALIAN = Origin(
    "italian",
    1,
    female=_n("Giulia, Francesca, Rosa"),
    male=_n("Marco, Giuseppe, Luca"),
    surnames=_n("Rossi, Bianchi, Esposito, Romano"),
    ethnic_groups=((EG.WHITE_OTHER, 1),),
)

PORTUGUESE = Origin(
    "portuguese",
    2,
    female=_n("Ana, Maria, Inês, Fernanda"),
    male=_n("João, Miguel, Rui, Tiago"),
    surnames=_n("Silva, Santos, Ferreira, Costa, Pereira"),
    ethnic_groups=((EG.WHITE_OTHER, 1),),
    interpreter_languages=("Portuguese",),
)

ROMANIAN = Origin(
    "romanian",
    2,
    female=_n("Ioana, Elena, Andreea, Mihaela"),
    male=_n("Andrei, Mihai, Ionuț, Bogdan"),
    surnames=_n("Popescu, Ionescu, Constantin, Stan, Dumitrescu"),
    ethnic_groups=((EG.WHITE_OTHER, 1),),
    interpreter_languages=("Romanian",),
)

TRAVELLER = Origin(
    "traveller",
    2,
    female=_n("Bridget, Mary, Kathleen, Nora"),
    male=_n("Patrick, Martin, Michael, Johnny"),
    surnames=_n("Ward, McDonagh, Joyce, Connors, Maughan"),
    ethnic_groups=((EG.WHITE_GYPSY_TRAVELLER, 1),),
)

ROMA = Origin(
    "roma",
    1,
    female=_n("Mariana, Denisa, Simona"),
    male=_n("Florin, Marian, Radu"),
    surnames=_n("Lakatos, Balogh, Stoica, Dumitru"),
    ethnic_groups=((EG.WHITE_ROMA, 1),),
    interpreter_languages=("Romanian", "Romani"),
)

INDIAN = Origin(
    "indian",
    7,
    female=_n("Priya, Anjali, Sunita, Meena, Kavita, Neha, Harpreet, Jaspreet, Asha, Deepa, Hansa"),
    male=_n("Rajesh, Sanjay, Amit, Vikram, Arjun, Harjit, Gurpreet, Ravi, Suresh, Naresh"),
    surnames=_n(
        "Patel, Sharma, Mistry, Chauhan, Joshi, Gill, Sandhu, Gupta, Desai, Nair, Parmar, Bhatt"
    ),
    ethnic_groups=((EG.ASIAN_INDIAN, 1),),
    interpreter_languages=("Gujarati", "Punjabi"),
    young_female=_n("Anika, Riya, Simran, Diya, Ishani"),
    young_male=_n("Aarav, Rohan, Dev, Kabir, Veer"),
)

PAKISTANI = Origin(
    "pakistani",
    4,
    female=_n("Ayesha, Fatima, Nadia, Saima, Shazia, Rubina, Sana, Zainab"),
    male=_n("Imran, Tariq, Asif, Khalid, Adeel, Bilal, Usman, Zahid"),
    surnames=_n("Khan, Hussain, Ahmed, Iqbal, Akhtar, Malik, Butt, Mahmood, Qureshi"),
    ethnic_groups=((EG.ASIAN_PAKISTANI, 1),),
    interpreter_languages=("Urdu", "Punjabi"),
    young_female=_n("Aleena, Hafsa, Maryam, Inaya, Aisha"),
    young_male=_n("Ayaan, Zayn, Rayan, Hamza, Ibrahim"),
)

BANGLADESHI = Origin(
    "bangladeshi",
    2,
    female=_n("Rahima, Nasrin, Shirin, Taslima, Farhana"),
    male=_n("Abdul, Jamal, Rafiq, Shahid, Kamal"),
    surnames=_n("Miah, Uddin, Rahman, Islam, Chowdhury, Ali"),
    ethnic_groups=((EG.ASIAN_BANGLADESHI, 1),),
    interpreter_languages=("Bengali", "Sylheti"),
)

CHINESE = Origin(
    "chinese",
    3,
    female=_n("Mei, Li Na, Xiu Ying, Wing, Siu Ling, Jing"),
    male=_n("Wei, Jun, Kwok Wah, Ming, Hao, Tak"),
    surnames=_n("Chan, Wong, Li, Zhang, Cheung, Lau, Chen, Leung"),
    ethnic_groups=((EG.ASIAN_CHINESE, 1),),
    interpreter_languages=("Cantonese", "Mandarin"),
)

NEPALI = Origin(
    "nepali",
    3,
    female=_n("Sita, Gita, Kamala, Sarita, Bishnu Maya"),
    male=_n("Ram, Krishna, Dil, Bhim, Hari"),
    surnames=_n("Gurung, Rai, Limbu, Thapa, Pun, Magar"),
    ethnic_groups=((EG.ASIAN_OTHER, 1),),
    interpreter_languages=("Nepali",),
)

FILIPINO = Origin(
    "filipino",
    1,
    female=_n("Rosario, Jocelyn, Marites"),
    male=_n("Jose, Ramon, Rodel"),
    surnames=_n("Reyes, Cruz, Bautista, Dela Cruz"),
    ethnic_groups=((EG.ASIAN_OTHER, 1),),
)

TAMIL = Origin(
    "tamil",
    1,
    female=_n("Kavitha, Lakshmi, Tharsini"),
    male=_n("Ganesh, Sivakumar, Kumaran"),
    surnames=_n("Rajendran, Thevarajah, Selvarajah, Kandiah"),
    ethnic_groups=((EG.ASIAN_OTHER, 1),),
    interpreter_languages=("Tamil",),
)

CARIBBEAN = Origin(
    "caribbean",
    3,
    female=_n("Marcia, Beverley, Claudette, Yvonne, Sharon, Paulette, Maxine"),
    male=_n("Winston, Delroy, Clive, Errol, Leroy, Marcus, Trevor"),
    surnames=_n("Campbell, Francis, Grant, Henry, Samuels, Bailey, Reid, Simpson"),
    ethnic_groups=((EG.BLACK_CARIBBEAN, 9), (EG.BLACK_OTHER, 1)),
    young_female=_n("Shanice, Kezia, Aaliyah, Jada, Tiana, Chantelle"),
    young_male=_n("Tyrese, Jaden, Kyle, Malachi, Jerome, Rio"),
)

NIGERIAN = Origin(
    "nigerian",
    2,
    female=_n("Chioma, Ngozi, Adaeze, Funmilayo, Folake"),
    male=_n("Chukwuemeka, Oluwaseun, Tunde, Emmanuel, Obinna"),
    surnames=_n("Okafor, Adeyemi, Okonkwo, Adebayo, Eze, Balogun"),
    ethnic_groups=((EG.BLACK_AFRICAN, 1),),
)

GHANAIAN = Origin(
    "ghanaian",
    1,
    female=_n("Abena, Akosua, Efua"),
    male=_n("Kwame, Kofi, Yaw"),
    surnames=_n("Mensah, Asante, Boateng, Osei"),
    ethnic_groups=((EG.BLACK_AFRICAN, 1),),
)

SOMALI = Origin(
    "somali",
    1,
    female=_n("Amina, Hodan, Faduma, Sahra"),
    male=_n("Abdi, Mohamed, Hassan, Abdirahman"),
    surnames=_n("Warsame, Farah, Abdullahi, Osman"),
    ethnic_groups=((EG.BLACK_AFRICAN, 1),),
    interpreter_languages=("Somali",),
)

ZIMBABWEAN = Origin(
    "zimbabwean",
    1,
    female=_n("Tendai, Rumbidzai, Chipo"),
    male=_n("Tinashe, Farai, Tatenda"),
    surnames=_n("Moyo, Ncube, Dube, Sibanda"),
    ethnic_groups=((EG.BLACK_AFRICAN, 1),),
)

MIXED = Origin(
    "mixed",
    3,
    female=_n("Jade, Aaliyah, Leah, Maya, Tia, Keisha"),
    male=_n("Jordan, Tyler, Kai, Nathan, Reuben"),
    surnames=_n("Campbell, Thomas, Edwards, Grant, Marshall, Khan, Okoro"),
    ethnic_groups=(
        (EG.MIXED_WHITE_BLACK_CARIBBEAN, 3),
        (EG.MIXED_WHITE_ASIAN, 3),
        (EG.MIXED_WHITE_BLACK_AFRICAN, 1),
        (EG.MIXED_OTHER, 1),
    ),
)

ARAB = Origin(
    "arab",
    1,
    female=_n("Layla, Nour, Huda, Rania"),
    male=_n("Omar, Karim, Youssef, Samir"),
    surnames=_n("Haddad, Mansour, Nasser, Saleh, Al-Khatib"),
    ethnic_groups=((EG.OTHER_ARAB, 1),),
    interpreter_languages=("Arabic",),
)

TURKISH = Origin(
    "turkish",
    1,
    female=_n("Elif, Ayşe, Zeynep"),
    male=_n("Mehmet, Emre, Murat"),
    surnames=_n("Yılmaz, Demir, Kaya, Şahin"),
    ethnic_groups=((EG.OTHER_ANY, 2), (EG.WHITE_OTHER, 1)),
    interpreter_languages=("Turkish",),
)

RIVERSIDE_ORIGINS: tuple[Origin, ...] = (
    ENGLISH, WELSH, SCOTTISH, IRISH, POLISH, ITALIAN, PORTUGUESE, ROMANIAN, TRAVELLER, ROMA,
    INDIAN, PAKISTANI, BANGLADESHI, CHINESE, NEPALI, FILIPINO, TAMIL, CARIBBEAN, NIGERIAN,
    GHANAIAN, SOMALI, ZIMBABWEAN, MIXED, ARAB, TURKISH,
)  # fmt: skip

# Ages of Riverside's carers: (youngest, oldest, how many). Most carers are 50 to 64, as in
# the Census; some are young carers and some are over 85.
RIVERSIDE_AGES: tuple[tuple[int, int, int], ...] = (
    (12, 17, 14),
    (18, 24, 10),
    (25, 34, 16),
    (35, 49, 38),
    (50, 64, 58),
    (65, 74, 32),
    (75, 84, 24),
    (85, 90, 8),
)

HILLSIDE_AGES: tuple[tuple[int, int, int], ...] = (
    (14, 17, 1),
    (25, 49, 3),
    (50, 64, 3),
    (65, 84, 2),
    (85, 88, 1),
)


@dataclass(frozen=True)
class Place:
    outward: str  # the first half of a postcode
    town: str


RIVERSIDE_PLACES: tuple[Place, ...] = (
    Place("GU1", "Guildford"),
    Place("GU2", "Guildford"),
    Place("GU4", "Guildford"),
    Place("GU7", "Godalming"),
    Place("GU9", "Farnham"),
    Place("GU15", "Camberley"),
    Place("GU21", "Woking"),
    Place("GU22", "Woking"),
    Place("KT12", "Walton-on-Thames"),
    Place("KT13", "Weybridge"),
    Place("KT17", "Epsom"),
    Place("KT22", "Leatherhead"),
    Place("RH1", "Redhill"),
    Place("RH2", "Reigate"),
    Place("RH4", "Dorking"),
    Place("RH6", "Horley"),
    Place("RH8", "Oxted"),
    Place("TW18", "Staines-upon-Thames"),
    Place("TW20", "Egham"),
    Place("CR3", "Caterham"),
    Place("SM7", "Banstead"),
)

HILLSIDE_PLACES: tuple[Place, ...] = (
    Place("CF37", "Pontypridd"),
    Place("CF44", "Aberdâr"),
    Place("CF40", "Tonypandy"),
    Place("CF47", "Merthyr Tudful"),
    Place("NP22", "Tredegar"),
)

RIVERSIDE_STREETS = _n(
    "Church Road, High Street, Station Road, The Avenue, Mill Lane, Victoria Road, Queens Road, "
    "Park Road, London Road, Meadow Close, Orchard Way, Chestnut Avenue, Beech Grove, "
    "Kings Road, Woodland Drive, Rosemary Lane, Farm Close, Heathside Road, Brook Lane, "
    "Elm Road, Sycamore Court, Downs View, Manor Way, Riverside Walk"
)

HILLSIDE_STREETS = _n(
    "Heol y Parc, Stryd Fawr, Heol Las, Maes y Coed, Ffordd yr Eglwys, Bryn Road, "
    "Tŷ Isaf Terrace, Heol y Graig, Cwrt y Felin"
)

# Letters that may end a UK postcode (never C, I, K, M, O or V).
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

# Shorter names some people prefer to be called.
KNOWN_AS: dict[str, str] = {
    "Margaret": "Maggie",
    "Elizabeth": "Liz",
    "Patricia": "Pat",
    "Christine": "Chris",
    "Deborah": "Debbie",
    "Jacqueline": "Jackie",
    "Valerie": "Val",
    "William": "Bill",
    "Robert": "Bob",
    "Christopher": "Chris",
    "Matthew": "Matt",
    "Katarzyna": "Kasia",
    "Małgorzata": "Gosia",
    "Chukwuemeka": "Emeka",
    "Oluwaseun": "Seun",
    "Funmilayo": "Funmi",
    "Alasdair": "Ali",
}

CONDITION_PHRASES: dict[str, str] = {
    Condition.LEARNING_DISABILITY: "has a learning disability",
    Condition.AUTISM: "is autistic",
    Condition.MENTAL_HEALTH: "has a mental health condition",
    Condition.SUBSTANCE_USE: "has problems with alcohol",
    Condition.DEMENTIA: "has dementia",
    Condition.PHYSICAL_HEALTH: "has a physical disability",
    Condition.FRAILTY: "is frail",
    Condition.LONG_TERM_ILLNESS: "has a long-term illness",
}

CARE_NOTES: dict[str, tuple[str, ...]] = {
    Condition.DEMENTIA: (
        "Goes to the Memory Café on Wednesday mornings.",
        "Cannot be left alone for more than an hour.",
        "Gets anxious with new people; needs time to get used to a sitter.",
    ),
    Condition.LEARNING_DISABILITY: (
        "Goes to a day centre on Tuesdays and Thursdays.",
        "Lives in supported living nearby; I manage appointments.",
    ),
    Condition.AUTISM: (
        "Finds changes to routine very hard; school holidays are the busiest time.",
        "Needs the same sitter each time.",
    ),
    Condition.MENTAL_HEALTH: (
        "Has good and bad weeks; I sometimes cancel at short notice.",
        "Supported by the community mental health team.",
    ),
    Condition.PHYSICAL_HEALTH: (
        "Uses a wheelchair outside the home.",
        "Needs help to get up and dressed each morning.",
    ),
    Condition.FRAILTY: (
        "Has had several falls this year.",
        "Home carers visit twice a day.",
    ),
    Condition.LONG_TERM_ILLNESS: (
        "Has hospital appointments most weeks.",
        "Dialysis three times a week.",
    ),
    Condition.SUBSTANCE_USE: ("Things are harder at weekends.",),
}

REPLACEMENT_CARE: tuple[str, ...] = (
    "Needs a sitter for my {who} if a meeting is longer than two hours.",
    "My {who} cannot be left alone, so I need a replacement carer for the whole session.",
    "I can come while my {who} is at the day centre (Tuesdays and Thursdays).",
    "Needs someone my {who} already knows: ideally the same sitter each time.",
    "A sitting service for my {who} from 10am to 2pm would let me take part.",
)


# --- The carers' breaks scheme ---------------------------------------------------------------


@dataclass(frozen=True)
class GPPractice:
    name: str
    code: str  # like an NHS ODS code
    outwards: tuple[str, ...]  # where its patients live: postcode areas of RIVERSIDE_PLACES
    referrals_per_weekday: float  # once it has settled in; some practices refer far more
    invited_day: int  # days after the scheme starts (negative: before it)
    signed_up_day: int | None  # None: invited, not signed up yet
    referrers: tuple[tuple[str, str], ...] = ()  # (full name, job title) of its other referrers


# Days count from the scheme's start; 365 is about today.
GP_PRACTICES: tuple[GPPractice, ...] = (
    GPPractice(
        "Merrow Park Surgery", "H81001", ("GU1", "GU4"), 1.3, -42, -14,
        (("Helen Marsh", "Practice nurse"),),
    ),
    GPPractice(
        "Guildford Health Centre", "H81004", ("GU1", "GU2"), 1.05, -42, -10,
        (("Dr Tom Whitfield", "GP"),),
    ),
    GPPractice(
        "Godalming Wharf Surgery", "H81012", ("GU7",), 0.8, -42, -3,
        (("Dr Anjali Mehta", "GP"), ("Kerry Dawson", "Social prescribing link worker")),
    ),
    GPPractice(
        "Goldsworth Lakeside Surgery", "H81017", ("GU21", "GU22"), 0.7, -42, 20,
        (("Dr Chidi Eze", "GP"), ("Sophie Lambert", "Care coordinator")),
    ),
    GPPractice(
        "Camberley Heath Medical Centre", "H81023", ("GU15",), 0.5, -42, 45,
        (("Dr Rachel Foster", "GP"),),
    ),
    GPPractice(
        "Castle Street Practice, Farnham", "H81031", ("GU9",), 0.4, -42, 90,
        (("Mark Ellison", "Social prescribing link worker"),),
    ),
    GPPractice(
        "Epsom Downs Medical Centre", "H81036", ("KT17", "SM7"), 0.3, 60, 140,
        (("Dr Fiona Grant", "GP"),),
    ),
    GPPractice(
        "Reigate Hill Surgery", "H81042", ("RH2", "RH1"), 0.2, 120, 200,
        (("Dr Daniel Osei", "GP"),),
    ),
    GPPractice(
        "Meadowbank Surgery, Dorking", "H81048", ("RH4",), 0.15, 200, 290,
        (("Lucy Harding", "Practice nurse"),),
    ),
    GPPractice("Bridge Street Practice, Leatherhead", "H81053", ("KT22",), 0, 150, None),
    GPPractice("Heath Road Surgery, Weybridge", "H81059", ("KT13", "KT12"), 0, -42, None),
    GPPractice("Station Road Surgery, Horley", "H81064", ("RH6",), 0, 352, None),
)  # fmt: skip

# What referrers write about the break: (for adults, for young carers), by kind of break.
BREAK_DESCRIPTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "short_break": (
        (
            "Two nights by the sea in Bournemouth.",
            "A weekend in a cottage in the Cotswolds, with a sitter at home.",
            "A few days with family in Wales, not seen for three years.",
            "A coach trip to the Lake District.",
            "Three nights in a B&B in Whitby with a friend.",
            "A caravan break in Cornwall.",
        ),
        ("A residential weekend with the young carers' group.",),
    ),
    "day_out": (
        (
            "A day at Wisley gardens.",
            "Tickets to a West End show and the train fare.",
            "A spa day.",
            "A day trip to Brighton.",
            "Tickets to see their football team play at home.",
        ),
        ("A day at Thorpe Park with friends.", "Tickets to a concert in London."),
    ),
    "activity": (
        (
            "A ten-week pottery course at the community centre.",
            "Three months' swimming and gym membership.",
            "A term of Spanish evening classes.",
            "Singing lessons and a choir subscription.",
            "An art class on Thursday mornings.",
            "Golf lessons.",
        ),
        ("Driving lessons.", "Guitar lessons.", "A term at a climbing wall."),
    ),
    "rest_at_home": (
        (
            "A sitter two afternoons a week for a month, to rest and see friends.",
            "Replacement care for a weekend, to catch up on sleep.",
            "A night sitter for four nights.",
        ),
        ("A sitter on Saturdays for a month, to see friends.",),
    ),
    "other": (
        (
            "A bike, to get out on their own.",
            "A garden room: a quiet space of their own.",
            "A tablet for audiobooks, music and keeping in touch.",
        ),
        ("A laptop for college work.",),
    ),
}

# Why a referral was declined, said kindly: the carer and the referrer both read it. By the
# eligibility question that was not met.
DECLINE_REASONS: dict[str, str] = {
    "necessary_care": (
        "Thank you for talking to your GP about your caring. This scheme can only pay for a "
        "break for someone who gives necessary care to an adult, and from the referral that is "
        "not the case at the moment. We will ring you about the other support we offer, and "
        "your GP can refer you again if things change."
    ),
    "effect_of_caring": (
        "Thank you for talking to your GP about your caring. This scheme is for carers whose "
        "caring puts their health at risk or stops them doing everyday things, and from the "
        "referral that is not the case yet. We will ring you about our groups and advice, and "
        "your GP can refer you again if things change."
    ),
    "significant_impact": (
        "Thank you for talking to your GP about your caring. This scheme is for carers whose "
        "wellbeing is, or is likely to be, badly affected by caring, and from the referral "
        "that is not the case at the moment. We will ring you about the other support we "
        "offer, and your GP can refer you again if things change."
    ),
}
REPEAT_DECLINE_REASON = (
    "Already had a break this year. The scheme pays for one break in 12 months, so your GP "
    "can refer you again from {date}. We will ring you about other support in the meantime."
)
