//! User accounts.

use sqlx::Row as _;
use tadamun_core::accounts::{Email, NewUser, PasswordHash, Role, User};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{OrganisationId, UserId};
use tadamun_core::page::{Page, PageRequest};
use tadamun_core::time::Zone;

use super::{USER_COLUMNS, UserSnapshot, user_from_row};
use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::sql::Sql;

/// Adds an account. A taken e-mail gives [`StoreError::Taken`] naming `email`.
#[tracing::instrument(skip(db, new), fields(role = %new.role))]
pub async fn create(db: &Db, actor: &Actor, new: NewUser) -> Result<User> {
    let user = User {
        id: UserId::new(),
        email: new.email,
        name: new.name,
        role: new.role,
        organisation: new.organisation,
        lang: None,
        zone: Zone::UTC,
        active: true,
        two_factor: false,
    };
    let now = crate::now_ms();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO users (id, email, name, role, organisation_id, zone, password_hash, active, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8)",
    )
    .bind(user.id.as_str().to_owned())
    .bind(user.email.as_str().to_owned())
    .bind(user.name.clone())
    .bind(user.role.as_str())
    .bind(user.organisation.as_ref().map(|o| o.as_str().to_owned()))
    .bind(user.zone.name())
    .bind(new.password.as_str().to_owned())
    .bind(now)
    .execute(&mut *tx)
    .await
    .map_err(StoreError::taken_as("email"))?;
    audit::record(
        &mut tx,
        Change {
            actor,
            action: Action::Create,
            entity: "user",
            entity_id: user.id.as_str(),
            before: None,
            after: Some(&UserSnapshot::from(&user)),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(user)
}

/// One account by id.
pub async fn get(db: &Db, id: &UserId) -> Result<User> {
    let row = crate::sql::dynamic(format!(
        "SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1"
    ))
    .bind(id.as_str().to_owned())
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    user_from_row(&row)
}

/// One account by e-mail, with its password hash, for signing in.
pub async fn find_for_login(db: &Db, email: &Email) -> Result<Option<(User, PasswordHash)>> {
    let row = crate::sql::dynamic(format!(
        "SELECT {USER_COLUMNS}, u.password_hash FROM users u WHERE u.email = $1"
    ))
    .bind(email.as_str().to_owned())
    .fetch_optional(db.pool())
    .await?;
    row.map(|r| {
        Ok((
            user_from_row(&r)?,
            PasswordHash::from_stored(r.try_get("password_hash")?),
        ))
    })
    .transpose()
}

/// Every account, oldest first.
pub async fn list(db: &Db, page: &PageRequest) -> Result<Page<User>> {
    let mut sql = Sql::new(&format!("SELECT {USER_COLUMNS} FROM users u WHERE 1 = 1"));
    if let Some(after) = &page.after {
        sql.push(" AND u.id > ").bind_text(after.clone());
    }
    sql.push(" ORDER BY u.id LIMIT ").bind_int(page.limit + 1);
    let rows = sql.query().fetch_all(db.pool()).await?;
    let users = rows.iter().map(user_from_row).collect::<Result<Vec<_>>>()?;
    Ok(Page::from_rows(users, page.limit, |u| u.id.as_str()))
}

/// How many accounts exist.
pub async fn count(db: &Db) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM users")
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

/// How many accounts are active: those that can be chosen, as [`names`] lists them.
pub async fn count_active(db: &Db) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM users WHERE active = 1")
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

/// The settings a user changes on their own account page.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Display name.
    pub name: String,
    /// Interface language, or none to follow the browser.
    pub lang: Option<Lang>,
    /// Time zone.
    pub zone: Zone,
}

/// The settings only an admin changes.
#[derive(Debug, Clone)]
pub struct Access {
    /// Role.
    pub role: Role,
    /// Organisation.
    pub organisation: Option<OrganisationId>,
    /// Whether the account may sign in.
    pub active: bool,
}

