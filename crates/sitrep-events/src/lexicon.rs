//! Trigger and cue lexicons, each compiled once into an Aho-Corasick automaton.
//!
//! A pattern ending in `*` matches any word that starts with it ("protest*"
//! matches "protesters", "protested"); every other pattern must end on a word
//! boundary. All patterns must start on a word boundary.

use aho_corasick::automaton::{Automaton as _, OverlappingState};
use aho_corasick::{Anchored, Input, MatchKind};
use sitrep_model::Span;
use std::sync::LazyLock;

/// What a trigger word says happened. Several categories can map to the same
/// ACLED sub-event type; the classifier combines them per sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cat {
    Chemical,
    Air,
    Suicide,
    Ied,
    Grenade,
    Shelling,
    /// "strike(s)": an air strike or a labour strike, decided by context.
    Strike,
    Clash,
    Ambush,
    Attack,
    Storm,
    GovRetake,
    Capture,
    Kill,
    Shoot,
    Abduct,
    Sexual,
    Protest,
    Intervention,
    ExcessiveForce,
    Riot,
    /// "blocked the road", "closing roads": a violent demonstration in
    /// ACLED's codebook when demonstrators do it (live only with a road
    /// noun after the verb, see `Annotated::is_live`).
    Roadblock,
    Burn,
    Loot,
    Mob,
    Arrest,
    Agreement,
    GroupChange,
    Disrupted,
    Base,
    Withdraw,
    OtherSd,
}

impl Cat {
    /// Explosive/remote categories.
    pub fn is_remote(self) -> bool {
        matches!(
            self,
            Cat::Chemical | Cat::Air | Cat::Suicide | Cat::Ied | Cat::Grenade | Cat::Shelling
        )
    }
    /// Categories that only add detail to an incident reported elsewhere (a
    /// death toll, an arrest at a protest): they start an event only when
    /// nothing else in the document does.
    pub fn is_auxiliary(self) -> bool {
        matches!(
            self,
            Cat::Kill
                | Cat::Shoot
                | Cat::Intervention
                | Cat::Arrest
                | Cat::Burn
                | Cat::Loot
                | Cat::OtherSd
        )
    }
}

