//! One document's annotations (sentences, triggers, cues, actors, places,
//! numbers, dates) and the reading of each sentence: which ACLED sub-event
//! type, if any, it reports.

use crate::actors::{ActorDictionary, ActorMention, ActorRef, AgentKind};
use crate::lexicon::{Cat, Cue, Hit};
use crate::modality;
use crate::outlet;
use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;
use sitrep_geo::countries::{self, Country};
use sitrep_model::{ActorType, Document, FeatureKind, PlaceMention, Relation, Span, SubEventType};
use sitrep_text::dates::{DateKind, DateMention};
use sitrep_text::numbers::Quantity;
use std::cell::RefCell;
use std::sync::LazyLock;

/// Everything the coder knows about one document, in document byte offsets.
pub struct Annotated<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    pub sentences: Vec<Span>,
    /// In text order (by start), as the scan finds them.
    pub triggers: Vec<Hit<Cat>>,
    /// In text order (by start), as the scan finds them: per-sentence
    /// readers take their slice by binary search ([`starting_in`]).
    pub cues: Vec<Hit<Cue>>,
    pub actors: Vec<ActorMention>,
    /// The geoparser's mentions, less those inside an actor's name
    /// ("Benghazi" in "Benghazi Defence Brigades").
    pub places: Vec<&'a PlaceMention>,
    /// In text order (by start), like `cues`.
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
    pub dict: &'static ActorDictionary,
    /// The country the document's outlet reports on, if it is a national one.
    pub outlet: Option<&'static Country>,
    /// [`Annotated::live_in_itself`]'s answers by sentence and trigger. The
    /// same trigger is judged many times: when the coder asks whether any
    /// event can begin, when incidents are grouped, when clauses are split
    /// and when deaths are counted, about twice on average. Text only, so
    /// it holds across [`Annotated::with_places`]. Fx hashing: SipHash cost
    /// a tenth of what the memo saved.
    liveness: RefCell<FxHashMap<(Span, Span, Cat), bool>>,
}

/// What a sentence reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub sub: SubEventType,
    /// The trigger that decided the type.
    pub anchor: Span,
    /// Only a detail (a death, an arrest, a fire) that usually belongs to an
    /// incident reported nearby.
    pub auxiliary: bool,
    /// Decided by an ambiguous word ("operations", "raids").
    pub weak: bool,
}

const ARMED_TARGETS: &[&str] = &[
    "soldiers",
    "troops",
    "policemen",
    "base",
    "bases",
    "checkpoint",
    "checkpoints",
    "convoy",
    "barracks",
    "patrol",
    "patrols",
    "position",
    "positions",
    "outpost",
    "garrison",
    "headquarters",
    "military",
    "army",
];

/// People aimed at, after "target": no fire at ground.
const TARGETED_PEOPLE: &[&str] = &[
    "people",
    "civilians",
    "citizens",
    "residents",
    "men",
    "women",
    "children",
    "members",
    "leaders",
    "commanders",
];

/// Where an advance goes, after "advance".
const ADVANCE_DIRECTIONS: &[&str] = &[
    "in", "into", "on", "over", "towards", "toward", "around", "across", "inside",
];

/// Ground that fire from afar is aimed at, after "target".
const TARGETED_GROUND: &[&str] = &[
    "area",
    "areas",
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "neighbourhood",
    "neighbourhoods",
    "neighborhood",
    "neighborhoods",
    "countryside",
    "outskirts",
    "region",
    "sector",
];

const TERRITORY_OBJECTS: &[&str] = &[
    "town",
    "towns",
    "city",
    "village",
    "villages",
    "control",
    "area",
    "areas",
    "district",
    "territory",
    "base",
    "positions",
    "neighbourhood",
    "neighborhood",
    "locality",
    "hill",
];

/// What a road block blocks: the word must follow the verb closely.
const ROAD_NOUNS: &[&str] = &[
    "road",
    "roads",
    "highway",
    "highways",
    "street",
    "streets",
    "traffic",
    "vehicles",
    "bridge",
    "junction",
    "roundabout",
    "route",
    "routes",
    "motorway",
    "expressway",
    "circulation",
];

/// Trigger words as common outside conflict reporting as in it: sport
/// ("beat Arsenal"), courts ("a legal battle"), business ("operations",
/// "agreements", "released its results", "aircraft orders", "shattered
/// records"), health and weather ("died of cancer", "destroyed by floods").
/// They report an event only with conflict context in their sentence (see
/// `Annotated::read_span`). Measured on general news (BENCHMARKS.md).
const NEEDS_CONFLICT_CONTEXT: &[&str] = &[
    "operations",
    "operation",
    "offensive",
    "offensives",
    "engaged",
    "fought",
    "battle",
    "battles",
    "battled",
    "confrontation",
    "confrontations",
    "control",
    "recovered",
    "beat",
    "beats",
    "beaten",
    "beating",
    "aircraft",
    "jets",
    "drone",
    "drones",
    "air force",
    "artillery",
    "missile",
    "missiles",
    "smashed",
    "shattered",
    "shattering",
    "released",
    "was formed",
    "agreement",
    "agreements",
    "signed a",
    "demonstrate",
    "demonstrates",
    "exploded",
    "shoot",
    "boycott",
    "boycotts",
    "boycotted",
    "boycotting",
    "clash",
    "clashed",
    "fighting",
    "deployed",
    "died",
    "dead",
    "killer",
    "killers",
    "destroyed",
    "fire on",
    "fire at",
    "fires on",
    "fires at",
    "withdrew",
];

/// Arms of [`NEEDS_CONFLICT_CONTEXT`] that report an attack only when their
/// sentence tells them used ([`USE_OF_ARMS`]).
const UNUSED_ARMS: &[&str] = &[
    "aircraft",
    "jets",
    "drone",
    "drones",
    "air force",
    "artillery",
    "missile",
    "missiles",
];

/// Word starts that tell a rocket fired besides [`USE_OF_ARMS`]: the
/// ways rockets come down ("rockets landed", "fell on", "slammed into").
const ROCKETS_COME_DOWN: &[&str] = &[
    "land", "fell", "fall", "slam", "explod", "impact", "barrage", "salvo",
];

/// Documents handed over (singular; plurals with -s match too): not
/// territory.
const PAPERS: &[&str] = &[
    "motion",
    "petition",
    "memorandum",
    "letter",
    "report",
    "list",
    "document",
    "bill",
    "proposal",
    "dossier",
    "file",
    "evidence",
    "certificate",
    "cheque",
    "check",
    "award",
    "trophy",
    "prize",
    "demand",
    "resignation",
];

/// Words before a participle that make it an adjective: "members of
/// detained lawyers", "their jailed leaders".
const ADJECTIVE_LEADS: &[&str] = &[
    "of", "for", "about", "with", "their", "his", "her", "its", "our", "other",
];

/// Objects of "capture" that are no ground: a mood, attention, a picture,
/// a prize ("captures all the excitement", "captured the imagination",
/// "captured on camera", "captured the title").
const CAPTURED_NOT_GROUND: &[&str] = &[
    "excitement",
    "energy",
    "imagination",
    "attention",
    "essence",
    "spirit",
    "mood",
    "moment",
    "moments",
    "feeling",
    "feelings",
    "beauty",
    "magic",
    "atmosphere",
    "image",
    "images",
    "footage",
    "camera",
    "video",
    "film",
    "emotion",
    "emotions",
    "title",
    "crown",
    "medal",
    "championship",
    "trophy",
    "votes",
    "interest",
];

/// Words that tell an ordeal lived through: "survived detention and
/// torture", "suffered torture", "victims of torture".
const ORDEAL_LIVED_THROUGH: &[&str] = &[
    "survived",
    "survivor",
    "survivors",
    "suffered",
    "endured",
    "victims",
    "victim",
];

/// Word starts that tell arms used: "drones hit", "jets pounded", "the air
/// force bombed", "artillery fire", "missiles launched".
const USE_OF_ARMS: &[&str] = &[
    "bomb", "strik", "struck", "raid", "pound", "hit", "target", "attack", "shell", "fire",
    "firing", "launch", "drop", "kill", "destroy", "blast", "shot", "shoot", "hammer", "bombard",
    "rain", "wound", "injur",
];

/// Words after "shelled" or "defuse" that make them food or diplomacy.
const NOT_MUNITIONS: &[&str] = &[
    "pistachios",
    "peanuts",
    "nuts",
    "walnuts",
    "almonds",
    "eggs",
    "shrimp",
    "prawns",
    "seeds",
    "tension",
    "tensions",
    "crisis",
    "situation",
    "row",
    "standoff",
    "dispute",
];

/// The words "kill" begins in its own sense; other capitalised words that
/// begin so mid-sentence are names ("Killeen").
const KILL_FORMS: &[&str] = &[
    "kill", "kills", "killed", "killing", "killings", "killer", "killers",
];

/// The words "lynch" begins in its own sense; a capitalised word that
/// begins so mid-sentence is a name ("Lynchburg").
const LYNCH_FORMS: &[&str] = &[
    "lynch",
    "lynched",
    "lynches",
    "lynching",
    "lynchings",
    "lynchers",
];

/// The people at a protest, named after it ("them": the protesters).
const CROWD_WORDS: &[&str] = &[
    "crowd",
    "crowds",
    "demonstrators",
    "protesters",
    "protestors",
    "marchers",
    "them",
];

/// Words after "riot" that make it the force sent against riots.
const RIOT_FORCE_WORDS: &[&str] = &[
    "police",
    "policemen",
    "officers",
    "squad",
    "squads",
    "unit",
    "units",
    "troops",
    "forces",
    "gear",
    "shields",
    "control",
    "vehicles",
    "trucks",
];

/// Nouns after "offensive" that make it the adjective.
const OFFENSIVE_THINGS: &[&str] = &[
    "weapon",
    "weapons",
    "message",
    "messages",
    "remarks",
    "comments",
    "language",
    "tweet",
    "tweets",
    "post",
    "posts",
    "content",
    "behaviour",
    "behavior",
    "joke",
    "jokes",
    "lineman",
    "line",
    "coordinator",
];

/// What "shot down" dismisses when it is no aircraft.
const DISMISSED_THINGS: &[&str] = &[
    "rumors",
    "rumours",
    "claims",
    "reports",
    "speculation",
    "suggestions",
    "idea",
    "proposal",
    "proposals",
];

/// Nouns after "dead" that make it no death ("double dead meat", "a dead
/// end", "dead heat").
const DEAD_THINGS: &[&str] = &[
    "meat",
    "end",
    "ends",
    "heat",
    "weight",
    "zone",
    "zones",
    "wood",
    "leaves",
    "skin",
    "battery",
    "batteries",
    "link",
    "links",
    "letter",
    "language",
    "calm",
    "trees",
    "set",
];

/// What an execution carries out when it puts no one to death ("the
/// execution of insidious agendas", "executed the operation").
const CARRIED_OUT: &[&str] = &[
    "operation",
    "operations",
    "plan",
    "plans",
    "plot",
    "attack",
    "attacks",
    "raid",
    "raids",
    "mission",
    "missions",
    "order",
    "orders",
    "strategy",
    "assault",
    "ambush",
    "bombing",
    "agreement",
    "deal",
    "warrant",
    "warrants",
    "project",
    "projects",
    "programme",
    "program",
    "contract",
    "agenda",
    "agendas",
    "policy",
    "policies",
    "duties",
    "tasks",
    "budget",
    "will",
];

/// Words before "shot" that make it an injection.
const VACCINE_WORDS: &[&str] = &["flu", "booster", "vaccine", "vaccination", "measles"];

/// Words before "attack" that put it on computers.
const CYBER_WORDS: &[&str] = &[
    "malware",
    "cyber",
    "ransomware",
    "phishing",
    "hacking",
    "denial-of-service",
    "ddos",
];

/// Things that are hacked on computers ("hacked email accounts", "the
/// exchange was hacked of its coins").
const HACKED_THINGS: &[&str] = &[
    "account",
    "accounts",
    "email",
    "emails",
    "e-mail",
    "website",
    "websites",
    "computer",
    "computers",
    "server",
    "servers",
    "database",
    "databases",
    "network",
    "networks",
    "system",
    "systems",
    "phone",
    "phones",
    "exchange",
    "wallet",
    "wallets",
    "coins",
    "crypto",
    "cryptocurrency",
    "bitcoin",
    "data",
    "password",
    "passwords",
    "software",
    "app",
];

/// Words that make "hacked" a blade's work whatever else the sentence
/// says.
const HACKED_WITH_BLADES: &[&str] = &[
    "machete",
    "machetes",
    "axe",
    "axes",
    "knife",
    "knives",
    "cutlass",
    "cutlasses",
    "sword",
    "swords",
    "death",
    "pieces",
    "body",
    "bodies",
    "limbs",
];

/// Words before a weapon that make it merchandise ("selling artillery").
/// The same words are `Cue::Trade` cues (a test holds the two lists alike).
const ARMS_TRADE: &[&str] = &[
    "selling",
    "sell",
    "sells",
    "sale",
    "sales",
    "sold",
    "buy",
    "buying",
    "bought",
    "purchase",
    "purchased",
    "purchasing",
    "export",
    "exports",
    "import",
    "imports",
    "order",
    "orders",
    "ordered",
    "supply",
    "supplying",
    "deliver",
    "delivered",
    "delivery",
    "manufacture",
    "manufacturer",
    "maker",
    "makers",
];

/// What "a demonstration of" shows when it is no protest.
const DEMONSTRATED_QUALITIES: &[&str] = &[
    "power",
    "force",
    "strength",
    "military",
    "resolve",
    "unity",
    "capability",
    "capabilities",
    "technology",
    "its",
    "his",
    "her",
    "their",
    "how",
    "what",
    "this",
    "that",
    "a",
    "an",
];

/// Word beginnings of who is arrested that make an arrest political
/// whatever else the sentence says ("arrested a 25-year-old activist").
/// Read in the arrest's own sentence only: "officials say" in the sentence
/// before is no detainee. "Party" is left out ("a party drug laboratory");
/// party members and officials are named by "member" and "official".
const POLITICAL_DETAINEES: &[&str] = &[
    "activist",
    "journalist",
    "reporter",
    "photographer",
    "blogger",
    "editor",
    "opposition",
    "leader",
    "politician",
    "lawmaker",
    "legislator",
    "mp",
    "senator",
    "councillor",
    "governor",
    "mayor",
    "candidate",
    "official",
    "minister",
    "president",
    "spokes",
    "chairman",
    "elder",
    "intellectual",
    "rights",
    "cleric",
    "imam",
    "priest",
    "pastor",
    "bishop",
    "commander",
    "colonel",
    "member",
    "cadre",
    "supporter",
    "dissident",
    "student",
    "union",
];

/// Word beginnings of a conflict or political cause that make an arrest
/// political, told in its sentence or the one before ("Gunmen attacked a
/// checkpoint. Police later arrested three men").
const POLITICAL_CAUSES: &[&str] = &[
    "protest",
    "demonstrat",
    "strik",
    "militant",
    "rebel",
    "insurgent",
    "separatist",
    "jihad",
    "islamist",
    "extremist",
    "terror",
    "fighter",
    "soldier",
    "army",
    "troops",
    "military",
    "militia",
    "forces",
    "vigilante",
    "bandit",
    "gunmen",
    "attack",
    "bomb",
    "explosive",
    "weapon",
    "kill",
    "murder",
    "coup",
    "treason",
    "sedition",
    "espionage",
    "spying",
];

/// Words before a plural that refer to arrests told before ("these
/// arrests", "his arrests"): no new mass arrest.
const REFERRING_DETERMINERS: &[&str] = &[
    "the", "these", "those", "his", "her", "their", "its", "such",
];

/// Past participles without "-ed" among the trigger words.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "shot", "hit", "struck", "burnt", "stolen", "thrown", "blown", "set", "held", "slain", "caught",
];

/// Words right before an arrest word that make it no arrest: "resisting
/// arrest" is a charge, "remanded in custody" a court's order.
const NO_ARREST_BEFORE: &[&str] = &["resisting", "resisted", "resist", "remanded"];

/// Words that count people arrested in numbers without a number of ten
/// or more ("dozens", "scores"); a mass arrest is political whoever the
/// arrested are.
const MANY_PEOPLE: &[&str] = &["hundreds", "thousands", "dozen", "dozens", "scores", "mass"];

/// Word beginnings of the crimes an ordinary arrest is for (matched as
/// prefixes: "steal" covers "stealing" and "stole" is listed).
const ORDINARY_CRIMES: &[&str] = &[
    "steal",
    "stole",
    "theft",
    "burglar",
    "robb",
    "shoplift",
    "fraud",
    "embezzl",
    "brib",
    "drunk",
    "drink-driv",
    "dui",
    "speeding",
    "possession",
    "drug",
    "narcotic",
    "cocaine",
    "heroin",
    "marijuana",
    "cannabis",
    "felony",
    "misdemean",
    "vandal",
    "endanger",
    "trespass",
    "counterfeit",
    "smuggl",
    "poach",
    "insider",
    "evasion",
    "forger",
    "scam",
    "forged",
    "harass",
    "stalking",
    "rape",
    "indecent",
    "buy-bust",
    "alcohol",
    "breathaly",
];

/// How many words of its clause after "destroyed" its object is looked
/// for: "destroyed thousands of American factories and millions of
/// American jobs".
const DESTROYED_REACH: usize = 12;

/// Nouns (lower case, singular; [`is_noun_in`] takes plurals and any case) of
/// things destroyed that are no one's property: economies, careers, germs.
const INTANGIBLE_TARGETS: &[&str] = &[
    "job",
    "livelihood",
    "career",
    "reputation",
    "credibility",
    "confidence",
    "trust",
    "hope",
    "dream",
    "future",
    "democracy",
    "relationship",
    "marriage",
    "economy",
    "economies",
    "virus",
    "bacteria",
    "germ",
    "pathogen",
    "cell",
    "tissue",
];

/// Words that open a noun phrase: a cue right after one modifies the noun
/// ("the usually quiet town").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
];

/// Words before "suspect" that make it the noun ("the suspect", "two
/// suspects"), not the verb ("police suspect Boko Haram").
const SUSPECT_DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "four", "five", "both", "several", "male", "female",
    "alleged", "main", "prime", "murder", "robbery",
];

/// Words of courts and criminal investigations: a killing they hear is
/// crime news ([`Annotated::told_to_a_court`]).
const COURT_WORDS: &[&str] = &[
    "trial",
    "trials",
    "jurors",
    "jury",
    "pleaded",
    "prosecutor",
    "prosecutors",
    "defendant",
    "defendants",
    "investigators",
    "detectives",
    "inquest",
    "testified",
    "confession",
];

/// [`COURT_WORDS`] anywhere, in any case, inside words too: a prefilter.
static COURT_WORDS_ANYWHERE: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(COURT_WORDS)
        .ok()
});

/// Words that compare counts: "more murders ... than", "more than 5".
const COMPARATIVES: &[&str] = &["more", "fewer", "less"];

/// What is burned for energy ("gas burned", "fuel burned"), lower case.
const FUELS: &[&str] = &[
    "gas", "methane", "fuel", "fuels", "coal", "diesel", "petrol", "gasoline", "kerosene",
    "calories",
];

/// Animals (lower case, singular or unchanging), killed in culls and
/// slaughterhouses.
const ANIMALS: &[&str] = &[
    "livestock",
    "cattle",
    "cow",
    "pig",
    "hog",
    "swine",
    "sheep",
    "goat",
    "chicken",
    "poultry",
    "bird",
    "duck",
    "animal",
    "dog",
    "cat",
    "horse",
    "fish",
    "calf",
    "calves",
    "deer",
    "pet",
];

/// The body (lower case, singular), for symptoms ("burning in the throat").
const BODY_PARTS: &[&str] = &[
    "throat", "eye", "chest", "skin", "mouth", "nose", "lung", "stomach", "feet", "foot", "hand",
    "leg", "face", "ear", "tongue", "lip",
];

/// Word starts that make a sexual assault political violence: armed
/// perpetrators, or a war's setting ("raped displaced girls").
const ARMED_PERPETRATORS: &[&str] = &[
    "gunm",
    "armed",
    "militant",
    "militia",
    "paramilitar",
    "rebel",
    "insurgent",
    "separatist",
    "jihad",
    "islamist",
    "extremist",
    "terror",
    "fighter",
    "combatant",
    "soldier",
    "army",
    "troops",
    "military",
    "forces",
    "vigilante",
    "bandit",
    "janjaweed",
    "peacekeep",
    "wartime",
    "conflict",
    "displaced",
    "idp",
];

