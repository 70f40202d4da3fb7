//! Validation failures: which field, and what is wrong with it.
//!
//! The web layer turns a [`Problem`] into a message in the user's language through
//! its `message_key`; API clients get its stable `code`.

use std::fmt;

/// A value that failed validation, naming the field it came from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem}")]
pub struct Invalid {
    /// The form field or JSON property, as the user sent it.
    pub field: &'static str,
    /// What is wrong with it.
    pub problem: Problem,
}

impl Invalid {
    /// A failure of `field`.
    pub fn new(field: &'static str, problem: Problem) -> Self {
        Self { field, problem }
    }
}

/// What is wrong with a value. Each has a stable code for the API and a message key
/// for the translated text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Nothing was given where something is needed.
    Required,
    /// Longer than the allowed number of characters.
    TooLong { max: usize },
    /// Not an e-mail address.
    Email,
    /// A password shorter than the minimum.
    PasswordTooShort { min: usize },
    /// A password found in lists of common passwords, or made of one repeated character.
    PasswordCommon,
    /// A password that contains the account's e-mail name.
    PasswordContainsEmail,
    /// The current password given to confirm a change is wrong.
    PasswordWrong,
    /// Not one of admin, coordinator, member, viewer.
    Role,
    /// Not one of the interface languages.
    Language,
    /// Not an IANA time zone name.
    TimeZone,
    /// Not one of public, network, restricted.
    Visibility,
    /// Not a two-letter ISO 3166-1 country code.
    Country,
    /// Not an http or https address.
    Url,
    /// Not a value this list knows.
    UnknownValue,
    /// Already used by another record.
    Taken,
    /// A pagination cursor this server did not make.
    Cursor,
    /// A number outside its allowed range.
    OutOfRange { min: i64, max: i64 },
    /// An admin removing their own admin role or access.
    SelfLockout,
    /// A one-time code that does not match, or was already used.
    CodeWrong,
    /// A move between outreach stages that the pipeline does not allow.
    StageMove,
    /// A date that is not `YYYY-MM-DD`.
    Date,
    /// A code that is not lower-case letters, digits and hyphens.
    Code,
    /// Not a phone number (digits, spaces, `+ - ( ) .`).
    Phone,
    /// Not a number (digits, an optional sign and decimal point).
    Number,
    /// A date before the date it must follow (a due date before the start date).
    DatesOutOfOrder,
    /// A plan item's dates outside those of the item it belongs to.
    OutsideParent,
    /// A plan item whose parent is not exactly one level above it.
    ParentLevel,
    /// Set on a plan item whose value is computed from the items below it.
    RolledUp,
    /// A dependency that would make an action wait, through others, for itself.
    DependencyCycle,
    /// A dependency involving something other than an action.
    DependencyNotAction,
    /// An action that starts before an action it depends on is due.
    StartsBeforeDependency,
    /// An indicator's target equal to its baseline or on the wrong side of it.
    TargetDirection,
    /// Not a local date and time `YYYY-MM-DDTHH:MM`.
    DateTime,
    /// A local time that the clocks skip in that zone (daylight-saving gap).
    TimeSkipped,
    /// A local time that happens twice in that zone (clocks turned back).
    TimeAmbiguous,
    /// A meeting with neither an online link nor a place.
    LinkOrPlace,
    /// A change of a recommendation's status that the register does not allow.
    StatusMove,
    /// A meeting's action item that already became a plan action.
    AlreadyPlanned,
    /// A campaign target's outcome other than open without the date it was reached.
    OutcomeDate,
    /// A move of a translation's state that the workflow does not allow.
    TranslationMove,
    /// Not a time of day (`09:00`).
    Time,
    /// A time of day that must come after another one but does not.
    TimesOutOfOrder,
    /// Registration for an event that is not open (not yet, or no longer).
    RegistrationClosed,
    /// An e-mail address already registered for the event.
    AlreadyRegistered,
}