const TRIGGERS: &[(&str, Cat)] = &[
    // Chemical weapons
    ("chemical attack*", Cat::Chemical),
    ("chemical weapon*", Cat::Chemical),
    ("chlorine", Cat::Chemical),
    ("sarin", Cat::Chemical),
    ("toxic gas", Cat::Chemical),
    ("poison gas", Cat::Chemical),
    ("poisonous gas", Cat::Chemical),
    ("mustard gas", Cat::Chemical),
    ("gas attack*", Cat::Chemical),
    // Air and drone strikes
    ("air strike*", Cat::Air),
    ("airstrike*", Cat::Air),
    ("air-strike*", Cat::Air),
    ("air raid*", Cat::Air),
    ("airraid*", Cat::Air),
    ("air attack*", Cat::Air),
    ("aerial attack*", Cat::Air),
    ("aerial bombardment*", Cat::Air),
    ("aerial bombing*", Cat::Air),
    ("aerial shelling", Cat::Air),
    ("aerial strike*", Cat::Air),
    ("air bombardment*", Cat::Air),
    ("warplane*", Cat::Air),
    ("war plane*", Cat::Air),
    ("fighter jet*", Cat::Air),
    ("jets", Cat::Air),
    ("drone strike*", Cat::Air),
    ("drone attack*", Cat::Air),
    ("drone", Cat::Air),
    ("drones", Cat::Air),
    ("helicopter gunship*", Cat::Air),
    ("helicopter attack*", Cat::Air),
    ("barrel bomb*", Cat::Air),
    // "explosive barrels": barrel bombs as Syrian monitors write them.
    ("explosive barrel*", Cat::Air),
    ("sorties", Cat::Air),
    ("bombed by aircraft", Cat::Air),
    ("aircraft", Cat::Air),
    ("mig", Cat::Air),
    ("migs", Cat::Air),
    ("mig-*", Cat::Air),
    ("sukhoi*", Cat::Air),
    ("fighter planes", Cat::Air),
    ("fighter aircraft", Cat::Air),
    ("military aircraft", Cat::Air),
    ("raids", Cat::Attack),
    ("air force*", Cat::Air),
    // Suicide bombs
    ("suicide bomb*", Cat::Suicide),
    ("suicide attack*", Cat::Suicide),
    ("suicide car bomb*", Cat::Suicide),
    ("suicide vest*", Cat::Suicide),
    ("explosive vest*", Cat::Suicide),
    ("explosive belt*", Cat::Suicide),
    ("blew himself up", Cat::Suicide),
    ("blew herself up", Cat::Suicide),
    ("blew themselves up", Cat::Suicide),
    ("blow themselves up", Cat::Suicide),
    ("blows himself up", Cat::Suicide),
    ("blow himself up", Cat::Suicide),
    ("self-detonated", Cat::Suicide),
    ("detonated his explosive*", Cat::Suicide),
    ("detonated her explosive*", Cat::Suicide),
    // Remote explosives
    ("ied", Cat::Ied),
    ("ieds", Cat::Ied),
    ("vbied*", Cat::Ied),
    ("improvised explosive*", Cat::Ied),
    ("roadside bomb*", Cat::Ied),
    ("landmine*", Cat::Ied),
    ("land mine*", Cat::Ied),
    ("car bomb*", Cat::Ied),
    ("booby trap*", Cat::Ied),
    ("booby-trap*", Cat::Ied),
    ("explosive device*", Cat::Ied),
    ("bomb exploded", Cat::Ied),
    ("bomb blast*", Cat::Ied),
    ("bomb went off", Cat::Ied),
    ("motorcycle bomb*", Cat::Ied),
    ("bomb attack*", Cat::Ied),
    ("bombing*", Cat::Ied),
    ("explosion*", Cat::Ied),
    ("exploded", Cat::Ied),
    ("blast", Cat::Ied),
    ("blasts", Cat::Ied),
    ("detonated", Cat::Ied),
    ("blew up", Cat::Ied),
    ("explosives", Cat::Ied),
    ("bombed", Cat::Shelling),
    // Grenades
    ("grenade*", Cat::Grenade),
    // Shelling, artillery, missiles
    ("shelling", Cat::Shelling),
    ("shelled", Cat::Shelling),
    // Monitors' word for fire from afar ("Regime forces target areas of
    // Daraa countryside"): live only with an armed party and ground after
    // it (`Annotated::targets_ground`), read only when no other trigger
    // of the sentence says more.
    ("target", Cat::Shelling),
    ("targets", Cat::Shelling),
    ("targeted", Cat::Shelling),
    ("targeting", Cat::Shelling),
    ("shells", Cat::Shelling),
    // The headline present: "regime forces shell the Eastern Ghouta"
    // ("shell" alone is a surname, a company and an egg's).
    ("forces shell", Cat::Shelling),
    ("troops shell", Cat::Shelling),
    ("artillery", Cat::Shelling),
    ("mortar*", Cat::Shelling),
    ("rocket", Cat::Shelling),
    ("rockets", Cat::Shelling),
    ("rocketed", Cat::Shelling),
    ("rocket-propelled", Cat::Shelling),
    ("missile*", Cat::Shelling),
    ("bombard*", Cat::Shelling),
    ("katyusha*", Cat::Shelling),
    ("tank fire", Cat::Shelling),
    ("heavy weapons", Cat::Shelling),
    ("projectile*", Cat::Shelling),
    ("strike", Cat::Strike),
    ("strikes", Cat::Strike),
    ("striking", Cat::Strike),
    // Battles
    ("clash*", Cat::Clash),
    ("fighting", Cat::Clash),
    ("fought", Cat::Clash),
    ("gun battle*", Cat::Clash),
    ("gunbattle*", Cat::Clash),
    ("battle", Cat::Clash),
    ("battles", Cat::Clash),
    ("battled", Cat::Clash),
    // Whole words: a "firefighter" puts out fires, a "gunfighter" is a
    // western's hero.
    ("gunfight", Cat::Clash),
    ("gunfights", Cat::Clash),
    ("gun fight", Cat::Clash),
    ("gun fights", Cat::Clash),
    ("firefight", Cat::Clash),
    ("firefights", Cat::Clash),
    ("shootout*", Cat::Clash),
    ("shoot-out*", Cat::Clash),
    ("exchange of fire", Cat::Clash),
    ("exchanged fire", Cat::Clash),
    ("exchange fire", Cat::Clash),
    ("skirmish*", Cat::Clash),
    ("confrontation*", Cat::Clash),
    ("engaged", Cat::Clash),
    ("offensive*", Cat::Clash),
    ("counter-attack*", Cat::Clash),
    ("counterattack*", Cat::Clash),
    // Not "repel*": mosquito repellent.
    ("repel", Cat::Clash),
    ("repels", Cat::Clash),
    ("repelled", Cat::Clash),
    ("repelling", Cat::Clash),
    ("repuls*", Cat::Clash),
    ("military operation*", Cat::Clash),
    ("operations", Cat::Clash),
    ("ambush*", Cat::Ambush),
    ("shoot", Cat::Shoot),
    ("shoots", Cat::Shoot),
    ("attack", Cat::Attack),
    ("attacks", Cat::Attack),
    ("attacked", Cat::Attack),
    ("attacking", Cat::Attack),
    ("assault*", Cat::Attack),
    ("raid", Cat::Attack),
    ("raided", Cat::Attack),
    ("raiding", Cat::Attack),
    ("stormed", Cat::Storm),
    ("storming", Cat::Storm),
    ("overran", Cat::Capture),
    ("overrun", Cat::Capture),
    ("overruns", Cat::Capture),
    // Territory
    // "troops dislodged the militants from X": ground taken back (the
    // agent decides whose: state forces regain, others overtake).
    ("dislodged", Cat::GovRetake),
    ("dislodge", Cat::GovRetake),
    ("dislodges", Cat::GovRetake),
    ("retook", Cat::GovRetake),
    ("retaken", Cat::GovRetake),
    ("retake", Cat::GovRetake),
    ("recaptured", Cat::GovRetake),
    ("recapture", Cat::GovRetake),
    ("regained control", Cat::GovRetake),
    ("regain control", Cat::GovRetake),
    ("regained", Cat::GovRetake),
    ("regains", Cat::GovRetake),
    ("recaptures", Cat::GovRetake),
    ("retakes", Cat::GovRetake),
    ("seizes", Cat::Capture),
    ("captures", Cat::Capture),
    ("control", Cat::Capture),
    ("controls", Cat::Capture),
    ("liberated", Cat::GovRetake),
    ("liberation of", Cat::GovRetake),
    ("cleared", Cat::GovRetake),
    ("clear", Cat::GovRetake),
    ("clears", Cat::GovRetake),
    ("reclaimed", Cat::GovRetake),
    ("recovered", Cat::GovRetake),
    ("took back", Cat::GovRetake),
    ("seized control", Cat::Capture),
    ("seized", Cat::Capture),
    ("captured", Cat::Capture),
    ("capture of", Cat::Capture),
    ("took control", Cat::Capture),
    ("takes control", Cat::Capture),
    ("took full control", Cat::Capture),
    ("took complete control", Cat::Capture),
    ("taken full control", Cat::Capture),
    ("taken complete control", Cat::Capture),
    ("dislodge*", Cat::GovRetake),
    ("drove out", Cat::GovRetake),
    ("flushed out", Cat::GovRetake),
    ("taken control", Cat::Capture),
    ("taking control", Cat::Capture),
    ("take control", Cat::Capture),
    ("gained control", Cat::Capture),
    ("fell to", Cat::Capture),
    ("advancing", Cat::Capture),
    ("advanced into", Cat::Capture),
    ("advanced on", Cat::Capture),
    // "Regime forces advance in Qaboun neighbourhood": live only with an
    // armed party and a direction after it (`Annotated::advances_on_ground`).
    ("advance", Cat::Capture),
    ("advances", Cat::Capture),
    ("advanced", Cat::Capture),
    // Violence
    ("kill*", Cat::Kill),
    ("murder*", Cat::Kill),
    ("massacre*", Cat::Kill),
    ("slaughter*", Cat::Kill),
    ("behead*", Cat::Kill),
    ("decapitated", Cat::Kill),
    ("executed", Cat::Kill),
    ("execute", Cat::Kill),
    ("executes", Cat::Kill),
    ("executing", Cat::Kill),
    ("execution*", Cat::Kill),
    ("claiming the lives of", Cat::Kill),
    ("claimed the lives of", Cat::Kill),
    ("claims the lives of", Cat::Kill),
    ("claim the lives of", Cat::Kill),
    ("lost their lives", Cat::Kill),
    ("lost his life", Cat::Kill),
    ("lost her life", Cat::Kill),
    ("hacked to death", Cat::Kill),
    ("stabbed*", Cat::Kill),
    ("hacked", Cat::Kill),
    ("macheted", Cat::Kill),
    ("assassinat*", Cat::Kill),
    ("burned alive", Cat::Kill),
    ("burned to death", Cat::Kill),
    ("burnt to death", Cat::Kill),
    ("burnt alive", Cat::Kill),
    ("tortur*", Cat::Kill),
    ("beaten", Cat::Attack),
    ("beat", Cat::Attack),
    ("beats", Cat::Attack),
    ("beating", Cat::Attack),
    ("martyr*", Cat::Kill),
    ("dead", Cat::Kill),
    ("died", Cat::Kill),
    ("casualties", Cat::Kill),
    ("shot dead", Cat::Shoot),
    // "summarily shot": put to death without trial, an execution.
    ("summarily shot", Cat::Kill),
    ("shot and killed", Cat::Shoot),
    ("shot", Cat::Shoot),
    ("shooting*", Cat::Shoot),
    ("opened fire", Cat::Shoot),
    ("open fire", Cat::Shoot),
    ("fired at", Cat::Shoot),
    ("fired on", Cat::Shoot),
    ("fired upon", Cat::Shoot),
    // Headline present: "Cattle raiders fire on civilians" (with a party
    // in the sentence: "a fire on Monday" is no shooting).
    ("fire on", Cat::Shoot),
    ("fire at", Cat::Shoot),
    ("fires on", Cat::Shoot),
    ("fires at", Cat::Shoot),
    ("fired shots", Cat::Shoot),
    ("gunshots", Cat::Shoot),
    ("gunned down", Cat::Shoot),
    ("sprayed", Cat::Shoot),
    ("abduct*", Cat::Abduct),
    ("kidnap*", Cat::Abduct),
    ("hostage*", Cat::Abduct),
    ("taken captive", Cat::Abduct),
    ("forcibly disappeared", Cat::Abduct),
    ("forced disappearance*", Cat::Abduct),
    ("rape*", Cat::Sexual),
    ("raping", Cat::Sexual),
    ("gang-rape*", Cat::Sexual),
    ("sexual violence", Cat::Sexual),
    ("sexual assault*", Cat::Sexual),
    ("sexually assault*", Cat::Sexual),
    ("sexually abused", Cat::Sexual),
    // Demonstrations
    ("protest*", Cat::Protest),
    ("demonstrat*", Cat::Protest),
    ("march", Cat::Protest),
    ("marched", Cat::Protest),
    ("marches", Cat::Protest),
    ("marching", Cat::Protest),
    ("rally", Cat::Protest),
    ("rallies", Cat::Protest),
    ("rallied", Cat::Protest),
    ("sit-in*", Cat::Protest),
    ("picket*", Cat::Protest),
    ("walkout*", Cat::Protest),
    ("walked out", Cat::Protest),
    ("stay-away", Cat::Protest),
    ("stayaway", Cat::Protest),
    ("hunger strike*", Cat::Protest),
    ("took to the streets", Cat::Protest),
    ("take to the streets", Cat::Protest),
    ("taken to the streets", Cat::Protest),
    ("vigil", Cat::Protest),
    // No "petition": signing one is no demonstration in ACLED's codebook.
    ("boycott*", Cat::Protest),
    ("chanting", Cat::Protest),
    ("chanted", Cat::Protest),
    ("placards", Cat::Protest),
    ("downed tools", Cat::Protest),
    ("down tools", Cat::Protest),
    ("tear gas", Cat::Intervention),
    ("teargas", Cat::Intervention),
    ("tear-gas", Cat::Intervention),
    ("dispers*", Cat::Intervention),
    ("water cannon*", Cat::Intervention),
    ("rubber bullets", Cat::Intervention),
    ("baton*", Cat::Intervention),
    ("broke up", Cat::Intervention),
    ("live ammunition", Cat::ExcessiveForce),
    ("live bullets", Cat::ExcessiveForce),
    ("live rounds", Cat::ExcessiveForce),
    // Riots
    ("riot", Cat::Riot),
    ("riots", Cat::Riot),
    ("rioted", Cat::Riot),
    ("rioting", Cat::Riot),
    ("rioters", Cat::Riot),
    // Word forms, not prefixes: "back burner", "torchlight procession".
    ("torch", Cat::Burn),
    ("torches", Cat::Burn),
    ("torched", Cat::Burn),
    ("torching", Cat::Burn),
    ("set ablaze", Cat::Burn),
    ("set alight", Cat::Burn),
    ("set on fire", Cat::Burn),
    ("set fire", Cat::Burn),
    ("burn", Cat::Burn),
    ("burns", Cat::Burn),
    ("burned", Cat::Burn),
    ("burning", Cat::Burn),
    ("burnt", Cat::Burn),
    ("razed", Cat::Burn),
    ("threw stones", Cat::Riot),
    ("burnt tyres", Cat::Riot),
    ("burned tyres", Cat::Riot),
    ("burning tyres", Cat::Riot),
    ("burnt tires", Cat::Riot),
    ("burned tires", Cat::Riot),
    ("burning tires", Cat::Riot),
    ("throwing stones", Cat::Riot),
    ("hurled stones", Cat::Riot),
    ("hurling stones", Cat::Riot),
    ("stone-throwing", Cat::Riot),
    ("stone throwing", Cat::Riot),
    ("pelted", Cat::Riot),
    ("stoned", Cat::Riot),
    ("threw projectiles", Cat::Riot),
    ("rampage*", Cat::Riot),
    ("vandalis*", Cat::Riot),
    ("vandaliz*", Cat::Riot),
    ("barricad*", Cat::Riot),
    ("blocked", Cat::Roadblock),
    ("blocking", Cat::Roadblock),
    ("blockade*", Cat::Roadblock),
    ("closed", Cat::Roadblock),
    ("closing", Cat::Roadblock),
    ("shut down", Cat::Roadblock),
    ("smash*", Cat::Riot),
    ("shatter*", Cat::Riot),
    ("went berserk", Cat::Riot),
    ("ran amok", Cat::Riot),
    ("violent protest*", Cat::Riot),
    ("violent demonstration*", Cat::Riot),
    ("loot*", Cat::Loot),
    ("pillag*", Cat::Loot),
    ("plunder*", Cat::Loot),
    ("ransacked", Cat::Loot),
    ("destroy*", Cat::Loot),
    ("mob", Cat::Mob),
    ("mobs", Cat::Mob),
    ("lynch*", Cat::Mob),
    ("mob justice", Cat::Mob),
    ("jungle justice", Cat::Mob),
    // Strategic developments
    ("arrest*", Cat::Arrest),
    ("detain*", Cat::Arrest),
    ("apprehended", Cat::Arrest),
    ("in custody", Cat::Arrest),
    ("into custody", Cat::Arrest),
    ("rounded up", Cat::Arrest),
    ("nabbed", Cat::Arrest),
    ("agreement*", Cat::Agreement),
    ("peace deal*", Cat::Agreement),
    ("peace accord*", Cat::Agreement),
    ("peace pact*", Cat::Agreement),
    ("ceasefire*", Cat::Agreement),
    ("cease-fire*", Cat::Agreement),
    ("truce*", Cat::Agreement),
    ("prisoner exchange*", Cat::Agreement),
    ("prisoner swap*", Cat::Agreement),
    ("signed a", Cat::Agreement),
    ("merged", Cat::GroupChange),
    ("merger", Cat::GroupChange),
    ("splinter*", Cat::GroupChange),
    ("split from", Cat::GroupChange),
    ("broke away", Cat::GroupChange),
    ("new leader", Cat::GroupChange),
    ("appointed as leader", Cat::GroupChange),
    ("pledged allegiance", Cat::GroupChange),
    ("defected", Cat::GroupChange),
    ("defect", Cat::GroupChange),
    ("surrendered", Cat::GroupChange),
    ("disbanded", Cat::GroupChange),
    ("has been formed", Cat::GroupChange),
    ("was formed", Cat::GroupChange),
    ("were formed", Cat::GroupChange),
    ("new rebel group", Cat::GroupChange),
    ("new armed group", Cat::GroupChange),
    ("new militia", Cat::GroupChange),
    ("new coalition", Cat::GroupChange),
    ("defused", Cat::Disrupted),
    ("defuse*", Cat::Disrupted),
    ("weapons cache*", Cat::Disrupted),
    ("arms cache*", Cat::Disrupted),
    ("seized weapons", Cat::Disrupted),
    ("seized arms", Cat::Disrupted),
    ("seized ammunition", Cat::Disrupted),
    ("seized explosives", Cat::Disrupted),
    ("seized bomb*", Cat::Disrupted),
    ("seized detonators", Cat::Disrupted),
    ("recovered explosives", Cat::Disrupted),
    ("recovered weapons", Cat::Disrupted),
    ("controlled explosion", Cat::Disrupted),
    ("bomb disposal", Cat::Disrupted),
    ("dismantled", Cat::Disrupted),
    ("established a base", Cat::Base),
    ("set up a base", Cat::Base),
    ("set up base", Cat::Base),
    ("set up camp", Cat::Base),
    ("established a camp", Cat::Base),
    ("new base", Cat::Base),
    ("established a headquarters", Cat::Base),
    ("set up a headquarters", Cat::Base),
    ("withdrew from", Cat::Withdraw),
    // "took control of Rab Dhuure after AMISOM forces withdrew" (needs a
    // party in the sentence: candidates withdraw too).
    ("withdrew", Cat::Withdraw),
    ("withdrawn from", Cat::Withdraw),
    ("pulled out of", Cat::Withdraw),
    ("handed over control", Cat::Withdraw),
    ("handed over", Cat::Withdraw),
    ("without a fight", Cat::Withdraw),
    ("without resistance", Cat::Withdraw),
    ("state of emergency", Cat::OtherSd),
    ("curfew", Cat::OtherSd),
    ("released", Cat::OtherSd),
    ("freed", Cat::OtherSd),
    ("deployed", Cat::OtherSd),
    ("pardoned", Cat::OtherSd),
];

