//! Importing organisations from a spreadsheet, the pure part: bytes in, checked rows
//! out. The caller reads the upload, looks the rows up in the database, and saves.
//!
//! What people have is read: UTF-8, UTF-16 and Windows-1252 files; comma, semicolon
//! and tab delimiters; header names in any of the four languages and those of CRM
//! exports; countries by code or name. A file this application exported imports back
//! to the same records. A bad row never stops the others: each is reported with the
//! line of the file where it starts and the field that is wrong.

mod columns;
mod decode;
#[cfg(test)]
mod tests;
mod values;

pub use decode::{Encoding, decode};

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::NaiveDate;
use csv::StringRecord;

use self::columns::{Column, Columns};
use self::values::Resolver;
use super::{FocusArea, OrganisationFields, OrganisationInput, Stage, parse_date};
use crate::invalid::optional_text;
use crate::{Invalid, Problem};

/// Why a whole file cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file has no text, or no header line.
    #[error("the file is empty")]
    Empty,
    /// The file says it is UTF-8 or UTF-16 but is not.
    #[error("the file is not text in a known encoding")]
    Encoding,
    /// The header line has no column for this field (`name` or `country`).
    #[error("the file has no {0} column")]
    MissingColumn(&'static str),
    /// The CSV reader gave up at this line.
    #[error("the file cannot be read as CSV at line {line}")]
    Csv {
        /// The line of the file.
        line: u64,
    },
}

impl ImportError {
    /// The stable machine-readable code, as sent in API errors.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Empty => "import_empty",
            ImportError::Encoding => "import_encoding",
            ImportError::MissingColumn(_) => "import_missing_column",
            ImportError::Csv { .. } => "import_csv",
        }
    }
}

/// What a file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The rows that passed validation, in file order, without in-file duplicates.
    pub rows: Vec<ValidRow>,
    /// The rows that did not, each with its first problem.
    pub errors: Vec<RowError>,
    /// Rows left out because an earlier row has the same name and country.
    pub duplicates_in_file: Vec<InFileDuplicate>,
    /// Header names of the columns that were not read, in file order.
    pub ignored_columns: Vec<String>,
    /// The delimiter found: `,`, `;` or tab (or what an Excel `sep=` line says).
    pub delimiter: char,
    /// The encoding the file was read in.
    pub encoding: Encoding,
}

/// A row that passed validation: a new organisation, ready to save under a new id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRow {
    /// The line of the file where the row starts (the header is line 1).
    pub line: u64,
    /// Its details.
    pub fields: OrganisationFields,
    /// The stage it starts at.
    pub stage: Stage,
    /// The next step, at most 500 characters.
    pub next_step: Option<String>,
    /// When the next step is due.
    pub next_step_due: Option<NaiveDate>,
}

impl ValidRow {
    /// The primary name in matching form and the country code: two organisations
    /// with the same key are taken to be the same one.
    pub fn duplicate_key(&self) -> (String, String) {
        (
            crate::search::normalise(&self.fields.name),
            self.fields.country.as_str().to_owned(),
        )
    }
}

/// A row that did not pass validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The line of the file where the row starts.
    pub line: u64,
    /// Its first wrong field (named as in [`OrganisationInput`]) and what is wrong.
    pub invalid: Invalid,
}

/// A row with the same name and country as an earlier row of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InFileDuplicate {
    /// The line where the repeated row starts.
    pub line: u64,
    /// The line where the first row with its name and country starts.
    pub first_line: u64,
}

/// How far a parse has got, in bytes of the decoded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes read so far.
    pub read: u64,
    /// Bytes in all.
    pub total: u64,
}

/// How many records pass between two progress reports.
const PROGRESS_EVERY: u64 = 1000;

/// Reads a file of organisations, checking every row against the coalition's focus
/// areas `known_focus`. Only a file that cannot be read at all is an error.
pub fn parse(bytes: &[u8], known_focus: &[FocusArea]) -> Result<Parsed, ImportError> {
    parse_with_progress(bytes, known_focus, |_| {})
}

/// [`parse`], calling `on_progress` every thousand records and once at the end, so a
/// command line can draw a progress bar for a large file.
pub fn parse_with_progress(
    bytes: &[u8],
    known_focus: &[FocusArea],
    mut on_progress: impl FnMut(Progress),
) -> Result<Parsed, ImportError> {
    let (text, encoding) = decode(bytes)?;
    let (delimiter, sep_line) = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = StringRecord::new();
    let mut next = |record: &mut StringRecord| {
        reader.read_record(record).map_err(|e| ImportError::Csv {
            line: e
                .position()
                .map_or(1, |p| Lines::new(text.as_bytes()).at(p.byte())),
        })
    };

    if sep_line {
        next(&mut record)?;
    }
    loop {
        if !next(&mut record)? {
            return Err(ImportError::Empty);
        }
        if !is_blank(&record) {
            break;
        }
    }
    let mut columns = Columns::from_header(record.iter())?;

    let mut parsed = Parsed {
        rows: Vec::new(),
        errors: Vec::new(),
        duplicates_in_file: Vec::new(),
        ignored_columns: std::mem::take(&mut columns.ignored),
        delimiter: char::from(delimiter),
        encoding,
    };
    let total = text.len() as u64;
    let mut lines = Lines::new(text.as_bytes());
    let mut resolver = Resolver::new(known_focus);
    let mut first_lines: HashMap<(String, String), u64> = HashMap::new();
    let mut records = 0u64;
    while next(&mut record)? {
        let byte = record.position().map_or(0, csv::Position::byte);
        records += 1;
        if records.is_multiple_of(PROGRESS_EVERY) {
            on_progress(Progress { read: byte, total });
        }
        if is_blank(&record) {
            continue;
        }
        let line = lines.at(byte);
        match read_row(&record, line, &columns, &mut resolver) {
            Err(invalid) => parsed.errors.push(RowError { line, invalid }),
            Ok(row) => match first_lines.entry(row.duplicate_key()) {
                Entry::Occupied(first) => parsed.duplicates_in_file.push(InFileDuplicate {
                    line,
                    first_line: *first.get(),
                }),
                Entry::Vacant(slot) => {
                    slot.insert(line);
                    parsed.rows.push(row);
                }
            },
        }
    }
    on_progress(Progress { read: total, total });
    Ok(parsed)
}

