use super::*;
use crate::{read_bytes, Format};
use chrono::NaiveDate;
use std::path::Path;

const RSS2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Sahel Wire &amp; Regional Desk</title>
    <link>https://news.example.org/</link>
    <atom:link href="https://news.example.org/feed.rss" rel="self"/>
    <item>
      <title>Gunmen kill four at market near Gao</title>
      <link>https://news.example.org/2021/03/gao-market</link>
      <guid isPermaLink="false">sahel-wire-2021-0412</guid>
      <pubDate>Tue, 16 Mar 2021 09:30:00 GMT</pubDate>
      <description>Short teaser about Gao.</description>
      <content:encoded><![CDATA[<p>Gunmen on motorcycles killed four traders at a weekly market near Gao on Monday, local officials said.</p>
<p>The attackers fled towards the border with Niger, a security source told reporters.</p>
<div class="share"><a href="/share">Share</a></div>]]></content:encoded>
    </item>
    <item>
      <title>Curfew declared in Menaka</title>
      <link>https://news.example.org/2021/03/menaka-curfew</link>
      <pubDate>Wed, 17 Mar 2021 07:00:00 GMT</pubDate>
      <description>&lt;p&gt;Authorities declared a night curfew in Menaka after clashes between rival armed groups, the governor&amp;rsquo;s office said.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Photo gallery: the week in pictures</title>
      <guid>https://news.example.org/gallery/12</guid>
    </item>
  </channel>
</rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Lake Chad Monitor</title>
  <id>urn:example:lake-chad-monitor</id>
  <updated>2019-05-16T08:00:00Z</updated>
  <entry>
    <title>Soldiers repel attack on Monguno base</title>
    <id>urn:example:lcm:2019-0516-1</id>
    <link rel="enclosure" href="https://monitor.example.net/photo.jpg"/>
    <link rel="alternate" type="text/html" href="https://monitor.example.net/monguno"/>
    <updated>2019-05-16T07:45:00Z</updated>
    <published>2019-05-15T22:10:00+01:00</published>
    <summary>Troops repelled an attack.</summary>
    <content type="html">&lt;p&gt;Nigerian troops repelled an attack by insurgents on a military base in Monguno, Borno state, on Wednesday night, the army said.&lt;/p&gt;&lt;p&gt;Two soldiers were wounded.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Aid convoy reaches Dikwa</title>
    <id>urn:example:lcm:2019-0516-2</id>
    <updated>2019-05-16T06:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>An aid convoy reached Dikwa on Thursday after a week of delays &amp; checks.</p><p>Officials said 3 &lt; 5 trucks arrived.</p></div></content>
  </entry>
</feed>"#;

const RDF: &str = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://levant.example.com/">
    <title>Levant Dispatch</title>
    <items><rdf:Seq><rdf:li rdf:resource="https://levant.example.com/idlib-shelling"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://levant.example.com/idlib-shelling">
    <title>Shelling hits villages south of Idlib</title>
    <link>https://levant.example.com/idlib-shelling</link>
    <dc:date>2020-01-28T10:00:00+02:00</dc:date>
    <description>Government shelling hit three villages south of Idlib on Monday, killing two civilians, a monitoring group said.</description>
  </item>
</rdf:RDF>"#;

