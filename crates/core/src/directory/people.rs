//! People in the directory: activists, journalists, lawyers, public figures. Some are
//! at risk, so a person may be pseudonymous (shown by alias to everyone but
//! coordinators), and contact details are never shown to viewers.

use chrono::NaiveDate;

use super::{CountryCode, parse_date};
use crate::accounts::Email;
use crate::ids::{OrganisationId, PersonId};
use crate::invalid::{optional_text, required_text};
use crate::languages::LanguageCode;
use crate::visibility::{Viewer, Visibility};
use crate::{Invalid, Problem};

/// Why a person is publicly known, if they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PublicFigure {
    /// Journalist.
    Journalist,
    /// Academic.
    Academic,
    /// Artist.
    Artist,
    /// Elected official.
    ElectedOfficial,
    /// Lawyer.
    Lawyer,
    /// Religious leader.
    ReligiousLeader,
    /// Athlete.
    Athlete,
    /// Another kind of public figure.
    Other,
}

impl PublicFigure {
    /// Every kind, in the order forms list them.
    pub const ALL: [PublicFigure; 8] = [
        PublicFigure::Journalist,
        PublicFigure::Academic,
        PublicFigure::Artist,
        PublicFigure::ElectedOfficial,
        PublicFigure::Lawyer,
        PublicFigure::ReligiousLeader,
        PublicFigure::Athlete,
        PublicFigure::Other,
    ];

    /// The stored and API form.
    pub fn as_str(self) -> &'static str {
        match self {
            PublicFigure::Journalist => "journalist",
            PublicFigure::Academic => "academic",
            PublicFigure::Artist => "artist",
            PublicFigure::ElectedOfficial => "elected_official",
            PublicFigure::Lawyer => "lawyer",
            PublicFigure::ReligiousLeader => "religious_leader",
            PublicFigure::Athlete => "athlete",
            PublicFigure::Other => "other",
        }
    }

    /// Parses the stored form.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let raw = raw.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        Self::ALL
            .into_iter()
            .find(|p| p.as_str() == raw)
            .ok_or(Invalid::new("public_figure", Problem::UnknownValue))
    }
}

/// What a person agreed to be contacted about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentScope {
    /// Being contacted one to one.
    Contact,
    /// The newsletter.
    Newsletter,
    /// Invitations to events.
    Events,
    /// All of these.
    All,
}

impl ConsentScope {
    /// Every scope, in the order forms list them.
    pub const ALL: [ConsentScope; 4] = [
        ConsentScope::Contact,
        ConsentScope::Newsletter,
        ConsentScope::Events,
        ConsentScope::All,
    ];

    /// The stored and API form.
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentScope::Contact => "contact",
            ConsentScope::Newsletter => "newsletter",
            ConsentScope::Events => "events",
            ConsentScope::All => "all",
        }
    }

    /// Parses the stored form.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let raw = raw.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == raw)
            .ok_or(Invalid::new("consent_scope", Problem::UnknownValue))
    }
}

/// A recorded consent to be contacted: what about, and since when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Consent {
    /// What about.
    pub scope: ConsentScope,
    /// The day it was given.
    pub date: NaiveDate,
}

/// How to reach a person. Never shown to viewers.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Contacts {
    /// E-mail address.
    pub email: Option<Email>,
    /// Phone number, as written.
    pub phone: Option<String>,
    /// Signal number or username.
    pub signal: Option<String>,
    /// Any other channel (Telegram, WhatsApp …), as written.
    pub other: Option<String>,
}

/// A person's tie to an organisation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Affiliation {
    /// The organisation.
    pub organisation: OrganisationId,
    /// Their role in it.
    pub role: Option<String>,
}

/// The editable details of a person, validated.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonFields {
    /// Their name.
    pub display_name: String,
    /// Their alias, when they are pseudonymous: then only the alias is shown to
    /// anyone but coordinators.
    pub alias: Option<String>,
    /// Where they are based.
    pub country: Option<CountryCode>,
    /// The languages they speak.
    pub languages: Vec<LanguageCode>,
    /// Why they are publicly known, if they are.
    pub public_figure: Option<PublicFigure>,
    /// How to reach them.
    pub contacts: Contacts,
    /// Their consent to be contacted.
    pub consent: Option<Consent>,
    /// Notes for the coalition.
    pub note: Option<String>,
    /// Who may see them.
    pub visibility: Visibility,
    /// Organisations they belong to.
    pub affiliations: Vec<Affiliation>,
}

