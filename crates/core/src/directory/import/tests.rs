use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::directory::export::{ExportRow, to_csv};
use crate::directory::{CountryCode, FocusAreaInput, FocusCode, Kind, Organisation, Outreach};
use crate::i18n::Lang;
use crate::ids::OrganisationId;
use crate::languages::LanguageCode;
use crate::visibility::Visibility;

fn known() -> Vec<FocusArea> {
    [
        ("legal", "Legal", Some("Juridique"), Some("قانوني")),
        ("media", "Media", Some("Médias"), None),
        ("land-rights", "Land rights", None, None),
    ]
    .into_iter()
    .map(|(code, en, fr, ar)| {
        FocusAreaInput {
            code: code.into(),
            name_en: en.into(),
            name_fr: fr.map(Into::into),
            name_ar: ar.map(Into::into),
            ..Default::default()
        }
        .validate()
        .unwrap()
    })
    .collect()
}

fn parse_text(text: &str) -> Parsed {
    parse(text.as_bytes(), &known()).unwrap()
}

fn names(parsed: &Parsed) -> Vec<&str> {
    parsed.rows.iter().map(|r| r.fields.name.as_str()).collect()
}

fn lines(parsed: &Parsed) -> Vec<u64> {
    parsed.rows.iter().map(|r| r.line).collect()
}

fn countries(parsed: &Parsed) -> Vec<&str> {
    parsed
        .rows
        .iter()
        .map(|r| r.fields.country.as_str())
        .collect()
}

fn utf16(text: &str, bom: bool, big_endian: bool) -> Vec<u8> {
    let mark = bom.then_some('\u{feff}');
    mark.into_iter()
        .chain(text.chars())
        .collect::<String>()
        .encode_utf16()
        .flat_map(|u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        })
        .collect()
}

const ARABIC_FILE: &str =
    "name\tcountry\tcity\r\nجمعية التضامن\tالأردن\tعمّان\r\nSauti ya Haki\tTZ\tDar es Salaam\r\n";

#[test]
fn a_utf8_file_is_read_with_or_without_a_byte_order_mark() {
    let text = "name,country\nAmal,JO\n";
    for bytes in [
        text.as_bytes().to_vec(),
        [b"\xEF\xBB\xBF", text.as_bytes()].concat(),
    ] {
        let parsed = parse(&bytes, &[]).unwrap();
        assert_eq!(parsed.encoding, Encoding::Utf8);
        assert_eq!(names(&parsed), ["Amal"]);
        assert!(parsed.ignored_columns.is_empty());
    }
}

#[test]
fn a_tab_separated_utf16_file_from_excel_unicode_text_is_read() {
    let parsed = parse(&utf16(ARABIC_FILE, true, false), &[]).unwrap();
    assert_eq!(parsed.encoding, Encoding::Utf16Le);
    assert_eq!(parsed.delimiter, '\t');
    assert_eq!(names(&parsed), ["جمعية التضامن", "Sauti ya Haki"]);
    assert_eq!(countries(&parsed), ["JO", "TZ"]);
    assert_eq!(parsed.rows[0].fields.city.as_deref(), Some("عمّان"));
    assert_eq!(lines(&parsed), [2, 3]);
}

#[test]
fn a_semicolon_separated_utf16_big_endian_file_is_read() {
    let text = "Nom;Pays;Ville\r\nCollectif Sénégal Solidarité;Sénégal;Dakar\r\n";
    let parsed = parse(&utf16(text, true, true), &[]).unwrap();
    assert_eq!(parsed.encoding, Encoding::Utf16Be);
    assert_eq!(parsed.delimiter, ';');
    assert_eq!(names(&parsed), ["Collectif Sénégal Solidarité"]);
    assert_eq!(countries(&parsed), ["SN"]);
}

#[test]
fn utf16_without_a_byte_order_mark_is_recognised_by_its_nul_bytes() {
    for (big_endian, encoding) in [(false, Encoding::Utf16Le), (true, Encoding::Utf16Be)] {
        let parsed = parse(&utf16(ARABIC_FILE, false, big_endian), &[]).unwrap();
        assert_eq!(parsed.encoding, encoding);
        assert_eq!(names(&parsed), ["جمعية التضامن", "Sauti ya Haki"]);
    }
    assert_eq!(
        decode(&utf16("name", false, false)[1..]),
        Err(ImportError::Encoding),
        "an odd number of bytes is not UTF-16"
    );
}

