"""Word lists the entity recognizer and the comparison rely on: places, titles, roles, aliases.

Kept small and plain on purpose: the classic recognizer needs cues, not an encyclopedia. Each list
says what it is for.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a list written as one string."""
    return frozenset(text.split())


# Countries, continents and regions, and cities that news names without a cue ("in", "city of").
PLACES = word_set("""
    Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
    Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria
    Burkina Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus
    Czechia Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon
    Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India
    Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait
    Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi
    Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro
    Morocco Mozambique Myanmar Burma Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan
    Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal
    Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria Taiwan
    Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan
    Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe Britain England Scotland Wales America Europe Asia Africa
    Antarctica Oceania Crimea Gaza Kashmir Tibet Macau Greenland
    Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois
    Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri
    Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Wisconsin
    Wyoming
    Washington London Paris Berlin Moscow Beijing Tokyo Seoul Pyongyang Hanoi Bangkok Jakarta Manila Delhi
    Mumbai Karachi Kabul Tehran Baghdad Damascus Beirut Jerusalem Cairo Riyadh Dubai Doha Ankara Istanbul Athens
    Rome Madrid Lisbon Brussels Amsterdam Vienna Warsaw Prague Budapest Kyiv Kiev Minsk Stockholm Oslo Copenhagen
    Helsinki Dublin Edinburgh Ottawa Toronto Montreal Vancouver Chicago Boston Houston Dallas Atlanta Miami Seattle
    Denver Phoenix Detroit Philadelphia Baltimore Sydney Melbourne Canberra Auckland Nairobi Lagos Johannesburg
    Brasilia Caracas Havana Lima Bogota Santiago Shanghai Taipei Osaka Singapore Geneva Zurich Munich Frankfurt
    Milan Naples Barcelona Marseille Lyon Brooklyn Manhattan Hollywood Pentagon
    """) | frozenset(
    [
        "North Korea",
        "South Korea",
        "Korean Peninsula",
        "United States",
        "United Kingdom",
        "New Zealand",
        "South Africa",
        "Saudi Arabia",
        "Sri Lanka",
        "Costa Rica",
        "El Salvador",
        "Ivory Coast",
        "Sierra Leone",
        "East Timor",
        "New York",
        "Los Angeles",
        "San Francisco",
        "New Jersey",
        "New Mexico",
        "New Hampshire",
        "North Carolina",
        "South Carolina",
        "North Dakota",
        "South Dakota",
        "West Virginia",
        "Rhode Island",
        "Middle East",
        "Latin America",
        "Hong Kong",
        "Kuala Lumpur",
        "Abu Dhabi",
        "Tel Aviv",
        "Mexico City",
        "Ho Chi Minh City",
        "Buenos Aires",
        "Rio de Janeiro",
        "Sao Paulo",
        "New Delhi",
        "Washington D.C.",
    ]
)
# A run that ends in one of these words names a place.
PLACE_HEADS = word_set(
    "City Island Islands Province County Sea River Ocean Mountains Peninsula Valley Street Avenue Square "
    "Airport Bay Lake Coast Region District Hotel Park Bridge Strait Gulf Desert Village Town Republic Kingdom "
    "Station Fault Creek Base Tower Heights Beach Area Mountain Mountains Canyon Falls Harbor Harbour Port"
)
# Direction words that make a region of a place ("East Asia", "Northern Ireland").
DIRECTIONS = word_set("North South East West Central Northern Southern Eastern Western Upper Lower")
# A run that ends in one of these words names an organization.
ORGANIZATION_HEADS = word_set(
    "House Department Ministry Agency Council Committee Party Congress Senate Parliament Inc Corp Co Company "
    "Group Bank University College School Association Union Organization Organisation Federation Commission "
    "News Times Post Journal Press TV Network Court Police Army Navy Institute Foundation Fund Office Bureau "
    "Service Services Corporation Reuters AFP Bloomberg Xinhua Assembly Administration Board Authority Tribunal "
    "Forces Guard Cabinet Club League Alliance Coalition Movement Front Airlines Times Herald Telegraph Tribune "
    "Survey Partners Engineers Consulting Institute Center Centre Studies Academy Society Church Hospital"
)
# Words of photo credits and page furniture that scraped text leaves in a capitalised run.
PAGE_WORDS = word_set("Image Images Photo Photos Caption Close Enlarge Embed Watch Replay Video Videos Advertisement")
# Runs ending in these words name events or periods, which the comparison leaves to the timeline.
EVENT_HEADS = word_set("War Games Olympics Cup Championship Festival Day Year Eve Revolution Summit Conference Awards")
# Words before a name that make it a person and are not part of the name.
HONORIFICS = word_set("Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Sir Dame Lord Lady Prof Prof.")
# Titles that come before a person's name (a run is split there: "US President Donald Trump").
TITLES = word_set(
    "President Vice Chairman Chairwoman Chair Secretary Minister Prime Senator Sen. Rep. Representative Gov. "
    "Governor General Gen. Admiral Adm. Colonel Col. Lieutenant Lt. Sergeant Sgt. Captain Capt. Judge Justice "
    "Pope King Queen Prince Princess Chancellor Mayor Ambassador Speaker Commissioner Director Chief Leader "
    "Premier Sheikh Emir Rev. Reverend Bishop Cardinal Deputy Attorney Officer Detective Inspector Coach "
    "Democrat Republican Socialist Whip Spokesman Spokeswoman Assessor Rep Sen Gov Superintendent Sheriff"
)
# Lower-case nouns and modifiers that describe a person's office or role ("top North Korean general").
ROLE_WORDS = word_set("""
    leader president chairman chairwoman chair secretary minister senator representative governor general
    admiral colonel judge justice king queen prince princess chancellor mayor ambassador speaker commissioner
    director chief premier spokesman spokeswoman spokesperson envoy negotiator aide adviser advisor official
    officer diplomat dignitary commander lawyer attorney founder executive ceo head dictator ruler strongman
    ally rival candidate nominee lawmaker legislator congressman congresswoman analyst expert economist
    correspondent reporter editor anchor host player coach manager owner investor banker activist spy
    top senior former deputy vice acting prime foreign defense defence state interior finance trade nuclear
    special chief security intelligence military
    """)