/// Words before a clash word that make it a contest without arms ("a
/// trade battle", "a legal battle", "a verbal clash").
const NON_ARMED_CONTESTS: &[&str] = &[
    "trade",
    "legal",
    "court",
    "courtroom",
    "political",
    "verbal",
    "diplomatic",
    "culture",
    "price",
    "tariff",
    "ratings",
    "budget",
    "custody",
    "boardroom",
    "bidding",
    "election",
    "electoral",
    "uphill",
    "ideological",
];

/// Words before "battle(s)" or "fought" that make it armed fighting.
const VIOLENT_MODIFIERS: &[&str] = &[
    "fierce",
    "heavy",
    "violent",
    "armed",
    "deadly",
    "bloody",
    "intense",
    "fresh",
    "renewed",
    "renewing",
    "continuous",
    "street",
    "fiercely",
    "heavily",
    "clan",
    "tribal",
    "communal",
    "intercommunal",
    "inter-communal",
    "factional",
    "sectarian",
    "ethnic",
];

/// Words after "fighting" that make it armed fighting ("fighting erupted",
/// "fighting between the army and rebels"), not a cause or a sport.
const FIGHTING_CONTINUES: &[&str] = &[
    "between",
    "erupted",
    "broke",
    "raged",
    "flared",
    "resumed",
    "intensified",
    "continued",
];

/// Verbs before "control" that make it ground taken ("took full control").
const TAKING_GROUND: &[&str] = &[
    "took",
    "taken",
    "take",
    "takes",
    "taking",
    "seized",
    "seize",
    "seizes",
    "gained",
    "gain",
    "gains",
    "wrested",
    "regained",
    "regain",
    "regains",
    "retook",
    "retaken",
    "recaptured",
    "captured",
];

const WEAK_WORDS: &[&str] = &[
    "operations",
    "offensive",
    "offensives",
    "engaged",
    "advancing",
    "destroyed",
    "raids",
    "aircraft",
    "jets",
    "beat",
    "beats",
    "beaten",
    "beating",
    "casualties",
    "confrontation",
    "confrontations",
];

/// "target", "targets", "targeted", "targeting": monitors' word for fire
/// from afar, the weakest of the remote triggers.
fn is_target_word(word: &str) -> bool {
    starts_with_ignore_case(word, "target")
}

/// "advance", "advancing", "advanced on"...: ground taken by moving on it.
fn is_advance_word(word: &str) -> bool {
    starts_with_ignore_case(word, "advanc")
}

/// The words of `s` (as [`word_spans`] has them), ASCII-lower-cased.
fn lower_words(s: &str) -> impl Iterator<Item = String> + '_ {
    Words::new(s, Span::new(0, s.len())).map(move |w| s[w.start..w.end].to_ascii_lowercase())
}

impl<'a> Annotated<'a> {
    pub fn slice(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    pub fn actors_in(&self, span: Span) -> impl Iterator<Item = &ActorMention> + '_ {
        self.actors.iter().filter(move |m| span.contains(m.span))
    }

    pub fn inter_of(&self, m: &ActorMention) -> Option<ActorType> {
        match m.actor {
            ActorRef::Named(i) => self.dict.named.get(i).map(|a| a.inter),
            ActorRef::Agent(k) => Some(k.acled_name("").1),
        }
    }

    pub fn is_armed(&self, m: &ActorMention) -> bool {
        match m.actor {
            ActorRef::Named(i) => self.dict.named.get(i).is_some_and(|a| {
                !matches!(
                    a.inter,
                    ActorType::Rioters | ActorType::Protesters | ActorType::Civilians
                )
            }),
            ActorRef::Agent(k) => k.is_armed(),
        }
    }

    pub fn is_state(&self, m: &ActorMention) -> bool {
        match m.actor {
            ActorRef::Named(i) => self
                .dict
                .named
                .get(i)
                .is_some_and(|a| a.inter == ActorType::StateForces),
            ActorRef::Agent(k) => matches!(
                k,
                AgentKind::Military | AgentKind::Police | AgentKind::Government
            ),
        }
    }

    pub fn is_civilian(&self, m: &ActorMention) -> bool {
        matches!(
            m.actor,
            ActorRef::Agent(AgentKind::Civilians | AgentKind::Prisoners)
        )
    }

    pub(crate) fn cue_in(&self, span: Span, what: Cue) -> bool {
        starting_in(&self.cues, span, |c| c.span)
            .iter()
            .any(|c| c.what == what && span.contains(c.span))
    }

    /// The sentence holding `pos`.
    pub fn sentence_of(&self, pos: usize) -> Option<usize> {
        sentence_index(&self.sentences, pos)
    }

    /// The sentence that holds all of `span`; `span` itself if none does
    /// (a clause is always inside one).
    fn sentence_holding(&self, span: Span) -> Span {
        self.sentence_of(span.start)
            .and_then(|i| self.sentences.get(i).copied())
            .filter(|s| s.contains(span))
            .unwrap_or(span)
    }

