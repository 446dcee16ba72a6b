//! Tests of the entities stage on sentences written for them, and of the data files.

use super::gazetteer::{self, CITIES, COUNTRIES, ORGS, PEOPLE, REGIONS, ROLES, STOPLIST, VENUES, parse_loose_date, rows};
use super::*;
use crate::text::split_sentences;
use std::collections::{BTreeMap, BTreeSet};

fn run(text: &str) -> Vec<(String, Entity)> {
    let sentences = split_sentences(text);
    find(text, &sentences).into_iter().map(|m| (m.span.slice(text).to_string(), m.entity)).collect()
}

fn person_at<'a>(found: &'a [(String, Entity)], surface: &str) -> Option<&'a Person> {
    found.iter().find_map(|(s, e)| match e {
        Entity::Person(p) if s == surface => Some(p),
        _ => None,
    })
}

fn place_at<'a>(found: &'a [(String, Entity)], surface: &str) -> Option<&'a Place> {
    found.iter().find_map(|(s, e)| match e {
        Entity::Place(p) if s == surface => Some(p),
        _ => None,
    })
}

fn p(name: &str, role: &str, country: &str) -> Person {
    Person { name: name.into(), role: Some(role.into()), country: Some(country.into()) }
}

// ---- known people ---------------------------------------------------------------

#[test]
fn zelensky_spellings_resolve_to_one_person() {
    for spelling in ["Volodymyr Zelenskyy", "Volodymyr Zelenskiy", "Zelensky", "Zelenskyy", "Vladimir Zelensky"] {
        let text = format!("{spelling} spoke to reporters in Kyiv.");
        let found = run(&text);
        assert_eq!(person_at(&found, spelling), Some(&p("Volodymyr Zelensky", "President", "Ukraine")), "{spelling}");
    }
}

#[test]
fn transliterations_and_diacritics() {
    let found = run("Sergey Lavrov and Recep Tayyip Erdoğan spoke; later Erdogan met Sergei Lavrov.");
    assert_eq!(person_at(&found, "Sergey Lavrov").map(|p| p.name.as_str()), Some("Sergei Lavrov"));
    assert_eq!(person_at(&found, "Recep Tayyip Erdoğan").map(|p| p.name.as_str()), Some("Recep Tayyip Erdogan"));
    assert_eq!(person_at(&found, "Erdogan").map(|p| p.country.as_deref()), Some(Some("Turkey")));
}

#[test]
fn surname_alone_resolves_to_built_in_person() {
    let found = run("Rubio and Lavrov shook hands before the talks.");
    assert_eq!(person_at(&found, "Rubio"), Some(&p("Marco Rubio", "Secretary of State", "United States")));
    assert_eq!(person_at(&found, "Lavrov"), Some(&p("Sergei Lavrov", "Foreign Minister", "Russia")));
}

#[test]
fn surname_colliding_with_a_city_needs_the_full_name_first() {
    // "Austin" is a city of Texas and Lloyd Austin's surname.
    let found = run("The delegation flew to Austin on Monday.");
    assert_eq!(place_at(&found, "Austin").and_then(|p| p.country.as_deref()), Some("United States"));
    assert!(person_at(&found, "Austin").is_none());
    let found = run("Lloyd Austin met his counterpart. Austin said the talks went well.");
    assert_eq!(person_at(&found, "Austin").map(|p| p.name.as_str()), Some("Lloyd Austin"));
}

#[test]
fn role_as_of_a_date() {
    let text = "Rustem Umerov arrived in Istanbul.";
    let s = split_sentences(text);
    let at = |d: &str| {
        let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
        find_at(text, &s, date).into_iter().find_map(|m| match m.entity {
            Entity::Person(p) => p.role,
            _ => None,
        })
    };
    assert_eq!(at("2025-05-16").as_deref(), Some("Defense Minister"));
    assert_eq!(at("2025-11-20").as_deref(), Some("National Security and Defense Council Secretary"));
    // Without a date: the current term, deterministically.
    assert_eq!(run(text).iter().find_map(|(_, e)| match e {
        Entity::Person(p) => p.role.clone(),
        _ => None,
    }).as_deref(), Some("National Security and Defense Council Secretary"));
}

