//! The sub-commands. Every option can also be set with a `TADAMUN_*` variable.

use std::io::Read as _;
use std::net::SocketAddr;

use anyhow::{Context as _, Result, bail};
use clap::{Args, Parser, Subcommand};
use tadamun_core::Invalid;
use tadamun_core::accounts::{Email, NewPassword, NewUser, Role, parse_name};
use tadamun_core::audit::Actor;
use tadamun_core::directory::export::{ExportRow, to_csv};
use tadamun_store::accounts::{tokens, users};
use tadamun_store::{Db, StoreError, demo};
use tadamun_web::reminders::{SmtpSettings, Tls, Worker};
use tadamun_web::{Server, Settings};

/// Tadamun: coordinated, measured action for a solidarity coalition.
#[derive(Parser)]
#[command(name = "tadamun", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web application (migrating the database first).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate(DatabaseArg),
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Export records to CSV (UTF-8 with BOM) or JSON.
    Export {
        #[command(subcommand)]
        what: ExportCommand,
    },
    /// Load demo data into an empty database and print the demo accounts.
    Demo(DemoArgs),
    /// Send reminders: enqueue what is due and send it, until stopped. `serve` runs
    /// the same worker; run this as well (or instead) on other machines.
    Worker(WorkerArgs),
    /// Import records from a CSV file.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Manage the search index.
    Search {
        #[command(subcommand)]
        command: SearchCommand,
    },
}

#[derive(Subcommand)]
enum SearchCommand {
    /// Rebuild the search index from every area's records (done by itself after an
    /// upgrade that changes how text is matched) and print its entries per kind.
    Reindex(DatabaseArg),
}