    /// The sentence before the one that holds `sentence`, if any.
    fn sentence_before(&self, sentence: Span) -> Option<Span> {
        self.sentence_of(sentence.start)
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| self.sentences.get(i).copied())
    }

    /// The sentence after the one that holds `sentence`, if any.
    fn sentence_after(&self, sentence: Span) -> Option<Span> {
        self.sentence_of(sentence.start)
            .and_then(|i| self.sentences.get(i + 1).copied())
    }

    /// No blank line between the end of `first` and the start of `then`
    /// (a single line break may be a wrapped line).
    pub fn same_paragraph(&self, first: Span, then: Span) -> bool {
        self.text
            .get(first.end..then.start)
            .is_some_and(|gap| !gap.contains("\n\n"))
    }

    /// The sentences before and after `sentence` that share its paragraph.
    fn paragraph_neighbours(&self, sentence: Span) -> [Option<Span>; 2] {
        [
            self.sentence_before(sentence)
                .filter(|&s| self.same_paragraph(s, sentence)),
            self.sentence_after(sentence)
                .filter(|&s| self.same_paragraph(sentence, s)),
        ]
    }

    /// A disease or natural hazard is named in `sentence` or the sentence
    /// before it ("Floods hit the province. They have left 1,600 people
    /// dead.").
    pub fn hazard_near(&self, sentence: Span) -> bool {
        let from = self
            .sentence_before(sentence)
            .map_or(sentence.start, |s| s.start);
        self.cue_in(Span::new(from, sentence.end), Cue::Hazard)
    }

    /// A disease or natural hazard is named in the sentence after
    /// `sentence`, in the same paragraph: a toll told before its cause
    /// ("Around 100 bodies have been recovered. An underwater earthquake
    /// triggered the wave.").
    pub fn hazard_after(&self, sentence: Span) -> bool {
        self.sentence_after(sentence)
            .filter(|next| self.same_paragraph(sentence, *next))
            .is_some_and(|next| self.cue_in(next, Cue::Hazard))
    }

    /// Clause bounds around `span` inside `sentence`.
    pub fn clause_of(&self, sentence: Span, span: Span) -> Span {
        let head = self.text.get(sentence.start..span.start).unwrap_or("");
        let tail = self.text.get(span.end..sentence.end).unwrap_or("");
        let is_break = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–');
        let start = head
            .char_indices()
            .rev()
            .find(|(_, c)| is_break(*c))
            .map(|(i, c)| sentence.start + i + c.len_utf8())
            .unwrap_or(sentence.start);
        let end = tail
            .find(is_break)
            .map(|i| span.end + i)
            .unwrap_or(sentence.end);
        Span::new(start, end.max(start))
    }

    /// "were killed", "was attacked", "attacked by".
    pub fn is_passive(&self, sentence: Span, trigger: Span) -> bool {
        // The two words before the trigger, without lower-casing the rest
        // of the sentence (this runs for every trigger).
        let before = word_spans(self.text, Span::new(sentence.start, trigger.start));
        let aux = before.iter().rev().take(2).any(|w| {
            let w = self.slice(*w);
            ["was", "were", "been", "being", "is", "are", "got"]
                .iter()
                .any(|aux| w.eq_ignore_ascii_case(aux))
        });
        let tail = self.text.get(trigger.end..sentence.end).unwrap_or("");
        let by_follows = lower_words(tail).next().is_some_and(|w| w == "by");
        aux || by_follows
    }

    /// The doer and the done-to of `trigger` among the actor mentions of
    /// `sentence`: the subject before an active verb, the "by" phrase of a
    /// passive one; the object after an active verb, the subject of a passive.
    pub fn agent_and_target(
        &self,
        sentence: Span,
        trigger: Span,
    ) -> (Option<ActorMention>, Option<ActorMention>) {
        let before: Vec<ActorMention> = self
            .actors_in(Span::new(sentence.start, trigger.start))
            .copied()
            .collect();
        let after: Vec<ActorMention> = self
            .actors_in(Span::new(trigger.end, sentence.end))
            .copied()
            .collect();
        let by_agent = self
            .cues
            .iter()
            .find(|c| {
                c.what == Cue::By
                    && c.span.start >= trigger.end
                    && sentence.contains(c.span)
                    && lower_words(self.slice(Span::new(trigger.end, c.span.start))).count() <= 4
            })
            .and_then(|by| after.iter().find(|m| m.span.start >= by.span.end).copied());
        let subject = self.subject_before(&before);
        if self.is_passive(sentence, trigger)
            || self.is_intransitive_death(sentence, trigger, &after)
        {
            (by_agent, subject)
        } else {
            let object = after
                .iter()
                .find(|m| by_agent.is_none_or(|b| m.span != b.span))
                .copied();
            (subject.or(by_agent), object)
        }
    }

    /// The subject of this verb is its victim.
    pub fn is_passive_or_intransitive(&self, sentence: Span, trigger: Span) -> bool {
        let after: Vec<ActorMention> = self
            .actors_in(Span::new(trigger.end, sentence.end))
            .copied()
            .collect();
        self.is_passive(sentence, trigger) || self.is_intransitive_death(sentence, trigger, &after)
    }

    /// "two soldiers dead", "a policeman died", "2 soldiers killed in Wau":
    /// the noun before the death word is the victim, not the killer.
    fn is_intransitive_death(&self, sentence: Span, trigger: Span, after: &[ActorMention]) -> bool {
        let word = self.slice(trigger).to_ascii_lowercase();
        if matches!(word.as_str(), "dead" | "died") || word.starts_with("martyr") {
            return true;
        }
        if word != "killed" {
            return false;
        }
        // "killed in Wau", "killed." — no object; "killed former separatist
        // leader" has one even if it is not an actor the dictionary knows.
        let next = self.words_after(trigger, sentence.end, 1);
        let punctuation_next = self
            .text
            .get(trigger.end..sentence.end)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| !c.is_whitespace());
        let preposition_next = next.first().is_none_or(|w| {
            matches!(
                w.as_str(),
                "in" | "on"
                    | "at"
                    | "during"
                    | "when"
                    | "after"
                    | "as"
                    | "near"
                    | "while"
                    | "following"
                    | "by"
                    | "and"
                    | "or"
                    | "yesterday"
                    | "today"
                    | "overnight"
                    | "since"
                    | "across"
                    | "along"
                    | "outside"
                    | "inside"
                    | "around"
                    | "last"
                    | "this"
                    | "from"
                    | "with"
                    | "within"
                    | "between"
                    | "before"
                    | "earlier"
            )
        });
        if !(punctuation_next || preposition_next) {
            return false;
        }
        let object_follows = after.first().is_some_and(|m| {
            lower_words(self.slice(Span::new(trigger.end, m.span.start))).count() <= 3
        });
        let count_follows = next.first().is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w.as_str(),
                    "a" | "an"
                        | "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "at"
                        | "some"
                        | "about"
                        | "more"
                        | "over"
                        | "him"
                        | "her"
                        | "them"
                        | "dozens"
                        | "several"
                        | "scores"
                        | "hundreds"
                        | "people"
                        | "civilians"
                        | "his"
                        | "their"
                )
        });
        !object_follows && !count_follows
    }

    /// The last mention before the verb, preferring a named group directly in
    /// front of a generic noun ("al-Shabaab fighters").
    fn subject_before(&self, before: &[ActorMention]) -> Option<ActorMention> {
        let last = *before.last()?;
        if before.len() >= 2 {
            let prev = before[before.len() - 2];
            let gap = self.slice(Span::new(prev.span.end, last.span.start));
            if matches!(prev.actor, ActorRef::Named(_)) && gap.trim().is_empty() {
                return Some(prev);
            }
        }
        Some(last)
    }

    /// Does the sentence put "hacked" on computers, with no blade or death
    /// in it? See [`HACKED_THINGS`].
    fn hacked_computers(&self, sentence: Span) -> bool {
        let mut computers = false;
        for w in lower_words(self.slice(sentence)) {
            if HACKED_WITH_BLADES.contains(&w.as_str()) {
                return false;
            }
            computers |= HACKED_THINGS.contains(&w.as_str());
        }
        computers
    }

    fn words_after(&self, span: Span, limit: usize, n: usize) -> Vec<String> {
        lower_words(self.text.get(span.end..limit).unwrap_or(""))
            .take(n)
            .collect()
    }

    /// Does this trigger report an event? Not when it is a plan, a denial
    /// or history, the word in another sense, or a story outside any
    /// conflict (a disease, a game, a court).
    ///
    /// `has_prior` (an incident before this sentence) matters only to a
    /// phrase that refers back to it ([`Annotated::refers_back`]); the
    /// rest is judged once per sentence and trigger.
    pub fn is_live(&self, sentence: Span, hit: &Hit<Cat>, has_prior: bool) -> bool {
        self.live_in_itself(sentence, hit) && !self.refers_back(hit, has_prior)
    }

    /// [`Annotated::judge_live`], remembered.
    fn live_in_itself(&self, sentence: Span, hit: &Hit<Cat>) -> bool {
        let key = (sentence, hit.span, hit.what);
        if let Some(&live) = self.liveness.borrow().get(&key) {
            debug_assert_eq!(live, self.judge_live(sentence, hit), "{key:?}");
            return live;
        }
        // No borrow is held while judging: a test may judge other triggers.
        let live = self.judge_live(sentence, hit);
        self.liveness.borrow_mut().insert(key, live);
        live
    }

    /// Whether `hit` reports an event in `sentence`, apart from referring
    /// back to an earlier incident.
    fn judge_live(&self, sentence: Span, hit: &Hit<Cat>) -> bool {
        if modality::unreal(self.text, sentence, hit.span, &self.cues, &self.triggers).is_some() {
            return false;
        }
        let word = self.slice(hit.span);
        !(self.another_sense(sentence, hit, word)
            || self.states_no_incident(sentence, hit, word)
            || self.outside_conflict(sentence, hit, word)
            || self.inside_a_name(hit)
            || self.dated_background(sentence, hit.span))
    }

    /// The trigger word in another sense: a name, an idiom, a body, a
    /// computer, food ("Burns" the surname, "a heart attack", "a flu shot",
    /// "shelled pistachios").
    fn another_sense(&self, sentence: Span, hit: &Hit<Cat>, word: &str) -> bool {
        // "March" with a capital is the month, and so is "MARCH 29" in a
        // dateline.
        if word == "March"
            || (word == "MARCH"
                && self.text[hit.span.end..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit()))
        {
            return true;
        }
        // "methane gas burned at drilling sites", "burning fossil fuels":
        // fuel, not arson ("a fuel tanker burned" is the tanker).
        if hit.what == Cat::Burn
            && (self.after_word_in(hit.span, FUELS)
                || self.words_after(hit.span, sentence.end, 2) == ["fossil", "fuels"])
        {
            return true;
        }
        // "#BoycottAllstate", "@riotgames": a hashtag or a handle.
        if self.text[..hit.span.start].ends_with(['#', '@']) {
            return true;
        }
        // "the Easter Vigil": a service's name, not a protest; and so is a
        // vigil told in a liturgy's words ("The Paschal candle is lit at
        // the start of the vigil, and Catholics may opt to be baptized").
        if hit.what == Cat::Protest
            && word.eq_ignore_ascii_case("vigil")
            && (self.after_word_in(hit.span, &["easter", "paschal"])
                || (word == "Vigil" && self.capitalised_as_a_name(sentence, hit.span))
                || Words::new(self.text, sentence).any(|w| is_one_of(self.slice(w), &LITURGY)))
        {
            return true;
        }
        // "the Killeen Police Department": a name that begins like "kill"
        // (the prefix stays for typos such as "killling").
        if hit.what == Cat::Kill
            && word.starts_with("Kill")
            && !is_one_of(word, KILL_FORMS)
            && !self.opens_sentence(hit.span)
        {
            return true;
        }
        // "Lynchburg, Virginia": a town.
        if hit.what == Cat::Mob
            && word.starts_with("Lynch")
            && !is_one_of(word, LYNCH_FORMS)
            && !self.opens_sentence(hit.span)
        {
            return true;
        }
        // "a three-run blast", "a solo blast": a home run.
        if hit.what.is_remote()
            && word.eq_ignore_ascii_case("blast")
            && self.word_before(hit.span).is_some_and(|w| {
                let w = self.slice(w);
                w.eq_ignore_ascii_case("solo") || w.to_ascii_lowercase().ends_with("-run")
            })
        {
            return true;
        }
        // "the Houston Rockets": a team.
        if hit.what == Cat::Shelling
            && word.starts_with("Rocket")
            && self.capitalised_as_a_name(sentence, hit.span)
        {
            return true;
        }
        // "riot police", "anti-riot squads", "in riot gear": the force that
        // answers riots, not a riot.
        if hit.what == Cat::Riot
            && word.eq_ignore_ascii_case("riot")
            && self.next_word_in(hit.span, sentence, RIOT_FORCE_WORDS)
        {
            return true;
        }
        // "an offensive weapon", "offensive remarks": the adjective.
        if word.eq_ignore_ascii_case("offensive")
            && self.next_word_in(hit.span, sentence, OFFENSIVE_THINGS)
        {
            return true;
        }
        // "shot down rumors": the idiom; "shot down a drone" is not.
        if hit.what == Cat::Shoot {
            let after = self.words_after(hit.span, sentence.end, 2);
            if after.first().is_some_and(|w| w == "down")
                && after
                    .get(1)
                    .is_some_and(|w| DISMISSED_THINGS.contains(&w.as_str()))
            {
                return true;
            }
        }
        // "vintner Don Burns": the surname, not a fire.
        if hit.what == Cat::Burn
            && word == "Burns"
            && self.capitalised_as_a_name(sentence, hit.span)
        {
            return true;
        }
        // "protesting that he couldn't": objecting in words ("a protest
        // that forced the council to resign" and "protested that decision"
        // are protests).
        if hit.what == Cat::Protest
            && is_one_of(word, &["protesting", "protested"])
            && matches!(
                self.words_after(hit.span, sentence.end, 2).as_slice(),
                [that, subject] if that == "that"
                    && matches!(subject.as_str(), "he" | "she" | "they" | "it" | "we" | "i" | "there")
            )
        {
            return true;
        }
        // "Protestants" are no protesters.
        if hit.what == Cat::Protest && starts_with_ignore_case(word, "protestant") {
            return true;
        }
        // "a heart attack", "his heart started beating", "a cardiac arrest".
        if matches!(hit.what, Cat::Attack | Cat::Arrest) && self.after_body_word(hit.span) {
            return true;
        }
        if hit.what == Cat::Shoot && self.shot_in_another_sense(sentence, hit.span) {
            return true;
        }
        // "the resurrection of Jesus Christ from the dead".
        if word.eq_ignore_ascii_case("dead") && self.words_before(hit.span, 2) == ["from", "the"] {
            return true;
        }
        // "double dead meat", "a dead end".
        if word.eq_ignore_ascii_case("dead") && self.next_word_in(hit.span, sentence, DEAD_THINGS) {
            return true;
        }
        // "the clear aim", "it is clear": the adjective.
        if hit.what == Cat::GovRetake
            && word.eq_ignore_ascii_case("clear")
            && self.right_after_any(
                hit.span,
                &[
                    "the", "a", "an", "very", "more", "most", "quite", "so", "is", "was", "be",
                    "not",
                ],
            )
        {
            return true;
        }
        // "command and control of joint operations", "to plan, command and
        // control joint military operations": a military function.
        if (hit.what == Cat::Capture
            && word.eq_ignore_ascii_case("control")
            && self.words_before(hit.span, 2) == ["command", "and"])
            || (matches!(hit.what, Cat::Capture | Cat::Clash)
                && self.after_command_and_control(hit.span))
        {
            return true;
        }
        // "captures all the excitement of a concert", "captured the
        // public's imagination", "captured on camera": no ground is taken.
        if hit.what == Cat::Capture
            && starts_with_ignore_case(word, "captur")
            && self
                .words_after(hit.span, self.clause_of(sentence, hit.span).end, 4)
                .iter()
                .any(|w| CAPTURED_NOT_GROUND.contains(&w.as_str()))
        {
            return true;
        }
        // "shelled pistachios", "defuse the tensions": food and diplomacy.
        if matches!(hit.what, Cat::Shelling | Cat::Disrupted)
            && self
                .words_after(hit.span, sentence.end, 2)
                .iter()
                .any(|w| NOT_MUNITIONS.contains(&w.as_str()))
        {
            return true;
        }
        // "malware attacks", "a cyber attack": no one is hurt.
        if hit.what == Cat::Attack && self.after_word_in(hit.span, CYBER_WORDS) {
            return true;
        }
        // "has freed so many children", "killed so many of our people": a
        // tally of many occasions, not an incident.
        if self.right_before_words(hit.span, "so many") {
            return true;
        }
        // "the exchange was hacked of 523 million coins", "hacked email
        // accounts": computers, unless a blade or a death is told too
        // ("hacked three farmers with machetes").
        if word.eq_ignore_ascii_case("hacked") && self.hacked_computers(sentence) {
            return true;
        }
        // "officers on the beat": the noun.
        if word.eq_ignore_ascii_case("beat") && self.after_word_in(hit.span, &["the"]) {
            return true;
        }
        // "a demonstration of military power"; "this was demonstrated by our
        // decision", "demonstrated that it works": shown, not protested.
        if hit.what == Cat::Protest
            && ((starts_with_ignore_case(word, "demonstration")
                && self.shows_a_quality(sentence, hit.span))
                || (starts_with_ignore_case(word, "demonstrated")
                    && self.demonstrated_as_shown(sentence, hit.span)))
        {
            return true;
        }
        // "a trade battle", "the legal battle", "a diplomatic clash".
        if hit.what == Cat::Clash && self.after_word_in(hit.span, NON_ARMED_CONTESTS) {
            return true;
        }
        hit.what == Cat::Kill
            && starts_with_ignore_case(word, "execut")
            && self.executes_a_plan(sentence, hit.span)
    }

    /// The word in its conflict sense, but the sentence states a kind, a
    /// setting, a standing or a total rather than an incident: "any rally
    /// held after sunset", "amid the rallies", "the army fighting Boko
    /// Haram", "the offensive has killed 1,600".
    fn states_no_incident(&self, sentence: Span, hit: &Hit<Cat>, word: &str) -> bool {
        // "Any rally held after sunset is illegal": a kind, not an event.
        if self.right_after_any(hit.span, &["any", "every"]) {
            return true;
        }
        // "There were more murders in March than in any month", "fewer
        // attacks this year than last": counts compared, not an incident.
        // The "than" in the trigger's clause, and not a count's "more than
        // 5" ("more IEDs ... kill more than 5 people", "cause more
        // casualties, raising the toll in more than 8 weeks" report). A
        // byte test first: this runs for every trigger.
        if self.right_after_any(hit.span, COMPARATIVES) {
            let clause = self.clause_of(sentence, hit.span);
            let compared = Words::new(self.text, Span::new(hit.span.end, clause.end)).any(|w| {
                self.slice(w).eq_ignore_ascii_case("than") && !self.right_after_any(w, COMPARATIVES)
            });
            if compared {
                return true;
            }
        }
        // "amid the rallies and talk shows", "amid protests by residents":
        // the protests are the setting; the sentence's event, if any, is
        // another.
        if matches!(hit.what, Cat::Protest | Cat::Riot | Cat::Strike)
            && self.any_word_before_in(hit.span, 2, &["amid", "amidst"])
        {
            return true;
        }
        // "the Saudi-led coalition fighting in Yemen", "the government has
        // been fighting an insurgency": who a party is, or what it has long
        // been doing, not an incident ("Troops fighting Boko Haram killed
        // five" is still one, by its killing).
        if hit.what == Cat::Clash
            && word.eq_ignore_ascii_case("fighting")
            && (self.right_after_word(hit.span, "been") || self.right_after_an_actor(hit.span))
        {
            return true;
        }
        // "the attacks typically are repelled", "clashes usually erupt at
        // night": what tends to happen, not an incident.
        if self.cue_near_in_clause(sentence, hit.span, Cue::Habitual, 3) {
            return true;
        }
        // "Thallium is used in poisons to kill rats", "their bases are used
        // by Western governments for operations abroad", "rebels used to
        // raid the town": what a thing serves for, or an old habit.
        if self.serves_for(sentence, hit.span) {
            return true;
        }
        // "Eighteen troops who fought and were wounded in Afghanistan are
        // being tested": who the troops are, with no date in the sentence
        // ("troops who fought off the raid on Monday" stays).
        if hit.what == Cat::Clash
            && word.eq_ignore_ascii_case("fought")
            && self.fought_as_who_they_are(sentence, hit.span)
        {
            return true;
        }
        // "IDPs fleeing from attacks on villages", "thousands have fled the
        // fighting": violence in general as the cause of displacement, with
        // no date in the sentence. "Villagers fled the attack" (one
        // incident) and "fled Monday's raids" stay.
        if self.fled_in_general(sentence, hit.span, word) {
            return true;
        }
        // "having lived through very difficult times during terrorism and
        // kinetic operations": a past told as experience. A date in the
        // sentence ("who lived through Tuesday's bombing") keeps the
        // incident.
        if self
            .cue_before_in_clause(sentence, hit.span, Cue::LivedThrough, 10)
            .is_some()
            && !self.sentence_has_date(sentence)
        {
            return true;
        }
        // "The offensive in eastern Ghouta has killed more than 1,600
        // civilians": a campaign's total, not an incident.
        self.campaign_total(sentence)
    }

    /// The last `what` cue before `trigger`, when it is in the trigger's
    /// clause (`sentence`'s part between commas) and ends at most `n` words
    /// before the trigger. Cues are found by binary search and the clause
    /// is found only once there is a cue: this runs for every trigger.
    fn cue_before_in_clause(
        &self,
        sentence: Span,
        trigger: Span,
        what: Cue,
        n: usize,
    ) -> Option<Span> {
        let cue = self.last_cue_before(sentence, trigger, what)?;
        (Words::new(self.text, Span::new(cue.end, trigger.start)).count() <= n
            && self.clause_of(sentence, trigger).start <= cue.start)
            .then_some(cue)
    }

    /// A date starts and ends in `sentence`.
    fn sentence_has_date(&self, sentence: Span) -> bool {
        starting_in(&self.dates, sentence, |d| d.span)
            .iter()
            .any(|d| sentence.contains(d.span))
    }

    /// "who fought", "who had fought", "who have fought", and no date in
    /// the sentence.
    fn fought_as_who_they_are(&self, sentence: Span, trigger: Span) -> bool {
        let before = self.words_before(trigger, 2);
        let who = match before.as_slice() {
            [.., w] if w == "who" => true,
            [w, aux] if w == "who" && matches!(aux.as_str(), "had" | "have" | "has") => true,
            _ => false,
        };
        who && !self.sentence_has_date(sentence)
    }

    /// `word` is violence in general (a plural, "fighting", "violence")
    /// at most three words after a word of fleeing ("fleeing from
    /// attacks", "fled from the fighting"), and the sentence has no date.
    fn fled_in_general(&self, sentence: Span, trigger: Span, word: &str) -> bool {
        let general = (word.len() > 3 && word.ends_with(['s', 'S']))
            || is_one_of(word, &["fighting", "violence"]);
        // The word of fleeing in the trigger's own phrase: "helping
        // Muslims to flee”\n\nClashes continue" is a headline and the next.
        let fled = || {
            self.word_spans_before(trigger, 3).into_iter().any(|w| {
                is_one_of(
                    self.slice(w),
                    &["fleeing", "fled", "flee", "flees", "escaping"],
                ) && !self.text[w.end..trigger.start]
                    .contains(['\n', ',', ';', ':', '"', '\u{201d}'])
            })
        };
        general && fled() && !self.sentence_has_date(sentence)
    }

    /// A purpose cue at most eight words before `trigger` in its clause,
    /// not a use that happened: "tear gas was used to disperse the crowd"
    /// and "the car that had been used to attack the base" are incidents.
    fn serves_for(&self, sentence: Span, trigger: Span) -> bool {
        let Some(cue) = self.cue_before_in_clause(sentence, trigger, Cue::Purpose, 8) else {
            return false;
        };
        let is_used_to = self
            .slice(cue)
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("used"));
        !(is_used_to
            && matches!(
                self.words_before(cue, 1).first().map(String::as_str),
                Some("was" | "were" | "been" | "being" | "be")
            ))
    }

    /// A `what` cue in the clause of `trigger`, at most `n` words before or
    /// after it.
    ///
    /// A cue right after a determiner modifies a noun and says nothing of
    /// the trigger: "attacked the normally busy market", "in the usually
    /// quiet town".
    fn cue_near_in_clause(&self, sentence: Span, trigger: Span, what: Cue, n: usize) -> bool {
        let modifies_a_noun = |cue: Span| self.any_word_before_in(cue, 1, DETERMINERS);
        if self
            .cue_before_in_clause(sentence, trigger, what, n)
            .is_some_and(|cue| !modifies_a_noun(cue))
        {
            return true;
        }
        let Some(cue) = starting_in(&self.cues, sentence, |c| c.span)
            .iter()
            .find(|c| c.what == what && c.span.start >= trigger.end && sentence.contains(c.span))
        else {
            return false;
        };
        Words::new(self.text, Span::new(trigger.end, cue.span.start)).count() <= n
            && !modifies_a_noun(cue.span)
            && cue.span.end <= self.clause_of(sentence, trigger).end
    }

    /// The last `what` cue of `sentence` that ends before `trigger`.
    fn last_cue_before(&self, sentence: Span, trigger: Span, what: Cue) -> Option<Span> {
        starting_in(&self.cues, Span::new(sentence.start, trigger.start), |c| {
            c.span
        })
        .iter()
        .rev()
        .find(|c| c.what == what && c.span.end <= trigger.start)
        .map(|c| c.span)
    }

    /// "command and control" ends at most three words before `trigger`.
    fn after_command_and_control(&self, trigger: Span) -> bool {
        const PHRASE: &str = "command and control";
        let mut from = trigger.start.saturating_sub(PHRASE.len() + 40);
        while !self.text.is_char_boundary(from) {
            from -= 1;
        }
        let head = &self.text[from..trigger.start];
        head.rfind(PHRASE)
            .is_some_and(|i| lower_words(&head[i + PHRASE.len()..]).count() <= 3)
    }

    /// A capital on `span` marks a name: it does not open its sentence,
    /// and the sentence is not a title-case headline ("Protesters Hold
    /// Vigil In Nairobi", "Regime Fires Rockets On Idlib").
    fn capitalised_as_a_name(&self, sentence: Span, span: Span) -> bool {
        if self.opens_sentence(span) {
            return false;
        }
        let (mut words, mut capitals) = (0usize, 0usize);
        for w in Words::new(self.text, sentence) {
            let first = self.slice(w).chars().next();
            if first.is_some_and(char::is_alphabetic) {
                words += 1;
                capitals += usize::from(first.is_some_and(char::is_uppercase));
            }
        }
        // Title case capitalises nearly every word (four in five here);
        // prose, even dense with names, fewer.
        capitals * 5 < words * 4
    }

    /// "a flu shot", "a booster shot", "a shot against tetanus"; "took a
    /// shot at the wall plan".
    fn shot_in_another_sense(&self, sentence: Span, shot: Span) -> bool {
        self.after_word_in(shot, VACCINE_WORDS)
            || self.next_word_in(shot, sentence, &["against"])
            || self
                .words_before(shot, 2)
                .first()
                .is_some_and(|w| matches!(w.as_str(), "take" | "takes" | "took" | "taking"))
    }

    /// "was demonstrated", "demonstrated that": the passive (people
    /// protest; a point is demonstrated) or a clause shown.
    fn demonstrated_as_shown(&self, sentence: Span, demonstrated: Span) -> bool {
        // "was also demonstrated": the auxiliary one or two words back.
        self.any_word_before_in(
            demonstrated,
            2,
            &["was", "were", "is", "are", "be", "been", "being"],
        ) || self.next_word_in(demonstrated, sentence, &["that", "how", "what", "why"])
    }

    /// "a demonstration of military power", "of how it works".
    fn shows_a_quality(&self, sentence: Span, demonstration: Span) -> bool {
        let after = self.words_after(demonstration, sentence.end, 2);
        after.first().is_some_and(|w| w == "of")
            && after
                .get(1)
                .is_some_and(|w| DEMONSTRATED_QUALITIES.contains(&w.as_str()))
    }

    /// The word in its conflict sense, but what it tells is outside any
    /// conflict: a disease or an accident, a game, a court, an ordinary
    /// arrest, a trade deal, an arms sale, a call for action, information
    /// released.
    fn outside_conflict(&self, sentence: Span, hit: &Hit<Cat>, word: &str) -> bool {
        // "advance" is ground taken only by an armed party moving in a
        // direction: "advance notice", "advanced weapons" are not.
        if hit.what == Cat::Capture
            && matches!(
                word.to_ascii_lowercase().as_str(),
                "advance" | "advances" | "advanced"
            )
            && !self.advances_on_ground(sentence, hit.span)
        {
            return true;
        }
        // "target" is fire only from an armed party at ground; "sales
        // targets", "police target speeding drivers" are not.
        if hit.what == Cat::Shelling
            && is_target_word(word)
            && !self.targets_ground(sentence, hit.span)
        {
            return true;
        }
        // "I do believe that it is torture", "this was murder": a name
        // given to something, not a report of it.
        if self.characterised(hit.span) {
            return true;
        }
        // "closed the school" is no road block.
        if hit.what == Cat::Roadblock
            && !self
                .words_after(hit.span, sentence.end, 5)
                .iter()
                .any(|w| ROAD_NOUNS.contains(&w.as_str()))
        {
            return true;
        }
        if hit.what == Cat::OtherSd
            && word.eq_ignore_ascii_case("released")
            && (self.releases_information(sentence, hit.span)
                || self.court_release(sentence, hit.span))
        {
            return true;
        }
        // "destroyed millions of American jobs", "destroy any viruses":
        // what is destroyed is no one's property.
        if hit.what == Cat::Loot
            && starts_with_ignore_case(word, "destroy")
            && self
                .words_after(
                    hit.span,
                    self.clause_of(sentence, hit.span).end,
                    DESTROYED_REACH,
                )
                .iter()
                .any(|w| is_noun_in(w, INTANGIBLE_TARGETS))
        {
            return true;
        }
        // "The three defendants are on trial for murder", "it took two
        // costly trials for investigators to close the case involving the
        // murders of five family members": a killing a court or an inquiry
        // hears, ordinary crime unless armed men or a group are named.
        if matches!(
            hit.what,
            Cat::Kill | Cat::Shoot | Cat::Attack | Cat::Abduct | Cat::Sexual
        ) && self.told_to_a_court(sentence)
        {
            return true;
        }
        // "a man allegedly attacked a car the boy was in": one person's
        // violence with no armed men or group named is crime.
        if matches!(hit.what, Cat::Kill | Cat::Shoot | Cat::Attack)
            && self.done_by_one_civilian(sentence, hit.span)
        {
            return true;
        }
        // "the female driver confronted the suspect ... Jaime King's son was
        // injured in the seemingly random attack": a suspect beside the
        // violence and no armed men or group there is crime news.
        if matches!(hit.what, Cat::Kill | Cat::Shoot | Cat::Attack)
            && self.crime_with_a_suspect(sentence, hit.span)
        {
            return true;
        }
        // "All livestock on the farm have been slaughtered and incinerated",
        // "thousands of chickens were killed", "pets left behind are being
        // shot": animals, and no person named.
        if matches!(hit.what, Cat::Kill | Cat::Burn | Cat::Shoot)
            && self.only_animals_named(sentence)
        {
            return true;
        }
        // "burning in the throat", "a burning sensation": a symptom.
        if hit.what == Cat::Burn && self.burning_as_a_symptom(sentence, hit.span) {
            return true;
        }
        // Deaths and ruin a disease, a flood or an accident caused, and the
        // emergencies declared for them.
        let destruction = hit.what == Cat::Loot && starts_with_ignore_case(word, "destroy");
        let emergency = hit.what == Cat::OtherSd && word.eq_ignore_ascii_case("state of emergency");
        let accidental = hit.what.is_remote() && is_blast_word(word);
        // "slaughtering, burning and burying 6,500 hogs": a cull.
        let culled = hit.what == Cat::Burn;
        if (hit.what == Cat::Kill || destruction || emergency || accidental || culled)
            && self.natural_death(sentence, hit.span)
        {
            return true;
        }
        // "the Rangers beat the Athletics 6-3 in the ninth inning".
        if !hit.what.is_remote() && self.cue_in(sentence, Cue::Sport) {
            return true;
        }
        // "signed agreements on defence cooperation", "an agreement to share
        // intelligence": ACLED's agreements end or pause fighting, so the
        // sentence must say so; a party to a conflict is not enough.
        if hit.what == Cat::Agreement
            && (starts_with_ignore_case(word, "agreement") || word.eq_ignore_ascii_case("signed a"))
            && !self.cue_in(sentence, Cue::Peace)
        {
            return true;
        }
        // "despite the ceasefire among the warring factions": a truce the
        // story takes as known, not one it reports.
        if hit.what == Cat::Agreement && self.any_word_before_in(hit.span, 2, &["despite"]) {
            return true;
        }
        // "the suspect vandalised two cars", "a man jumped onto her car and
        // shattered the back window": damage by one person is crime; a riot
        // needs a crowd or a group ("UPND cadres shattered windows").
        if hit.what == Cat::Riot
            && is_damage_word(word)
            && !self.crowd_in_sentence(sentence, hit.span)
            && !self.political_party_in(sentence)
        {
            return true;
        }
        // "the WHO have now arrested cholera": the spread of a disease.
        if hit.what == Cat::Arrest && self.hazard_follows(sentence, hit.span) {
            return true;
        }
        // "convicted of attempting to possess a chemical weapon", "a new
        // charge against Jacobs -- kidnapping": the crime a court hears, not
        // an incident the story reports.
        if self.named_as_a_charge(sentence, hit.span) {
            return true;
        }
        // "arrested two people suspected of stealing meat", "the owner of
        // a restaurant was arrested": ordinary crime, unless the arrest is
        // political.
        if hit.what == Cat::Arrest && self.arrest_for_ordinary_crime(sentence, hit.span) {
            return true;
        }
        // "a case of rape had been opened": crime, unless armed men did it.
        if hit.what == Cat::Sexual && self.sexual_violence_is_crime(sentence) {
            return true;
        }
        // "was resisting arrest", "remanded in custody": a charge and a
        // court's order, not an arrest the story reports.
        if hit.what == Cat::Arrest && self.any_word_before_in(hit.span, 1, NO_ARREST_BEFORE) {
            return true;
        }
        // "selling $1.3 billion in artillery to Saudi Arabia": arms trade.
        if hit.what.is_remote() && self.bought_or_sold(hit.span) {
            return true;
        }
        // "the common rocket frog", "rocket science": a rocket whose
        // sentence tells no firing, landing or hit and names no armed party.
        if hit.what == Cat::Shelling
            && is_one_of(word, &["rocket", "rockets"])
            && !self.names_any_prefix(sentence, USE_OF_ARMS)
            && !self.names_any_prefix(sentence, ROCKETS_COME_DOWN)
            && !self.armed_party_in(sentence, hit.span)
        {
            return true;
        }
        // "the Saudis' bombing campaign in Yemen", "a relentless air
        // campaign": a war's whole campaign, no incident.
        if hit.what.is_remote() && self.next_word_in(hit.span, sentence, &["campaign", "campaigns"])
        {
            return true;
        }
        // "died last night in mysterious circumstances": a death whose
        // cause the story does not know. Violence told beside it ("died
        // after gunmen attacked his post in unclear circumstances") is its
        // own trigger's event, and the death that event's toll.
        if hit.what == Cat::Kill
            && is_one_of(word, &["died", "dead"])
            && self
                .words_after(hit.span, self.clause_of(sentence, hit.span).end, 8)
                .iter()
                .any(|w| w == "circumstances")
        {
            return true;
        }
        // "a spy who had defected to Britain": a past change of side told
        // about someone, in a relative clause.
        if hit.what == Cat::GroupChange && self.words_before(hit.span, 2) == ["who", "had"] {
            return true;
        }
        // "communities are feeling more targeted, more under attack": a
        // feeling, not an attack.
        if hit.what == Cat::Attack && self.felt_under_attack(hit.span) {
            return true;
        }
        // "the crowd had begun to disperse": a crowd leaving, no one
        // dispersing it.
        if hit.what == Cat::Intervention
            && starts_with_ignore_case(word, "dispers")
            && self.words_before(hit.span, 2).first().is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "began" | "begun" | "begin" | "beginning" | "started" | "starting"
                )
            })
        {
            return true;
        }
        // "The motion was handed over to the Speaker", "handed over a
        // petition": papers change hands, not ground.
        if hit.what == Cat::Withdraw
            && word.eq_ignore_ascii_case("handed over")
            && self.papers_handed_over(sentence, hit.span)
        {
            return true;
        }
        // "family members of detained lawyers", "their jailed leaders":
        // the participle as an adjective names people held, no arrest.
        if hit.what == Cat::Arrest && self.held_people_named(sentence, hit.span) {
            return true;
        }
        // "who survived detention and torture", "claimed that they
        // suffered torture": an ordeal told as someone's past, with no armed
        // party named who did it.
        if hit.what == Cat::Kill
            && starts_with_ignore_case(word, "tortur")
            && self.any_word_before_in(hit.span, 3, ORDEAL_LIVED_THROUGH)
            && !self.armed_party_in(sentence, hit.span)
        {
            return true;
        }
        // "calls to boycott retailers", "called for a protest": the call,
        // not the protest.
        matches!(hit.what, Cat::Protest | Cat::Strike | Cat::Riot) && self.called_for(hit.span)
    }

    /// A document ([`PAPERS`]) within the nine words before a passive
    /// "handed over" (its subject: "the motion was handed over") or the
    /// three after it (its object: "handed over a memorandum"). Only the
    /// passive's subject: in "the report said militants handed over the
    /// town" the paper is the source.
    fn papers_handed_over(&self, sentence: Span, trigger: Span) -> bool {
        let clause = self.clause_of(sentence, trigger);
        let subject = self.is_passive(sentence, trigger)
            && self
                .word_spans_before(trigger, 9)
                .into_iter()
                .any(|w| clause.contains(w) && is_noun_in(self.slice(w), PAPERS));
        subject
            || self
                .words_after(trigger, clause.end, 3)
                .iter()
                .any(|w| is_noun_in(w, PAPERS))
    }

    /// "feel under attack", "feeling more targeted, more under attack":
    /// "under" right before the word, and a feeling or "more" among the
    /// two words before it. "under" is a byte test, so the words are
    /// copied only after it.
    fn felt_under_attack(&self, trigger: Span) -> bool {
        self.right_after_word(trigger, "under")
            && self.words_before(trigger, 3).iter().rev().skip(1).any(|w| {
                w.starts_with("feel") || w.starts_with("felt") || w == "more" || w == "increasingly"
            })
    }

    /// "family members of detained lawyers", "the release of jailed
    /// opposition activists": an arrest participle after a preposition or
    /// a possessive, a plural noun among the two words after it. "Police
    /// detained lawyers" has its doer before the verb.
    fn held_people_named(&self, sentence: Span, trigger: Span) -> bool {
        is_one_of(
            self.slice(trigger),
            &["detained", "jailed", "imprisoned", "arrested"],
        ) && self.any_word_before_in(trigger, 1, ADJECTIVE_LEADS)
            && self.words_after(trigger, sentence.end, 2).iter().any(|w| {
                (w.ends_with('s') && !w.ends_with("ss"))
                    || matches!(w.as_str(), "people" | "men" | "women" | "children")
            })
    }

    /// "it is torture", "that was murder", "this is an attack on": a
    /// pronoun, a copula and at most an article before a trigger noun. A
    /// verb form is a report: "a compatriot that was killed", "it was
    /// shelled", "it is burning".
    fn characterised(&self, trigger: Span) -> bool {
        // This runs for every trigger: no allocation until a copula is seen.
        let word = self.slice(trigger).as_bytes();
        let ends = |suffix: &str| {
            word.len() >= suffix.len()
                && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
        };
        if ends("ed") || ends("en") || ends("ing") {
            return false;
        }
        if is_one_of(self.slice(trigger), IRREGULAR_PARTICIPLES) {
            return false;
        }
        let before = self.word_spans_before(trigger, 3);
        let mut words = before.iter().rev().map(|&w| self.slice(w)).peekable();
        words.next_if(|w| is_one_of(w, &["a", "an", "pure", "simply", "plain"]));
        let copula = words.next_if(|w| is_one_of(w, &["is", "was", "s"]));
        copula.is_some()
            && words
                .next()
                .is_some_and(|w| is_one_of(w, &["it", "this", "that"]))
    }

    /// A crowd in `sentence`: protesters, rioters or civilians in the plural
    /// ("residents", not "a man") named as actors, or another protest or
    /// riot word.
    fn crowd_in_sentence(&self, sentence: Span, besides: Span) -> bool {
        self.actors_in(sentence).any(|m| match m.actor {
            ActorRef::Agent(AgentKind::Protesters | AgentKind::Rioters) => true,
            // "residents", "students", "men"; not "a man", "the driver".
            ActorRef::Agent(AgentKind::Civilians) => self.names_many(m.span),
            _ => false,
        }) || starting_in(&self.triggers, sentence, |t| t.span)
            .iter()
            .any(|t| {
                sentence.contains(t.span)
                    && t.span != besides
                    && matches!(t.what, Cat::Protest | Cat::Riot | Cat::Mob)
                    // "charges of felony vandalism": another damage word is
                    // no crowd.
                    && !is_damage_word(self.slice(t.span))
            })
    }

    /// A plural noun ends `span`: "residents", "men", "people", "children".
    fn names_many(&self, span: Span) -> bool {
        let last = Words::new(self.text, span)
            .last()
            .map_or("", |w| self.slice(w));
        let lower = last.to_ascii_lowercase();
        (lower.ends_with('s') && !lower.ends_with("ss"))
            || matches!(
                lower.as_str(),
                "people" | "men" | "women" | "children" | "youth"
            )
    }

    /// A definite noun phrase ("the attack") refers back once an incident
    /// has been reported; it is not a new one.
    fn refers_back(&self, hit: &Hit<Cat>, has_prior: bool) -> bool {
        has_prior
            && self.cues.iter().any(|c| {
                c.what == Cue::Anaphora
                    && c.span.contains(hit.span)
                    && self.slice(c.span).to_ascii_lowercase().starts_with("the ")
            })
    }

    /// Words inside a named actor ("Benghazi Revolutionaries Shura
    /// Council") are not triggers; generic agents ("protesters") are, and
    /// so are weapons ("the Nigerian Air Force" is an actor and an air
    /// force).
    fn inside_a_name(&self, hit: &Hit<Cat>) -> bool {
        !hit.what.is_remote()
            && self
                .actors
                .iter()
                .any(|m| m.span.overlaps(hit.span) && matches!(m.actor, ActorRef::Named(_)))
    }

    /// "Regime forces advance in Qaboun", "advance over IS in 11
    /// villages", "advanced towards the town": an armed party other than
    /// the police in the sentence, and a direction right after the word,
    /// or after an adverb ("advance again in", "advance significantly
    /// towards"); "advanced weapons in" is the adjective. Text only, as
    /// every liveness test.
    fn advances_on_ground(&self, sentence: Span, trigger: Span) -> bool {
        let after = self.words_after(trigger, sentence.end, 2);
        let direction = |i: usize| {
            after
                .get(i)
                .is_some_and(|w| ADVANCE_DIRECTIONS.contains(&w.as_str()))
        };
        let adverb = after.first().is_some_and(|w| {
            matches!(w.as_str(), "again" | "more" | "further") || w.ends_with("ly")
        });
        self.armed_party_in(sentence, trigger) && (direction(0) || (adverb && direction(1)))
    }

    /// An armed party other than the police in `sentence`, not `trigger`
    /// itself.
    fn armed_party_in(&self, sentence: Span, trigger: Span) -> bool {
        self.actors_in(sentence).any(|m| {
            !m.span.overlaps(trigger)
                && self.is_armed(m)
                && m.actor != ActorRef::Agent(AgentKind::Police)
        })
    }

    /// "Regime forces target areas of Daraa countryside", "targeting by
    /// the regime forces on the outskirts of Damascus": fire from afar at
    /// ground. An armed party other than the police in the sentence, and a
    /// ground noun ("areas", "villages", "the outskirts") within four words
    /// after the word. A name after it is not enough ("Gunmen targeted
    /// Christians" is an attack on people, not shelling), nor are forces
    /// ("the factions target regime forces"): those are left to the other
    /// triggers. Text only, as every liveness test: the geoparser runs
    /// after it, and only where some trigger is live.
    fn targets_ground(&self, sentence: Span, trigger: Span) -> bool {
        // The ground must come before any people: "attempts target people
        // in Daraa countryside" aim at people.
        let ground = self
            .words_after(trigger, sentence.end, 4)
            .iter()
            .map(String::as_str)
            .take_while(|w| !TARGETED_PEOPLE.contains(w))
            .any(|w| TARGETED_GROUND.contains(&w));
        ground && self.armed_party_in(sentence, trigger)
    }

    /// "A cholera epidemic has killed over 1,200 people", "floods left 20
    /// dead": a disease or a natural hazard in the sentence, and no one who
    /// could have done the killing (no actor but civilians or the
    /// government, no trigger of violence). "Gunmen killed five at a
    /// cholera clinic" is still an attack.
    /// `trigger` itself is left out of the triggers that name violence: a
    /// blast may be the gas leak's.
    pub fn natural_death(&self, sentence: Span, trigger: Span) -> bool {
        // A toll of the dead may also come before its cause: "around 100
        // dead bodies have been recovered. An underwater earthquake
        // triggered the deadly wave." Not a killing: "five were killed"
        // tells violence until the next sentence says otherwise.
        let toll_before_cause = is_one_of(
            self.slice(trigger),
            &["dead", "died", "death", "deaths", "bodies"],
        ) && self.hazard_after(sentence);
        let hazard = self.hazard_near(sentence) || toll_before_cause;
        // The government reports outbreak tolls ("according to the Haitian
        // government"); it kills with its forces, which are actors of their own.
        let could_kill = |a: &ActorMention| {
            !matches!(
                a.actor,
                ActorRef::Agent(
                    AgentKind::Civilians | AgentKind::Prisoners | AgentKind::Government
                )
            )
        };
        hazard
            && !self
                .actors
                .iter()
                .any(|a| sentence.contains(a.span) && could_kill(a))
            && !self.triggers.iter().any(|h| {
                sentence.contains(h.span)
                    && h.span != trigger
                    && !h.what.is_auxiliary()
                    // "found on March 28": the month names no violence.
                    && !self.another_sense(sentence, h, self.slice(h.span))
            })
    }

    /// Nothing but spaces and opening quotes between the start of its
    /// sentence and `span`.
    fn opens_sentence(&self, span: Span) -> bool {
        let start = self.sentence_holding(span).start;
        self.text.get(start..span.start).is_some_and(|head| {
            head.chars()
                .all(|c| c.is_whitespace() || "\"'“‘(".contains(c))
        })
    }

    /// The sentence is a court's or an investigation's (a trial, jurors,
    /// the defendant, prosecutors, investigators), or its paragraph's
    /// sentence before or after it is ("She died at the scene. Mr Orchard
    /// told jurors..."), and it names no armed perpetrators or group. Not
    /// across a paragraph break: a court story next to a headline of an
    /// attack says nothing of the attack.
    fn told_to_a_court(&self, sentence: Span) -> bool {
        // The word test only where a court word occurs at all, found in one
        // pass: this runs for most killings, up to three sentences each.
        let names_court = |s: Span| {
            COURT_WORDS_ANYWHERE
                .as_ref()
                .is_none_or(|ac| ac.is_match(self.slice(s)))
                && Words::new(self.text, s).any(|w| is_one_of(self.slice(w), COURT_WORDS))
        };
        (names_court(sentence)
            || self
                .paragraph_neighbours(sentence)
                .into_iter()
                .flatten()
                .any(names_court))
            && !self.armed_men_or_group_named_plainly(sentence)
    }

    /// Armed perpetrators ([`ARMED_PERPETRATORS`]) or a party
    /// ([`Annotated::is_party`]) named in `sentence` other than as "the
    /// alleged gunmen": a court's wording ("accused of assisting the
    /// alleged gunmen" is still a trial). "Gunmen shot dead a prosecutor"
    /// names them plainly.
    fn armed_men_or_group_named_plainly(&self, sentence: Span) -> bool {
        let alleged = |w: Span| self.any_word_before_in(w, 1, &["alleged", "accused"]);
        self.names_any_prefix_where(sentence, ARMED_PERPETRATORS, |w| !alleged(w))
            || self
                .actors_in(sentence)
                .any(|m| self.is_party(m) && !alleged(m.span))
    }

    /// Armed perpetrators ([`ARMED_PERPETRATORS`]) or a party to politics
    /// or conflict ([`Annotated::political_party_in`]) named in `span`: what
    /// keeps a killing from being read as ordinary crime.
    fn armed_men_or_group_in(&self, span: Span) -> bool {
        self.names_any_prefix(span, ARMED_PERPETRATORS) || self.political_party_in(span)
    }

    /// The doer of `trigger` is one civilian named with "a" ("a man", "a
    /// woman"; not "residents", nor a headline's "Civilian Deaths in
    /// Turkish Attacks") and the sentence names no armed men or group.
    fn done_by_one_civilian(&self, sentence: Span, trigger: Span) -> bool {
        let one_civilian = |m: &ActorMention| {
            m.actor == ActorRef::Agent(AgentKind::Civilians)
                && self
                    .word_spans_before(m.span, 1)
                    .first()
                    .is_some_and(|&w| is_one_of(self.slice(w), &["a", "an"]))
        };
        // This runs for every killing, shooting and attack: the subject
        // reading (which collects the sentence's mentions) only when the
        // sentence has such a civilian at all.
        self.actors_in(sentence).any(one_civilian)
            && !self.armed_men_or_group_in(sentence)
            && self
                .agent_and_target(sentence, trigger)
                .0
                .is_some_and(|d| one_civilian(&d))
    }

    /// A suspect ("the suspect", "two suspects") named in the sentence or
    /// in its paragraph's sentence before or after it, no armed men, group
    /// or explosive weapon ("suspects threw a hand grenade at police")
    /// named in any of them, and the violence not done by state
    /// forces ("Police shot the suspect" is the police's violence). A
    /// byte test for "uspect" comes first: this runs for every killing,
    /// shooting and attack.
    fn crime_with_a_suspect(&self, sentence: Span, trigger: Span) -> bool {
        let [before, after] = self.paragraph_neighbours(sentence);
        let around = [Some(sentence), before, after];
        let names_suspect = |s: Span| {
            self.slice(s).contains("uspect")
                && Words::new(self.text, s).any(|w| {
                    is_noun_in(self.slice(w), &["suspect"])
                        && self.word_spans_before(w, 1).first().is_some_and(|&d| {
                            let d = self.slice(d);
                            d.bytes().all(|b| b.is_ascii_digit())
                                || is_one_of(d, SUSPECT_DETERMINERS)
                        })
                })
        };
        around.iter().flatten().any(|&s| names_suspect(s))
            && !around.iter().flatten().any(|&s| {
                self.armed_men_or_group_in(s)
                    || self
                        .triggers
                        .iter()
                        .any(|h| s.contains(h.span) && h.what.is_remote())
            })
            && !self
                .agent_and_target(sentence, trigger)
                .0
                .is_some_and(|d| self.is_state(&d))
    }

    /// The sentence names animals, no actor at all (no people, forces or
    /// groups) and no weapon or attack: what was killed or burned was
    /// livestock. "The bombardment killed pastoralists and their
    /// livestock" is an attack.
    fn only_animals_named(&self, sentence: Span) -> bool {
        self.actors_in(sentence).next().is_none()
            && Words::new(self.text, sentence).any(|w| is_noun_in(self.slice(w), ANIMALS))
            && !self.triggers.iter().any(|h| {
                sentence.contains(h.span) && !matches!(h.what, Cat::Kill | Cat::Burn | Cat::Shoot)
            })
    }

    /// "burning in the throat", "a burning sensation", "burning eyes".
    fn burning_as_a_symptom(&self, sentence: Span, burning: Span) -> bool {
        let after = self.words_after(burning, sentence.end, 3);
        let first = after.first().map(String::as_str);
        let body = |w: &String| is_noun_in(w, BODY_PARTS);
        matches!(first, Some("sensation" | "sensations"))
            || after.first().is_some_and(body)
            || (first == Some("in") && after.iter().skip(1).any(body))
    }

    /// The word before `span` is "heart", "panic" or "asthma" (one word
    /// back within its sentence).
    fn after_body_word(&self, span: Span) -> bool {
        self.after_word_in(
            span,
            &[
                "heart",
                "panic",
                "asthma",
                "anxiety",
                "cardiac",
                "respiratory",
            ],
        )
    }

    /// The trigger names what someone is charged with, convicted of or
    /// accused of: a [`Cue::Charge`] phrase at most six words before it in
    /// its sentence, with no verb or ellipsis between ("men accused of kidnappings were
    /// shot dead": the shooting is an incident).
    fn named_as_a_charge(&self, sentence: Span, span: Span) -> bool {
        let before = Span::new(sentence.start, span.start.max(sentence.start));
        starting_in(&self.cues, before, |c| c.span)
            .iter()
            .filter(|c| c.what == Cue::Charge && c.span.end <= span.start)
            .any(|c| {
                let between = self.slice(Span::new(c.span.end, span.start));
                // "On charge of dealing with the SDF… ISIS cells assassinate":
                // an ellipsis, a semicolon or a line break ends the phrase
                // (headlines run on without full stops).
                if between.contains(['…', ';', '\n']) || between.contains("  ") {
                    return false;
                }
                // "those in charge of wedding halls", "took possession of
                // the town": responsible or holding, not charged.
                if self.after_word_in(c.span, &["in", "took", "take", "takes", "taken", "taking"]) {
                    return false;
                }
                let mut gap = lower_words(between);
                let mut words = 0;
                gap.all(|w| {
                    words += 1;
                    words <= 6
                        && !matches!(
                            w.as_str(),
                            "was" | "were" | "is" | "are" | "had" | "has" | "have" | "and" | "but"
                        )
                })
            })
    }

    /// An arrest of the kind police make every day, which ACLED does not
    /// code: ACLED's arrests are political, so an arrest is ordinary unless
    /// its sentence (or the one before, which may tell why) says otherwise:
    /// a political or armed detainee or cause (activists, a governor,
    /// soldiers, an attack), a named group other than state forces, an
    /// armed group, protesters or rioters, or many people taken at once
    /// ("arrested over 200"). A crime named (theft, fraud, drink-driving)
    /// or a suspect described by age in the arrest's own sentence makes
    /// even a mass arrest ordinary, unless that sentence names a political
    /// detainee or cause.
    fn arrest_for_ordinary_crime(&self, sentence: Span, trigger: Span) -> bool {
        let names_any = |span: Span, list: &[&str]| self.names_any_prefix(span, list);
        // The arrest's own sentence first: who is taken or why, then the
        // crime or the suspect's age ("Campbell, 42, was resisting arrest"
        // after "a deadly weapon"), then the cause told before it.
        let political =
            |span: Span| names_any(span, POLITICAL_CAUSES) || self.political_party_in(span);
        if names_any(sentence, POLITICAL_DETAINEES) || political(sentence) {
            return false;
        }
        if names_any(sentence, ORDINARY_CRIMES) || self.names_an_age(sentence) {
            return true;
        }
        // The crime or the cause may be told in the sentence before (the
        // arrest's own sentence was read above): "A man under the
        // influence of alcohol stuffed his mouth … He was arrested Sunday."
        if let Some(before) = self.sentence_before(sentence) {
            if political(before) {
                return false;
            }
            if names_any(before, ORDINARY_CRIMES) {
                return true;
            }
        }
        !self.many_arrested(sentence, trigger)
    }

    /// Whether a word of `span` (or a part of a hyphenated one: "anti-terror
    /// forces") starts with one of `prefixes`, ignoring case.
    fn names_any_prefix(&self, span: Span, prefixes: &[&str]) -> bool {
        self.names_any_prefix_where(span, prefixes, |_| true)
    }

    /// [`Self::names_any_prefix`], counting only the words `keep` accepts.
    fn names_any_prefix_where(
        &self,
        span: Span,
        prefixes: &[&str],
        keep: impl Fn(Span) -> bool,
    ) -> bool {
        Words::new(self.text, span).any(|w| {
            self.slice(w)
                .split('-')
                .any(|part| prefixes.iter().any(|p| starts_with_ignore_case(part, p)))
                && keep(w)
        })
    }

    /// A rape or sexual assault is ordinary crime unless its sentence, or
    /// the one before, names armed or political perpetrators (soldiers,
    /// militiamen, gunmen, a named armed group) or a conflict's setting
    /// (war, the displaced): ACLED codes sexual violence as political
    /// violence, not the court and crime pages ("a case of rape had been
    /// opened", "the video showed the accused sexually assaulting a girl").
    /// The police are no such sign: in crime news they investigate ("Police
    /// say one of the videos showed ...").
    fn sexual_violence_is_crime(&self, sentence: Span) -> bool {
        let armed = |span: Span| {
            self.names_any_prefix(span, ARMED_PERPETRATORS)
                // "war" itself whole: "warned", "ward" and "Warsaw" are none.
                || Words::new(self.text, span).any(|w| is_one_of(self.slice(w), &["war", "wars"]))
                // A named armed group ("families who fled Boko Haram");
                // its fighters and rebels are words of the list above.
                || self
                    .actors_in(span)
                    .any(|m| matches!(m.actor, ActorRef::Named(_)) && !self.is_state(m))
        };
        !(armed(sentence) || self.sentence_before(sentence).is_some_and(armed))
    }

    /// A party to politics or conflict named in `span`: a named actor that
    /// is not a state force, armed men of no name, protesters or rioters.
    /// (The military is named by [`POLITICAL_CAUSES`]: the actor reading
    /// takes a lone "officer" for the military.)
    fn political_party_in(&self, span: Span) -> bool {
        self.actors_in(span).any(|m| self.is_party(m))
    }

    /// A named group other than state forces, or militants, unidentified
    /// armed men, protesters or rioters.
    fn is_party(&self, m: &ActorMention) -> bool {
        match m.actor {
            ActorRef::Named(_) => !self.is_state(m),
            ActorRef::Agent(k) => matches!(
                k,
                AgentKind::Militants
                    | AgentKind::Unidentified
                    | AgentKind::Protesters
                    | AgentKind::Rioters
            ),
        }
    }

    /// Ten or more people counted within four words of the arrest word
    /// ("arrested over 200", "21 arrested", "dozens were detained"); a
    /// year is no count ("arrested in 2016").
    fn many_arrested(&self, sentence: Span, trigger: Span) -> bool {
        let bytes = self.text.as_bytes();
        let many = |w: Span| {
            let word = self.slice(w);
            if is_one_of(word, MANY_PEOPLE)
                || sitrep_text::numbers::number_word_value(word).is_some_and(|n| n >= 10)
            {
                return true;
            }
            // A clock time is no count ("around 10:20 a.m."), nor a year.
            let clock = bytes.get(w.end) == Some(&b':')
                || (w.start > 0 && bytes.get(w.start - 1) == Some(&b':'));
            !clock
                && word
                    .parse::<u32>()
                    .is_ok_and(|n| n >= 10 && !(word.len() == 4 && (1900..2100).contains(&n)))
        };
        let after: Vec<Span> = Words::new(self.text, Span::new(trigger.end, sentence.end))
            .take(4)
            .collect();
        let before = self.word_spans_before(trigger, 4);
        // "Arrests for the second day in a row": the plural tells many,
        // unless a small count stands before it ("three arrests").
        let plural = matches!(
            self.slice(trigger).to_ascii_lowercase().as_str(),
            "arrests" | "detentions"
        ) && !before.iter().rev().take(2).any(|&w| {
            let word = self.slice(w);
            word.parse::<u32>().is_ok_and(|n| n < 10)
                || sitrep_text::numbers::number_word_value(word).is_some_and(|n| n < 10)
                || is_one_of(word, REFERRING_DETERMINERS)
        });
        plural || before.into_iter().chain(after).any(many)
    }

    /// "Nuiry, 53, was", "a 46-year-old man": an age beside a person.
    fn names_an_age(&self, sentence: Span) -> bool {
        let text = self.slice(sentence);
        let bytes = text.as_bytes();
        text.match_indices("-year-old")
            .any(|(i, _)| i > 0 && bytes[i - 1].is_ascii_digit())
            || text.match_indices(", ").any(|(i, _)| {
                let rest = &bytes[i + 2..];
                let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                (1..=2).contains(&digits) && rest.get(digits) == Some(&b',')
            })
    }

    /// One of the eight words before `span` is one of [`ARMS_TRADE`]
    /// ("selling more than $1.3 billion in artillery"). The
    /// trade words are also cues: when none starts in the look back, the
    /// words need not be walked.
    fn bought_or_sold(&self, span: Span) -> bool {
        let look_back = Span::new(self.look_back_start(span, 8), span.start);
        starting_in(&self.cues, look_back, |c| c.span)
            .iter()
            .any(|c| c.what == Cue::Trade)
            && self.any_word_before_in(span, 8, ARMS_TRADE)
    }

    /// A disease or hazard cue begins within the two words after `span`.
    fn hazard_follows(&self, sentence: Span, span: Span) -> bool {
        let window = self.words_after(span, sentence.end, 2).join(" ");
        let limit = span.end + window.len() + 3;
        self.cues
            .iter()
            .any(|c| c.what == Cue::Hazard && c.span.start >= span.end && c.span.start <= limit)
    }

    /// "calls to boycott", "called for a general strike": up to two words
    /// back.
    fn called_for(&self, span: Span) -> bool {
        let before = self.words_before(span, 3);
        before.windows(2).any(|pair| {
            // Not "call": "heeded the rallying call to protest" reports one.
            matches!(pair[0].as_str(), "calls" | "called" | "calling")
                && matches!(pair[1].as_str(), "for" | "to")
        })
    }

    /// An actor mention ends right before `span`, only spaces between
    /// (mentions are in text order and never overlap, so their ends are
    /// sorted too).
    fn right_after_an_actor(&self, span: Span) -> bool {
        let head = self.text[..span.start].trim_end();
        let end = head.len();
        let i = self.actors.partition_point(|m| m.span.end < end);
        self.actors.get(i).is_some_and(|m| m.span.end == end)
    }

    /// The sentence tells a campaign's toll: a campaign noun ("the
    /// offensive", "the war", "the insurgency") as the subject of "has
    /// killed" or "have killed" (a [`Cue::Perfect`], found by binary
    /// search: this runs for every trigger).
    fn campaign_total(&self, sentence: Span) -> bool {
        let Some(perfect) = starting_in(&self.cues, sentence, |c| c.span)
            .iter()
            .find(|c| c.what == Cue::Perfect)
        else {
            return false;
        };
        let subject = Span::new(sentence.start, perfect.span.start);
        Words::new(self.text, subject).any(|w| {
            is_one_of(
                self.slice(w),
                &[
                    "offensive",
                    "campaign",
                    "war",
                    "conflict",
                    "insurgency",
                    "crackdown",
                    "siege",
                    "violence",
                ],
            )
        })
    }

    /// The word after `span` in `sentence`, lower-cased, is one of `words`.
    fn next_word_in(&self, span: Span, sentence: Span, words: &[&str]) -> bool {
        self.words_after(span, sentence.end, 1)
            .first()
            .is_some_and(|w| words.contains(&w.as_str()))
    }

    /// `words` (lower case, one space between) stand right after `span`,
    /// whole words: a byte test for checks that run on every trigger.
    fn right_before_words(&self, span: Span, words: &str) -> bool {
        let tail = self.text.get(span.end..).unwrap_or("").trim_start();
        tail.get(..words.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(words))
            && !tail[words.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    }

    /// One of `words` (lower case) stands right before `span`.
    fn right_after_any(&self, span: Span, words: &[&str]) -> bool {
        words.iter().any(|w| self.right_after_word(span, w))
    }

    /// `word` (lower case) stands right before `span`, only spaces between:
    /// a byte test for checks that run on every trigger.
    fn right_after_word(&self, span: Span, word: &str) -> bool {
        let head = self.text[..span.start].trim_end();
        head.len() >= word.len()
            && head.is_char_boundary(head.len() - word.len())
            && head[head.len() - word.len()..].eq_ignore_ascii_case(word)
            && !head[..head.len() - word.len()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    }

    /// The word right before `span`, within its sentence, is one of `words`
    /// (given in lower case).
    fn after_word_in(&self, span: Span, words: &[&str]) -> bool {
        self.word_before(span)
            .is_some_and(|w| is_one_of(self.slice(w), words))
    }

    /// The last of [`Self::word_spans_before`]`(span, 1)`, found by walking
    /// back from `span` instead of forward over the look-back.
    fn word_before(&self, span: Span) -> Option<Span> {
        let from = self.look_back_start(span, 1);
        let head = self.text.get(from..span.start)?;
        let mut word: Option<(usize, usize)> = None;
        for (i, c) in head.char_indices().rev() {
            let in_word = if c.is_ascii() {
                is_word_span_byte(c as u8)
            } else {
                c.is_alphanumeric()
            };
            match (&mut word, in_word) {
                (None, true) => word = Some((i, i + c.len_utf8())),
                (Some((start, _)), true) => *start = i,
                (Some(_), false) => break,
                (None, false) => {}
            }
        }
        word.map(|(start, end)| Span::new(from + start, from + end))
    }

    /// Where the look back for `n` words before `span` starts: about ten
    /// bytes a word (never less than 32), after any sentence end.
    fn look_back_start(&self, span: Span, n: usize) -> usize {
        let mut from = span.start.saturating_sub((n * 10).max(32));
        while !self.text.is_char_boundary(from) {
            from -= 1;
        }
        let head = self.text.get(from..span.start).unwrap_or("");
        // A full stop between digits is a decimal point ("$1.3 billion").
        let bytes = head.as_bytes();
        let decimal = |i: usize| {
            i > 0
                && bytes[i] == b'.'
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        };
        let mut end = head.len();
        while let Some(i) = head[..end].rfind(['.', '!', '?', ';']) {
            if !decimal(i) {
                return from + i + 1;
            }
            end = i;
        }
        from
    }

    /// The death word of a death told as one more beside those already
    /// counted: "a second soldier ... died alongside him", "five civilians
    /// also died". Its count adds to the incident's even when it equals
    /// it, and with no count it is one.
    pub(crate) fn added_death(&self, sentence: Span, live: &[Hit<Cat>]) -> Option<Span> {
        live.iter()
            .filter(|h| h.what == Cat::Kill)
            .find(|h| {
                self.word_before(h.span)
                    .is_some_and(|w| self.slice(w).eq_ignore_ascii_case("also"))
                    || self.words_after(h.span, sentence.end, 1) == ["alongside"]
            })
            .map(|h| h.span)
    }

    /// A date that dates a statement, not what it tells of: "Schneiderman
    /// said Thursday that his office ...", "police said on Monday".
    pub(crate) fn is_statement_date(&self, date: Span) -> bool {
        let before = self.words_before(date, 2);
        let verb = match before.as_slice() {
            [.., verb, on] if on == "on" => verb,
            [.., verb] => verb,
            [] => return false,
        };
        is_one_of(verb, &STATEMENT_VERBS)
    }

    /// One of the `n` words right before `span`, within its sentence, is one
    /// of `words` (given in lower case).
    fn any_word_before_in(&self, span: Span, n: usize, words: &[&str]) -> bool {
        self.word_spans_before(span, n)
            .iter()
            .any(|&w| is_one_of(self.slice(w), words))
    }

    /// Up to `n` words right before `span`, lower-cased, nearest last, from
    /// a short look back that stops at a sentence end.
    fn words_before(&self, span: Span, n: usize) -> Vec<String> {
        self.word_spans_before(span, n)
            .into_iter()
            .map(|w| self.slice(w).to_ascii_lowercase())
            .collect()
    }

    /// The spans of up to `n` words right before `span`, nearest last: a
    /// look back of about ten bytes a word (never less than 32) that stops
    /// at a sentence end. No word is copied.
    fn word_spans_before(&self, span: Span, n: usize) -> Vec<Span> {
        let from = self.look_back_start(span, n);
        let mut words: Vec<Span> = Words::new(self.text, Span::new(from, span.start)).collect();
        words.drain(..words.len().saturating_sub(n));
        words
    }

    /// "executed the operation", "executing their plan", "the execution of
    /// insidious agendas", "the projects have been executed": carrying
    /// something out, not putting people to death. The thing carried out
    /// may follow "of", a determiner and one adjective, or be the subject
    /// of a passive a few words before.
    fn executes_a_plan(&self, sentence: Span, trigger: Span) -> bool {
        if self.is_passive(sentence, trigger)
            && self
                .words_before(trigger, 4)
                .iter()
                .any(|w| CARRIED_OUT.contains(&w.as_str()))
        {
            return true;
        }
        let after = self.words_after(trigger, sentence.end, 4);
        let mut words = after.iter().map(String::as_str).peekable();
        words.next_if_eq(&"of");
        words.next_if(|w| {
            matches!(
                *w,
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that"
            )
        });
        words.take(2).any(|w| CARRIED_OUT.contains(&w))
    }

    /// "released a statement", "released a video": not a release of people.
    fn releases_information(&self, sentence: Span, trigger: Span) -> bool {
        self.words_after(trigger, sentence.end, 2).iter().any(|w| {
            matches!(
                w.as_str(),
                "a" | "an"
                    | "its"
                    | "their"
                    | "statement"
                    | "statements"
                    | "report"
                    | "video"
                    | "footage"
                    | "photos"
                    | "images"
                    | "details"
                    | "figures"
                    | "data"
                    | "names"
                    | "results"
                    | "list"
                    | "lists"
                    | "documents"
                    | "findings"
                    | "guidelines"
                    | "album"
                    | "trailer"
                    | "version"
                    | "update"
            )
        })
    }

    /// "released on bail", "released him on a suspended sentence": a court
    /// lets a defendant go; no captive is freed. "Photos of the suspects
    /// were released", "a report released tonight": information, named
    /// before the verb.
    fn court_release(&self, sentence: Span, trigger: Span) -> bool {
        let after = self.words_after(trigger, sentence.end, 6);
        let on = after.iter().position(|w| w == "on");
        let court = on.is_some_and(|i| {
            after[i..].iter().any(|w| {
                matches!(
                    w.as_str(),
                    "bail" | "bond" | "parole" | "probation" | "recognizance" | "sentence"
                )
            })
        });
        let before = self.words_before(trigger, 8);
        let passive = before
            .last()
            .is_some_and(|w| matches!(w.as_str(), "was" | "were" | "been" | "be" | "is" | "are"));
        let is_information = |w: &String| {
            matches!(
                w.as_str(),
                "photos"
                    | "photo"
                    | "footage"
                    | "video"
                    | "videos"
                    | "images"
                    | "image"
                    | "statement"
                    | "report"
                    | "reports"
                    | "details"
                    | "figures"
                    | "data"
                    | "results"
                    | "names"
                    | "list"
            )
        };
        let information = before.iter().any(is_information);
        // "A report released tonight by the agency": the noun right before.
        let reduced_relative = before.last().is_some_and(is_information);
        court || (passive && information) || reduced_relative
    }

    /// A background date attached to the trigger dates it as history: right
    /// before a noun trigger ("the 2011 uprising") or just after it ("attacks
    /// on mosques on May 18" in a July report, "protests in 2011").
    ///
    /// Further before the trigger, it still dates the clause when the clause
    /// has no current date of its own: "The 2012 rebellion in Gao killed
    /// hundreds" is history, "In 2012, rebels killed ..." too.
    fn dated_background(&self, sentence: Span, trigger: Span) -> bool {
        if self.opens_with_background_date(sentence) || self.opens_with_years(sentence) {
            return true;
        }
        let clause = self.clause_of(sentence, trigger);
        if self.relative_to_a_dated_noun(sentence, clause) {
            return true;
        }
        let in_clause = || self.dates.iter().filter(|d| clause.contains(d.span));
        let current_date = in_clause().any(|d| !d.background);
        in_clause().any(|d| {
            if !d.background {
                return false;
            }
            if d.span.end <= trigger.start {
                let between = lower_words(self.slice(Span::new(d.span.end, trigger.start))).count();
                // "Soldiers who took part in the 2011 coup protested": a
                // date inside a relative clause dates that clause only.
                let relative = lower_words(self.slice(Span::new(clause.start, d.span.start)))
                    .any(|w| w == "who" || w == "which");
                between <= 1 || (!current_date && between <= 8 && !relative)
            } else if d.span.start >= trigger.end {
                // "assassinated Archduke Franz Ferdinand of Austria in June
                // 1914": further on, an old calendar date in a clause with
                // no current one (not a year alone, nor "since June": "145
                // attacks in Daraa since June claim the lives of 100").
                let between = lower_words(self.slice(Span::new(trigger.end, d.span.start))).count();
                let old_calendar_date = d.kind == DateKind::Absolute
                    && !starts_with_ignore_case(self.slice(d.span), "since")
                    && writes_a_year(self.slice(d.span));
                // "the coalition that has fought IS in Iraq and Syria since
                // 2014": the present perfect over years of war, no incident.
                let since_a_past_year = is_since_a_year(self.slice(d.span))
                    && self.right_after_any(trigger, &["has", "have"]);
                between <= 4
                    || (!current_date && (old_calendar_date || since_a_past_year) && between <= 8)
            } else {
                false
            }
        })
    }

    /// "the 2001 anthrax attacks, which killed five people": a clause that
    /// opens with a relative pronoun tells of the noun before its comma, and
    /// a background year within the three words before that comma dates
    /// it as history. ("The 2001 anthrax attacks" is no trigger of its own,
    /// so the builder's relative-clause test has no trigger to follow.)
    fn relative_to_a_dated_noun(&self, sentence: Span, clause: Span) -> bool {
        let opens_relative = lower_words(self.slice(clause))
            .next()
            .is_some_and(|w| matches!(w.as_str(), "which" | "that" | "who"));
        if !opens_relative || clause.start <= sentence.start {
            return false;
        }
        // The noun ends where the break before the clause begins (a comma,
        // or a dash of three bytes).
        let break_at = self
            .text
            .get(..clause.start)
            .and_then(|head| head.char_indices().next_back())
            .map_or(clause.start, |(i, _)| i);
        let noun = Span::new(sentence.start, break_at.max(sentence.start));
        let Some(last_break) = self
            .slice(noun)
            .rfind([',', ';', ':', '(', ')'])
            .map(|i| noun.start + i + 1)
        else {
            return self.background_year_near_end(Span::new(sentence.start, noun.end));
        };
        self.background_year_near_end(Span::new(last_break, noun.end))
    }

    /// A background date that ends within three words of `span`'s end.
    fn background_year_near_end(&self, span: Span) -> bool {
        self.dates.iter().any(|d| {
            d.background
                && span.contains(d.span)
                && writes_a_year(self.slice(d.span))
                && lower_words(self.slice(Span::new(d.span.end, span.end))).count() <= 3
        })
    }

    /// "Over the past three years, India has been hit by several
    /// protests", "In recent years, ...": a sentence that opens with a
    /// span of years sums them up; it tells no incident. Only at the
    /// opening, where the span governs the whole sentence: "Boko Haram,
    /// which has killed thousands over the past decade, attacked Dikwa"
    /// still reports the attack.
    fn opens_with_years(&self, sentence: Span) -> bool {
        // This runs for every trigger: the longest opening it reads ("During
        // the last two decades") is 27 bytes, so look no further before
        // copying words.
        let head = self.text.get(sentence.start..sentence.end).unwrap_or("");
        let Some(comma) = head.bytes().take(40).position(|b| b == b',') else {
            return false;
        };
        let words: Vec<String> = lower_words(&head[..comma]).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let years = |w: &str| matches!(w, "years" | "decades" | "decade");
        match words.as_slice() {
            ["in", "recent", last] => years(last),
            ["for", last] => years(last),
            ["over" | "in" | "during" | "for", "the", "past" | "last", rest @ ..] => {
                (1..=2).contains(&rest.len()) && rest.last().is_some_and(|w| years(w))
            }
            _ => false,
        }
    }

    /// "In 2002, after an attack on a guard, Williams slashed his wrists":
    /// a background date before the sentence's first comma dates the whole
    /// sentence, when no current date is in it.
    fn opens_with_background_date(&self, sentence: Span) -> bool {
        let in_sentence = starting_in(&self.dates, sentence, |d| d.span);
        let Some(first) = in_sentence.first().filter(|d| d.background) else {
            return false;
        };
        let lead = self
            .slice(Span::new(sentence.start, first.span.start))
            .trim();
        // A year must be written: "In mid-September, 30 people were
        // killed" is read against a publication date it may not have.
        writes_a_year(self.slice(first.span))
            && ["", "in", "on", "by", "during", "back in"]
                .iter()
                .any(|w| lead.eq_ignore_ascii_case(w))
            && self.text[first.span.end..].starts_with(',')
            && in_sentence.iter().all(|d| d.background)
    }

    /// Is this trigger one of [`NEEDS_CONFLICT_CONTEXT`]? "control" after
    /// a verb of taking ground ("took control of Baidoa") needs none.
    fn needs_context(&self, hit: &Hit<Cat>) -> bool {
        let word = self.slice(hit.span);
        if !NEEDS_CONFLICT_CONTEXT
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
        {
            return false;
        }
        let w = word.to_ascii_lowercase();
        let two_before = || self.words_before(hit.span, 2);
        if w == "control" {
            return !two_before()
                .iter()
                .any(|b| TAKING_GROUND.contains(&b.as_str()));
        }
        // "An electrical plant was also destroyed": ruin with no one named
        // may be a storm's; "Students destroyed property" names who did it.
        if w == "destroyed" {
            return self.is_passive(self.sentence_holding(hit.span), hit.span);
        }
        // "fierce battles", "heavy fighting": no court or sports field.
        let violent_before = || {
            two_before()
                .iter()
                .any(|b| VIOLENT_MODIFIERS.contains(&b.as_str()))
        };
        if matches!(w.as_str(), "battle" | "battles" | "battled" | "fought") {
            return !violent_before();
        }
        // "Fighting was reported in Ganfouda", "clan fighting", "fighting
        // broke out": the noun of war. "fighting AIDS", "fighting star",
        // "fighting for justice" need context.
        if w == "fighting" {
            let continues = self.next_word_in(
                hit.span,
                self.sentence_holding(hit.span),
                FIGHTING_CONTINUES,
            );
            return !(self.opens_sentence(hit.span) || violent_before() || continues);
        }
        // "a ceasefire agreement", "the peace agreements": no trade deal.
        if matches!(w.as_str(), "agreement" | "agreements") {
            return !two_before().iter().any(|b| {
                matches!(
                    b.as_str(),
                    "ceasefire"
                        | "cease-fire"
                        | "peace"
                        | "truce"
                        | "power-sharing"
                        | "reconciliation"
                )
            });
        }
        true
    }

    /// A weapon or an air arm named with no use of it in the sentence:
    /// "recruited into the Navy, Army and Air Force", "Reaper drones were
    /// flown by US personnel". A party in the sentence is then no context:
    /// forces are named beside their arms as often as they fight.
    fn weapon_not_used(&self, sentence: Span, hit: &Hit<Cat>) -> bool {
        is_one_of(self.slice(hit.span), UNUSED_ARMS)
            && !self.names_any_prefix(sentence, USE_OF_ARMS)
    }

    /// A party to a conflict or a protest in the sentence that holds `span`
    /// (any actor but civilians, prisoners and "the government", which
    /// signs trade deals as readily as truces), other than `hit` itself.
    fn party_in_sentence(&self, span: Span, hit: &Hit<Cat>) -> bool {
        // Authorities release prisoners ("Authorities released Karim
        // Wade"); their trade deals are no truce.
        let government_counts = self.slice(hit.span).eq_ignore_ascii_case("released");
        let sentence = self.sentence_holding(span);
        let party = |a: &ActorMention| match a.actor {
            ActorRef::Named(_) => true,
            ActorRef::Agent(AgentKind::Government) => government_counts,
            ActorRef::Agent(kind) => !matches!(kind, AgentKind::Civilians | AgentKind::Prisoners),
        };
        // Not the trigger itself: "the Nigerian Air Force" is an actor and
        // the word "air force", and no air strike. For a death, nor a place
        // named after a force ("He died at his home near Fort Hood military
        // base"); a base is still a target ("drones hit Al Shabaab bases").
        let death = hit.what == Cat::Kill;
        self.actors.iter().any(|a| {
            sentence.contains(a.span)
                && !a.span.overlaps(hit.span)
                && party(a)
                && !(death && self.names_a_place(a.span, sentence))
        })
    }

    /// The word after an actor's name makes it a place's: "military base",
    /// "police academy", "army hospital".
    fn names_a_place(&self, actor: Span, sentence: Span) -> bool {
        self.next_word_in(
            actor,
            sentence,
            &[
                "base", "bases", "hospital", "academy", "school", "college", "cemetery", "museum",
            ],
        )
    }

    /// "A soldier who died in Texas": the only party in the sentence is the
    /// one who died, right before "died" or "dead" (at most three words
    /// between). Who dies says nothing of who killed.
    fn only_the_dead(&self, sentence: Span, hit: &Hit<Cat>) -> bool {
        if hit.what != Cat::Kill || !is_one_of(self.slice(hit.span), &["died", "dead"]) {
            return false;
        }
        let parties: Vec<&ActorMention> = self
            .actors
            .iter()
            .filter(|a| {
                sentence.contains(a.span)
                    && !a.span.overlaps(hit.span)
                    && !matches!(
                        a.actor,
                        ActorRef::Agent(
                            AgentKind::Civilians | AgentKind::Prisoners | AgentKind::Government
                        )
                    )
            })
            .collect();
        !parties.is_empty()
            && parties.iter().all(|a| {
                a.span.end <= hit.span.start
                    && Words::new(self.text, Span::new(a.span.end, hit.span.start)).count() <= 3
            })
    }

    /// "died" and "dead" are violence when the wounds are named ("died of
    /// his injuries", "dead and wounded") or the sentence before names who
    /// did it ("Unknown group injure a boy. He died the next day."); "37
    /// patients died on the waiting list" is not.
    fn death_by_violence(&self, sentence: Span, hit: &Hit<Cat>) -> bool {
        if self.cue_in(sentence, Cue::Injury) {
            return true;
        }
        let Some(before) = self.sentence_before(sentence) else {
            return false;
        };
        if self.cue_in(before, Cue::Injury) {
            return true;
        }
        let violent_trigger = starting_in(&self.triggers, before, |t| t.span)
            .iter()
            .any(|t| {
                before.contains(t.span) && !self.needs_context(t) && self.is_live(before, t, false)
            });
        violent_trigger || self.party_in_sentence(before, hit)
    }

    /// The reading of sentence `idx`, if it reports an event.
    pub fn read_sentence(&self, idx: usize, has_prior: bool) -> Option<Reading> {
        self.read_span(*self.sentences.get(idx)?, has_prior)
    }

    /// The reading of `sentence`: a whole sentence, or one clause of a
    /// sentence that reports two incidents (see [`crate::clauses`]).
    pub fn read_span(&self, sentence: Span, has_prior: bool) -> Option<Reading> {
        let live = self.live_triggers(sentence, has_prior);
        if live.is_empty() {
            return None;
        }
        Classifier {
            an: self,
            sentence,
            live: &live,
        }
        .classify()
    }

    /// What `span` says state forces did to a crowd, told after a protest
    /// in the same incident: police killing or shooting people who are not
    /// armed ("Police forces responded with violence, allegedly killing
    /// four"), or any armed state force doing it to the crowd ("Soldiers
    /// fired on the protesters"), is excessive force against the
    /// protesters; attacking the crowd ("Police beat the marchers with
    /// batons") is an intervention. Warplanes killing civilians are not
    /// about the protest.
    pub(crate) fn state_force_on_crowd(&self, span: Span, has_prior: bool) -> Option<SubEventType> {
        let mut found = None;
        for h in self.live_triggers(span, has_prior) {
            let (agent, target) = self.agent_and_target(span, h.span);
            if !agent.is_some_and(|m| self.is_state(&m) && self.is_armed(&m)) {
                continue;
            }
            let on_crowd = || {
                self.words_after(h.span, span.end, 3)
                    .iter()
                    .any(|w| CROWD_WORDS.contains(&w.as_str()))
            };
            let police = agent.is_some_and(|m| m.actor == ActorRef::Agent(AgentKind::Police));
            match h.what {
                Cat::Kill | Cat::Shoot
                    if target.is_none_or(|m| !self.is_armed(&m))
                        && !self.natural_death(span, h.span)
                        && (police || on_crowd()) =>
                {
                    return Some(SubEventType::ExcessiveForceAgainstProtesters);
                }
                Cat::Attack if on_crowd() => found = Some(SubEventType::ProtestWithIntervention),
                _ => {}
            }
        }
        found
    }

    /// The triggers of `sentence` (or clause) that can report an event.
    fn live_triggers(&self, sentence: Span, has_prior: bool) -> Vec<Hit<Cat>> {
        let mut live: Vec<Hit<Cat>> = self
            .triggers
            .iter()
            .filter(|h| sentence.contains(h.span) && self.is_live(sentence, h, has_prior))
            .copied()
            .collect();
        // Words as common outside conflict reporting as in it ("a legal
        // battle", "the company's operations", "died of cancer") report an
        // event only with a party to one in their sentence, or a word that
        // is unambiguous. Once an incident is known, an auxiliary one may
        // still add to it ("Five people died.").
        let needs: Vec<bool> = live.iter().map(|h| self.needs_context(h)).collect();
        if needs.contains(&true) {
            // An unambiguous trigger beside it is context enough.
            let unambiguous = needs.contains(&false);
            let mut needs = needs.into_iter();
            live.retain(|h| {
                !needs.next().unwrap_or(false)
                    || unambiguous
                    || (has_prior && h.what.is_auxiliary())
                    || (self.party_in_sentence(sentence, h)
                        && !self.only_the_dead(sentence, h)
                        && !self.weapon_not_used(sentence, h))
                    || (h.what == Cat::Kill && self.death_by_violence(sentence, h))
            });
        }
        live
    }
}

struct Classifier<'c, 'a> {
    an: &'c Annotated<'a>,
    sentence: Span,
    live: &'c [Hit<Cat>],
}

impl Classifier<'_, '_> {
    fn has(&self, cat: Cat) -> Option<Span> {
        self.live.iter().find(|h| h.what == cat).map(|h| h.span)
    }

    fn reading(&self, sub: SubEventType, anchor: Span, cat: Cat) -> Option<Reading> {
        let word = self.an.slice(anchor).to_ascii_lowercase();
        Some(Reading {
            sub,
            anchor,
            auxiliary: cat.is_auxiliary(),
            weak: WEAK_WORDS.contains(&word.as_str()),
        })
    }

    fn classify(&self) -> Option<Reading> {
        let labour = self.an.cue_in(self.sentence, Cue::Labour);
        let air_context =
            self.an.cue_in(self.sentence, Cue::AirContext) || self.has(Cat::Air).is_some();
        let strike = self.has(Cat::Strike);
        let air_strike = strike.filter(|_| air_context);
        let labour_strike = strike.filter(|_| !air_context && labour);
        self.remote(air_strike)
            .or_else(|| self.demonstration(labour_strike))
            .or_else(|| self.riot())
            .or_else(|| self.territory())
            .or_else(|| {
                self.targeting()
                    .filter(|_| self.only_details_beside_targeting())
            })
            .or_else(|| self.battle_or_violence())
            .or_else(|| self.targeting())
            .or_else(|| self.strategic())
    }

    /// Every other live trigger is a detail (a death, a shot): "The regime
    /// forces kill 3 citizens in its targeting of a city" is the shelling
    /// that killed them.
    fn only_details_beside_targeting(&self) -> bool {
        self.live
            .iter()
            .all(|h| h.what.is_auxiliary() || is_target_word(self.an.slice(h.span)))
    }

    /// "Regime forces target areas of Daraa countryside": fire from afar,
    /// read only when no other word of the sentence says more ("the blast
    /// that targeted coalition forces" is the blast, "attacked and
    /// targeted" the attack). Targeting during a ground clash is the
    /// battle's.
    fn targeting(&self) -> Option<Reading> {
        let s = self
            .live
            .iter()
            .find(|h| h.what == Cat::Shelling && is_target_word(self.an.slice(h.span)))?
            .span;
        if self.has(Cat::Clash).or(self.has(Cat::Ambush)).is_some() {
            return None;
        }
        self.reading(
            SubEventType::ShellingArtilleryMissileAttack,
            s,
            Cat::Shelling,
        )
    }

    fn remote(&self, air_strike: Option<Span>) -> Option<Reading> {
        use SubEventType as S;
        let generic_ied = |s: Span| {
            let w = self.an.slice(s).to_ascii_lowercase();
            w.starts_with("explosion")
                || w.starts_with("bombing")
                || matches!(w.as_str(), "exploded" | "blast" | "blasts" | "detonated")
        };
        let ied = self
            .live
            .iter()
            .find(|h| h.what == Cat::Ied)
            .map(|h| h.span);
        let specific_ied = self
            .live
            .iter()
            .find(|h| h.what == Cat::Ied && !generic_ied(h.span))
            .map(|h| h.span)
            .or_else(|| self.bomb_that_killed());
        let clash = self.has(Cat::Clash).or(self.has(Cat::Ambush));
        let shelling = self
            .live
            .iter()
            .find(|h| h.what == Cat::Shelling && !is_target_word(self.an.slice(h.span)))
            .map(|h| h.span);
        let ordered = [
            (self.has(Cat::Chemical), S::ChemicalWeapon, Cat::Chemical),
            (self.has(Cat::Suicide), S::SuicideBomb, Cat::Suicide),
            (
                self.has(Cat::Air).or(air_strike),
                S::AirDroneStrike,
                Cat::Air,
            ),
            (self.has(Cat::Grenade), S::Grenade, Cat::Grenade),
            (specific_ied, S::RemoteExplosiveLandmineIed, Cat::Ied),
            // Shelling during a ground clash is part of the battle.
            (
                shelling.filter(|_| clash.is_none()),
                S::ShellingArtilleryMissileAttack,
                Cat::Shelling,
            ),
            (ied, S::RemoteExplosiveLandmineIed, Cat::Ied),
        ];
        ordered
            .into_iter()
            .find_map(|(span, sub, cat)| span.map(|s| (s, sub, cat)))
            .and_then(|(s, sub, cat)| self.reading(sub, s, cat))
    }

    /// "A bomb killed a soldier": the bomb right before a live death word.
    /// "Bomb" alone is no trigger (a threat, a scare, a flop), but the
    /// subject of a killing is the weapon of one.
    fn bomb_that_killed(&self) -> Option<Span> {
        self.live
            .iter()
            .filter(|h| h.what == Cat::Kill)
            .filter_map(|h| self.an.word_before(h.span))
            .find(|&w| {
                let word = self.an.slice(w);
                word.eq_ignore_ascii_case("bomb") || word.eq_ignore_ascii_case("bombs")
            })
    }

    fn demonstration(&self, labour_strike: Option<Span>) -> Option<Reading> {
        use SubEventType as S;
        let anchor = self.has(Cat::Protest).or(labour_strike)?;
        // "Soldiers ... marched to Fertit and beat people": armed men
        // marching are not demonstrators ("police dispersed protesters" are
        // still protesters).
        let noun = {
            let word = self.an.slice(anchor).to_ascii_lowercase();
            word.starts_with("protester") || word.starts_with("demonstrator")
        };
        let (agent, _) = self.an.agent_and_target(self.sentence, anchor);
        if !noun && agent.is_some_and(|m| self.an.is_armed(&m)) {
            return None;
        }
        // "Cadres attacked musicians hired for rallies": the attack is the
        // event, the protest word only a circumstance.
        let violence_first = self.live.iter().any(|h| {
            h.span.end <= anchor.start
                && matches!(h.what, Cat::Attack | Cat::Kill | Cat::Shoot | Cat::Abduct)
                && self
                    .an
                    .agent_and_target(self.sentence, h.span)
                    .0
                    .is_some_and(|m| self.an.is_armed(&m) && !self.an.is_state(&m))
        });
        if violence_first {
            return None;
        }
        // "protested against insecurity and looting": what a protest is
        // about is no violence of its own, when the preposition follows the
        // protest word. A verb in the past is an act, though ("protested
        // against the tax and clashed with police"), and so is what
        // "protesters angry about the ban" did.
        let topic = |h: &Hit<Cat>| {
            h.span.start >= anchor.end
                && !self.an.slice(h.span).to_ascii_lowercase().ends_with("ed")
                && {
                    let gap = self.an.slice(Span::new(anchor.end, h.span.start));
                    !gap.contains([',', ';', '.'])
                        && lower_words(gap).next().is_some_and(|w| {
                            matches!(
                                w.as_str(),
                                "against" | "over" | "about" | "denouncing" | "condemning"
                            )
                        })
                }
        };
        let violent = self.live.iter().any(|h| {
            matches!(
                h.what,
                Cat::Riot | Cat::Burn | Cat::Loot | Cat::Clash | Cat::Mob
            ) && !topic(h)
        }) || self.unarmed_roadblock().is_some();
        let state_present = self
            .an
            .actors_in(self.sentence)
            .any(|m| self.an.is_state(m));
        let lethal = self.has(Cat::Kill).is_some() || self.has(Cat::Shoot).is_some();
        // "Police attacked the demonstrators with batons": force used on a
        // protest, with no death told, is an intervention.
        let state_attack = self.live.iter().any(|h| {
            h.what == Cat::Attack
                && self
                    .an
                    .agent_and_target(self.sentence, h.span)
                    .0
                    .is_some_and(|m| self.an.is_state(&m))
        });
        let sub = if violent {
            S::ViolentDemonstration
        } else if self.has(Cat::ExcessiveForce).is_some() || (lethal && state_present) {
            S::ExcessiveForceAgainstProtesters
        } else if self.has(Cat::Intervention).is_some()
            || self.has(Cat::Arrest).is_some()
            || state_attack
        {
            S::ProtestWithIntervention
        } else {
            S::PeacefulProtest
        };
        self.reading(sub, anchor, Cat::Protest)
    }

    /// A live road block whose doer is not armed ("police closed the road"
    /// is not a demonstration).
    fn unarmed_roadblock(&self) -> Option<Span> {
        let s = self.has(Cat::Roadblock)?;
        let (agent, _) = self.an.agent_and_target(self.sentence, s);
        agent.is_none_or(|m| !self.an.is_armed(&m)).then_some(s)
    }

    fn riot(&self) -> Option<Reading> {
        use SubEventType as S;
        if let Some(s) = self.has(Cat::Mob) {
            return self.reading(S::MobViolence, s, Cat::Mob);
        }
        if let Some(s) = self.has(Cat::Riot) {
            return self.reading(S::ViolentDemonstration, s, Cat::Riot);
        }
        // "Residents blocked the road to Kisumu": a road block by a crowd,
        // by residents or by no one named, with no protest word, is still a
        // demonstration; one by the government is not.
        if let Some(s) = self.unarmed_roadblock() {
            let (agent, _) = self.an.agent_and_target(self.sentence, s);
            let crowd = agent.is_none_or(|m| {
                matches!(
                    m.actor,
                    ActorRef::Agent(
                        AgentKind::Civilians | AgentKind::Protesters | AgentKind::Rioters
                    )
                )
            });
            if crowd {
                return self.reading(S::ViolentDemonstration, s, Cat::Riot);
            }
        }
        // Fires and looting by crowds (not by armed groups) are riots.
        let damage = self.has(Cat::Burn).or(self.has(Cat::Loot))?;
        let crowd = self.an.actors_in(self.sentence).any(|m| {
            matches!(
                m.actor,
                ActorRef::Agent(AgentKind::Rioters | AgentKind::Protesters)
            )
        });
        let armed = self
            .an
            .actors_in(self.sentence)
            .any(|m| self.an.is_armed(m) && !self.an.is_state(m));
        if crowd && !armed {
            self.reading(S::ViolentDemonstration, damage, Cat::Riot)
        } else {
            None
        }
    }

    /// Does a place or a word like "town" follow the verb?
    fn has_territory_object(&self, trigger: Span) -> bool {
        let window_end = (trigger.end + 80).min(self.sentence.end);
        // The place must be the verb's object ("seized Kismayo", "took the
        // strategic town Y"), not where something else was seized ("seized
        // 3,000 kilos of meat at a market in Quezon City").
        let word = self.an.slice(trigger).to_ascii_lowercase();
        let of_control = word.starts_with("control");
        // An advance goes "in", "on" or "into" the ground it takes.
        let advance = is_advance_word(&word);
        let place_follows = self.an.places.iter().any(|p| {
            p.span.start >= trigger.end
                && p.span.start < window_end
                && (of_control
                    || !lower_words(self.an.slice(Span::new(trigger.end, p.span.start))).any(|w| {
                        match w.as_str() {
                            "in" | "on" | "inside" => !advance,
                            "at" | "near" | "outside" | "during" => true,
                            _ => false,
                        }
                    }))
        });
        place_follows
            || self
                .an
                .words_after(trigger, self.sentence.end, 6)
                .iter()
                .any(|w| TERRITORY_OBJECTS.contains(&w.as_str()))
            || self.proper_name_after_from(trigger, window_end)
    }

    /// "dislodged Boko Haram from Ngoshe": a capitalised name after "from"
    /// that is no actor is the ground taken, even when the gazetteer lacks
    /// it (villages often are).
    fn proper_name_after_from(&self, trigger: Span, window_end: usize) -> bool {
        let window = Span::new(trigger.end, window_end.max(trigger.end));
        let an = self.an;
        word_spans(an.text, window).windows(2).any(|pair| {
            let (from, name) = (pair[0], pair[1]);
            an.slice(from).eq_ignore_ascii_case("from")
                && an.slice(name).starts_with(|c: char| c.is_uppercase())
                && !an.actors.iter().any(|a| a.span.overlaps(name))
        })
    }

    fn territory(&self) -> Option<Reading> {
        use SubEventType as S;
        if let Some(s) = self.has(Cat::Withdraw) {
            return self.reading(S::NonViolentTransferOfTerritory, s, Cat::Withdraw);
        }
        // "Violent clashes ... and the regime forces advance in the
        // countryside": an advance in a battle told as such is the battle;
        // ground is taken when the text says so ("captured", "took").
        let clash = self.has(Cat::Clash).is_some();
        let capture = self
            .live
            .iter()
            .find(|h| h.what == Cat::Capture && !(clash && is_advance_word(self.an.slice(h.span))))
            .map(|h| h.span);
        let (span, cat) = self
            .has(Cat::GovRetake)
            .map(|s| (s, Cat::GovRetake))
            .or_else(|| capture.map(|s| (s, Cat::Capture)))?;
        if !self.has_territory_object(span) {
            return None;
        }
        let (agent, _) = self.an.agent_and_target(self.sentence, span);
        let state_agent = match agent {
            Some(m) => self.an.is_state(&m),
            // "the town was retaken": government by default, "fell to" not.
            None => cat == Cat::GovRetake,
        };
        let sub = if state_agent {
            S::GovernmentRegainsTerritory
        } else {
            S::NonStateActorOvertakesTerritory
        };
        self.reading(sub, span, cat)
    }

    fn armed_target_follows(&self, trigger: Span) -> bool {
        self.an
            .words_after(trigger, self.sentence.end, 6)
            .iter()
            .any(|w| ARMED_TARGETS.contains(&w.as_str()))
    }

    fn battle_or_violence(&self) -> Option<Reading> {
        use SubEventType as S;
        if let Some(s) = self.has(Cat::Clash) {
            // Police clashing with traders or activists is a riot, not a battle.
            // Civilians count as a crowd only facing the police ("police
            // and informal traders clashed").
            let police = self
                .an
                .actors_in(self.sentence)
                .any(|m| matches!(m.actor, ActorRef::Agent(AgentKind::Police)));
            let crowd = self.an.actors_in(self.sentence).any(|m| match m.actor {
                ActorRef::Agent(AgentKind::Protesters | AgentKind::Rioters) => true,
                ActorRef::Agent(AgentKind::Civilians) => police,
                _ => false,
            });
            let non_state_armed = self
                .an
                .actors_in(self.sentence)
                .any(|m| self.an.is_armed(m) && !self.an.is_state(m));
            let sub = if crowd && !non_state_armed {
                S::ViolentDemonstration
            } else {
                S::ArmedClash
            };
            return self.reading(sub, s, Cat::Clash);
        }
        if let Some(s) = self.has(Cat::Abduct) {
            return self.reading(S::AbductionForcedDisappearance, s, Cat::Abduct);
        }
        if let Some(s) = self.has(Cat::Sexual) {
            return self.reading(S::SexualViolence, s, Cat::Sexual);
        }
        // "Two people were doused in petrol and set alight": people burned
        // are attacked, not property destroyed.
        if let Some(s) = self.has(Cat::Burn) {
            let (agent, target) = self.an.agent_and_target(self.sentence, s);
            // A passive spread over two verbs ("were doused ... and set
            // alight") leaves the victim where the agent would be.
            let passive_subject = agent.filter(|m| {
                lower_words(self.an.slice(Span::new(m.span.end, s.start)))
                    .next()
                    .is_some_and(|w| w == "were" || w == "was")
            });
            if target
                .or(passive_subject)
                .is_some_and(|m| self.an.is_civilian(&m))
            {
                return self.reading(S::Attack, s, Cat::Attack);
            }
        }
        let (span, cat) = [Cat::Ambush, Cat::Attack, Cat::Storm, Cat::Shoot, Cat::Kill]
            .iter()
            .find_map(|c| self.has(*c).map(|s| (s, *c)))?;
        // Police "raids and arrests" are arrests.
        let raid = self.an.slice(span).to_ascii_lowercase().starts_with("raid");
        if raid && self.has(Cat::Arrest).is_some() {
            return None;
        }
        let (agent, target) = self.an.agent_and_target(self.sentence, span);
        // "Police raided the newspaper's offices and closed it down": a
        // raid by state forces with no violence named is a strategic
        // development, not an attack.
        let violence_named = self.live.iter().any(|h| {
            h.span != span
                && matches!(
                    h.what,
                    Cat::Kill | Cat::Shoot | Cat::Abduct | Cat::Sexual | Cat::Attack | Cat::Storm
                )
        }) || self.an.cue_in(self.sentence, Cue::Injury);
        if raid && !violence_named && agent.is_some_and(|m| self.an.is_state(&m)) {
            return self.reading(S::Other, span, Cat::OtherSd);
        }
        // "107 were killed including 23 members of the regime forces": with
        // no grammatical victim, armed men among those named after the
        // verb make it a battle.
        let armed_named_after = || {
            self.an
                .actors_in(Span::new(span.end, self.sentence.end))
                .any(|m| self.an.is_armed(m) && agent.is_none_or(|a| a.span != m.span))
        };
        // "Forty people were killed, including 12 soldiers".
        let armed_among_victims = || {
            self.an
                .actors_in(Span::new(span.end, self.sentence.end))
                .any(|m| {
                    self.an.is_armed(m)
                        && self.an.cues.iter().any(|c| {
                            c.what == Cue::Including
                                && c.span.start >= span.end
                                && c.span.end <= m.span.start
                        })
                })
        };
        // "A policeman died of wounds sustained in an attack".
        let armed_dead = || {
            self.live.iter().any(|h| {
                h.what == Cat::Kill
                    && self
                        .an
                        .agent_and_target(self.sentence, h.span)
                        .1
                        .is_some_and(|m| {
                            self.an.is_armed(&m)
                                && self.an.is_passive_or_intransitive(self.sentence, h.span)
                        })
            })
        };
        let armed_target = armed_dead()
            || target.is_some_and(|m| self.an.is_armed(&m))
            || (target.is_none() && (self.armed_target_follows(span) || armed_named_after()))
            || armed_among_victims();
        let crowd_agent =
            agent.is_some_and(|m| matches!(m.actor, ActorRef::Agent(AgentKind::Rioters)));
        if armed_target && agent.is_none_or(|m| self.an.is_armed(&m)) {
            self.reading(S::ArmedClash, span, cat)
        } else if crowd_agent {
            self.reading(S::MobViolence, span, Cat::Mob)
        } else {
            self.reading(S::Attack, span, cat)
        }
    }

    fn strategic(&self) -> Option<Reading> {
        use SubEventType as S;
        // Weapons seized or an attack foiled come before the arrests made
        // in the same operation: ACLED's Arrests is for detaining
        // significant people, Disrupted weapons use covers the operation.
        let ordered = [
            (Cat::Disrupted, S::DisruptedWeaponsUse),
            (Cat::Arrest, S::Arrests),
            (Cat::Agreement, S::Agreement),
            (Cat::GroupChange, S::ChangeToGroupActivity),
            (Cat::Base, S::HeadquartersOrBaseEstablished),
            (Cat::Loot, S::LootingPropertyDestruction),
            (Cat::Burn, S::LootingPropertyDestruction),
            (Cat::Intervention, S::Other),
            (Cat::OtherSd, S::Other),
        ];
        ordered
            .into_iter()
            .find_map(|(cat, sub)| self.has(cat).map(|s| (s, sub, cat)))
            .and_then(|(s, sub, cat)| self.reading(sub, s, cat))
    }
}

/// Verbs whose object, when it is a weapon, was taken out of use before it
/// was used: "seized a suicide vest", "recovered two IEDs".
const SEIZURE_VERBS: [&str; 12] = [
    "seized",
    "seize",
    "seizing",
    "recovered",
    "confiscated",
    "found",
    "discovered",
    "intercepted",
    "impounded",
    "uncovered",
    "defused",
    "dismantled",
];

/// Words that, between a seizure verb and an explosive, show the explosive
/// is not the verb's object ("bodies were found after a bomb blast").
const NOT_AN_OBJECT: [&str; 16] = [
    "after",
    "before",
    "in",
    "by",
    "when",
    "following",
    "during",
    "at",
    "on",
    "near",
    "from",
    "as",
    "while",
    "that",
    "which",
    "who",
];

/// An explosive the text names as the object of a seizure ("seized a
/// suicide vest and grenades", "two IEDs were recovered") is ACLED's
/// Disrupted weapons use, not an explosion. Active voice: a seizure verb at
/// most six words before the explosive in the same clause, with only its
/// object's words between. Passive: "was/were/been" and a seizure verb
/// right after it. The verb itself then is no capture of territory
/// ("recovered" also means retaking a town). The fixed bigrams in the
/// lexicon ("seized explosives") cover only the commonest wordings.
fn seized_weapons_are_disrupted(text: &str, mut triggers: Vec<Hit<Cat>>) -> Vec<Hit<Cat>> {
    let mut verbs: Vec<Span> = Vec::new();
    for hit in &mut triggers {
        if !hit.what.is_remote() || hit.what == Cat::Air {
            continue;
        }
        // "a huge arsenal of 36 rifles, two grenade launchers, 13 hand
        // grenades", "a cache of mortars and rockets": weapons in store.
        if listed_in_a_store(text, hit.span) {
            hit.what = Cat::Disrupted;
            continue;
        }
        if hit.what == Cat::Shelling {
            continue;
        }
        if let Some(verb) = seized_before(text, hit.span).or_else(|| seized_after(text, hit.span)) {
            hit.what = Cat::Disrupted;
            verbs.push(verb);
        }
    }
    for hit in &mut triggers {
        if matches!(hit.what, Cat::GovRetake | Cat::Capture)
            && verbs.iter().any(|v| v.overlaps(hit.span))
        {
            hit.what = Cat::Disrupted;
        }
    }
    triggers
}

/// Byte spans of the words (runs of letters, digits and hyphens, as
/// `lower_words` splits them) inside `within`.
pub(crate) fn word_spans(text: &str, within: Span) -> Vec<Span> {
    let mut out = Vec::with_capacity(within.len() / 6 + 1);
    out.extend(Words::new(text, within));
    out
}

/// The words of [`word_spans`], one at a time, for scans that stop at a few
/// of them and need no list of all.
pub(crate) struct Words<'a> {
    slice: &'a str,
    base: usize,
    at: usize,
}