/// Saves a user's own settings.
#[tracing::instrument(skip(db, profile))]
pub async fn update_profile(db: &Db, actor: &Actor, id: &UserId, profile: Profile) -> Result<User> {
    let before = get(db, id).await?;
    let after = User {
        name: profile.name,
        lang: profile.lang,
        zone: profile.zone,
        ..before.clone()
    };
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE users SET name = $2, lang = $3, zone = $4, updated_at = $5 WHERE id = $1")
        .bind(id.as_str().to_owned())
        .bind(after.name.clone())
        .bind(after.lang.map(Lang::code))
        .bind(after.zone.name())
        .bind(crate::now_ms())
        .execute(&mut *tx)
        .await?;
    record_update(&mut tx, actor, &before, &after).await?;
    tx.commit().await?;
    Ok(after)
}

/// Changes role, organisation and whether the account is active. Deactivating an
/// account ends its sessions.
#[tracing::instrument(skip(db, access))]
pub async fn update_access(db: &Db, actor: &Actor, id: &UserId, access: Access) -> Result<User> {
    let before = get(db, id).await?;
    let after = User {
        role: access.role,
        organisation: access.organisation,
        active: access.active,
        ..before.clone()
    };
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE users SET role = $2, organisation_id = $3, active = $4, updated_at = $5 WHERE id = $1")
        .bind(id.as_str().to_owned())
        .bind(after.role.as_str())
        .bind(after.organisation.as_ref().map(|o| o.as_str().to_owned()))
        .bind(i64::from(after.active))
        .bind(crate::now_ms())
        .execute(&mut *tx)
        .await?;
    if !after.active {
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(id.as_str().to_owned())
            .execute(&mut *tx)
            .await?;
    }
    record_update(&mut tx, actor, &before, &after).await?;
    tx.commit().await?;
    Ok(after)
}

/// Replaces the password and ends every session of the account but `keep`.
#[tracing::instrument(skip(db, hash, keep))]
pub async fn set_password(
    db: &Db,
    actor: &Actor,
    id: &UserId,
    hash: &PasswordHash,
    keep: Option<&tadamun_core::accounts::SecretHash>,
) -> Result<()> {
    let user = get(db, id).await?;
    let mut tx = db.begin_write().await?;
    sqlx::query("UPDATE users SET password_hash = $2, updated_at = $3 WHERE id = $1")
        .bind(id.as_str().to_owned())
        .bind(hash.as_str().to_owned())
        .bind(crate::now_ms())
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(id.as_str().to_owned())
        .bind(keep.map(|k| k.as_str().to_owned()).unwrap_or_default())
        .execute(&mut *tx)
        .await?;
    #[derive(serde::Serialize)]
    struct PasswordChange<'a> {
        email: &'a str,
        password: &'static str,
    }
    let marker = |password| PasswordChange {
        email: user.email.as_str(),
        password,
    };
    audit::record(
        &mut tx,
        Change {
            actor,
            action: Action::Update,
            entity: "user",
            entity_id: id.as_str(),
            before: Some(&marker("(previous)")),
            after: Some(&marker("(changed)")),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn record_update(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    actor: &Actor,
    before: &User,
    after: &User,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action: Action::Update,
            entity: "user",
            entity_id: after.id.as_str(),
            before: Some(&UserSnapshot::from(before)),
            after: Some(&UserSnapshot::from(after)),
        },
    )
    .await
}

/// Every active account's id and name, by name, for pickers.
pub async fn names(db: &Db) -> Result<Vec<(UserId, String)>> {
    let rows = sqlx::query("SELECT id, name FROM users WHERE active = 1 ORDER BY name, id")
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| Ok((UserId::from_stored(r.try_get("id")?), r.try_get("name")?)))
        .collect()
}

/// The names of the accounts of `ids`, active or not, by id: the people a record
/// names keep their names after their accounts are closed.
pub async fn names_of(
    db: &Db,
    ids: &[UserId],
) -> Result<std::collections::HashMap<String, String>> {
    let mut sql = Sql::new("SELECT id, name FROM users WHERE id");
    sql.push_in(db.backend(), ids.iter().map(UserId::as_str));
    let rows: Vec<(String, String)> = sql
        .into_json_rows(db.backend(), "id, name")
        .fetch_json(db.pool())
        .await?;
    Ok(rows.into_iter().collect())
}