#[test]
fn an_old_excel_file_in_windows_1252_is_read() {
    // "Société Générale ’Solidarité’ €" as Windows-1252.
    let bytes = b"nom;pays\r\nSoci\xE9t\xE9 G\xE9n\xE9rale \x92Solidarit\xE9\x92 \x80;France\r\n";
    let parsed = parse(bytes, &[]).unwrap();
    assert_eq!(parsed.encoding, Encoding::Windows1252);
    assert_eq!(names(&parsed), ["Société Générale ’Solidarité’ €"]);
    assert_eq!(countries(&parsed), ["FR"]);
}

#[test]
fn an_empty_file_is_refused() {
    for empty in [&b""[..], b"\xEF\xBB\xBF", b"\xFF\xFE", b" \r\n\r\n"] {
        assert_eq!(decode(empty), Err(ImportError::Empty));
        assert_eq!(parse(empty, &[]), Err(ImportError::Empty));
    }
}

#[test]
fn the_delimiter_is_found_in_the_header_outside_quotes() {
    let comma = parse_text("name,country,\"remarks; as; typed\"\nAmal,JO,x\n");
    assert_eq!(comma.delimiter, ',');
    assert_eq!(names(&comma), ["Amal"]);
    assert_eq!(comma.ignored_columns, ["remarks; as; typed"]);
    let semicolon = parse_text("name;country;notes\n\"Amal; Jordan\";JO;x, y\n");
    assert_eq!(semicolon.delimiter, ';');
    assert_eq!(names(&semicolon), ["Amal; Jordan"]);
    assert_eq!(
        semicolon.rows[0].fields.description.as_deref(),
        Some("x, y")
    );
    let tab = parse_text("name\tcountry\nAmal, Jordan\tJO\n");
    assert_eq!(tab.delimiter, '\t');
    assert_eq!(names(&tab), ["Amal, Jordan"]);
}

#[test]
fn an_excel_sep_line_sets_the_delimiter_and_counts_as_a_line() {
    let parsed = parse_text("sep=;\r\nname;country\r\nAmal, Jordan;JO\r\n");
    assert_eq!(parsed.delimiter, ';');
    assert_eq!(names(&parsed), ["Amal, Jordan"]);
    assert_eq!(lines(&parsed), [3]);
}

#[test]
fn crlf_and_lf_files_give_the_same_rows_and_line_numbers() {
    let lf = "name,country\nAmal,JO\n\nSauti,TZ\n";
    let crlf = lf.replace('\n', "\r\n");
    let cr = lf.replace('\n', "\r");
    for text in [lf, &crlf, &cr] {
        let parsed = parse_text(text);
        assert_eq!(names(&parsed), ["Amal", "Sauti"], "{text:?}");
        assert_eq!(lines(&parsed), [2, 4], "{text:?}");
    }
}

#[test]
fn a_quoted_newline_makes_later_line_numbers_jump() {
    let text = "name,country,description\r\n\
                First,KE,\"one\r\ntwo\r\nthree\"\r\n\
                \r\n\
                Second,KE,\"say \"\"hi\"\", twice\"\r\n\
                ,,\r\n\
                ,KE,no name\r\n";
    let parsed = parse_text(text);
    assert_eq!(names(&parsed), ["First", "Second"]);
    assert_eq!(lines(&parsed), [2, 6]);
    assert_eq!(
        parsed.rows[0].fields.description.as_deref(),
        Some("one\r\ntwo\r\nthree")
    );
    assert_eq!(
        parsed.rows[1].fields.description.as_deref(),
        Some("say \"hi\", twice")
    );
    assert_eq!(
        parsed.errors,
        [RowError {
            line: 8,
            invalid: Invalid::new("name", Problem::Required)
        }]
    );
}

