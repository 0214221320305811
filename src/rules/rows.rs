//! The rule book's rows: every rule of the extractors, with its role, the
//! text it reads and its pattern. A `{list}` in a pattern is a vocabulary
//! list of the lexicon (`src/lexicon/data/vocabulary.json`); a `(?i)` rule
//! reads the lowercased text ([`Text::Lower`]), and its handle in
//! [`rule`] takes only a [`super::Lowered`] text.
//!
//! To add a rule, add a row here and ask for it by its id where it is
//! used (`matching.is_match(rule::MyRule, text)`).

use std::marker::PhantomData;

use super::haystack::{Lower, Original, Text};
use crate::lexicon::lexicon;

/// What a rule is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A yes/no property of a segment ("a statistic", "a new event").
    Flag,
    /// A word or phrase that types an event.
    Cue,
    /// Where a sentence splits into two events.
    Clause,
    /// A date, or what a date says by its context (a statement's date, an
    /// event's end).
    Date,
    /// Context of a place: a dateline, an origin, a locality's name.
    Place,
    /// A militant group, a named operation, cross-border ties.
    Group,
    /// Context of a nationality.
    Nationality,
    /// How an incident is told: news or context.
    Context,
    /// The shape of a document: a date header, list markers.
    Structure,
    /// A line that states when the document was published.
    Publication,
}

/// One row of the rule book.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub id: RuleId,
    pub role: Role,
    pub text: Text,
    pub pattern: &'static str,
}

/// A rule or a set of the book (`raw`, a [`RuleId`] or a [`SetId`]) with
/// the text it reads (the constants of [`rule`] and [`set`]). Only the rows
/// make them, so none names another text:
///
/// ```compile_fail
/// use incidentkit::rules::{Id, Lower, RuleId};
/// let forged: Id<Lower> = Id::new(RuleId::Dateline);
/// ```
pub struct Handle<Raw, R> {
    raw: Raw,
    reads: PhantomData<R>,
}

/// A rule of the book with the text it reads.
pub type Id<R> = Handle<RuleId, R>;

/// A set of rules searched together, with the text all its members read.
pub type Set<R> = Handle<SetId, R>;

impl<Raw: Copy, R> Handle<Raw, R> {
    const fn new(raw: Raw) -> Handle<Raw, R> {
        Handle {
            raw,
            reads: PhantomData,
        }
    }

    /// The rule or set it names.
    pub const fn id(self) -> Raw {
        self.raw
    }
}

// By hand: a derive would ask the marker types to be `Copy` as well.
impl<Raw: Copy, R> Clone for Handle<Raw, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Raw: Copy, R> Copy for Handle<Raw, R> {}

impl<Raw: PartialEq, R> PartialEq for Handle<Raw, R> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}

impl<Raw: Eq, R> Eq for Handle<Raw, R> {}

impl<Raw: std::fmt::Debug, R> std::fmt::Debug for Handle<Raw, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.raw.fmt(f)
    }
}

impl<R> From<Id<R>> for RuleId {
    fn from(rule: Id<R>) -> RuleId {
        rule.raw
    }
}

