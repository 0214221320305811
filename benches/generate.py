"""A synthetic corpus in the style of the reports incidentkit reads.

    python benches/generate.py --size 100MB --out corpus.jsonl [--seed 7]
    python benches/generate.py --size 5MB --out corpus/ --format txt

From Python (with ``benches/`` on ``sys.path``)::

    import generate
    for doc in generate.documents(size=10_000_000, seed=7):
        ...  # {"doc_id", "published", "text"}

Documents mix seven kinds, as real reporting does: wire-style news reports of
an attack (lead, how it happened, victims, response, witnesses, officials
quoted, claim, reactions, context, earlier attacks), short items, military press
statements of operations, round-ups of several incidents across a
province, monthly or yearly statistics from a research group,
counter-terrorism arrests, and commentary. Their incidents happen in the
gazetteer's districts and localities, most in Khyber Pakhtunkhwa and
Balochistan, with the groups active there.

The sentences carry what real report sentences carry (benches/reference.py
measures it): events and references back to them, casualty figures,
numbers, dates, places, groups, named officials, parties and institutions;
and between them sentences of context (politics, security measures, the
people and trades touched, the economy, courts, the region, history) that
carry few of those. Every template has several wordings (``[a|b]`` picks
one, ``{slot}`` is filled in; see :meth:`_Writer.fill`); common words are
varied (``SYNONYMS``); some sentences run long (``TAILS``) or are attributed
(``CREDITS``); commentary is built from clauses (``OPENINGS``, ``SUBJECTS``,
``PREDICATES``, ``ENDINGS``). So the corpus has the profile of the
evaluation set's reports (tests/test_generate.py holds it there), and costs
the parser what they cost. The same seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import incidentkit as ik

NUMBER_WORDS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
]  # fmt: skip
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
# English names (the "C" locale the interpreter starts in).
MONTHS = list(calendar.month_name)[1:]
MONTH_ABBREVIATIONS = [
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
]  # fmt: skip
WEEKDAYS = list(calendar.day_name)
# (name, short name): the groups of the lexicon's terms.json, as reports spell them.
GROUPS = [
    ("Tehreek-e-Taliban Pakistan", "TTP"),
    ("Tehrik-i-Taliban Pakistan", "TTP"),
    ("Fitna al-Khawarij", "FAK"),
    ("Balochistan Liberation Army", "BLA"),
    ("Balochistan Liberation Front", "BLF"),
    ("Hafiz Gul Bahadur group", "HGB"),
    ("Islamic State Khorasan Province", "ISKP"),
    ("Lashkar-e-Islam", "LeI"),
    ("Jamaat-ul-Ahrar", "JuA"),
    ("Ittehadul Mujahideen Pakistan", "IMP"),
    ("Lashkar-e-Jhangvi", "LeJ"),
    ("Sindhudesh Revolutionary Army", "SRA"),
]
# The groups active in each province (the rest draw from all of GROUPS).
PROVINCE_GROUPS = {
    "Balochistan": [
        ("Balochistan Liberation Army", "BLA"), ("Balochistan Liberation Front", "BLF"),
        ("Fitna al-Hindustan", "BLA"), ("Baloch Raji Aajoi Sangar", "BRAS"),
        ("Islamic State Khorasan Province", "ISKP"), ("Tehreek-e-Taliban Pakistan", "TTP"),
    ],
    "Khyber Pakhtunkhwa": [
        ("Tehreek-e-Taliban Pakistan", "TTP"), ("Tehrik-i-Taliban Pakistan", "TTP"),
        ("Fitna al-Khawarij", "FAK"), ("Hafiz Gul Bahadur group", "HGB"),
        ("Jamaat-ul-Ahrar", "JuA"), ("Lashkar-e-Islam", "LeI"),
        ("Ittehadul Mujahideen Pakistan", "IMP"), ("Islamic State Khorasan Province", "ISKP"),
    ],
}  # fmt: skip
SECURITY = [
    "soldiers", "policemen", "FC personnel", "security personnel", "Levies men", "police officials",
    "cops", "troops", "Frontier Corps soldiers", "Rangers personnel", "CTD officials",
    "police constables",
]  # fmt: skip
SECURITY_ONE = [
    "a soldier", "a policeman", "a police constable", "an FC sepoy", "a Levies official",
    "a head constable", "an assistant sub-inspector", "a traffic warden", "a Rangers official",
    "a naik of the Frontier Corps",
]  # fmt: skip
CIVILIANS = [
    "civilians", "passers-by", "labourers", "villagers", "children", "passengers", "shopkeepers",
    "worshippers", "students", "coal miners", "polio workers", "tribal elders", "truck drivers",
    "farmers", "women",
]  # fmt: skip
CIVILIAN_ONE = [
    "a civilian", "a shopkeeper", "a passer-by", "a schoolboy", "a tribal elder", "a labourer",
    "a rickshaw driver", "a polio worker", "a local journalist", "a religious scholar",
]  # fmt: skip
MILITANTS = ["terrorists", "militants", "khwarij", "insurgents", "khawarij"]
ATTACKERS = [
    "militants", "terrorists", "unidentified gunmen", "armed men", "assailants", "unknown attackers",
    "heavily armed militants", "masked gunmen", "motorcycle-riding gunmen", "insurgents",
]  # fmt: skip
TARGETS = [
    "a police check post", "a security forces' post", "a Frontier Corps convoy",
    "a police mobile van", "a police station", "a polio vaccination team", "a passenger coach",
    "a Levies checkpoint", "a military camp", "the house of a tribal elder", "a girls' school",
    "a mobile phone tower", "a customs checkpoint", "a patrolling party of the police",
    "a vehicle carrying labourers", "an army picket", "the residence of a former MPA",
    "a CTD vehicle", "a bomb disposal squad", "a market",
]  # fmt: skip
ACTIONS = [
    "attacked {target}", "opened fire on {target}", "ambushed {target}", "stormed {target}",
    "targeted {target} with an improvised explosive device", "fired rockets at {target}",
    "lobbed hand grenades at {target}", "raided {target}",
    "attacked {target} with heavy and automatic weapons", "launched a pre-dawn assault on {target}",
]  # fmt: skip
BLASTS = [
    "a roadside bomb went off near {target}", "a suicide bomber blew himself up near {target}",
    "an improvised explosive device exploded close to {target}",
    "a remote-controlled bomb struck {target}", "an explosive-laden motorcycle blew up near {target}",
    "a landmine exploded under {target}", "a bomb planted on a motorcycle went off outside {target}",
]  # fmt: skip
EVENT = [
    "attack",
    "blast",
    "ambush",
    "assault",
    "explosion",
    "raid",
    "gunfight",
    "bombing",
]
# Casualty clauses: the heart of a report's lead.
TOLLS = [
    "{n:2-9} {sec} were martyred and {n:2-9} others [injured|wounded|were injured]",
    "at least {n:3-14} people, including {n:2-5} {sec}, were killed",
    "at least {d:6-30} people, including {n:2-5} {sec} and {n:2-9} {civ}, were killed and {d:10-40} injured",
    "{n:2-9} {sec} were martyred and {n:2-12} injured, {n:2-4} of them [critically|seriously]",
    "{sec1} was martyred and {n:2-6} {civ} were [wounded|injured]",
    "{n:2-8} {civ} lost their lives and {n:2-12} [others|more] were injured",
    "{n:2-7} {sec} embraced martyrdom",
    "{n:2-6} {sec} were killed and {n:2-4} [others|more] sustained injuries",
    "{civ1} was killed and {n:2-5} {sec} were injured",
    "{n:2-9} people, among them {n:2-4} {sec}, were [killed|martyred] and {n:3-15} injured",
    "{n:2-5} {sec} and {civ1} were martyred",
    "{civ1}, aged {d:9-70}, was killed and {n:2-6} others, [including|among them] {n:2-3} {sec}, were injured",
    "{n:2-9} {sec}, [including|among them] a {d:24-40}-year-old [captain|inspector|major], were martyred",
    "at least {n:2-8} {sec} were injured",
]  # fmt: skip

FIRST_NAMES = [
    "Muhammad", "Abdul", "Zahid", "Imran", "Tariq", "Shahid", "Naveed", "Asif", "Kamran", "Sajid",
    "Farhan", "Bilal", "Gul", "Noor", "Rahim", "Saeed", "Waqas", "Irfan", "Fazal", "Hidayat",
    "Sher", "Jamil", "Ikramullah", "Rehmat", "Amjad", "Habib", "Javed", "Mushtaq", "Sohail",
    "Kaleem", "Qaiser", "Yasir", "Ayaz", "Nasir", "Zafar", "Akbar", "Liaqat", "Wajid", "Sultan",
    "Dost", "Khalid", "Iftikhar", "Shaukat", "Mehboob", "Arif", "Riaz", "Anwar", "Fida",
    "Hamid", "Rashid", "Azam", "Aurangzeb", "Faisal", "Adnan", "Usman", "Hamza", "Aftab", "Sajjad",
    "Ghulam", "Hayat", "Inayat", "Wali", "Zubair", "Muneer", "Nadeem", "Pervez", "Jehangir",
    "Saifullah", "Hazrat", "Lal", "Umar", "Ehsan", "Bashir", "Mumtaz", "Younas", "Salim", "Taj",
    "Ismail", "Obaidullah", "Shafiq", "Raziq", "Wahid", "Karim", "Asad", "Daud", "Ijaz", "Sami",
    "Niaz", "Qadir", "Rafiq", "Shamsher", "Siraj", "Zarin", "Akhtar", "Baz", "Fazlullah",
    "Gohar", "Ihsan", "Jawad", "Khushal", "Mansoor", "Nawaz", "Qasim", "Rauf", "Shabbir",
    "Tahir", "Wasim", "Yaqub", "Zia", "Abrar", "Ashfaq", "Basit", "Danish", "Fahad", "Haroon",
    "Idrees", "Junaid", "Kashif", "Luqman", "Majid", "Nabeel", "Owais", "Rizwan", "Shehzad",
    "Talha", "Waleed", "Zeeshan", "Amanullah", "Barkatullah", "Hikmatullah", "Najeebullah",
]  # fmt: skip
LAST_NAMES = [
    "Khan", "Khan", "Khan", "Ahmed", "Afridi", "Wazir", "Marwat", "Baloch", "Shah", "Khattak", "Yousafzai", "Mengal",
    "Kakar", "Durrani", "Gandapur", "Bugti", "Mehsud", "Orakzai", "Raisani", "Bangash", "Dawar",
    "Achakzai", "Jadoon", "Abbasi", "Qureshi", "Hussain", "Ahmed", "Iqbal", "Mohmand", "Bhittani",
    "Tareen", "Zehri", "Magsi", "Rind", "Jamali", "Swati", "Niazi", "Awan", "Malik", "Ali",
    "Turi", "Sherani", "Mandokhail", "Kasi", "Lehri", "Musakhel", "Jogezai", "Babar", "Toru",
    "Safi", "Shinwari", "Utmankhel", "Tanoli", "Gigyani", "Hoti", "Sherpao", "Tarakai", "Jadun",
    "Khilji", "Burki", "Bettani", "Lodhi", "Sarbazi", "Langove", "Bizenjo", "Notezai", "Qambrani",
    "Chandio", "Soomro", "Bhutto", "Mirani", "Leghari", "Mazari", "Khosa", "Gichki", "Dashti",
    "Jatoi", "Siddiqui", "Hashmi", "Gilani", "Chaudhry", "Butt", "Cheema", "Gondal", "Warraich",
    "Sherazi", "Paracha", "Sethi", "Kundi", "Miankhel", "Daur", "Banuchi", "Kharoti", "Zadran",
    "Alizai", "Popalzai", "Nasar", "Kasi", "Barech", "Sasoli", "Rodeni", "Pirkani", "Shahwani",
]  # fmt: skip
RANKS = [
    "Sepoy", "Naik", "Lance Naik", "Havildar", "Captain", "Major", "Constable", "Head Constable",
    "Sub-Inspector", "Subedar", "Lieutenant",
]  # fmt: skip
TITLES = [
    "District Police Officer", "Deputy Commissioner", "Inspector General of Police",
    "Station House Officer", "Provincial Home Minister", "Assistant Commissioner",
    "Regional Police Officer", "Senior Superintendent of Police", "Deputy Inspector General",
    "police spokesman", "Rescue 1122 spokesman", "district health officer",
    "Superintendent of Police", "provincial government spokesperson",
]  # fmt: skip
RESEARCH = [
    "the Pakistan Institute for Conflict and Security Studies (PICSS)",
    "the Pakistan Institute for Peace Studies (PIPS)",
    "the Centre for Research and Security Studies (CRSS)",
    "an Islamabad-based think tank",
]  # fmt: skip
OUTLETS = [
    "Dawn", "APP", "Radio Pakistan", "ARY News", "Geo News", "The Express Tribune", "Dunya News",
    "AFP", "Reuters", "The News", "PTV", "Associated Press of Pakistan", "Samaa TV",
    "Voice of America", "Tribal News Network", "The Nation", "Daily Times", "Business Recorder",
    "Express News", "Aaj News", "Khyber News", "BBC Urdu", "The Balochistan Post",
]  # fmt: skip
LEADERS = [
    "Prime Minister Shehbaz Sharif", "President Asif Ali Zardari", "Interior Minister Mohsin Naqvi",
    "{province} Chief Minister {name}", "{province} Governor {name}", "the army chief",
    "Federal Minister for Information {name}", "the opposition leader in the Senate, {name},",
    "{province} Home Minister {name}", "Senate Chairman {name}", "the chief minister",
    "National Assembly Speaker {name}", "Field Marshal Asim Munir",
]  # fmt: skip
HOSPITALS = [
    "the District Headquarters Hospital", "the Combined Military Hospital",
    "Lady Reading Hospital", "the Civil Hospital", "the Tehsil Headquarters Hospital",
    "a nearby Basic Health Unit", "the trauma centre",
]  # fmt: skip
TIMES = [
    "around 2am", "about 10:30pm", "dawn", "9am", "around midnight", "about 4:15pm", "noon",
    "around 11:40am", "about 3am", "7:20pm", "around 5:30am", "about 8pm", "1:15am",
]  # fmt: skip
WEAPONS = [
    "sub-machine guns", "hand grenades", "rocket launchers", "Kalashnikovs", "pistols",
    "detonators", "suicide vests", "rounds of ammunition", "kilograms of explosives",
    "communication sets", "motorcycles",
]  # fmt: skip


# The templates, in the wordings of the kinds of report. Sentences start
# lowercase where a slot may begin them: fill() capitalises each sentence.
NEWS_LEAD = [
    "{toll} when {attackers} {action} {where} {when}, {said}.",
    "{toll} {when} when {blast} {where}, {said}.",
    "{when_cap}, {toll} after {attackers} {action} {where}, {said}.",
    "{toll} in [an|a fresh|yet another] {event} on {target} {where} {when}, {said}.",
    "{attackers} {action} {where} {when}, [killing|martyring] {n:2-8} {sec} and [injuring|wounding] {n:2-6} others, {said}.",
    "{toll} [on|in] {target_road} {where} {when} when {attackers} [opened fire on|attacked|ambushed] [their vehicle|a passing vehicle|a van] [from|near] {landmark_a}, {said}.",
    "[Terrorists|Militants] [belonging to|of] the {group} {action} {where} {when}, [and|leaving] {toll_bare}, {said}.",
]  # fmt: skip
NEWS_HOW = [
    "According to {official}, the [attackers|militants|gunmen] [came|arrived] on motorcycles at {time} and opened fire [from several directions|with heavy weapons|without warning].",
    "{official} told {outlet} that the {mil} had [hidden|taken positions] in the [hills|fields|orchards] near the [post|road|village] and [attacked|opened fire] as the [patrol|vehicle|convoy] passed.",
    "The exchange of fire lasted [for nearly {n:2-4} hours|for about an hour|for several hours|more than {n:2-4} hours], [police said|officials said|an official said], before the [attackers|militants] fled towards the [mountains|border|nearby hills].",
    "The [blast|explosion] was heard [across the town|several kilometres away|in nearby villages] and [damaged|destroyed] [{n:2-9}|several|a row of] [shops|vehicles|houses] [nearby|in the area].",
    "[Police|Officials] said the [bomb|device] weighed [about|nearly] {d:3-12} kilograms and had been [planted|hidden] [on the roadside|in a drain|under a bridge].",
    "The [attackers|militants] [also|later] set fire to {n:2-6} [vehicles|motorcycles|shops] before escaping, [witnesses said|residents said].",
    "It was the {ordinal} attack on [police|[security forces|security forces|Pakistani security forces]] in {district} [this month|this week|[since January|this year|since the start of the year]|in {n:2-4} weeks].",
    "{official} said [{n:2-6}|some|at least two] of the [attackers|militants] were [killed|shot dead] in [retaliatory fire|the gunfight], while the others [escaped|fled] under cover of darkness.",
    "[Witnesses|Residents] said the [attackers|gunmen] [wore|were wearing] [police|military|black] [uniforms|clothes] and [shouted|chanted] slogans [as|while] they [entered|approached] the [compound|building|post] [from the rear|through the main gate].",
    "{official} said the [post|station] had [received|been sent] [a threat alert|warnings] [about|of] a [possible|likely] attack [days|a week] earlier, and [extra|additional] [men|personnel] had been [posted|deployed] there [as a result|since then].",
    "[CCTV footage|A video] [circulating|shared] on social media [shows|showed] [armed men|the attackers] [arriving|moving] in a [pickup|double-cabin vehicle|car] [moments|minutes] before the [firing|explosion] [began|started].",
    "[The|Their] [target|main target] [appeared|seemed] to be [a|the] [senior|local] [police officer|official|commander] who [was|had been] [travelling|passing] through the area, but he [escaped|survived] [unhurt|with minor injuries], [officials|police] said.",
    "[According to|Citing] [an FIR|a first information report|the FIR] [registered|lodged] on the [complaint|report] of [a|the] [station house officer|duty officer], the {n:3-9} [assailants|attackers] [were|had been] [armed with|carrying] {weapon} and {weapon}.",
    "[The|A] {vehicle} [used|driven] [in|by] the attackers was [later|afterwards] found [abandoned|burnt] [near|behind] {landmark_a}, [about|some] {d:2-15} kilometres [away|from the site].",
    "[Shortly|Moments|Minutes] before the [attack|explosion], [a|the] {trade} [had|reportedly] [seen|spotted] {n:2-4} [strangers|unknown men] [loitering|waiting] near the {landmark} [on|with] a {vehicle}.",
]  # fmt: skip
NEWS_VICTIMS = [
    "The [dead|martyred] included {rank_name}, {d:19-58}, and {rank_name}, {d:19-58}, [both|who were] [residents|natives] of {home}, [according to|said] {official}.",
    "[Hospital|Medical] [sources|officials] said {n:2-9} of the {d:10-40} injured [had|received] [bullet|splinter] wounds and {n:2-5} [needed|underwent] surgery.",
    "The martyred [personnel|men] were identified as {rank_name}, {rank_name} and {rank_name}.",
    "The [bodies|injured] were [shifted|taken] to {hospital} in {district}, where {n:2-5} of the wounded were said to be in critical condition.",
    "Funeral prayers for the martyred [policemen|soldiers] were offered at [the police lines|the cantonment|the FC headquarters] in {district} [on {weekday}|the next day|later in the day].",
    "Among the dead were {n:2-4} children and a {d:20-60}-year-old [shopkeeper|teacher|driver], hospital officials said.",
    "{official} said {n:2-9} of the injured were [referred|moved] to Peshawar for treatment.",
]  # fmt: skip
NEWS_RESPONSE = [
    "[Police|Security forces|Police and FC contingents] [reached the site|rushed to the area], [sealed|cordoned] it off and [began|started] [combing|searching] [nearby|the surrounding] [streets|houses|fields] [for|to find] the attackers.",
    "A case was registered against [unknown|unidentified] [militants|terrorists] at the CTD police station in {district} under the Anti-Terrorism Act.",
    "Security was [tightened|beefed up] across {district} [after the attack|following the blast|in the wake of the attack], and [checkpoints|pickets] on the main roads were reinforced.",
    "The Bomb Disposal Squad collected [evidence|samples] from the site of the [blast|explosion], and {official} said the [attack|bombing] bore the [hallmarks|signs] of a suicide attack.",
    "Mobile phone service was suspended in {district} and {other_district} for {n:2-3} days after the attack, affecting [about|nearly|more than] {d:100-900},000 subscribers.",
    "[Senior|Top] officials, [including|among them] the [Regional Police Officer|Deputy Inspector General|Commissioner] of {province_city}, [reached|visited] the [site|spot] and [supervised|oversaw] the [search|operation], which [continued|went on] [until late at night|for several hours].",
    "{official} said [teams|units] of the [Counter Terrorism Department|CTD|Special Branch] had [joined|been included in] the [investigation|probe] and that [leads|clues] [had been|were being] [followed|traced] [in|to] {other_district}.",
    "[Roads|Routes] [leading to|into] the [area|town] were [sealed|blocked], and [vehicles|passengers] [leaving|entering] the district were [searched|checked] at [pickets|checkpoints] [manned by|set up by] [the police|Frontier Corps|the Levies] and [the army|Rangers].",
    "[Teams|Personnel] of Rescue 1122, the Edhi Foundation and the Alkhidmat Foundation [shifted|carried] the [injured|wounded] to {hospital}, [while|as] [volunteers|locals] [helped|assisted] [clear|remove] the [debris|wreckage].",
    "The [district|provincial] [administration|government] [formed|set up] a [committee|team] [headed|led] by the Additional [Deputy Commissioner|DC] to [assess|estimate] the [damage|losses] and [recommend|propose] [relief|compensation] for the [affected|bereaved] families.",
]  # fmt: skip
QUOTES = [
    "\u201cThe [attackers|terrorists] will not escape; we know where they came from,\u201d {official} told reporters.",
    "\u201cOur men fought [bravely|back] for [two|three] hours,\u201d {official} said, adding that reinforcements had reached the post in time.",
    "\u201cThis was a [cowardly|planned] attack on people who were only doing their duty,\u201d said {official}.",
    "\u201cWe had [warnings|reports] of militant movement in the area for weeks,\u201d a police officer in {district} said on condition of anonymity.",
]  # fmt: skip
NEWS_CLAIM = [
    "{short} spokesman {name} [claimed|said in a message] that the group\u2019s fighters had carried out the [attack|ambush], [a claim|which] the police [could not|did not] [immediately|independently] [verify|confirm].",
    "The [banned|outlawed|proscribed] {group} ({short}) claimed responsibility for the [attack|blast|ambush] in a statement [sent to journalists|posted online|issued to the media].",
    "No [group|organisation] [has owned|owned] the [attack|bombing] [so far|yet], but officials [suspect|point to] the {short}, [whose|since its] [fighters|men] [have struck|struck] [similar targets|in the same way] in {other_district}.",
    "A [spokesman|spokesperson] for the {group} said the group was behind the attack, in a message [to journalists|on social media].",
    "Police said the [attackers|militants] belonged to a local faction of the {short}, whose commander was killed in an operation in {other_district} {past}.",
]  # fmt: skip
NEWS_REACTION = [
    "{leader} condemned the [attack|blast|incident] and [sought a report|directed the police to arrest the culprits|paid tribute to the martyred].",
    "{leader} [expressed grief|offered condolences] over the loss of lives and said the nation stood with [its forces|the police|the families of the martyred].",
    "The provincial government announced compensation of Rs{d:1-5} million for the families of [each of the martyred|those killed] in the attack.",
]  # fmt: skip
BACKGROUND = [
    "[Earlier|Separately|Previously], {past}, {n:2-9} {sec} were martyred [and {n:2-12} injured|] when {attackers} {action} in {other_place}.",
    "{past_cap}, {n:2-6} {civ} were killed [and {n:2-20} injured|] in a [blast|bomb attack|suicide bombing] in {other_place}.",
    "{district} has seen {d:5-40} attacks on [police|[security forces|security forces|Pakistani security forces]] [since January|this year|since the start of the year], according to police records, in which {d:10-60} people have been killed.",
    "The attack came {past} after {n:2-9} {mil} were killed and {n:2-5} arrested in an [intelligence-based operation|operation|exchange of fire] in {other_place}.",
    "{province} has [seen|witnessed] a surge in [militant violence|terrorist attacks] since the TTP ended its ceasefire in November 2022, and most of these attacks have targeted [the police|[security forces|security forces|Pakistani security forces]].",
    "In {month}, {n:3-12} [soldiers|policemen] were martyred in a similar [ambush|attack] on {target} in {other_district}.",
    "The [district|area] was the scene of [a string of|several] [attacks|blasts] {past}, in which {n:2-9} people, most of them {sec}, lost their lives.",
    "[Police|Officials] said the same [group|network] was behind the {past_date} [attack|bombing] in {other_district} that killed {n:2-12} people.",
    "The {group}, which [claimed|has claimed] [several|most] of the recent attacks in {province}, [announced|declared] [a new|its spring] [offensive|campaign] {past} and [warned|threatened] [government employees|the police|lawmakers] [to stay away from|against cooperating with] the [security forces|security forces|Pakistani security forces].",
    "{official} said the [attackers|militants] were [believed to be|thought to be] [members|fighters] of a [local|little-known] faction of the {short} [led by|under] a commander [known as|called] {name}, who [has|had] a [bounty|reward] of Rs{d:2-10} million on his head.",
    "[Police records|Official figures] [show|suggest] that {d:12-90} [policemen|police officials] have been [martyred|killed] in {province} [since January|this year|since the start of the year], [most of them|many of them] in [the southern districts|{district} and {other_district}].",
    "[It was|This was] the [second|third|latest] [attack|ambush] on [the same|this] [post|route|road] [within|in] [a month|weeks|two months], [after|following] an [assault|ambush] {past} [in which|that left] {n:2-5} {sec} [were injured|injured].",
    "The [attack|ambush] [took place|happened] [a few kilometres|not far] from the [spot|place] where {n:2-9} {sec} were [martyred|killed] in [a similar|an IED] attack {past}, [officials|residents] [recalled|said].",
    "[Last year|In {last_year}], {province} [recorded|saw] [more than|over] {d:300-700} [terrorist|militant] [incidents|attacks], the [highest|most] since {early_year}, according to {research}.",
    "[Residents|Elders] of {locality_or_village} [recalled|remembered] that [militants|armed men] had [torched|blown up] [a|the] {landmark} there {past}, [forcing|prompting] [dozens of|many] families to [leave|move out].",
    "{past_cap}, [unidentified|masked] [men|gunmen] [riding|in] [a {vehicle}|two {vehicle}s] [abducted|kidnapped] {n:2-6} [workers|engineers|labourers] of a [construction|telecom|road-building] company [near|outside] {other_place}; [they were freed after talks with elders|the men were released after a jirga intervened|they have not been released since].",
    "The [same|local] [cell|network] [had|was said to have] [blown up|attacked] [a|the] {landmark} in {other_district} {past}, [according to|investigators told] {outlet}, [although|though] no one was [hurt|harmed] [then|at the time].",
    "The {group} [stepped up|intensified] its [campaign|attacks] [after|when] its [deputy|senior] commander {name} was killed in [a drone strike|an operation] in {other_district} {past}.",
]  # fmt: skip
SEPARATE = [
    "In a separate incident {when}, {toll} in {other_place}, {said}.",
    "[Meanwhile|Separately], {n:2-5} {mil} were killed in an exchange of fire with [security forces|security forces|Pakistani security forces] in {other_place}, [the ISPR said|the Inter-Services Public Relations (ISPR) said|the ISPR said].",
    "[Meanwhile|Separately|Elsewhere], {civ1} was shot dead by unknown [gunmen|assailants] in {other_place} {when}.",
    "In another [incident|attack], {attackers} {action} in {other_place} {when}, but no casualties were reported.",
]  # fmt: skip
BYLINES = [
    "{name}", "By {name}", "Our Correspondent", "Bureau Report", "{name} / {outlet}",
    "{name}, {province_city}", "Staff Reporter", "News Desk",
]  # fmt: skip
# Headlines of statistics and commentary.
VIEW_HEADLINES = [
    "[Violence|Attacks] [up|rise] {d:10-60}pc in {month}: {research_short}",
    "[Opinion|Comment|Analysis]: the {short} [problem|question] in {province}",
    "Terrorism: a grim {month} for {province}",
    "[Militant|Terror] attacks [rise|fall] in {month}, [deaths|casualties] [climb|mount]",
    "{province}\u2019s [long|unfinished] war",
    "[Why|How] the {short} [came back|regrouped]",
]  # fmt: skip
# Headlines of incidents.
HEADLINES = [
    "[Terror|Militant] attack on {target_bare} in {district} [foiled|repulsed]",
    "{short} [claims|owns] {district} [attack|ambush|bombing]",
    "[Police|Levies] under fire in {province}\u2019s [south|border districts]",
    "[Curfew|Section 144] [imposed|clamped] in {district} after [attack|blast]",
    "{province}: {N:2-9} {sec} [martyred|injured] as {mil} [storm|attack] {target_bare}",
    "[Security forces|Troops] [kill|eliminate] {n:3-15} {short} [militants|terrorists] in {district}",
    "[Gunmen|Militants] kill {n:2-6} in {district}; {short} [claims|denies] [responsibility|role]",
    "{district} [reels|mourns] after {event} [kills {n:3-20}|leaves {n:3-20} dead]",
    "{N:2-9} {sec} martyred in {district} attack",
    "{N:2-9} killed as {event} hits {district}",
    "Militants attack {target_bare} in {district}",
    "{N:3-15} terrorists killed in {district} IBO: ISPR",
    "Attacks in {province} leave {n:3-20} dead",
    "CTD arrests {n:2-9} suspects in {district}",
]  # fmt: skip

PRESS_LEAD = [
    "Security forces killed {n:3-15} terrorists [of the Indian-sponsored|belonging to the|of the] {group} in an intelligence-based operation (IBO) {where} {when}, the [military's media wing, the ISPR,|Inter-Services Public Relations (ISPR)] said.",
    "At least {n:2-12} khwarij were [killed|sent to hell] {when} in {n:2-3} separate [engagements|operations] in {district} and {other_district} districts, [the ISPR said|the Inter-Services Public Relations (ISPR) said|the ISPR said].",
    "{N:2-7} soldiers were martyred and {n:3-12} terrorists killed in an exchange of fire {where} {when}, according to the ISPR.",
    "[Troops|The [security forces|security forces|Pakistani security forces]] [intercepted|caught] {n:4-9} terrorists [trying to cross|attempting to slip across] the Afghan border into {district} {when} and [killed|shot dead] [all of them|every one of them], [the ISPR said|the Inter-Services Public Relations (ISPR) said|the ISPR said].",
]  # fmt: skip
PRESS_BODY = [
    "According to the ISPR, [troops|soldiers] [moved in|went in] [after|on] [intelligence|a tip-off] that khwarij were [hiding|sheltering] in the area.",
    "[Troops|Soldiers] [surrounded|closed in on] [the hideout|the compound|a hideout of Fitna al-Khawarij] and, [in the gunfight that followed|after a long firefight], {n:2-9} of the khwarij were [neutralised|sent to hell].",
    "However, during the [intense|heavy] exchange of fire, {rank_name} ({d:21-34}, resident of {home}) and {rank_name} ({d:21-34}, resident of {home}), having fought gallantly, embraced shahadat.",
    "[Rifles|Arms], [grenades|ammunition] and [bomb-making material|explosives] were [found|seized] [on|with] the [dead|slain] terrorists, whom the [statement|military] [linked|tied] to [a string of|several] attacks [on [security forces|security forces|Pakistani security forces]|in the area].",
    "[Troops|Soldiers] [are combing|were sweeping] the [surrounding villages|nearby ridges] for any [remaining|surviving] khwarij, and the [army|military] [pledged|vowed] to [keep up|press on with] [its|the] [campaign|fight] until [terrorism|Indian-sponsored terrorism] is [rooted out|crushed] [in the province|across Pakistan].",
    "In another [engagement|operation] in {other_place}, troops killed {n:2-6} more {mil}, the statement added.",
    "The [slain|dead] khwarij [had been sought|were being hunted] by [the police|the CTD] [over|in connection with] the {past_date} [attack|ambush] on {target} in {other_district}.",
    "Pakistan has [repeatedly|consistently] asked the Afghan Interim Government to ensure effective border management and deny the use of its soil to [the khwarij|the khwarij|the khwarij of Fitna al-Khawarij] for attacks on Pakistan.",
    "The [terrorists|khwarij] were also involved in the killing of {n:2-9} {sec} in {other_district} {past}, [the ISPR said|the Inter-Services Public Relations (ISPR) said|the ISPR said].",
    "{N:2-4} of the [killed|neutralised] terrorists were Afghan nationals, [it said|according to the statement].",
    "The [area|operation area] [had been|was] under [surveillance|observation] for [several|some] days [after|on] [intelligence|information] [that|about] a [group|band] of {short} [militants|khwarij] [was planning|had been planning] [attacks|an attack] on [[security forces|security forces|Pakistani security forces]|civilians|the Chinese convoy] in {other_district}.",
    "The ISPR [identified|named] the [martyred|shaheed] soldier as {rank_name}, a [resident|native] of {home}, and said he had [fought|stood] [bravely|gallantly] [until|till] his last breath.",
    "[According to the Inter-Services Public Relations|The Inter-Services Public Relations said], the [killed|slain] [terrorists|khwarij] [were|had been] [wanted|sought] by [law enforcement agencies|the CTD] [for|in connection with] [attacks|a series of attacks] on [police|[security forces|security forces|Pakistani security forces]] in {district}, {other_district} and {third_district}.",
    "[Field Marshal|Chief of Army Staff|COAS] [General|Field Marshal] Asim Munir [visited|went to] the [area|Corps Headquarters] in {province_city} [later|the next day], where he was [briefed|given a briefing] on the [operation|security situation] by the [Corps Commander|GOC].",
    "The [[security forces|security forces|Pakistani security forces]|troops] [are|remain] [determined|resolved] to [defeat|thwart] the [nefarious|sinister] [designs|plans] of [hostile|foreign] [agencies|elements] and [their|its] [proxies|facilitators], the [ISPR|statement] [said|added].",
    "[Sanitisation|Clearance] [of the area|operations] [continued|are continuing] [late into the night|through the night|till the last reports came in], [with|and] [drones|helicopters|quadcopters] [scanning|watching] the [ridges|slopes|ravines] [around|above] the [village|compound].",
    "[Among|Included in] the [recovered|seized] [items|material] were {d:3-20} {weapon}, [hand-made|improvised] [explosive devices|bombs], [night-vision|thermal] [devices|equipment] and [propaganda|training] [material|literature], the ISPR [added|said].",
    "The [martyred|shaheed] soldier's [funeral prayers|namaz-e-janaza] were [offered|held] at [the|a] [garrison|cantonment] in {province_city}, [attended|led] by [senior|serving] [officers|commanders] and [relatives|family members].",
]  # fmt: skip
PRESS_PRAISE = [
    "{leader} [lauded|praised|paid tribute to] the [security forces|security forces|Pakistani security forces] for the successful operation against [the khwarij|the khwarij|the khwarij of Fitna al-Khawarij] in {district}.",
    "{leader} said the nation [salutes|stood with] its [brave|valiant] soldiers and that these operations would continue until the [last terrorist|menace of terrorism] was eliminated.",
]  # fmt: skip

ROUNDUP_LEAD = [
    "At least {n:6-20} people, among them {n:2-6} {sec}, were killed in {n:3-6} separate [attacks|incidents] across {province} {when}, officials said.",
    "[Militants|Terrorists] carried out {n:3-6} attacks in {province} {when}, [killing|leaving] {n:4-18} people [dead|dead, among them {n:2-7} {sec}].",
    "A wave of [attacks|violence] across {province} {when} left {n:4-16} dead and {n:5-30} injured, officials said.",
]  # fmt: skip
ROUNDUP_ITEM = [
    "In {district}, {toll} when {d:3-12} {attackers} {action} in {locality_area}, {said}.",
    "{N:2-6} {civ} were killed[ and {n:2-5} injured|] when {blast} in {locality_area} of {district}.",
    "In {district} district, {attackers} {action}, [killing|martyring] {n:2-4} {sec} and injuring {n:2-5} others.",
    "[Gunmen|Unknown assailants] shot dead {n:2-3} {sec} in {locality_area} of {district} {when_short}, while {n:3-5} others were wounded, [one|two] of them [critically|seriously].",
    "Police arrested {n:2-12} suspects during a search operation in {district} after the attack and [recovered|seized] {d:3-12} {weapon}, {said}.",
    "{N:2-6} {mil} were killed in an exchange of fire with [security forces|security forces|Pakistani security forces] in {locality_area} of {district}, [the ISPR said|the Inter-Services Public Relations (ISPR) said|the ISPR said].",
    "A [bomb|landmine] exploded near {target} in {district}, [injuring|wounding] {n:2-6} {sec}; {official} said the [device|bomb] had been [planted|hidden] [on the roadside|in a culvert].",
    "[Gunmen|Armed men] [riding|on] a {vehicle} [opened fire on|attacked] {target} [near|outside] {landmark_a} in {district}, [injuring|wounding] {n:2-5} {civ}, {said}.",
    "[In|At] {locality_area} of {district}, [militants|terrorists] [blew up|destroyed] {item} [with|using] [explosives|dynamite]; no one was [hurt|injured], {said}.",
]  # fmt: skip
ROUNDUP_CLOSE = [
    "No group claimed responsibility for the attacks, [though|but] the {short} has been active in [these districts|the area] [for months|since last year].",
    "The attacks came a day after the {group} announced a new wave of attacks on [security forces|security forces|Pakistani security forces].",
    "{N:2-5} of these attacks took place on the same [road|highway], which officials said had been closed to traffic after dark.",
]  # fmt: skip

ANALYSIS_LEAD = [
    "[Militant violence|Terrorist violence|The number of militant attacks] in Pakistan [rose|increased|fell|declined] by {d:8-65} percent in {month} compared with {prev_month}, according to a [monthly|security] report released by {research} on {weekday}.",
    "Pakistan [witnessed|recorded|saw] {d:35-120} militant attacks in {month}, [the highest|the lowest] monthly figure since {year_back}, according to data compiled by {research}.",
    "[Militant|Terrorist] attacks in Pakistan [went up|climbed] by {d:10-70} percent in {last_year}, [to|reaching] {d:300-980} [from|against] {d:200-700} the year before, [an annual report|the yearly review] [by|of] {research} [shows|found].",
]  # fmt: skip
ANALYSIS_BODY = [
    "The attacks [claimed|took] {d:50-240} lives, including {d:20-110} [security forces|security forces|Pakistani security forces] personnel, {d:15-90} civilians and {d:10-80} militants, while {d:60-260} people were injured.",
    "{province} remained the worst-affected region, with {d:20-80} attacks and {d:40-180} deaths, followed by {other_province} with {d:8-40} attacks.",
    "In {province}, the [tribal|merged] districts saw {d:10-45} attacks in which {d:20-90} people were killed, while the rest of the province saw {d:8-35}.",
    "Security forces carried out {d:12-60} operations during the month, killing {d:25-140} militants and arresting {d:20-110} suspects, the report said.",
    "Suicide attacks [rose|fell] to {n:2-9} [from|against] {n:2-9} in {prev_month}, and {d:3-20} people were killed in them.",
    "{district}, {other_district} and {third_district} were the worst-hit districts, [accounting for|with] {d:20-60} percent of all attacks in the province.",
    "The {group} ({short}) [claimed|was blamed for] {d:15-70} of these attacks, [the report said|according to the data], and most of them targeted [police|[security forces|security forces|Pakistani security forces]].",
    "Compared with {prev_month}, deaths among [security forces|security forces|Pakistani security forces] rose by {d:8-60} percent while civilian deaths fell by {d:5-40} percent.",
    "In {year_back}, [the country|Pakistan] had recorded {d:150-500} attacks and {d:300-1200} deaths, the lowest figures since {early_year}.",
    "Balochistan recorded {d:8-40} attacks, [most of them|many of them] claimed by the BLA, in which {d:15-90} people were killed.",
    "Of the {d:40-120} attacks, {d:10-40} [targeted|were on] police, {d:8-30} security forces and {d:5-25} civilians, while {d:2-12} [hit|were on] [government buildings|infrastructure].",
    "The [death toll|number of deaths] [rose|climbed] from {d:40-120} in {prev_month} to {d:60-200} in {month}, [an increase|a rise] of {d:10-70} percent.",
    "Over the first {w:2-10} months of {this_year}, militant attacks killed {d:300-1400} people, against {d:200-900} in the same period of {last_year}.",
    "The report [said|noted] that {province} [accounted|was responsible] for [more than|nearly] {d:40-80} percent of all [deaths|fatalities] [during|in] the [month|period], and that {other_province} [came|was] second.",
    "[Researchers|The authors] [counted|recorded] {d:10-45} [kidnappings|abductions] and {d:5-30} [attacks|raids] on [schools|mobile towers|infrastructure], [up|down] from {d:5-40} in {prev_month}.",
    "The [monthly|annual] [tally|count] [included|covered] {d:5-40} [targeted killings|assassinations], {d:3-25} [IED blasts|roadside bombings] and {d:2-12} [suicide attacks|suicide bombings], [with|and] [the rest|others] [being|were] [armed assaults|raids|cross-border attacks].",
    "Civilian [casualties|deaths] [were|remained] [concentrated|highest] in {district}, {other_district} and {third_district}, where [markets|bus stands|mosques] were [among|some of] the [targets|places hit].",
    "[The|Its] [researchers|data team] [rely|relied] on [media|newspaper] [reports|accounts], [official|police] [statements|figures] and [field|local] [researchers|sources], [and|but] [warn|caution] that [the|their] [figures|numbers] [may|could] be [incomplete|an undercount] for [remote|far-flung] areas.",
]  # fmt: skip
ANALYSIS_COMMENT = [
    "[Analysts|The report|Security experts] said the [rise|surge] in [attacks|violence] was linked to the [presence|sanctuaries] of TTP [fighters|commanders] [across the border in Afghanistan|in Afghanistan].",
    "The report noted that militants had [shifted|turned] to targeted killings and IED attacks on [police|security] convoys in the southern districts.",
    "[Experts|Analysts] warned that the violence could spread to {other_district} if these attacks on the police in {district} went unchecked.",
]  # fmt: skip

CTD_LEAD = [
    "The Counter Terrorism Department (CTD) arrested {n:2-9} [suspected terrorists|suspects] of the [banned|proscribed] {group} in intelligence-based operations in {district} and {other_district} {when}, officials said.",
    "{N:2-6} terrorists were killed and {n:2-5} arrested in a CTD operation {where} {when}, [a CTD spokesperson said|the CTD said in a statement].",
    "CTD officials {when} [foiled|thwarted] a [terror|terrorist] plot in {district} and arrested {n:2-7} suspects with explosives and weapons.",
]  # fmt: skip
CTD_BODY = [
    "[Explosives|Weapons], {d:3-30} {weapon}, {d:2-9} {weapon} and [cash|literature of the banned group] were recovered from the suspects, the [CTD|spokesperson] said.",
    "During [preliminary|initial] interrogation, the suspects [confessed to|admitted] their involvement in the {past_date} attack on {target} in {other_district}.",
    "The suspects were planning [attacks|an attack] on [sensitive installations|a police station|a religious gathering] in {district}, [officials said|according to the CTD].",
    "In the past week, the CTD carried out {d:20-90} operations across the province and arrested {d:15-70} suspects, {d:2-9} of them wanted for [attacks on police|the killing of {n:2-9} {sec}].",
    "Cases were registered against the arrested suspects under the Anti-Terrorism Act, and they were shifted to an undisclosed location for [further|more] investigation.",
    "One of the arrested [men|suspects] was a [close aide|facilitator] of a {short} commander killed in {other_district} {past}.",
    "[The|A] [raid|search] [was|had been] [carried out|conducted] [on a tip-off|on secret information|after weeks of surveillance], and the [suspects|men] [tried|attempted] to [escape|flee] [through|over] [a|the] [back door|rooftops|fields] before [being|they were] [overpowered|caught].",
    "[Officials|CTD officials] said the [cell|network] [had been|was] [collecting|raising] [funds|money] through [extortion|kidnapping for ransom|smuggling] of {goods} and [sending|passing] [it|the money] to [handlers|commanders] [[across the border|in Afghanistan]|in Afghanistan].",
]  # fmt: skip

COMMENT_OPEN = [
    "[Over the past|In the last] {w:2-9} [months|weeks], {province} has [endured|suffered] [a wave|a sharp rise] [of|in] [attacks|militant violence] [on|against] [police stations|army pickets|convoys], [check posts|bazaars] and [schools|government offices].",
    "The [attack|bombing] in {district} {past} was [the deadliest|among the deadliest] in [the province|{province}] [this year|since {year_back}], and it has revived questions about the state's [strategy|response].",
    "[Terrorism|Militant violence] has returned to {province} [with a vengeance|in force] since the collapse of talks with the TTP in {early_year2}.",
]  # fmt: skip
COMMENT_BODY = [
    "Since January, militants have carried out [more than|nearly] {d:40-300} attacks in the province, and most of these attacks have targeted [police|the [security forces|security forces|Pakistani security forces]].",
    "The TTP and its affiliates, [many of them|several of them] operating from Afghanistan, have claimed [a large share|most] of these attacks.",
    "Islamabad has [repeatedly|often] asked Kabul to act against these groups, [but|yet] the Afghan Taliban deny that their soil is used for attacks on Pakistan.",
    "[Between|From] {early_year} and {year_back}, [violence|the number of attacks] [fell|dropped] by [more than|nearly] {d:50-85} percent, [official|government] [figures|data] [show|showed], [before|until] it [began|started] to [rise|climb] again in {early_year2}.",
    "Military operations such as Zarb-e-Azb in 2014 and Radd-ul-Fasaad in 2017 had cleared the tribal districts, [but|yet] the militants have [regrouped|returned] since {year_back}.",
    "[In|By] {last_year}, [[security forces|security forces|Pakistani security forces]|the army] had conducted [thousands of|hundreds of] intelligence-based operations, killing [hundreds of|scores of] militants, [according to official figures|[the ISPR said|the Inter-Services Public Relations (ISPR) said|the ISPR said]].",
    "The [surge|rise] in attacks on the police in {district} and {other_district} shows how thin the force is stretched in the southern districts.",
    "The [killing|martyrdom] of {n:2-9} {sec} in {other_district} {past} was [a reminder|proof] that the militants can still strike [at will|deep inside the settled districts].",
    "These [attacks|bombings] have also [hurt|hit] trade with Afghanistan, and the Torkham and Chaman crossings were closed for {n:2-9} days in {month}.",
    "The {group} has [expanded|widened] its [attacks|campaign] from {district} to {other_district}, [where|and] police posts have come under attack [almost every week|repeatedly].",
    "Tribal elders in {district} [have demanded|demanded] that the government hold talks before launching [a new operation|another military operation] that would displace [thousands|tens of thousands] of families.",
    "[A national action plan|The National Action Plan], agreed after the Army Public School attack in Peshawar in December 2014, [remains|is still] only partly [carried out|implemented].",
    "[The|A] [problem|difficulty] [is|lies] not [only|just] [military|the army's]: [police stations|civil administration] in the [merged|tribal] districts [remain|are still] [understaffed|short of funds], and [courts|the justice system] [struggle|fail] to [convict|prosecute] [those|militants] [arrested|caught] in [operations|raids].",
    "[Officials|Policy makers] in Islamabad [speak|talk] of a [comprehensive|whole-of-nation] [approach|response], [yet|but] [the|their] [budget|spending] for [counter-terrorism|the police] in {province} [has|had] [barely|hardly] [changed|grown] [in years|since {year_back}].",
    "[Some|Many] [observers|analysts] [argue|believe] that [talks|negotiations] with the {short} in {early_year2} [gave|allowed] the [group|militants] [room|time] to [regroup|reorganise] and [return|move back] to [parts of|areas in] {province}.",
    "[Critics|Opposition leaders] [point|pointed] out that [several|many] [previous|past] [operations|campaigns] [ended|were declared over] [with|amid] [claims|announcements] of [victory|success], only for [the|such] [violence|attacks] to [return|resume] [within|in] [months|a few years].",
    "{name}, a former [inspector general|chief secretary|corps commander] of {province}, [argues|wrote recently] that {idea} and {idea} [matter|count] [more|as much] than [new|more] [checkpoints|operations], a view [shared|echoed] by [many|several] [retired|serving] officers.",
    "[Young people|The youth|Students] in {district} [say|speak of] [unemployment|joblessness], [poor|patchy] [schools|education] and [the|a] [lack|absence] of [playgrounds|opportunities] as [reasons|factors] that [push|draw] [some|a few] of [their peers|them] [towards|into] [militant|armed] [groups|ranks].",
    "[The|This] [pattern|trend] is [familiar|not new]: [after|following] [every|each] [major|big] [attack|bombing], [committees|task forces] are [formed|set up], [meetings|conferences] are [held|convened] and [pledges|promises] are [made|announced], [until|before] [attention|focus] [drifts|moves on].",
]  # fmt: skip

# Sentences of context, which real reports carry between their figures:
# politics, security measures, the people and places touched, the wider
# conflict. Few of them have a number or a date; they give the text its
# long sentences and its wide vocabulary (many wordings, and the nouns of
# the lists below).
LANDMARKS = [
    "bazaar", "bus stand", "grain market", "petrol pump", "flour mill", "vegetable market",
    "cattle market", "seminary", "hujra", "high school", "college", "telephone exchange",
    "railway station", "press club", "district courts", "tehsil office", "passport office",
    "wedding hall", "hotel", "graveyard", "bridge", "tunnel", "toll plaza", "power station",
    "basic health unit", "football ground", "cricket stadium", "shrine", "orchard", "brick kiln",
    "coal mine", "marble quarry", "customs house", "truck stand", "fuel depot", "dam site",
    "jirga hall", "union council office", "post office", "girls' college", "madrassa",
    "livestock market", "timber market", "sports complex", "rest house", "polling station",
    "vegetable stall", "fuel station", "tea shop", "water supply scheme", "mobile phone shop",
]  # fmt: skip
TRADES = [
    "teacher", "tailor", "fruit vendor", "mechanic", "shopkeeper", "taxi driver", "contractor",
    "engineer", "pharmacist", "barber", "prayer leader", "lawyer", "doctor", "nurse", "farmer",
    "labourer", "student", "journalist", "electrician", "carpenter", "cook", "security guard",
    "money changer", "goldsmith", "driver", "welder", "clerk", "cleric", "trader", "poet",
    "tractor driver", "schoolteacher", "baker", "butcher", "cobbler", "photographer", "mason",
    "herdsman", "plumber", "watchman", "tyre repairer", "bus conductor", "retired soldier",
    "vaccinator", "lecturer", "accountant", "rickshaw driver", "street vendor", "bank cashier",
    "land surveyor", "imam", "hotel owner", "property dealer", "jeweller", "ice seller",
    "newspaper hawker", "car dealer", "dentist", "veterinary assistant", "census worker",
]  # fmt: skip
GRIEF = [
    "grief", "sorrow", "anger", "shock", "disbelief", "outrage", "fear", "despair", "sadness",
]  # fmt: skip
CONTEXT_PEOPLE = [
    "Relatives of the victims [gathered|waited] outside the {landmark} for [hours|most of the day], and [some|many] of them [criticised|blamed] the [administration|authorities] for [failing to protect|neglecting] the [area|town].",
    "One of the [victims|dead|injured], a {trade} who had [recently|only just] [returned from|come back from] the Gulf, was [buried|laid to rest] in his [native|ancestral] village, where [hundreds|a large crowd] [attended|joined] the funeral.",
    "A {trade} who [witnessed|saw] the [incident|shooting|explosion] said people ran for cover [as soon as|when] the [firing|shooting|blast] began, and [several|some] shops [pulled down their shutters|closed at once].",
    "[Residents|Locals|People] of the area [staged a protest|blocked the main road|held a sit-in] against the [killings|attack|incident] and [demanded|asked] that the [government|authorities] [arrest|bring to book] those responsible.",
    "Traders in the {landmark} [observed a strike|kept their shops shut|announced a shutter-down strike] to [mourn|protest] the [killings|attack|deaths], and [business|traffic] [remained|stayed] [suspended|thin] [for the rest of the day|until evening].",
    "The [family|father|brother] of [one of the victims|a martyred policeman], a {trade}, told reporters that he had [no enemies|never been threatened] and [asked|urged] the [chief minister|government] to [ensure justice|find the killers].",
    "The [town|village|valley] was [plunged|gripped] into {grief} as the bodies [arrived|reached home], and [mosques|loudspeakers] announced the [funeral|funeral prayers] for [the afternoon|the next morning].",
    "A [jirga|gathering] of [tribal elders|notables|local elders] [met|assembled] at the {landmark} and [resolved|agreed] to [support the police|raise a peace committee|cooperate with the administration] against the militants.",
]  # fmt: skip
CONTEXT_MEASURES = [
    "The {road} \u2014 [the main|the only] [link|artery] between the [valley|district] and the [plains|provincial capital] \u2014 [stayed|remained] closed [until the evening|for several hours] [while|as] [troops|bomb disposal teams] [searched|combed] the [culverts|roadside].",
    "[{d:12-180} schools|Schools] and [{n:2-9} colleges|colleges] in the [district|area] were [closed|shut] [as a precaution|for the rest of the week], and [examinations|classes] [were postponed|were suspended] [until further notice|by the education department].",
    "The [administration|district administration|deputy commissioner] [imposed|enforced] Section 144, [banning|which bans] [pillion riding|public gatherings|the display of weapons] [across|throughout] the district [for a week|for fifteen days].",
    "Traffic on the [main highway|national highway|Indus Highway|Karakoram Highway] [was suspended|remained suspended|was diverted] for [hours|several hours] while [bomb disposal|security] teams [combed|searched] the [area|roadside].",
    "[Additional|Extra] contingents of the Frontier Corps were [deployed|called in] [at sensitive points|around government buildings|at the entry and exit points] of the [city|town], and [snap checking|random searches] [was stepped up|were ordered].",
    "An emergency was declared in [all|the] hospitals of the [city|district], and [doctors|surgeons|paramedics] on leave were [called back|asked to report] to duty.",
    "The [police|administration] [set up|established] [new|additional] [pickets|checkpoints] on the roads [leading into|out of] the district and asked [residents|people] to carry their identity cards.",
    "Internet and mobile [phone|data] services were [suspended|disrupted] in [parts of|several tehsils of] the district [on the orders of|at the request of] the [interior ministry|provincial government].",
    "The [provincial government|cabinet] [approved|announced] [funds|a package] for [new|armoured] vehicles, [night-vision equipment|bulletproof jackets|drones] and [the recruitment of|training for] [more policemen|a counter-terrorism force].",
]  # fmt: skip
CONTEXT_POLITICS = [
    "The [opposition|ruling party|provincial assembly] [demanded|called for] an [in-camera briefing|inquiry|explanation] on the [deteriorating|worsening] [law and order situation|security situation] in the province.",
    "[Lawmakers|Members of the assembly|Senators] from the [tribal|southern] districts [walked out|staged a walkout] of the [session|assembly] in protest against the [government's|administration's] [failure|inability] to [restore peace|protect citizens].",
    "The [apex committee|National Action Plan committee|provincial security committee] [met|was convened] in Peshawar to [review|discuss] the [security situation|counter-terrorism strategy] and [approved|endorsed] [steps|measures] to [strengthen|equip] the police.",
    "The federal and provincial governments have [traded|exchanged] [accusations|blame] over [funding|control] of the [counter-terrorism|security] effort, and [the police|police officers|CTD officials] [complain|say] they [lack|are short of] [men|equipment|resources].",
    "[Political parties|Religious parties|Nationalist parties] [across the spectrum|of every stripe] [condemned|denounced] the [violence|attack], and [some|several] [announced|called for] [protests|a day of mourning] in the province.",
    "Diplomatic [contacts|talks] between Islamabad and Kabul have [continued|stalled] [in recent months|this year], with [delegations|envoys] [travelling|shuttling] between the two capitals [to discuss|over] [border security|trade|the militant sanctuaries].",
    "The Foreign Office [summoned|called in] the Afghan [charge d'affaires|envoy] to [lodge a protest|register a complaint] over the [use|presence] of Afghan [soil|territory] by [militant groups|[the khwarij|the khwarij|the khwarij of Fitna al-Khawarij]].",
    "The government has [offered|promised] [talks|dialogue] to [those|militants|{short} fighters] who lay down their arms, but [officials|security officials] [say|insist] there will be no [negotiations|deal] with [groups|those] that [attack|target] civilians.",
]  # fmt: skip
CONTEXT_PLACE = [
    "{border_district}, which [borders|lies close to] Afghanistan, was [a stronghold|a base] of militant groups [before|until] the military [cleared|secured] it [in a series of operations|a decade ago].",
    "The [area|valley|district] is [mountainous|hilly|thinly populated] and [hard to reach|poorly policed], and [militants|{short} militants|smugglers] [have long used|use] its [mountain passes|forest cover|dry riverbeds] to [move|cross] [unnoticed|undetected].",
    "The [road|highway] [through|across] [{district}|the district] [links|connects] the [plains|province] [with|to] the [border crossings|mountain valleys] and [carries|is used by] [trade|convoys|passenger buses] [every day|around the clock].",
    "{district} [has a population of|is home to] [about|nearly|more than] [one million|half a million|800,000] people, [most of them|many of them] [farmers|dependent on farming and trade], [according to|as counted in] the [last|2023] census.",
    "The [police station|post|checkpoint] stands [on a hilltop|at the edge of the town|next to the {landmark}], and [it|the post] has been [attacked|targeted] [several times|repeatedly] [over the years|since the militants returned].",
]  # fmt: skip
CONTEXT_STATEMENT = [
    "{official} [vowed|pledged|said] that the [perpetrators|culprits|attackers] would be [brought to justice|tracked down|punished] and that [such|these] [cowardly acts|attacks] would not [weaken|shake] the [resolve|morale] of the force.",
    "In a [statement|message|video message], {leader} [paid tribute|saluted] the [police|[security forces|security forces|Pakistani security forces]] for their [sacrifices|courage] and [directed|asked] the [authorities|police] to [see that|make sure] the wounded [get|receive] [every|proper] [care|treatment].",
    "{official} said the [investigation|inquiry] was [under way|continuing] and that [footage|CCTV footage|call records] from the [area|site|{landmark}] [was|were] being [examined|analysed] to [identify|trace] the [attackers|facilitators].",
    "The [ISPR|military's media wing|army] said the [armed forces|[security forces|security forces|Pakistani security forces]] were [determined|resolved] to [eliminate|root out] the [menace|scourge] of terrorism and that the [sacrifices|blood] of the martyrs would [strengthen|further strengthen] their [resolve|determination].",
    "{official} [urged|appealed to] [residents|people|the public] to [report|inform the police about] [suspicious|unknown] [people|persons|activity] and to [cooperate|keep cooperating] with the [police|law enforcement agencies].",
    "{official} [told|informed] {outlet} that the [police|force] had [received|been given] [threat alerts|a warning] about [possible|a planned] [attacks|movement] in the [area|district] [weeks before|some days before] and had [raised|increased] [patrols|security].",
]  # fmt: skip
CONTEXT_ECONOMY = [
    "[Hundreds of|{d:150-900}|Long queues of] [trucks|goods vehicles|containers] [loaded with|carrying] [fruit|cement|coal|onions|medicines] were [stranded|stuck] on both sides of the border after the [crossing|terminal] was [closed|shut], and [transporters|exporters] [put|estimated] their losses at [millions of rupees|several million rupees a day].",
    "[Shopkeepers|Traders|Businessmen] in the {landmark} [complain|say] that [sales|business] have [fallen|dropped] [sharply|by half] since the [violence|attacks] [began|returned], because [customers|buyers] from [neighbouring|nearby] villages [no longer|rarely] [travel|come] to town after [dark|dusk].",
    "The [unrest|insecurity|violence] has [delayed|stalled|slowed] [work on|construction of] [a|the] [dam|road|bridge|hospital|power plant] in the [area|district], where [engineers|contractors|workers] [have been|were] [threatened|kidnapped|asked to pay] [by militants|for protection money] [in the past|before].",
    "[Extortion|Ransom] [letters|calls|demands] [signed|made] in the name of the [militants|{short} militants|group] have [reached|been sent to] [doctors|traders|contractors|landlords] in the district, and [some|several] of them have [moved|shifted] their families to [Islamabad|Peshawar|Lahore|Karachi].",
    "[Farmers|Growers] [in the valley|of the area] [say|said] they [could not|were unable to] [harvest|sell|transport] their [wheat|maize|apples|tobacco|dates|rice] [crop|crops] [in time|this season] because of [curfews|the closure of roads|the fighting].",
    "[Smuggling|The trade in smuggled fuel|Cross-border trade] [across|over] the [porous|long] border [provides|gives] [a living|work|income] to thousands of [families|young men|labourers], and officials [say|believe] [some|part] of [the money|its profits] [reaches|funds] the militants.",
    "[Investors|Companies|Chinese firms] working on [projects|mining projects|power projects] in the province have [asked for|demanded] [better|more|dedicated] security for their [staff|workers|engineers] after [a series of|repeated] attacks on [their convoys|foreign nationals].",
]  # fmt: skip
CONTEXT_SOCIETY = [
    "[Since|From] {year_back}, the [province|district] has [lost|seen the deaths of] [more than|over] {d:120-900} [policemen|police officials], [according to|going by figures from] the [Central Police Office|provincial police], [including|among them] {d:10-60} [officers|officials] of the rank of DSP and above.",
    "[In|By] {last_year}, {d:200-900} [schools|government schools] in the [merged|tribal] districts [had|still had] no [boundary walls|electricity], and {d:20-60} percent of [teachers'|medical] [posts|positions] [lay|were] vacant, [a|an official] [survey|audit] [found|showed].",
    "[About|Some|Nearly] {d:2-9},000 [families|people] [were|had been] [displaced|uprooted] from [{district}|the district] in {early_year}, and [roughly|about] {d:20-70} percent of them [have|had] [since|now] [returned|gone back].",
    "[Teachers|Headmasters|Parents] [say|said] [attendance|enrolment] at [girls'|government] schools in the [area|tehsil] has [dropped|fallen] [since|after] [the threats|the attacks began], and [several|some] schools [remain|have remained] [closed|shut].",
    "The [polio|anti-polio|vaccination] campaign in the district was [suspended|postponed|halted] [for a week|for several days] after [the attack|the killing], and [health workers|vaccinators|lady health workers] [refused|declined] to go out without [police|armed] escorts.",
    "Blood [donors|donations] [queued|lined up] outside the [hospital|blood bank] [after|when] [appeals|announcements] were made from [mosques|loudspeakers|social media], and [students|volunteers|young men] [helped|assisted] [ambulance crews|doctors|rescue workers] [through the night|for hours].",
    "[Thousands of|{d:1200-9000}|Hundreds of] families have [left|fled] their [homes|villages] in the [valley|tehsil] [since|after] the [operation|fighting] [began|started], and [many|most] of them are [living|staying] [with relatives|in rented houses|in camps] in {district}.",
    "[Relief|Aid] [goods|supplies|packages], [including|such as] [tents|blankets|flour|cooking oil], were [distributed|handed out] among the [displaced|affected] families, [but|though] [many|some] [complained|said] the [aid|help] was [not enough|too little|late].",
    "[Religious scholars|Ulema|Clerics] [from all schools of thought|of different sects] [declared|issued a decree declaring] suicide attacks [un-Islamic|forbidden] and [urged|asked] [young people|the youth] to [stay away from|reject] [extremist|militant] [groups|propaganda].",
    "[Security arrangements|Arrangements] for [Muharram|Eid|the Friday prayers|the annual urs] [processions|gatherings|congregations] [were|have been] [reviewed|tightened], and [volunteers|scouts|peace committees] [will help|are helping] the police [check|search] [people|worshippers] at the [gates|entrances].",
    "[Journalists|Reporters] in the [tribal|border] districts [work|report] under [pressure|threat] from [both sides|militants and officials alike], and [several|a number] of them have been [killed|threatened|forced to leave] [over the years|in the past decade].",
    "[Women|Mothers|Widows] of [martyred|slain] policemen [say|said] the [promised|announced] [compensation|pension|jobs] [has not reached|had not reached] them, and [some|many] [rely|depend] on [relatives|charity] to [feed|raise] their children.",
]  # fmt: skip
CONTEXT_FORCE = [
    "[Police|Junior police] officers in the southern districts [complain|say] that they are [outgunned|poorly armed|ill-equipped] [against|compared with] militants who [carry|use] [night-vision goggles|thermal sights|modern rifles] [left behind|abandoned] [in Afghanistan|by foreign forces].",
    "[Many|Several] [police|Levies] posts in the [area|district] [are|were] [manned by|guarded by] [only|just] [a handful of|four or five] [men|constables], [often|mostly] [without|lacking] [walls|sandbags|proper boundary walls] or [floodlights|searchlights|radio sets].",
    "The provincial police [chief|head] [said|told a news conference] that [the force|his men] had [lost|sacrificed] [hundreds of|{d:150-900}|many] [officers|men] [since|over] the [past|last] [two decades|twenty years] [but|and] would [not|never] [retreat|abandon their posts].",
    "[A|The] [new|special] [counter-terrorism|anti-terrorism|rapid response] [unit|force|wing], [trained|raised] [with the help of|alongside] the army, [will be|is being] [deployed|posted] in the [most affected|southern|border] districts, [officials|the home department] [said|announced].",
    "[Drones|Quadcopters] [fitted with|carrying] [explosives|mortar shells|grenades] have been [used|flown] [against|over] police [stations|posts] in [the district|[{district}|the district]] [in recent months|this year], [adding|a new threat] to the [dangers|risks] [faced by|that face] the force.",
    "Safe City [cameras|surveillance cameras] [installed|placed] at [entry points|main roads|intersections] [helped|allowed] the police [to trace|identify] the [route|vehicle|motorcycle] [used by|of] the attackers, [officials|investigators] [said|added].",
    "[Investigators|Forensic experts|CTD officials] [sent|dispatched] [samples|the remains|fingerprints] of the [bomber|attackers] to the [Punjab Forensic Science Agency|forensic laboratory|NADRA] for [identification|DNA tests|matching].",
    "[Geo-fencing|Call data analysis|The tracing of mobile phones] of the [area|site] [led|pointed] investigators to a [house|hideout|compound] in [a nearby village|a street behind the {landmark}], where [the attackers|the bomber] had [stayed|spent the night] before the attack.",
]  # fmt: skip
CONTEXT_COURTS = [
    "An anti-terrorism court [in|at] {district} [remanded|handed over] the [suspects|accused] to the [CTD|police] for [fourteen|ten|seven] days [for interrogation|of physical remand].",
    "[Prosecutors|Lawyers] [say|said] that [few|only a handful of] terrorism cases [end|result] in [convictions|punishment], because [witnesses|complainants] [are|feel] [afraid|too frightened] to [testify|appear in court] and [evidence|forensic evidence] is [often|usually] [weak|poorly collected].",
    "The [high court|Peshawar High Court|Balochistan High Court] [sought|asked for] a [report|reply] from the [provincial government|inspector general] on the [steps|measures] [taken|adopted] to [protect|secure] [judges|courts|lawyers] in the [southern|tribal] districts.",
    "[A|The] [judicial|provincial] [inquiry|commission|tribunal] [set up|formed] [after|to probe] the [attack|incident] [has yet to|is due to] [submit|publish] its [findings|report], [according to|officials told] {outlet}.",
]  # fmt: skip
CONTEXT_REGION = [
    "[Pakistani officials|Islamabad|The Foreign Office] [have|has] [shared|handed over] [evidence|dossiers] with the Afghan Taliban [about|on] TTP [camps|hideouts] in [Kunar|Khost|Paktika|Nangarhar], [but|yet] [Kabul|the Taliban government] [has|had] [taken|shown] [no|little] [visible|meaningful] action.",
    "[Relations|Ties] between Pakistan and the Afghan Taliban [have|had] [deteriorated|soured] [sharply|steadily] since [2023|last year], with Pakistan [expelling|deporting] [hundreds of thousands|large numbers] of Afghan [nationals|refugees] and [accusing|blaming] Kabul of [sheltering|harbouring] the {short}.",
    "[China|Beijing] has [repeatedly|often] [urged|asked] Pakistan to [ensure|improve] the [safety|security] of [its nationals|Chinese workers|engineers] working on [projects|the China-Pakistan Economic Corridor], [after|following] [several|deadly] attacks on [their convoys|its citizens].",
    "[Islamabad|Pakistani officials] [accuse|have accused] [India|New Delhi] of [backing|funding|sponsoring] [separatist|militant] groups in Balochistan, [a charge|an allegation] that India [denies|has denied].",
    "[The United Nations|A UN monitoring team|The UN Security Council] [report|in its latest report] [estimated|said] that [several thousand|thousands of] TTP [fighters|militants|{short} fighters] [were|are] [based|present] in Afghanistan's [eastern|southern|border] provinces.",
    "[The Afghan Taliban|Officials in Kabul|The Taliban authorities] [say|insist|maintain] that they do not [allow|permit] [anyone|any group] to use Afghan soil against [other countries|a neighbour], and [describe|call] Pakistan's [security|militancy] [problems|troubles] an internal matter.",
    "[Border|Frontier] [clashes|skirmishes] between Pakistani and Afghan [forces|troops|border guards] [have|had] [erupted|broken out] [several times|more than once] [along|at] the Durand Line, [often|usually] over [fencing|new posts|the building of checkpoints].",
    "[Trade|Talks] between the two [countries|neighbours] [has|have] [suffered|been hit] [as|since] [relations|ties] [soured|worsened], and [millions|thousands] of Afghan [refugees|nationals] [living|settled] in Pakistan [have been|are being] [asked|told] to [leave|return home].",
]  # fmt: skip
CONTEXT_HISTORY = [
    "The TTP was [formed|founded|set up] in 2007 as an [umbrella|alliance] of [militant|tribal] [groups|factions] [in|from] [the tribal areas|the former Federally Administered Tribal Areas (Fata)], and [its|the group's] [fighters|leaders] [fled|moved] to Afghanistan [after|during] the [army's|military's] operations [there|in Waziristan].",
    "[Several|Many|A number of] [splinter|breakaway] [factions|groups] have [rejoined|merged with] the TTP [over|in] the [past|last] [few years|three years], [strengthening|reviving|boosting] the [group|organisation] [after|following] years of [decline|infighting].",
    "The [group|militants|{short} fighters] [recruits|draw recruits] [among|from] [jobless|unemployed|young] men in the [border|tribal] districts [and uses|through] [social media|videos|pamphlets] and [FM radio|messaging apps] to [spread|circulate] its [message|propaganda].",
    "[Before|In the years before] the [military|army] [operations|offensives] of the [last|previous] decade, militants [ran|controlled] [parallel courts|their own courts] and [collected|levied] [taxes|protection money] in [large parts|much] of the [valley|tribal belt].",
    "Baloch [separatist|nationalist] [groups|insurgents], [such as|including] the BLA and the BLF, have [fought|waged an insurgency] [for decades|since the 2000s] [for|demanding] [greater|a larger] [share|control] of the province's [gas|mineral|natural] [resources|wealth].",
]  # fmt: skip
CONTEXT_NATURE = [
    "[Heavy|Fresh] [snowfall|rain] [and|with] [low visibility|fog] [hampered|slowed] the [search|operation|rescue work] in the [mountains|valley|upper reaches of the district], [officials|rescue workers] [said|told reporters].",
    "The [attackers|militants|{short} fighters] [are believed to have|probably] [escaped|fled] [through|along] [a dry riverbed|the forested slopes|a mountain track] [towards|into] the [border|neighbouring district|adjoining tribal area], [according to|investigators told] {outlet}.",
    "[The|A] [valley|plateau|river basin], [known|famous] for its [orchards|pine forests|marble|honey|waterfalls], [used to|once] [draw|attract] [tourists|visitors] [from|across] [the country|Pakistan] [before|until] the [militancy|violence] [returned|began].",
]  # fmt: skip
PARTIES = [
    "PTI", "PML-N", "PPP", "JUI-F", "ANP", "Jamaat-e-Islami", "BNP-Mengal", "National Party",
    "Pakistan Tehreek-e-Insaf", "Awami National Party", "Pakistan Peoples Party", "MQM-P",
    "Qaumi Watan Party", "Pashtun Tahaffuz Movement",
]  # fmt: skip
INSTITUTIONS = [
    "Khyber Union of Journalists", "Peshawar Press Club", "Provincial Bar Council",
    "Sarhad Chamber of Commerce and Industry", "Quetta Press Club", "Human Rights Commission of Pakistan",
    "Council of Islamic Ideology", "Federal Board of Revenue", "Higher Education Commission",
    "Pakistan Medical Association", "Ulema Council", "Traders Federation",
]  # fmt: skip
ROADS = [
    "Indus Highway", "Karakoram Highway", "N-25 highway", "Bannu-Miranshah road",
    "Kohat Tunnel road", "Grand Trunk Road", "Quetta-Karachi highway", "Makran Coastal Highway",
    "Peshawar-Torkham road", "Dera Ismail Khan-Zhob road", "Thall-Parachinar road", "Swat Motorway",
]  # fmt: skip
# Context with the names of people, parties and institutions, as reports
# give them (capitalised words without a casualty or an event).
CONTEXT_NAMED = [
    "{official}, who [heads|leads] the [investigation|inquiry team], told {outlet} that [investigators|the team] had [collected|gathered] [evidence|material] from the site and [questioned|interviewed] [several|a number of] [witnesses|residents], [including|among them] the [owner|caretaker] of a [nearby|neighbouring] {landmark}.",
    "{party} [leader|chief|president] {name} [visited|called on] the [families|bereaved families] of the [martyred|slain] [policemen|men] in [{district}|the district] and [criticised|blamed] the [federal|provincial] government for what he called its [failure|negligence] on [security|law and order].",
    "A [delegation|team] of the {institution} led by {name} [met|called on] the {title} in {province_city} and [discussed|reviewed] [arrangements|the security plan] for [the district|the upcoming elections|the polio campaign].",
    "The [Senate|National Assembly] Standing Committee on [Interior|Human Rights|Defence] [summoned|invited] the [Inspector General|Chief Secretary|Home Secretary] of {province} to [brief|explain to] its members [on|about] the [rising|recent] violence in [the province|{district}].",
    "{name}, a [senior|veteran] [journalist|analyst|researcher] [based in|who reports from] [{district}|the district], [said|wrote] that [the|local] [people|tribes] [had lost|were losing] [faith|trust] in [the state's|official] [promises|assurances] of [peace|security] [after|following] [years|a decade|{d:10-20} years] of [military campaigns|displacement].",
    "[Speaking|Talking] to [reporters|journalists|the media] [outside|at] the {landmark}, {official} said the [Counter Terrorism Department|CTD|police] [had|has] [identified|traced] the [handlers|facilitators|network] behind the [attackers|bomber] and that [arrests|raids] [would follow|were expected] [soon|within days].",
    "The Chief Minister of {province}, [chairing|in] a [meeting|session] with the Inspector General of Police and [senior|top] [officials|commanders], [approved|ordered] [new|additional] [posts|checkpoints] [along|on] the {road} and the [raising|recruitment] of [a new|another] [battalion|company] of the Elite Force.",
    "The {institution} [condemned|deplored] the [incident|violence] and [asked|called on] [Prime Minister|Chief Justice|President] {name} to [take notice|form a commission] [of|into] the [situation|security lapses] in {district}.",
    "{party} [lawmaker|MNA|MPA] {name}, who [represents|was elected from] [{district}|the district], [told|informed] the [assembly|chamber] that [residents|people] of his [constituency|area] [lived|were living] in [constant|daily] fear and [demanded|sought] [a briefing|an explanation] from the [Home Department|Interior Ministry].",
    "[According to|Citing] {outlet}, the [Federal|Provincial] [Investigation Agency|Home Department] [has|had] [placed|put] the names of [dozens of|several] [suspects|facilitators] on the [Fourth Schedule|Exit Control List] [and frozen|and blocked] their [bank accounts|identity cards].",
    "[In|At] a [news conference|press briefing] in {province_city}, {official} and {official} [displayed|showed] [the|some] [weapons|explosives|equipment] [seized|recovered] from the [hideout|compound] and [said|claimed] the [network|cell] [had links|was linked] with [handlers|commanders] in [Kabul|Kandahar|Khost|Paktika].",
    "{name}, [the|a] {trade} [whose|whose younger] [brother|son|nephew] [was among|was one of] the [victims|dead], [said|told reporters] that the [family|household] had [moved|migrated] to {district} from {home} [years ago|in search of work] and [had|kept] no [disputes|quarrels] with anyone.",
]  # fmt: skip
ITEMS = [
    "a generator", "solar panels", "a water tank", "a transformer", "a satellite dish",
    "a cupboard of files", "ledgers", "a motorcycle", "a tractor", "window panes", "a mosque's minaret",
    "a school's roof", "electricity poles", "a footbridge", "a grocery store", "a pharmacy",
    "a petrol pump's canopy", "a boundary wall", "a watchtower", "a fuel tanker", "a bakery",
    "a cattle shed", "an ambulance", "a prison van", "a wedding tent", "parked cars",
    "a textbook warehouse", "a clinic", "a ration depot", "a rickshaw", "a power pylon",
    "a gas pipeline", "a railway track", "a culvert", "a signboard", "a water pump", "a kiosk",
    "a sugarcane crusher", "a rice husking mill", "a cold storage", "a dispensary", "a granary",
]  # fmt: skip
GOODS = [
    "pine nuts", "apples", "pomegranates", "grapes", "dates", "onions", "potatoes", "tomatoes",
    "cement", "coal", "chromite", "marble", "timber", "wheat flour", "sugar", "cooking oil",
    "medicines", "fertiliser", "livestock", "dried fruit", "carpets", "tea", "rice", "cotton",
    "ghee", "tyres", "mobile phones", "spare parts", "cloth", "firewood", "honey", "soapstone",
]  # fmt: skip
VEHICLES = [
    "pickup", "double-cabin jeep", "coaster", "minibus", "tractor trolley", "oil tanker",
    "motor rickshaw", "school van", "motorcycle", "land cruiser", "goods truck", "water bowser",
    "armoured personnel carrier", "ambulance", "sedan", "tow truck", "taxi", "dumper",
]  # fmt: skip
IDEAS = [
    "governance", "accountability", "rehabilitation", "reconciliation", "deradicalisation",
    "reintegration", "border management", "intelligence sharing", "policing", "prosecution",
    "development", "education", "employment", "dialogue", "deterrence", "legitimacy",
    "transparency", "coordination", "capacity building", "community engagement", "trust",
    "the rule of law", "civilian oversight", "service delivery", "social cohesion", "justice",
    "economic inclusion", "local ownership", "institutional reform", "regional cooperation",
]  # fmt: skip
QUALITIES = [
    "patchy", "uneven", "fragile", "half-hearted", "piecemeal", "sluggish", "underfunded",
    "disjointed", "reactive", "short-lived", "inconsistent", "belated", "costly", "narrow",
    "ambitious", "credible", "sustained", "durable", "visible", "coherent", "decisive", "modest",
    "tentative", "lopsided", "opaque", "ad hoc", "symbolic", "fitful", "cautious", "robust",
]  # fmt: skip
# Context that names things: goods, buildings, vehicles, ideas.
CONTEXT_THINGS = [
    "The [blast|fire|firing] also [damaged|destroyed] {item} and {item}, and [shopkeepers|owners] [estimated|put] the [losses|damage] at Rs{d:2-40} [million|lakh].",
    "[Traders|Wholesalers|Dealers] of {goods} and {goods} in the {landmark} [say|said] [prices|rates] had [jumped|doubled] since the [road|route] [was closed|was blocked], [as|because] [trucks|supplies] [could not|were unable to] reach the [town|district].",
    "[The|A] {vehicle} [carrying|loaded with] {goods} was [stopped|held up] at a [checkpoint|picket] [near|outside] the {landmark}, and [its driver|the driver] was [questioned|detained] for [several|two] hours before being [released|allowed to go].",
    "[Analysts|Researchers|Former officials] [argue|say|believe] that [lasting|real] peace [depends|rests] on {idea} and {idea} as much as on [force|military operations], and [describe|call] the [state's|government's] [efforts|response] so far as {quality} and {quality}.",
    "[A|The] [policy|strategy|plan] [drafted|prepared] by the [provincial|federal] [government|home department] [speaks|talks] of {idea}, {idea} and {idea}, but [officials|critics] [admit|concede] that [its|the] [implementation|execution] has been {quality}.",
    "[Donors|International partners|Aid agencies] have [funded|supported] [projects|programmes] [for|on] {idea} in the [merged|tribal] districts, [but|yet] [residents|locals] [complain|say] that [progress|the work] has been {quality}.",
    "[Police|Investigators] [found|recovered] {item} [and|along with] [a|some] {vehicle} [abandoned|left] [near|at] the {landmark}, which they [believe|suspect] the [attackers|gang] [used|had used] to [reach|flee] the [area|spot].",
    "[Locals|Villagers] [used|hired] a {vehicle} to [carry|take] the [injured|wounded] to [hospital|the nearest hospital] [because|as] [no ambulance|ambulances] [was|were] [available|on hand] [at the time|in the area].",
]  # fmt: skip
# Commentary is written in clauses: an opening, a subject (singular), what
# it did or failed to do, and an ending. Their combinations give opinion
# pieces and analyses the wide vocabulary of real ones.
OPENINGS = [
    "For all the talk of reform,", "Seen from the valleys of the north-west,",
    "Over the past decade,", "Time and again,", "In private,", "On paper at least,",
    "Since the last operation ended,", "To its credit,", "By most accounts,", "Even so,",
    "Behind the headlines,", "At the heart of the problem,", "In the meantime,",
    "Looking back,", "Put simply,", "As things stand,", "Unsurprisingly,", "Worryingly,",
    "In fairness,", "With elections approaching,", "Away from the capital,", "Quietly,",
    "After every major bombing,", "In the southern districts,", "Across the tribal belt,",
    "More than a decade later,", "Until recently,", "Ironically,", "Crucially,", "Ultimately,",
    "Whatever its intentions,", "On the ground,", "Stripped of the rhetoric,", "In hindsight,",
    "To be fair,", "Meanwhile,", "Tellingly,", "Officially,", "Predictably,", "Once again,",
]  # fmt: skip
SUBJECTS = [
    "the provincial government", "the federal cabinet", "the police leadership",
    "the civil bureaucracy", "the interior ministry", "the National Counter Terrorism Authority",
    "parliament", "the opposition", "the judiciary", "the finance department",
    "each new chief minister", "the security establishment", "the district administration",
    "the political class", "the Foreign Office", "the education department",
    "the Counter Terrorism Department", "the Frontier Corps", "the state", "officialdom",
    "the media", "civil society", "the business community", "the clergy", "every government",
    "the home department", "the army's leadership", "the planning commission",
    "{province}'s government", "the {party}-led coalition", "Interior Minister {name}",
    "Chief Minister {name}", "the {institution}", "Islamabad", "the government in {province_city}",
]  # fmt: skip
PREDICATES = [
    "has struggled to pay for the vehicles, radios and armour its men keep asking for",
    "has promised schools, clinics and roads that have yet to arrive",
    "has preferred announcements to the slow, unglamorous work of rebuilding institutions",
    "has treated the border districts as a problem to be managed rather than a place to be governed",
    "has rarely explained what the last round of talks actually achieved",
    "has left the merger of the tribal districts half finished",
    "has kept its counter-extremism plans locked in filing cabinets",
    "has underestimated how quickly the militants adapted to drones and night raids",
    "has failed to build the courts, prisons and prosecution service that convictions require",
    "has spent heavily on checkpoints while neglecting detective work and forensics",
    "has allowed intelligence agencies and the police to work in separate silos",
    "has looked away as extortion became routine in the bazaars",
    "has talked of economic corridors while unemployment among the young kept climbing",
    "has been slow to compensate families whose homes were damaged in earlier operations",
    "has never settled who should lead the fight in the settled districts",
    "has let ceasefire after ceasefire collapse without asking why",
    "has held dozens of meetings on the subject and published almost nothing",
    "has been quick to blame Kabul and slow to reform at home",
    "has moved officers so often that few stay long enough to learn their districts",
    "has starved local government of money and authority",
    "has relied on tribal militias whose loyalty cannot be taken for granted",
    "has mistaken quiet for peace more than once",
    "has made the same promises after each tragedy, in almost the same words",
    "has found it easier to ban organisations than to dismantle their networks",
    "has yet to publish the findings of its own inquiry commissions",
    "has ignored warnings from its own analysts about recruitment in seminaries and colleges",
    "has never fully funded the deradicalisation centres it opened with fanfare",
    "has depended on foreign donors for much of its police training",
    "has never decided whether the {short} is an enemy to be defeated or a movement to be bargained with",
    "has watched the {group} rebuild its ranks in Afghanistan since August 2021",
    "has offered amnesty to {short} fighters without a plan to resettle them",
    "has been told by Kabul, more than once, that the {short} is Pakistan's own problem",
    "has underrated the {group}'s hold on the youth of [{district}|the district] and {other_district}",
    "has asked the Afghan Taliban for guarantees it has no means to enforce",
    "has cut the development budget for the merged districts in three successive years",
    "has issued arms licences by the thousand while the courts sit idle",
    "has let the Levies and Khasadar forces wither without pay or purpose",
    "has outsourced its thinking on Afghanistan to a handful of officials",
    "has talked of a national narrative against extremism without ever writing one",
    "has been reluctant to share power with elected district councils",
    "has counted roadblocks and raids as progress instead of convictions",
]  # fmt: skip
ENDINGS = [
    ", leaving villagers to fend for themselves.", ", and the results show.",
    ", which critics call a recipe for drift.", ", a point few officials dispute in private.",
    ", and the militants have noticed.", ", even as the casualty lists grow longer.",
    ", a habit that has cost it dearly.", ", with predictable consequences.",
    ", to the frustration of its own officers.", ", despite repeated warnings.",
    ", and the gap is widening.", ", according to people familiar with its deliberations.",
    ", as several retired officials have noted.", ", a lesson the country keeps relearning.",
    ", and few expect that to change soon.", ", while the bills for reconstruction pile up.",
    ", as residents of {district} will attest.", ", long after the television cameras left.",
    ", a failure that opposition lawmakers have seized upon.", ", and Kabul knows it.",
    ".", ".", ".", ".", ".",
]  # fmt: skip
# What witnesses were doing, and what they saw and heard: the detail of
# eyewitness paragraphs.
SHOPS = [
    "grocery store", "tea stall", "pharmacy", "tailoring shop", "mobile phone shop",
    "fruit stall", "bakery", "hardware store", "barber's shop", "bookshop", "butcher's shop",
    "photocopy shop", "sweets shop", "shoe shop", "cloth shop", "auto workshop", "flour shop",
    "vegetable stall", "kebab stall", "medical store", "electronics shop", "hotel",
]  # fmt: skip
ACTIVITIES = [
    "closing his shop for the night", "waiting for a bus", "buying bread for his family",
    "counting the day's takings", "sitting with friends after the evening prayers",
    "loading sacks onto a pickup", "arguing with a customer over a price", "drinking tea",
    "on his way back from the mosque", "fixing a punctured tyre", "watching a cricket match",
    "walking his children home from school", "queueing at the bank", "unloading crates of apples",
    "sweeping the pavement", "talking on the phone with his brother in Dubai",
    "trying to get his motorcycle started", "reading the morning paper", "haggling over tomatoes",
    "shutting the shutters of his shop", "offering the Asr prayers", "selling roasted corn",
]  # fmt: skip
SIGHTS = [
    "a deafening bang", "a long burst of gunfire", "two loud bangs in quick succession",
    "shouting and then silence", "the screech of tyres", "glass shattering all around him",
    "a cloud of dust and smoke rising over the rooftops", "people running in every direction",
    "the crackle of automatic rifles", "a flash followed by a shockwave",
]  # fmt: skip
WITNESS = [
    "{name}, who [runs|owns|works at] a {shop} near the {landmark}, said he was {activity} when he heard {sight}.",
    "[One|Another] [witness|resident], {name}, told {outlet} that he had been {activity} [a few metres|{d:20-300} metres|barely fifty metres] away when he [saw|heard] {sight}.",
    "\u201cI was {activity} when I heard {sight},\u201d said {name}, a {trade} [from|who lives in] {locality_or_village}.",
    "{name}, [a|the] {trade}, [recalled|remembered] [seeing|hearing] {sight} [while|as] he was {activity}, and [said|added] that [the|his] {shop} [was|had been] [damaged|left in ruins].",
]  # fmt: skip
CONTEXT = (
    CONTEXT_PEOPLE + CONTEXT_MEASURES + CONTEXT_POLITICS + CONTEXT_PLACE + CONTEXT_STATEMENT
    + CONTEXT_ECONOMY + CONTEXT_SOCIETY + CONTEXT_FORCE + CONTEXT_COURTS + CONTEXT_REGION
    + CONTEXT_HISTORY + CONTEXT_NATURE + CONTEXT_NAMED + CONTEXT_THINGS
)  # fmt: skip

# Short sentences, which real copy has plenty of: a line of attribution,
# a fact, a sign-off.
SHORT = [
    "The [attackers|militants|gunmen] [fled|escaped] [in the dark|towards the hills].",
    "[The|This] [attack|blast] was the [second|third|latest] in the [area|district] this [month|year].",
    "The {short} [has not commented|did not comment] on the [attack|killings].",
    "[No arrests|No arrest] [have been|had been] made [so far|yet].",
    "[Investigations|Inquiries] are under way.",
    "He did not [give|share] [further|more] details.",
    "[The|Its] [area|site] was [cordoned off|sealed].",
    "The [motive|reason] [was not|is not yet] [known|clear].",
    "[Officials|He] [declined|refused] to [comment further|give names].",
    "[The|Their] [bodies|remains] were handed over to [the families|relatives].",
    "[Traffic|Life] returned to normal [by evening|the next day].",
    "[Schools|Markets] [remained|stayed] closed.",
    "A [case|report] has been registered.",
    "[The|A] [search|hunt] for the [culprits|suspects] [continues|goes on].",
    "[Rescue|Relief] [teams|workers] [reached|arrived at] the [spot|site] [soon after|within minutes].",
    "The [road|highway] was [reopened|cleared] [later|in the evening].",
    "[Such|These] [incidents|killings] have [become|grown] [common|frequent] in {district}.",
    "{official} [confirmed|verified] the [figures|toll].",
    "[Reporting|Additional reporting] by {name} in {district}.",
    "[Photo|File photo]: {sec} [stand guard|on patrol] in {district}.",
]  # fmt: skip
# Clauses that lengthen a sentence, as real leads and background sentences
# run long: added at the end of some sentences.
TAILS = [
    ", [officials|police] said, adding that [a search operation|an investigation] had been [launched|started] to [trace|find] the [culprits|people behind it]",
    ", in what [residents|elders] described as [one of the worst episodes|the worst episode|the worst spell] of [unrest|lawlessness] the [town|valley] had [seen|known] in [years|a decade]",
    ", {n:2-9} [days|weeks] after {leader} [visited|toured] the [provincial capital|district] and [promised|announced] [more|additional] [funds|resources] for the [police|Counter Terrorism Department]",
    ", [according to|as stated in] a [report|statement|letter] [sent|submitted] to the [Home Department|Inspector General of Police] and [seen|reviewed] by {outlet}",
    ", [a|the] [tactic|method] [often|frequently] [used|employed] by the {group} [in|across] {province} [over the past year|in recent months]",
    ", while [Deputy Commissioner|DC] {name} [imposed|enforced] [a curfew|a ban on pillion riding|a ban on gatherings] in [parts of the district|the area] [until further orders|for a week]",
    ", [although|though] [officials|the authorities] in the provincial capital [insisted|maintained] that the [situation|security situation] [was|remained] [under control|stable] and that [life|business] [would|should] [return to normal|resume] [soon|within days]",
    ", [said|according to] {name}, [a|the] [spokesperson|spokesman] for the [district|provincial] [administration|police], who [spoke|was speaking] to [reporters|journalists] in {district}",
    ", and [elders|notables] of the {name2} tribe [met|called on] the [[Deputy Commissioner|DC]|district administration] to [demand|seek] [protection|compensation] for [their|the] [villages|families]",
]  # fmt: skip
# Attributions added to some sentences of context: reports say who said what.
CREDITS = [
    ", {official} said", ", according to {official}", ", {name} of the {institution} said",
    ", {outlet} reported", ", {leader} said in a statement", ", {official} told {outlet}",
    ", said {name}, a {party} leader", ", {official} told reporters on {weekday}",
    ", officials in the Home Department said", ", {name} told {outlet} on {weekday}",
]  # fmt: skip
# Wordings of common words, drawn afresh at each use (real writers vary
# their words; none of these is a word the parser's rules look for).
SYNONYMS = {
    "senior": ["senior", "high-ranking", "top"],
    "nearby": ["nearby", "neighbouring", "adjoining", "surrounding"],
    "residents": ["residents", "locals", "inhabitants"],
    "immediately": ["immediately", "at once", "promptly", "swiftly"],
    "repeatedly": ["repeatedly", "time and again", "frequently", "persistently"],
    "recently": ["recently", "lately", "of late"],
    "cowardly": ["cowardly", "heinous", "despicable", "barbaric", "dastardly"],
    "brave": ["brave", "valiant", "courageous", "gallant"],
    "bravely": ["bravely", "valiantly", "courageously"],
    "large": ["large", "huge", "sizeable", "big"],
    "quickly": ["quickly", "rapidly", "swiftly"],
    "difficult": ["difficult", "hard", "tough", "challenging"],
    "important": ["important", "key", "crucial", "vital"],
    "significant": ["significant", "considerable", "notable", "marked"],
    "statement": ["statement", "press release", "communique"],
    "began": ["began", "started", "commenced"],
    "determined": ["determined", "resolved", "committed", "resolute"],
    "resolve": ["resolve", "determination", "commitment"],
    "menace": ["menace", "scourge", "curse", "evil"],
    "fear": ["fear", "dread", "anxiety"],
    "efforts": ["efforts", "attempts", "endeavours"],
    "measures": ["measures", "steps", "arrangements"],
    "complained": ["complained", "grumbled", "lamented"],
    "criticised": ["criticised", "slammed", "censured", "faulted"],
    "praised": ["praised", "lauded", "commended", "hailed"],
    "urged": ["urged", "asked", "called on", "pressed"],
    "shifted": ["shifted", "moved", "transferred"],
    "rushed": ["rushed", "hurried", "raced"],
    "gathered": ["gathered", "assembled", "congregated"],
    "worsened": ["worsened", "deteriorated"],
    "deteriorating": ["deteriorating", "worsening", "declining"],
    "sharply": ["sharply", "steeply", "dramatically", "markedly"],
    "unchecked": ["unchecked", "unabated"],
    "entire": ["entire", "whole"],
    "hideout": ["hideout", "hiding place", "safe house"],
    "compensation": ["compensation", "financial assistance", "financial aid"],
    "warned": ["warned", "cautioned"],
    "ensure": ["ensure", "guarantee"],
    "strengthen": ["strengthen", "bolster", "reinforce"],
    "reinforced": ["reinforced", "strengthened", "bolstered"],
    "tightened": ["tightened", "stepped up", "beefed up"],
    "explained": ["explained", "clarified"],
    "revealed": ["revealed", "disclosed"],
    "expressed": ["expressed", "voiced", "conveyed"],
    "grief": ["grief", "sorrow", "anguish"],
    "concern": ["concern", "worry", "alarm"],
    "deadly": ["deadly", "lethal", "bloody"],
    "fresh": ["fresh", "new", "renewed"],
    "growing": ["growing", "mounting", "increasing"],
    "remote": ["remote", "far-flung", "isolated"],
    "poor": ["poor", "impoverished", "deprived"],
    "frequent": ["frequent", "regular", "recurrent"],
    "constant": ["constant", "continual", "persistent"],
    "complete": ["complete", "full", "total"],
    "vowed": ["vowed", "pledged", "promised"],
    "condemned": ["condemned", "denounced", "deplored"],
    "tribute": ["tribute", "homage"],
    "families": ["families", "households"],
    "sacrifices": ["sacrifices", "sacrifice"],
    "assured": ["assured", "reassured"],
    "unrest": ["unrest", "turmoil", "instability"],
    "strategy": ["strategy", "policy", "approach"],
    "crisis": ["crisis", "emergency"],
    "damaged": ["damaged", "wrecked", "ruined"],
    "destroyed": ["destroyed", "demolished", "razed"],
    "rescue": ["rescue", "relief"],
    "administration": ["administration", "authorities"],
    "remained": ["remained", "stayed"],
    "elders": ["elders", "notables", "elders"],
    "often": ["often", "regularly", "often"],
    "commander": ["commander", "leader"],
    "nation": ["nation", "country"],
    "town": ["town", "city"],
    "site": ["site", "spot", "scene"],
    "investigation": ["investigation", "probe", "inquiry"],
    "village": ["village", "hamlet", "village"],
    "talks": ["talks", "negotiations"],
    "reporters": ["reporters", "journalists", "newsmen"],
    "trace": ["trace", "track down", "locate"],
    "house": ["house", "home", "residence"],
    "described": ["described", "termed"],
    "worst": ["worst", "deadliest"],
    "closed": ["closed", "shut"],
    "though": ["though", "although"],
    "funds": ["funds", "money"],
    "recovered": ["recovered", "seized", "recovered"],
    "promised": ["promised", "pledged"],
    "additional": ["additional", "extra", "more"],
    "culprits": ["culprits", "perpetrators"],
    "surge": ["surge", "spike", "upsurge"],
    "similar": ["similar", "comparable"],
    "enforced": ["enforced", "imposed"],
    "network": ["network", "cell", "ring"],
    "figures": ["figures", "statistics"],
    "reviewed": ["reviewed", "examined"],
    "collected": ["collected", "gathered"],
    "intense": ["intense", "heavy"],
    "unknown": ["unknown", "unidentified"],
    "helped": ["helped", "assisted"],
    "travel": ["travel", "commute"],
    "residence": ["residence", "house"],
    "bodies": ["bodies", "remains"],
    "deployed": ["deployed", "stationed", "posted"],
    "arrived": ["arrived", "turned up"],
    "escaped": ["escaped", "got away", "fled"],
    "crowd": ["crowd", "throng"],
    "journalists": ["journalists", "media persons"],
    "spokesman": ["spokesman", "spokesperson"],
    "seriously": ["seriously", "gravely", "critically"],
    "attempt": ["attempt", "bid"],
    "brutal": ["brutal", "savage", "ruthless"],
    "innocent": ["innocent", "unarmed", "defenceless"],
    "officer": ["officer", "official"],
    "gathering": ["gathering", "meeting", "assembly"],
    "routine": ["routine", "regular", "customary"],
    "villagers": ["villagers", "locals", "tribesmen"],
    "assistance": ["assistance", "help", "support"],
    "immediate": ["immediate", "prompt", "urgent"],
    "strict": ["strict", "stringent", "tight"],
    "arrangements": ["arrangements", "preparations"],
}
TRIBES = [
    "Wazir", "Mehsud", "Dawar", "Bhittani", "Marwat", "Afridi", "Orakzai", "Bangash", "Turi",
    "Mohmand", "Utmankhel", "Tarkani", "Mamund", "Salarzai", "Zakha Khel", "Kuki Khel",
    "Bugti", "Marri", "Mengal", "Zehri", "Raisani", "Achakzai", "Kakar", "Mandokhail",
]  # fmt: skip
# A word of SYNONYMS, not inside a slot's name ("{grief}") or a compound.
_SYNONYM = re.compile(r"(?<![{-])\b(" + "|".join(SYNONYMS) + r")\b(?![}-])")

DATELINES = [
    "{DISTRICT}: ", "{DISTRICT} \u2013 ", "{DISTRICT} - ", "{DISTRICT}, {mon_day} (APP): ", "",
    "{PROVINCE_CITY}: ",
]  # fmt: skip
# Where the reports' incidents happen: most in Khyber Pakhtunkhwa and
# Balochistan (as in the evaluation set), a few elsewhere.
PROVINCE_WEIGHTS = {
    "Khyber Pakhtunkhwa": 0.58,
    "Balochistan": 0.24,
    "Sindh": 0.07,
    "Punjab": 0.06,
    "Islamabad Capital Territory": 0.02,
    "Gilgit-Baltistan": 0.02,
    "Azad Jammu and Kashmir": 0.01,
}
# Districts where most reported violence happens: drawn three times as often.
HOTSPOTS = {
    "North Waziristan", "South Waziristan", "Lower South Waziristan", "Upper South Waziristan",
    "Bannu", "Lakki Marwat", "Dera Ismail Khan", "Khyber", "Bajaur", "Kurram", "Tank",
    "Peshawar", "Orakzai", "Mohmand", "Quetta", "Kech", "Panjgur", "Mastung", "Zhob", "Kalat",
    "Nushki", "Gwadar", "Kachhi", "Karachi East", "Karachi West", "Islamabad",
}  # fmt: skip
BORDER_DISTRICTS = [
    "Bajaur", "Mohmand", "Khyber", "Kurram", "North Waziristan", "South Waziristan",
    "Upper Chitral", "Lower Chitral", "Upper Dir", "Zhob", "Chaman", "Killa Abdullah", "Nushki",
    "Chagai", "Pishin", "Kech", "Panjgur",
]  # fmt: skip
PROVINCE_CITIES = {
    "Khyber Pakhtunkhwa": "PESHAWAR",
    "Balochistan": "QUETTA",
    "Sindh": "KARACHI",
    "Punjab": "LAHORE",
    "Islamabad Capital Territory": "ISLAMABAD",
    "Gilgit-Baltistan": "GILGIT",
    "Azad Jammu and Kashmir": "MUZAFFARABAD",
}

_ATTRIBUTED = re.compile(r"said|according|reported|told|added|\{official\}|\u201d")
_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "in",
    "on",
    "of",
    "for",
    "as",
    "at",
    "by",
    "to",
    "and",
    "or",
}
# A choice of wordings, "[a|b|c]" (the innermost first when nested), and a
# slot, "{name}" or "{n:2-9}" (a number from 2 to 9).
_CHOICE = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{(\w+)(?::(\d+)-(\d+))?\}")
_LEADING_NUMBER = re.compile(r"(\d+) ")


def _article(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


# "a" or "an" before a word, to agree with what a slot or a synonym put
# there; an abbreviation ("an FIR", "a UN team") is left as written.
_INDEFINITE = re.compile(r"\b([Aa])n? (?=([A-Za-z][\w-]*))")
_AN_WORDS = ("hour", "honour", "honest")
_A_WORDS = ("one", "uni", "use", "usu", "euro", "Euro", "Uni", "Use")


def _agree(match: re.Match[str]) -> str:
    word = match.group(2)
    if word.isupper() and len(word) > 1:
        return match.group(0)
    vowel = word[0] in "aeiouAEIOU"
    if word.startswith(_AN_WORDS):
        vowel = True
    elif word.startswith(_A_WORDS):
        vowel = False
    return match.group(1) + ("n " if vowel else " ")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Writer:
    """One corpus's random choices and one document's fixed choices (its
    main place, group and date): the slots of the templates."""

    def __init__(self, rng: random.Random, places: list[tuple[str, str, str | None]]) -> None:
        self.rng = rng
        self.districts: dict[str, list[str]] = {}
        self.localities: dict[str, list[str]] = {}
        for district, province, locality in places:
            if locality is None:
                copies = 3 if district in HOTSPOTS else 1
                self.districts.setdefault(province, []).extend([district] * copies)
            else:
                self.localities.setdefault(district, []).append(locality)
        self.provinces = [p for p in PROVINCE_WEIGHTS if p in self.districts]
        self.province_weights = [PROVINCE_WEIGHTS[p] for p in self.provinces]
        self.slots = self._slots()
        self.start(dt.date(2024, 1, 1))

    def start(self, published: dt.date) -> None:
        """A new document published on ``published``: a main place and group."""
        self.published = published
        self.district, self.province, self.locality = self.place()
        self.group, self.short = self.rng.choice(PROVINCE_GROUPS.get(self.province, GROUPS))

    # -- numbers -----------------------------------------------------------
    def count(self, low: int = 1, high: int = 12) -> str:
        n = self.rng.randint(low, high)
        if n <= len(NUMBER_WORDS) and self.rng.random() < 0.6:
            return NUMBER_WORDS[n - 1]
        return str(n)

    # -- places ------------------------------------------------------------
    def place(self, province: str | None = None) -> tuple[str, str, str | None]:
        """A district (of ``province``, else of a province drawn with the
        weights of real reporting) and, more often than not, a locality."""
        if province is None or province not in self.districts:
            province = self.rng.choices(self.provinces, self.province_weights)[0]
        district = self.rng.choice(self.districts[province])
        localities = self.localities.get(district)
        if localities and self.rng.random() < 0.7:
            return district, province, self.rng.choice(localities)
        return district, province, None

    def near(self) -> tuple[str, str, str | None]:
        """Another place, most often in the same province."""
        return self.place(self.province if self.rng.random() < 0.75 else None)

    def where(self) -> str:
        if self.locality and self.rng.random() < 0.75:
            return self.rng.choice(
                [
                    f"in the {self.locality} area of {self.district} district",
                    f"in {self.locality}, {self.district}",
                    f"in {self.district}\u2019s {self.locality} area",
                ]
            )
        return self.rng.choice(
            [
                f"in {self.district} district of {self.province}",
                f"in {self.district}",
                f"in {self.district} district",
            ]
        )

    def other_place(self) -> str:
        district, _, locality = self.near()
        if locality and self.rng.random() < 0.25:
            return f"the {locality} area of {district}"
        return f"{district} district"

    # -- dates -------------------------------------------------------------
    def when(self) -> str:
        back = self.rng.randint(0, 3)
        day = self.published - dt.timedelta(days=back)
        choice = self.rng.random()
        if back == 1 and choice < 0.3:
            return self.rng.choice(["yesterday", "late last night", "on the previous day"])
        if choice < 0.55:
            part = self.rng.choice(["", "", "", " morning", " evening", " night"])
            return f"on {WEEKDAYS[day.weekday()]}{part}"
        if choice < 0.75:
            return f"on {day.day} {MONTHS[day.month - 1]}"
        return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"

    def past(self) -> str:
        """An earlier date, as reports give one for a previous attack."""
        back = self.rng.randint(3, 120)
        day = self.published - dt.timedelta(days=back)
        choice = self.rng.random()
        if choice < 0.2:
            return "last week" if back < 14 else "last month"
        if choice < 0.35:
            return self.rng.choice(["earlier this month", "earlier this year", "a week earlier"])
        if choice < 0.5:
            return f"{self.count(2, 9)} {self.rng.choice(['days', 'weeks'])} ago"
        if choice < 0.7:
            return f"on {day.day} {MONTHS[day.month - 1]}"
        if choice < 0.85:
            return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"
        return f"in {MONTHS[day.month - 1]} {day.year}"

    def past_date(self) -> str:
        day = self.published - dt.timedelta(days=self.rng.randint(5, 200))
        return f"{day.day} {MONTHS[day.month - 1]}"

    def month(self, back: int) -> str:
        index = (self.published.month - 1 - back) % 12
        return MONTHS[index]

    # -- people ------------------------------------------------------------
    def name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def official(self) -> str:
        title = self.rng.choice(TITLES)
        if title[0].islower():
            if self.rng.random() < 0.5:
                return f"{title} {self.name()}"
            return f"{self.rng.choice(['a', 'the'])} {title}"
        return f"{title} {self.name()}"

    def said(self) -> str:
        return self.fill(
            self.rng.choice(
                [
                    "police said",
                    "officials said",
                    "{official} said",
                    "[rescue|hospital] officials said",
                    "{outlet} reported",
                    "security sources said",
                    "according to {official}",
                    "a police [spokesman|official] said",
                ]
            )
        )

    # -- the template language ---------------------------------------------
    def slot(self, name: str, low: str | None, high: str | None) -> str:
        """The text of ``{name}`` (or ``{name:low-high}`` for a number)."""
        if low is not None and high is not None:
            lo, hi = int(low), int(high)
            if name == "n":
                return self.count(lo, hi)
            if name == "N":
                n = self.rng.randint(lo, hi)
                return NUMBER_WORDS[n - 1].capitalize() if n <= len(NUMBER_WORDS) else str(n)
            if name == "w":
                return NUMBER_WORDS[min(self.rng.randint(lo, hi), 12) - 1]
            return str(self.rng.randint(lo, hi))  # d
        return self.slots[name]()

    def _slots(self) -> dict[str, Callable[[], str]]:
        """What fills each named slot (read at each use)."""
        rng = self.rng
        return {
            "district": lambda: self.district,
            "DISTRICT": lambda: self.district.upper(),
            "province": lambda: (
                "KP"
                if self.province == "Khyber Pakhtunkhwa" and rng.random() < 0.3
                else self.province
            ),
            "PROVINCE_CITY": lambda: PROVINCE_CITIES.get(self.province, "ISLAMABAD"),
            "locality_area": lambda: f"the {self.locality} area" if self.locality else "a village",
            "locality_or_village": lambda: self.locality or rng.choice(["the village", "the town"]),
            "other_district": lambda: self.near()[0],
            "third_district": lambda: self.near()[0],
            "other_province": lambda: rng.choice(
                [p for p in PROVINCE_CITIES if p != self.province]
            ),
            "other_place": self.other_place,
            "home": lambda: self.place()[0],
            "where": self.where,
            "group": lambda: self.group,
            "short": lambda: self.short,
            "when": self.when,
            "when_cap": lambda: _capital(self.when()),
            "when_short": lambda: f"on {WEEKDAYS[rng.randint(0, 6)]}",
            "weekday": lambda: WEEKDAYS[rng.randint(0, 6)],
            "past": self.past,
            "past_cap": lambda: _capital(self.past()),
            "past_date": self.past_date,
            "mon_day": lambda: (
                f"{MONTH_ABBREVIATIONS[self.published.month - 1]} {self.published.day}"
            ),
            "month": lambda: self.month(1),
            "prev_month": lambda: self.month(2),
            "this_year": lambda: str(self.published.year),
            "last_year": lambda: str(self.published.year - 1),
            "year_back": lambda: str(self.published.year - rng.randint(2, 6)),
            "early_year": lambda: str(rng.randint(2008, 2016)),
            "early_year2": lambda: rng.choice(["2021", "2022"]),
            "sec": lambda: rng.choice(SECURITY),
            "sec1": lambda: rng.choice(SECURITY_ONE),
            "civ": lambda: rng.choice(CIVILIANS),
            "civ1": lambda: (
                _article(rng.choice(TRADES)) if rng.random() < 0.5 else rng.choice(CIVILIAN_ONE)
            ),
            "mil": lambda: (
                f"{self.short} {rng.choice(MILITANTS[:2])}"
                if rng.random() < 0.2
                else rng.choice(MILITANTS)
            ),
            "attackers": lambda: (
                rng.choice([f"militants of the {self.group}", f"{self.short} militants"])
                if rng.random() < 0.3
                else rng.choice(ATTACKERS)
            ),
            "target": lambda: rng.choice(TARGETS),
            "target_bare": lambda: rng.choice(TARGETS).split(" ", 1)[1],
            "action": lambda: self.fill(rng.choice(ACTIONS)),
            "blast": lambda: self.fill(rng.choice(BLASTS)),
            "event": lambda: rng.choice(EVENT),
            "toll": lambda: self.fill(rng.choice(TOLLS)),
            "toll_bare": lambda: self.fill(rng.choice(TOLLS[:6])).replace(" were ", " ", 1),
            "target_road": lambda: rng.choice(ROADS),
            "landmark_a": lambda: f"a {rng.choice(LANDMARKS)}",
            "item": lambda: rng.choice(ITEMS),
            "shop": lambda: rng.choice(SHOPS),
            "activity": lambda: rng.choice(ACTIVITIES),
            "sight": lambda: rng.choice(SIGHTS),
            "goods": lambda: rng.choice(GOODS),
            "vehicle": lambda: rng.choice(VEHICLES),
            "idea": lambda: rng.choice(IDEAS),
            "quality": lambda: rng.choice(QUALITIES),
            "said": self.said,
            "official": self.official,
            "name": self.name,
            "rank_name": lambda: f"{rng.choice(RANKS)} {self.name()}",
            "leader": lambda: self.fill(rng.choice(LEADERS)),
            "outlet": lambda: rng.choice(OUTLETS),
            "research": lambda: rng.choice(RESEARCH),
            "research_short": lambda: rng.choice(["PICSS", "PIPS", "CRSS", "report"]),
            "hospital": lambda: rng.choice(HOSPITALS),
            "time": lambda: rng.choice(TIMES),
            "weapon": lambda: rng.choice(WEAPONS),
            "ordinal": lambda: rng.choice(ORDINALS[1:]),
            "landmark": lambda: rng.choice(LANDMARKS),
            "name2": lambda: rng.choice(TRIBES),
            "border_district": lambda: rng.choice(BORDER_DISTRICTS),
            "party": lambda: rng.choice(PARTIES),
            "institution": lambda: rng.choice(INSTITUTIONS),
            "road": lambda: rng.choice(ROADS),
            "title": lambda: rng.choice(TITLES),
            "province_city": lambda: PROVINCE_CITIES.get(self.province, "Islamabad").title(),
            "trade": lambda: rng.choice(TRADES),
            "grief": lambda: rng.choice(GRIEF),
        }

    def fill(self, template: str) -> str:
        """``template`` with each ``[a|b|c]`` replaced by one of its
        wordings (innermost first) and each ``{slot}`` filled in."""
        text = template
        while "[" in text:
            text = _CHOICE.sub(lambda m: self.rng.choice(m.group(1).split("|")), text)
        text = _SYNONYM.sub(lambda m: self.rng.choice(SYNONYMS[m.group(1)]), text)
        return _SLOT.sub(lambda m: self.slot(m.group(1), m.group(2), m.group(3)), text)

    def sentence(self, templates: list[str], tail: float = 0.0, credit: float = 0.0) -> str:
        """One of ``templates`` filled in; with chance ``tail``, lengthened
        by one of ``TAILS``, else with chance ``credit`` attributed to
        someone (``CREDITS``)."""
        template = self.rng.choice(templates)
        # A sentence that already says who said it takes neither.
        if template.endswith(".") and not _ATTRIBUTED.search(template):
            draw = self.rng.random()
            if draw < tail:
                template = template[:-1] + self.rng.choice(TAILS) + "."
            elif draw < tail + credit:
                template = template[:-1] + self.rng.choice(CREDITS) + "."
        text = _INDEFINITE.sub(_agree, self.fill(template).replace("  ", " "))
        # A sentence opens with a small number in words, as style guides ask.
        first = _LEADING_NUMBER.match(text)
        if first and int(first.group(1)) <= len(NUMBER_WORDS):
            text = NUMBER_WORDS[int(first.group(1)) - 1] + text[first.end(1) :]
        return _capital(text)

    def some(
        self,
        templates: list[str],
        low: int,
        high: int,
        tail: float = 0.2,
        credit: float = 0.2,
    ) -> list[str]:
        """Between ``low`` and ``high`` sentences of different ``templates``."""
        chosen = self.rng.sample(templates, min(len(templates), self.rng.randint(low, high)))
        return [self.sentence([t], tail, credit) for t in chosen]

    def dateline(self) -> str:
        return self.fill(self.rng.choice(DATELINES))

    def paragraphs(self, sentences: list[str], headline: str | None = None) -> str:
        """Sentences grouped into short paragraphs (one to three sentences,
        1.4 on average, as in news copy)."""
        out: list[str] = [headline] if headline else []
        i = 0
        while i < len(sentences):
            take = self.rng.choices([1, 2, 3], [0.68, 0.24, 0.08])[0]
            out.append(" ".join(sentences[i : i + take]))
            i += take
        return "\n\n".join(out)

    def reflection(self) -> str:
        """A sentence of commentary from the clause lists."""
        opening = self.rng.choice(OPENINGS) + " " if self.rng.random() < 0.5 else ""
        subject = self.rng.choice(SUBJECTS)
        text = f"{opening}{subject} {self.rng.choice(PREDICATES)}{self.rng.choice(ENDINGS)}"
        return _capital(self.fill(text))

    def headline(self, templates: list[str] = HEADLINES) -> str | None:
        """A headline for some documents (in title case, or not), and a
        byline under some of those."""
        if self.rng.random() >= 0.35:
            return None
        text = self.sentence(templates)
        if self.rng.random() < 0.5:
            text = " ".join(
                w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in text.split(" ")
            )
        if self.rng.random() < 0.4:
            text += "\n\n" + self.fill(self.rng.choice(BYLINES))
        return text


def _news_report(w: _Writer) -> str:
    lead = w.dateline() + w.sentence(NEWS_LEAD, 0.3)
    body = w.some(NEWS_HOW, 1, 2) + w.some(NEWS_VICTIMS, 0, 1) + w.some(NEWS_RESPONSE, 1, 2)
    body += w.some(SHORT, 0, 1, tail=0, credit=0)
    if w.rng.random() < 0.4:
        body += w.some(QUOTES, 1, 1)
    body += (
        w.some(WITNESS + CONTEXT_THINGS, 0, 1)
        + w.some(NEWS_CLAIM, 0, 1)
        + w.some(NEWS_REACTION, 0, 1)
    )
    body += w.some(CONTEXT, 1, 3)
    if w.rng.random() < 0.35:
        body.append(w.reflection())
    body += w.some(BACKGROUND, 1, 2) + w.some(SEPARATE, 0, 1)
    return w.paragraphs([lead, *body], w.headline())


def _brief(w: _Writer) -> str:
    """A short item: one incident in a few lines."""
    lead = w.dateline() + w.sentence(NEWS_LEAD, 0.2)
    body = w.some(NEWS_HOW + NEWS_RESPONSE + NEWS_VICTIMS, 1, 3) + w.some(NEWS_CLAIM, 0, 1)
    body += w.some(BACKGROUND, 0, 1) + w.some(SHORT, 0, 1, tail=0, credit=0)
    return w.paragraphs([lead, *body])


def _press_statement(w: _Writer) -> str:
    line = w.rng.choice(["RAWALPINDI: ", "RAWALPINDI \u2013 ", "RAWALPINDI - ", ""])
    lead = line + w.sentence(PRESS_LEAD, 0.3)
    body = (
        w.some(PRESS_BODY, 3, 5)
        + w.some(PRESS_PRAISE, 0, 2)
        + w.some(SHORT, 0, 1, tail=0, credit=0)
    )
    body += w.some(
        CONTEXT_STATEMENT
        + CONTEXT_POLITICS
        + CONTEXT_PLACE
        + CONTEXT_REGION
        + CONTEXT_FORCE
        + CONTEXT_NAMED
        + CONTEXT_HISTORY,
        1,
        3,
    )
    if w.rng.random() < 0.25:
        body.append(w.reflection())
    body += w.some(BACKGROUND, 0, 2)
    return w.paragraphs([lead, *body], w.headline())


def _roundup(w: _Writer) -> str:
    if len(set(w.districts[w.province])) < 5:
        # A round-up spans a province of many districts.
        w.district, w.province, w.locality = w.place(
            w.rng.choice(["Khyber Pakhtunkhwa", "Balochistan"])
        )
    city = PROVINCE_CITIES.get(w.province, "ISLAMABAD")
    sentences = [f"{city}: " + w.sentence(ROUNDUP_LEAD, 0.3)]
    seen: set[str] = set()
    for template in w.rng.sample(ROUNDUP_ITEM, w.rng.randint(3, 6)):
        # Each incident in another district of the province.
        for _ in range(5):
            w.district, _, w.locality = w.place(w.province)
            if w.district not in seen:
                break
        seen.add(w.district)
        sentences.append(w.sentence([template], 0.15))
        if w.rng.random() < 0.5:
            sentences += w.some(NEWS_HOW + NEWS_RESPONSE + CONTEXT, 1, 1)
    sentences += w.some(CONTEXT, 1, 3) + w.some(SHORT, 0, 1, tail=0, credit=0)
    sentences += w.some(ROUNDUP_CLOSE, 0, 1)
    return w.paragraphs(sentences, w.headline())


def _analysis(w: _Writer) -> str:
    lead = w.rng.choice(["ISLAMABAD: ", "ISLAMABAD - ", ""]) + w.sentence(ANALYSIS_LEAD)
    body = w.some(ANALYSIS_BODY, 4, 7) + w.some(ANALYSIS_COMMENT, 1, 2)
    body += w.some(
        CONTEXT_POLITICS + CONTEXT_REGION + CONTEXT_HISTORY + CONTEXT_ECONOMY + CONTEXT_SOCIETY,
        2,
        4,
    )
    body += [w.reflection() for _ in range(w.rng.randint(0, 2))]
    return w.paragraphs([lead, *body], w.headline(VIEW_HEADLINES))


def _arrests(w: _Writer) -> str:
    lead = w.dateline() + w.sentence(CTD_LEAD, 0.3)
    body = w.some(CTD_BODY, 3, 5) + w.some(SHORT, 0, 2, tail=0, credit=0)
    body += w.some(CONTEXT_STATEMENT + CONTEXT_MEASURES + CONTEXT_COURTS + CONTEXT_FORCE, 2, 4)
    body += w.some(BACKGROUND, 1, 2)
    return w.paragraphs([lead, *body], w.headline())


def _commentary(w: _Writer) -> str:
    sentences = w.some(COMMENT_OPEN, 1, 1) + w.some(COMMENT_BODY, 3, 6)
    sentences += w.some(CONTEXT, 2, 5)
    sentences += [w.reflection() for _ in range(w.rng.randint(2, 5))]
    sentences += w.some(BACKGROUND + ANALYSIS_COMMENT, 1, 3)
    headline = w.headline(VIEW_HEADLINES) or w.fill(
        "[Terrorism|Militancy|Security] in {province}: [the road ahead|what went wrong]"
    )
    return w.paragraphs(sentences, headline)


#: A kind of document: writes one with a writer started on its date.
Kind = Callable[[_Writer], str]
KINDS: list[tuple[float, Kind]] = [
    (0.28, _news_report),
    (0.10, _brief),
    (0.19, _press_statement),
    (0.11, _roundup),
    (0.13, _analysis),
    (0.08, _arrests),
    (0.11, _commentary),
]


def _places() -> list[tuple[str, str, str | None]]:
    table = ik.gazetteer()
    districts = table.filter(kind="district").select("name", "province").rows()
    localities = table.filter(kind="locality").select("name", "district", "province").rows()
    places: list[tuple[str, str, str | None]] = [(d, p, None) for d, p in districts]
    places += [(d, p, loc) for loc, d, p in localities if d and p]
    return places


def documents(size: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """Documents until their texts add up to ``size`` bytes (UTF-8)."""
    rng = random.Random(seed)
    writer = _Writer(rng, _places())
    weights = [w for w, _ in KINDS]
    kinds = [k for _, k in KINDS]
    written = 0
    n = 0
    first = dt.date(2023, 1, 1)
    while written < size:
        published = first + dt.timedelta(days=rng.randint(0, 3 * 365))
        kind = rng.choices(kinds, weights)[0]
        writer.start(published)
        text = kind(writer)
        written += len(text.encode())
        yield {
            "doc_id": f"synthetic-{n:07d}",
            "published": published.isoformat(),
            "text": text,
        }
        n += 1


def parse_size(text: str) -> int:
    """``"100MB"``, ``"1GB"``, ``"500kB"`` or a number of bytes."""
    units = {"GB": 10**9, "MB": 10**6, "KB": 10**3, "B": 1}
    upper = text.strip().upper()
    for unit, factor in units.items():
        if upper.endswith(unit):
            return int(float(upper[: -len(unit)]) * factor)
    return int(upper)


def write(out: Path, size: int, seed: int, kind: str) -> int:
    """Write the corpus as one JSONL file or a folder of .txt; returns documents."""
    count = 0
    if kind == "txt":
        out.mkdir(parents=True, exist_ok=True)
        for doc in documents(size, seed):
            header = f" date {doc['published']} \n"
            (out / f"{doc['doc_id']}.txt").write_text(header + doc["text"], encoding="utf-8")
            count += 1
        return count
    with out.open("w", encoding="utf-8") as stream:
        for doc in documents(size, seed):
            stream.write(json.dumps(doc) + "\n")
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="10MB", help="total text size, e.g. 100MB or 1GB")
    parser.add_argument("--out", required=True, type=Path, help="a .jsonl file or a folder")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    args = parser.parse_args()
    count = write(args.out, parse_size(args.size), args.seed, args.format)
    print(f"{count:,} documents -> {args.out}")


if __name__ == "__main__":
    main()