#[derive(Args)]
struct DemoArgs {
    #[command(flatten)]
    db: DatabaseArg,
    /// small: a coalition to explore (160 organisations); large: the benchmark's
    /// (20,000 organisations, 100,000 people, 1,000,000 audit-log rows).
    #[arg(long, env = "TADAMUN_DEMO_SCALE", default_value = "small")]
    scale: String,
    /// Give every demo account this password instead of a random one.
    #[arg(long, env = "TADAMUN_DEMO_PASSWORD", hide_env_values = true)]
    demo_password: Option<String>,
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Organisations from a CSV file (UTF-8, UTF-16 or Windows-1252; comma, semicolon
    /// or tab). Every valid, new row is created in one transaction; rows with a
    /// problem or already in the directory are listed with their line number.
    Organisations {
        #[command(flatten)]
        db: DatabaseArg,
        /// The CSV file.
        file: std::path::PathBuf,
        /// Check the file and save nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Every person, with real names and contact details.
    People {
        #[command(flatten)]
        db: DatabaseArg,
        /// csv or json
        #[arg(long, env = "TADAMUN_EXPORT_FORMAT", default_value = "csv")]
        format: String,
        /// Write here instead of standard output.
        #[arg(long, env = "TADAMUN_EXPORT_OUTPUT")]
        output: Option<std::path::PathBuf>,
    },
    /// Every organisation (optionally of one region or country).
    Organisations {
        #[command(flatten)]
        db: DatabaseArg,
        /// csv or json
        #[arg(long, env = "TADAMUN_EXPORT_FORMAT", default_value = "csv")]
        format: String,
        /// Write here instead of standard output.
        #[arg(long, env = "TADAMUN_EXPORT_OUTPUT")]
        output: Option<std::path::PathBuf>,
        /// UN M49 code of a region or sub-region (002 Africa, 014 Eastern Africa).
        #[arg(long)]
        region: Option<String>,
        /// ISO 3166-1 alpha-2 country code.
        #[arg(long)]
        country: Option<String>,
    },
}

#[derive(Args)]
struct DatabaseArg {
    /// sqlite://FILE or postgres://USER@HOST/DB
    #[arg(long, env = "TADAMUN_DATABASE", default_value = "sqlite://tadamun.db")]
    database: String,
}

#[derive(Args)]
struct ServeArgs {
    #[command(flatten)]
    db: DatabaseArg,
    /// Address and port to listen on.
    #[arg(long, env = "TADAMUN_LISTEN", default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Load demo data if the database is empty, and print the demo accounts.
    #[arg(long, env = "TADAMUN_DEMO")]
    demo: bool,
    /// Give every demo account this password instead of a random one.
    #[arg(long, env = "TADAMUN_DEMO_PASSWORD", hide_env_values = true)]
    demo_password: Option<String>,
    /// The address people reach Tadamun at; https makes cookies Secure. Without it,
    /// absolute links (the private calendar link) are built from the request's Host.
    #[arg(long, env = "TADAMUN_PUBLIC_URL")]
    public_url: Option<String>,
    /// Trust X-Forwarded-For and X-Forwarded-Proto from a reverse proxy in front of
    /// Tadamun.
    #[arg(long, env = "TADAMUN_BEHIND_PROXY")]
    behind_proxy: bool,
    #[command(flatten)]
    smtp: SmtpArgs,
}

#[derive(Args)]
struct WorkerArgs {
    #[command(flatten)]
    db: DatabaseArg,
    /// The address people reach Tadamun at, which links in e-mails start with.
    #[arg(long, env = "TADAMUN_PUBLIC_URL")]
    public_url: Option<String>,
    #[command(flatten)]
    smtp: SmtpArgs,
}

/// The SMTP server reminders are sent through. Without a host, nothing is sent and
/// the messages wait in the queue.
#[derive(Args)]
struct SmtpArgs {
    /// SMTP server host name.
    #[arg(long, env = "TADAMUN_SMTP_HOST")]
    smtp_host: Option<String>,
    /// SMTP port (default 25, 587 with starttls, 465 with tls).
    #[arg(long, env = "TADAMUN_SMTP_PORT")]
    smtp_port: Option<u16>,
    /// SMTP user name.
    #[arg(long, env = "TADAMUN_SMTP_USERNAME")]
    smtp_username: Option<String>,
    /// SMTP password.
    #[arg(long, env = "TADAMUN_SMTP_PASSWORD", hide_env_values = true)]
    smtp_password: Option<String>,
    /// The sender of reminders, e.g. "Tadamun <reminders@example.org>".
    #[arg(long, env = "TADAMUN_SMTP_FROM")]
    smtp_from: Option<String>,
    /// none, starttls or tls.
    #[arg(long, env = "TADAMUN_SMTP_TLS", default_value = "starttls")]
    smtp_tls: String,
}

impl SmtpArgs {
    fn settings(&self) -> Result<Option<SmtpSettings>> {
        let Some(host) = self.smtp_host.clone().filter(|h| !h.trim().is_empty()) else {
            return Ok(None);
        };
        let Some(tls) = Tls::parse(&self.smtp_tls) else {
            bail!(
                "--smtp-tls must be none, starttls or tls (got {:?})",
                self.smtp_tls
            );
        };
        let Some(from) = self.smtp_from.clone() else {
            bail!("--smtp-from is needed with --smtp-host");
        };
        Ok(Some(SmtpSettings {
            host,
            port: self.smtp_port,
            username: self.smtp_username.clone(),
            password: self.smtp_password.clone(),
            from,
            tls,
        }))
    }
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a user; the password is read from standard input.
    Add {
        #[command(flatten)]
        db: DatabaseArg,
        #[arg(long, env = "TADAMUN_USER_EMAIL")]
        email: String,
        #[arg(long, env = "TADAMUN_USER_NAME")]
        name: String,
        /// admin, coordinator, member or viewer
        #[arg(long, env = "TADAMUN_USER_ROLE")]
        role: String,
        /// Read the password from standard input (required, so it never appears in
        /// the process list or shell history).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API token for a user and print it as the last line.
    Create {
        #[command(flatten)]
        db: DatabaseArg,
        #[arg(long, env = "TADAMUN_TOKEN_EMAIL")]
        email: String,
        #[arg(long, env = "TADAMUN_TOKEN_LABEL")]
        label: String,
    },
}

/// Runs the chosen command.
pub async fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Serve(args) => serve(args).await,
        Command::Worker(args) => worker(args).await,
        Command::Migrate(db) => {
            open(&db.database).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Add {
                    db,
                    email,
                    name,
                    role,
                    password_stdin: _,
                },
        } => {
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("cannot read the password from standard input")?;
            let password = password.trim_end_matches(['\r', '\n']);
            let email = Email::parse(&email).map_err(explain)?;
            let new = NewUser {
                name: parse_name(&name).map_err(explain)?,
                role: Role::parse(&role).map_err(explain)?,
                organisation: None,
                password: NewPassword::parse(password, &email)
                    .map_err(explain)?
                    .hash(),
                email,
            };
            let db = open(&db.database).await?;
            let user = users::create(&db, &Actor::System, new)
                .await
                .map_err(|e| match e {
                    StoreError::Taken { .. } => {
                        anyhow::anyhow!("a user with this e-mail already exists")
                    }
                    other => other.into(),
                })?;
            println!("added {} ({}) as {}", user.email, user.name, user.role);
            Ok(())
        }
        Command::Export {
            what:
                ExportCommand::Organisations {
                    db,
                    format,
                    output,
                    region,
                    country,
                },
        } => {
            let filter = tadamun_store::directory::OrganisationFilter {
                region: match region {
                    None => None,
                    Some(m49) => Some(
                        tadamun_core::geo::region(&m49)
                            .with_context(|| format!("no region has the code {m49}"))?,
                    ),
                },
                country: country
                    .map(|c| tadamun_core::directory::CountryCode::parse(&c))
                    .transpose()
                    .map_err(explain)?,
                ..Default::default()
            };
            let bytes_of = |rows: &[ExportRow]| -> Result<Vec<u8>> {
                Ok(match format.as_str() {
                    "csv" => to_csv(rows),
                    "json" => serde_json::to_vec_pretty(rows)?,
                    other => bail!("format must be csv or json (got {other:?})"),
                })
            };
            bytes_of(&[])?;
            let db = open(&db.database).await?;
            let orgs = tadamun_store::directory::all(
                &db,
                &tadamun_core::visibility::Viewer::System,
                &filter,
            )
            .await?;
            let rows: Vec<ExportRow> = orgs.iter().map(ExportRow::from).collect();
            let bytes = bytes_of(&rows)?;
            write_output(output.as_deref(), &bytes, rows.len(), "organisations")
        }
        Command::Export {
            what: ExportCommand::People { db, format, output },
        } => {
            let db = open(&db.database).await?;
            let (bytes, count) = crate::directory::export_people(&db, &format).await?;
            write_output(output.as_deref(), &bytes, count, "people")
        }
        Command::Demo(args) => {
            let db = open(&args.db.database).await?;
            let started = std::time::Instant::now();
            let password = args.demo_password.as_deref();
            let loaded = match args.scale.as_str() {
                "small" => demo::load(&db, password).await?,
                "large" => {
                    let progress = |what: &str, n: usize| {
                        eprintln!(
                            "{n} {what} written after {:.1} s",
                            started.elapsed().as_secs_f64()
                        );
                    };
                    demo::load_large(&db, password, demo::large::LARGE, progress).await?
                }
                other => bail!("scale must be small or large (got {other:?})"),
            };
            print_accounts(loaded);
            eprintln!("done in {:.1} s", started.elapsed().as_secs_f64());
            db.close().await;
            Ok(())
        }
        Command::Import {
            what:
                ImportCommand::Organisations {
                    db,
                    file,
                    dry_run,
                    json,
                },
        } => {
            let db = open(&db.database).await?;
            crate::directory::import_organisations(&db, &file, dry_run, json).await
        }
        Command::Search {
            command: SearchCommand::Reindex(db),
        } => {
            let db = open(&db.database).await?;
            crate::search::reindex(&db).await
        }
        Command::Token {
            command: TokenCommand::Create { db, email, label },
        } => {
            let email = Email::parse(&email).map_err(explain)?;
            let label =
                tadamun_core::invalid::required_text("label", &label, 100).map_err(explain)?;
            let db = open(&db.database).await?;
            let Some((user, _)) = users::find_for_login(&db, &email).await? else {
                bail!("no user has the e-mail {email}");
            };
            let (_, secret) = tokens::create(&db, &Actor::System, &user.id, &label).await?;
            println!("API token for {email} ({label}); it is shown only once:");
            println!("{}", secret.expose());
            Ok(())
        }
    }
}

/// Writes an export to `output`, or to standard output.
fn write_output(
    output: Option<&std::path::Path>,
    bytes: &[u8],
    count: usize,
    what: &str,
) -> Result<()> {
    match output {
        Some(path) => {
            std::fs::write(path, bytes)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("exported {count} {what} to {}", path.display());
        }
        None => std::io::Write::write_all(&mut std::io::stdout(), bytes)?,
    }
    Ok(())
}

async fn open(url: &str) -> Result<Db> {
    let db = Db::connect(url).await?;
    db.migrate().await?;
    Ok(db)
}

async fn serve(args: ServeArgs) -> Result<()> {
    let db = open(&args.db.database).await?;
    if args.demo {
        print_accounts(demo::load(&db, args.demo_password.as_deref()).await?);
    }
    let smtp = args.smtp.settings()?;
    let public_url = args.public_url.clone().unwrap_or_else(|| {
        if smtp.is_some() {
            tracing::warn!(
                "no --public-url: links in e-mails will point to http://{}",
                args.listen
            );
        }
        format!("http://{}", args.listen)
    });
    let worker = Worker::new(db.clone(), smtp.as_ref(), &public_url).map_err(anyhow::Error::msg)?;
    let settings = Settings {
        public_url: args.public_url,
        behind_proxy: args.behind_proxy,
        smtp,
    };
    let server = Server::bind(db.clone(), settings, args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let addr = server.addr()?;
    println!("Tadamun is running at http://{addr}");
    let (stop, stopped) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        let _ = stop.send(true);
    });
    let jobs = tokio::spawn(worker.run(wait_for(stopped.clone())));
    server.run(wait_for(stopped)).await?;
    let _ = jobs.await;
    db.close().await;
    Ok(())
}