#[test]
fn headers_are_matched_ignoring_case_spaces_underscores_hyphens_and_accents() {
    let french = parse_text(
        "NOM DE L'ORGANISATION;Pays;Ville;Site web;Catégorie;Domaines;Langues;Étape\n\
         Collectif Solidarité;Sénégal;Dakar;collectif.example.sn;ONG;juridique, Médias;fr, wo;contacted\n",
    );
    assert_eq!(french.errors, []);
    let row = &french.rows[0];
    assert_eq!(row.fields.name, "Collectif Solidarité");
    assert_eq!(row.fields.country.as_str(), "SN");
    assert_eq!(row.fields.city.as_deref(), Some("Dakar"));
    assert_eq!(
        row.fields.website.as_deref(),
        Some("https://collectif.example.sn")
    );
    assert_eq!(row.fields.kind, Kind::Ngo);
    let focus: Vec<_> = row
        .fields
        .focus_areas
        .iter()
        .map(FocusCode::as_str)
        .collect();
    assert_eq!(focus, ["legal", "media"]);
    assert_eq!(row.stage, Stage::Contacted);

    let spanish = parse_text(
        "Nombre de la organización,País,Ciudad,Idiomas\nRed Solidaria,Jordania,Amán,\"es, ar\"\n",
    );
    assert_eq!(countries(&spanish), ["JO"]);
    let langs: Vec<_> = spanish.rows[0]
        .fields
        .languages
        .iter()
        .map(LanguageCode::as_str)
        .collect();
    assert_eq!(langs, ["es", "ar"]);

    let arabic =
        parse_text("اسم المنظمة,الدولة,المدينة,الوصف,اللغات\nجمعية التضامن,مصر,القاهرة,نص,ar\n");
    assert_eq!(countries(&arabic), ["EG"]);
    assert_eq!(arabic.rows[0].fields.description.as_deref(), Some("نص"));

    let shouting =
        parse_text("Organisation-Name,COUNTRY_CODE,Name (AR),Working_Languages\nAmal,jo,أمل,AR\n");
    assert_eq!(shouting.rows[0].fields.name_in(Lang::Ar), "أمل");
    assert_eq!(shouting.rows[0].fields.languages[0].as_str(), "ar");
}

#[test]
fn a_civicrm_export_is_read_and_its_other_columns_are_listed_as_ignored() {
    let parsed = parse_text(
        "Organization Name,Contact Type,Street Address,City,Country,Website\r\n\
         Kenya Solidarity Network,Organization,1 Moi Avenue,Nairobi,Kenya,https://ksn.example.org\r\n",
    );
    assert_eq!(parsed.errors, []);
    assert_eq!(parsed.ignored_columns, ["Contact Type", "Street Address"]);
    let row = &parsed.rows[0];
    assert_eq!(row.fields.name, "Kenya Solidarity Network");
    assert_eq!(row.fields.country.as_str(), "KE");
    assert_eq!(row.fields.city.as_deref(), Some("Nairobi"));
    assert_eq!(
        row.fields.website.as_deref(),
        Some("https://ksn.example.org")
    );
}

#[test]
fn the_preferred_of_several_name_columns_is_read() {
    let parsed = parse_text(
        "Display Name,Legal Name,Organization Name,Country\nKSN,KSN Trust Ltd,Kenya Solidarity Network,KE\n",
    );
    assert_eq!(names(&parsed), ["Kenya Solidarity Network"]);
    assert_eq!(parsed.ignored_columns, ["Display Name", "Legal Name"]);
}

#[test]
fn an_action_network_export_is_read() {
    let parsed = parse_text(
        "org_name,email,address_line,locality,region,postal_code,country,tags\n\
         Sunrise Collective,info@example.org,1 Main St,Oakland,CA,94612,US,climate\n",
    );
    assert_eq!(parsed.errors, []);
    let row = &parsed.rows[0];
    assert_eq!(row.fields.name, "Sunrise Collective");
    assert_eq!(row.fields.city.as_deref(), Some("Oakland"));
    assert_eq!(row.fields.country.as_str(), "US");
    assert_eq!(
        parsed.ignored_columns,
        ["email", "address_line", "postal_code", "tags"]
    );
}

#[test]
fn countries_are_read_by_code_or_by_name_in_any_interface_language() {
    let parsed = parse_text(
        "name,country\nA,ke\nB,Côte d’Ivoire\nC,الأردن\nD,Jordanie\nE,Jordania\nF,فلسطين\nG,Brésil\nH,UK\n",
    );
    assert_eq!(parsed.errors, []);
    assert_eq!(
        countries(&parsed),
        ["KE", "CI", "JO", "JO", "JO", "PS", "BR", "GB"]
    );
}

#[test]
fn bad_rows_are_reported_with_their_line_and_field_and_good_rows_are_kept() {
    let parsed = parse_text(
        "name,country,website,kind,focus_areas,languages,visibility,stage,next_step_due\n\
         Good One,KE,,,,,,,\n\
         ,KE,,,,,,,\n\
         No Country,,,,,,,,\n\
         Atlantis Org,Atlantis,,,,,,,\n\
         Bad Site,KE,ftp://x.example,,,,,,\n\
         Bad Kind,KE,,club,,,,,\n\
         Bad Focus,KE,,,astrology,,,,\n\
         Bad Language,KE,,,,Klingonese,,,\n\
         Bad Visibility,KE,,,,,secret,,\n\
         Bad Stage,KE,,,,,,joined,\n\
         Bad Date,KE,,,,,,,31/12/2026\n\
         Good Two,TZ,,,,,,,\n",
    );
    assert_eq!(names(&parsed), ["Good One", "Good Two"]);
    assert_eq!(lines(&parsed), [2, 13]);
    let errors: Vec<_> = parsed
        .errors
        .iter()
        .map(|e| (e.line, e.invalid.field, e.invalid.problem))
        .collect();
    assert_eq!(
        errors,
        [
            (3, "name", Problem::Required),
            (4, "country", Problem::Required),
            (5, "country", Problem::Country),
            (6, "website", Problem::Url),
            (7, "kind", Problem::UnknownValue),
            (8, "focus_areas", Problem::UnknownValue),
            (9, "languages", Problem::Language),
            (10, "visibility", Problem::Visibility),
            (11, "stage", Problem::UnknownValue),
            (12, "next_step_due", Problem::Date),
        ]
    );
}