/// Grammatical and contextual cues read around triggers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// Future or hypothetical: "will", "could", "plans to".
    Irrealis,
    /// "not", "denied", "foiled".
    Negation,
    /// Historical background: "since", "anniversary".
    Background,
    /// "by" introducing a passive agent.
    By,
    /// "with", "against": introduces the other side of a clash.
    Against,
    /// Labour-dispute context for "strike".
    Labour,
    /// Air context for "strike(s)".
    AirContext,
    /// "wounded", "injured".
    Injury,
    /// "including": sub-counts that must not be added.
    Including,
    /// "no casualties", "no one was killed".
    NoCasualties,
    /// Anaphora to an incident already reported: "the attack", "the incident".
    Anaphora,
    /// "death toll", "toll".
    Toll,
    /// Diseases and natural hazards ("cholera", "the outbreak", "floods"):
    /// deaths they cause are no political violence.
    Hazard,
    /// "charged with", "convicted of", "accused of": what follows is the
    /// crime a court hears, not an incident the story reports.
    Charge,
    /// "ceasefire", "peace", "surrender": what makes an agreement one
    /// ACLED codes.
    Peace,
    /// "selling", "purchase", "delivered": a weapon after it is
    /// merchandise (see `ARMS_TRADE` in reading.rs, which must list the
    /// same words).
    Trade,
    /// Sport ("inning", "playoffs", "UFC"): "beat", "attack" and "fight"
    /// in its sentence are a game.
    Sport,
    /// "fatalities", "deaths": nouns that count the dead ("3 fatalities
    /// were reported") but report no event themselves (as triggers they
    /// turned disease figures into attacks).
    DeathNoun,
    /// "and N others": the singular before it is counted too.
    Others,
    /// "meanwhile", "separately": what follows is another incident.
    Separate,
    /// "has killed", "have killed": with a campaign as its subject, a
    /// total over time ("the offensive has killed 1,600").
    Perfect,
    /// "typically", "usually": what tends to happen, not what happened.
    Habitual,
    /// "is used", "are used", "used to": what a thing serves for, or an old
    /// habit ("the bases are used for operations abroad", "rebels used to
    /// raid the town"). "was used to" tells a use that happened and is
    /// told apart where the cue is read.
    Purpose,
    /// "lived through", "living through": an experience told as a
    /// person's past.
    LivedThrough,
}