macro_rules! rule_rows {
    ($($(#[$doc:meta])* $id:ident: $role:ident, $text:ident, $pattern:expr;)*) => {
        /// A rule of the book, by name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $($(#[$doc])* $id,)*
        }

        /// Every rule, in the order of [`RuleId`].
        pub const ROWS: &[Row] = &[
            $(Row { id: RuleId::$id, role: Role::$role, text: Text::$text, pattern: $pattern },)*
        ];

        /// Every rule as a handle that names the text it reads: a search
        /// is `matching.is_match(rule::Stats, lowered)`.
        #[allow(non_upper_case_globals)]
        pub mod rule {
            use super::super::haystack::{Lower, Original};
            use super::{Id, RuleId};
            $($(#[$doc])* pub const $id: Id<$text> = Id::new(RuleId::$id);)*
        }
    };
}

rule_rows! {
    OperationTold: Flag, Lower,
        r"(?i)\b(?:IBOs?|intelligence[\s-]+based\s+operations?|intelligence[\s-]+led\s+operations?|an?\s+(?:air|drone)\s*strike|(?:search|combing|security|military|joint|counter-?terrorism|targeted|clearance|sanitisation|sanitization|deliberate)\s+operations?\s+(?:was|were|had\s+been|has\s+been)?\s*(?:conducted|carried\s+out|launched)|(?:conducted|carried\s+out|launched|undertook|undertaken)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}operations?|(?:another|an?)\s+engagement|(?:first|second|third|fourth|fifth|another|separate)\s+(?:operation|IBO|engagement|encounter)|(?:police|CTD|security\s+forces|troops)\s+(?:\w+\s+)?encounter|operations?\s+(?:conducted|carried\s+out|launched)|operation\s+(?:was|were)\s+(?:conducted|carried\s+out)|raid(?:ed)?\s+(?:a|an|the)\s+(?:[\w-]+\s+)?hideout|during\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?operation|search\s+and\s+strike\s+operation|(?:aircraft|jets?|planes?|drones?)\s+(?:\w+\s+)?(?:struck|hit|bombed|targeted)|{operation_kill_words})\b";
    /// "killed in (terrorist) attacks": a toll over several events.
    PluralLocus: Flag, Lower,
        r"(?i)\b(?:in|during)\s+(?:(?:separate|different|various|several|multiple|terror|terrorist|militant|such)\s+){0,2}(?:attacks|incidents|activities|acts\s+of\s+(?:terror|terrorism|violence))\b";
    /// "in the same area": the place of an event told before.
    SamePlace: Flag, Lower,
        r"(?i)\bthe\s+same\s+(?:area|town|village|post|district|place|city|spot|checkpost|check-post|locality)\b";
    /// Events spread over a province or the country, not one place.
    Scattered: Flag, Lower,
        r"(?i)\b(?:across|throughout)\s+the\s+(?:province|country|region)|in\s+(?:different|various|several|multiple)\s+(?:parts|areas|districts|cities)\b|\b(?:at|in|on)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens\s+of|several|multiple|different|various)\s+(?:locations|places|sites|points|spots|fronts|cities|towns)\b";
    Negated: Flag, Lower,
        r"(?i)\bno\s+(?:\w+\s+)?(?:attacks?|incidents?|violence)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:recorded|reported)";
    /// Deaths without militant violence: accidents, disasters, private quarrels.
    Mishap: Flag, Lower,
        r"(?i)\b(?:ravine|gorge|overturned|overturn|plunged|skidded|collided|collision|(?:road|traffic|mine)\s+accident|accident|drowned|drowning|flash\s+floods?|floods?|flooding|torrential|heavy\s+rains?|landslides?|lightning|thunderstorm|roof\s+(?:of\s+\w+\s+(?:\w+\s+)?)?collapsed|caved?\s+in|collapsed|gas\s+cylinder|cylinder\s+(?:blast|explosion|exploded)|gas\s+leak\w*|boiler|short[\s-]circuit|fire\s+broke\s+out|blaze|electrocuted|methane|fireworks|stampede|heatwave|land\s+dispute|property\s+dispute|(?:old|personal|family|tribal)\s+enmity|enmity|blood\s+feud|feud|name\s+of\s+honou?r|honou?r\s+killing|quarrel|rival\s+part(?:y|ies)|by\s+(?:his|her|their)\s+rivals|domestic\s+dispute|family\s+dispute|monetary\s+dispute)\b";
    /// Words that tie deaths to militancy, whatever else the sentence says.
    Militancy: Flag, Lower,
        r"(?i)\b(?:{militant_nouns}|{militant_noun_singulars}|terrorism|terror|militancy|IEDs?|improvised\s+explosive|suicide|planted|sabotage|attackers|banned\s+outfit|proscribed)\b";
    /// The forces' answer to an attack just told: part of that incident.
    Response: Flag, Lower,
        r"(?i)\b(?:retaliated|retaliating|retaliatory|in\s+retaliation|responded|responding|repulsed|repelled|returned\s+(?:the\s+)?fire|foiled)\b";
    /// Decisions and plans, not events: "approved a military operation".
    Policy: Flag, Lower,
        r"(?i)\b(?:approved|approves|approve|endorsed|endorses|announced|decided|plans?\s+to\s+launch|planned|will\s+launch|to\s+launch)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:operations?|campaign|offensive)\b|\bissued\s+(?:an?\s+)?(?:official\s+)?notification\b|\bdesignat(?:ed|ing)\s+(?:the\s+)?(?:banned\s+|outlawed\s+)?[A-Z]?";
    /// Dates right after a toll update ("climbed to 83 on Tuesday") date the
    /// count, not the event.
    TollDate: Date, Lower,
        r"(?i)\b(?:rose|risen|climbed|reached|jumped|increased|mounted|soared)\s+to\s+\S+\s+(?:\w+\s+)?$";
    ReferenceKind: Flag, Lower,
        r"(?i)\b(?:the|this|that|these|those|its|their|[A-Z][a-z]+'s)\s+(?:[\w'’-]+\s+){0,3}?{REFERENCE_NOUN}\b";
    /// The noun that closes a match of `ReferenceKind`, read from its end:
    /// the capturing engine walked the filler words again for it.
    ReferenceNoun: Flag, Lower,
        r"(?i)\b{REFERENCE_NOUN}$";
    SingularEvent: Flag, Lower,
        r"(?i)\b(?:an?|another|one)\s+(?:[\w'’-]+\s+){0,3}?(?:attack|assault|blast|bombing|explosion|IBO|intelligence[\s-]+based\s+operation|operation|ambush|raid|strike|airstrike|encounter|engagement|incident|clash|kidnapping|abduction|killing|hijacking|infiltration\s+attempt|massacre)\b";
    Stats: Flag, Lower,
        r"(?i)\b(?:according\s+to\s+(?:the\s+)?(?:PICSS|CRSS|PIPS|SATP|ACLED|data|figures|statistics|the\s+report)|database|(?:per\s+cent|percent|%)\s+(?:of\s+(?:all|the|total)|rise|increase|decrease|decline|drop|fall|more|less|higher|lower)|(?:rose|fell|increased|decreased|declined|dropped|surged|jumped)\s+by\s+\d+|on\s+average|average\s+of|in\s+total|in\s+all|a\s+total\s+of|year[\s-]on[\s-]year|compared\s+(?:with|to)|the\s+period\s+under\s+review|(?:monthly|quarterly|half[\s-]yearly|yearly|annual)\s+(?:security\s+)?(?:report|review|assessment)|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:months|years|weeks)|(?:the\s+)?(?:data|figures|statistics|report)\s+(?:showed|shows|revealed|reveals|indicated|indicates)|quarter|first\s+(?:six|nine)\s+months|(?:first|second)\s+half\s+of|across\s+the\s+country|since\s+(?:19|20)\d\d|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|so\s+far\s+this\s+year|so\s+far\s+in|this\s+year\s+alone|(?:PICSS|CRSS|PIPS|SATP|ACLED|think[\s-]tank)\s+(?:reported|said|recorded|data|report|noted)|(?:the\s+)?majority\s+of\s+(?:the\s+)?(?:deaths|casualties|fatalities|attacks|incidents)|highest\s+number|lowest\s+number|the\s+number\s+of\s+(?:deaths|fatalities|casualties|attacks|incidents)|followed\s+by\s+(?:Balochistan|Khyber|Sindh|Punjab))\b";
    NewEvent: Flag, Lower,
        r"(?i)^(?:(?:a|an|one|two|three|four|five|six|seven|a\s+few|few|several)\s+(?:hours?|days?|weeks?|months?)\s+(?:after|later|earlier|before)\b|(?:and|meanwhile|separately|elsewhere|earlier|later|also|similarly|in\s+addition|moreover|besides|likewise)\b|(?:in|on)\s+(?:an|a)?\s*(?:other|another|separate|second|third|similar|different|earlier|previous)\b)|\b(?:another\s+(?:[\w-]+\s+)?(?:attack|incident|blast|bombing|explosion|operation|IBO|encounter|engagement|ambush|raid|strike|killing)|in\s+a\s+separate|in\s+another|a\s+separate|a\s+similar|follows?\s+(?:a|an)\b|came\s+(?:a|an|two|three|hours|days|weeks)|comes\s+(?:a|an|two|three|hours|days|weeks))\b";
    /// The past perfect of an event: "had opened fire", "had been attacked".
    PastPerfect: Flag, Lower,
        r"(?i)\bhad\s+(?:also\s+)?(?:been\s+)?(?:opened|attacked|killed|martyred|struck|targeted|carried|conducted|launched|stormed|ambushed|exploded|detonated|abducted|kidnapped|fired|injured|wounded|blown)\b";
    /// A sentence that opens with a time ("Earlier today,", "Later,") and
    /// names no other event.
    Retold: Flag, Lower,
        r"(?i)^(?:earlier|later)(?:\s+(?:today|in\s+the\s+day|on))?\s*,\s+(?:a|the)\s+(?:statement|spokesperson|spokesman|official|officials|police|rescue|report)\b";
    /// "In a separate interview", "in another development": another
    /// statement, not another event.
    NotAnEvent: Flag, Lower,
        r"(?i)\b(?:in|on)\s+(?:a|an)?\s*(?:other|another|separate|different)\s+(?:[\w-]+\s+)?(?:interview|statement|development|press|message|video|tweet|post|meeting|case|report|order|move|news|conversation|talk|briefing|remarks|speech|occasion|note)";
    /// Habits and patterns: "attacked almost every week", "are routinely targeted".
    Habitual: Flag, Lower,
        r"(?i)\b(?:(?:almost|nearly)\s+)?(?:every|each)\s+(?:week|day|night|month)|\b(?:routinely|regularly|frequently|repeatedly|often)\s+(?:\w+\s+)?(?:attacked|targeted|hit|struck)|\bare\s+(?:now\s+|being\s+)?(?:attacked|targeted)\b";
    /// Plans, threats and calls, not events: "to carry out an attack".
    Intent: Flag, Lower,
        r"(?i)\b(?:to\s+(?:carry\s+out|launch|conduct|stage|mount)\s+(?:an?\s+|more\s+|further\s+)?(?:[\w-]+\s+)?attacks?|(?:plan(?:ned|ning)?|threat(?:ened|ening)?|vow(?:ed|ing)?)\s+to\s+(?:attack|target|strike))\b";
    Reference: Flag, Lower,
        r"(?i)\b(?:the|this|that|these|those|its|their)\s+(?:[\w'’-]+\s+){0,2}?(?:attack|attacks|attackers|assault|blast|bombing|explosion|bomber|bombers|incident|operation|IBO|raid|ambush|{militant_nouns}|assailants|gunmen|victims|injured|wounded|dead|deceased|slain|martyrs|martyred|killing|killings|strike|strikes|airstrikes|convoy|hijacking|hostages|abduction|kidnapping|perpetrators|culprits|suspects|encounter|clash|standoff|siege|exchange\s+of\s+fire|firefight|train|vehicle|college|post|checkpost|camp|base|mosque|rally|site|area|intruders|hideout|bodies|funeral)\b|^(?:He|She|They|It|His|Her|Their)\b";
    Also: Flag, Lower,
        r"(?i)\b(?:also|more|further|another|additional)\b";
    Shooting: Flag, Lower,
        r"(?i)\b(?:shot\s+(?:dead|at|and\s+killed)|shot\s+(?:him|her|them)(?:\s+dead)?|gunned\s+down|opened\s+fire\s+on|fired\s+(?:at|on)|firing\s+incident|assassinat\w+|target(?:ed)?\s+killing)";
    PostFiredOn: Flag, Lower,
        r"(?i)\b(?:opened\s+fire|fired|firing|shot)\s+(?:at|on|upon)\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,2}?(?:check\s*-?posts?|checkpoints?|posts?|pickets?|outposts?|police\s+stations?|stations?|camps?|forts?|convoys?|bases?|compounds?|barracks)\b";
    HomeAttack: Flag, Lower,
        r"(?i)\b(?:attack\w*|storm\w*|laid\s+siege\s+to|besieged|raided|targeted)\s+(?:the\s+(?:home|house|residence)s?\s+of|(?:his|her)\s+(?:home|house|residence))\b";
    Prominent: Flag, Lower,
        r"(?i)\b(?:leader|candidate|hopeful|politician|cleric|judge|lawmaker|legislator|MNA|MPA|minister|chairman|elders?|scholar|journalist|activist|commander)\b";
    ActorDeed: Flag, Lower,
        r"(?i)\b(?:{militant_nouns}|gunmen|attackers|assailants|miscreants)\s+(?:\w+\s+)?(?:attacked|targeted|stormed|raided|ambushed|abducted|kidnapped|opened\s+fire|set\s+ablaze|torched|blew\s+up|hurled|fired)\b";
    Pursuit: Flag, Lower,
        r"(?i)\b(?:facilitators?|abettors?|accomplices|handlers?|masterminds?)\b|\b(?:involved\s+in|behind|linked\s+to|responsible\s+for)\s+the\s+(?:[\w-]+\s+){0,3}?(?:attack|blast|bombing|killing|ambush|massacre)\b";
    OperationStep: Flag, Lower,
        r"(?i)^(?:during|in\s+the\s+course\s+of|in)\s+(?:the|these|those)\s+(?:same\s+)?(?:operations|IBOs|raids|search\s+operations)\b";
    Blames: Flag, Lower,
        r"(?i)\b(?:blam\w*|claim\w*|behind|responsib\w*|attribut\w*|accus\w*)\b";
    PlusBomber: Flag, Lower,
        r"(?i)\b(?:in\s+addition\s+to|besides|apart\s+from|along\s+with)\s+(?:the|a)\s+suicide\s+(?:bomber|attacker)\b";
    ClauseSplit: Clause, Lower,
        r"(?i),?\s+(?:which\s+(?:prompted|triggered|led\s+to)|prompting|triggering|following|after)\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:operation|IBO|attack|assault|blast|raid|strike|encounter)\b|,\s+(?:while|whereas)\s+|,\s+(?:(?:the|its|this|making\s+it\s+the)\s+)?(?:deadliest|worst|bloodiest|biggest|largest|most\s+\w+)\s+(?:[\w-]+\s+){0,3}?since\s|,\s+(?:calling\s+it\s+|describing\s+it\s+as\s+)?(?:an?\s+)?(?:revenge|retaliation|reprisal)\s+for\s|,?\s+and\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w-]+\s+){0,3}?(?:were|was)\s+(?:martyred|killed|injured|wounded|shot\s+dead)\s+in\s";
    /// Phrases after which violence words describe a record, not this event
    /// ("wanted in cases of attacks", "involved in numerous terrorist activities").
    Background: Cue, Lower,
        r"(?i)\b(?:involved\s+in|wanted\s+in|wanted\b[^.;]{0,60}?\bfor|responsible\s+for|cases\s+of|history\s+of|masterminds?\s+of|behind\s+(?:several|numerous|many))\b[^.;]*|\bwhether\b[^.;]*|\b(?:describing|described|calling|called)\s+it\s+(?:as\s+)?(?:a|an)\b[^.;]*|\b(?:attempt|design|bid|plan|plot)\s+to\s+(?:create|take|stage|carry)\b[^.;]*";
    Negation: Cue, Lower,
        r"(?i)(?:\bnot|\bnever|ruled\s+out|rather\s+than|instead\s+of)\s+(?:by\s+|from\s+)?(?:a\s+|an\s+|the\s+)?$";
    UnlistedGroup: Group, Original,
        r"\b((?:Tehreek|Tehrik|Tahreek|Lashkar|Jaish|Jamaat|Jamat|Jundullah|Harkat|Hizb|Ansar|Majeed|Fidayeen)[\w-]*(?:[\s-]+(?:[A-Z][\w'’-]*|e|i|ul|al|of|the)){1,5})\s+\(([A-Z]{2,6})\)";
    Percent: Nationality, Original,
        r"(?i)(\d{1,3})\s*(?:%|percent|per\s+cent)\s+of\s+(?:whom|them|those|the\s+(?:\w+\s+){0,2}?(?:{militant_nouns}|attackers|infiltrators|dead|killed)(?:\s+killed)?)\s+(?:were|was)\s+(?:\w+\s+)?$";
    Exclusion: Place, Original,
        r"(?i)(?:\bresidents?\s+of|\bnatives?\s+of|\bhail(?:s|ing|ed)\s+from|\bbelong(?:ed|ing|s)?\s+to|\bhome\s*towns?\s+(?:of|in)|\bfrom|\bto|\btowards|\bbound\s+for|\bhailing|\bbased\s+in|\bborn\s+in|\bshifted\s+to|\bmoved\s+to|\bbrought\s+to|\btaken\s+to|\bthe\s+(?:neighbouring|neighboring|adjoining)|\bmigrated\s+from|\b(?:embassy|consulate|mission)\s+in|\bin\s+\w+\s+(?:town|city)\s+of\s+the)\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:(?-i:[A-Z][\w.'’-]*)\s+|(?:district|tribal|province|city|town|of|the|and|in|,)\s+){0,4}$";
    Distance: Place, Original,
        r"(?i)\b\d+\s*(?:km|kms|kilometres?|kilometers?|miles)\s+(?:away\s+|south\s+|north\s+|east\s+|west\s+)?from\s+(?:the\s+)?$";
    OfficialTitle: Place, Original,
        r"^(?:['’]s)?\s+(?:Deputy\s+Commissioner|Assistant\s+Commissioner|Division(?:al)?\s+Commissioner|Commissioner|DPO|DC|AC|SP|SSP|DIG|RPO|SHO|DSP|police\s+(?:chief|officer|official|spokesperson|spokesman)|Police\s+(?:chief|officer|official|spokesperson|spokesman)|deputy\s+commissioner|district\s+police\s+officer)\b";
    OfficialBefore: Place, Original,
        r"(?:\bDIG|\bIGP?|\bDPO|\bSSP|\bRPO|\bCommissioner\s+of)\s+$";
    /// "between Kolpur and Mach": neither end is the place.
    Between: Place, Original,
        r"(?i)\bbetween\s+(?:[A-Z][\w'’-]*\s+){0,3}?(?:and\s+)?$";
    Road: Place, Original,
        r"\b((?:[A-Z][\w'’-]*\s+){1,3}?)(Bypass\s+Road|Link\s+Road|Road|Bypass|Highway|Street|Avenue|Chowk|Chowrangi|Bridge|Square|Colony|Adda|Bazaar|Bazar|Market|Mandi)\b";
    Facility: Place, Original,
        r"\b((?:[A-Z][\w'’-]*\s+){1,3}?)(?:[Pp]olice\s+|[Ll]evies\s+|FC\s+)?(?:[Cc]heck\s?-?[Pp]osts?|[Cc]heckpoints?|[Pp]olice\s+[Ss]tation|[Tt]hana)\b";
    Toponym: Place, Original,
        r"\b(?:in|at|near|around|outside|inside)\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s+){0,2}(?:[A-Z][\w'’-]*(?:khel|khail|zai|abad|pur|kot|garhi|banda|dheri|killi|kalay|kalle|wala|ghar|kach)|(?:Khel|Khail|Kalay|Kalle|Killi|Kili|Banda|Dheri|Garhi|Kot|Qila|Baba|Tangi|Bala|Payan|Kach|Mela|Adda)))\b";
    Nesting: Place, Original,
        r"(?i)^\s*(?:(?:general\s+)?area|village|town|bazaar|locality|valley|mohalla)?\s*,?\s*(?:of|in|near|within|inside|within\s+the\s+(?:limits|jurisdiction)\s+of|in\s+the\s+jurisdiction\s+of)?\s*(?:the\s+)?$";
    Statement: Date, Original,
        r"(?i)\b(?:said|says|told|reported|confirmed|stated|announced|added|claimed|disclosed|informed|revealed|noted|quoted|issued|reports|statement|release|report|briefing|tweeted|posted)(?:\s+\w+)?\s+(?:on\s+|late\s+on\s+|early\s+on\s+|late\s+|early\s+)?$|\bclaimed\s+responsibility\s+for\s+(?:[\w'’-]+\s+){1,5}?(?:on\s+|late\s+on\s+|early\s+on\s+)?$";
    Ends: Date, Original,
        r"(?i)\b(?:ended|concluded|finished|lasted|continued|went\s+on|raged|dragged\s+on)(?:\s+\w+)?\s+(?:on\s+|until\s+|till\s+|into\s+(?:the\s+)?(?:early\s+hours\s+of\s+|morning\s+of\s+|night\s+of\s+)?)$";
    Since: Date, Original,
        r"(?i)\bsince\s+(?:the\s+)?$";
    /// "two separate attacks": events counted.
    CountedEvents: Flag, Lower,
        r"(?i)\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+dozen|dozens\s+of|hundreds\s+of|scores\s+of)\s+(?:[\w-]+\s+){0,3}?{event_nouns_plural}\b";
    /// "a series of attacks", "the multiple blasts" (the article captured).
    QuantifiedPlural: Flag, Lower,
        r"(?i)(\b(?:the|these|those|its|their)\s+)?\b(?:several|numerous|various|multiple|many|different|series\s+of|string\s+of|wave\s+of|spate\s+of|spree\s+of|number\s+of|rise\s+in|surge\s+in|spike\s+in)\s+(?:[\w-]+\s+){0,3}?{event_nouns_plural}\b";
    /// Plural events; "the ongoing violence", "a fresh round of fighting":
    /// many events told as one mass.
    PluralEvents: Flag, Lower,
        r"(?i)\b(?:{event_nouns_plural}|airstrikes|air\s+strikes|(?:ongoing|recent|fresh|renewed|latest|sectarian|tribal)\s+(?:round\s+of\s+|wave\s+of\s+)?(?:violence|fighting|unrest|hostilities)|round\s+of\s+(?:fighting|violence|clashes))\b";
    /// A press dateline at the head of a paragraph: "KARACHI, Oct 7 (PTI)",
    /// "NEW DELHI (Agency - 26th February, 2023)", "RAWALPINDI:".
    PressDateline: Flag, Original,
        r"^\s*[A-Z][A-Za-z .'’/-]{1,40}(?:\[[^\]]{0,30}\])?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{0,80}\)\s*[:–—-]?|:|\s?[–—-]\s)";
    /// Ties of the militants to Afghanistan or the border.
    CrossBorder: Group, Lower,
        r"(?i)\bAfghan[\s-]+(?:based|linked|backed|sponsored|trained|origin)\b|\binfiltrat\w*[^.;]{0,80}\bborder\b|\bborder\b[^.;]{0,60}\binfiltrat\w*|\bcross[\s-]+border\b|\bacross\s+the\s+border\b|\bfrom\s+(?:inside\s+|within\s+)?Afghanistan\b|\b(?:in|inside)\s+Afghanistan\b[^.;]{0,30}\b(?:handlers?|masterminds?|leaders?|leadership|sanctuar\w*|hideouts?|safe\s+havens?)\b|\b(?:handlers?|masterminds?|leaders?|leadership|contact|sanctuar\w*|hideouts?|safe\s+havens?|commanders?)\b[^.;]{0,40}\b(?:in|inside|from)\s+Afghanistan\b|\bAfghan\s+(?:soil|territory)\b|\bAfghan\s+Taliban\b|\bPak(?:istan)?-Afghan(?:istan)?\s+border\b[^.;]{0,40}\b(?:infiltrat\w*|cross\w*)|\bAfghan\s+(?:{militant_nouns}|{militant_noun_singulars}|national|nationals|suicide|fighters?|operatives?|bomber)\b";
    /// A named military operation: "Operation Zarb-e-Azb".
    OperationName: Group, Original,
        r#"\bOperation\s+['"‘“]?([A-Z][\w-]*(?:[\s-]+(?:e|i|ul|al|[A-Z][\w-]*))*)['"’”]?"#;
    /// Words that make a sentence speak of militants.
    MilitantContext: Nationality, Original,
        r"(?i)\b(?:{militant_nouns}|{militant_noun_singulars}|bombers?|attackers?|fighters?|facilitators?|operatives?|involved|taken\s+part|took\s+part|behind|identified|custody|arrested|apprehended|captured|infiltrat\w*|killed\s+(?:terrorists|militants))\b";
    /// "a resident of", "hailing from" before a foreign place.
    Origin: Nationality, Original,
        r"(?i)\b(?:resident|native|hailing|hails|from|belonged|belonging)\b[^.;]{0,40}$";
    /// A militant noun anywhere (inside words too): a sentence without one
    /// names no militant's origin.
    MilitantWords: Nationality, Original,
        r"(?i){militant_nouns}|{militant_noun_singulars}|bomber|attacker|facilitator|suicide";
    /// "QUETTA, Jan 5", "PESHAWAR:": a dateline's place.
    Dateline: Place, Original,
        r"^\s*(?:[A-Z][A-Z.'’ /-]{2,40}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*(?::|\s[–—-]\s|\(|,\s+{month_short}|\[)";
    /// A locality named as an area, village or town ("the Sarband area of
    /// Peshawar"); a name read whole takes every capitalised word.
    Area: Place, Original,
        r"(?:\b(?:the|general)\s+area\s+(?:of\s+)?(?:[A-Z][\w-]*['’]s\s+)?([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|e|i|ul))*?)(?:\s+(?:valley|village|town|tehsil))?\b|\b(?:in|at|near|of|on)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|e|i|ul))*?)\s+(?:area|village|town|tehsil|locality|valley|bazaar|neighbourhood|neighborhood)\b|\bat\s+(?:[A-Z][\w-]*['’]s\s+)?([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|e|i|ul))*?),|\b(?:in|near)\s+(?:[A-Z][\w-]*['’]s\s+)?([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|e|i|ul))*?)\s+(?:in|of|near)\s+(?:the\s+)?(?:[A-Z])|\b(?:mountains|hills|outskirts|suburbs|village|town|vicinity|forests?)\s+of\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\b|\bin\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\b,\s+(?:within|in|near|close)\b|\bin\s+(?:[A-Z][\w-]*['’]s\s+)?([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|e|i|ul))*?)\s+general\b)";
    /// An earlier event brought in as context: "recalled", "came days after".
    Recalled: Context, Lower,
        r"(?i)\b(?:(?:it\s+(?:may|is\s+worth)\s+)?recall(?:ed|ing)|previous(?:ly)?|in\s+the\s+past|came\s+(?:\w+\s+){0,3}?(?:after|following)|(?:days|weeks|months|years)\s+after|follow(?:s|ed|ing)?\s+(?:the|an?)\s+(?:\w+\s+){0,3}?(?:attack|blast|bombing|assault)|after\s+the\s+(?:[\w,-]+\s+){0,6}?(?:attack|massacre|blast|bombing|assault)|had\s+(?:said|reported|announced|stated|confirmed|claimed)|(?:deadliest|worst|bloodiest|biggest)\s+(?:[\w-]+\s+){0,3}?since)\b";
    /// "last year's attack": an event of an earlier period.
    DatedEarlier: Context, Lower,
        r"(?i)\blast\s+(?:year|month|week)['’]s\b";
    /// "in the same area", "a follow-up operation": where the incident
    /// before happened.
    FollowUp: Context, Original,
        r"(?i)\b(?:in\s+the\s+(?:same\s+)?area|same\s+(?:area|district|tehsil|locality|village|town|neighbourhood|neighborhood)|surrounding\s+(?:areas?|mountains|villages|hills)|follow-?up|subsequently|in\s+the\s+vicinity|nearby\s+(?:areas?|villages))\b";
    /// The ` date YYYY-MM-DD ` header some documents open with.
    DateHeader: Structure, Original,
        r"^\s*date\s+(\d{4})-(\d{1,2})-(\d{1,2})\b[ \t]*";
    /// A marker of a list inside a sentence: "a) ", "(ii) ", "3) ".
    ListMarker: Structure, Original,
        r"(?:^|[\s:;,])(?:\(?([a-hA-H]|[ivx]{1,4}|[1-9])\))\s+";
    /// A marker opening a list item of its own line: "a) ", "2. ", "- ".
    ItemMarker: Structure, Original,
        r"^\s*(?:\(?[a-hA-H1-9]\)|[a-hA-H1-9]\.|[-•*])\s+";
    /// A time of day after a publication date: "08:12am", "at 10:05 PKT".
    TrailingTime: Publication, Original,
        r"(?i)[\s,;]*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+\(?[a-z]{2,4}\)?)?\s*$";
    /// "Published", "Updated on", "Published in Dawn," before the date.
    PublishedPrefix: Publication, Original,
        r"(?i)^(?:last\s+)?(?:published|updated|posted|dated)(?:\s+on)?(?:\s+in\s+[^,:|]{1,40})?\s*[,:]?\s*";
    /// "Press release (June 11, 2025)", "Handout (…)".
    PressRelease: Publication, Original,
        r"(?i)^(?:press\s+release|handout|statement)\s*[-:–—]?\s*\((.+)\)$";
    CueSuicideAttack: Cue, Lower,
        r"(?i)\bsuicide[\s-]+(?:attacks?|bombings?|blasts?|explosions?|assaults?|strikes?|car\s+bomb(?:ing)?s?)\b";
    CueSuicideAttack2: Cue, Lower,
        r"(?i)\bsuicide\s+(?:bomber|attacker)s?\b[^.;]{0,60}?\b(?:blew|struck|rammed|detonated|exploded|hit|attacked|targeted|riding|drove)\b";
    CueSuicideAttack3: Cue, Lower,
        r"(?i)\b(?:blew|blown)\s+(?:himself|herself|themselves)\s+up\b";
    CueSuicideAttack4: Cue, Lower,
        r"(?i)\bexplosives?[\s-]+(?:laden|packed|filled)\s+(?:vehicles?|cars?|trucks?|motorcycles?)\b|\b(?:vehicles?|cars?|trucks?)\s+(?:packed|laden|loaded|filled|rigged)\s+with\s+explosives\b|\bVBIED|\bvehicle[\s-]borne\b";
    CueSuicideAttackWeak: Cue, Lower,
        r"(?i)\bsuicide\s+(?:bomber|attacker)s?\b";
    CueCrossBorderAttack: Cue, Lower,
        r"(?i)\bcross[\s-]+border\s+(?:attacks?|fire|firing|shelling|raids?|strikes?|aggression)\b|\bfrom\s+across\s+the\s+border\b[^.;]{0,40}\b(?:fire|fired|attack|attacked|shell)|\b(?:fired|firing|shelling|attack(?:ed)?|mortars?|shells?)\b[^.;]{0,30}\bfrom\s+(?:across\s+the\s+(?:Afghan\s+|Pak-Afghan\s+)?border|Afghanistan|(?:the\s+)?Afghan\s+(?:side|territory|soil))\b";
    CueCrossBorderAttack2: Cue, Lower,
        r"(?i)\bAfghan\s+(?:Taliban|forces|border\s+forces)\b[^.;]{0,40}\b(?:attack(?:ed)?|fired|opened\s+(?:\w+\s+)?fire|shelling|mortars?|tried\s+to\s+attack)\b|\b(?:fired|attack|attacks|mortars?|shelling|fire)\s+(?:by|from)\s+the\s+Afghan\s+(?:Taliban|forces)\b";
    CueBorderInfiltration: Cue, Lower,
        r"(?i)\binfiltrat\w*\b[^.;]{0,80}\bborder\b|\bborder\b[^.;]{0,60}\binfiltrat\w*|\b(?:attempt\w*|trying|tried)\s+to\s+(?:cross|sneak|enter)\s+(?:into\s+)?Pakistan\b|\b(?:attempt\w*|trying|tried|bid)\s+to\s+infiltrate\b|\binfiltrat\w*\s+(?:\w+\s+){0,2}from\s+(?:Afghanistan|across)";
    CueKidnapping: Cue, Lower,
        r"(?i)\b(?:kidnap\w*|abduct\w*|hijack\w*|hostages?|taken\s+captive)\b";
    CueTargetedKilling: Cue, Lower,
        r"(?i)\btarget(?:ed)?[\s-]+killings?\b|\bassassinat\w*|\b(?:attack\w*|killed|shot|firing|fired|martyred|gunned|escorting|guarding)\b[^.;]{0,60}\bpolio\b|\bpolio\b[^.;]{0,60}\b(?:attack\w*|killed|shot|firing|fired|martyred|gunned)\b";
    CueBombing: Cue, Lower,
        r"(?i)\b(?:IEDs?|improvised\s+explosive|bomb|bombs|bombing|bombings|blasts?|explosions?|explosive\s+device|landmines?|land\s+mines?|mines?\s+blast|blown\s+up|blew\s+up|blowing\s+up|went\s+off|exploded|detonated|planted\s+explosives|roadside\s+device)\b";
    /// Grenades and rockets thrown in an armed assault are the assault's
    /// weapons; alone ("hurled a grenade at a shop") they bomb.
    CueBombing2: Cue, Lower,
        r"(?i)\bgrenade\s+(?:attack|blast|explosion)s?\b|\b(?:hurled|threw|lobbed|tossed|hurling|throwing)\s+(?:a|one)\s+(?:hand[\s-]+)?grenade\b";
    CueBombingWeak: Cue, Lower,
        r"(?i)\b(?:hand[\s-]+)?grenades?\b";
    /// Militants' quadcopters drop explosives on their targets.
    CueBombing3: Cue, Lower,
        r"(?i)\bquad-?copters?\b";
    CueMilitantAttack: Cue, Lower,
        r"(?i)\b(?:attack|attacks|attacked|attacking|assault|assaulted|ambush\w*|raided|stormed|storm|opened\s+(?:\w+\s+)?fire|fired\s+(?:[\w-]+\s+){0,2}?(?:at|on)|rocket\s+attacks?|fired\s+rockets|firing|gunmen|came\s+under\s+fire|under\s+attack|massacre|laid\s+siege\s+to|besieged|targeted\s+a|carnage|savage\s+act|heinous\s+act|terrorist\s+act|act\s+of\s+terror\w*|shot\s+(?:dead|at)|shot\s+(?:him|her|them)\s+dead|gunned\s+down|(?:militants|attackers?|assailants?|gunmen|terrorists|miscreants)\s+(?:\w+\s+)?targeted|(?:thwarted|foiled|repulsed|failed|averted)\s+(?:an?\s+|the\s+|their\s+)?(?:\w+\s+)?(?:attempt|bid)|attempt(?:ed|ing)?\s+to\s+(?:enter|storm|attack|raid|overrun|break\s+into))\b";
    /// A fight with no stated initiator: the attack of militants only
    /// when no operation of the forces is told.
    CueMilitantAttackWeak: Cue, Lower,
        r"(?i)\b(?:exchange\s+of\s+fire|fire\s+exchange|exchanged\s+fire|clash|clashes|gun\s+battle|gunfight|firefight)\b";
    CueSecurityOperation: Cue, Lower,
        r"(?i)\b(?:IBOs?|intelligence[\s-]+based\s+operations?|operation|operations|raid|raids|search\s+and\s+strike|(?:aircraft|jets?|planes?|drones?|helicopters?|gunships?)\s+(?:\w+\s+)?(?:struck|hit|bombed|targeted|pounded)|encounter|engagement|engaged|air\s*strikes?|strikes?|combing|cordon|{operation_kill_words}|eliminated|arrested|apprehended|captured|custody|caught)\b";
    /// "November 29 to December 1, 2024"
    DateMonthDayToMonthDay: Date, Original,
        r"\b({months_abbreviated})\.?\s+{DAY}{SEP}({months_abbreviated})\.?\s+{DAY}\b(?:,?\s+{YEAR})?";
    /// "29 November to 1 December 2024"
    DateDayMonthToDayMonth: Date, Original,
        r"\b{DAY}\s+({months_abbreviated})\.?{SEP}{DAY}\s+({months_abbreviated})\.?\b(?:,?\s+{YEAR})?";
    /// "25–28 April 2025", "14/15 October", "7 and 8 October"
    DateDayToDayMonth: Date, Original,
        r"\b{DAY}{SEP}{DAY}\s+(?:of\s+)?({months_abbreviated})\.?\b(?:,?\s+{YEAR})?";
    /// "April 10-11", "August 18/19, 2024", "January 13 and 14"
    DateMonthDayToDay: Date, Original,
        r"\b({months_abbreviated})\.?\s+{DAY}{SEP}{DAY}\b(?:,?\s+{YEAR})?";
    /// "the 14th of last month"
    DateDayOfRelativeMonth: Date, Original,
        r"(?i)\bthe\s+([0-3]?\d)(?:st|nd|rd|th)\s+of\s+(last|this)\s+month\b";
    /// "December 16, 2014", "Nov. 4, 2023", "September 9th"
    DateMonthDay: Date, Original,
        r"\b({months_abbreviated})\.?\s+{DAY}\b(?:,?\s+{YEAR})?";
    /// "16 December 2014", "the 14th of December"
    DateDayMonth: Date, Original,
        r"\b{DAY}\s+(?:of\s+)?({months_abbreviated})\.?\b(?:,?\s+{YEAR})?";
    /// "July-September 2024"
    DateMonthToMonthYear: Date, Original,
        r"\b({months_abbreviated})\.?\s*(?:-|–|to)\s*({months_abbreviated})\.?\s+{YEAR}\b";
    /// "August 2021", "October last year"
    DateMonthYear: Date, Original,
        r"\b({months_abbreviated})\.?\s+(?:of\s+)?{YEAR}\b";
    /// "in April", "since November", "in October last year"
    DateInMonth: Date, Original,
        r"\b(?i:in|since|during|of|from|early|late|mid|by)\s+(?:(?i:early|late|mid)[\s-]+)?({months_full})\b(\s+(?i:last|this)\s+year)?";
    /// "in 2021", "since 2014"
    DateInYear: Date, Original,
        r"\b(?i:in|since|during|early|late|mid-?)\s+{YEAR}\b";
    /// "the night of 11/12"
    DateNightOfDays: Date, Original,
        r"(?i)\bnight\s+(?:of\s+)?(?:the\s+)?([0-3]?\d)\s*/\s*([0-3]?\d)\b";
    /// "Thursday last week", "last Friday", "Sunday's"
    DateWeekday: Date, Original,
        r"(?i)\b(last\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s|’s)?(\s+last\s+week)?\b";
    DateToday: Date, Original,
        r"(?i)\b(?:earlier\s+)?today\b|\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b|\bearlier\s+in\s+the\s+day\s+today\b";
    DateYesterday: Date, Original,
        r"(?i)\byesterday\b|\b(?:late\s+)?last\s+night\b";
    DateOvernight: Date, Original,
        r"(?i)\bovernight\b|\b(?:within|in|over|during)\s+the\s+(?:last|past)\s+24\s+hours\b";
    DateDaysAgo: Date, Original,
        r"(?i)\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+ago\b";
    DateFewDaysAgo: Date, Original,
        r"(?i)\b(?:a\s+few\s+|several\s+|some\s+)?days\s+ago\b";
    DateLastWeek: Date, Original,
        r"(?i)\blast\s+week\b";
    DateThisWeek: Date, Original,
        r"(?i)\b(?:earlier\s+)?this\s+week\b";
    DateThisMonth: Date, Original,
        r"(?i)\b(?:earlier\s+)?this\s+month\b";
    DateLastMonth: Date, Original,
        r"(?i)\blast\s+month\b";
    DateLastYear: Date, Original,
        r"(?i)\blast\s+year\b";
    DateThisYear: Date, Original,
        r"(?i)\b(?:earlier\s+)?this\s+year\b";
    DateSameDay: Date, Original,
        r"(?i)\b(?:the\s+|that\s+)?same\s+(?:day|night)\b|\b(?:earlier|later)\s+(?:in\s+the|that)\s+day\b|\bon\s+the\s+same\s+date\b";
    DateNextDay: Date, Original,
        r"(?i)\b(?:the\s+)?(previous|next|following)\s+day\b|\bthe\s+day\s+(before|after)\b";
    DateHoursDaysAfter: Date, Original,
        r"(?i)\b(a|an|one|two|three|four|five|six|seven|\d{1,2}|few|a\s+few|a\s+couple\s+of|couple\s+of)?\s*(hours?|days?|weeks?)\s+(after|before|later|earlier)\b";
}

/// Rules searched together in one pass over a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetId {
    /// The event cues.
    Cues,
    /// The yes/no rules of a segment and the event cues but the
    /// [`HEAVY_CUES`]: a dozen separate searches took a third of the parse,
    /// one pass a tenth; the flags and the cues in one pass instead of two,
    /// 0.97 of the instructions.
    FlagsAndCues,
    /// The date patterns, tried in their order.
    Dates,
}

/// Each set as a handle that names the text its members read.
#[allow(non_upper_case_globals)]
pub mod set {
    use super::super::haystack::{Lower, Original};
    use super::{Set, SetId};

    pub const Cues: Set<Lower> = Set::new(SetId::Cues);
    pub const FlagsAndCues: Set<Lower> = Set::new(SetId::FlagsAndCues);
    pub const Dates: Set<Original> = Set::new(SetId::Dates);
}

/// The event cue rules, in the order their cues are read.
pub const CUE_RULES: &[Id<Lower>] = &[
    rule::CueSuicideAttack,
    rule::CueSuicideAttack2,
    rule::CueSuicideAttack3,
    rule::CueSuicideAttack4,
    rule::CueSuicideAttackWeak,
    rule::CueCrossBorderAttack,
    rule::CueCrossBorderAttack2,
    rule::CueBorderInfiltration,
    rule::CueKidnapping,
    rule::CueTargetedKilling,
    rule::CueBombing,
    rule::CueBombing2,
    rule::CueBombingWeak,
    rule::CueBombing3,
    rule::CueMilitantAttack,
    rule::CueMilitantAttackWeak,
    rule::CueSecurityOperation,
];

/// The date patterns, in the order they are tried.
pub const DATE_RULES: &[Id<Original>] = &[
    rule::DateMonthDayToMonthDay,
    rule::DateDayMonthToDayMonth,
    rule::DateDayToDayMonth,
    rule::DateMonthDayToDay,
    rule::DateDayOfRelativeMonth,
    rule::DateMonthDay,
    rule::DateDayMonth,
    rule::DateMonthToMonthYear,
    rule::DateMonthYear,
    rule::DateInMonth,
    rule::DateInYear,
    rule::DateNightOfDays,
    rule::DateWeekday,
    rule::DateToday,
    rule::DateYesterday,
    rule::DateOvernight,
    rule::DateDaysAgo,
    rule::DateFewDaysAgo,
    rule::DateLastWeek,
    rule::DateThisWeek,
    rule::DateThisMonth,
    rule::DateLastMonth,
    rule::DateLastYear,
    rule::DateThisYear,
    rule::DateSameDay,
    rule::DateNextDay,
    rule::DateHoursDaysAfter,
];

/// The yes/no rules of a segment searched as one set with the light cues
/// (each rule in the set instead of alone: 0.987 of the instructions).
/// The rules with gaps of several words ("the ... attack", "two ...
/// blasts": `(?:[\w'’-]+\s+){0,3}?`) search alone: in the set they
/// multiplied the states its lazy automaton builds as it meets new text,
/// which made the set a third of the parse of reports it had not read
/// before (benches/PERFORMANCE.md).
const FLAG_RULES: &[RuleId] = &[
    RuleId::PluralEvents,
    RuleId::Stats,
    RuleId::NewEvent,
    RuleId::Also,
    RuleId::PlusBomber,
    RuleId::ActorDeed,
    RuleId::OperationStep,
    RuleId::Blames,
    RuleId::Negated,
    RuleId::PastPerfect,
    RuleId::Response,
    RuleId::Shooting,
    RuleId::Prominent,
    RuleId::HomeAttack,
    RuleId::PluralLocus,
    RuleId::Scattered,
    RuleId::Mishap,
];

/// Cues with long gaps between their words, seldom open: searched alone
/// where the segment scan finds their words.
pub const HEAVY_CUES: &[Id<Lower>] = &[
    rule::CueSuicideAttack2,
    rule::CueCrossBorderAttack,
    rule::CueCrossBorderAttack2,
    rule::CueBorderInfiltration,
    rule::CueTargetedKilling,
];

/// The cues but the [`HEAVY_CUES`].
fn light_cues() -> impl Iterator<Item = RuleId> {
    CUE_RULES
        .iter()
        .filter(|r| !HEAVY_CUES.iter().any(|h| h.id() == r.id()))
        .map(|r| r.id())
}

/// The members of a set, in the order its matches are read.
pub fn members(set: SetId) -> Vec<RuleId> {
    let ids = |rules: &[Id<Lower>]| rules.iter().map(|r| r.id()).collect::<Vec<_>>();
    match set {
        SetId::Cues => ids(CUE_RULES),
        SetId::FlagsAndCues => FLAG_RULES.iter().copied().chain(light_cues()).collect(),
        SetId::Dates => DATE_RULES.iter().map(|r| r.id()).collect(),
    }
}

/// Every set, in the order of [`SetId`].
pub const SET_IDS: [SetId; 3] = [SetId::Cues, SetId::FlagsAndCues, SetId::Dates];

/// Pieces of patterns named in capitals (`{DAY}`): spelled out as written.
pub const FRAGMENTS: &[(&str, &str)] = &[
    // A day of the month, "4" or "4th".
    ("DAY", r"([0-3]?\d)(?:st|nd|rd|th)?"),
    // A year of this century or the last.
    ("YEAR", r"((?:19|20)\d\d)"),
    // The noun of a reference to an event ("the deadly blast").
    (
        "REFERENCE_NOUN",
        r"(suicide\s+(?:attack|bomber|bombing|blast|attackers?)|blasts?|bombings?|explosions?|IEDs?|air\s*strikes?|strikes?|operations?|IBOs?|raids?|attacks?|assaults?|ambush|kidnapping|abduction|hijacking|hostages|incident|tragedy)",
    ),
    // Between the ends of a range: "-", "/", "to", "and", "until".
    (
        "SEP",
        r"\s*(?:-|–|—|/|\bto\b|\band\b|\buntil\b|\btill\b)\s*",
    ),
];

/// Word lists whose every occurrence the segment scan records, for
/// extractors that would otherwise search each segment again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListId {
    /// The militant groups' aliases (a search of their own cost 5% of the parse).
    GroupAliases,
}

/// The words of a recorded list, read from the lexicon.
pub type Spellings = fn() -> Vec<&'static str>;

/// Each recorded list with its words (a spelling listed twice stands for
/// its first item).
pub const LISTS: &[(ListId, Spellings)] =
    &[(ListId::GroupAliases, || lexicon().group_aliases().collect())];

#[cfg(test)]
mod tests {
    use super::super::haystack::Reads;
    use super::*;

    #[test]
    fn every_cue_is_light_or_heavy_once() {
        let light_cues: Vec<RuleId> = light_cues().collect();
        let heavy: Vec<RuleId> = HEAVY_CUES.iter().map(|r| r.id()).collect();
        for cue in CUE_RULES {
            let light = light_cues.contains(&cue.id());
            assert_ne!(light, heavy.contains(&cue.id()), "{cue:?}");
        }
        assert_eq!(light_cues.len() + HEAVY_CUES.len(), CUE_RULES.len());
        for (at, set) in SET_IDS.iter().enumerate() {
            assert_eq!(*set as usize, at, "{set:?} out of order");
        }
        assert!(FLAG_RULES.iter().all(|f| !members(SetId::Cues).contains(f)));
    }

    #[test]
    fn handles_name_the_text_of_their_rows() {
        fn members_read<R: Reads>(set: Set<R>) {
            for id in members(set.id()) {
                assert_eq!(ROWS[id as usize].text, R::TEXT, "{id:?}");
            }
        }
        assert_eq!(ROWS[rule::Stats.id() as usize].text, Text::Lower);
        assert_eq!(ROWS[rule::Dateline.id() as usize].text, Text::Original);
        members_read(set::Cues);
        members_read(set::FlagsAndCues);
        members_read(set::Dates);
    }
}
