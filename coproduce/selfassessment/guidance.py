"""The guidance statements the self-assessment ships with: one for each area (culture,
structure, practice, review) and principle (equality, diversity, access, reciprocity), in
plain words, in English and Welsh. Each organisation starts from a copy; platform operators
keep the platform's own set (organisation None), seeded by migration 0002 and restored from
here if it is ever empty."""

GUIDANCE = [
    (
        "culture",
        "equality",
        "Carers are treated as equal partners: what they know counts as much as what "
        "professionals know.",
        "Mae gofalwyr yn cael eu trin fel partneriaid cyfartal: mae'r hyn maen nhw'n ei "
        "wybod yn cyfrif cymaint â'r hyn mae gweithwyr proffesiynol yn ei wybod.",
    ),
    (
        "culture",
        "diversity",
        "We welcome carers of every background, age and caring situation, and want to hear "
        "views that differ from ours.",
        "Rydym yn croesawu gofalwyr o bob cefndir, oed a sefyllfa ofalu, ac rydym eisiau "
        "clywed barn sy'n wahanol i'n barn ni.",
    ),
    (
        "culture",
        "access",
        "Staff expect to change how and when we meet so that carers can take part.",
        "Mae staff yn disgwyl newid sut a phryd rydym yn cyfarfod er mwyn i ofalwyr allu "
        "cymryd rhan.",
    ),
    (
        "culture",
        "reciprocity",
        "We value carers' time and thank them in ways that matter to them.",
        "Rydym yn gwerthfawrogi amser gofalwyr ac yn diolch iddyn nhw mewn ffyrdd sy'n bwysig "
        "iddyn nhw.",
    ),
    (
        "structure",
        "equality",
        "Carers share in decisions and have a real say in what is agreed.",
        "Mae gofalwyr yn rhannu penderfyniadau ac mae ganddyn nhw lais go iawn yn yr hyn a "
        "gytunir.",
    ),
    (
        "structure",
        "diversity",
        "We compare who takes part with the carers in our area and reach out to the people "
        "we are missing.",
        "Rydym yn cymharu pwy sy'n cymryd rhan â'r gofalwyr yn ein hardal ac yn estyn allan "
        "at y bobl sydd ar goll.",
    ),
    (
        "structure",
        "access",
        "There is money and a plan for replacement care, travel and access needs.",
        "Mae arian a chynllun ar gyfer gofal amgen, teithio ac anghenion mynediad.",
    ),
    (
        "structure",
        "reciprocity",
        "We have a clear policy for paying carers for their time and costs.",
        "Mae gennym bolisi clir ar gyfer talu gofalwyr am eu hamser a'u costau.",
    ),
    (
        "practice",
        "equality",
        "Carers are involved from the start of a piece of work, not only at the end.",
        "Mae gofalwyr yn cymryd rhan o ddechrau darn o waith, nid dim ond ar y diwedd.",
    ),
    (
        "practice",
        "diversity",
        "We offer different ways to take part: in person, by phone, online, on paper or by "
        "a visit.",
        "Rydym yn cynnig gwahanol ffyrdd o gymryd rhan: wyneb yn wyneb, dros y ffôn, ar-lein, "
        "ar bapur neu drwy ymweliad.",
    ),
    (
        "practice",
        "access",
        "We give carers enough notice, and information they can understand, before each activity.",
        "Rydym yn rhoi digon o rybudd i ofalwyr, a gwybodaeth maen nhw'n gallu ei deall, cyn "
        "pob gweithgaredd.",
    ),
    (
        "practice",
        "reciprocity",
        "Carers are paid on time, in the way they choose, and told if a payment could affect "
        "their benefits.",
        "Mae gofalwyr yn cael eu talu ar amser, yn y ffordd maen nhw'n ei dewis, ac yn cael "
        "gwybod os gallai taliad effeithio ar eu budd-daliadau.",
    ),
    (
        "review",
        "equality",
        "Carers help decide how we judge whether our work has worked.",
        "Mae gofalwyr yn helpu i benderfynu sut rydym yn barnu a yw ein gwaith wedi llwyddo.",
    ),
    (
        "review",
        "diversity",
        "We look at whose views shaped our work, minority views included, and act on what we find.",
        "Rydym yn edrych ar farn pwy a luniodd ein gwaith, gan gynnwys barn y lleiafrif, ac "
        "yn gweithredu ar yr hyn a ganfyddwn.",
    ),
    (
        "review",
        "access",
        "We share what we learned in ways every carer can use, including easy read and Welsh.",
        "Rydym yn rhannu'r hyn a ddysgon ni mewn ffyrdd y gall pob gofalwr eu defnyddio, gan "
        "gynnwys hawdd ei ddeall a Chymraeg.",
    ),
    (
        "review",
        "reciprocity",
        "We tell carers what happened because of what they said.",
        "Rydym yn dweud wrth ofalwyr beth ddigwyddodd oherwydd yr hyn a ddywedon nhw.",
    ),
]