# Role words that are only modifiers: a description needs a head noun besides them.
ROLE_MODIFIERS = word_set(
    "top senior former deputy vice acting prime foreign defense defence state interior finance trade nuclear special "
    "security intelligence military"
)
# Words that start a sentence with a capital but never a name.
SENTENCE_STARTERS = word_set(
    "The A An But And Or So Yet For However Still Neither Nor If When While After Before Since Although Though "
    "Meanwhile Instead Also Then There Here This That These Those It Its He She They We You I His Her Their Our "
    "Some Many Most Several Both Each Every All No Not One Two Three Four Five In On At By From With Without "
    "As Of To Under Over During Despite Unlike Like According Asked Earlier Later Last Next Such What Who Why How "
    "Where Which Whether"
)
MONTH_AND_DAY_NAMES = word_set(
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun "
    "Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)
# Names that stand for another, normalised (lower case, no dots): countries and bodies first.
ALIASES = {
    "us": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "n korea": "north korea",
    "dprk": "north korea",
    "rok": "south korea",
    "un": "united nations",
    "eu": "european union",
    "prc": "china",
    "uae": "united arab emirates",
}
# Short forms of given names (a person is "Mike" in one report and "Michael" in another).
NICKNAMES = {
    "mike": "michael",
    "mick": "michael",
    "bill": "william",
    "will": "william",
    "billy": "william",
    "bob": "robert",
    "bobby": "robert",
    "rob": "robert",
    "jim": "james",
    "jimmy": "james",
    "joe": "joseph",
    "tom": "thomas",
    "tommy": "thomas",
    "dick": "richard",
    "rick": "richard",
    "ted": "edward",
    "ed": "edward",
    "chris": "christopher",
    "dan": "daniel",
    "danny": "daniel",
    "dave": "david",
    "steve": "steven",
    "tony": "anthony",
    "nick": "nicholas",
    "matt": "matthew",
    "pat": "patrick",
    "ben": "benjamin",
    "alex": "alexander",
    "sam": "samuel",
    "andy": "andrew",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "kate": "katherine",
    "jen": "jennifer",
    "sue": "susan",
    "don": "donald",
    "ron": "ronald",
    "greg": "gregory",
    "jeff": "jeffrey",
    "ken": "kenneth",
    "larry": "lawrence",
    "jerry": "gerald",
    "tim": "timothy",
    "charlie": "charles",
    "chuck": "charles",
    "hank": "henry",
    "jack": "john",
    "johnny": "john",
    "peggy": "margaret",
    "maggie": "margaret",
    "vlad": "vladimir",
}
# Small words inside names ("Secretary of State", "Rio de Janeiro", "Osama bin Laden").
NAME_CONNECTORS = word_set("of de del da di van von der al bin la le du y")