impl<'a> Words<'a> {
    pub(crate) fn new(text: &'a str, within: Span) -> Self {
        Words {
            slice: text.get(within.start..within.end).unwrap_or(""),
            base: within.start,
            at: 0,
        }
    }

    /// Whether the non-ASCII char at `i` belongs to a word, and its length.
    fn wide_char_at(&self, i: usize) -> (bool, usize) {
        match self.slice.get(i..).and_then(|t| t.chars().next()) {
            Some(c) => (c.is_alphanumeric(), c.len_utf8()),
            None => (false, 1),
        }
    }
}

/// An ASCII byte of a word: a letter, a digit or a hyphen (an ASCII byte is
/// a letter or digit exactly when it is as a char).
fn is_word_span_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

impl Iterator for Words<'_> {
    type Item = Span;

    // ASCII runs are stepped over byte by byte; only other chars are
    // decoded.
    fn next(&mut self) -> Option<Span> {
        let bytes = self.slice.as_bytes();
        let n = bytes.len();
        loop {
            while self.at < n && bytes[self.at].is_ascii() && !is_word_span_byte(bytes[self.at]) {
                self.at += 1;
            }
            if self.at >= n {
                return None;
            }
            if bytes[self.at].is_ascii() {
                break;
            }
            let (in_word, len) = self.wide_char_at(self.at);
            if in_word {
                break;
            }
            self.at += len;
        }
        let start = self.at;
        loop {
            while self.at < n && is_word_span_byte(bytes[self.at]) {
                self.at += 1;
            }
            if self.at >= n || bytes[self.at].is_ascii() {
                break;
            }
            let (in_word, len) = self.wide_char_at(self.at);
            if !in_word {
                break;
            }
            self.at += len;
        }
        Some(Span::new(self.base + start, self.base + self.at))
    }
}

