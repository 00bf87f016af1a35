//! Item links made absolute. Atom feeds often link items with a path
//! ("/2021/03/baidoa"), relative to the `xml:base` attributes in force
//! (feed, entry, link), each of which is itself relative to the one before,
//! the first to the feed's own URL.
//!
//! A small join (RFC 3986 section 5.2, with dot segments removed) rather
//! than the `url` crate, whose IDNA tables would add some twenty crates to
//! the build for this one call.

use ureq::http::Uri;

/// `link` as an absolute http(s) URL, resolved against `base` when it is
/// relative. None when neither gives an http(s) URL.
pub fn absolute_link(base: &str, link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    if let Some((scheme, _)) = link.split_once(':') {
        if scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        {
            return is_http(scheme).then(|| link.to_string());
        }
    }
    let base: Uri = base.parse().ok()?;
    let scheme = base.scheme_str().filter(|s| is_http(s))?;
    let authority = base.authority()?.as_str();
    if let Some(rest) = link.strip_prefix("//") {
        return Some(format!("{scheme}://{rest}"));
    }
    let (path_and_query, fragment) = match link.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (link, None),
    };
    let (path, query) = match path_and_query.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (path_and_query, None),
    };
    let path = if path.is_empty() {
        base.path().to_string()
    } else if path.starts_with('/') {
        path.to_string()
    } else {
        let dir = base.path().rsplit_once('/').map_or("", |(dir, _)| dir);
        format!("{dir}/{path}")
    };
    let query = match (query, path_and_query.is_empty()) {
        (Some(q), _) => Some(q.to_string()),
        (None, true) => base.query().map(str::to_string),
        (None, false) => None,
    };
    let mut out = format!("{scheme}://{authority}{}", without_dot_segments(&path));
    if let Some(q) = query {
        out.push('?');
        out.push_str(&q);
    }
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    Some(out)
}

/// `link` made absolute through the `xml:base` chain in force at it
/// (outermost first), starting from the feed's URL. A base that does not
/// resolve is skipped, as a reader would ignore it.
pub fn resolve_item_link(feed_url: &str, bases: &[String], link: &str) -> Option<String> {
    let base = bases.iter().fold(feed_url.to_string(), |base, next| {
        absolute_link(&base, next).unwrap_or(base)
    });
    absolute_link(&base, link)
}

fn is_http(scheme: &str) -> bool {
    scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}

/// "/a/b/../c/./d" → "/a/c/d"; never climbs above the root.
fn without_dot_segments(path: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {}
            ".." => {
                kept.pop();
            }
            s => kept.push(s),
        }
        // "/a/b/.." and "/a/." name a directory: keep the trailing slash.
        if i == last && matches!(*segment, "." | "..") {
            kept.push("");
        }
    }
    format!("/{}", kept.join("/"))
}

#[cfg(test)]
mod tests {
    use super::absolute_link;

    const FEED: &str = "https://news.example.org/world/africa/feed.atom?lang=en";

    #[test]
    fn relative_links_resolve_against_the_feed() {
        let cases = [
            ("/2021/03/baidoa", "https://news.example.org/2021/03/baidoa"),
            (
                "baidoa.html",
                "https://news.example.org/world/africa/baidoa.html",
            ),
            ("../asia/kabul", "https://news.example.org/world/asia/kabul"),
            (
                "./story?id=7#top",
                "https://news.example.org/world/africa/story?id=7#top",
            ),
            ("//cdn.example.net/a", "https://cdn.example.net/a"),
            (
                "?page=2",
                "https://news.example.org/world/africa/feed.atom?page=2",
            ),
            ("/../../etc", "https://news.example.org/etc"),
            ("/a/b/..", "https://news.example.org/a/"),
        ];
        for (link, want) in cases {
            assert_eq!(absolute_link(FEED, link).as_deref(), Some(want), "{link}");
        }
    }

    #[test]
    fn absolute_links_are_kept_and_other_schemes_dropped() {
        let story = "http://other.example.com/story";
        assert_eq!(absolute_link(FEED, story).as_deref(), Some(story));
        assert_eq!(absolute_link(FEED, "mailto:desk@example.org"), None);
        assert_eq!(absolute_link(FEED, "javascript:void(0)"), None);
        assert_eq!(absolute_link(FEED, "   "), None);
        // A relative link with nothing to resolve it against.
        assert_eq!(absolute_link("not a url", "/story"), None);
    }

    #[test]
    fn xml_base_chains_resolve_outermost_first() {
        let bases = |b: &[&str]| b.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let feed = "https://news.example.org/feeds/all.atom";
        assert_eq!(
            super::resolve_item_link(feed, &bases(&["/africa/", "2021/"]), "baidoa").as_deref(),
            Some("https://news.example.org/africa/2021/baidoa")
        );
        assert_eq!(
            super::resolve_item_link(feed, &bases(&["https://m.example.net/x/"]), "y").as_deref(),
            Some("https://m.example.net/x/y")
        );
        // A base that is no URL is ignored; no bases is the feed's URL.
        assert_eq!(
            super::resolve_item_link(feed, &bases(&["mailto:x@example.org"]), "z").as_deref(),
            Some("https://news.example.org/feeds/z")
        );
        assert_eq!(
            super::resolve_item_link(feed, &[], "/a").as_deref(),
            Some("https://news.example.org/a")
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_stays_http(link in "\\PC{0,40}") {
            if let Some(url) = absolute_link(FEED, &link) {
                proptest::prop_assert!(url.starts_with("http"));
            }
        }
    }
}