const CUES: &[(&str, Cue)] = &[
    ("will", Cue::Irrealis),
    ("would", Cue::Irrealis),
    ("could", Cue::Irrealis),
    ("might", Cue::Irrealis),
    ("may", Cue::Irrealis),
    ("shall", Cue::Irrealis),
    ("should", Cue::Irrealis),
    ("ought to", Cue::Irrealis),
    ("plan", Cue::Irrealis),
    ("plans", Cue::Irrealis),
    ("planned", Cue::Irrealis),
    ("plotting", Cue::Irrealis),
    ("planning", Cue::Irrealis),
    ("scheduled", Cue::Irrealis),
    ("intend*", Cue::Irrealis),
    ("threat*", Cue::Irrealis),
    ("vow*", Cue::Irrealis),
    ("pledged to", Cue::Irrealis),
    ("promised to", Cue::Irrealis),
    ("warn*", Cue::Irrealis),
    ("expected to", Cue::Irrealis),
    ("set to", Cue::Irrealis),
    ("going to", Cue::Irrealis),
    ("aims to", Cue::Irrealis),
    ("seeking to", Cue::Irrealis),
    ("called for", Cue::Irrealis),
    ("calls for", Cue::Irrealis),
    ("call for", Cue::Irrealis),
    ("calling for", Cue::Irrealis),
    ("urged", Cue::Irrealis),
    ("urging", Cue::Irrealis),
    ("if", Cue::Irrealis),
    ("unless", Cue::Irrealis),
    ("possible", Cue::Irrealis),
    ("potential", Cue::Irrealis),
    ("risk of", Cue::Irrealis),
    ("prepar*", Cue::Irrealis),
    ("ready to", Cue::Irrealis),
    ("to stage", Cue::Irrealis),
    ("to hold", Cue::Irrealis),
    ("to be held", Cue::Irrealis),
    ("upcoming", Cue::Irrealis),
    // Claims of intent: "conspired to kill him", "a plot to bomb".
    ("conspired to", Cue::Irrealis),
    ("conspiring to", Cue::Irrealis),
    ("conspiracy to", Cue::Irrealis),
    ("plot to", Cue::Irrealis),
    ("plots to", Cue::Irrealis),
    ("plotted to", Cue::Irrealis),
    // A purpose, not an act: "began as a way to protest Trump".
    ("a way to", Cue::Irrealis),
    ("ways to", Cue::Irrealis),
    ("under consideration", Cue::Irrealis),
    ("considering", Cue::Irrealis),
    ("to allow", Cue::Irrealis),
    ("to escape", Cue::Irrealis),
    // A capacity, not an act: "limiting their capacity to launch attacks".
    ("capacity to", Cue::Irrealis),
    ("ability to", Cue::Irrealis),
    ("capable of", Cue::Irrealis),
    ("not", Cue::Negation),
    ("no", Cue::Negation),
    ("never", Cue::Negation),
    ("n't", Cue::Negation),
    ("didn't", Cue::Negation),
    ("denied", Cue::Negation),
    ("denies", Cue::Negation),
    ("deny", Cue::Negation),
    ("without", Cue::Negation),
    ("thwarted", Cue::Negation),
    ("violat*", Cue::Negation),
    ("breach*", Cue::Negation),
    ("foiled", Cue::Negation),
    ("prevented", Cue::Negation),
    ("prevent", Cue::Negation),
    ("preventing", Cue::Negation),
    ("averted", Cue::Negation),
    ("failed to", Cue::Negation),
    ("nothing to do with", Cue::Negation),
    ("since", Cue::Background),
    ("anniversary", Cue::Background),
    ("commemorat*", Cue::Background),
    ("years ago", Cue::Background),
    ("last year", Cue::Background),
    ("accused of", Cue::Background),
    ("suspected of", Cue::Background),
    ("involved in", Cue::Background),
    ("charged with", Cue::Background),
    ("in connection with", Cue::Background),
    ("responsible for", Cue::Background),
    ("convicted of", Cue::Background),
    ("blamed for", Cue::Background),
    ("in retaliation for", Cue::Background),
    ("in response to", Cue::Background),
    ("in the wake of", Cue::Background),
    // "The shooting comes after the police killing of an unarmed man on
    // March 18": the incident the story is set against, told before.
    ("comes after", Cue::Background),
    ("came after", Cue::Background),
    // "following an earlier shooting in which a boy was killed": an
    // incident told as the one before ("earlier" alone is not: "Earlier on
    // Monday, gunmen killed five" is news).
    ("an earlier", Cue::Background),
    ("the earlier", Cue::Background),
    // "came amid a wave of terrorist attacks", "after a spate of
    // kidnappings": many incidents told as the setting, none reported
    // ("a series of attacks on Monday killed 20" is news: the cue needs
    // the word before it).
    ("amid a wave of", Cue::Background),
    ("amid a spate of", Cue::Background),
    ("amid a series of", Cue::Background),
    ("amid a string of", Cue::Background),
    ("amid a rash of", Cue::Background),
    ("after a wave of", Cue::Background),
    ("after a spate of", Cue::Background),
    ("after a series of", Cue::Background),
    ("after a string of", Cue::Background),
    ("following a wave of", Cue::Background),
    ("following a spate of", Cue::Background),
    ("following a series of", Cue::Background),
    // What people worry about, and rates: not an incident the story tells
    // ("concerns about alarming rates of civilian casualties").
    ("concerns about", Cue::Background),
    ("concern about", Cue::Background),
    ("concerns over", Cue::Background),
    ("rates of", Cue::Background),
    ("rate of", Cue::Background),
    ("by", Cue::By),
    ("with", Cue::Against),
    ("against", Cue::Against),
    ("and", Cue::Against),
    ("workers", Cue::Labour),
    ("worker", Cue::Labour),
    ("on strike", Cue::Labour),
    ("went on", Cue::Labour),
    ("go on", Cue::Labour),
    ("going on", Cue::Labour),
    ("union*", Cue::Labour),
    ("staff", Cue::Labour),
    ("employees", Cue::Labour),
    ("teachers", Cue::Labour),
    ("doctors", Cue::Labour),
    ("nurses", Cue::Labour),
    ("judges", Cue::Labour),
    ("drivers", Cue::Labour),
    ("salar*", Cue::Labour),
    ("wage*", Cue::Labour),
    ("pay", Cue::Labour),
    ("air", Cue::AirContext),
    ("air force*", Cue::AirContext),
    ("airforce", Cue::AirContext),
    ("drone*", Cue::AirContext),
    ("warplane*", Cue::AirContext),
    ("jets", Cue::AirContext),
    ("aerial", Cue::AirContext),
    ("coalition", Cue::AirContext),
    ("missile", Cue::AirContext),
    ("wounded", Cue::Injury),
    ("wounding", Cue::Injury),
    ("injured", Cue::Injury),
    ("injuring", Cue::Injury),
    ("injuries", Cue::Injury),
    ("injury", Cue::Injury),
    ("injure", Cue::Injury),
    ("injures", Cue::Injury),
    ("wounds", Cue::Injury),
    ("hurt", Cue::Injury),
    ("hospitalised", Cue::Injury),
    ("hospitalized", Cue::Injury),
    ("including", Cue::Including),
    ("among them", Cue::Including),
    ("among whom", Cue::Including),
    ("of whom", Cue::Including),
    ("of them", Cue::Including),
    ("no casualties", Cue::NoCasualties),
    ("no casualty", Cue::NoCasualties),
    ("no fatalities", Cue::NoCasualties),
    ("no deaths", Cue::NoCasualties),
    ("no one was killed", Cue::NoCasualties),
    ("no one was hurt", Cue::NoCasualties),
    ("no one was injured", Cue::NoCasualties),
    ("nobody was killed", Cue::NoCasualties),
    ("no loss of life", Cue::NoCasualties),
    ("no lives were lost", Cue::NoCasualties),
    ("no injuries", Cue::NoCasualties),
    ("without casualties", Cue::NoCasualties),
    ("did not cause casualties", Cue::NoCasualties),
    ("no one died", Cue::NoCasualties),
    ("the attack", Cue::Anaphora),
    ("the attacks", Cue::Anaphora),
    ("the incident", Cue::Anaphora),
    ("the blast", Cue::Anaphora),
    ("the explosion", Cue::Anaphora),
    ("the clashes", Cue::Anaphora),
    ("the fighting", Cue::Anaphora),
    ("the assault", Cue::Anaphora),
    ("the raid", Cue::Anaphora),
    ("the ambush", Cue::Anaphora),
    ("the protest", Cue::Anaphora),
    ("the protesters", Cue::Anaphora),
    ("the demonstration", Cue::Anaphora),
    ("the demonstrators", Cue::Anaphora),
    ("the event", Cue::Anaphora),
    ("the strike", Cue::Anaphora),
    ("the bombing", Cue::Anaphora),
    ("the shooting", Cue::Anaphora),
    ("the killing", Cue::Anaphora),
    ("the victims", Cue::Anaphora),
    ("the suspects", Cue::Anaphora),
    ("the riot", Cue::Anaphora),
    ("the violence", Cue::Anaphora),
    ("the operation", Cue::Anaphora),
    ("another", Cue::Anaphora),
    ("also", Cue::Anaphora),
    ("meanwhile", Cue::Separate),
    ("separately", Cue::Separate),
    ("elsewhere", Cue::Separate),
    ("in another", Cue::Separate),
    ("in a separate", Cue::Separate),
    ("has killed", Cue::Perfect),
    ("have killed", Cue::Perfect),
    ("typically", Cue::Habitual),
    ("usually", Cue::Habitual),
    ("normally", Cue::Habitual),
    ("routinely", Cue::Habitual),
    ("habitually", Cue::Habitual),
    ("is used", Cue::Purpose),
    ("are used", Cue::Purpose),
    ("used to", Cue::Purpose),
    ("lived through", Cue::LivedThrough),
    ("living through", Cue::LivedThrough),
    ("live through", Cue::LivedThrough),
    ("cholera", Cue::Hazard),
    ("ebola", Cue::Hazard),
    ("malaria", Cue::Hazard),
    ("measles", Cue::Hazard),
    ("meningitis", Cue::Hazard),
    ("typhoid", Cue::Hazard),
    ("dengue", Cue::Hazard),
    ("yellow fever", Cue::Hazard),
    ("lassa fever", Cue::Hazard),
    ("plague", Cue::Hazard),
    ("tuberculosis", Cue::Hazard),
    ("polio", Cue::Hazard),
    ("pertussis", Cue::Hazard),
    ("whooping cough", Cue::Hazard),
    ("influenza", Cue::Hazard),
    ("flu", Cue::Hazard),
    ("h1n1", Cue::Hazard),
    ("h5n1", Cue::Hazard),
    ("h7n9", Cue::Hazard),
    ("sars", Cue::Hazard),
    ("mers", Cue::Hazard),
    ("covid*", Cue::Hazard),
    ("coronavirus", Cue::Hazard),
    ("virus", Cue::Hazard),
    ("zika", Cue::Hazard),
    ("anthrax", Cue::Hazard),
    ("rabies", Cue::Hazard),
    ("mpox", Cue::Hazard),
    ("monkeypox", Cue::Hazard),
    ("epidemic", Cue::Hazard),
    ("pandemic", Cue::Hazard),
    ("outbreak", Cue::Hazard),
    ("disease", Cue::Hazard),
    ("infection*", Cue::Hazard),
    ("infected", Cue::Hazard),
    ("flood*", Cue::Hazard),
    ("earthquake*", Cue::Hazard),
    ("landslide*", Cue::Hazard),
    ("mudslide*", Cue::Hazard),
    ("cyclone", Cue::Hazard),
    ("hurricane", Cue::Hazard),
    ("typhoon", Cue::Hazard),
    ("tsunami", Cue::Hazard),
    ("heatwave", Cue::Hazard),
    ("heat wave", Cue::Hazard),
    ("avalanche", Cue::Hazard),
    ("lightning", Cue::Hazard),
    // Natural causes and animals: "died of complications", "dead birds".
    ("cancer", Cue::Hazard),
    ("pneumonia", Cue::Hazard),
    ("illness", Cue::Hazard),
    ("illnesses", Cue::Hazard),
    ("complications", Cue::Hazard),
    ("heart failure", Cue::Hazard),
    ("natural causes", Cue::Hazard),
    ("old age", Cue::Hazard),
    ("overdose", Cue::Hazard),
    ("birds", Cue::Hazard),
    ("poultry", Cue::Hazard),
    ("chickens", Cue::Hazard),
    ("pigs", Cue::Hazard),
    ("cows", Cue::Hazard),
    ("cow", Cue::Hazard),
    ("dogs", Cue::Hazard),
    ("dog", Cue::Hazard),
    ("bulldog", Cue::Hazard),
    ("fish", Cue::Hazard),
    ("monkeys", Cue::Hazard),
    ("horses", Cue::Hazard),
    ("animals", Cue::Hazard),
    // Accidents, poisonings and medicine: deaths no one inflicted.
    ("hfmd", Cue::Hazard),
    ("aids", Cue::Hazard),
    ("hiv", Cue::Hazard),
    ("tainted", Cue::Hazard),
    ("contaminated", Cue::Hazard),
    ("food poisoning", Cue::Hazard),
    ("alcohol poisoning", Cue::Hazard),
    ("liquor", Cue::Hazard),
    ("transplant", Cue::Hazard),
    ("waiting list", Cue::Hazard),
    ("hogs", Cue::Hazard),
    ("marburg", Cue::Hazard),
    ("carbon monoxide", Cue::Hazard),
    ("pets", Cue::Hazard),
    ("gas explosion", Cue::Hazard),
    ("gas leak", Cue::Hazard),
    ("gas cylinder", Cue::Hazard),
    ("boiler", Cue::Hazard),
    ("fireworks", Cue::Hazard),
    ("accident", Cue::Hazard),
    ("accidents", Cue::Hazard),
    ("accidental", Cue::Hazard),
    ("accidentally", Cue::Hazard),
    ("crash", Cue::Hazard),
    ("collision", Cue::Hazard),
    ("capsized", Cue::Hazard),
    ("capsize", Cue::Hazard),
    ("derailed", Cue::Hazard),
    ("derailment", Cue::Hazard),
    ("bus overturned", Cue::Hazard),
    ("truck overturned", Cue::Hazard),
    ("vehicle overturned", Cue::Hazard),
    ("car overturned", Cue::Hazard),
    ("overturned on the", Cue::Hazard),
    ("drowned", Cue::Hazard),
    ("drowning", Cue::Hazard),
    ("stampede", Cue::Hazard),
    ("hypothermia", Cue::Hazard),
    ("methanol", Cue::Hazard),
    ("party drugs", Cue::Hazard),
    ("mullet", Cue::Hazard),
    ("jellyfish", Cue::Hazard),
    ("whales", Cue::Hazard),
    ("dolphins", Cue::Hazard),
    ("turtles", Cue::Hazard),
    ("inundated", Cue::Hazard),
    ("charged with", Cue::Charge),
    ("convictions", Cue::Charge),
    ("conviction for", Cue::Charge),
    ("convicted of", Cue::Charge),
    ("accused of", Cue::Charge),
    ("guilty of", Cue::Charge),
    ("suspicion of", Cue::Charge),
    ("charges of", Cue::Charge),
    ("charge of", Cue::Charge),
    ("charge against", Cue::Charge),
    ("counts of", Cue::Charge),
    ("count of", Cue::Charge),
    ("prosecuted for", Cue::Charge),
    ("prosecuted under", Cue::Charge),
    ("indicted for", Cue::Charge),
    ("trial for", Cue::Charge),
    ("trial of", Cue::Charge),
    ("jailed for", Cue::Charge),
    ("sentenced for", Cue::Charge),
    ("arrested for", Cue::Charge),
    ("confessed to", Cue::Charge),
    ("confessing to", Cue::Charge),
    ("confesses to", Cue::Charge),
    ("pleaded guilty to", Cue::Charge),
    ("pleads guilty to", Cue::Charge),
    ("pleaded not guilty to", Cue::Charge),
    ("possession of", Cue::Charge),
    ("selling", Cue::Trade),
    ("sell", Cue::Trade),
    ("sells", Cue::Trade),
    ("sale", Cue::Trade),
    ("sales", Cue::Trade),
    ("sold", Cue::Trade),
    ("buy", Cue::Trade),
    ("buying", Cue::Trade),
    ("bought", Cue::Trade),
    ("purchase", Cue::Trade),
    ("purchased", Cue::Trade),
    ("purchasing", Cue::Trade),
    ("export", Cue::Trade),
    ("exports", Cue::Trade),
    ("import", Cue::Trade),
    ("imports", Cue::Trade),
    ("order", Cue::Trade),
    ("orders", Cue::Trade),
    ("ordered", Cue::Trade),
    ("supply", Cue::Trade),
    ("supplying", Cue::Trade),
    ("deliver", Cue::Trade),
    ("delivered", Cue::Trade),
    ("delivery", Cue::Trade),
    ("manufacture", Cue::Trade),
    ("manufacturer", Cue::Trade),
    ("maker", Cue::Trade),
    ("makers", Cue::Trade),
    ("ceasefire*", Cue::Peace),
    ("cease-fire*", Cue::Peace),
    ("truce*", Cue::Peace),
    ("peace", Cue::Peace),
    ("surrender*", Cue::Peace),
    ("reconciliation", Cue::Peace),
    ("power-sharing", Cue::Peace),
    ("prisoner*", Cue::Peace),
    ("hostage*", Cue::Peace),
    ("detainees", Cue::Peace),
    ("exchange", Cue::Peace),
    ("swap", Cue::Peace),
    ("withdrawal", Cue::Peace),
    ("withdraw*", Cue::Peace),
    ("disarm*", Cue::Peace),
    ("demobili*", Cue::Peace),
    ("armistice", Cue::Peace),
    ("hostilities", Cue::Peace),
    ("fighting", Cue::Peace),
    ("rebels", Cue::Peace),
    ("militants", Cue::Peace),
    ("insurgents", Cue::Peace),
    ("armed group*", Cue::Peace),
    ("militia*", Cue::Peace),
    ("end the war", Cue::Peace),
    ("end the conflict", Cue::Peace),
    ("non-aggression", Cue::Peace),
    ("war", Cue::Peace),
    ("factions", Cue::Peace),
    ("negotiations", Cue::Peace),
    ("inning", Cue::Sport),
    ("innings", Cue::Sport),
    ("touchdown*", Cue::Sport),
    ("quarterback*", Cue::Sport),
    ("playoff*", Cue::Sport),
    ("wicket*", Cue::Sport),
    ("goalkeeper*", Cue::Sport),
    ("midfielder*", Cue::Sport),
    ("hat-trick", Cue::Sport),
    ("home run*", Cue::Sport),
    ("pitcher", Cue::Sport),
    ("pitched", Cue::Sport),
    ("scored", Cue::Sport),
    ("ufc", Cue::Sport),
    ("mma", Cue::Sport),
    ("boxer", Cue::Sport),
    ("boxing", Cue::Sport),
    ("wrestler*", Cue::Sport),
    ("wrestling", Cue::Sport),
    ("grand prix", Cue::Sport),
    ("semi-final*", Cue::Sport),
    ("semifinal*", Cue::Sport),
    ("quarter-final*", Cue::Sport),
    ("quarterfinal*", Cue::Sport),
    ("world cup", Cue::Sport),
    ("premier league", Cue::Sport),
    ("champions league", Cue::Sport),
    ("nba", Cue::Sport),
    ("nfl", Cue::Sport),
    ("mlb", Cue::Sport),
    ("nhl", Cue::Sport),
    ("teammate*", Cue::Sport),
    ("kick-off", Cue::Sport),
    ("kickoff", Cue::Sport),
    ("game-winning", Cue::Sport),
    ("buzzer-beater", Cue::Sport),
    ("fatalities", Cue::DeathNoun),
    ("deaths", Cue::DeathNoun),
    ("death toll", Cue::Toll),
    ("toll", Cue::Toll),
    ("bringing the", Cue::Toll),
    ("a total of", Cue::Toll),
    ("in total", Cue::Toll),
    ("others", Cue::Others),
];