#[test]
fn rows_with_missing_or_extra_cells_are_read() {
    let parsed = parse_text("name,country,city\nShort,KE\nLong,TZ,Arusha,extra,cells\n");
    assert_eq!(parsed.errors, []);
    assert_eq!(names(&parsed), ["Short", "Long"]);
    assert_eq!(parsed.rows[0].fields.city, None);
    assert_eq!(parsed.rows[1].fields.city.as_deref(), Some("Arusha"));
}

#[test]
fn a_repeated_organisation_in_the_file_is_reported_against_its_first_line() {
    let parsed = parse_text(
        "name,country\nCollectif Sénégal,SN\nCollectif Sénégal,ML\n\nCOLLECTIF  senegal!,Senegal\n",
    );
    assert_eq!(lines(&parsed), [2, 3]);
    assert_eq!(
        parsed.duplicates_in_file,
        [InFileDuplicate {
            line: 5,
            first_line: 2
        }]
    );
    assert_eq!(
        parsed.rows[0].duplicate_key(),
        ("collectif senegal".to_owned(), "SN".to_owned())
    );
}

#[test]
fn a_file_without_a_name_or_a_country_column_is_refused() {
    assert_eq!(
        parse(b"title,country\nAmal,JO\n", &[]),
        Err(ImportError::MissingColumn("name"))
    );
    assert_eq!(
        parse(b"name,city\nAmal,Amman\n", &[]),
        Err(ImportError::MissingColumn("country"))
    );
    assert_eq!(
        ImportError::MissingColumn("name").code(),
        "import_missing_column"
    );
}

#[test]
fn the_apostrophe_that_defuses_formulas_is_removed() {
    let parsed = parse_text(
        "name,country,next_step,description\n'@Solidarity,KE,'=call back,'-1 and 'quoted'\n",
    );
    let row = &parsed.rows[0];
    assert_eq!(row.fields.name, "@Solidarity");
    assert_eq!(row.next_step.as_deref(), Some("=call back"));
    assert_eq!(row.fields.description.as_deref(), Some("-1 and 'quoted'"));
}

#[test]
fn kinds_stages_and_visibilities_are_read_by_code_in_any_case_or_english_name() {
    let parsed = parse_text(
        "name,country,kind,stage,visibility\n\
         A,KE,NGO,Member,PUBLIC\n\
         B,KE,Trade union,engaged,Restricted\n\
         C,KE,Political Party,,\n",
    );
    assert_eq!(parsed.errors, []);
    let got: Vec<_> = parsed
        .rows
        .iter()
        .map(|r| (r.fields.kind, r.stage, r.fields.visibility))
        .collect();
    assert_eq!(
        got,
        [
            (Kind::Ngo, Stage::Member, Visibility::Public),
            (Kind::Union, Stage::Engaged, Visibility::Restricted),
            (Kind::Party, Stage::Prospect, Visibility::Network),
        ]
    );
}

#[test]
fn next_steps_are_kept_for_the_caller_and_checked() {
    let long = "x".repeat(501);
    let text =
        format!("name,country,next_step,next_step_due\nA,KE,Call Amina,2026-03-01\nB,KE,{long},\n");
    let parsed = parse_text(&text);
    let row = &parsed.rows[0];
    assert_eq!(row.next_step.as_deref(), Some("Call Amina"));
    assert_eq!(row.next_step_due, NaiveDate::from_ymd_opt(2026, 3, 1));
    assert_eq!(
        parsed.errors,
        [RowError {
            line: 3,
            invalid: Invalid::new("next_step", Problem::TooLong { max: 500 })
        }]
    );
}