/// `words` of `text`, each with its lower-cased form.
fn lowered(text: &str, words: Vec<Span>) -> Vec<(Span, String)> {
    words
        .into_iter()
        .map(|w| (w, text[w.start..w.end].to_ascii_lowercase()))
        .collect()
}

/// Punctuation that ends a clause for the look-arounds below.
const CLAUSE_BREAKS: [char; 6] = [',', ';', '.', '!', '?', '\n'];

/// The largest char boundary of `text` at or below `i`.
fn char_floor(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Start of the clause that `pos` is in, looking at most 80 bytes back.
fn clause_start(text: &str, pos: usize) -> usize {
    let from = char_floor(text, pos.saturating_sub(80));
    let before = text.get(from..pos).unwrap_or("");
    match before.rfind(CLAUSE_BREAKS) {
        Some(i) => from + i + 1,
        None => from,
    }
}

/// Nouns of weapons kept rather than used, before "of" ("an arsenal of").
const WEAPON_STORES: &[&str] = &[
    "arsenal",
    "arsenals",
    "cache",
    "caches",
    "stockpile",
    "stockpiles",
    "stash",
    "haul",
    "consignment",
    "shipment",
];

/// Words that end a store's list: a weapon after them is used, not kept
/// ("attacked a consignment of aid with grenades", "a stockpile of fuel
/// hit by rockets").
const LIST_ENDS: &[&str] = &[
    "with", "using", "fired", "launched", "hit", "struck", "exploded", "killed", "killing",
];

/// How far back, in bytes, a store noun may stand before a weapon it lists.
const STORE_REACH: usize = 200;

/// `span` (a weapon word) is an item of a list that a store noun opens in
/// the same sentence ("an arsenal of 36 rifles, ..., 13 hand grenades"):
/// no sentence break between, and none of [`NOT_AN_OBJECT`]'s or
/// [`LIST_ENDS`]'s words, which would show the weapon is told of otherwise
/// ("a cache of rifles near the site of the rocket attack").
fn listed_in_a_store(text: &str, span: Span) -> bool {
    let from = char_floor(text, span.start.saturating_sub(STORE_REACH));
    let before = text.get(from..span.start).unwrap_or("");
    let from = match before.rfind(['.', ';', '!', '?', '\n']) {
        Some(i) => from + i + 1,
        None => from,
    };
    // This runs for every explosive word: the words are compared in
    // place, not lower-cased into copies.
    let words: Vec<&str> = Words::new(text, Span::new(from, span.start))
        .map(|w| &text[w.start..w.end])
        .collect();
    let Some(of) = words
        .windows(2)
        .rposition(|pair| is_one_of(pair[0], WEAPON_STORES) && pair[1].eq_ignore_ascii_case("of"))
    else {
        return false;
    };
    !words[of + 2..]
        .iter()
        .any(|w| is_one_of(w, &NOT_AN_OBJECT) || is_one_of(w, LIST_ENDS))
}

fn seized_before(text: &str, span: Span) -> Option<Span> {
    let clause = Span::new(clause_start(text, span.start), span.start);
    let words = lowered(text, word_spans(text, clause));
    for (i, (verb, w)) in words.iter().enumerate().rev().take(6) {
        if SEIZURE_VERBS.contains(&w.as_str()) {
            let only_its_object = !words[i + 1..]
                .iter()
                .any(|(_, between)| NOT_AN_OBJECT.contains(&between.as_str()));
            return only_its_object.then_some(*verb);
        }
    }
    None
}

fn seized_after(text: &str, span: Span) -> Option<Span> {
    let to = char_floor(text, span.end + 40);
    let clause_end = text
        .get(span.end..to)
        .and_then(|t| t.find(CLAUSE_BREAKS))
        .map_or(to, |i| span.end + i);
    let words = lowered(text, word_spans(text, Span::new(span.end, clause_end)));
    words
        .iter()
        .take(4)
        .collect::<Vec<_>>()
        .windows(2)
        .find_map(|pair| {
            (matches!(pair[0].1.as_str(), "was" | "were" | "been" | "being")
                && SEIZURE_VERBS.contains(&pair[1].1.as_str()))
            .then_some(pair[1].0)
        })
}

/// The items of `sorted` (ordered by the start of `span_of`) that start
/// inside `span`, found by binary search: a superset of those `span`
/// contains, for readers that go on to test containment.
pub fn starting_in<T>(sorted: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> &[T] {
    let from = sorted.partition_point(|x| span_of(x).start < span.start);
    let to = from + sorted[from..].partition_point(|x| span_of(x).start < span.end);
    &sorted[from..to]
}

/// The mention's feature is a whole country.
pub fn is_country(p: &PlaceMention) -> bool {
    p.place.feature == FeatureKind::Country
}

/// "explosion", "blast", "exploded": what a gas leak does as well as a bomb.
fn is_blast_word(word: &str) -> bool {
    ["explosion", "explosions", "blast", "blasts", "exploded"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// "since 2014": "since" and a year alone (the caller takes only
/// background dates, so the year is past).
fn is_since_a_year(date: &str) -> bool {
    date.get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("since"))
        && date.get(5..).is_some_and(|rest| {
            let rest = rest.trim();
            rest.len() == 4 && rest.bytes().all(|b| b.is_ascii_digit())
        })
}

/// A four-digit year is written in `date` ("June 1914", "2002").
fn writes_a_year(date: &str) -> bool {
    date.split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits.len() == 4)
}

/// `word` is one of `nouns` (lower case) or its plural in -s or -es,
/// ignoring ASCII case.
fn is_noun_in(word: &str, nouns: &[&str]) -> bool {
    let word = word.as_bytes();
    nouns.iter().any(|n| {
        word.len() >= n.len()
            && word[..n.len()].eq_ignore_ascii_case(n.as_bytes())
            && matches!(&word[n.len()..], b"" | b"s" | b"es" | b"S" | b"ES")
    })
}

/// A riot's damage word ("vandalised", "smashed", "shattered"): one
/// person's as readily as a crowd's.
fn is_damage_word(word: &str) -> bool {
    ["vandal", "smash", "shatter"]
        .iter()
        .any(|damage| starts_with_ignore_case(word, damage))
}

/// `word` equals one of `words` (given in lower case), ignoring ASCII case.
fn is_one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// `word` begins with `prefix`, ignoring ASCII case.
fn starts_with_ignore_case(word: &str, prefix: &str) -> bool {
    word.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The index of the sentence holding `pos`, by binary search: sentences
/// are in text order and do not overlap. An empty sentence holds its start.
fn sentence_index(sentences: &[Span], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end.max(s.start + 1) <= pos);
    sentences.get(i).filter(|s| s.start <= pos).map(|_| i)
}

/// The first sentence that holds a whole trigger, where incidents can begin.
fn first_event_sentence(sentences: &[Span], triggers: &[Hit<Cat>]) -> Option<Span> {
    triggers
        .iter()
        .filter_map(|h| {
            let i = sentence_index(sentences, h.span.start)?;
            sentences.get(i)?.contains(h.span).then_some(i)
        })
        .min()
        .and_then(|i| sentences.get(i).copied())
}

/// Trigger, cue, actor, date and count annotation of a whole document:
/// what the text alone says. The places come with
/// [`Annotated::with_places`], once [`Annotated::may_report_events`] says
/// the document is worth geoparsing.
pub fn annotate_text<'a>(doc: &'a Document, dict: &'static ActorDictionary) -> Annotated<'a> {
    let text = doc.text.as_str();
    // Actors, triggers and cues in one pass over the text.
    let scanned = dict.scan(text);
    let actors = off_duty_are_civilians(
        text,
        reporters_dropped(
            text,
            heads_of_named_groups_dropped(
                text,
                agents_in_organisation_names_dropped(text, scanned.actors),
            ),
        ),
    );
    let sentences = sitrep_text::sentences::split_sentences(text);
    let triggers = seized_weapons_are_disrupted(text, scanned.triggers);
    // Counts and dates are read from the first sentence that can report an
    // event on: before it no incident exists for them to belong to (a
    // reading needs a trigger inside its sentence, and a part without one
    // only adds to an incident already found). Most news sentences are
    // not about events, and reading every word as a possible date or count
    // was a seventh of the work. One tokenisation for both scans.
    let (quantities, dates) = match first_event_sentence(&sentences, &triggers) {
        Some(from) => sitrep_text::quantities_and_dates(
            text,
            Span::new(from.start, text.len()),
            doc.published,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let mut dates = dates;
    if doc.published.is_none() {
        sitrep_text::dates::mark_history_against_latest(&mut dates);
    }
    // "on 17 and 21 June": day numbers are not counts.
    let quantities: Vec<Quantity> = quantities
        .into_iter()
        .filter(|q| !dates.iter().any(|d| d.span.overlaps(q.span)))
        .collect();
    debug_assert!(scanned.cues.is_sorted_by_key(|h| h.span.start));
    debug_assert!(triggers.is_sorted_by_key(|h| h.span.start));
    debug_assert!(quantities.is_sorted_by_key(|q| q.span.start));
    Annotated {
        doc,
        text,
        sentences,
        triggers,
        cues: scanned.cues,
        actors,
        places: Vec::new(),
        quantities,
        dates,
        dict,
        outlet: doc.source.as_deref().and_then(outlet::outlet_country),
        liveness: RefCell::default(),
    }
}

impl<'a> Annotated<'a> {
    /// The same annotations with the geoparser's mentions, less the
    /// modifiers ("Syrian troops"), those inside a named actor and, for a
    /// national outlet, far-away namesakes nothing else supports.
    pub fn with_places<'b>(self, places: &'b [PlaceMention]) -> Annotated<'b>
    where
        'a: 'b,
    {
        let mut an: Annotated<'b> = self;
        let kept: Vec<&PlaceMention> = places
            .iter()
            .filter(|p| {
                // "Syrian troops" names a country, not where they fought.
                p.relation != Relation::Modifier
                    && !an
                        .actors
                        .iter()
                        .any(|a| a.span.overlaps(p.span) && matches!(a.actor, ActorRef::Named(_)))
            })
            .collect();
        an.places = match an.outlet {
            Some(home) => drop_far_namesakes(an.text, kept, &an.actors, an.dict, home),
            None => kept,
        };
        an
    }

    /// Can any incident begin? Only in a sentence with a trigger that is
    /// live as the first reading of a document ([`Annotated::read_span`]'s
    /// test with no incident before it), which no place decides: a
    /// document with none reports no event, and needs no geoparsing.
    ///
    /// A clause is read on its own only inside such a sentence in
    /// practice: cues never cross the commas that bound clauses, and a
    /// clause's conflict context is its whole sentence's. The one way a
    /// trigger could be live in a clause and not in its sentence is a
    /// look-ahead cut short at the clause's end ("executed the
    /// operation"); output was byte-identical with and without this test
    /// on 20,000 bench articles and both event dev sets.
    pub fn may_report_events(&self) -> bool {
        self.sentences
            .iter()
            .any(|&s| !self.live_triggers(s, false).is_empty())
    }
}

/// "Boko Haram fighters", "MINUSCA peacekeepers", "FARDC soldiers": an
/// armed common noun right after a named actor is that actor, not a second
/// one (and takes no demonym of its own: "a Senegalese MINUSCA peacekeeper"
/// is MINUSCA).
/// Words after an agent that make it the report's source, not a party to
/// the event: "police said", "an army spokesman told reporters".
const REPORTING_WORDS: [&str; 14] = [
    "said",
    "says",
    "say",
    "told",
    "reported",
    "added",
    "confirmed",
    "stated",
    "announced",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
    "sources",
];

/// Words that tell a vigil is a church service.
const LITURGY: [&str; 8] = [
    "paschal",
    "liturgy",
    "baptized",
    "baptised",
    "baptism",
    "resurrection",
    "eucharist",
    "catholics",
];

/// Verbs of saying whose date is the statement's ("said Thursday").
const STATEMENT_VERBS: [&str; 9] = [
    "said",
    "says",
    "told",
    "added",
    "confirmed",
    "stated",
    "announced",
    "declared",
    "insisted",
];

/// "an off-duty soldier", "former soldiers", "a retired police officer":
/// ACLED codes security personnel who are not on duty as civilians, so the
/// agent is a civilian (their march is a protest, an attack on them
/// violence against civilians).
fn off_duty_are_civilians(text: &str, found: Vec<ActorMention>) -> Vec<ActorMention> {
    found
        .into_iter()
        .map(|mut m| {
            let forces = matches!(
                m.actor,
                ActorRef::Agent(AgentKind::Police | AgentKind::Military)
            );
            if forces && not_on_duty(text, m.span) {
                m.actor = ActorRef::Agent(AgentKind::Civilians);
            }
            m
        })
        .collect()
}

/// Is the word right before `span` one that takes its bearer off duty?
fn not_on_duty(text: &str, span: Span) -> bool {
    let head = text.get(..span.start).unwrap_or("");
    // "off-duty" splits into "off" and "duty"; "ex-soldiers" keeps the
    // "ex" before the hyphen.
    let words: Vec<String> = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .map(str::to_ascii_lowercase)
        .collect();
    let first = words.first().map(String::as_str);
    let second = words.get(1).map(String::as_str);
    matches!(
        first,
        Some("former" | "retired" | "ex" | "demobilised" | "demobilized")
    ) || (first == Some("duty") && second == Some("off"))
}

/// State forces and officials named only as the source of the report
/// ("..., police said", "according to the army") are dropped: otherwise
/// the police who report a market bombing become its target. Named groups
/// are kept ("Islamic State said it carried out the attack" names the
/// perpetrator).
fn reporters_dropped(text: &str, found: Vec<ActorMention>) -> Vec<ActorMention> {
    found
        .into_iter()
        .filter(|m| {
            let official = matches!(
                m.actor,
                ActorRef::Agent(AgentKind::Police | AgentKind::Military | AgentKind::Government)
            );
            !(official && is_reporter(text, m.span))
        })
        .collect()
}

fn is_reporter(text: &str, span: Span) -> bool {
    let after = text.get(span.end..).unwrap_or("");
    let next_clause = after.split(CLAUSE_BREAKS).next().unwrap_or("");
    // "police said", "an army spokesman"; but not "forces were reported to
    // have..." (hedged, still the actor) nor "forces said they clashed"
    // (a party reporting its own action).
    let words: Vec<String> = lower_words(next_clause).take(3).collect();
    let reports_after = words.iter().take(2).enumerate().any(|(i, w)| {
        let passive = i > 0 && matches!(words[0].as_str(), "was" | "were" | "is" | "are");
        let self_report = words.get(i + 1).is_some_and(|next| {
            matches!(
                next.as_str(),
                "they" | "it" | "its" | "their" | "we" | "our"
            )
        });
        REPORTING_WORDS.contains(&w.as_str()) && !passive && !self_report
    });
    let from = char_floor(text, span.start.saturating_sub(24));
    let before = text
        .get(from..span.start)
        .unwrap_or("")
        .to_ascii_lowercase();
    let according_to = before
        .trim_end()
        .trim_end_matches(" the")
        .ends_with("according to");
    reports_after || according_to
}

/// Words that end the name of an association, not a force: "Police Wives
/// Association", "Police and Prisons Civil Rights Union".
const ORGANISATION_WORDS: [&str; 16] = [
    "association",
    "union",
    "unions",
    "federation",
    "council",
    "committee",
    "club",
    "society",
    "foundation",
    "league",
    "alliance",
    "network",
    "trust",
    "cooperative",
    "syndicate",
    "forum",
];

/// A capitalised agent word that opens the name of an association is part
/// of that name, not a party: "The Police and Prisons Civil Rights Union
/// marched" is a protest by a union, not police on the march. The name runs
/// over capitalised words and "and", "of", "for", "&", up to six words.
fn agents_in_organisation_names_dropped(text: &str, found: Vec<ActorMention>) -> Vec<ActorMention> {
    let opens_organisation_name = |m: &ActorMention| {
        if !matches!(m.actor, ActorRef::Agent(_)) {
            return false;
        }
        let starts_capitalised = text
            .get(m.span.start..m.span.end)
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
        if !starts_capitalised {
            return false;
        }
        let end = char_floor(text, (m.span.end + 120).min(text.len()));
        let rest = Span::new(m.span.end, end);
        let gap_is_space = |from: usize, to: usize| {
            text.get(from..to)
                .is_some_and(|g| g.chars().all(|c| c == ' ' || c == '&'))
        };
        let mut previous_end = m.span.end;
        for word in word_spans(text, rest).into_iter().take(6) {
            if !gap_is_space(previous_end, word.start) {
                return false;
            }
            previous_end = word.end;
            let w = &text[word.start..word.end];
            if ORGANISATION_WORDS.iter().any(|o| w.eq_ignore_ascii_case(o))
                && w.starts_with(|c: char| c.is_uppercase())
            {
                return true;
            }
            let joins = matches!(w, "and" | "of" | "for");
            if !joins && !w.starts_with(|c: char| c.is_uppercase()) {
                return false;
            }
        }
        false
    };
    found
        .into_iter()
        .filter(|m| !opens_organisation_name(m))
        .collect()
}

fn heads_of_named_groups_dropped(text: &str, found: Vec<ActorMention>) -> Vec<ActorMention> {
    let mut out: Vec<ActorMention> = Vec::with_capacity(found.len());
    for m in found {
        let head_of_previous = out.last().is_some_and(|prev| {
            matches!(prev.actor, ActorRef::Named(_))
                && matches!(m.actor, ActorRef::Agent(k) if k.is_armed())
                && text
                    .get(prev.span.end..m.span.start)
                    .is_some_and(|gap| gap.chars().all(char::is_whitespace))
        });
        if !head_of_previous {
            out.push(m);
        }
    }
    out
}

/// Places further than this from a national outlet's country, with nothing
/// else in the text pointing to their country, are taken for namesakes of a
/// local place the gazetteer lacks ("Berlin" in a South African paper).
const FAR_FROM_OUTLET_KM: f64 = 2500.0;

use sitrep_model::haversine_km;

/// Drops places in a far-away country that only they support: no country
/// word or demonym for it, no named actor from it, no other place in it.
fn drop_far_namesakes<'a>(
    text: &str,
    places: Vec<&'a PlaceMention>,
    actors: &[ActorMention],
    dict: &ActorDictionary,
    home: &Country,
) -> Vec<&'a PlaceMention> {
    let far = |p: &PlaceMention| {
        !p.place.country.is_empty()
            && p.place.country != home.name
            && haversine_km((p.place.lat, p.place.lon), (home.lat, home.lon)) > FAR_FROM_OUTLET_KM
    };
    if !places.iter().any(|p| far(p)) {
        return places;
    }
    let words = country_words(text);
    let supported = |p: &PlaceMention| {
        let country = p.place.country.as_str();
        words.iter().any(|(_, c)| *c == country)
            || actors.iter().any(|m| match m.actor {
                ActorRef::Named(i) => dict
                    .named
                    .get(i)
                    .is_some_and(|a| a.country.as_deref() == Some(country)),
                ActorRef::Agent(_) => false,
            })
            || places
                .iter()
                .any(|q| q.place.country == country && q.place.name != p.place.name)
    };
    let keep: Vec<bool> = places.iter().map(|p| !far(p) || supported(p)).collect();
    places
        .into_iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(p))
        .collect()
}

