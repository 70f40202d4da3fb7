//! A campaign's content items and the workflow of their translations.
//!
//! An item (a social post, an article …) is written in its source language, with a
//! title and a Markdown body, for one channel. Each other language of the campaign
//! has a translation whose state moves missing → draft → in review → approved →
//! published ([`TranslationState::next`]): a review may send it back to draft, an
//! approved text may be reopened, and a published one corrected (back to draft).
//! Writing a missing translation makes it a draft; changing the text of an approved
//! or published one sends it back to draft, since what was approved is no longer
//! what is there. Changing the source after a translation was approved marks that
//! translation out of date until its text is revised.

use chrono::NaiveDate;

use crate::directory::parse_date;
use crate::ids::{CampaignId, ContentItemId, UserId};
use crate::invalid::{optional_text, required_text};
use crate::languages::LanguageCode;
use crate::{Invalid, Problem};

/// The longest title.
pub const MAX_TITLE: usize = 300;
/// The longest body.
pub const MAX_BODY: usize = 50_000;

/// What a content item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentKind {
    /// A post on a social network.
    SocialPost,
    /// An article.
    Article,
    /// A press release.
    PressRelease,
    /// The script of a video.
    VideoScript,
    /// A newsletter.
    Newsletter,
    /// A fact sheet.
    FactSheet,
    /// Anything else.
    Other,
}

impl ContentKind {
    /// Every kind, in the order forms list them.
    pub const ALL: [ContentKind; 7] = [
        ContentKind::SocialPost,
        ContentKind::Article,
        ContentKind::PressRelease,
        ContentKind::VideoScript,
        ContentKind::Newsletter,
        ContentKind::FactSheet,
        ContentKind::Other,
    ];

    /// Parses a kind's name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "" => Err(Invalid::new("kind", Problem::Required)),
            name => Self::ALL
                .into_iter()
                .find(|k| k.as_str() == name)
                .ok_or(Invalid::new("kind", Problem::UnknownValue)),
        }
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            ContentKind::SocialPost => "social_post",
            ContentKind::Article => "article",
            ContentKind::PressRelease => "press_release",
            ContentKind::VideoScript => "video_script",
            ContentKind::Newsletter => "newsletter",
            ContentKind::FactSheet => "fact_sheet",
            ContentKind::Other => "other",
        }
    }
}

/// Where a content item is published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The coalition's website.
    Website,
    /// X (Twitter).
    X,
    /// Instagram.
    Instagram,
    /// Facebook.
    Facebook,
    /// TikTok.
    Tiktok,
    /// YouTube.
    Youtube,
    /// Telegram.
    Telegram,
    /// WhatsApp.
    Whatsapp,
    /// The newsletter.
    Newsletter,
    /// The press.
    Press,
}

impl Channel {
    /// Every channel, in the order forms list them.
    pub const ALL: [Channel; 10] = [
        Channel::Website,
        Channel::X,
        Channel::Instagram,
        Channel::Facebook,
        Channel::Tiktok,
        Channel::Youtube,
        Channel::Telegram,
        Channel::Whatsapp,
        Channel::Newsletter,
        Channel::Press,
    ];

    /// Parses a channel's name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "" => Err(Invalid::new("channel", Problem::Required)),
            name => Self::ALL
                .into_iter()
                .find(|c| c.as_str() == name)
                .ok_or(Invalid::new("channel", Problem::UnknownValue)),
        }
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Website => "website",
            Channel::X => "x",
            Channel::Instagram => "instagram",
            Channel::Facebook => "facebook",
            Channel::Tiktok => "tiktok",
            Channel::Youtube => "youtube",
            Channel::Telegram => "telegram",
            Channel::Whatsapp => "whatsapp",
            Channel::Newsletter => "newsletter",
            Channel::Press => "press",
        }
    }
}

/// Where a translation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TranslationState {
    /// Nothing written yet.
    Missing,
    /// Being written.
    Draft,
    /// Written, waiting for a review.
    InReview,
    /// Reviewed and ready to publish.
    Approved,
    /// Out in the world.
    Published,
}

impl TranslationState {
    /// Every state, in workflow order.
    pub const ALL: [TranslationState; 5] = [
        TranslationState::Missing,
        TranslationState::Draft,
        TranslationState::InReview,
        TranslationState::Approved,
        TranslationState::Published,
    ];

