//! Word lists the recogniser consults. Each is general English or general
//! geography, never tied to a particular document.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the word sets are probed for most tokens, with short keys that
/// no adversary picks, so a fast hash beats SipHash here.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FastSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;

macro_rules! word_set {
    ($fn_name:ident, $words:expr) => {
        pub fn $fn_name(folded: &str) -> bool {
            static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
            SET.get_or_init(|| $words.split_whitespace().collect())
                .contains(folded)
        }
    };
}

/// Never a place in running text, whatever the gazetteer says: months, days,
/// pronouns, function words, holidays.
const NEVER_PLACES: &str = "\
    january february march april may june july august september october november december jan \
    feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday \
    saturday sunday i a an the he she it we they you me him her us them his its our their your \
    my this that these those there here and or but if of on in at to by for with as is was be \
    are were been has have had do does did not no yes so all any some one two three ten god \
    allah christmas easter ramadan eid islam mr mrs ms dr ok tv am pm ad bc ce de la le el al \
     von da di du des del der den st mt ft km mi un who what when where why how which while \
    after before during since until then than also only just even still again over under about \
    into from up down out off more most many much such each every both either neither other \
    another same new old last first next second third today tomorrow yesterday tonight now \
    later early late thanksgiving internet web online covid ebola sars mers aids hiv flu ceo \
    cnn bbc afp ap reuters nato isis isil eu \
    university college hall congress cathedral court conservation bank wing arab";
word_set!(is_never_place, NEVER_PLACES);

/// Words that never name a place alone but begin many place names: articles
/// of Arabic, Romance and Germanic names ("El Fasher", "Al Arish", "La Paz",
/// "Den Haag"), abbreviated saints and mounts, and "New" ("New Brighton").
/// A longer name starting with one is an ordinary place name, unlike one
/// starting with an English function word ("The Mission").
const NAME_PREFIXES: &str = "    al el la le de da di du des del der den st mt ft new";
word_set!(is_name_prefix, NAME_PREFIXES);

/// English words that GeoNames also lists as towns ("Police", "Mobile",
/// "Reading"). As a lone capitalised word they need a locative cue ("in
/// Reading") to count as a place, and never count at the start of a sentence.
const COMMON_WORDS: &str = "\
    police sale mobile reading bath nice male split independence man most gap hope union local \
    liberty victory university college army navy marine marines force forces security \
    government state city town village county province district region area center centre \
    central north south east west northern southern eastern western national international \
    general president minister officials official court judge justice law order peace war \
    battle attack fire water river lake mountain hill hills valley island bay beach harbor \
    harbour port bridge road street avenue park garden gardens square market school church \
    mosque temple hospital hotel airport station camp base prison house home office hall tower \
    castle palace fort gate wall farm field fields forest wood woods green white black red \
    blue brown gold golden silver rock stone sand spring springs summer winter autumn fall sun \
    moon star sky rain snow wind storm flood health faith grace joy love unity freedom \
    progress success paradise eden heaven haven rest goodwill welcome friendship harmony \
    concord enterprise commerce industry prosperity plenty content comfort defiance energy \
    power media data page post times news press story video photo image report reports record \
    study research science nature art music film book sport sports game games team club cup \
    league world earth land sea ocean coast shore deal trade bank money price cash cost tax \
    bill act rule rules vote poll party council congress senate parliament assembly committee \
    board commission agency ministry department service services group drug zoo bureau mount \
    cape saint lakes islands isle gulf strait desert canyon creek company corporation public \
    people woman women men child children family friends mother father son daughter brother \
    sister king queen prince princess lord lady bishop angel angels christ jesus bible cross \
    crown royal republic kingdom empire colony federal mission embassy consulate border \
    frontier line front zone point corner end edge side top bottom middle heart head hand eye \
    face back foot arm leg body blood bone life death dead live living born young good bad \
    best better great grand big little small long short high low deep wide far near close open \
    free fair fine clear clean fresh hot cold warm cool dry wet rich poor strong weak safe \
    sure true real full whole half double single plain plains pleasant lookout view vista bend \
    falls rapids crossing junction landing ferry mill mills mine mines well wells orange lemon \
    apple cherry olive palm palms pine oak cedar maple rose lily ivy holly laurel bush chicken \
    eagle hawk falcon lion tiger bear wolf fox deer buffalo bison horse cattle sheep goat fish \
    salmon trout bass crystal diamond pearl ruby jade amber coral ivory ebony iron steel \
    copper lead tin coal oil gas salt sugar rice corn wheat cotton coffee tea cocoa wine beer \
    bread butter cheese milk honey chase hunt march mark will can may must shall say said says \
    tell told ask asked call called come came go went get got make made take took give gave \
    see saw seen look find found keep kept leave left right run ran turn move moved play \
    played work worked help start stop win won lose lost kill killed die died hit shot fired \
    struck according however meanwhile although because therefore thus indeed instead perhaps \
    yet already always never often sometimes soon once twice together alone across along among \
    around behind below beside between beyond inside outside through toward towards upon \
    within without against amid despite except like unlike via per plus minus note notes \
    update updated breaking latest read more share comment comments subscribe login email \
    print advertisement related source sources credit copyright images caption editor \
    editorial opinion analysis feature features sign signs alert warning emergency disaster \
    crisis outbreak epidemic pandemic virus disease fever cholera plague measles polio malaria \
    dengue zika influenza bird swine avian vaccine doctor doctors nurse patient patients case \
    cases victim victims soldier soldiers rebel rebels militant militants troops protesters \
    civilians residents witness witnesses spokesman spokeswoman officer officers chief leader \
    leaders commander governor mayor senator representative secretary ambassador director \
    manager professor student students teacher worker workers farmer farmers member members \
    citizen citizens voter voters fan fans player players coach captain major colonel sergeant \
    private corporal lieutenant admiral marshal sheriff deputy agent agents guard guards \
    trooper ranger rangers scout scouts pilot driver passenger traveller traveler visitor \
    tourist tourists guest host owner buyer seller dealer trader banker lawyer attorney jury \
    trial prosecutor defendant suspect suspects gunman gunmen bomber sniper hostage hostages \
    prisoner prisoners refugee refugees migrant migrants aid relief food shelter medical \
    medicine cork derby worms sandwich bury ware tours angers";
