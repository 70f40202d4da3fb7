//! Keyset pagination: `?limit=&cursor=` in, `{"items": …, "next_cursor": …}` out.
//!
//! The cursor is the id of the last item of the previous page (ids sort by creation
//! time), or for lists in another order that order's value and the id
//! (`1767225600000.<id>`), encoded so that clients treat it as opaque.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use crate::{Invalid, Problem};

/// Items per page when the client does not say.
pub const DEFAULT_LIMIT: i64 = 50;
/// The most items a page may hold.
pub const MAX_LIMIT: i64 = 500;

/// A validated page request.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageRequest {
    /// How many items to return.
    pub limit: i64,
    /// Return items after this id.
    pub after: Option<String>,
}

impl PageRequest {
    /// Checks `limit` (1–500, default 50) and decodes `cursor`.
    pub fn parse(limit: Option<i64>, cursor: Option<&str>) -> Result<Self, Invalid> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(Invalid::new(
                "limit",
                Problem::OutOfRange {
                    min: 1,
                    max: MAX_LIMIT,
                },
            ));
        }
        let after = match cursor.filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => Some(decode(c).ok_or(Invalid::new("cursor", Problem::Cursor))?),
        };
        Ok(Self { limit, after })
    }

    /// The first page with the default size.
    pub fn first() -> Self {
        Self {
            limit: DEFAULT_LIMIT,
            after: None,
        }
    }
}

/// A page of results and the cursor of the next page, if there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    /// The items, oldest first.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// Builds a page from up to `limit + 1` rows fetched: the extra row only says that
    /// another page exists.
    pub fn from_rows(mut rows: Vec<T>, limit: i64, key: impl Fn(&T) -> &str) -> Self {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        let more = rows.len() > limit;
        rows.truncate(limit);
        let next_cursor = if more {
            rows.last().map(|r| encode(key(r)))
        } else {
            None
        };
        Self {
            items: rows,
            next_cursor,
        }
    }

    /// Converts every item.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next_cursor: self.next_cursor,
        }
    }
}

fn encode(id: &str) -> String {
    URL_SAFE_NO_PAD.encode(id.as_bytes())
}

fn decode(cursor: &str) -> Option<String> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    let key = String::from_utf8(bytes).ok()?;
    let (value, id) = match key.split_once('.') {
        Some((value, id)) => (Some(value.parse::<i64>().ok()?), id),
        None => (None, key.as_str()),
    };
    let id = uuid::Uuid::try_parse(id).ok()?;
    Some(match value {
        Some(v) => format!("{v}.{id}"),
        None => id.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_full_page_carries_a_cursor_that_decodes_to_its_last_id() {
        let ids: Vec<String> = (0..3).map(|_| uuid::Uuid::now_v7().to_string()).collect();
        let page = Page::from_rows(ids.clone(), 2, |s| s.as_str());
        assert_eq!(page.items.len(), 2);
        let next = PageRequest::parse(Some(2), page.next_cursor.as_deref()).unwrap();
        assert_eq!(next.after.as_deref(), Some(ids[1].as_str()));
        assert_eq!(Page::from_rows(ids, 3, |s| s.as_str()).next_cursor, None);
    }

    #[test]
    fn a_cursor_may_carry_the_sort_value_before_the_id() {
        let id = uuid::Uuid::now_v7().to_string();
        let key = format!("-1767225600000.{id}");
        let page = Page::from_rows(vec![key.clone(), key.clone()], 1, |s| s.as_str());
        let next = PageRequest::parse(None, page.next_cursor.as_deref()).unwrap();
        assert_eq!(next.after, Some(key));
        let bad = encode(&format!("soon.{id}"));
        assert_eq!(
            PageRequest::parse(None, Some(&bad)).unwrap_err().field,
            "cursor"
        );
    }

    #[test]
    fn bad_limits_and_cursors_name_their_parameter() {
        assert_eq!(
            PageRequest::parse(Some(0), None).unwrap_err().field,
            "limit"
        );
        assert_eq!(
            PageRequest::parse(Some(501), None).unwrap_err().field,
            "limit"
        );
        assert_eq!(
            PageRequest::parse(None, Some("!!")).unwrap_err().field,
            "cursor"
        );
    }

    proptest! {
        #[test]
        fn any_cursor_text_is_rejected_or_decodes_to_an_id(cursor in "\\PC{1,60}") {
            if let Ok(req) = PageRequest::parse(None, Some(&cursor)) {
                prop_assert!(uuid::Uuid::try_parse(req.after.as_deref().unwrap_or("")).is_ok());
            }
        }
    }
}