/// A match of a lexicon pattern in the document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit<T> {
    pub span: Span,
    pub what: T,
}

/// A compiled word-boundary lexicon.
pub struct Lexicon<T: Copy + 'static> {
    automaton: Matcher,
    /// Each pattern's text as the automaton holds it (without the `*`).
    patterns: Vec<String>,
    values: Vec<(T, bool)>,
}

impl<T: Copy + 'static> Lexicon<T> {
    /// Builds from `(pattern, value)`; a trailing `*` marks a prefix pattern.
    /// Returns `None` only if the automaton cannot be built (it can for
    /// these static tables; tests check it).
    pub fn build(entries: &[(&str, T)]) -> Option<Self> {
        let mut patterns = Vec::with_capacity(entries.len());
        let mut values = Vec::with_capacity(entries.len());
        for (pattern, value) in entries {
            let (text, prefix) = match pattern.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (*pattern, false),
            };
            patterns.push(text.to_string());
            values.push((*value, prefix));
        }
        let automaton = build_automaton(&patterns).ok()?;
        Some(Lexicon {
            automaton,
            patterns,
            values,
        })
    }

    /// All word-boundary matches in `text`, in order. A prefix pattern's span
    /// is extended to the end of the word it starts.
    pub fn find(&self, text: &str) -> Vec<Hit<T>> {
        hits(leftmost_longest_valid(
            &self.automaton,
            text,
            |pattern, start, end| self.accept(text, pattern, start, end),
        ))
    }

    /// Whether a raw match of `pattern` at `start..end` counts, and where it
    /// ends (a prefix pattern runs to the end of its word).
    fn accept(&self, text: &str, pattern: usize, start: usize, end: usize) -> Option<(usize, T)> {
        let (value, prefix) = *self.values.get(pattern)?;
        if !word_starts_at(text, start) {
            return None;
        }
        let bytes = text.as_bytes();
        let mut end = end;
        if prefix {
            while end < bytes.len() && is_word_byte(bytes[end]) {
                end += 1;
            }
            // Extend over non-ASCII letters too ("protesté"), never
            // into a no-break space or a curly quote.
            while let Some(c) = text.get(end..).and_then(|t| t.chars().next()) {
                if !c.is_alphanumeric() {
                    break;
                }
                end += c.len_utf8();
            }
        } else if !word_ends_at(text, end) {
            return None;
        }
        Some((end, value))
    }
}

