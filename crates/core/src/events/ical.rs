//! iCalendar (RFC 5545) for events: one VEVENT per event with times in UTC (so no
//! VTIMEZONE is needed), a UID that never changes, the SEQUENCE raised by each
//! change, STATUS:CANCELLED for cancelled events, text escaped (§3.3.11) and lines
//! folded at 75 octets without splitting a UTF-8 character (§3.1).

use chrono::{DateTime, Utc};

use super::Event;
use crate::i18n::Lang;

/// The product that wrote the calendar.
const PRODID: &str = "-//Tadamun//Events//EN";

/// How an event reads in a calendar: its text in one language and where to find it.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// The event.
    pub event: &'a Event,
    /// Where it takes place, as text.
    pub location: String,
    /// The event's page, absolute, if the server knows its address.
    pub url: Option<String>,
}

/// A calendar named `name` with `entries`, stamped `now`, in `lang`.
pub fn calendar(name: &str, entries: &[Entry<'_>], lang: Lang, now: DateTime<Utc>) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, &format!("PRODID:{PRODID}"));
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for entry in entries {
        vevent(&mut out, entry, lang, now);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn vevent(out: &mut String, entry: &Entry<'_>, lang: Lang, now: DateTime<Utc>) {
    let e = entry.event;
    let f = &e.fields;
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}@tadamun", e.id));
    line(out, &format!("DTSTAMP:{}", utc(now)));
    line(out, &format!("DTSTART:{}", utc(f.start.at)));
    line(out, &format!("DTEND:{}", utc(f.end())));
    line(out, &format!("SEQUENCE:{}", e.sequence));
    line(
        out,
        if e.cancelled {
            "STATUS:CANCELLED"
        } else {
            "STATUS:CONFIRMED"
        },
    );
    line(out, &format!("SUMMARY:{}", escape(f.title_in(lang))));
    if let Some(d) = f.description_in(lang) {
        line(out, &format!("DESCRIPTION:{}", escape(d)));
    }
    if !entry.location.is_empty() {
        line(out, &format!("LOCATION:{}", escape(&entry.location)));
    }
    if let Some(url) = &entry.url {
        line(out, &format!("URL:{url}"));
    }
    line(
        out,
        &format!("CATEGORIES:{}", f.kind.as_str().to_uppercase()),
    );
    line(out, "END:VEVENT");
}

/// An instant as a UTC DATE-TIME (`20260310T150000Z`).
pub fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes TEXT: backslash, semicolon, comma and newlines.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets: each continuation starts with a
/// space, and a multi-byte character is never cut.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// The content lines of `folded` text, unfolded (for tests and readers).
pub fn unfold(folded: &str) -> String {
    folded.replace("\r\n ", "")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::EventInput;
    use crate::ids::EventId;
    use proptest::prelude::*;

    fn event(cancelled: bool) -> Event {
        Event {
            id: EventId::from_stored("01900000-0000-7000-8000-000000000001".into()),
            fields: EventInput {
                kind: "webinar".into(),
                title: "Land, water; and rights, together".into(),
                title_ar: Some("الأرض والماء والحقوق معًا".into()),
                description: Some("Line one\nLine two \\ end".into()),
                start: "2026-03-10T18:00".into(),
                time_zone: "Africa/Nairobi".into(),
                duration: "90".into(),
                link: Some("https://meet.example.org/w".into()),
                languages: vec!["en".into()],
                ..Default::default()
            }
            .validate()
            .unwrap(),
            sequence: 3,
            cancelled,
        }
    }

    #[test]
    fn an_event_is_written_in_utc_with_its_uid_sequence_status_and_escaped_text() {
        let e = event(true);
        let now = DateTime::parse_from_rfc3339("2026-03-01T08:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let entries = [Entry {
            event: &e,
            location: "Online".into(),
            url: Some("https://tadamun.example.org/events/1".into()),
        }];
        let text = calendar("Tadamun", &entries, Lang::En, now);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        let lines = unfold(&text);
        for expected in [
            "UID:01900000-0000-7000-8000-000000000001@tadamun",
            "DTSTAMP:20260301T080000Z",
            "DTSTART:20260310T150000Z",
            "DTEND:20260310T163000Z",
            "SEQUENCE:3",
            "STATUS:CANCELLED",
            "SUMMARY:Land\\, water\\; and rights\\, together",
            "DESCRIPTION:Line one\\nLine two \\\\ end",
        ] {
            assert!(
                lines.lines().any(|l| l == expected),
                "{expected} in {lines}"
            );
        }
        let arabic = calendar("Tadamun", &entries, Lang::Ar, now);
        assert!(unfold(&arabic).contains("SUMMARY:الأرض والماء والحقوق معًا"));
        assert!(
            unfold(&calendar(
                "T",
                &[Entry {
                    event: &event(false),
                    location: String::new(),
                    url: None
                }],
                Lang::En,
                now
            ))
            .contains("STATUS:CONFIRMED")
        );
    }

    proptest! {
        #[test]
        fn folded_lines_never_pass_75_octets_and_unfold_to_the_original(text in "\\PC{0,300}") {
            let mut out = String::new();
            line(&mut out, &text);
            for l in out.split("\r\n") {
                prop_assert!(l.len() <= 75, "{} octets", l.len());
            }
            prop_assert_eq!(unfold(&out), format!("{text}\r\n"));
        }
    }
}