/// A person as stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Person {
    /// Their id.
    pub id: PersonId,
    /// Their details.
    #[serde(flatten)]
    pub fields: PersonFields,
}

/// A person as one viewer may see them: pseudonyms and contact details applied.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PersonView {
    /// Their id.
    pub id: PersonId,
    /// The name this viewer knows them by: the alias of a pseudonymous person,
    /// except for coordinators.
    pub name: String,
    /// Whether they are pseudonymous.
    pub pseudonymous: bool,
    /// Their real name beside the alias, for coordinators only.
    pub real_name: Option<String>,
    /// Where they are based.
    pub country: Option<CountryCode>,
    /// The languages they speak.
    pub languages: Vec<LanguageCode>,
    /// Why they are publicly known.
    pub public_figure: Option<PublicFigure>,
    /// How to reach them, if this viewer may.
    pub contacts: Option<Contacts>,
    /// Their consent, if this viewer may see contacts.
    pub consent: Option<Consent>,
    /// Notes, if this viewer may see contacts.
    pub note: Option<String>,
    /// Who may see them.
    pub visibility: Visibility,
    /// Organisations they belong to.
    pub affiliations: Vec<Affiliation>,
}

/// The name `viewer` knows a person by: their alias if they have one, unless the
/// viewer is a coordinator or an admin.
pub fn shown_name<'a>(display_name: &'a str, alias: Option<&'a str>, viewer: &Viewer) -> &'a str {
    match alias {
        Some(alias) if !viewer.can_write_network() => alias,
        _ => display_name,
    }
}

impl Person {
    /// The person as `viewer` may see them. Coordinators and admins see everything;
    /// members see contact details of people who are not pseudonymous; viewers and
    /// the public never see contact details, notes or the real name behind an alias.
    pub fn seen_by(&self, viewer: &Viewer) -> PersonView {
        let f = &self.fields;
        let trusted = viewer.can_write_network();
        let signed_in_member = viewer
            .role()
            .is_some_and(|r| r != crate::accounts::Role::Viewer);
        let pseudonymous = f.alias.is_some();
        let sees_contacts = trusted || (signed_in_member && !pseudonymous);
        PersonView {
            id: self.id.clone(),
            name: shown_name(&f.display_name, f.alias.as_deref(), viewer).to_owned(),
            pseudonymous,
            real_name: (pseudonymous && trusted).then(|| f.display_name.clone()),
            country: f.country.clone(),
            languages: f.languages.clone(),
            public_figure: f.public_figure,
            contacts: sees_contacts.then(|| f.contacts.clone()),
            consent: if sees_contacts { f.consent } else { None },
            note: if sees_contacts { f.note.clone() } else { None },
            visibility: f.visibility,
            affiliations: f.affiliations.clone(),
        }
    }
}

/// The raw text of a person form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PersonInput {
    /// Name.
    #[serde(default)]
    pub display_name: String,
    /// Whether to show only the alias (`on`, `true`, `1`).
    #[serde(default)]
    pub pseudonymous: Option<String>,
    /// Alias.
    #[serde(default)]
    pub alias: Option<String>,
    /// Country code, or empty.
    #[serde(default)]
    pub country: Option<String>,
    /// Languages: ISO 639 codes; each item may itself be a list.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Public figure kind, or empty.
    #[serde(default)]
    pub public_figure: Option<String>,
    /// E-mail.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone.
    #[serde(default)]
    pub phone: Option<String>,
    /// Signal.
    #[serde(default)]
    pub signal: Option<String>,
    /// Other contact channel.
    #[serde(default)]
    pub other_contact: Option<String>,
    /// Consent scope, or empty for none.
    #[serde(default)]
    pub consent_scope: Option<String>,
    /// Consent date, `YYYY-MM-DD`.
    #[serde(default)]
    pub consent_date: Option<String>,
    /// Note.
    #[serde(default)]
    pub note: Option<String>,
    /// Visibility; `network` when absent.
    #[serde(default)]
    pub visibility: Option<String>,
    /// Organisation ids, in the same order as `roles`.
    #[serde(default)]
    pub organisations: Vec<String>,
    /// The role in each organisation of `organisations`.
    #[serde(default)]
    pub roles: Vec<String>,
}