fn hits<T>(found: Vec<(Span, T)>) -> Vec<Hit<T>> {
    found
        .into_iter()
        .map(|(span, what)| Hit { span, what })
        .collect()
}

/// Raw matches kept by an `accept` check: (start, end, pattern, value).
type Found<V> = Vec<(usize, usize, usize, V)>;

/// One automaton over the actor dictionary and the trigger and cue
/// lexicons, so a document is read once rather than three times (the three
/// scans were the largest single item of the coder's profile). Each match
/// is checked by the set its pattern came from, and leftmost-longest
/// selection runs per set, exactly as the separate scans did.
pub struct Scanner {
    automaton: Matcher,
    /// Patterns below this id are the actor dictionary's...
    first_trigger: usize,
    /// ...then the triggers', then from here the cues'.
    first_cue: usize,
}

/// What one pass over a text found, per set, each in text order.
pub struct Scanned {
    pub actors: Vec<crate::actors::ActorMention>,
    pub triggers: Vec<Hit<Cat>>,
    pub cues: Vec<Hit<Cue>>,
}

impl Scanner {
    /// Builds the combined automaton over the dictionary's patterns and the
    /// embedded trigger and cue lexicons.
    pub fn build<'p>(actor_patterns: impl ExactSizeIterator<Item = &'p str>) -> Option<Scanner> {
        let triggers = TRIGGER_LEXICON.as_ref()?;
        let cues = CUE_LEXICON.as_ref()?;
        let first_trigger = actor_patterns.len();
        let first_cue = first_trigger + triggers.patterns.len();
        let patterns = actor_patterns
            .chain(triggers.patterns.iter().map(String::as_str))
            .chain(cues.patterns.iter().map(String::as_str));
        let automaton = build_automaton(patterns).ok()?;
        Some(Scanner {
            automaton,
            first_trigger,
            first_cue,
        })
    }

    /// Actor mentions (checked by `dict`), trigger hits and cue hits.
    pub fn scan(&self, text: &str, dict: &crate::actors::ActorDictionary) -> Scanned {
        let (Some(trigger_lexicon), Some(cue_lexicon)) =
            (TRIGGER_LEXICON.as_ref(), CUE_LEXICON.as_ref())
        else {
            return Scanned {
                actors: Vec::new(),
                triggers: Vec::new(),
                cues: Vec::new(),
            };
        };
        let mut actors: Found<crate::actors::ActorRef> = Vec::new();
        let mut triggers: Found<Cat> = Vec::new();
        let mut cues: Found<Cue> = Vec::new();
        for_each_match_at_word_starts(&self.automaton, text, |pattern, start, end| {
            if pattern < self.first_trigger {
                if let Some((end, v)) = dict.accept(text, pattern, start, end) {
                    actors.push((start, end, pattern, v));
                }
            } else if pattern < self.first_cue {
                let p = pattern - self.first_trigger;
                if let Some((end, v)) = trigger_lexicon.accept(text, p, start, end) {
                    triggers.push((start, end, p, v));
                }
            } else {
                let p = pattern - self.first_cue;
                if let Some((end, v)) = cue_lexicon.accept(text, p, start, end) {
                    cues.push((start, end, p, v));
                }
            }
        });
        Scanned {
            actors: leftmost_longest(actors)
                .into_iter()
                .map(|(span, actor)| crate::actors::ActorMention { span, actor })
                .collect(),
            triggers: hits(leftmost_longest(triggers)),
            cues: hits(leftmost_longest(cues)),
        }
    }
}