#[test]
fn month_may_is_not_a_person() {
    let found = run("In May, the ministers met again. May 16 was a Friday.");
    assert!(found.iter().all(|(s, _)| s != "May"), "{found:?}");
}

// ---- people from roles ------------------------------------------------------------

#[test]
fn unknown_person_from_title_with_demonym() {
    let found = run("Estonian Defense Minister Hanno Pevkur arrived on Monday.");
    assert_eq!(person_at(&found, "Hanno Pevkur"), Some(&p("Hanno Pevkur", "Defense Minister", "Estonia")));
    assert_eq!(found.iter().filter(|(_, e)| matches!(e, Entity::Nationality(_))).count(), 1);
}

#[test]
fn unknown_person_from_lowercase_role_and_possessive() {
    let found = run("Moscow sent aide Pavel Orlovsky to the talks. Putin's foreign affairs advisor Ivan Borodin joined him.");
    assert_eq!(person_at(&found, "Pavel Orlovsky").and_then(|p| p.role.as_deref()), Some("aide"));
    assert_eq!(person_at(&found, "Ivan Borodin"), Some(&p("Ivan Borodin", "aide", "Russia")));
}

#[test]
fn kremlin_and_uk_cues() {
    let found = run("Kremlin aide Oleg Sorokin said so. UK Defence Minister Jane Hollis disagreed.");
    assert_eq!(person_at(&found, "Oleg Sorokin"), Some(&p("Oleg Sorokin", "aide", "Russia")));
    assert_eq!(person_at(&found, "Jane Hollis"), Some(&p("Jane Hollis", "Defence Minister", "United Kingdom")));
}

#[test]
fn counterpart_takes_the_role_of_the_person_before() {
    let found = run("Defense Minister Rustem Umerov met his Dutch counterpart Ruben Brekelmans in Brussels.");
    assert_eq!(person_at(&found, "Ruben Brekelmans"), Some(&p("Ruben Brekelmans", "Defense Minister", "Netherlands")));
}

#[test]
fn known_person_title_keeps_built_in_data() {
    let found = run("Turkish President Recep Tayyip Erdogan hosted the delegations.");
    assert_eq!(person_at(&found, "Recep Tayyip Erdogan"), Some(&p("Recep Tayyip Erdogan", "President", "Turkey")));
    let found = run("Lt. General Keith Kellogg and special Mideast envoy Steven Witkoff flew in.");
    assert_eq!(person_at(&found, "Keith Kellogg").map(|p| p.name.as_str()), Some("Keith Kellogg"));
    assert_eq!(person_at(&found, "Steven Witkoff").map(|p| p.name.as_str()), Some("Steve Witkoff"));
}

#[test]
fn apposition_gives_role_and_country_only_from_before_the_role() {
    let found = run("Martin Okafor, the special envoy to Ukraine and Russia, arrived. Lena Varga, Hungary's foreign minister, left.");
    assert_eq!(person_at(&found, "Martin Okafor"), Some(&Person { name: "Martin Okafor".into(), role: Some("special envoy".into()), country: None }));
    assert_eq!(person_at(&found, "Lena Varga"), Some(&p("Lena Varga", "Foreign Minister", "Hungary")));
}

#[test]
fn an_apposition_headed_by_another_noun_names_no_person() {
    let found = run("The talks took place at Villa Moynier, the residence of Norway's ambassador, on Sunday.");
    assert!(person_at(&found, "Villa Moynier").is_none(), "{found:?}");
}

#[test]
fn unknown_person_surname_later_in_document() {
    let found = run("Estonian Defense Minister Hanno Pevkur arrived. Pevkur said the meeting was useful.");
    assert_eq!(person_at(&found, "Pevkur").map(|p| p.name.as_str()), Some("Hanno Pevkur"));
    // Not before the person is introduced.
    let found = run("Pevkur waited. Estonian Defense Minister Hanno Pevkur arrived.");
    assert!(person_at(&found, "Pevkur").is_none());
}

#[test]
fn title_followed_by_weekday_is_no_person() {
    let found = run("The prime minister Tuesday rejected the plan.");
    assert!(found.iter().all(|(_, e)| !matches!(e, Entity::Person(_))), "{found:?}");
}

// ---- places -------------------------------------------------------------------------