/// Whether a checkbox or flag value means yes.
pub fn is_yes(raw: Option<&str>) -> bool {
    matches!(
        raw.map(|r| r.trim().to_ascii_lowercase()).as_deref(),
        Some("on" | "true" | "1" | "yes")
    )
}

impl PersonInput {
    /// Validates every field, reporting the first that is wrong.
    pub fn validate(&self) -> Result<PersonFields, Invalid> {
        let text = |field, v: &Option<String>, max| {
            optional_text(field, v.as_deref().unwrap_or_default(), max)
        };
        let alias = text("alias", &self.alias, 120)?;
        let alias = if is_yes(self.pseudonymous.as_deref()) {
            Some(alias.ok_or(Invalid::new("alias", Problem::Required))?)
        } else {
            None
        };
        let email = match text("email", &self.email, 254)? {
            Some(e) => Some(Email::parse(&e)?),
            None => None,
        };
        let phone = text("phone", &self.phone, 40)?;
        if let Some(p) = &phone
            && !p
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        {
            return Err(Invalid::new("phone", Problem::Phone));
        }
        let consent = match text("consent_scope", &self.consent_scope, 20)? {
            None => None,
            Some(scope) => Some(Consent {
                scope: ConsentScope::parse(&scope)?,
                date: parse_date(
                    "consent_date",
                    self.consent_date.as_deref().unwrap_or_default(),
                )?
                .ok_or(Invalid::new("consent_date", Problem::Required))?,
            }),
        };
        let mut affiliations: Vec<Affiliation> = Vec::new();
        for (i, raw) in self.organisations.iter().enumerate() {
            if raw.trim().is_empty() {
                continue;
            }
            let organisation = OrganisationId::parse(raw.trim())
                .map_err(|_| Invalid::new("organisations", Problem::UnknownValue))?;
            if affiliations.iter().any(|a| a.organisation == organisation) {
                continue;
            }
            let role = optional_text(
                "roles",
                self.roles.get(i).map(String::as_str).unwrap_or_default(),
                120,
            )?;
            affiliations.push(Affiliation { organisation, role });
        }
        Ok(PersonFields {
            display_name: required_text("display_name", &self.display_name, 200)?,
            alias,
            country: match text("country", &self.country, 100)? {
                Some(c) => Some(CountryCode::parse(&c)?),
                None => None,
            },
            languages: crate::languages::parse_list("languages", &self.languages)?,
            public_figure: text("public_figure", &self.public_figure, 40)?
                .map(|p| PublicFigure::parse(&p))
                .transpose()?,
            contacts: Contacts {
                email,
                phone,
                signal: text("signal", &self.signal, 80)?,
                other: text("other_contact", &self.other_contact, 200)?,
            },
            consent,
            note: text("note", &self.note, 5000)?,
            visibility: match self.visibility.as_deref().map(str::trim) {
                None | Some("") => Visibility::Network,
                Some(v) => Visibility::parse(v)?,
            },
            affiliations,
        })
    }
}

