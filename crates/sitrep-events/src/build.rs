//! Turning an incident into an [`Event`], every field with its evidence.

use crate::actors::{era_name, ActorMention, ActorRef, AgentKind};
use crate::fatalities::{count_sentence, Count};
use crate::incidents::{is_dateline_abroad, is_home, places_near, Incident};
use crate::lexicon::{Cat, Hit};
use crate::reading::{country_words, is_country, starting_in, Annotated, Words};
use chrono::NaiveDate;
use sitrep_geo::countries;
use sitrep_model::{
    haversine_km, ActorType, CharOffsets, Event, EventType, Evidence, Fields, PlaceMention, Span,
    SubEventType, TimePrecision,
};

/// An actor chosen for a slot, with the span that names or implies it.
#[derive(Debug, Clone, PartialEq)]
struct Slot {
    name: String,
    inter: ActorType,
    span: Span,
}

/// The country the document is mostly about, and where it says so: a span
/// of the text, or `None` when only the outlet's country is known.
#[derive(Debug, Clone)]
pub struct DocCountry {
    pub name: String,
    pub span: Option<Span>,
}

/// The dominant country: places count twice, demonyms and names once.
pub fn doc_country(an: &Annotated<'_>) -> Option<DocCountry> {
    let mut votes: Vec<(String, usize, Option<Span>)> = Vec::new();
    let mut vote = |name: &str, weight: usize, span: Option<Span>| match votes
        .iter_mut()
        .find(|(n, _, _)| n == name)
    {
        Some(v) => v.1 += weight,
        None => votes.push((name.to_string(), weight, span)),
    };
    for p in &an.places {
        if !p.place.country.is_empty() {
            vote(&p.place.country, 2, Some(p.span));
        }
    }
    for (span, name) in country_words(an.text) {
        vote(name, 1, Some(span));
    }
    // A named actor's home country ("Al Shabaab" → Somalia) is weak
    // evidence of where the report is set.
    for m in &an.actors {
        if let ActorRef::Named(i) = m.actor {
            if let Some(home) = an.dict.named.get(i).and_then(|a| a.country.as_deref()) {
                vote(home, 1, Some(m.span));
            }
        }
    }
    // A national outlet's country counts once, after the text: it breaks
    // ties ("Russia/Syria: cluster munition attacks" in a Syrian source)
    // and stands alone when the text names no country.
    if let Some(c) = an.outlet {
        vote(c.name, 1, None);
    }
    // Ties go to the first mentioned (votes keep first-seen order).
    let best = votes.iter().map(|v| v.1).max()?;
    votes
        .into_iter()
        .find(|v| v.1 == best)
        .map(|(name, _, span)| DocCountry { name, span })
}

/// "Nigerian troops", "Kenya's army": the country named just before a
/// state-force noun.
fn demonym_before(an: &Annotated<'_>, mention: Span) -> Option<(&'static str, Span)> {
    let head = an.text.get(..mention.start)?;
    let mut end = head.len();
    for _ in 0..2 {
        let trimmed = head[..end].trim_end();
        // A line break ends a headline or a paragraph as a full stop does.
        if trimmed.ends_with([',', ';', '.', ':']) || head[trimmed.len()..end].contains('\n') {
            return None;
        }
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        let word = &trimmed[start..];
        if word.is_empty() {
            return None;
        }
        let bare = word
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim_end_matches('\'');
        if bare.starts_with(|c: char| c.is_uppercase()) {
            let country = countries::by_demonym(bare)
                .or_else(|| countries::by_name(bare))
                .or_else(|| countries::by_acronym(bare));
            if let Some(c) = country {
                return Some((c.name, Span::new(start, start + word.len())));
            }
        }
        end = start;
    }
    None
}

/// How far from its home country's point a named armed group is taken to
/// fight: Nigeria's point to Chad's is 1,317 km, Somalia's to Kenya's
/// 1,575; Syria's to Libya's is 2,096. A country's point stands for all of
/// it, so this is a neighbourhood, not a border.
const NEAR_HOME_KM: f64 = 1600.0;

/// The document's most-mentioned named armed group that is not a state
/// force: what "the militants" refers to.
fn doc_group(an: &Annotated<'_>) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for m in &an.actors {
        if let ActorRef::Named(i) = m.actor {
            let non_state = an.dict.named.get(i).is_some_and(|a| {
                matches!(
                    a.inter,
                    ActorType::RebelGroup
                        | ActorType::PoliticalMilitia
                        | ActorType::IdentityMilitia
                )
            });
            if non_state {
                match counts.iter_mut().find(|(k, _)| *k == i) {
                    Some(c) => c.1 += 1,
                    None => counts.push((i, 1)),
                }
            }
        }
    }
    let best = counts.iter().map(|c| c.1).max()?;
    counts.into_iter().find(|c| c.1 == best).map(|c| c.0)
}

/// Words before two places that name the stretch between them.
const ROUTE_WORDS: &[&str] = &["between", "linking", "connecting", "joining"];