#[test]
fn kiev_is_kyiv_and_cities_have_countries() {
    let found = run("Officials in Kiev and Odessa spoke with Kuala Lumpur.");
    assert_eq!(place_at(&found, "Kiev").map(|p| (p.name.as_str(), p.country.as_deref())), Some(("Kyiv", Some("Ukraine"))));
    assert_eq!(place_at(&found, "Odessa").map(|p| (p.name.as_str(), p.country.as_deref())), Some(("Odesa", Some("Ukraine"))));
    assert_eq!(place_at(&found, "Kuala Lumpur").and_then(|p| p.country.as_deref()), Some("Malaysia"));
}

#[test]
fn lowercase_turkey_is_no_country() {
    let found = run("They ate turkey. Turkey hosted the talks.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(place_at(&found, "Turkey").map(|p| p.kind), Some(PlaceKind::Country));
}

#[test]
fn whole_words_only() {
    let found = run("The Parisian crowd and Romania's envoy.");
    assert!(place_at(&found, "Paris").is_none());
    assert_eq!(place_at(&found, "Romania").map(|p| p.kind), Some(PlaceKind::Country));
}

#[test]
fn stoplisted_city_names_are_not_places() {
    let found = run("Nice work. Reading the statement, Mobile units moved.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn regions_by_direction_and_suffix() {
    let found = run("Strikes hit southern Turkey and the Donetsk region, and Crimea.");
    let r = place_at(&found, "southern Turkey");
    assert_eq!(r.map(|p| (p.kind, p.country.as_deref())), Some((PlaceKind::Region, Some("Turkey"))));
    let r = place_at(&found, "Donetsk region");
    assert_eq!(r.map(|p| (p.kind, p.country.as_deref())), Some((PlaceKind::Region, Some("Ukraine"))));
    assert_eq!(place_at(&found, "Crimea").map(|p| p.kind), Some(PlaceKind::Region));
}

#[test]
fn georgia_is_the_country() {
    // Documented choice: "Georgia" is the Caucasus country (GeoNames), never the US state.
    let found = run("Georgia's president spoke.");
    assert_eq!(place_at(&found, "Georgia").map(|p| (p.kind, p.country.as_deref())), Some((PlaceKind::Country, Some("Georgia"))));
}

#[test]
fn venues_stand_for_their_city() {
    let found = run("The ministers met at Lancaster House and later at Diriyah Palace.");
    assert_eq!(place_at(&found, "Lancaster House").and_then(|p| p.city.as_deref()), Some("London"));
    assert_eq!(place_at(&found, "Diriyah Palace").and_then(|p| p.city.as_deref()), Some("Riyadh"));
    assert_eq!(venue("Élysée").and_then(|p| p.city), Some("Paris".into()));
    assert_eq!(venue("Mar-a-Lago").and_then(|p| p.city), Some("Palm Beach".into()));
}

#[test]
fn kremlin_is_russias_government_and_a_venue() {
    let text = "The Kremlin said talks would be held at the Kremlin.";
    let s = split_sentences(text);
    let ms = find(text, &s);
    let orgs: Vec<_> = ms.iter().filter(|m| matches!(&m.entity, Entity::Organization(o) if o.name == "Kremlin" && o.country.as_deref() == Some("Russia"))).collect();
    assert_eq!(orgs.len(), 2);
    assert_eq!(orgs[1].place().and_then(|p| p.city), Some("Moscow".into()));
}

#[test]
fn org_without_country_takes_the_cue() {
    let found = run("Russia's Foreign Ministry and the Turkish Defense Ministry replied; NATO and ASEAN did not.");
    let orgs: Vec<_> = found.iter().filter_map(|(s, e)| match e {
        Entity::Organization(o) => Some((s.as_str(), o.name.as_str(), o.country.as_deref())),
        _ => None,
    }).collect();
    assert_eq!(orgs, vec![
        ("Russia's Foreign Ministry", "Foreign Ministry", Some("Russia")),
        ("Turkish Defense Ministry", "Defense Ministry", Some("Turkey")),
        ("NATO", "NATO", None),
        ("ASEAN", "ASEAN", None),
    ]);
}

// ---- nationalities, lookups ----------------------------------------------------------

#[test]
fn demonyms_name_countries() {
    let found = run("Saudi, Malaysian and American officials met British and U.S. diplomats.");
    let nats: Vec<_> = found.iter().filter_map(|(_, e)| match e {
        Entity::Nationality(c) => Some(c.as_str()),
        _ => None,
    }).collect();
    assert_eq!(nats, vec!["Saudi Arabia", "Malaysia", "United States", "United Kingdom"]);
    assert_eq!(place_at(&found, "U.S.").and_then(|p| p.country.as_deref()), Some("United States"));
    assert_eq!(country_of_demonym("Turkish").as_deref(), Some("Turkey"));
    assert_eq!(country_named("Britain").as_deref(), Some("United Kingdom"));
    assert_eq!(lookup_city("Kiev").map(|p| p.name), Some("Kyiv".into()));
    assert_eq!(capital_of("Qatar").as_deref(), Some("Doha"));
    // GeoNames' country table still names Nur-Sultan; its city table flags Astana.
    assert_eq!(capital_of("Kazakhstan").and_then(|c| lookup_city(&c)).map(|p| p.name), Some("Astana".into()));
    // Every capital is a city the gazetteer can place.
    for country in ["Brazil", "Colombia", "Paraguay", "Iceland", "Togo", "Cameroon"] {
        assert!(capital_of(country).and_then(|c| lookup_city(&c)).is_some_and(|p| p.country.as_deref() == Some(country)), "{country}");
    }
    assert_eq!(role_family("Secretary of State"), Some("foreign_minister"));
    assert_eq!(person_org("Mark Rutte", None).as_deref(), Some("NATO"));
}

#[test]
fn mentions_are_sorted_and_disjoint() {
    let text = "U.S. Secretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov in Kuala Lumpur on the sidelines of the ASEAN meeting; the Kremlin and the White House welcomed it.";
    let s = split_sentences(text);
    let ms = find(text, &s);
    assert!(ms.windows(2).all(|w| w[0].span.end() <= w[1].span.start()));
    assert!(ms.len() >= 8, "{ms:?}");
}

#[test]
fn no_panic_on_odd_input() {
    for t in ["", "é", "President", "President É", "Kiev'", "’s region", "the two", "Putin's", "\u{0}\u{ffff}Kyiv\u{1F600}"] {
        let s = split_sentences(t);
        let ms = find(t, &s);
        let _ = groups(t, &s, &ms);
    }
}

// ---- groups ---------------------------------------------------------------------------

fn group_list(text: &str) -> Vec<(String, Group)> {
    let s = split_sentences(text);
    let ms = find(text, &s);
    groups(text, &s, &ms).into_iter().map(|g| (g.span.slice(text).to_string(), g.group)).collect()
}

#[test]
fn groups_with_country_org_and_size() {
    let gs = group_list("European leaders met NATO foreign ministers and the Russian delegation, led by Vladimir Medinsky.");
    let names: Vec<_> = gs.iter().map(|(s, g)| (s.as_str(), g.country.as_deref(), g.org.as_deref())).collect();
    assert_eq!(names, vec![
        ("European leaders", None, Some("European Union")),
        ("NATO foreign ministers", None, Some("NATO")),
        ("the Russian delegation", Some("Russia"), None),
    ]);
    assert_eq!(gs[2].1.members.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), vec!["Vladimir Medinsky"]);
}

#[test]
fn the_two_diplomats_are_the_last_two_people() {
    let gs = group_list("Marco Rubio met Sergei Lavrov on Thursday. The two diplomats spoke for an hour.");
    assert_eq!(gs.len(), 1);
    assert_eq!(gs[0].1.size, Some(2));
    let names: Vec<_> = gs[0].1.members.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["Marco Rubio", "Sergei Lavrov"]);
}