word_set!(is_common_word, COMMON_WORDS);

/// Titles before a name: "President Jordan", "Mr. Washington".
const TITLES: &str = "\
    mr mrs ms miss dr president gen general sen senator rep representative king queen prince \
    princess sheikh shaikh imam pope lord sir judge minister mayor governor gov col colonel lt \
    lieutenant capt captain maj major sgt sergeant cmdr commander chancellor premier \
    ambassador secretary professor prof father rev reverend bishop archbishop emir sultan \
    ayatollah mullah cardinal justice dame lady coach officer detective inspector constable \
    chief spokesman spokeswoman brother sister uncle aunt actor actress singer rapper striker \
    defender midfielder goalkeeper quarterback star jr junior sr senior";
word_set!(is_title, TITLES);

/// Common given names that GeoNames also lists as places: as part of a
/// capitalised pair they make it a person ("Jordan Henderson", "Paris Hilton").
const FIRST_NAMES: &str = "\
    jordan paris georgia chelsea austin dallas sydney florence victoria madison houston \
    lincoln jackson tyler denver phoenix savannah charlotte brooklyn cleveland orlando regina \
    eugene marion warren clinton franklin hamilton washington kent chester carson preston \
    hudson logan mason aurora alexandria india kenya china lorraine virginia carolina dakota \
    nevada montana cheyenne sierra helena augusta beverly shelby troy vienna michael john \
    james david robert william richard joseph thomas charles christopher daniel matthew \
    anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald \
    edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott \
    brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry jose \
    adam henry nathan douglas zachary peter kyle noah ethan jeremy walter christian keith \
    roger terry sean gerald carl harold dylan arthur lawrence jesse bryan billy bruce gabriel \
    joe albert willie alan russell vincent philip bobby johnny bradley mary patricia jennifer \
    linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley \
    kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca \
    sharon laura cynthia amy kathleen angela shirley brenda emma anna pamela nicole samantha \
    katherine christine helen debra rachel carolyn janet maria catherine heather diane olivia \
    julie joyce ann anne alice jean judith grace denise marilyn danielle theresa sophia \
    isabella abigail julia kelly lauren hannah christina natalie martha andrea frances kathryn \
    teresa doris gloria evelyn cheryl mildred katie joan ruth ahmed mohammed muhammad mohamed \
    ali hassan hussein omar abdul abdullah ibrahim mahmoud mustafa khalid yusuf ismail said \
    vladimir sergei ivan boris dmitry recep bashar emmanuel xi narendra barack hillary bernie \
    nikki nelson winston stanley morgan marshall ben tom tim jim bill bob mike dave dan sam \
    nick chris matt steve tony pete rob alex andy jake luke ian colin neil graham";
/// The US Census Bureau's 1990 given names (public domain), one per line,
/// made by `scripts/build_names.py`: the hand list above holds the names
/// the geoparser must know whatever the census says, this one the breadth
/// ("Barry Smith", "Gail Cole").
static GIVEN_NAMES: &str = include_str!("../../../data/names/given_names.txt");