/// Nouns of a line or meeting point between two places ("the border of
/// Homs and Deir Ezzor").
const LINE_NOUNS: &[&str] = &[
    "border",
    "borders",
    "boundary",
    "boundaries",
    "junction",
    "intersection",
    "crossroads",
];

/// What joins two places of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListJoint {
    Comma,
    And,
}

/// The joint that `between` (the text between two place names) is, if it
/// is only one: ", ", " and ", ", and ", " & ".
fn list_joint(between: &str) -> Option<ListJoint> {
    let t = between.trim();
    let t = t.strip_prefix(',').map_or(t, str::trim_start);
    match t {
        "" if between.trim() == "," => Some(ListJoint::Comma),
        "and" | "&" => Some(ListJoint::And),
        _ => None,
    }
}

/// An event's share of counts told for `among` places together: even
/// shares, the remainder to the first places. Its evidence keeps the
/// count's span and says among how many places it was divided.
fn divide_counts(event: &mut Event, among: u32, index: u32) {
    let share = |total: u32| total / among + u32::from(index < total % among);
    for (value, field) in [
        (&mut event.fatalities, Fields::FATALITIES),
        (&mut event.wounded, Fields::WOUNDED),
    ] {
        let Some(total) = value.filter(|&t| t > 0) else {
            continue;
        };
        *value = Some(share(total));
        if let Some(ev) = event.evidence.get_mut(field) {
            ev.divided_among = Some(among);
        }
    }
}

