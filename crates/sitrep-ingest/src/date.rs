//! Publication dates as inputs write them: ISO 8601 dates and timestamps
//! (the date as written, whatever the offset), RFC 2822, and a few
//! written-out forms ("July 3, 2016", "3 July 2016").

use chrono::{DateTime, NaiveDate};

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDate;

pub fn parse_date(raw: &str) -> Result<NaiveDate, BadDate> {
    let s = raw.trim();
    if let Some(iso) = iso_prefix(s) {
        // Starts like an ISO date: it is one, or it is wrong ("2016-13-45").
        return iso;
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Ok(dt.date_naive());
    }
    const WRITTEN: &[&str] = &["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d"];
    WRITTEN
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        .ok_or(BadDate)
}

/// `YYYY-MM-DD` at the start (anything may follow: a time, an offset).
fn iso_prefix(s: &str) -> Option<Result<NaiveDate, BadDate>> {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if !(digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10))
    {
        return None;
    }
    if b.get(10).is_some_and(u8::is_ascii_digit) {
        return Some(Err(BadDate));
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return Some(Err(BadDate));
    };
    Some(NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(BadDate))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> NaiveDate {
        parse_date(s).unwrap_or_else(|_| panic!("{s} should parse"))
    }

    #[test]
    fn iso_dates_and_timestamps() {
        let want = NaiveDate::from_ymd_opt(2016, 7, 3).unwrap();
        assert_eq!(ok("2016-07-03"), want);
        assert_eq!(ok(" 2016-07-03T23:30:00-05:00 "), want);
        assert_eq!(ok("2016-07-03 08:00"), want);
    }

    #[test]
    fn impossible_iso_dates_are_refused() {
        assert_eq!(parse_date("2016-13-45"), Err(BadDate));
        assert_eq!(parse_date("2016-02-30"), Err(BadDate));
        assert_eq!(parse_date("2016-07-031"), Err(BadDate));
    }

    #[test]
    fn rfc2822_and_written_forms() {
        let want = NaiveDate::from_ymd_opt(2016, 7, 3).unwrap();
        assert_eq!(ok("Sun, 03 Jul 2016 10:00:00 +0000"), want);
        assert_eq!(ok("July 3, 2016"), want);
        assert_eq!(ok("3 July 2016"), want);
        assert_eq!(ok("2016/07/03"), want);
    }

    #[test]
    fn junk_is_refused() {
        assert_eq!(parse_date("yesterday"), Err(BadDate));
        assert_eq!(parse_date(""), Err(BadDate));
    }
}