fn opts() -> IngestOptions {
    IngestOptions::default()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn rss2_items_become_documents_with_content_encoded_text() {
    let results = read_bytes("wire.rss", RSS2.as_bytes(), &opts());
    assert_eq!(results.len(), 3);
    let doc = results[0].as_ref().expect("first item reads");
    assert_eq!(doc.id, "sahel-wire-2021-0412");
    assert_eq!(
        doc.url.as_deref(),
        Some("https://news.example.org/2021/03/gao-market")
    );
    assert_eq!(
        doc.title.as_deref(),
        Some("Gunmen kill four at market near Gao")
    );
    assert_eq!(doc.source.as_deref(), Some("Sahel Wire & Regional Desk"));
    assert_eq!(doc.published, date(2021, 3, 16));
    assert_eq!(doc.origin, "wire.rss#item-1");
    // content:encoded wins over the teaser; paragraphs kept, title not added.
    assert!(doc
        .text
        .starts_with("Gunmen on motorcycles killed four traders"));
    assert!(doc.text.contains("said.\n\nThe attackers fled"));
    assert!(!doc.text.contains("Short teaser"));
    assert!(!doc.text.contains("Gunmen kill four at market"));
}

#[test]
fn rss2_escaped_html_description_and_entities_are_decoded() {
    let results = read_bytes("wire.rss", RSS2.as_bytes(), &opts());
    let doc = results[1].as_ref().expect("second item reads");
    assert_eq!(
        doc.text,
        "Authorities declared a night curfew in Menaka after clashes between rival armed groups, the governor\u{2019}s office said."
    );
    // No guid: the link is the id.
    assert_eq!(doc.id, "https://news.example.org/2021/03/menaka-curfew");
    assert_eq!(doc.published, date(2021, 3, 17));
}

#[test]
fn item_without_text_is_a_failure_of_that_item_only() {
    let results = read_bytes("wire.rss", RSS2.as_bytes(), &opts());
    let failure = results[2].as_ref().expect_err("no body");
    assert_eq!(failure.origin, "wire.rss#item-3");
    assert!(matches!(failure.error, IngestError::NoItemText));
    assert!(results[0].is_ok() && results[1].is_ok());
}

#[test]
fn atom_html_content_alternate_link_and_published_date() {
    let results = read_bytes("monitor.atom", ATOM.as_bytes(), &opts());
    assert_eq!(results.len(), 2);
    let doc = results[0].as_ref().expect("entry reads");
    assert_eq!(doc.id, "urn:example:lcm:2019-0516-1");
    assert_eq!(
        doc.url.as_deref(),
        Some("https://monitor.example.net/monguno")
    );
    assert_eq!(doc.source.as_deref(), Some("Lake Chad Monitor"));
    // published (the date as written, not converted to UTC) beats updated
    assert_eq!(doc.published, date(2019, 5, 15));
    assert_eq!(
        doc.text,
        "Nigerian troops repelled an attack by insurgents on a military base in Monguno, Borno state, on Wednesday night, the army said.\n\nTwo soldiers were wounded."
    );
}

#[test]
fn atom_xhtml_content_keeps_escaped_characters_as_text() {
    let results = read_bytes("monitor.atom", ATOM.as_bytes(), &opts());
    let doc = results[1].as_ref().expect("entry reads");
    assert_eq!(
        doc.text,
        "An aid convoy reached Dikwa on Thursday after a week of delays & checks.\n\nOfficials said 3 < 5 trucks arrived."
    );
    assert_eq!(doc.published, date(2019, 5, 16));
    assert_eq!(doc.url, None);
}

#[test]
fn rdf_feed_items_with_dc_date_and_about_as_id() {
    let results = read_bytes("levant.xml", RDF.as_bytes(), &opts());
    assert_eq!(results.len(), 1);
    let doc = results[0].as_ref().expect("item reads");
    assert_eq!(doc.id, "https://levant.example.com/idlib-shelling");
    assert_eq!(doc.source.as_deref(), Some("Levant Dispatch"));
    assert_eq!(doc.published, date(2020, 1, 28));
    assert!(doc
        .text
        .starts_with("Government shelling hit three villages"));
}

#[test]
fn options_name_the_source_only_when_the_feed_has_no_title() {
    let opts = IngestOptions {
        source: Some("Given".into()),
        published: date(2022, 1, 1),
    };
    let untitled = "<rss><channel><item><guid>a1</guid><description>Clashes erupted in Tripoli overnight.</description></item></channel></rss>";
    let doc = read_bytes("x.rss", untitled.as_bytes(), &opts)
        .remove(0)
        .expect("reads");
    assert_eq!(doc.source.as_deref(), Some("Given"));
    assert_eq!(doc.published, date(2022, 1, 1));
    let doc = read_bytes("wire.rss", RSS2.as_bytes(), &opts)
        .remove(0)
        .expect("reads");
    assert_eq!(doc.source.as_deref(), Some("Sahel Wire & Regional Desk"));
}

#[test]
fn cdata_keeps_markup_characters_literal_in_plain_descriptions() {
    let feed = "<rss><channel><item><guid>c1</guid><description><![CDATA[Police said 2 < 3 suspects & a driver were held in Mombasa.]]></description></item></channel></rss>";
    let doc = read_bytes("c.rss", feed.as_bytes(), &opts())
        .remove(0)
        .expect("reads");
    assert_eq!(
        doc.text,
        "Police said 2 < 3 suspects & a driver were held in Mombasa."
    );
}

#[test]
fn undeclared_html_entities_and_numeric_references_are_decoded() {
    let feed = "<rss><channel><title>Caf&#233; &eacute; Desk</title><item><guid>e1</guid><title>Clash&nbsp;in Aden</title><description>Fighting in Aden&#8217;s port district &mdash; officials.</description></item></channel></rss>";
    let results = read_bytes("e.rss", feed.as_bytes(), &opts());
    let doc = results[0].as_ref().expect("reads");
    // Titles have their whitespace (no-break spaces too) collapsed.
    assert_eq!(doc.title.as_deref(), Some("Clash in Aden"));
    assert_eq!(
        doc.text,
        "Fighting in Aden\u{2019}s port district \u{2014} officials."
    );
    // `&eacute;` in a title is kept as written (no HTML pass over titles).
    assert_eq!(doc.source.as_deref(), Some("Café &eacute; Desk"));
}

#[test]
fn declared_legacy_encoding_is_honoured() {
    let mut feed =
        b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><channel><title>Le Journal</title><item><guid>f1</guid><description>Une attaque pr".to_vec();
    feed.extend_from_slice(
        b"\xe8s de Tillab\xe9ri a fait cinq morts.</description></item></channel></rss>",
    );
    let doc = read_bytes("fr.xml", &feed, &opts())
        .remove(0)
        .expect("reads");
    assert_eq!(doc.text, "Une attaque près de Tillabéri a fait cinq morts.");
}

#[test]
fn transport_charset_wins_over_the_declaration() {
    let mut feed =
        b"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><item><title>Sa".to_vec();
    feed.extend_from_slice(b"\xefd</title></item></channel></rss>");
    let parsed = parse_feed_with_charset(&feed, Some("iso-8859-1")).expect("parses");
    assert_eq!(parsed.items[0].title.as_deref(), Some("Saïd"));
}

#[test]
fn utf16_feed_with_bom_parses() {
    let source = "<rss><channel><item><guid>u1</guid><description>Protesters gathered in Khartoum.</description></item></channel></rss>";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(source.encode_utf16().flat_map(u16::to_le_bytes));
    let feed = parse_feed(&bytes).expect("parses");
    assert_eq!(feed.kind, FeedKind::Rss);
    assert_eq!(feed.items.len(), 1);
}

#[test]
fn malformed_feed_is_one_failure_naming_the_file_and_line() {
    let feed = "<rss><channel>\n<item><title>Raid in Kunduz</item>\n</channel></rss>";
    let results = read_bytes("broken.rss", feed.as_bytes(), &opts());
    assert_eq!(results.len(), 1);
    let failure = results[0].as_ref().expect_err("malformed");
    assert_eq!(failure.origin, "broken.rss");
    let message = failure.to_string();
    assert!(
        message.starts_with("broken.rss: malformed feed: line 2"),
        "{message}"
    );
}

#[test]
fn truncated_feed_is_malformed() {
    let feed = "<rss><channel><item><guid>t1</guid><description>Clashes in Goma";
    let error = parse_feed(feed.as_bytes()).expect_err("truncated");
    assert!(
        matches!(error, IngestError::MalformedFeed(ref m) if m.contains("truncated")),
        "{error}"
    );
}

#[test]
fn xml_that_is_not_a_feed_says_so() {
    let sitemap =
        r#"<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>"#;
    let results = read_bytes("sitemap.xml", sitemap.as_bytes(), &opts());
    let failure = results[0].as_ref().expect_err("not a feed");
    assert!(matches!(failure.error, IngestError::NotAFeed(_)));
    assert!(failure.to_string().contains("<urlset>"), "{failure}");
}

#[test]
fn feed_without_items_is_reported() {
    let results = read_bytes(
        "quiet.rss",
        b"<rss><channel><title>Quiet</title></channel></rss>",
        &opts(),
    );
    assert!(matches!(
        results[0].as_ref().map_err(|f| &f.error),
        Err(IngestError::EmptyFeed)
    ));
}

#[test]
fn unreadable_date_falls_back_to_the_options() {
    let feed = "<rss><channel><item><guid>d1</guid><pubDate>sometime last week</pubDate><description>Shots were fired in Juba.</description></item></channel></rss>";
    let opts = IngestOptions {
        published: date(2023, 6, 1),
        ..IngestOptions::default()
    };
    let doc = read_bytes("d.rss", feed.as_bytes(), &opts)
        .remove(0)
        .expect("reads");
    assert_eq!(doc.published, date(2023, 6, 1));
}

#[test]
fn item_without_guid_or_link_gets_a_stable_content_key() {
    let feed = "<rss><channel><item><title>Blast in Quetta</title><description>A blast hit a bus in Quetta.</description></item></channel></rss>";
    let a = parse_feed(feed.as_bytes()).expect("parses");
    let b = parse_feed(feed.as_bytes()).expect("parses");
    assert!(a.items[0].key().starts_with("feed-item-"));
    assert_eq!(a.items[0].key(), b.items[0].key());
    let changed = feed.replace("Quetta.", "Quetta on Friday.");
    let c = parse_feed(changed.as_bytes()).expect("parses");
    assert_ne!(a.items[0].key(), c.items[0].key());
}

#[test]
fn unescaped_html_inside_a_description_is_read_as_html() {
    let feed = "<rss><channel><item><guid>h1</guid><description><p>Rebels seized Bunia airport.</p><p>Residents fled.</p></description></item></channel></rss>";
    let doc = read_bytes("h.rss", feed.as_bytes(), &opts())
        .remove(0)
        .expect("reads");
    assert_eq!(doc.text, "Rebels seized Bunia airport.\n\nResidents fled.");
}

#[test]
fn formats_and_sniffing() {
    assert_eq!(Format::from_path(Path::new("a.rss")), Some(Format::Feed));
    assert_eq!(Format::from_path(Path::new("a.ATOM")), Some(Format::Feed));
    assert_eq!(Format::from_path(Path::new("a.xml")), Some(Format::Feed));
    assert_eq!(Format::sniff(RSS2.as_bytes()), Format::Feed);
    assert_eq!(Format::sniff(ATOM.as_bytes()), Format::Feed);
    assert_eq!(Format::sniff(RDF.as_bytes()), Format::Feed);
    assert_eq!(
        Format::sniff(b"\xef\xbb\xbf<!-- generated --><!DOCTYPE rss [<!ENTITY x \"y\">]>\n<rss version=\"0.91\">"),
        Format::Feed
    );
    // XHTML starts with an XML declaration but is a page, not a feed.
    assert_eq!(
        Format::sniff(b"<?xml version=\"1.0\"?><html><body><p>Hi</p></body></html>"),
        Format::Html
    );
}

#[test]
fn stdin_feed_is_read_item_by_item() {
    let results = read_bytes("-", ATOM.as_bytes(), &opts());
    assert_eq!(results.len(), 2);
    assert_eq!(results[0].as_ref().expect("reads").origin, "-#item-1");
}

#[test]
fn directory_takes_feed_xml_and_skips_other_xml() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("feed.xml"), RDF).expect("write");
    std::fs::write(
        dir.path().join("sitemap.xml"),
        "<?xml version=\"1.0\"?><urlset/>",
    )
    .expect("write");
    std::fs::write(dir.path().join("wire.rss"), RSS2).expect("write");
    let (sources, failures) = crate::expand_inputs(&[dir.path().to_path_buf()]);
    assert!(failures.is_empty());
    let names: Vec<String> = sources
        .iter()
        .map(|s| match s {
            crate::Source::File(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            crate::Source::Stdin => "-".into(),
        })
        .collect();
    assert_eq!(names, ["feed.xml", "wire.rss"]);
    let documents: Vec<_> = sources
        .iter()
        .flat_map(|s| crate::read_source(s, &opts()))
        .collect();
    assert_eq!(documents.iter().filter(|d| d.is_ok()).count(), 3);
    assert_eq!(documents.iter().filter(|d| d.is_err()).count(), 1);
}