/// Whether `folded` is a common given name (the hand list or the census's).
pub fn is_first_name(folded: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        let census = GIVEN_NAMES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        FIRST_NAMES.split_whitespace().chain(census).collect()
    })
    .contains(folded)
}

/// A capitalised word after a place that makes the pair an organisation,
/// a publication, a team or a street ("Washington Post", "Baghdad University").
const ORG_SUFFIXES: &str = "\
    times post herald tribune journal gazette chronicle telegraph standard observer guardian \
    independent examiner inquirer courier globe mirror express daily weekly news today \
    magazine press review fc afc cf united rovers wanderers athletic athletics party airlines \
    airways observatory company corporation corp co inc ltd llc plc group holdings partners \
    foundation association society federation league network tv radio television broadcasting \
    records studios motors energy petroleum securities exchange ventures fund trust  \
         organization organisation  \
     institute  symphony orchestra opera ballet festival marathon masters prix \
    accord agreement convention protocol declaration summit conference forum process talks \
    initiative treaty syndrome virus tank engine  brothers shield wrath \
    street st road rd avenue ave boulevard blvd lane drive terrace crescent chapel basilica golf \
    club chambers";
word_set!(is_org_suffix, ORG_SUFFIXES);

/// Administrative unit words after a name: "Homs province", "Kirkuk governorate".
const ADMIN_WORDS: &str = "\
    province provinces governorate governorates district districts region regions county \
    counties state states municipality prefecture oblast canton parish emirate division \
    subdistrict territory territories zone wilaya vilayet raion rayon krai okrug upazila \
    tehsil lga woreda commune shire borough sector sub";
word_set!(is_admin_word, ADMIN_WORDS);

/// Settlement words: "the town of X", "X city", "X village".
const SETTLEMENT_WORDS: &str = "\
    town towns city cities village villages hamlet capital suburb suburbs neighbourhood \
    neighborhood neighbourhoods neighborhoods camp port outskirts countryside area areas \
    locality settlement township quarter district";
word_set!(is_settlement_word, SETTLEMENT_WORDS);

/// Settlement words that name the settlement itself ("Daraa city", "the
/// town of Hajin"), not the area around it ("Daraa countryside").
pub fn is_town_word(folded: &str) -> bool {
    matches!(folded, "town" | "city" | "village")
}

/// Prepositions, and verbs of taking and striking a place (past and, as
/// headlines write them, present: "regime forces shell Harasta"), that make
/// the next capitalised word likely a place.
const LOCATIVE_PREPOSITIONS: &str = "\
    in near at from to into outside across around toward towards throughout within via through \
    inside between nearby outskirts downtown entered reached stormed captured seized shelled \
    bombed bombarded pounded raided struck overran besieged recaptured retook visited visit arrived returned fled flew travelled \
    storms shell shells bombs bombard bombards pound pounds besiege besieges recaptures retakes \
    captures seizes enters shakes shook rocks rocked \
    traveled deployed based hometown native born      \
        capital over northern southern eastern western central \
    northeastern northwestern southeastern southwestern north south east west northeast \
    northwest southeast southwest";
word_set!(is_locative_cue, LOCATIVE_PREPOSITIONS);

/// The cues that may stand before a name found only by its consonant
/// skeleton: places are "in" or "near" something, or shelled and taken;
/// "to", "from" and "at" go before people and things as often ("according
/// to Lindenwald"). A subset of the locative cues.
const STRONG_PLACE_CUES: &str = "\
    in near outside inside around into toward towards entered stormed shelled bombed besieged \
    captured seized recaptured retook storms shell shells besieges recaptures retakes captures \
    seizes enters";
word_set!(is_strong_place_cue, STRONG_PLACE_CUES);

/// Nouns of attack, and what falls, before "on": "air raids on X", "an
/// assault on X", "shells on X" say that X is a place ("on" alone does not:
/// "on Monday", "on Trump").
const ATTACK_NOUNS: &str = "\
    attack attacks raid raids strike strikes airstrike airstrikes assault assaults offensive \
    bombardment bombing bombings shelling shells rockets missiles bombs barrels mortars \
    warplanes jets";
word_set!(is_attack_noun, ATTACK_NOUNS);

/// Nouns of taking or holding ground before "of": "took control of X",
/// "the fall of X", "the siege of X" say that X is a place.
const CONTROL_NOUNS: &str = "\
    control capture recapture seizure fall siege liberation retaking takeover encirclement";
word_set!(is_control_noun, CONTROL_NOUNS);