impl Problem {
    /// The stable machine-readable code, as sent in API errors.
    pub fn code(self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::TooLong { .. } => "too_long",
            Problem::Email => "invalid_email",
            Problem::PasswordTooShort { .. } => "password_too_short",
            Problem::PasswordCommon => "password_common",
            Problem::PasswordContainsEmail => "password_contains_email",
            Problem::PasswordWrong => "password_wrong",
            Problem::Role => "invalid_role",
            Problem::Language => "invalid_language",
            Problem::TimeZone => "invalid_time_zone",
            Problem::Visibility => "invalid_visibility",
            Problem::Country => "invalid_country",
            Problem::Url => "invalid_url",
            Problem::UnknownValue => "unknown_value",
            Problem::Taken => "taken",
            Problem::Cursor => "invalid_cursor",
            Problem::OutOfRange { .. } => "out_of_range",
            Problem::SelfLockout => "self_lockout",
            Problem::CodeWrong => "code_wrong",
            Problem::StageMove => "invalid_stage_move",
            Problem::Date => "invalid_date",
            Problem::Code => "invalid_code",
            Problem::Phone => "invalid_phone",
            Problem::Number => "invalid_number",
            Problem::DatesOutOfOrder => "dates_out_of_order",
            Problem::OutsideParent => "outside_parent",
            Problem::ParentLevel => "invalid_parent_level",
            Problem::RolledUp => "rolled_up",
            Problem::DependencyCycle => "dependency_cycle",
            Problem::DependencyNotAction => "dependency_not_action",
            Problem::StartsBeforeDependency => "starts_before_dependency",
            Problem::TargetDirection => "target_wrong_direction",
            Problem::DateTime => "invalid_date_time",
            Problem::TimeSkipped => "time_skipped",
            Problem::TimeAmbiguous => "time_ambiguous",
            Problem::LinkOrPlace => "link_or_place",
            Problem::StatusMove => "invalid_status_move",
            Problem::AlreadyPlanned => "already_planned",
            Problem::OutcomeDate => "outcome_date_required",
            Problem::TranslationMove => "invalid_translation_move",
            Problem::Time => "invalid_time",
            Problem::TimesOutOfOrder => "times_out_of_order",
            Problem::RegistrationClosed => "registration_closed",
            Problem::AlreadyRegistered => "already_registered",
        }
    }

    /// The key of the message in the locale files.
    pub fn message_key(self) -> &'static str {
        match self {
            Problem::Required => "problem-required",
            Problem::TooLong { .. } => "problem-too-long",
            Problem::Email => "problem-email",
            Problem::PasswordTooShort { .. } => "problem-password-too-short",
            Problem::PasswordCommon => "problem-password-common",
            Problem::PasswordContainsEmail => "problem-password-contains-email",
            Problem::PasswordWrong => "problem-password-wrong",
            Problem::Role => "problem-role",
            Problem::Language => "problem-language",
            Problem::TimeZone => "problem-time-zone",
            Problem::Visibility => "problem-visibility",
            Problem::Country => "problem-country",
            Problem::Url => "problem-url",
            Problem::UnknownValue => "problem-unknown-value",
            Problem::Taken => "problem-taken",
            Problem::Cursor => "problem-cursor",
            Problem::OutOfRange { .. } => "problem-out-of-range",
            Problem::SelfLockout => "problem-self-lockout",
            Problem::CodeWrong => "problem-code-wrong",
            Problem::StageMove => "problem-stage-move",
            Problem::Date => "problem-date",
            Problem::Code => "problem-code",
            Problem::Phone => "problem-phone",
            Problem::Number => "problem-number",
            Problem::DatesOutOfOrder => "problem-dates-out-of-order",
            Problem::OutsideParent => "problem-outside-parent",
            Problem::ParentLevel => "problem-parent-level",
            Problem::RolledUp => "problem-rolled-up",
            Problem::DependencyCycle => "problem-dependency-cycle",
            Problem::DependencyNotAction => "problem-dependency-not-action",
            Problem::StartsBeforeDependency => "problem-starts-before-dependency",
            Problem::TargetDirection => "problem-target-direction",
            Problem::DateTime => "problem-date-time",
            Problem::TimeSkipped => "problem-time-skipped",
            Problem::TimeAmbiguous => "problem-time-ambiguous",
            Problem::LinkOrPlace => "problem-link-or-place",
            Problem::StatusMove => "problem-status-move",
            Problem::AlreadyPlanned => "problem-already-planned",
            Problem::OutcomeDate => "problem-outcome-date",
            Problem::TranslationMove => "problem-translation-move",
            Problem::Time => "problem-time",
            Problem::TimesOutOfOrder => "problem-times-out-of-order",
            Problem::RegistrationClosed => "problem-registration-closed",
            Problem::AlreadyRegistered => "problem-already-registered",
        }
    }

    /// The numbers the message needs, by name.
    pub fn args(self) -> Vec<(&'static str, i64)> {
        let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
        match self {
            Problem::TooLong { max } => vec![("max", n(max))],
            Problem::PasswordTooShort { min } => vec![("min", n(min))],
            Problem::OutOfRange { min, max } => vec![("min", min), ("max", max)],
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Trims `raw` and checks it is present and at most `max` characters long.
pub fn required_text(field: &'static str, raw: &str, max: usize) -> Result<String, Invalid> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(Invalid::new(field, Problem::Required));
    }
    if value.chars().count() > max {
        return Err(Invalid::new(field, Problem::TooLong { max }));
    }
    Ok(value.to_owned())
}

/// Trims `raw`; empty means absent. Checks the length of what is present.
pub fn optional_text(
    field: &'static str,
    raw: &str,
    max: usize,
) -> Result<Option<String>, Invalid> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    required_text(field, raw, max).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_text_trims_and_rejects_blank_and_long_values() {
        assert_eq!(required_text("name", "  Amal ", 10), Ok("Amal".into()));
        assert_eq!(
            required_text("name", "   ", 10),
            Err(Invalid::new("name", Problem::Required))
        );
        assert_eq!(
            required_text("name", "تضامن تضامن", 5),
            Err(Invalid::new("name", Problem::TooLong { max: 5 }))
        );
        assert_eq!(optional_text("city", " ", 5), Ok(None));
    }
}
