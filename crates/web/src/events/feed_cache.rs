//! Calendar feeds rendered once and served again while the events stay as they were.
//!
//! Calendar apps poll a feed every few minutes to hours, and a region's feed is
//! hundreds of kilobytes: rendering it on every poll costs the server far more than
//! reading whether any event changed (the events' version,
//! [`tadamun_store::versions::of`]). A feed is kept per reader kind (signed in or
//! not, since that decides which events it holds), interface language and filters,
//! and answered with an `ETag` so that a polling app that already has it gets
//! `304 Not Modified` and no body.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::body::Bytes;

/// How long a rendered feed is kept at most, whatever the version says: it bounds how
/// long an event stays in a feed after it falls out of the feed's window.
const KEPT_FOR: Duration = Duration::from_secs(600);

/// The most bytes of feeds kept; beyond it the oldest go first.
const MAX_BYTES: usize = 32 * 1024 * 1024;

/// One rendered feed.
#[derive(Clone)]
pub(crate) struct Rendered {
    pub(crate) body: Bytes,
    /// A strong validator of this body for this key.
    pub(crate) etag: String,
}

struct Kept {
    version: i64,
    made: Instant,
    /// The order it was kept in, oldest lowest.
    order: u64,
    feed: Rendered,
}

/// The feeds rendered so far, by key.
#[derive(Default)]
pub(crate) struct FeedCache {
    kept: Mutex<HashMap<String, Kept>>,
    next: std::sync::atomic::AtomicU64,
    /// Held while a feed is rendered: when many apps ask for a feed that changed at
    /// once, one renders it and the others wait for it instead of each rendering the
    /// same megabyte at the same time.
    rendering: tokio::sync::Mutex<()>,
}

impl FeedCache {
    /// The feed kept for `key` if it was rendered at `version` and recently enough.
    pub(crate) fn get(&self, key: &str, version: i64) -> Option<Rendered> {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.get(key)
            .filter(|k| k.version == version && k.made.elapsed() < KEPT_FOR)
            .map(|k| k.feed.clone())
    }

    /// The feed for `key` at `version`: the one kept, or one `render` makes, which
    /// is then kept. Only one feed is rendered at a time.
    pub(crate) async fn get_or_render<E, F>(
        &self,
        key: &str,
        version: i64,
        render: F,
    ) -> Result<Rendered, E>
    where
        F: AsyncFnOnce() -> Result<String, E>,
    {
        if let Some(feed) = self.get(key, version) {
            return Ok(feed);
        }
        let _turn = self.rendering.lock().await;
        // Whoever held the turn before may have rendered this very feed.
        if let Some(feed) = self.get(key, version) {
            return Ok(feed);
        }
        Ok(self.put(key, version, render().await?))
    }

    /// Keeps `body`, rendered from the events at `version`, for `key`, and returns it
    /// with its validator.
    pub(crate) fn put(&self, key: &str, version: i64, body: String) -> Rendered {
        let mut hasher = DefaultHasher::new();
        // The body itself, not just its version: a feed rendered again at the same
        // version after it expired may hold other events, its window having moved.
        (key, version, &body).hash(&mut hasher);
        let feed = Rendered {
            etag: format!("\"{:016x}\"", hasher.finish()),
            body: Bytes::from(body),
        };
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.insert(
            key.to_owned(),
            Kept {
                version,
                made: Instant::now(),
                order: self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                feed: feed.clone(),
            },
        );
        let mut total: usize = kept.values().map(|k| k.feed.body.len()).sum();
        while total > MAX_BYTES {
            let Some(oldest) = kept
                .iter()
                .min_by_key(|(_, k)| k.order)
                .map(|(key, _)| key.clone())
            else {
                break;
            };
            if let Some(gone) = kept.remove(&oldest) {
                total -= gone.feed.body.len();
            }
        }
        feed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V1: i64 = 3;

    #[test]
    fn a_feed_is_served_again_only_while_the_events_are_as_they_were() {
        let cache = FeedCache::default();
        let first = cache.put("anonymous|en|region=002", V1, "BEGIN:VCALENDAR".into());
        let again = cache.get("anonymous|en|region=002", V1).unwrap();
        assert_eq!(again.body, first.body);
        assert_eq!(again.etag, first.etag);
        assert!(cache.get("anonymous|en|region=002", V1 + 1).is_none());
        assert!(cache.get("signed-in|en|region=002", V1).is_none());
    }

    #[test]
    fn the_oldest_feeds_go_first_when_too_many_bytes_are_kept() {
        let cache = FeedCache::default();
        let big = "x".repeat(MAX_BYTES / 2);
        cache.put("a", V1, big.clone());
        cache.put("b", V1, big.clone());
        cache.put("c", V1, big);
        assert!(cache.get("a", V1).is_none());
        assert!(cache.get("b", V1).is_some() && cache.get("c", V1).is_some());
    }
}