#[test]
fn officials_without_qualifier_are_no_group() {
    assert!(group_list("Officials said the leaders would meet.").is_empty());
}

// ---- data files ------------------------------------------------------------------------

#[test]
fn data_files_parse() {
    if let Err(e) = check_data() {
        panic!("{e}");
    }
}

fn country_names() -> BTreeSet<String> {
    rows(COUNTRIES, &["name", "iso2", "aliases", "demonyms", "capital"]).unwrap_or_default().iter().map(|r| r.cols[0].to_string()).collect()
}

#[test]
fn people_data_is_valid() {
    let countries = country_names();
    let header = ["name", "aliases", "short", "role", "country", "org", "from", "to"];
    let rs = rows(PEOPLE, &header).unwrap_or_else(|e| panic!("{e}"));
    assert!(rs.len() > 150, "people.tsv holds {} rows", rs.len());
    let mut alias_owner: BTreeMap<String, String> = BTreeMap::new();
    let mut prev: Option<(String, String, String)> = None;
    for r in &rs {
        let at = format!("data/people.tsv:{}", r.line);
        let (name, country, org) = (r.cols[0], r.cols[4], r.cols[5]);
        assert!(!name.is_empty() && !r.cols[3].is_empty(), "{at}: name and role required");
        assert!(country.is_empty() != org.is_empty() || !country.is_empty(), "{at}: country or org required");
        assert!(country.is_empty() || countries.contains(country), "{at}: unknown country {country}");
        let from = parse_loose_date(r.cols[6]).unwrap_or_else(|| panic!("{at}: bad from"));
        if !r.cols[7].is_empty() {
            let to = parse_loose_date(r.cols[7]).unwrap_or_else(|| panic!("{at}: bad to"));
            assert!(from.start <= to.end, "{at}: term ends before it starts");
        }
        for a in std::iter::once(name).chain(gazetteer::list(r.cols[1])) {
            let owner = alias_owner.entry(a.to_string()).or_insert_with(|| name.to_string());
            assert_eq!(owner, name, "{at}: alias {a} names two people");
        }
        let key = (country.to_string(), name.to_string(), r.cols[6].to_string());
        if let Some(p) = &prev {
            assert!(p < &key, "{at}: not sorted by country, name, from");
        }
        prev = Some(key);
    }
    // A stand-alone surname may not be another person's full name.
    for r in &rs {
        for s in gazetteer::list(r.cols[2]).map(|s| s.trim_start_matches('(').trim_end_matches(')')) {
            if let Some(owner) = alias_owner.get(s) {
                assert_eq!(owner, r.cols[0], "data/people.tsv:{}: surname {s} is {owner}'s full name", r.line);
            }
        }
    }
}