/// FNV-1a: stable across Rust versions (unlike `DefaultHasher`).
fn stable_hash(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in *part {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Builds events for one document's incidents.
pub struct Builder<'b, 'a> {
    pub an: &'b Annotated<'a>,
    pub offsets: CharOffsets<'a>,
    pub country: Option<DocCountry>,
    group: Option<usize>,
}

impl<'b, 'a> Builder<'b, 'a> {
    pub fn new(an: &'b Annotated<'a>) -> Self {
        Builder {
            an,
            offsets: an.doc.char_offsets(),
            country: doc_country(an),
            group: doc_group(an),
        }
    }

    fn evidence(&self, span: Span) -> Evidence {
        let (s, e) = self.offsets.span(span);
        Evidence::text_span(s, e, self.an.slice(span))
    }

    fn put(&self, event: &mut Event, field: &str, span: Span) {
        event
            .evidence
            .insert(field.to_string(), self.evidence(span));
    }

    fn slot_for(&self, m: &ActorMention, country: Option<&str>) -> Option<Slot> {
        let named = |i: usize| {
            let a = self.an.dict.named.get(i)?;
            Some(Slot {
                name: a.name_in(country)?,
                inter: a.inter,
                span: m.span,
            })
        };
        match m.actor {
            ActorRef::Named(i) => named(i),
            // "The militants" are the story's armed group where the event
            // is in or near the group's country (or the group is
            // transnational): "rebels" in Syria are not the Polisario Front
            // a paragraph on Western Sahara named.
            ActorRef::Agent(AgentKind::Militants)
                if self.group.is_some_and(|g| self.fights_in(g, country)) =>
            {
                self.group.and_then(named)
            }
            ActorRef::Agent(kind) => {
                let state = matches!(
                    kind,
                    AgentKind::Military | AgentKind::Police | AgentKind::Government
                );
                let own = if state {
                    demonym_before(self.an, m.span).map(|(c, _)| c)
                } else {
                    None
                };
                let c = own.or(country)?;
                let (name, inter) = kind.acled_name(c);
                Some(Slot {
                    name,
                    inter,
                    span: m.span,
                })
            }
        }
    }

    /// Can named actor `i` be at an event in `country`: at home or in a
    /// country whose point is within [`NEAR_HOME_KM`] of home's (Boko Haram
    /// in Cameroon and Chad, Hezbollah in Syria), or anywhere for a
    /// transnational group or an event of no known country.
    fn fights_in(&self, i: usize, country: Option<&str>) -> bool {
        let home = self.an.dict.named.get(i).and_then(|a| a.country.as_deref());
        let (Some(home), Some(country)) = (home, country) else {
            return true;
        };
        if home == country {
            return true;
        }
        match (countries::by_name(home), countries::by_name(country)) {
            (Some(h), Some(c)) => haversine_km((h.lat, h.lon), (c.lat, c.lon)) <= NEAR_HOME_KM,
            _ => true,
        }
    }

    fn default_slot(&self, kind: AgentKind, country: Option<&str>, span: Span) -> Option<Slot> {
        let (name, inter) = kind.acled_name(country?);
        Some(Slot { name, inter, span })
    }

    /// The event's place: the incident's own, else the nearest in its
    /// sentences, else the document's main place.
    fn place(&self, inc: &Incident) -> Option<&'a PlaceMention> {
        if let Some(p) = inc.place.and_then(|i| self.an.places.get(i)) {
            return Some(p);
        }
        for &span in &inc.parts {
            if let Some(i) = places_near(self.an, span, inc.reading.anchor).first() {
                return self.an.places.get(*i).copied();
            }
        }
        // A clause of a sentence that reports two incidents does not take
        // the place named in the other clause ("Gunmen stormed a police
        // station three days after the market bombing in Baqubah").
        let in_other_clause = |p: &PlaceMention| {
            inc.sentences
                .iter()
                .any(|&s| self.an.sentences.get(s).is_some_and(|x| x.contains(p.span)))
                && !inc.parts.iter().any(|part| part.contains(p.span))
        };
        // Nor a dateline abroad of the countries its own text names.
        let datelines_abroad: Vec<&PlaceMention> = self
            .an
            .places
            .iter()
            .copied()
            .filter(|p| {
                inc.parts
                    .iter()
                    .any(|&part| is_dateline_abroad(self.an, part, p))
            })
            .collect();
        let main = self.main_place_but(|p| {
            in_other_clause(p) || datelines_abroad.iter().any(|d| std::ptr::eq(*d, p))
        });
        // With only countries left, the one its own text names rather than
        // the dateline's, which the header's address makes the document's
        // main country ("BEIRUT, Lebanon (AP) — jets bombed ... Syria").
        let Some(dateline) = datelines_abroad.first() else {
            return main;
        };
        if !main.is_some_and(is_country) {
            return main;
        }
        let own_country = self.an.places.iter().copied().find(|p| {
            is_country(p)
                && p.place.country_code != dateline.place.country_code
                && inc.parts.iter().any(|part| part.contains(p.span))
        });
        own_country.or(main)
    }

    /// The most-mentioned non-country place (first on ties) that `skip`
    /// does not rule out, else the first country mention.
    fn main_place_but(&self, skip: impl Fn(&PlaceMention) -> bool) -> Option<&'a PlaceMention> {
        let mut counts: Vec<(&str, usize, usize)> = Vec::new();
        for (i, p) in self.an.places.iter().enumerate() {
            if is_country(p) || is_home(p) || skip(p) {
                continue;
            }
            match counts.iter_mut().find(|c| c.0 == p.place.name) {
                Some(c) => c.1 += 1,
                None => counts.push((&p.place.name, 1, i)),
            }
        }
        let best = counts.iter().map(|c| c.1).max();
        match best {
            Some(best) => counts
                .into_iter()
                .find(|c| c.1 == best)
                .and_then(|c| self.an.places.get(c.2).copied()),
            None => {
                let countries = || self.an.places.iter().filter(|p| is_country(p));
                let dominant = self.country.as_ref().map(|c| c.name.as_str());
                countries()
                    .find(|p| Some(p.place.country.as_str()) == dominant)
                    .or_else(|| countries().next())
                    .copied()
            }
        }
    }

    /// The incident's events: one, or one per place when the place it
    /// happened at stands in a list of places of one kind and country
    /// ("protests in Assiut, Alexandria, and Suez", "clear Bulagana and
    /// Gambori of Boko Haram"): ACLED codes one event per location. A count
    /// told for the list is divided evenly among its events, the remainder
    /// going to the first, and its evidence says among how many.
    pub fn build_all(&self, inc: &Incident) -> Vec<Event> {
        let place = self.place(inc);
        let event = self.build_at(inc, place);
        let listed = place.map(|p| self.listed_with(inc, p)).unwrap_or_default();
        if listed.len() < 2 {
            return vec![event];
        }
        let among = listed.len() as u32;
        listed
            .iter()
            .enumerate()
            .map(|(i, &p)| {
                let mut e = event.clone();
                if !place.is_some_and(|chosen| std::ptr::eq(chosen, p)) {
                    self.move_to(&mut e, p);
                }
                divide_counts(&mut e, among, i as u32);
                e
            })
            .collect()
    }

    /// The run of places listed with `p` in the incident's own text ("X, Y
    /// and Z"), in text order; empty when `p` stands alone. A list ends in
    /// "and" ("Mamelodi, Pretoria" is a township and its city), and its
    /// places are all towns or all areas of one country, with distinct
    /// names ("Pandi, Bulacan" is a town and its province).
    fn listed_with(&self, inc: &Incident, p: &'a PlaceMention) -> Vec<&'a PlaceMention> {
        let places = &self.an.places;
        let Some(at) = places.iter().position(|q| std::ptr::eq(*q, p)) else {
            return Vec::new();
        };
        // Only a list in the sentence that tells of the incident: a place
        // taken from further away is a guess, and a guess copied to every
        // place of a list is several.
        let anchor = inc.reading.anchor;
        let told_in = self
            .an
            .sentence_of(anchor.start)
            .and_then(|i| self.an.sentences.get(i));
        if !told_in.is_some_and(|s| s.contains(p.span)) {
            return Vec::new();
        }
        let text = self.an.text;
        let joint = |a: &PlaceMention, b: &PlaceMention| -> Option<ListJoint> {
            let end = a.phrase.unwrap_or(a.span).end;
            let start = b.phrase.unwrap_or(b.span).start;
            let alike = a.place.feature == b.place.feature
                && !is_country(a)
                && a.place.country_code == b.place.country_code
                && a.place.name != b.place.name;
            (end <= start && alike)
                .then(|| list_joint(text.get(end..start)?))
                .flatten()
        };
        let (mut lo, mut hi) = (at, at);
        while lo > 0 && joint(places[lo - 1], places[lo]).is_some() {
            lo -= 1;
        }
        while hi + 1 < places.len() && joint(places[hi], places[hi + 1]).is_some() {
            hi += 1;
        }
        let ends_in_and = hi > lo && joint(places[hi - 1], places[hi]) == Some(ListJoint::And);
        let run = &places[lo..=hi];
        if !told_in.is_some_and(|s| run.iter().all(|q| s.contains(q.span))) {
            return Vec::new();
        }
        // "the road between Dikwa and Gwoza", "linking Elbuur and
        // Dhuusamareeb", "the border of Homs and Deir Ezzor": one stretch
        // or line between two places, not two places.
        let before = text
            .get(..run[0].phrase.unwrap_or(run[0].span).start)
            .unwrap_or("");
        let mut words_before = before.split_whitespace().rev();
        let last = words_before.next().unwrap_or("");
        let of_a_line = last.eq_ignore_ascii_case("of")
            && words_before
                .next()
                .is_some_and(|w| LINE_NOUNS.iter().any(|n| w.eq_ignore_ascii_case(n)));
        if of_a_line || ROUTE_WORDS.iter().any(|w| last.eq_ignore_ascii_case(w)) {
            return Vec::new();
        }
        let distinct = run
            .iter()
            .enumerate()
            .all(|(i, a)| run[..i].iter().all(|b| b.place.name != a.place.name));
        if ends_in_and && distinct {
            run.to_vec()
        } else {
            Vec::new()
        }
    }

    /// Moves a copy of an event to another place of its list: its own id,
    /// location and area fields, with that place's evidence.
    fn move_to(&self, event: &mut Event, p: &PlaceMention) {
        let id = stable_hash(&[
            event.event_id.as_bytes(),
            &p.span.start.to_le_bytes(),
            &p.span.end.to_le_bytes(),
        ]);
        event.event_id = format!("{id:016x}");
        event.admin1 = None;
        event.admin2 = None;
        for f in [Fields::ADMIN1, Fields::ADMIN2] {
            event.evidence.remove(f);
        }
        self.fill_location(event, Some(p));
    }

    /// One event from an incident, at `place`.
    fn build_at(&self, inc: &Incident, place: Option<&PlaceMention>) -> Event {
        let an = self.an;
        let reading = inc.reading;
        let anchor = reading.anchor;
        let mut event = Event {
            doc_id: an.doc.id.clone(),
            source: an.doc.source.clone(),
            event_type: Some(reading.sub.event_type()),
            sub_event_type: Some(reading.sub),
            ..Default::default()
        };
        let id = stable_hash(&[
            an.doc.id.as_bytes(),
            &anchor.start.to_le_bytes(),
            &anchor.end.to_le_bytes(),
        ]);
        event.event_id = format!("{id:016x}");
        self.put(&mut event, Fields::EVENT_TYPE, anchor);
        self.put(&mut event, Fields::SUB_EVENT_TYPE, anchor);

        let notes_span = inc
            .parts
            .iter()
            .copied()
            .reduce(|a, b| a.cover(b))
            .unwrap_or(anchor);
        event.notes = Some(an.slice(notes_span).to_string());
        self.put(&mut event, Fields::NOTES, notes_span);

        let country = self.fill_location(&mut event, place);
        self.fill_date(&mut event, inc);
        self.fill_actors(&mut event, inc, country.as_deref());
        if let Some(date) = event.event_date {
            for actor in [&mut event.actor1, &mut event.actor2] {
                if let Some(era) = actor.as_deref().and_then(|a| era_name(a, date)) {
                    *actor = Some(era.to_string());
                }
            }
        }
        self.fill_counts(&mut event, inc);
        event.confidence = self.confidence(inc, place, &event);
        event
    }

    /// The country and its ISO numeric code, both from the span that named
    /// the place (or the country).
    fn set_country(&self, event: &mut Event, name: &str, span: Option<Span>) {
        let evidence = match (span, &self.an.doc.source) {
            (Some(span), _) => self.evidence(span),
            (None, Some(outlet)) => Evidence::outlet(outlet.as_str()),
            (None, None) => return,
        };
        event.country = Some(name.to_string());
        event.iso = countries::by_name(name).and_then(|c| c.iso_numeric);
        if event.iso.is_some() {
            event
                .evidence
                .insert(Fields::ISO.to_string(), evidence.clone());
        }
        event.evidence.insert(Fields::COUNTRY.to_string(), evidence);
    }

    fn fill_location(&self, event: &mut Event, place: Option<&PlaceMention>) -> Option<String> {
        let Some(p) = place else {
            let c = self.country.as_ref()?;
            self.set_country(event, &c.name, c.span);
            return Some(c.name.clone());
        };
        let whole = p.phrase.unwrap_or(p.span);
        event.location = Some(p.place.name.clone());
        event.latitude = Some(p.place.lat);
        event.longitude = Some(p.place.lon);
        event.geo_precision = Some(p.precision);
        for f in [
            Fields::LOCATION,
            Fields::LATITUDE,
            Fields::LONGITUDE,
            Fields::GEO_PRECISION,
        ] {
            self.put(event, f, whole);
        }
        if !p.place.country.is_empty() {
            self.set_country(event, &p.place.country, Some(p.span));
        }
        if let Some(a1) = &p.place.admin1 {
            event.admin1 = Some(a1.clone());
            self.put(event, Fields::ADMIN1, p.span);
        }
        if let Some(a2) = &p.place.admin2 {
            event.admin2 = Some(a2.clone());
            self.put(event, Fields::ADMIN2, p.span);
        }
        event.country.clone()
    }

    /// Armed actors of the incident's sentences, in text order, distinct.
    fn armed_slots(&self, inc: &Incident, country: Option<&str>) -> Vec<Slot> {
        let mut out: Vec<Slot> = Vec::new();
        for &part in &inc.parts {
            for m in self.an.actors_in(part) {
                if !self.an.is_armed(m) {
                    continue;
                }
                if let Some(slot) = self.slot_for(m, country) {
                    if !out.iter().any(|o| o.name == slot.name) {
                        out.push(slot);
                    }
                }
            }
        }
        out
    }

    fn first_mention(
        &self,
        inc: &Incident,
        pred: impl Fn(&ActorMention) -> bool,
    ) -> Option<ActorMention> {
        inc.parts
            .iter()
            .flat_map(|&part| self.an.actors_in(part))
            .find(|m| pred(m))
            .copied()
    }

    fn fill_actors(&self, event: &mut Event, inc: &Incident, country: Option<&str>) {
        use SubEventType as S;
        let an = self.an;
        let anchor = inc.reading.anchor;
        // The anchor may come from a later sentence that upgraded the reading.
        let sentence = inc
            .parts
            .iter()
            .copied()
            .find(|p| p.contains(anchor))
            .or_else(|| inc.parts.first().copied())
            .unwrap_or(anchor);
        let (agent, target) = an.agent_and_target(sentence, anchor);
        let agent_slot = agent
            .filter(|m| an.is_armed(m))
            .and_then(|m| self.slot_for(&m, country));
        let target_slot = target.and_then(|m| self.slot_for(&m, country));
        let armed = self.armed_slots(inc, country);
        let civilian = self.first_mention(inc, |m| an.is_civilian(m));
        let civilians = || match civilian {
            Some(m) => self.slot_for(&m, country),
            None => self.default_slot(AgentKind::Civilians, country, anchor),
        };
        let state = self.first_mention(inc, |m| an.is_state(m));
        let state_slot = state.and_then(|m| self.slot_for(&m, country));
        let unidentified = || self.default_slot(AgentKind::Unidentified, country, anchor);
        let (a1, a2, civ_target) = match inc.reading.sub.event_type() {
            EventType::Protests => {
                let protesters = self
                    .first_mention(inc, |m| {
                        matches!(m.actor, ActorRef::Agent(AgentKind::Protesters))
                    })
                    .map(|m| m.span)
                    .unwrap_or(anchor);
                let a2 = if inc.reading.sub == S::PeacefulProtest {
                    None
                } else {
                    state_slot.clone()
                };
                // "Eritrean refugees demonstrated in Addis Ababa": ACLED
                // names demonstrators by their own country.
                let own = self
                    .first_mention(inc, |m| {
                        matches!(
                            m.actor,
                            ActorRef::Agent(AgentKind::Protesters | AgentKind::Civilians)
                        )
                    })
                    .and_then(|m| demonym_before(an, m.span));
                let (protesters_country, protesters) = match own {
                    Some((c, span)) => (Some(c), span),
                    None => (country, protesters),
                };
                (
                    self.default_slot(AgentKind::Protesters, protesters_country, protesters),
                    a2,
                    false,
                )
            }
            EventType::Riots => {
                let rioters = self
                    .first_mention(inc, |m| {
                        matches!(m.actor, ActorRef::Agent(AgentKind::Rioters))
                    })
                    .map(|m| m.span)
                    .unwrap_or(anchor);
                let a2 = if inc.reading.sub == S::MobViolence {
                    state_slot.clone().or_else(civilians)
                } else {
                    state_slot.clone()
                };
                (
                    self.default_slot(AgentKind::Rioters, country, rioters),
                    a2,
                    false,
                )
            }
            EventType::ViolenceAgainstCivilians => {
                let a1 = agent_slot
                    .clone()
                    .or_else(|| armed.first().cloned())
                    .or_else(unidentified);
                (a1, civilians(), true)
            }
            EventType::ExplosionsRemoteViolence => {
                let air = inc.reading.sub == S::AirDroneStrike;
                let is_state_side = |s: &Slot| {
                    matches!(
                        s.inter,
                        ActorType::StateForces | ActorType::ExternalOtherForces
                    )
                };
                // "Israeli airstrikes", "Russian shelling": the country
                // named right before the weapon fired it.
                let national = || {
                    demonym_before(an, anchor)
                        .and_then(|(c, span)| self.default_slot(AgentKind::Military, Some(c), span))
                };
                // Air strikes come from states: a non-state group named
                // near one is its target ("an IS leader was killed in an
                // airstrike").
                let a1 = if air {
                    agent_slot
                        .clone()
                        .filter(is_state_side)
                        .or_else(|| armed.iter().find(|s| is_state_side(s)).cloned())
                        .or_else(national)
                } else {
                    agent_slot
                        .clone()
                        .or_else(|| {
                            armed
                                .iter()
                                .find(|s| Some(*s) != target_slot.as_ref())
                                .cloned()
                        })
                        .or_else(national)
                        .or_else(unidentified)
                };
                let armed_target = target_slot
                    .clone()
                    .filter(|t| !matches!(t.inter, ActorType::Civilians))
                    .or_else(|| armed.iter().find(|s| Some(*s) != a1.as_ref()).cloned());
                // An unnamed bomber in an incident whose perpetrator is named
                // elsewhere ("Al Shabaab claimed responsibility for the
                // attack"): the named group is the actor.
                let a1 = match a1 {
                    Some(s) if s.inter == ActorType::ExternalOtherForces || is_state_side(&s) => {
                        Some(s)
                    }
                    Some(s) if s.name.starts_with("Unidentified") => armed
                        .iter()
                        .find(|n| {
                            !is_state_side(n)
                                && !n.name.starts_with("Unidentified")
                                && Some(*n) != armed_target.as_ref()
                        })
                        .cloned()
                        .or(Some(s)),
                    other => other,
                };
                match armed_target {
                    // ACLED lists state forces first, as in battles: the
                    // 2016 dev gold does so in all 28 remote-violence events
                    // with one state and one non-state side, IEDs on police
                    // included.
                    Some(t) if a1.as_ref() == Some(&t) => (a1, None, false),
                    Some(t) if is_state_side(&t) && !a1.as_ref().is_some_and(is_state_side) => {
                        (Some(t), a1, false)
                    }
                    Some(t) => (a1, Some(t), false),
                    None if civilian.is_some() => (a1, civilians(), true),
                    None => (a1, None, false),
                }
            }
            EventType::Battles => {
                let mut sides = armed.clone();
                if let Some(a) = agent_slot.clone() {
                    sides.retain(|s| s.name != a.name);
                    sides.insert(0, a);
                }
                let territory = matches!(
                    inc.reading.sub,
                    S::GovernmentRegainsTerritory | S::NonStateActorOvertakesTerritory
                );
                if !territory {
                    // ACLED lists state forces first in battles, then
                    // external forces, then the rest in text order.
                    sides.sort_by_key(|s| match s.inter {
                        ActorType::StateForces => 0,
                        ActorType::ExternalOtherForces => 1,
                        _ => 2,
                    });
                    // The side that attacked is one of the two, whoever else
                    // the incident names ("Al Shabaab militants attacked an
                    // AMISOM base, killing 20 soldiers").
                    if let Some(a) = &agent_slot {
                        if let Some(pos) = sides
                            .iter()
                            .position(|s| s.name == a.name)
                            .filter(|&p| p > 1)
                        {
                            let s = sides.remove(pos);
                            sides.insert(1, s);
                        }
                    }
                }
                if territory {
                    let want_state = inc.reading.sub == S::GovernmentRegainsTerritory;
                    if let Some(pos) = sides
                        .iter()
                        .position(|s| (s.inter == ActorType::StateForces) == want_state)
                    {
                        let s = sides.remove(pos);
                        sides.insert(0, s);
                    }
                }
                let a1 = sides.first().cloned().or_else(unidentified);
                let a2 = sides.get(1).cloned().or_else(|| {
                    a1.as_ref()
                        .filter(|a| a.inter == ActorType::StateForces)
                        .and_then(|_| unidentified())
                });
                (a1, a2, false)
            }
            EventType::StrategicDevelopments => {
                let a1 = if inc.reading.sub == S::Arrests {
                    state_slot
                        .clone()
                        .or_else(|| self.default_slot(AgentKind::Police, country, anchor))
                } else if inc.reading.sub == S::DisruptedWeaponsUse {
                    // Seizing or defusing is done by the forces the incident
                    // named first ("police arrested ... Officers seized"); a
                    // bomb "defused" by no one named was defused by the
                    // police, as with arrests.
                    state_slot
                        .clone()
                        .or_else(|| agent_slot.clone())
                        .or_else(|| self.default_slot(AgentKind::Police, country, anchor))
                } else {
                    agent_slot.clone().or_else(|| armed.first().cloned())
                };
                let a2 = target_slot.filter(|t| Some(t) != a1.as_ref());
                (a1, a2, false)
            }
        };
        let civ_target = civ_target || a2.as_ref().is_some_and(|s| s.inter == ActorType::Civilians);
        let a2 = a2.filter(|s| a1.as_ref().is_none_or(|a| a.name != s.name));
        if let Some(s) = &a1 {
            event.actor1 = Some(s.name.clone());
            event.inter1 = Some(s.inter);
            self.put(event, Fields::ACTOR1, s.span);
            self.put(event, Fields::INTER1, s.span);
        }
        if let Some(s) = &a2 {
            event.actor2 = Some(s.name.clone());
            event.inter2 = Some(s.inter);
            self.put(event, Fields::ACTOR2, s.span);
            self.put(event, Fields::INTER2, s.span);
        }
        event.interaction = ActorType::interaction(event.inter1, event.inter2);
        let spans: Vec<Span> = a1.iter().chain(a2.iter()).map(|s| s.span).collect();
        if let Some(span) = spans.iter().copied().reduce(|a, b| a.cover(b)) {
            self.put(event, Fields::INTERACTION, span);
        }
        if civ_target && event.event_type != Some(EventType::Protests) {
            if let Some(s) = a2.as_ref().filter(|s| s.inter == ActorType::Civilians) {
                event.civilian_targeting = Some("Civilian targeting".to_string());
                self.put(event, Fields::CIVILIAN_TARGETING, s.span);
            }
        }
    }

    fn fill_counts(&self, event: &mut Event, inc: &Incident) {
        let an = self.an;
        let mut deaths: Option<Count> = None;
        let mut wounded: Option<Count> = None;
        let mut none_killed: Option<Span> = None;
        // Each sentence's own count of deaths, in order.
        let mut counted: Vec<u32> = Vec::new();
        for &sentence in &inc.parts {
            // A detail long after the incident was last told is another
            // story's ("a total of 331 confirmed cases"), and so is one
            // told beside a disease or a disaster ("... the South Asia
            // earthquake. The death toll officially stands at 23,000"), or
            // told after the incident's first report and just before a
            // hazard ("100 dead bodies have been recovered. An earthquake
            // triggered the wave").
            let index = an.sentence_of(sentence.start);
            if index.is_some_and(|i| !inc.counts_from(i)) {
                continue;
            }
            let detail = index.is_some_and(|i| !inc.reported.contains(&i));
            let first_report = index.is_some_and(|i| inc.reported.first() == Some(&i));
            if (detail && an.hazard_near(sentence)) || (!first_report && an.hazard_after(sentence))
            {
                continue;
            }
            // Deaths that did not happen, or happened long ago, are not counted.
            let in_sentence: Vec<&Hit<Cat>> = starting_in(&an.triggers, sentence, |h| h.span)
                .iter()
                .filter(|h| sentence.contains(h.span))
                .collect();
            let live: Vec<Hit<Cat>> = in_sentence
                .iter()
                .enumerate()
                .filter(|(i, h)| {
                    an.is_live(sentence, h, false)
                        && !relative_to_unreal(an, sentence, &in_sentence, *i)
                })
                .map(|(_, h)| **h)
                .collect();
            // Only this sentence's counts and cues (count_sentence tests
            // containment again): not every one of the document's.
            let quantities = starting_in(&an.quantities, sentence, |q| q.span);
            let cues = starting_in(&an.cues, sentence, |h| h.span);
            let c = count_sentence(an.text, sentence, quantities, &live, cues);
            none_killed = none_killed.or(c.none_killed);
            // A count one of the sentences before already gave, below the
            // total, tells that death again ("... was tragically killed in
            // action" after the two deaths were counted).
            let total = deaths.as_ref().map(|t| t.value);
            let retold = c.deaths.as_ref().is_some_and(|n| {
                !n.is_toll && counted.contains(&n.value) && total.is_some_and(|t| t > n.value)
            });
            if let Some(n) = &c.deaths {
                counted.push(n.value);
            }
            deaths = match an.added_death(sentence, &live) {
                Some(word) if deaths.is_some() => {
                    let one = Count {
                        value: 1,
                        evidence: word,
                        is_toll: false,
                    };
                    if c.deaths.is_none() {
                        counted.push(1);
                    }
                    added(deaths, c.deaths.or(Some(one)))
                }
                _ if retold => deaths,
                _ => combine(an.text, deaths, c.deaths),
            };
            wounded = combine(an.text, wounded, c.wounded);
        }
        match (deaths, none_killed) {
            (Some(d), _) => {
                event.fatalities = Some(d.value);
                self.put(event, Fields::FATALITIES, d.evidence);
            }
            (None, Some(span)) => {
                event.fatalities = Some(0);
                self.put(event, Fields::FATALITIES, span);
            }
            (None, None) => {}
        }
        if let Some(w) = wounded {
            event.wounded = Some(w.value);
            self.put(event, Fields::WOUNDED, w.evidence);
        }
    }

    fn fill_date(&self, event: &mut Event, inc: &Incident) {
        let an = self.an;
        let date = inc
            .date
            .and_then(|i| an.dates.get(i))
            .and_then(|d| d.date.map(|date| (d, date)));
        let date = date
            .map(|(d, date)| (date, d.precision, d.span))
            .or_else(|| inc.derived_date.map(|d| (d.date, d.precision, d.evidence)));
        match (date, an.doc.published) {
            (Some((date, precision, span)), _) => {
                event.event_date = Some(date);
                event.time_precision = Some(precision);
                self.put(event, Fields::EVENT_DATE, span);
                self.put(event, Fields::TIME_PRECISION, span);
            }
            (None, Some(published)) => self.publication_date(event, published),
            (None, None) => event.caveats.push("no_date_anchor".to_string()),
        }
    }

    /// No temporal expression: the report's date, a week's precision.
    fn publication_date(&self, event: &mut Event, published: NaiveDate) {
        event.event_date = Some(published);
        event.time_precision = Some(TimePrecision::Week);
        event.evidence.insert(
            Fields::EVENT_DATE.to_string(),
            Evidence::published(published),
        );
        event.evidence.insert(
            Fields::TIME_PRECISION.to_string(),
            Evidence::published(published),
        );
        event.caveats.push("date_from_publication".to_string());
    }

    fn confidence(&self, inc: &Incident, place: Option<&PlaceMention>, event: &Event) -> f32 {
        let mut c: f32 = if inc.reading.auxiliary { 0.55 } else { 0.75 };
        if inc.reading.weak {
            c -= 0.15;
        }
        let in_sentences = place.is_some_and(|p| inc.parts.iter().any(|s| s.contains(p.span)));
        if in_sentences {
            c += 0.1;
        }
        if event
            .evidence
            .get(Fields::ACTOR1)
            .is_some_and(|e| e.start.is_some())
            && event.actor1.is_some()
        {
            c += 0.05;
        }
        c.clamp(0.05, 0.95)
    }
}

/// Words between a relative pronoun and the trigger it leads to ("in which
/// a boy was" is 3 after "which").
const RELATIVE_CLAUSE_WORDS: usize = 6;

/// "their role in January's bombing, which killed 60", "an earlier shooting
/// incident in which a boy was killed": a death in a relative clause
/// belongs to the trigger before it, and is history if that trigger is.
/// The clause opens with "which", "that" or "who" right before the death
/// word, or a few words before it with no break between.
fn relative_to_unreal(an: &Annotated<'_>, sentence: Span, hits: &[&Hit<Cat>], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| hits.get(p)) else {
        return false;
    };
    let gap = an.slice(Span::new(prev.span.end, hits[i].span.start));
    // The text after the gap's last relative pronoun: the clause so far.
    let clause = gap
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| is_relative_word(w))
        .map(|word| {
            // `word` is a slice of `gap`: its offset is the pointers' distance.
            let start = word.as_ptr() as usize - gap.as_ptr() as usize;
            &gap[start + word.len()..]
        });
    let opens_clause = clause.is_some_and(|rest| {
        !rest.contains([',', ';', '.', ':'])
            && rest.split_whitespace().count() <= RELATIVE_CLAUSE_WORDS
    });
    opens_clause && !an.is_live(sentence, prev, false)
}