async fn worker(args: WorkerArgs) -> Result<()> {
    let db = open(&args.db.database).await?;
    let smtp = args.smtp.settings()?;
    let public_url = args.public_url.unwrap_or_else(|| {
        tracing::warn!("no --public-url: links in e-mails will point to http://127.0.0.1:8080");
        "http://127.0.0.1:8080".to_owned()
    });
    let worker = Worker::new(db.clone(), smtp.as_ref(), &public_url).map_err(anyhow::Error::msg)?;
    println!("Tadamun's reminders worker is running as {}", worker.name());
    worker.run(shutdown_signal()).await;
    db.close().await;
    Ok(())
}

/// Completes once `stopped` turns true.
async fn wait_for(mut stopped: tokio::sync::watch::Receiver<bool>) {
    let _ = stopped.wait_for(|s| *s).await;
}

/// Prints the demo accounts, or why there are none.
fn print_accounts(loaded: Option<Vec<demo::DemoAccount>>) {
    match loaded {
        Some(accounts) => {
            println!("Demo data loaded. Sign in with one of these accounts:");
            for a in accounts {
                println!("  {:<12} {:<32} {}", a.role.as_str(), a.email, a.password);
            }
        }
        None => println!("The database already has users; demo data was not loaded."),
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}

/// A validation failure as one English line for the terminal.
fn explain(invalid: Invalid) -> anyhow::Error {
    let what = match invalid.problem {
        tadamun_core::Problem::Required => "is required".to_owned(),
        tadamun_core::Problem::PasswordTooShort { min } => {
            format!("is too weak: use at least {min} characters")
        }
        tadamun_core::Problem::PasswordCommon => "is too weak: it is too easy to guess".to_owned(),
        tadamun_core::Problem::PasswordContainsEmail => {
            "is too weak: it contains the e-mail name".to_owned()
        }
        tadamun_core::Problem::Email => "is not an e-mail address".to_owned(),
        tadamun_core::Problem::Role => "must be admin, coordinator, member or viewer".to_owned(),
        other => format!("is not valid ({})", other.code()),
    };
    anyhow::anyhow!("{} {what}", invalid.field.replace('_', " "))
}