fn assert_sorted(file: (&'static str, &'static str), header: &[&str]) -> Vec<Vec<String>> {
    let rs = rows(file, header).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<String> = rs.iter().map(|r| r.cols[0].to_string()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(names, sorted, "{}: not sorted by name, or a name repeats", file.0);
    rs.iter().map(|r| r.cols.iter().map(|c| c.to_string()).collect()).collect()
}

#[test]
fn orgs_venues_regions_roles_are_valid() {
    let countries = country_names();
    for r in assert_sorted(ORGS, &["name", "aliases", "country", "venue"]) {
        assert!(r[2].is_empty() || countries.contains(&r[2]), "orgs: {}", r[2]);
    }
    let cities: BTreeSet<String> = rows(CITIES, &["country", "name", "geonameid", "ascii", "alternates", "iso2", "population", "capital", "lat", "lon"])
        .unwrap_or_default()
        .iter()
        .map(|r| format!("{}\t{}", r.cols[0], r.cols[1]))
        .collect();
    for r in assert_sorted(VENUES, &["name", "aliases", "city", "country"]) {
        assert!(countries.contains(&r[3]), "venues: {}", r[3]);
        assert!(r[2].is_empty() || r[2] == r[0] || cities.contains(&format!("{}\t{}", r[3], r[2])), "venues: city {} not in cities.tsv", r[2]);
    }
    for r in assert_sorted(REGIONS, &["name", "aliases", "country", "note"]) {
        assert!(countries.contains(&r[2]), "regions: {}", r[2]);
    }
    for r in assert_sorted(ROLES, &["phrase", "role", "family"]) {
        assert_eq!(r[0], r[0].to_lowercase(), "roles: phrase must be lower case");
    }
    let all_city_forms: BTreeSet<&str> = CITIES.1.lines().flat_map(|l| l.split('\t').skip(1).take(4)).flat_map(|c| c.split('|')).collect();
    for r in assert_sorted(STOPLIST, &["name", "reason"]) {
        assert!(all_city_forms.contains(r[0].as_str()), "place_stoplist: {} is not in cities.tsv", r[0]);
    }
}

#[test]
fn cities_data_is_sorted_and_known() {
    let countries = country_names();
    let rs = rows(CITIES, &["country", "name", "geonameid", "ascii", "alternates", "iso2", "population", "capital", "lat", "lon"]).unwrap_or_else(|e| panic!("{e}"));
    let keys: Vec<(String, String, u64)> = rs.iter().map(|r| (r.cols[0].to_string(), r.cols[1].to_string(), r.cols[2].parse().unwrap_or(0))).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "cities.tsv is not sorted");
    assert!(rs.iter().all(|r| countries.contains(r.cols[0])));
    assert!(rs.len() > 5000);
}

