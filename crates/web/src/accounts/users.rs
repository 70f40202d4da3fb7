//! User administration, for admins: list, add, change role, organisation and access.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use serde::Deserialize;
use tadamun_core::accounts::{Email, NewPassword, NewUser, Role, User, parse_name};
use tadamun_core::ids::{OrganisationId, UserId};
use tadamun_core::page::PageRequest;
use tadamun_core::{Invalid, Problem};
use tadamun_store::accounts::users;

use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::{FormBody, FormError, Params};
use crate::i18n;
use crate::picker::{Directory, Finds, Picker};
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/users", get(list).post(create))
        .route("/users/new", get(new_form))
        .route("/users/{id}", get(edit_form).post(update))
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/users.html")]
struct UsersPage {
    shell: Shell,
    users: Vec<User>,
    next_cursor: Option<String>,
}

#[derive(Deserialize)]
struct PageQuery {
    cursor: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<PageQuery>,
) -> AppResult<UsersPage> {
    caller.admin()?;
    let page = PageRequest::parse(None, q.cursor.as_deref())?;
    let users = users::list(&state.db, &page).await?;
    Ok(UsersPage {
        shell: Shell::new(&caller, "users"),
        users: users.items,
        next_cursor: users.next_cursor,
    })
}

/// The values of the user form, as typed.
#[derive(Deserialize, Default, Clone)]
struct UserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    active: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/user_form.html")]
struct UserFormPage {
    shell: Shell,
    /// None when adding a user.
    id: Option<String>,
    form: UserForm,
    roles: [Role; 4],
    organisation: Picker,
    two_factor: bool,
    saved: bool,
    error: Option<FormError>,
}

impl UserFormPage {
    async fn new(
        state: &AppState,
        caller: &Caller,
        id: Option<String>,
        form: UserForm,
        finds: &Finds,
    ) -> AppResult<Self> {
        let organisation = Directory::Organisations
            .picker(
                state,
                &caller.viewer,
                ("organisation", i18n::field(caller.lang, "organisation")),
                std::slice::from_ref(&form.organisation),
                finds,
            )
            .await?
            .single();
        Ok(Self {
            shell: Shell::new(caller, "users"),
            id,
            form,
            roles: Role::ALL,
            organisation,
            two_factor: false,
            saved: false,
            error: None,
        })
    }

    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }
}

async fn new_form(State(state): State<AppState>, caller: Caller) -> AppResult<UserFormPage> {
    caller.admin()?;
    let form = UserForm {
        role: "member".into(),
        active: Some("on".into()),
        ..Default::default()
    };
    UserFormPage::new(&state, &caller, None, form, &Finds::default()).await
}

fn parse_organisation(raw: &str) -> Result<Option<OrganisationId>, Invalid> {
    if raw.is_empty() {
        return Ok(None);
    }
    OrganisationId::parse(raw)
        .map(Some)
        .map_err(|_| Invalid::new("organisation", Problem::UnknownValue))
}

fn parse_new(form: &UserForm) -> Result<NewUser, Invalid> {
    let email = Email::parse(&form.email)?;
    Ok(NewUser {
        name: parse_name(&form.name)?,
        role: Role::parse(&form.role)?,
        organisation: parse_organisation(&form.organisation)?,
        password: NewPassword::parse(&form.password, &email)?.hash(),
        email,
    })
}

async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: FormBody,
) -> AppResult<Response> {
    caller.admin()?;
    let form: UserForm = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let page = UserFormPage::new(&state, &caller, None, form, &finds).await?;
        return Ok(page.into_response());
    }
    let result = match parse_new(&form) {
        Ok(new) => users::create(&state.db, &caller.actor(), new)
            .await
            .map_err(AppError::from),
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    match result {
        Ok(user) => Ok(Redirect::to(&format!("/users/{}?saved=1", user.id)).into_response()),
        Err(AppError::Invalid(invalid)) => {
            let form = UserForm {
                password: String::new(),
                ..form
            };
            let mut page = UserFormPage::new(&state, &caller, None, form, &finds).await?;
            let error = FormError::new(caller.lang, &invalid);
            page.organisation.mark(&error);
            page.error = Some(error);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other),
    }
}

#[derive(Deserialize)]
struct SavedQuery {
    saved: Option<String>,
}

async fn edit_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Params(q): Params<SavedQuery>,
) -> AppResult<UserFormPage> {
    caller.admin()?;
    let id = UserId::parse(&id).map_err(|_| AppError::NotFound)?;
    let user = users::get(&state.db, &id).await?;
    let form = UserForm {
        email: user.email.as_str().to_owned(),
        name: user.name.clone(),
        role: user.role.as_str().to_owned(),
        organisation: user
            .organisation
            .as_ref()
            .map(|o| o.as_str().to_owned())
            .unwrap_or_default(),
        password: String::new(),
        active: user.active.then(|| "on".to_owned()),
    };
    let finds = Finds::default();
    let mut page = UserFormPage::new(&state, &caller, Some(id.to_string()), form, &finds).await?;
    page.two_factor = user.two_factor;
    page.saved = q.saved.is_some();
    Ok(page)
}

async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    let admin = caller.admin()?;
    let id = UserId::parse(&id).map_err(|_| AppError::NotFound)?;
    let user = users::get(&state.db, &id).await?;
    let form: UserForm = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let form = UserForm {
            email: user.email.as_str().to_owned(),
            name: user.name.clone(),
            ..form
        };
        let page = UserFormPage::new(&state, &caller, Some(id.to_string()), form, &finds).await?;
        return Ok(page.into_response());
    }
    let parsed = (|| -> Result<users::Access, Invalid> {
        let access = users::Access {
            role: Role::parse(&form.role)?,
            organisation: parse_organisation(&form.organisation)?,
            active: form.active.is_some(),
        };
        // An admin cannot lock themselves out.
        if admin.id == user.id && (access.role != Role::Admin || !access.active) {
            return Err(Invalid::new("role", Problem::SelfLockout));
        }
        Ok(access)
    })();
    match parsed {
        Ok(access) => {
            users::update_access(&state.db, &caller.actor(), &id, access).await?;
            Ok(Redirect::to(&format!("/users/{id}?saved=1")).into_response())
        }
        Err(invalid) => {
            let form = UserForm {
                email: user.email.as_str().to_owned(),
                name: user.name.clone(),
                ..form
            };
            let id = Some(id.to_string());
            let mut page = UserFormPage::new(&state, &caller, id, form, &finds).await?;
            let error = FormError::new(caller.lang, &invalid);
            page.organisation.mark(&error);
            page.error = Some(error);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
