//! The words of a shown text that a query matched, and an excerpt around them.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use super::stem::{STEMMED, stems};
use super::{Query, normalise};

/// An excerpt of a text with the byte ranges of its matched words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Highlighted {
    /// The excerpt, as written (with `…` where it was cut).
    pub text: String,
    /// Matched words in `text`, as byte ranges, in order and not overlapping.
    pub marks: Vec<Range<usize>>,
}

impl Highlighted {
    /// The excerpt as HTML: escaped, with each matched word in `<mark>`.
    pub fn html(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 16 * self.marks.len());
        let mut at = 0;
        for mark in &self.marks {
            escape_into(&mut out, &self.text[at..mark.start]);
            out.push_str("<mark>");
            escape_into(&mut out, &self.text[mark.clone()]);
            out.push_str("</mark>");
            at = mark.end;
        }
        escape_into(&mut out, &self.text[at..]);
        out
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
}

/// Letters, digits and the marks and tatweel written inside words.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || c == '\u{0640}'
}

/// The byte ranges of the words of `text` that match a term of `query`.
fn matched(text: &str, query: &Query) -> Vec<Range<usize>> {
    let mut marks = Vec::new();
    let mut start = None;
    let bounds = text
        .char_indices()
        .map(|(i, c)| (i, Some(c)))
        .chain(std::iter::once((text.len(), None)));
    for (i, c) in bounds {
        match (start, c.is_some_and(in_word)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                if word_matches(&text[s..i], query) {
                    marks.push(s..i);
                }
                start = None;
            }
            _ => {}
        }
    }
    marks
}

fn word_matches(word: &str, query: &Query) -> bool {
    let normal = normalise(word);
    normal.split(' ').filter(|w| !w.is_empty()).any(|w| {
        std::iter::once(w.to_owned())
            .chain(stems(w, &STEMMED))
            .any(|form| query.terms.iter().any(|t| t.matches(&form)))
    })
}

/// An excerpt of about `max_chars` characters of `text` around its first match (its
/// start when nothing matched), with the matches marked.
pub fn highlight(text: &str, query: &Query, max_chars: usize) -> Highlighted {
    let all = matched(text, query);
    let total = text.chars().count();
    if total <= max_chars {
        return Highlighted {
            text: text.to_owned(),
            marks: all,
        };
    }
    // Start a few words before the first match, at a character boundary.
    let first = all.first().map_or(0, |m| m.start);
    let chars_before = text[..first].chars().count();
    let skip = chars_before.saturating_sub(max_chars / 4);
    let from = text.char_indices().nth(skip).map_or(0, |(i, _)| i);
    let to = text
        .char_indices()
        .nth(skip + max_chars)
        .map_or(text.len(), |(i, _)| i);
    let lead = if from > 0 { "…" } else { "" };
    let tail = if to < text.len() { "…" } else { "" };
    let shift = lead.len();
    let marks = all
        .into_iter()
        .filter(|m| m.start >= from && m.end <= to)
        .map(|m| m.start - from + shift..m.end - from + shift)
        .collect();
    Highlighted {
        text: format!("{lead}{}{tail}", &text[from..to]),
        marks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn query(q: &str) -> Query {
        Query::parse(q, None).unwrap_or(Query { terms: vec![] })
    }

    #[test]
    fn matched_words_are_marked_after_escaping() {
        let h = highlight("<b>Boycott</b> & divestment", &query("divest"), 200);
        assert_eq!(
            h.html(),
            "&lt;b&gt;Boycott&lt;/b&gt; &amp; <mark>divestment</mark>"
        );
    }

    #[test]
    fn arabic_words_are_marked_with_their_marks() {
        let h = highlight("حملةُ المُقاطَعة", &query("مقاطعه"), 200);
        assert_eq!(h.html(), "حملةُ <mark>المُقاطَعة</mark>");
    }

    #[test]
    fn long_texts_are_cut_around_the_first_match() {
        let text = format!("{} needle {}", "hay ".repeat(100), "hay ".repeat(100));
        let h = highlight(&text, &query("needle"), 60);
        assert!(h.text.starts_with('…') && h.text.ends_with('…'));
        assert_eq!(h.marks.len(), 1);
        assert_eq!(&h.text[h.marks[0].clone()], "needle");
    }

    proptest! {
        #[test]
        fn marks_always_fall_on_character_boundaries(text in "\\PC{0,120}", q in "\\PC{0,12}", max in 5usize..80) {
            let h = highlight(&text, &query(&q), max);
            for m in &h.marks {
                prop_assert!(h.text.is_char_boundary(m.start) && h.text.is_char_boundary(m.end));
            }
            prop_assert!(!h.html().contains("<script"));
        }
    }
}