fn is_relative_word(word: &str) -> bool {
    ["which", "that", "who", "whom"]
        .iter()
        .any(|r| word.eq_ignore_ascii_case(r))
}

/// The number of the count at `next` and the word after it ("Four
/// Fulanis") were written already, in any case, between the start of the
/// running count at `total` and `next`: "killed four Fulanis and a
/// Konkomba ... Four Fulanis were killed in reprisal attacks" restates a
/// part of the five, it adds no four.
fn told_before(text: &str, total: Span, next: Span) -> bool {
    let mut words = Words::new(text, Span::new(next.start, text.len()));
    let (Some(number), Some(noun)) = (words.next(), words.next()) else {
        return false;
    };
    // Only a number and its noun: "at least" told twice restates nothing.
    let number_word = &text[number.start..number.end];
    if !(number_word.bytes().all(|b| b.is_ascii_digit())
        || sitrep_text::numbers::number_word_value(number_word).is_some())
    {
        return false;
    }
    let phrase = format!(
        "{} {}",
        text[number.start..number.end].to_ascii_lowercase(),
        text[noun.start..noun.end].to_ascii_lowercase()
    );
    // On word boundaries: "twenty-four Fulanis" is no "four Fulanis".
    let Some(before) = text.get(total.start..next.start) else {
        return false;
    };
    let before = before.to_ascii_lowercase();
    let bytes = before.as_bytes();
    before
        .match_indices(&phrase)
        .any(|(i, _)| i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'-'))
}

/// Counts across an incident's sentences: a restated toll replaces the
/// running figure if larger; otherwise separate victims add up, and a
/// repeated figure is a restatement, not new deaths.
/// `next` counted on top of `total`: deaths told as more ("also died").
fn added(total: Option<Count>, next: Option<Count>) -> Option<Count> {
    match (total, next) {
        (Some(t), Some(n)) if !n.is_toll => Some(sum(t, n)),
        (t, n) => n.or(t),
    }
}

/// Two counts of different people, as one.
fn sum(t: Count, n: Count) -> Count {
    Count {
        value: t.value.saturating_add(n.value),
        evidence: t.evidence.cover(n.evidence),
        is_toll: false,
    }
}

fn combine(text: &str, total: Option<Count>, next: Option<Count>) -> Option<Count> {
    match (total, next) {
        (None, n) => n,
        (t, None) => t,
        (Some(t), Some(n)) => {
            if n.is_toll || n.value == t.value || told_before(text, t.evidence, n.evidence) {
                Some(if n.value > t.value { n } else { t })
            } else {
                Some(sum(t, n))
            }
        }
    }
}