#[test]
fn honorifics_between_role_and_name_are_skipped() {
    let found = run("The special envoy Lt. Gen. Keith Kellogg arrived; so did envoy Col. Arne Lindqvist.");
    assert!(found.iter().all(|(s, _)| s != "Lt" && s != "Col"), "{found:?}");
    assert_eq!(person_at(&found, "Keith Kellogg").map(|p| p.name.as_str()), Some("Keith Kellogg"));
    assert_eq!(person_at(&found, "Arne Lindqvist").and_then(|p| p.role.as_deref()), Some("envoy"));
}

#[test]
fn variant_of_a_known_name_after_a_title_is_the_known_person() {
    let found = run("Turkish President Recep Erdoğan and French President Emanuel Macron spoke.");
    assert_eq!(person_at(&found, "Recep Erdoğan").map(|p| p.name.as_str()), Some("Recep Tayyip Erdogan"));
    assert_eq!(person_at(&found, "Emanuel Macron").map(|p| p.name.as_str()), Some("Emmanuel Macron"));
    // A different first name is a different person.
    let found = run("Palestinian negotiator Karim Abbas spoke.");
    assert_eq!(person_at(&found, "Karim Abbas").map(|p| p.name.as_str()), Some("Karim Abbas"));
}

#[test]
fn office_named_without_a_name_is_its_holder() {
    let found = run("The talks were hosted by the Saudi crown prince, and the Russian president sent a message.");
    assert_eq!(person_at(&found, "Saudi crown prince").map(|p| p.name.as_str()), Some("Mohammed bin Salman"));
    assert_eq!(person_at(&found, "Russian president").map(|p| p.name.as_str()), Some("Vladimir Putin"));
    // At a date: the holder then.
    let text = "Britain's foreign secretary flew to Kyiv.";
    let s = split_sentences(text);
    let who = |d: &str| {
        find_at(text, &s, NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()).into_iter().find_map(|m| match m.entity {
            Entity::Person(p) => Some(p.name),
            _ => None,
        })
    };
    assert_eq!(who("2024-03-01").as_deref(), Some("David Cameron"));
    assert_eq!(who("2025-02-01").as_deref(), Some("David Lammy"));
    // Not someone else: "a Russian diplomat", "former Ukrainian president".
    let found = run("A Russian diplomat and the former Ukrainian president spoke.");
    assert!(found.iter().all(|(_, e)| !matches!(e, Entity::Person(_))), "{found:?}");
}

#[test]
fn titled_known_name_is_not_doubled_by_the_office() {
    let text = "Russian Foreign Minister Sergei Lavrov arrived.";
    let found = run(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "Russian");
    assert_eq!(found[1].0, "Sergei Lavrov");
}

#[test]
fn known_name_containing_a_city_after_a_title() {
    // "Vladimir" is also a Russian city.
    let found = run("Russian President Vladimir Putin's aide spoke.");
    assert_eq!(found.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>(), vec!["Russian", "Vladimir Putin"]);
}

#[test]
fn first_name_that_is_a_city_starts_an_unknown_name() {
    let found = run("Kremlin aide Vladimir Sokolov said the talks were useful.");
    assert_eq!(person_at(&found, "Vladimir Sokolov"), Some(&p("Vladimir Sokolov", "aide", "Russia")));
}

#[test]
fn surname_after_a_titled_variant_resolves() {
    // "Austin" alone is the city unless Lloyd Austin was named: a titled variant counts.
    let found = run("U.S. Defense Secretary Lloyd J. Austin arrived. Austin said little.");
    assert_eq!(person_at(&found, "Austin").map(|p| p.name.as_str()), Some("Lloyd Austin"));
}