    /// Parses a state's name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "" => Err(Invalid::new("state", Problem::Required)),
            name => Self::ALL
                .into_iter()
                .find(|s| s.as_str() == name)
                .ok_or(Invalid::new("state", Problem::UnknownValue)),
        }
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            TranslationState::Missing => "missing",
            TranslationState::Draft => "draft",
            TranslationState::InReview => "in_review",
            TranslationState::Approved => "approved",
            TranslationState::Published => "published",
        }
    }

    /// The states it may move to by hand. Leaving `missing` happens by writing a text.
    pub fn next(self) -> &'static [TranslationState] {
        use TranslationState::*;
        match self {
            Missing => &[],
            Draft => &[InReview],
            InReview => &[Approved, Draft],
            Approved => &[Published, Draft],
            Published => &[Draft],
        }
    }

    /// Checks a move to `to`. A move the workflow does not allow (publishing what is
    /// not approved, approving what was not reviewed …) names `state`.
    pub fn check_move(self, to: Self) -> Result<(), Invalid> {
        if self.next().contains(&to) {
            Ok(())
        } else {
            Err(Invalid::new("state", Problem::TranslationMove))
        }
    }

    /// The state after its text is written or changed: a missing translation becomes
    /// a draft, an approved or published one goes back to draft, a draft or one in
    /// review stays where it is (a reviewer may correct it).
    pub fn after_edit(self) -> Self {
        use TranslationState::*;
        match self {
            Missing | Approved | Published => Draft,
            Draft | InReview => self,
        }
    }

    /// Whether changing the source makes this translation out of date: it was
    /// approved or published against the old source.
    pub fn outdated_by_source_change(self) -> bool {
        matches!(
            self,
            TranslationState::Approved | TranslationState::Published
        )
    }

    /// Whether the work is done, for lateness: approved or published.
    pub fn is_done(self) -> bool {
        matches!(
            self,
            TranslationState::Approved | TranslationState::Published
        )
    }
}

/// Whether a translation in `state` due on `due` is late on `today`.
pub fn is_late(state: TranslationState, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    !state.is_done() && due.is_some_and(|d| d < today)
}

/// The validated details of a content item: its source text, kind and channel.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ContentFields {
    /// What it is.
    pub kind: ContentKind,
    /// Where it is published.
    pub channel: Channel,
    /// The language it is written in.
    pub source_lang: LanguageCode,
    /// Its title in the source language.
    pub title: String,
    /// Its body in the source language, in Markdown.
    pub body: Option<String>,
}

/// A stored content item.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ContentItem {
    /// Its id.
    pub id: ContentItemId,
    /// The campaign it belongs to.
    pub campaign: CampaignId,
    /// Its details.
    #[serde(flatten)]
    pub fields: ContentFields,
}

/// The raw text of a content item form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ContentInput {
    /// social_post, article, press_release, video_script, newsletter, fact_sheet or other.
    #[serde(default)]
    pub kind: String,
    /// website, x, instagram, facebook, tiktok, youtube, telegram, whatsapp,
    /// newsletter or press.
    #[serde(default)]
    pub channel: String,
    /// The source language's code or name.
    #[serde(default)]
    pub source_lang: String,
    /// The title in the source language.
    #[serde(default)]
    pub title: String,
    /// The body in the source language (Markdown).
    #[serde(default)]
    pub body: Option<String>,
}

impl ContentInput {
    /// Validates every field, reporting the first that is wrong.
    pub fn validate(&self) -> Result<ContentFields, Invalid> {
        Ok(ContentFields {
            kind: ContentKind::parse(&self.kind)?,
            channel: Channel::parse(&self.channel)?,
            source_lang: LanguageCode::parse("source_lang", &self.source_lang)?,
            title: required_text("title", &self.title, MAX_TITLE)?,
            body: optional_text("body", self.body.as_deref().unwrap_or_default(), MAX_BODY)?,
        })
    }
}

/// The form values of a stored content item.
pub fn input_of(f: &ContentFields) -> ContentInput {
    ContentInput {
        kind: f.kind.as_str().to_owned(),
        channel: f.channel.as_str().to_owned(),
        source_lang: f.source_lang.as_str().to_owned(),
        title: f.title.clone(),
        body: f.body.clone(),
    }
}

/// The text of a translation, and who translates it by when.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TranslationFields {
    /// The title; none while missing.
    pub title: Option<String>,
    /// The body in Markdown.
    pub body: Option<String>,
    /// The translator's user account.
    pub assignee: Option<UserId>,
    /// When it should be approved.
    pub due: Option<NaiveDate>,
}

/// A stored translation of a content item into one language.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Translation {
    /// The item translated.
    pub item: ContentItemId,
    /// The language of this translation.
    pub lang: LanguageCode,
    /// Its text, translator and due date.
    #[serde(flatten)]
    pub fields: TranslationFields,
    /// Where it stands.
    pub state: TranslationState,
    /// Whether the source changed after it was approved.
    pub outdated: bool,
}

/// The raw text of a translation form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct TranslationInput {
    /// The title in this language.
    #[serde(default)]
    pub title: Option<String>,
    /// The body in this language (Markdown).
    #[serde(default)]
    pub body: Option<String>,
    /// The translator's user id, or empty.
    #[serde(default)]
    pub assignee: Option<String>,
    /// `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub due: Option<String>,
}