/// Leftmost-longest matching among the matches `accept` keeps (it returns
/// the match's end, possibly extended, and its value). Choosing after the
/// check, not before, keeps a longer pattern that fails it ("Seleka Militia"
/// inside "Seleka militiamen") from hiding a shorter one that passes
/// ("Seleka"). Ties go to the pattern listed first. The automaton must be
/// built with `MatchKind::Standard`.
pub fn leftmost_longest_valid<V>(
    automaton: &Matcher,
    text: &str,
    mut accept: impl FnMut(usize, usize, usize) -> Option<(usize, V)>,
) -> Vec<(Span, V)> {
    let mut found: Found<V> = Vec::new();
    for_each_match(automaton, text, |pattern, start, end| {
        if let Some((end, v)) = accept(pattern, start, end) {
            found.push((start, end, pattern, v));
        }
    });
    leftmost_longest(found)
}

/// Every match of every pattern, overlapping: (pattern, start, end).
fn for_each_match(automaton: &Matcher, text: &str, mut each: impl FnMut(usize, usize, usize)) {
    let input = Input::new(text);
    let mut state = OverlappingState::start();
    // An automaton built with `MatchKind::Standard` supports overlapping
    // search and never fails, so the loop ends at the end of the text.
    while automaton.try_find_overlapping(&input, &mut state).is_ok() {
        let Some(m) = state.get_match() else { break };
        each(m.pattern().as_usize(), m.start(), m.end());
    }
}