/// Capitalised words that are demonyms or country names, with the country.
///
/// Only words that start with a capital can be either, so the scan jumps
/// from capital to capital (one compare per byte) instead of splitting the
/// whole text into words; the words are still `word_spans`'s (tested).
pub fn country_words(text: &str) -> Vec<(Span, &'static str)> {
    let bytes = text.as_bytes();
    // Plain ASCII words are folded into one reused buffer, so the lookups
    // neither fold nor allocate again.
    let mut folded = String::new();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // 0xC0 and up open a multi-byte char, which may be a capital ("Égypte").
        let capital = b.is_ascii_uppercase()
            || (b >= 0xC0 && text[i..].chars().next().is_some_and(char::is_uppercase));
        if !capital || !opens_word_span(text, i) {
            i += 1;
            continue;
        }
        let Some(span) = Words::new(text, Span::new(i, text.len())).next() else {
            break;
        };
        i = span.end.max(i + 1);
        let raw = &text[span.start..span.end];
        if raw.len() < 4 {
            continue;
        }
        let w = if raw.bytes().all(|b| b.is_ascii_alphanumeric()) {
            folded.clear();
            folded.extend(raw.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            folded.as_str()
        } else {
            raw
        };
        if let Some(country) = countries::by_demonym(w) {
            // "a French tourist", "two Chinese engineers": whose
            // nationals they are, not where the story is.
            let next = Words::new(text, Span::new(span.end, text.len())).next();
            let nationality = next.is_some_and(|n| {
                let n = &text[n.start..n.end];
                NATIONALITY_NOUNS
                    .iter()
                    .any(|noun| n.eq_ignore_ascii_case(noun))
            });
            if !nationality {
                out.push((span, country.name));
            }
        } else if let Some(country) = countries::by_name(w) {
            out.push((span, country.name));
        }
    }
    out
}