/// Words after a demonym that make it a place: "the Turkish border".
const DEMONYM_PLACE_NOUNS: &str = "\
    border borders frontier side territory territories soil airspace waters coast coastline \
    mainland enclave countryside";
word_set!(is_demonym_place_noun, DEMONYM_PLACE_NOUNS);

/// Participles a country's name is hyphened to when it only says who
/// stands behind something ("the US-led coalition", "Iran-backed militias").
const BACKER_PARTICIPLES: &str = "\
    led backed based born made owned funded financed supported sponsored brokered trained \
    armed allied aligned controlled held run dominated friendly";
word_set!(is_backer_participle, BACKER_PARTICIPLES);

/// Nouns a country's name stands before as the forces, officials or
/// institutions of that country ("US troops", "UK officials"): the name
/// says whose they are, not where anything happened.
const ACTOR_NOUNS: &str = "\
    troops troop forces force soldiers soldier army armies military navy marines airmen jets \
    warplanes aircraft drones drone bombers helicopters warships artillery commandos \
    officials official government administration ambassador ambassadors envoy envoys \
    diplomats diplomat embassy president minister ministry authorities police intelligence \
    coalition contingent peacekeepers advisers advisors personnel servicemen serviceman \
    citizens nationals special";
word_set!(is_actor_noun, ACTOR_NOUNS);

/// Words after a demonym that make it a noun, a language or a people
/// ("in English is", "Spanish and Catalan", "the French have"): function
/// words and auxiliaries, never the thing a modifier qualifies.
const DEMONYM_NOUN_FOLLOWERS: &str = "\
    is are was were be been being has have had will would can could may might shall should \
    must do does did and or but nor than as of to in on at for with by from into about that \
    which who whom whose the a an this these those also too instead only version language \
    languages speaker speakers speaking translation subtitles";
word_set!(is_demonym_noun_follower, DEMONYM_NOUN_FOLLOWERS);

/// The continent an adjective names, folded ("european" → "europe"). Only
/// the continents whose adjective is not also a people's name: "Arab" and
/// "Western" are left out.
pub fn continent_of_adjective(folded: &str) -> Option<&'static str> {
    Some(match folded {
        "european" => "europe",
        "african" => "africa",
        "asian" => "asia",
        _ => return None,
    })
}

/// Verbs of speech after a bare name: "Jordan said".
const SPEECH_VERBS: &str = "\
    said says told added stated announced wrote tweeted explained noted argued insisted \
    claimed recalled admitted believes thinks";
word_set!(is_speech_verb, SPEECH_VERBS);

/// Compass words, folded, in one token or two ("north-east" folds to two).
pub fn compass(folded: &str) -> Option<&'static str> {
    Some(match folded {
        "north" => "north",
        "south" => "south",
        "east" => "east",
        "west" => "west",
        "northeast" | "north east" => "north-east",
        "northwest" | "north west" => "north-west",
        "southeast" | "south east" => "south-east",
        "southwest" | "south west" => "south-west",
        _ => return None,
    })
}

/// "northern", "south-eastern", "central", "upper": part of a region.
const REGION_ADJECTIVES: &str = "\
    northern southern eastern western central northeastern northwestern southeastern \
    southwestern upper lower greater inner outer mid north south east west rural downtown \
    coastal";
word_set!(is_region_adjective, REGION_ADJECTIVES);

/// Number words for distances ("fifteen kilometres").
pub fn number_word(folded: &str) -> Option<f64> {
    Some(match folded {
        "a" | "an" | "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "fifteen" => 15.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "hundred" => 100.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// Kilometres per unit, for "km", "kilometres", "miles".
pub fn unit_km(folded: &str) -> Option<f64> {
    Some(match folded {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => 1.0,
        "mi" | "mile" | "miles" => 1.609_344,
        "m" | "metre" | "metres" | "meter" | "meters" => 0.001,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_answer_on_folded_words() {
        assert!(is_never_place("may"));
        assert!(is_common_word("reading"));
        assert!(is_title("president"));
        assert!(is_first_name("jordan"));
        assert!(is_first_name("gail"), "from the census list");
        assert!(!is_first_name(
            "# given names: us census bureau 1990 first-name lists"
        ));
        assert!(!is_first_name("aleppo"));
        assert!(is_org_suffix("post"));
        assert!(!is_org_suffix("university"), "a university is in its town");
        assert!(is_admin_word("governorate"));
        assert!(!is_admin_word("aleppo"));
        assert_eq!(compass("north east"), Some("north-east"));
        assert_eq!(unit_km("miles"), Some(1.609_344));
        assert_eq!(number_word("fifteen"), Some(15.0));
    }
}