#[test]
fn every_prefix_of_a_hard_text_is_handled() {
    let text = "Putin's foreign affairs advisor Yuri Ushakov, the Kremlin’s envoy, met \
                Lt. Gen. Keith Kellogg in southern Turkey; the two diplomats and the Russian \
                delegation left Diriyah Palace for Kiev. Élysée, Erdoğan’s aide Ayşe Kaya.";
    for (i, _) in text.char_indices() {
        let t = &text[..i];
        let s = split_sentences(t);
        let ms = find(t, &s);
        assert!(ms.windows(2).all(|w| w[0].span.end() <= w[1].span.start()));
        assert!(ms.iter().all(|m| t.get(m.span.start()..m.span.end()).is_some()));
        let _ = groups(t, &s, &ms);
    }
    let found = run(text);
    assert_eq!(person_at(&found, "Yuri Ushakov").and_then(|p| p.role.as_deref()), Some("aide"));
    assert_eq!(person_at(&found, "Ayşe Kaya"), Some(&p("Ayşe Kaya", "aide", "Turkey")));
}


#[test]
fn group_name_keeps_its_number() {
    let gs = group_list("A long preamble about many other things first. Later, both sides and the three envoys met.");
    let names: Vec<_> = gs.iter().map(|(s, g)| (s.as_str(), g.name.as_str(), g.size)).collect();
    assert_eq!(names, vec![("both sides", "both sides", Some(2)), ("the three envoys", "three envoys", Some(3))]);
}

// ---- short names, groups, transliterations, first-level regions ------------------------

#[test]
fn short_name_is_the_family_name() {
    assert_eq!(short_name("Xi Jinping").as_deref(), Some("Xi"));
    assert_eq!(short_name("Lee Jae Myung").as_deref(), Some("Lee"));
    assert_eq!(short_name("Abbas Araqchi").as_deref(), Some("Araghchi"));
    assert_eq!(short_name("Wang Yi").as_deref(), Some("Wang"));
    assert_eq!(short_name("Somebody Unknown"), None);
}

#[test]
fn common_family_names_stand_alone_only_after_the_full_name() {
    // "Lee" alone is no one until Lee Jae-myung is named; then it is him.
    let found = run("Lee said nothing. Later President Lee Jae-myung arrived, and Lee spoke at length.");
    let lees: Vec<&str> = found.iter().filter(|(_, e)| matches!(e, Entity::Person(p) if p.name == "Lee Jae-myung")).map(|(s, _)| s.as_str()).collect();
    assert_eq!(lees, ["Lee Jae-myung", "Lee"]);
    // "He" opens sentences: never He Lifeng unless he was named.
    assert!(person_at(&run("He met the envoy in Geneva."), "He").is_none());
}

#[test]
fn groups_are_never_people() {
    for text in [
        "Trump Envoy Meets Russian Officials in Riyadh",
        "Kremlin Aide Team Arrives in Istanbul",
        "Ukraine's Defense Minister Leads Delegation to Geneva",
        "Turkish Foreign Minister Officials said it was late.",
        "Saudi Crown Prince Hosts Talks",
        "Russian officials met the US team, and the Russian delegation left; Turkish officials said so.",
    ] {
        for (surface, e) in run(text) {
            if let Entity::Person(p) = e {
                for w in ["Officials", "Team", "Delegation", "Meets", "Arrives", "Leads", "Hosts", "Talks"] {
                    assert!(!p.name.split(' ').any(|x| x == w), "{text}: {surface} taken as the person {}", p.name);
                }
            }
        }
    }
    // The title still finds the office holder or the person after a group noun.
    assert_eq!(person_at(&run("Saudi Crown Prince Hosts Talks"), "Saudi Crown Prince").map(|p| p.name.as_str()), Some("Mohammed bin Salman"));
    let found = run("Kremlin aide Delegation Head Vladimir Medinsky spoke.");
    assert_eq!(person_at(&found, "Vladimir Medinsky").map(|p| p.role.as_deref()), Some(Some("aide")));
}

#[test]
fn apposition_does_not_swallow_the_title_before_a_known_name() {
    let found = run("She hosted India's External Affairs Minister Subrahmanyam Jaishankar, Japan's Foreign Minister Takeshi Iwaya and others.");
    let j = person_at(&found, "Subrahmanyam Jaishankar").unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(j.country.as_deref(), Some("India"));
    assert!(!found.iter().any(|(s, _)| s.starts_with("Affairs")), "{found:?}");
}