#[test]
fn link_only_blocks_are_dropped_and_short_paragraphs_kept() {
    let body = Body {
        markup: Markup::Html,
        content: "<p>A car bomb exploded near a checkpoint in Herat on Friday, officials said. <a href='/herat'>Herat</a> police sealed the area.</p>\
                  <p>Two people were killed.</p>\
                  <ul><li><a href='/a'>Related: Kabul</a></li><li><a href='/b'>Related: Kandahar</a></li></ul>\
                  <p><a href='/share'>Share this story</a></p><script>track()</script>"
            .into(),
    };
    assert_eq!(
        body_text(&body),
        "A car bomb exploded near a checkpoint in Herat on Friday, officials said. Herat police sealed the area.\n\nTwo people were killed."
    );
}

proptest::proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048)) {
        let _ = parse_feed(&bytes);
        let _ = looks_like_feed(&bytes);
    }

    #[test]
    fn arbitrary_text_inside_a_feed_never_panics(body in ".{0,300}", title in "[^<]{0,40}") {
        let feed = format!("<rss><channel><title>{title}</title><item><description>{body}</description><content:encoded>{body}</content:encoded></item></channel></rss>");
        // A document is only made from a body with text in it.
        for doc in read_bytes("p.rss", feed.as_bytes(), &IngestOptions::default()).into_iter().flatten() {
            proptest::prop_assert!(!doc.text.trim().is_empty());
        }
    }
}