/// No word char (as [`word_spans`] has them: letters, digits, hyphens)
/// right before byte `i`.
fn opens_word_span(text: &str, i: usize) -> bool {
    match text.get(..i).and_then(|t| t.chars().next_back()) {
        None => true,
        Some(c) if c.is_ascii() => !is_word_span_byte(c as u8),
        Some(c) => !c.is_alphanumeric(),
    }
}

/// Civilians named by nationality: a demonym before one of these says whose
/// citizen, not which country the report is about. Troops are not here: a
/// story's "Nigerian troops" are usually at home.
const NATIONALITY_NOUNS: [&str; 30] = [
    "tourist",
    "tourists",
    "national",
    "nationals",
    "citizen",
    "citizens",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "engineer",
    "engineers",
    "hostage",
    "hostages",
    "expatriate",
    "expatriates",
    "priest",
    "nun",
    "missionary",
    "missionaries",
    "businessman",
    "businessmen",
    "diplomat",
    "diplomats",
    "ambassador",
    "envoy",
    "embassy",
    "consulate",
    "passport",
    "tycoon",
];

#[cfg(test)]
mod word_span_tests {
    use super::*;

    /// The definition `word_spans` implements, one char at a time.
    fn by_chars(text: &str, within: Span) -> Vec<Span> {
        let slice = &text[within.start..within.end];
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in slice.char_indices().chain([(slice.len(), ' ')]) {
            match (start, c.is_alphanumeric() || c == '-') {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    out.push(Span::new(within.start + s, within.start + i));
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn words_are_letters_digits_and_hyphens() {
        let text = "Al-Shabaab's 12-year-old — Zürich, naïve…ok";
        let words: Vec<&str> = word_spans(text, Span::new(0, text.len()))
            .into_iter()
            .map(|w| &text[w.start..w.end])
            .collect();
        assert_eq!(
            words,
            ["Al-Shabaab", "s", "12-year-old", "Zürich", "naïve", "ok"]
        );
    }

    /// `country_words` as first written: every word, then the capitals.
    fn country_words_of_all_words(text: &str) -> Vec<(Span, &'static str)> {
        let words = by_chars(text, Span::new(0, text.len()));
        let mut out = Vec::new();
        for (i, &span) in words.iter().enumerate() {
            let raw = &text[span.start..span.end];
            if raw.len() < 4 || !raw.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let lower = if raw.is_ascii() {
                raw.to_ascii_lowercase()
            } else {
                raw.to_string()
            };
            if let Some(country) = countries::by_demonym(&lower) {
                let next = words.get(i + 1).map(|n| &text[n.start..n.end]);
                let nationality = next.is_some_and(|n| {
                    NATIONALITY_NOUNS
                        .iter()
                        .any(|noun| n.eq_ignore_ascii_case(noun))
                });
                if !nationality {
                    out.push((span, country.name));
                }
            } else if let Some(country) = countries::by_name(&lower) {
                out.push((span, country.name));
            }
        }
        out
    }

    #[test]
    fn country_words_skip_nationals_and_mid_word_capitals() {
        let text = "Nigerian troops and a French tourist left Al-Iraqi Mali; Égypte, Kenya-based";
        let found: Vec<&str> = country_words(text).into_iter().map(|(_, c)| c).collect();
        assert_eq!(
            found,
            country_words_of_all_words(text)
                .into_iter()
                .map(|(_, c)| c)
                .collect::<Vec<_>>()
        );
        assert!(
            found.contains(&"Nigeria") && found.contains(&"Mali"),
            "{found:?}"
        );
        assert!(
            !found.contains(&"France"),
            "a French tourist is a national: {found:?}"
        );
        assert!(
            !found.contains(&"Iraq"),
            "a capital inside a hyphenated word: {found:?}"
        );
    }

    /// The definition `sentence_index` implements: the first sentence whose
    /// span (an empty one counting its start) holds `pos`.
    fn sentence_by_scan(sentences: &[Span], pos: usize) -> Option<usize> {
        sentences
            .iter()
            .position(|s| s.start <= pos && pos < s.end.max(s.start + 1))
    }

    proptest::proptest! {
        #[test]
        fn sentence_index_is_the_scan(
            cuts in proptest::collection::vec((0usize..5, 0usize..8), 0..12),
            pos in 0usize..80,
        ) {
            // Sentences in text order, with gaps and empty ones.
            let mut sentences = Vec::new();
            let mut at = 0;
            for (gap, len) in cuts {
                sentences.push(Span::new(at + gap, at + gap + len));
                at += gap + len;
            }
            proptest::prop_assert_eq!(
                sentence_index(&sentences, pos),
                sentence_by_scan(&sentences, pos)
            );
        }

        #[test]
        fn country_words_agree_with_the_all_words_scan(
            words in proptest::collection::vec(
                "(Nigerian|French|tourist|Mali|Kenya|Égypte|Iraqi|Somalia|al|-|, |é|Syrians|NIGERIA)",
                0..12,
            ),
            seps in proptest::collection::vec("( |-|\\.|é|\u{a0}|)", 12),
        ) {
            let text: String = words.iter().zip(&seps).map(|(w, s)| format!("{w}{s}")).collect();
            proptest::prop_assert_eq!(country_words(&text), country_words_of_all_words(&text));
        }

        #[test]
        fn byte_scan_agrees_with_the_char_definition(
            text in "[a-zA-Z0-9 ,.'\\-éü—…\u{a0}\u{660}\u{4e00}]{0,40}",
            cut in 0usize..4,
        ) {
            // Any window on char boundaries, as callers pass clauses.
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let start = bounds[cut.min(bounds.len() - 1)];
            let within = Span::new(start, text.len());
            proptest::prop_assert_eq!(word_spans(&text, within), by_chars(&text, within));
        }
    }
}

#[cfg(test)]
mod starting_in_tests {
    use super::*;

    #[test]
    fn takes_the_items_that_start_inside_the_span() {
        let spans = [(0, 3), (4, 9), (8, 12), (12, 14), (20, 22)].map(|(s, e)| Span::new(s, e));
        let got = starting_in(&spans, Span::new(4, 12), |s| *s);
        assert_eq!(got, &spans[1..3]);
        assert!(starting_in(&spans, Span::new(15, 19), |s| *s).is_empty());
        assert_eq!(starting_in(&spans, Span::new(0, 100), |s| *s), &spans[..]);
    }
}

#[cfg(test)]
mod look_back_tests {
    use super::*;
    use crate::actors::DICTIONARY;
    use crate::lexicon::cues;

    fn annotated(doc: &Document) -> Annotated<'_> {
        let dict = DICTIONARY.as_ref().expect("the actor dictionary builds");
        annotate_text(doc, dict)
    }

    #[test]
    fn every_arms_trade_word_is_a_trade_cue() {
        // `bought_or_sold` skips the word walk when no trade cue is near:
        // a word missing from the cues would never be found.
        for word in ARMS_TRADE {
            let hits = cues(word);
            assert!(
                hits.iter()
                    .any(|h| h.what == Cue::Trade && h.span == Span::new(0, word.len())),
                "{word}"
            );
        }
    }

    #[test]
    fn the_arms_trade_rule_finds_its_words() {
        let doc = Document::new(
            "d",
            "They agreed to the sale of artillery. Rebels fired artillery.",
        );
        let an = annotated(&doc);
        let at = |w: &str, nth: usize| {
            let start = doc.text.match_indices(w).nth(nth).expect("word").0;
            Span::new(start, start + w.len())
        };
        assert!(an.bought_or_sold(at("artillery", 0)));
        assert!(!an.bought_or_sold(at("artillery", 1)));
    }

    proptest::proptest! {
        #[test]
        fn the_word_before_is_the_last_of_the_words_before(
            text in "[a-zA-Z ,.;’“é-]{0,60}",
            cut in 0usize..61,
        ) {
            let doc = Document::new("d", text.as_str());
            let an = annotated(&doc);
            let mut at = cut.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let span = Span::new(at, at);
            proptest::prop_assert_eq!(
                an.word_before(span),
                an.word_spans_before(span, 1).last().copied()
            );
        }
    }
}