/// The form values of a stored person.
pub fn input_of(f: &PersonFields) -> PersonInput {
    PersonInput {
        display_name: f.display_name.clone(),
        pseudonymous: f.alias.is_some().then(|| "on".to_owned()),
        alias: f.alias.clone(),
        country: f.country.as_ref().map(|c| c.as_str().to_owned()),
        languages: f.languages.iter().map(|l| l.as_str().to_owned()).collect(),
        public_figure: f.public_figure.map(|p| p.as_str().to_owned()),
        email: f.contacts.email.as_ref().map(|e| e.as_str().to_owned()),
        phone: f.contacts.phone.clone(),
        signal: f.contacts.signal.clone(),
        other_contact: f.contacts.other.clone(),
        consent_scope: f.consent.map(|c| c.scope.as_str().to_owned()),
        consent_date: f.consent.map(|c| c.date.to_string()),
        note: f.note.clone(),
        visibility: Some(f.visibility.as_str().to_owned()),
        organisations: f
            .affiliations
            .iter()
            .map(|a| a.organisation.to_string())
            .collect(),
        roles: f
            .affiliations
            .iter()
            .map(|a| a.role.clone().unwrap_or_default())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounts::Role;
    use crate::ids::UserId;
    use proptest::prelude::*;

    fn person(pseudonymous: bool) -> Person {
        let input = PersonInput {
            display_name: "Salma Haddad".into(),
            pseudonymous: pseudonymous.then(|| "on".into()),
            alias: Some("Falcon".into()),
            email: Some("salma@example.org".into()),
            phone: Some("+970 59 000 0000".into()),
            consent_scope: Some("contact".into()),
            consent_date: Some("2026-03-01".into()),
            note: Some("Met at the Amman workshop".into()),
            ..Default::default()
        };
        Person {
            id: PersonId::new(),
            fields: input.validate().unwrap(),
        }
    }

    fn user(role: Role) -> Viewer {
        Viewer::User {
            id: UserId::new(),
            role,
            organisation: None,
        }
    }

    #[test]
    fn a_pseudonymous_person_is_shown_by_alias_to_all_but_coordinators() {
        let p = person(true);
        for viewer in [Viewer::Anonymous, user(Role::Viewer), user(Role::Member)] {
            let seen = p.seen_by(&viewer);
            assert_eq!(seen.name, "Falcon");
            assert_eq!(seen.real_name, None);
            assert_eq!(seen.contacts, None, "{viewer:?}");
            assert_eq!(seen.note, None);
        }
        for viewer in [user(Role::Coordinator), user(Role::Admin), Viewer::System] {
            let seen = p.seen_by(&viewer);
            assert_eq!(seen.name, "Salma Haddad");
            assert_eq!(seen.real_name.as_deref(), Some("Salma Haddad"));
            assert!(seen.contacts.is_some());
        }
    }

    #[test]
    fn contact_details_are_never_shown_to_viewers_or_the_public() {
        let p = person(false);
        assert_eq!(p.seen_by(&Viewer::Anonymous).contacts, None);
        assert_eq!(p.seen_by(&user(Role::Viewer)).contacts, None);
        assert_eq!(p.seen_by(&user(Role::Viewer)).consent, None);
        let member = p.seen_by(&user(Role::Member));
        assert_eq!(member.name, "Salma Haddad");
        assert_eq!(
            member.contacts.unwrap().email.unwrap().as_str(),
            "salma@example.org"
        );
        // The alias of someone not pseudonymous is not used.
        assert_eq!(p.fields.alias, None);
    }

    #[test]
    fn a_person_form_names_the_field_at_fault() {
        let cases = [
            (
                PersonInput {
                    display_name: "A".into(),
                    pseudonymous: Some("on".into()),
                    ..Default::default()
                },
                Invalid::new("alias", Problem::Required),
            ),
            (
                PersonInput {
                    display_name: "A".into(),
                    email: Some("not an address".into()),
                    ..Default::default()
                },
                Invalid::new("email", Problem::Email),
            ),
            (
                PersonInput {
                    display_name: "A".into(),
                    phone: Some("call me".into()),
                    ..Default::default()
                },
                Invalid::new("phone", Problem::Phone),
            ),
            (
                PersonInput {
                    display_name: "A".into(),
                    consent_scope: Some("contact".into()),
                    ..Default::default()
                },
                Invalid::new("consent_date", Problem::Required),
            ),
            (
                PersonInput {
                    display_name: "A".into(),
                    public_figure: Some("astronaut".into()),
                    ..Default::default()
                },
                Invalid::new("public_figure", Problem::UnknownValue),
            ),
            (
                PersonInput {
                    display_name: " ".into(),
                    ..Default::default()
                },
                Invalid::new("display_name", Problem::Required),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(input.validate().unwrap_err(), expected);
        }
    }

    #[test]
    fn a_stored_person_gives_back_the_form_it_came_from() {
        let p = person(true);
        assert_eq!(input_of(&p.fields).validate().unwrap(), p.fields);
    }

    proptest! {
        #[test]
        fn accepted_phone_numbers_hold_only_dialling_characters(raw in "\\PC{0,20}") {
            let input = PersonInput { display_name: "A".into(), phone: Some(raw), ..Default::default() };
            if let Ok(fields) = input.validate() && let Some(phone) = fields.contacts.phone {
                prop_assert!(phone.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c)));
            }
        }
    }
}
