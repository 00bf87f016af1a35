//! Page metadata: publication date, site name, title and canonical URL,
//! from `<meta>` tags, JSON-LD, `<time>`, `<link rel=canonical>`, `<title>`
//! and the first `<h1>`.

use crate::date::parse_date;
use chrono::NaiveDate;
use scraper::Node;

/// What a page says about itself.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageMeta {
    pub published: Option<NaiveDate>,
    pub site_name: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// `<meta>` names and properties that carry the publication date, most
/// specific first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "original-publish-date",
];

/// Everything collected in one pass, resolved by priority afterwards.
#[derive(Default)]
struct Found {
    meta: Vec<(String, String)>,
    canonical: Option<String>,
    title_tag: Option<String>,
    first_h1: Option<String>,
    json_ld_date: Option<NaiveDate>,
    time_dates: Vec<(bool, NaiveDate)>,
}

pub fn page_meta(document: &scraper::Html) -> PageMeta {
    let mut found = Found::default();
    for node in document.tree.root().descendants() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        match element.name() {
            "meta" => {
                let key = element
                    .attr("property")
                    .or_else(|| element.attr("name"))
                    .or_else(|| element.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, element.attr("content")) {
                    found
                        .meta
                        .push((key.trim().to_ascii_lowercase(), content.trim().to_string()));
                }
            }
            "link" => {
                let canonical = element
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                if canonical && found.canonical.is_none() {
                    found.canonical = element.attr("href").map(|h| h.trim().to_string());
                }
            }
            "title" if found.title_tag.is_none() => {
                found.title_tag = non_empty(collapse(&node_text(node)));
            }
            "h1" if found.first_h1.is_none() => {
                found.first_h1 = non_empty(collapse(&node_text(node)));
            }
            "script" if found.json_ld_date.is_none() => {
                let is_json_ld = element
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_json_ld {
                    found.json_ld_date = json_ld_date(&node_text(node));
                }
            }
            "time" => {
                let when = element.attr("datetime").and_then(|d| parse_date(d).ok());
                if let Some(date) = when {
                    let marked = element.attr("pubdate").is_some()
                        || element
                            .attr("itemprop")
                            .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"));
                    found.time_dates.push((marked, date));
                }
            }
            _ => {}
        }
    }
    resolve(found)
}

fn resolve(found: Found) -> PageMeta {
    let meta = |key: &str| -> Option<&str> {
        found
            .meta
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.as_str())
    };
    let meta_date = DATE_KEYS
        .iter()
        .find_map(|key| meta(key).and_then(|v| parse_date(v).ok()));
    let time_date = found
        .time_dates
        .iter()
        .find(|(marked, _)| *marked)
        .or(found.time_dates.first())
        .map(|(_, d)| *d);
    PageMeta {
        published: meta_date.or(found.json_ld_date).or(time_date),
        site_name: meta("og:site_name").map(collapse),
        title: meta("og:title")
            .or_else(|| meta("twitter:title"))
            .map(collapse)
            .and_then(non_empty)
            .or(found.title_tag)
            .or(found.first_h1),
        url: found
            .canonical
            .filter(|u| !u.is_empty())
            .or_else(|| meta("og:url").map(str::to_string)),
    }
}

/// The first `datePublished` anywhere in a JSON-LD block (they nest it in
/// `@graph` arrays and `mainEntity` objects).
fn json_ld_date(script: &str) -> Option<NaiveDate> {
    let value: serde_json::Value = serde_json::from_str(script.trim()).ok()?;
    let mut stack = vec![&value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(date) = map
                    .get("datePublished")
                    .and_then(|d| d.as_str())
                    .and_then(|d| parse_date(d).ok())
                {
                    return Some(date);
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    None
}

fn node_text(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            out.push_str(t);
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMeta {
        page_meta(&scraper::Html::parse_document(html))
    }

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn open_graph_fields() {
        let m = meta_of(
            r#"<html><head><title>Ignored | Site</title>
            <meta property="article:published_time" content="2016-07-03T08:15:00+01:00">
            <meta property="og:site_name" content="The Baidoa Courier">
            <meta property="og:title" content="Mortar attack hits Baidoa">
            <meta property="og:url" content="https://example.org/og">
            <link rel="canonical" href="https://example.org/baidoa-mortar"></head><body></body></html>"#,
        );
        assert_eq!(m.published, date(2016, 7, 3));
        assert_eq!(m.site_name.as_deref(), Some("The Baidoa Courier"));
        assert_eq!(m.title.as_deref(), Some("Mortar attack hits Baidoa"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/baidoa-mortar"));
    }

    #[test]
    fn meta_name_date_and_title_tag() {
        let m = meta_of(
            r#"<html><head><meta name="DC.date.issued" content="2019-03-21"><title>Floods in Beira</title></head></html>"#,
        );
        assert_eq!(m.published, date(2019, 3, 21));
        assert_eq!(m.title.as_deref(), Some("Floods in Beira"));
    }

    #[test]
    fn json_ld_date_published_nested_in_graph() {
        let m = meta_of(
            r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2018-11-02T10:00:00Z"}]}</script></head></html>"#,
        );
        assert_eq!(m.published, date(2018, 11, 2));
    }

    #[test]
    fn time_element_prefers_the_marked_one() {
        let m = meta_of(
            r#"<html><body><time datetime="2020-01-01">Jan 1</time><time itemprop="datePublished" datetime="2020-02-14">Feb 14</time><h1>Clashes in Idlib</h1></body></html>"#,
        );
        assert_eq!(m.published, date(2020, 2, 14));
        assert_eq!(m.title.as_deref(), Some("Clashes in Idlib"));
    }

    #[test]
    fn invalid_meta_date_is_ignored() {
        let m = meta_of(
            r#"<html><head><meta name="date" content="2016-13-45"><meta name="pubdate" content="2016-06-30"></head></html>"#,
        );
        assert_eq!(m.published, date(2016, 6, 30));
    }
}