#[test]
fn progress_is_reported_while_reading_and_ends_at_the_whole_file() {
    let mut text = String::from("name,country\n");
    for i in 0..2500 {
        text.push_str(&format!("Org {i},KE\n"));
    }
    let mut seen = Vec::new();
    let parsed = parse_with_progress(text.as_bytes(), &[], |p| seen.push(p)).unwrap();
    assert_eq!(parsed.rows.len(), 2500);
    assert_eq!(seen.len(), 3);
    assert!(seen.windows(2).all(|w| w[0].read < w[1].read));
    assert_eq!(
        seen.last().map(|p| (p.read, p.total)),
        Some((text.len() as u64, text.len() as u64))
    );
}

#[test]
fn every_header_alias_names_one_column() {
    let keys = columns::keys();
    for (i, (key, _)) in keys.iter().enumerate() {
        assert!(!key.is_empty());
        assert!(
            !keys[..i].iter().any(|(k, _)| k == key),
            "{key} is listed twice"
        );
    }
    for column in crate::directory::export::COLUMNS {
        assert!(
            keys.iter().any(|(k, _)| *k == columns::key(column)),
            "the export's {column} column is not recognised"
        );
    }
}

fn organisation(name: &str) -> Organisation {
    Organisation {
        id: OrganisationId::new(),
        fields: OrganisationFields {
            name: name.to_owned(),
            name_lang: LanguageCode::from_stored("sw".into()),
            names: BTreeMap::new(),
            kind: Kind::Other,
            country: CountryCode::parse("TZ").unwrap(),
            city: None,
            website: None,
            description: None,
            focus_areas: Vec::new(),
            languages: Vec::new(),
            visibility: Visibility::Network,
        },
        stage: Stage::Prospect,
        outreach: Outreach::default(),
    }
}

#[test]
fn an_exported_file_imports_back_to_the_same_records() {
    let mut first = organisation("Sauti ya \"Haki\", Tanzania");
    first.fields.names = BTreeMap::from([
        (Lang::Ar, "صوت العدالة".to_owned()),
        (Lang::En, "Voice of Justice".to_owned()),
        (Lang::Fr, "-La Voix de la justice".to_owned()),
    ]);
    first.fields.kind = Kind::Legal;
    first.fields.city = Some("دار السلام".into());
    first.fields.website = Some("https://sauti.example.org/a?b=1,2".into());
    first.fields.description = Some("line one\r\nline two; \"quoted\"\nthree".into());
    first.fields.focus_areas = vec![
        FocusCode::parse("c", "media").unwrap(),
        FocusCode::parse("c", "land-rights").unwrap(),
    ];
    first.fields.languages = ["sw", "en"]
        .map(|c| LanguageCode::from_stored(c.into()))
        .to_vec();
    first.fields.visibility = Visibility::Restricted;
    first.stage = Stage::Member;
    first.outreach.next_step = Some("=HYPERLINK(\"x\")".into());
    first.outreach.next_step_due = NaiveDate::from_ymd_opt(2026, 5, 1);
    let mut second = organisation("+255 Collective");
    second.fields.name_lang = LanguageCode::from_stored("en".into());
    second.fields.country = CountryCode::parse("KE").unwrap();
    let organisations = [first, second];

    let rows: Vec<ExportRow> = organisations.iter().map(ExportRow::from).collect();
    let parsed = parse(&to_csv(&rows), &known()).unwrap();

    assert_eq!(parsed.errors, []);
    assert_eq!(parsed.ignored_columns, Vec::<String>::new());
    assert_eq!(parsed.rows.len(), 2);
    for (row, organisation) in parsed.rows.iter().zip(&organisations) {
        assert_eq!(row.fields, organisation.fields);
        assert_eq!(row.stage, organisation.stage);
        assert_eq!(row.next_step, organisation.outreach.next_step);
        assert_eq!(row.next_step_due, organisation.outreach.next_step_due);
    }
    assert_eq!(lines(&parsed), [2, 5]);
}

/// Names with quotes, delimiters, line ends, Arabic and formula characters, not
/// starting with `'` (an exported `'=x` cannot tell `=x` from `'=x`).
fn names_strategy() -> impl Strategy<Value = String> {
    "[^'\\s\\p{C}][a-zA-Zé ءاأبةتجحدرسعلمنهوي\",;\t\r\n'=+@-]{0,40}"
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("a name", |s| !s.is_empty() && !s.starts_with('\''))
}

proptest! {
    #[test]
    fn any_exported_name_imports_back_unchanged(name in names_strategy()) {
        let row = ExportRow::from(&organisation(&name));
        let parsed = parse(&to_csv(&[row]), &[]).unwrap();
        prop_assert_eq!(&parsed.errors, &[]);
        prop_assert_eq!(names(&parsed), [name.as_str()]);
    }
}