/// Every match, overlapping, that starts where a word starts: an anchored
/// search from each word start, which stops as soon as no pattern can
/// continue. Every pattern starts with a letter or digit and must start on
/// a word boundary, so these are all the matches that can be accepted; and
/// a walk of a few bytes per word stays in the automaton's hot states,
/// where an unanchored pass over every byte of the text waited on a cache
/// miss per byte (a full DFA over all the patterns is several megabytes;
/// the contiguous NFA used here is smaller and, anchored, no slower).
fn for_each_match_at_word_starts(
    automaton: &Matcher,
    text: &str,
    mut each: impl FnMut(usize, usize, usize),
) {
    let Ok(start) = automaton.start_state(Anchored::Yes) else {
        return; // every `Matcher` supports anchored searches
    };
    let bytes = text.as_bytes();
    let mut after_word = false;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // ASCII byte by byte; a char is decoded only where one starts
        // beyond ASCII (the same test as `char::is_alphanumeric`).
        let (in_word, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            match text.get(at..).and_then(|t| t.chars().next()) {
                Some(c) => (c.is_alphanumeric(), c.len_utf8()),
                None => (false, 1),
            }
        };
        if in_word && !after_word {
            walk_anchored(automaton, start, bytes, at, &mut each);
        }
        after_word = in_word;
        at += len;
    }
}

/// The matches that start at `at`, in the order the anchored overlapping
/// search reports them (by end, then by the state's match list), walking
/// the automaton's transitions directly: the search API's set-up per call
/// cost more than the few steps most words take before the dead state.
fn walk_anchored(
    automaton: &Matcher,
    start: aho_corasick::automaton::StateID,
    bytes: &[u8],
    at: usize,
    each: &mut impl FnMut(usize, usize, usize),
) {
    let mut sid = start;
    for (end, &b) in bytes.iter().enumerate().skip(at).map(|(i, b)| (i + 1, b)) {
        sid = automaton.next_state(Anchored::Yes, sid, b);
        if !automaton.is_special(sid) {
            continue;
        }
        if automaton.is_dead(sid) {
            return;
        }
        if automaton.is_match(sid) {
            for index in 0..automaton.match_len(sid) {
                let pattern = automaton.match_pattern(sid, index);
                // A state also reports the patterns that end it ("a" at the
                // end of "éa"): those start inside this word, off a word
                // start, or at a later word start, whose own walk finds them.
                if end.checked_sub(automaton.pattern_len(pattern)) == Some(at) {
                    each(pattern.as_usize(), at, end);
                }
            }
        }
    }
}

/// Leftmost-longest selection among accepted matches; ties go to the
/// pattern listed first.
fn leftmost_longest<V>(mut found: Found<V>) -> Vec<(Span, V)> {
    found.sort_by_key(|f| (f.0, std::cmp::Reverse(f.1), f.2));
    let mut out = Vec::new();
    let mut covered = 0;
    for (start, end, _, value) in found {
        if start >= covered {
            out.push((Span::new(start, end), value));
            covered = end;
        }
    }
    out
}

/// The automaton every dictionary scan uses: a contiguous NFA, both for
/// [`Scanner`]'s anchored per-document pass and for the stand-alone scans
/// (one lexicon, the outlet table, the actor dictionary's fallback), which
/// serve short texts where a full DFA's search speed does not pay for its
/// build: building DFAs for them took about 360 million instructions (some
/// 0.05-0.1 s) at every process's start.
pub type Matcher = aho_corasick::nfa::contiguous::NFA;

/// Builds a [`Matcher`]: ASCII case-insensitive, all matches reported
/// (`MatchKind::Standard`, as [`leftmost_longest_valid`] needs).
pub fn build_automaton<P: AsRef<[u8]>>(
    patterns: impl IntoIterator<Item = P>,
) -> Result<Matcher, aho_corasick::BuildError> {
    aho_corasick::nfa::contiguous::Builder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(patterns)
}

/// ASCII letters and digits.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// No letter or digit (of any script) right before `pos`: a no-break space,
/// a dash or a curly quote is a boundary, "é" is not.
pub fn word_starts_at(text: &str, pos: usize) -> bool {
    text.get(..pos)
        .and_then(|t| t.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric())
}

/// No letter or digit right at `pos`.
pub fn word_ends_at(text: &str, pos: usize) -> bool {
    text.get(pos..)
        .and_then(|t| t.chars().next())
        .is_none_or(|c| !c.is_alphanumeric())
}

pub static TRIGGER_LEXICON: LazyLock<Option<Lexicon<Cat>>> =
    LazyLock::new(|| Lexicon::build(TRIGGERS));
pub static CUE_LEXICON: LazyLock<Option<Lexicon<Cue>>> = LazyLock::new(|| Lexicon::build(CUES));

/// Trigger hits in `text`.
pub fn triggers(text: &str) -> Vec<Hit<Cat>> {
    TRIGGER_LEXICON
        .as_ref()
        .map(|l| l.find(text))
        .unwrap_or_default()
}

/// Cue hits in `text`.
pub fn cues(text: &str) -> Vec<Hit<Cue>> {
    CUE_LEXICON
        .as_ref()
        .map(|l| l.find(text))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_build() {
        assert!(TRIGGER_LEXICON.is_some());
        assert!(CUE_LEXICON.is_some());
    }

    #[test]
    fn prefix_and_exact_patterns_respect_word_boundaries() {
        let text = "Protesters protested; a strikebreaker and an air strike.";
        let hits = triggers(text);
        let words: Vec<&str> = hits
            .iter()
            .map(|h| &text[h.span.start..h.span.end])
            .collect();
        assert_eq!(words, vec!["Protesters", "protested", "air strike"]);
    }

    #[test]
    fn no_break_spaces_and_curly_quotes_are_boundaries() {
        let text = "continue to\u{a0}clash\u{a0}with \u{201c}protesters\u{201d} and Montréal";
        let hits = triggers(text);
        let words: Vec<&str> = hits
            .iter()
            .map(|h| &text[h.span.start..h.span.end])
            .collect();
        assert_eq!(words, vec!["clash", "protesters"]);
    }

    proptest::proptest! {
        /// The anchored walk from each word start finds exactly the
        /// unanchored search's matches that start where a word starts (no
        /// letter or digit of any script before it), each once.
        #[test]
        fn word_start_search_is_the_filtered_full_search(
            text in "[a-cA-Cé0 .—-]{0,30}"
        ) {
            let patterns = ["a", "ab", "bc", "éa", "0 a", "c-a", "Ab.", "b-é"];
            let automaton = build_automaton(patterns).unwrap();
            let mut anchored = Vec::new();
            for_each_match_at_word_starts(&automaton, &text, |p, s, e| {
                anchored.push((p, s, e))
            });
            let mut full = Vec::new();
            for_each_match(&automaton, &text, |p, s, e| {
                if word_starts_at(&text, s) {
                    full.push((p, s, e));
                }
            });
            anchored.sort();
            full.sort();
            proptest::prop_assert_eq!(anchored, full);
        }
    }

    #[test]
    fn burning_words_are_word_forms_not_prefixes() {
        let text =
            "kept on the back burner during a torchlight march; rioters torched and burned cars";
        let words: Vec<&str> = triggers(text)
            .iter()
            .map(|h| &text[h.span.start..h.span.end])
            .collect();
        assert_eq!(words, vec!["march", "rioters", "torched", "burned"]);
    }

    #[test]
    fn longest_match_wins() {
        let text = "a suicide car bomber struck";
        let hits = triggers(text);
        assert_eq!(hits[0].what, Cat::Suicide);
        assert_eq!(
            &text[hits[0].span.start..hits[0].span.end],
            "suicide car bomber"
        );
    }
}
