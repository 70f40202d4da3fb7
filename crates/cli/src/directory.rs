//! `tadamun import organisations` and `tadamun export people`.

use std::io::{IsTerminal as _, Write as _};
use std::path::Path;

use anyhow::{Context as _, Result, bail};
use tadamun_core::audit::Actor;
use tadamun_core::directory::export::{PersonRow, people_to_csv};
use tadamun_core::directory::import::Progress;
use tadamun_core::i18n::Lang;
use tadamun_core::visibility::Viewer;
use tadamun_store::Db;
use tadamun_store::directory::{self, people};
use tadamun_web::import::{Mode, Report, run};

/// Imports the organisations of the CSV file at `path`, or only checks it when
/// `dry_run`. Prints the report (as JSON when `json`); fails when the file cannot be
/// read at all or when any row was left out for a problem.
pub async fn import_organisations(db: &Db, path: &Path, dry_run: bool, json: bool) -> Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut bar = ProgressBar::new(std::io::stderr().is_terminal());
    let mode = if dry_run {
        Mode::DryRun
    } else {
        Mode::Commit(None)
    };
    let (report, _) = run(db, &Actor::System, Lang::En, &bytes, mode, |p| bar.show(p))
        .await
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    bar.finish();
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report, dry_run);
    }
    if !report.errors.is_empty() {
        bail!(
            "{} rows have a problem and were not imported",
            report.errors.len()
        );
    }
    Ok(())
}

fn print_report(r: &Report, dry_run: bool) {
    println!(
        "read as {} with {:?} between columns",
        r.encoding, r.delimiter
    );
    if !r.ignored_columns.is_empty() {
        println!("columns not read: {}", r.ignored_columns.join(", "));
    }
    for e in &r.errors {
        println!("line {}: {}", e.line, e.message);
    }
    for d in &r.duplicates {
        match (&d.existing_id, d.first_line) {
            (Some(id), _) => println!("line {}: already in the directory as {id}", d.line),
            (None, Some(first)) => println!("line {}: repeats line {first}", d.line),
            (None, None) => {}
        }
    }
    if dry_run {
        println!(
            "{} organisations would be created (dry run: nothing saved)",
            r.valid
        );
    } else {
        println!("{} organisations created", r.created);
    }
}

/// A one-line progress bar on standard error, drawn only on a terminal.
struct ProgressBar {
    enabled: bool,
    shown: u64,
}

impl ProgressBar {
    fn new(enabled: bool) -> Self {
        Self {
            enabled,
            shown: 101,
        }
    }

    fn show(&mut self, p: Progress) {
        if !self.enabled || p.total == 0 {
            return;
        }
        let percent = p.read.saturating_mul(100) / p.total;
        if percent == self.shown {
            return;
        }
        self.shown = percent;
        let filled = usize::try_from(percent / 5).unwrap_or(20);
        let mut err = std::io::stderr();
        let _ = write!(err, "\rreading [{:<20}] {percent:>3}%", "#".repeat(filled));
        let _ = err.flush();
    }

    fn finish(&mut self) {
        if self.enabled && self.shown <= 100 {
            eprintln!();
        }
    }
}

/// Every person, as CSV (UTF-8 with BOM) or JSON, as the operator sees them (real
/// names and contact details included: the operator can read the database anyway).
pub async fn export_people(db: &Db, format: &str) -> Result<(Vec<u8>, usize)> {
    if !matches!(format, "csv" | "json") {
        bail!("format must be csv or json (got {format:?})");
    }
    let found = people::all(db, &Viewer::System, &Default::default()).await?;
    let names = directory::all_names(db, &Viewer::System)
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    let rows: Vec<PersonRow> = found
        .iter()
        .map(|p| PersonRow::new(&p.seen_by(&Viewer::System), &names))
        .collect();
    let bytes = if format == "csv" {
        people_to_csv(&rows)
    } else {
        serde_json::to_vec_pretty(&rows)?
    };
    Ok((bytes, rows.len()))
}