impl TranslationInput {
    /// Validates every field. A body without a title is refused, naming `title`.
    pub fn validate(&self) -> Result<TranslationFields, Invalid> {
        let text = |raw: &Option<String>| raw.as_deref().unwrap_or_default().to_owned();
        let title = optional_text("title", &text(&self.title), MAX_TITLE)?;
        let body = optional_text("body", &text(&self.body), MAX_BODY)?;
        if title.is_none() && body.is_some() {
            return Err(Invalid::new("title", Problem::Required));
        }
        let assignee = match text(&self.assignee).trim() {
            "" => None,
            id => Some(
                UserId::parse(id).map_err(|_| Invalid::new("assignee", Problem::UnknownValue))?,
            ),
        };
        Ok(TranslationFields {
            title,
            body,
            assignee,
            due: parse_date("due", &text(&self.due))?,
        })
    }
}

/// The form values of a stored translation.
pub fn translation_input_of(f: &TranslationFields) -> TranslationInput {
    TranslationInput {
        title: f.title.clone(),
        body: f.body.clone(),
        assignee: f.assignee.as_ref().map(ToString::to_string),
        due: f.due.map(|d| d.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TranslationState::*;
    use proptest::prelude::*;

    #[test]
    fn a_translation_goes_from_draft_through_review_and_approval_to_publication() {
        assert_eq!(Draft.check_move(InReview), Ok(()));
        assert_eq!(InReview.check_move(Approved), Ok(()));
        assert_eq!(Approved.check_move(Published), Ok(()));
        assert_eq!(InReview.check_move(Draft), Ok(()));
        assert_eq!(Published.check_move(Draft), Ok(()));
        for (from, to) in [
            (Missing, Published),
            (Missing, Draft),
            (Draft, Published),
            (Draft, Approved),
            (InReview, Published),
            (Published, Approved),
            (Approved, InReview),
            (Draft, Draft),
        ] {
            assert_eq!(
                from.check_move(to),
                Err(Invalid::new("state", Problem::TranslationMove)),
                "{from:?} → {to:?}"
            );
        }
    }

    #[test]
    fn writing_makes_a_draft_and_changing_approved_text_reopens_it() {
        assert_eq!(Missing.after_edit(), Draft);
        assert_eq!(Draft.after_edit(), Draft);
        assert_eq!(InReview.after_edit(), InReview);
        assert_eq!(Approved.after_edit(), Draft);
        assert_eq!(Published.after_edit(), Draft);
        assert!(Approved.outdated_by_source_change());
        assert!(Published.outdated_by_source_change());
        assert!(!InReview.outdated_by_source_change());
    }

    #[test]
    fn only_unfinished_translations_past_their_due_date_are_late() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let today = day("2026-06-10");
        assert!(is_late(Draft, Some(day("2026-06-09")), today));
        assert!(is_late(Missing, Some(day("2026-06-09")), today));
        assert!(!is_late(Draft, Some(day("2026-06-10")), today));
        assert!(!is_late(Approved, Some(day("2026-01-01")), today));
        assert!(!is_late(Draft, None, today));
    }

    #[test]
    fn content_and_translation_forms_name_the_field_at_fault() {
        let good = ContentInput {
            kind: "press_release".into(),
            channel: "website".into(),
            source_lang: "Arabic".into(),
            title: "بيان صحفي".into(),
            body: Some("**نص**".into()),
        };
        let f = good.validate().unwrap();
        assert_eq!(f.source_lang.as_str(), "ar");
        assert_eq!(input_of(&f).validate(), Ok(f));
        let mut bad = good.clone();
        bad.channel = "fax".into();
        assert_eq!(
            bad.validate(),
            Err(Invalid::new("channel", Problem::UnknownValue))
        );
        let t = TranslationInput {
            body: Some("Body".into()),
            ..Default::default()
        };
        assert_eq!(t.validate(), Err(Invalid::new("title", Problem::Required)));
        let t = TranslationInput {
            title: Some("Title".into()),
            assignee: Some("someone".into()),
            ..Default::default()
        };
        assert_eq!(
            t.validate(),
            Err(Invalid::new("assignee", Problem::UnknownValue))
        );
    }

    fn state() -> impl Strategy<Value = TranslationState> {
        prop::sample::select(TranslationState::ALL.to_vec())
    }

    proptest! {
        /// Whatever is tried, nothing is published without having been approved just
        /// before, nothing is approved without a review, and nothing goes back to
        /// missing.
        #[test]
        fn no_sequence_of_moves_publishes_what_was_not_approved(
            steps in prop::collection::vec((state(), any::<bool>()), 0..40),
        ) {
            let mut at = Missing;
            for (to, edit) in steps {
                let was = at;
                if edit {
                    at = at.after_edit();
                    prop_assert!(at == Draft || at == InReview);
                    continue;
                }
                if at.check_move(to).is_ok() {
                    at = to;
                    prop_assert!(at != Missing);
                    if at == Published { prop_assert_eq!(was, Approved); }
                    if at == Approved { prop_assert_eq!(was, InReview); }
                } else {
                    prop_assert!(!was.next().contains(&to));
                }
            }
        }
    }
}