#[test]
fn surname_first_in_sentence_before_and_a_title() {
    let found = run("Rubio and Russian Foreign Minister Sergei Lavrov spoke by phone on Monday.");
    assert_eq!(person_at(&found, "Rubio").map(|p| p.name.as_str()), Some("Marco Rubio"));
    assert_eq!(person_at(&found, "Sergei Lavrov").map(|p| p.country.as_deref()), Some(Some("Russia")));
    // A person first found by title, then by surname at a sentence start.
    let found = run("Finnish President Alexander Stubb flew in. Stubb and Turkish Foreign Minister Hakan Fidan met.");
    assert_eq!(person_at(&found, "Stubb").map(|p| p.name.as_str()), Some("Alexander Stubb"));
    assert_eq!(person_at(&found, "Hakan Fidan").map(|p| p.name.as_str()), Some("Hakan Fidan"));
}

#[test]
fn transliterations_give_one_city() {
    for (a, b) in [("Gimhae", "Kimhae"), ("Kyiv", "Kiev"), ("Almaty", "Alma-Ata"), ("Gyeongju", "Kyongju"), ("Mamallapuram", "Mahabalipuram"), ("Sharm el-Sheikh", "Sharm El Sheikh")] {
        let (x, y) = (lookup_city(a), lookup_city(b));
        assert!(x.is_some(), "{a}");
        assert_eq!(x, y, "{a} / {b}");
        assert_eq!(x.map(|p| p.name), Some(a.to_string()), "canonical spelling");
    }
    for c in ["Tbilisi", "Yerevan", "Baku", "Putrajaya", "Anchorage"] {
        assert_eq!(lookup_city(c).map(|p| p.name), Some(c.to_string()));
    }
}

#[test]
fn venues_with_several_spellings() {
    for (a, b) in [("Dolmabahce Palace", "Dolmabahçe Palace"), ("Ciragan Palace", "Çırağan Palace"), ("Elysee", "Élysée")] {
        let (x, y) = (venue(a), venue(b));
        assert!(x.is_some(), "{a}");
        assert_eq!(x, y, "{a} / {b}");
    }
    assert_eq!(venue("Ciragan Palace").and_then(|p| p.city).as_deref(), Some("Istanbul"));
    // A resort named as the place itself.
    let found = run("Leaders gathered in Kananaskis, Alberta, for the summit.");
    let k = place_at(&found, "Kananaskis").unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!((k.city.as_deref(), k.country.as_deref()), (Some("Kananaskis"), Some("Canada")));
}

#[test]
fn first_level_regions_have_their_country() {
    let found = run("Kananaskis, Alberta; Palm Beach, Florida; Munich, Bavaria; the canton of Nidwalden; Gujarat and KwaZulu-Natal.");
    for (name, country) in [("Alberta", "Canada"), ("Florida", "United States"), ("Bavaria", "Germany"), ("Nidwalden", "Switzerland"), ("Gujarat", "India"), ("KwaZulu-Natal", "South Africa")] {
        let p = place_at(&found, name).unwrap_or_else(|| panic!("{name}: {found:?}"));
        assert_eq!((p.kind, p.country.as_deref()), (PlaceKind::Region, Some(country)), "{name}");
    }
    // A state named like a country or a city is the country or the city.
    assert_eq!(place_at(&run("Talks in Georgia."), "Georgia").map(|p| p.kind), Some(PlaceKind::Country));
    assert_eq!(place_at(&run("Talks in Washington."), "Washington").map(|p| p.kind), Some(PlaceKind::City));
    assert_eq!(place_at(&run("Talks in Bayern."), "Bayern").map(|p| p.name.as_str()), Some("Bavaria"));
}

#[test]
fn admin1_data_is_sorted_and_known() {
    let countries = country_names();
    let rs = rows(gazetteer::ADMIN1, &["country", "name", "aliases", "code", "type"]).unwrap_or_else(|e| panic!("{e}"));
    assert!(rs.len() > 200, "admin1.tsv holds {} rows", rs.len());
    let keys: Vec<(&str, &str)> = rs.iter().map(|r| (r.cols[0], r.cols[1])).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "admin1.tsv is not sorted");
    for r in &rs {
        assert!(countries.contains(r.cols[0]), "data/admin1.tsv:{}: unknown country", r.line);
    }
}
