"""English corpus: everyday civic life in Kyrgyzstan and Central Asia, written by hand."""

# One sentence per line, unbroken, so that the corpus reads and edits like prose.
# ruff: noqa: E501

from chaikhana.blogs.demo.corpus import Corpus, Table

SENTENCES = (
    "For the third day running there has been no water in the flats on Lenin Street in Osh.",
    "People queue at the standpipe with buckets before work and again after dark.",
    "The water company promised supply by the evening, but the taps only coughed air.",
    "The neighbours pooled their money for a pump because nobody wants to wait for the repair.",
    "City hall says the old pipes will be replaced under a programme that runs until 2027.",
    "Minibus 110 no longer turns into the housing estate, so people walk the last kilometre.",
    "From Monday the bus routes along Chui Avenue in Bishkek follow a new scheme.",
    "The new gas buses are quieter, but the wait at the stop is still twenty minutes.",
    "The driver told me he does nine loops a day and barely has time to eat.",
    "The fare went up to twenty som, while wages have not moved in a year.",
    "The arrival boards at the stops are a welcome novelty, when they are right.",
    "A bus lane is being painted on the first stretch of the southern bypass.",
    "School number 61 got new windows over the summer, but the walls were still bare in September.",
    "Parents collected money for new desks, although the budget is supposed to pay for them.",
    "The head teacher says the roof has leaked for five winters in a row.",
    "In the village school in At-Bashy children study in two shifts because there are too few rooms.",
    "There are not enough teachers, especially for physics and English.",
    "The morning bazaar in Osh smells of fresh flatbread, herbs and frying onions.",
    "Potato prices nearly doubled in spring and fell again by July.",
    "The dried fruit seller has kept the same stall for twenty years and knows her customers by name.",
    "Traders complain that the rent for a container eats half of what they earn.",
    "Everyone agrees that the best kurut comes from Talas, and everyone argues about it anyway.",
    "In winter the village can only be reached in a car with high clearance.",
    "The pass was closed because of avalanche risk and lorries have been waiting for two days.",
    "Shepherds take their flocks up to the jailoo at the end of May and come back in September.",
    "Many young men work in Russia, and the village is left to grandparents and children.",
    "A mudflow washed the footbridge away in spring, so the villagers built a new one themselves.",
    "The internet reached the village only last year, and homework now travels by video call.",
    "Turnout in the local council election was just over thirty percent.",
    "Observers noticed buses unloading voters from a neighbouring district outside one polling station.",
    "Candidates promise to repair the roads, but nobody mentioned the irrigation ditches.",
    "The district budget is online, but reading it takes patience and a calculator.",
    "A felt maker in Kochkor makes shyrdaks the way her grandmother did, only the dyes have changed.",
    "One large shyrdak takes almost a month of work and the wool of twenty sheep.",
    "Tourists buy felt slippers, while local families buy carpets for a bride's dowry.",
    "The komuz maker teaches teenagers for free as long as they turn up every day.",
    "The old patterns on the carpets speak of clans, rivers and mountains, if you can read them.",
    "Last night it was minus twenty in Bishkek, and the smog did not lift until noon.",
    "The apricots blossomed in Osh, and a week later a frost killed half of them.",
    "In the Chui valley the summer heat reaches forty degrees and irrigation water is precious.",
    "Lake Issyk-Kul is still warm in September, and the tourists have mostly gone home.",
    "At the journalism workshop in Bishkek young bloggers practised checking facts.",
    "The trainer showed how to trace a photograph to its source in five minutes.",
    "We argued about whether to publish a person's name without their consent.",
    "The rule we took home was simple: facts first, opinions later.",
    "One participant travelled from Batken, a journey of almost a whole day.",
    "After the workshop a few of us decided to run a shared blog about our district.",
    "We called the district office three times before anyone answered.",
    "We have sent a formal request and will publish the reply as soon as it arrives.",
    "There are no villains in this story, only old pipes and a small budget.",
    "My grandfather used to say that you hear the news in the chaikhana before the radio has it.",
    "The teahouse on the corner still pours tea into bowls and argues about the price of petrol.",
    "After the post went up, someone from the district office finally came to look at the pothole.",
    "Readers sent dozens more photos of broken roads, and we put them all on one map.",
    "Thank you to everyone who commented and shared their own experience.",
    "We will keep following this story and update the post.",
    "Correction: an earlier version of this post gave the wrong date for the meeting.",
    "Volunteers clean the bank of the Alamedin river every Saturday morning.",
    "The clinic queue starts at six in the morning, although doctors see patients from eight.",
    "The only pharmacy in the village gets deliveries from the district centre once a week.",
    "An ambulance from the district centre needs more than an hour to reach the far villages.",
    "The library stays open until five, so pupils can only drop in after lessons.",
    "Young people in Naryn opened a coffee shop and brew with mountain spring water.",
    "Guesthouses in Karakol were fully booked for July and August by the spring.",
    "Farmers in Talas switched to drip irrigation and save almost half of their water.",
    "Power cuts follow a schedule in winter, and the schedule is posted on a messaging channel.",
    "Gas reached our village three years ago, but only a few houses are connected so far.",
    "A house here is built over years: the foundation first, then the walls, then the roof.",
    "Neighbours still help each other through ashar, building one house today and another tomorrow.",
    "At Nooruz the sumolok cooked all night in a huge cauldron in the park.",
    "Mobile data outside the capital is slow and expensive, so we keep this site light.",
    "Some of our writers use pen names, and we respect their choice.",
    "If you want to write about your village, get in touch and we will help with the first piece.",
)

HEADINGS = (
    "What happened",
    "What residents say",
    "What city hall says",
    "The numbers",
    "What next",
    "A little history",
    "Why it matters",
    "What you can do",
    "Fact check",
)