#[test]
fn deeply_nested_item_html_is_flattened_not_parsed_quadratically() {
    let depth = 50_000;
    let body = format!(
        "{}<p>Troops repelled an attack on a base near Menaka on Sunday, the army said.</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let feed = format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><guid>deep-1</guid><description><![CDATA[{body}]]></description></item></channel></rss>"#
    );
    let results = read_bytes("deep.rss", feed.as_bytes(), &opts());
    let doc = results[0].as_ref().expect("the item reads");
    assert!(doc
        .text
        .contains("Troops repelled an attack on a base near Menaka"));
}

#[test]
fn atom_links_keep_the_xml_base_in_force() {
    let feed = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://desk.example.org/africa/">
  <title>Desk</title>
  <entry xml:base="2021/">
    <id>e-1</id><title>Baidoa</title>
    <link rel="alternate" href="baidoa.html"/>
    <summary>Clashes broke out in Baidoa on Tuesday.</summary>
  </entry>
  <entry>
    <id>e-2</id><title>Gao</title>
    <link href="/gao" xml:base="https://other.example.net/"/>
    <summary>A bomb exploded in Gao on Monday.</summary>
  </entry>
  <entry>
    <id>e-3</id><title>Kidal</title>
    <link href="https://wire.example.com/kidal"/>
    <summary>Gunmen attacked a convoy near Kidal.</summary>
  </entry>
</feed>"#;
    let parsed = super::parse_feed(feed.as_bytes()).expect("feed parses");
    let bases: Vec<Vec<&str>> = parsed
        .items
        .iter()
        .map(|i| i.link_bases.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        bases,
        vec![
            vec!["https://desk.example.org/africa/", "2021/"],
            vec![
                "https://desk.example.org/africa/",
                "https://other.example.net/"
            ],
            vec!["https://desk.example.org/africa/"],
        ]
    );
    assert_eq!(parsed.items[0].link.as_deref(), Some("baidoa.html"));
}