/// Checks one record as a new organisation.
fn read_row(
    record: &StringRecord,
    line: u64,
    columns: &Columns,
    resolver: &mut Resolver<'_>,
) -> Result<ValidRow, Invalid> {
    let cell = |column| {
        columns
            .get(column)
            .and_then(|i| record.get(i))
            .map_or("", values::clean)
    };
    let some =
        |column, map: fn(&str) -> String| Some(cell(column)).filter(|v| !v.is_empty()).map(map);
    // Focus areas are matched through an index made once per file (matching every
    // known name for every row would dominate the time of a large file); validation
    // is given only an item it must refuse, so it reports it in its usual order.
    let focus = resolver.focus_areas(cell(Column::FocusAreas));
    let input = OrganisationInput {
        name: cell(Column::Name).to_owned(),
        name_lang: some(Column::NameLang, str::to_owned),
        name_ar: some(Column::NameAr, str::to_owned),
        name_en: some(Column::NameEn, str::to_owned),
        name_fr: some(Column::NameFr, str::to_owned),
        name_es: some(Column::NameEs, str::to_owned),
        kind: some(Column::Kind, values::kind),
        country: resolver.country(cell(Column::Country)),
        city: some(Column::City, str::to_owned),
        website: some(Column::Website, values::website),
        description: some(Column::Description, str::to_owned),
        focus_areas: focus.as_ref().err().cloned().into_iter().collect(),
        languages: some(Column::Languages, str::to_owned).into_iter().collect(),
        visibility: some(Column::Visibility, values::visibility),
        stage: some(Column::Stage, values::stage),
    };
    let mut fields = input.validate(&[])?;
    fields.focus_areas = focus.map_err(|_| Invalid::new("focus_areas", Problem::UnknownValue))?;
    Ok(ValidRow {
        line,
        fields,
        stage: input.initial_stage()?,
        next_step: optional_text("next_step", cell(Column::NextStep), 500)?,
        next_step_due: parse_date("next_step_due", cell(Column::NextStepDue))?,
    })
}

fn is_blank(record: &StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

/// The delimiter of the file: the one of tab, `;` and `,` that occurs most often
/// outside quotes in the header line (a tie goes to the rarer character in header
/// names, in that order), or what an Excel `sep=` first line says. Also whether
/// there is such a line.
fn sniff_delimiter(text: &str) -> (u8, bool) {
    if let Some(rest) = text.strip_prefix("sep=") {
        let mut chars = rest.chars();
        if let (Some(d @ (',' | ';' | '\t' | '|')), None | Some('\r' | '\n')) =
            (chars.next(), chars.next())
        {
            return (d as u8, true);
        }
    }
    let (mut in_quotes, mut started) = (false, false);
    let mut counts = [(b'\t', 0usize), (b';', 0), (b',', 0)];
    for b in text.bytes() {
        match b {
            b'\r' | b'\n' if !in_quotes => {
                if started {
                    break;
                }
                continue;
            }
            b'"' => in_quotes = !in_quotes,
            _ if in_quotes => {}
            _ => {
                if let Some((_, n)) = counts.iter_mut().find(|(d, _)| *d == b) {
                    *n += 1;
                }
            }
        }
        started = true;
    }
    let mut best = (b',', 0);
    for (d, n) in counts {
        if n > best.1 {
            best = (d, n);
        }
    }
    (best.0, false)
}

/// Line numbers of the file from byte offsets. The CSV reader's own line count is
/// one short after CRLF line ends and does not count the blank lines it skips, so
/// lines are counted here: CRLF, LF and a lone CR each end one line.
struct Lines<'t> {
    text: &'t [u8],
    offset: usize,
    line: u64,
}

impl<'t> Lines<'t> {
    fn new(text: &'t [u8]) -> Self {
        Self {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// The line on which the record that the reader began to read at `byte` starts.
    /// Offsets must not decrease between calls.
    fn at(&mut self, byte: u64) -> u64 {
        let from = self.offset;
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .clamp(from, self.text.len());
        while let Some(b'\r' | b'\n') = self.text.get(start) {
            start += 1;
        }
        let ends = self.text[from..start]
            .iter()
            .enumerate()
            .filter(|&(i, &b)| {
                b == b'\n' || (b == b'\r' && self.text.get(from + i + 1) != Some(&b'\n'))
            })
            .count();
        self.line += ends as u64;
        self.offset = start;
        self.line
    }
}