LIST_ITEMS = (
    "book a meeting with your council member",
    "photograph the problem and note the address",
    "send a formal request to city hall",
    "call the water company's hotline",
    "collect your neighbours' signatures",
    "check every claim against two independent sources",
    "keep a copy of every document",
    "store enough water for two days",
    "never publish private details without consent",
    "ask the other side for comment",
)

QUOTES = (
    ("We are not against the repairs. We are against nobody telling us.", "a resident"),
    ("There will be water, just not today. The pipes are old.", "a water company fitter"),
    ("A shyrdak is a letter a grandmother leaves to her granddaughter.", "a felt maker in Kochkor"),
    ("Facts first, then opinions. Otherwise it is not journalism.", "the workshop trainer"),
    ("We just want to know when the bus is coming.", "a passenger at the stop"),
)

LINK_SENTENCES = (
    ("The full text of the decision is {link}.", "on the council's website"),
    ("You can see the new route map {link}.", "here"),
    ("We have collected every official answer {link}.", "in one document"),
    ("The workshop programme is {link}.", "on the organisers' page"),
)

TABLES = (
    Table(
        intro="Bazaar prices compared with last month (som per kilogram):",
        header=("Item", "Now", "A month ago"),
        rows=("Potatoes", "Onions", "Carrots", "Tomatoes", "Rice", "Flour", "Beef"),
        low=15,
        high=650,
    ),
    Table(
        intro="How often the buses we checked actually came (minutes between them):",
        header=("Route", "Morning", "Midday", "Evening"),
        rows=("Bus 7", "Bus 38", "Minibus 110", "Minibus 242", "Trolleybus 10"),
        low=4,
        high=35,
    ),
)

TITLE_HEADS = (
    "Water by the timetable",
    "The new bus routes",
    "A school repair that never ended",
    "Prices at the bazaar",
    "The road to the village",
    "Council elections",
    "Making a shyrdak",
    "Weather and harvest",
    "A workshop for bloggers",
    "The pothole in our yard",
    "Queueing at the clinic",
    "Power cuts on a schedule",
    "The pass is closed",
    "The teahouse on the corner",
    "Gas comes to the village",
    "Summer on Issyk-Kul",
    "Nooruz in the square",
)

TITLE_PLACES = (
    "Osh",
    "Bishkek",
    "Karakol",
    "Naryn",
    "Talas",
    "Jalal-Abad",
    "Batken",
    "Kochkor",
    "At-Bashy",
    "Tokmok",
)

TITLE_TAILS = (
    "what residents say",
    "questions without answers",
    "a year later",
    "notes from the notebook",
    "checking the promises",
    "what happens next",
)

PHOTO_BLOG_TITLE = "Camera: {place} in Pictures"

BLOG_TITLES = (
    "Letters from {place}",
    "{place} Diary",
    "Notes from {place}",
    "{place}, Up Close",
)

TAGLINES = (
    "About the town I live in",
    "Water, roads, schools and people",
    "Citizen journalism, slowly",
    "Facts first, opinions later",
    "The news people discuss in the teahouse",
)

CATEGORIES = (
    ("City", ("Transport", "Water and power")),
    ("Society", ("Education", "Health")),
    ("Politics", ("Elections",)),
    ("Culture", ("Crafts", "Holidays")),
    ("Villages", ()),
    ("Nature and weather", ()),
    ("Journalism", ()),
)

TAGS = (
    "Osh", "Bishkek", "Naryn", "Issyk-Kul", "water", "minibuses", "schools", "bazaar",
    "prices", "elections", "council", "crafts", "weather", "winter", "roads", "power",
    "gas", "waste", "youth", "migration", "tourism", "farming", "fact-checking", "Nooruz",
)  # fmt: skip

PEN_NAMES = (
    "Oshskaya Khronika",
    "The Night Marshrutka",
    "Silk Road Stringer",
    "A Teacher's Daughter",
    "Bishkek Pedestrian",
    "Apricot Season",
    "Mountain Correspondent",
    "The Quiet Observer",
)

GIVEN_NAMES = ("Aida", "Daniyar", "Sarah", "Tom", "Kanykei", "Marat", "Emma", "Nurbek")

FAMILY_NAMES = ("Baker", "Osmonova", "Hughes", "Kim", "Sadykov", "Miller")

PHOTO_CAPTIONS = (
    "Morning over the valley",
    "Mountains before the rain",
    "Sunset over the pass",
    "The road to the jailoo",
    "Mist over the river",
    "First snow on the peaks",
    "Evening by the lake",
)

ABOUT_TITLE = "About"
ABOUT_TEXT = (
    "This blog is written by people who live here and see it with their own eyes.\n\n"
    "We write about water and roads, schools and bazaars, holidays and elections. "
    "We check our facts and correct our mistakes in the open.\n\n"
    "You can reach us through the comments under any post."
)

CORPUS = Corpus(
    language="en",
    sentences=SENTENCES,
    headings=HEADINGS,
    list_items=LIST_ITEMS,
    quotes=QUOTES,
    link_sentences=LINK_SENTENCES,
    tables=TABLES,
    title_heads=TITLE_HEADS,
    title_places=TITLE_PLACES,
    title_tails=TITLE_TAILS,
    blog_titles=BLOG_TITLES,
    photo_blog_title=PHOTO_BLOG_TITLE,
    taglines=TAGLINES,
    categories=CATEGORIES,
    tags=TAGS,
    pen_names=PEN_NAMES,
    given_names=GIVEN_NAMES,
    family_names=FAMILY_NAMES,
    photo_captions=PHOTO_CAPTIONS,
    about_title=ABOUT_TITLE,
    about_text=ABOUT_TEXT,
)
