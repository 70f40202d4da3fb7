//! The demo's working groups (media, legal, economic, Africa expansion) with members
//! from the demo people; meetings online and in person in several time zones, one
//! with Markdown minutes, decisions and action items (one of them made an action of
//! the demo plan); and recommendations across themes and statuses with a dated
//! history, linked by title to the items of the demo plan that carry them out.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime, Utc};
use tadamun_core::audit::Actor;
use tadamun_core::groups::{
    ActionItemInput, GroupInput, MeetingInput, RecommendationInput, RecommendationStatus,
};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{GroupId, MeetingId, PersonId, PlanItemId};

use crate::error::{Result, StoreError};
use crate::groups::{self, meetings, recommendations};
use crate::{Db, plans};

/// A demo working group: names in en, ar, fr, es; mandate in en and ar; focus; regions;
/// lead and members by display name.
struct GroupSpec {
    key: &'static str,
    names: [&'static str; 4],
    mandate: [&'static str; 2],
    focus: &'static str,
    regions: &'static [&'static str],
    lead: &'static str,
    members: &'static [&'static str],
}

const GROUPS: [GroupSpec; 4] = [
    GroupSpec {
        key: "media",
        names: [
            "Media working group",
            "مجموعة العمل الإعلامية",
            "Groupe de travail médias",
            "Grupo de trabajo de medios",
        ],
        mandate: [
            "Run the coalition's media campaigns in six languages and keep one message calendar.",
            "إدارة الحملات الإعلامية للتحالف بست لغات والحفاظ على روزنامة رسائل موحدة.",
        ],
        focus: "media",
        regions: &["002", "145", "005"],
        lead: "Wanjiru Mwangi",
        members: &[
            "Wanjiru Mwangi",
            "Baraka Mollel",
            "ليلى حدّاد",
            "Valentina Ríos",
            "Rafael Oliveira Santos",
        ],
    },
    GroupSpec {
        key: "legal",
        names: [
            "Legal working group",
            "مجموعة العمل القانونية",
            "Groupe de travail juridique",
            "Grupo de trabajo jurídico",
        ],
        mandate: [
            "Document violations to evidentiary standards and bring cases before UN mechanisms and courts.",
            "توثيق الانتهاكات وفق معايير الإثبات وعرض القضايا على آليات الأمم المتحدة والمحاكم.",
        ],
        focus: "legal",
        regions: &["145", "015"],
        lead: "عمر الخطيب",
        members: &["عمر الخطيب", "Thabo Nkosi", "Youssef Benali", "نُهى عثمان"],
    },
    GroupSpec {
        key: "economic",
        names: [
            "Economic working group",
            "مجموعة العمل الاقتصادية",
            "Groupe de travail économique",
            "Grupo de trabajo económico",
        ],
        mandate: [
            "Lead the boycott and divestment campaigns: research, targets, demands and wins.",
            "قيادة حملات المقاطعة وسحب الاستثمارات: البحث والأهداف والمطالب والإنجازات.",
        ],
        focus: "economic",
        regions: &["150", "005"],
        lead: "Salma Ben Amor",
        members: &["Salma Ben Amor", "Kwame Asante", "Nurul Aisyah Hamzah"],
    },
    GroupSpec {
        key: "africa",
        names: [
            "Africa expansion working group",
            "مجموعة عمل التوسع في أفريقيا",
            "Groupe de travail expansion en Afrique",
            "Grupo de trabajo de expansión en África",
        ],
        mandate: [
            "Grow the coalition to 25 member organisations in Africa, starting in East and West Africa.",
            "توسيع التحالف إلى 25 منظمة عضوًا في أفريقيا، بدءًا بشرقها وغربها.",
        ],
        focus: "grassroots",
        regions: &["002", "014", "011"],
        lead: "Fatou Ndiaye",
        members: &[
            "Fatou Ndiaye",
            "Chinedu Okafor",
            "Dawit Tesfaye",
            "Moussa Traoré",
            "Zainab Hassan Said",
        ],
    },
];

const MINUTES: &str = "## Summary\n\n\
The consultative meeting reviewed the first year of the **unified media strategy** and the \
move into Africa. Partners from 14 countries took part, with interpretation into Arabic, \
French and Swahili.\n\n\
## Discussion\n\n\
- The monthly content package reaches partners late; translators need the texts a week earlier.\n\
- The Swahili hub is the most read section of the site after Arabic.\n\
- Legal partners ask for a shared template for testimonies.\n\n\
## Next steps\n\n\
1. The media group drafts the calendar for the next quarter.\n\
2. The Africa group prepares the visits to Nairobi, Dakar and Lagos.\n\n\
See the [coalition toolkit](https://example.org/toolkit) for the agreed wording.\n";

/// A meeting: key, kind, titles (en, ar), local start as days from today and time,
/// zone, minutes, link or place, organising group.
struct MeetingSpec {
    key: &'static str,
    kind: &'static str,
    titles: [&'static str; 2],
    day: i64,
    time: &'static str,
    zone: &'static str,
    duration: u16,
    link: Option<&'static str>,
    place: Option<&'static str>,
    group: Option<&'static str>,
    agenda: &'static [&'static str],
    attendees: &'static [&'static str],
    minutes: Option<&'static str>,
    decisions: &'static [&'static str],
}

const MEETINGS: [MeetingSpec; 5] = [
    MeetingSpec {
        key: "consultative",
        kind: "consultative",
        titles: [
            "Consultative meeting of the coalition",
            "الاجتماع التشاوري للتحالف",
        ],
        day: -40,
        time: "17:00",
        zone: "Africa/Nairobi",
        duration: 150,
        link: Some("https://meet.example.org/coalition-consultation"),
        place: None,
        group: None,
        agenda: &[
            "Opening and translation arrangements",
            "A year of the media strategy",
            "Expansion into Africa",
            "Recommendations",
        ],
        attendees: &[
            "Wanjiru Mwangi",
            "Fatou Ndiaye",
            "عمر الخطيب",
            "Salma Ben Amor",
            "Kwame Asante",
            "Valentina Ríos",
        ],
        minutes: Some(MINUTES),
        decisions: &[
            "Send the content package to translators one week before publication",
            "Hold the first contact visits before the end of the quarter",
        ],
    },
    MeetingSpec {
        key: "legal-workshop",
        kind: "workshop",
        titles: ["Documentation standards workshop", "ورشة معايير التوثيق"],
        day: -20,
        time: "10:00",
        zone: "Africa/Johannesburg",
        duration: 360,
        link: None,
        place: Some("Constitution Hill, Johannesburg"),
        group: Some("legal"),
        agenda: &[
            "Evidentiary standards",
            "Testimony templates",
            "Reporting to special rapporteurs",
        ],
        attendees: &["Thabo Nkosi", "Youssef Benali", "عمر الخطيب"],
        minutes: Some(
            "Twelve lawyers trained. The testimony template is **adopted** with two changes.",
        ),
        decisions: &["Use one testimony template across the coalition"],
    },
    MeetingSpec {
        key: "media-call",
        kind: "group_meeting",
        titles: ["Media group monthly call", "الاجتماع الشهري لمجموعة الإعلام"],
        day: 3,
        time: "19:00",
        zone: "Asia/Amman",
        duration: 60,
        link: Some("https://meet.example.org/media-group"),
        place: None,
        group: Some("media"),
        agenda: &["Next quarter's calendar", "Swahili creators' training"],
        attendees: &["Wanjiru Mwangi", "Baraka Mollel", "ليلى حدّاد"],
        minutes: None,
        decisions: &[],
    },
    MeetingSpec {
        key: "economic-call",
        kind: "group_meeting",
        titles: ["Divestment campaign check-in", "متابعة حملة سحب الاستثمارات"],
        day: 10,
        time: "15:00",
        zone: "America/Sao_Paulo",
        duration: 90,
        link: Some("https://meet.example.org/economic-group"),
        place: None,
        group: Some("economic"),
        agenda: &["Pension fund research", "Shareholder questions"],
        attendees: &["Salma Ben Amor", "Rafael Oliveira Santos"],
        minutes: None,
        decisions: &[],
    },
    MeetingSpec {
        key: "dakar",
        kind: "group_meeting",
        titles: [
            "Africa expansion planning in Dakar",
            "اجتماع تخطيط التوسع في أفريقيا في داكار",
        ],
        day: 24,
        time: "09:30",
        zone: "Africa/Dakar",
        duration: 240,
        link: Some("https://meet.example.org/africa-group"),
        place: Some("Maison de la culture Douta Seck, Dakar"),
        group: Some("africa"),
        agenda: &["Partner map", "Visit schedule", "Onboarding kit"],
        attendees: &["Fatou Ndiaye", "Moussa Traoré", "Chinedu Okafor"],
        minutes: None,
        decisions: &[],
    },
];

/// A recommendation: text (en, ar), theme, owner group, source meeting, the moves it
/// made with days ago and reason, and the English titles of the plan items linked.
struct RecSpec {
    texts: [&'static str; 2],
    theme: &'static str,
    group: Option<&'static str>,
    meeting: Option<&'static str>,
    proposed: i64,
    moves: &'static [(&'static str, i64, &'static str)],
    items: &'static [&'static str],
}

const RECOMMENDATIONS: [RecSpec; 10] = [
    RecSpec {
        texts: [
            "Keep one message calendar in six languages",
            "اعتماد روزنامة رسائل موحدة بست لغات",
        ],
        theme: "media",
        group: Some("media"),
        meeting: Some("consultative"),
        proposed: 40,
        moves: &[("adopted", 39, ""), ("in_progress", 30, "")],
        items: &["Shared message calendar in six languages"],
    },
    RecSpec {
        texts: [
            "Open a Swahili content hub",
            "إطلاق مركز محتوى باللغة السواحلية",
        ],
        theme: "media",
        group: Some("media"),
        meeting: Some("consultative"),
        proposed: 40,
        moves: &[("adopted", 39, "")],
        items: &["Swahili content hub"],
    },
    RecSpec {
        texts: [
            "Train lawyers in documentation standards",
            "تدريب المحامين على معايير التوثيق",
        ],
        theme: "legal",
        group: Some("legal"),
        meeting: Some("legal-workshop"),
        proposed: 20,
        moves: &[
            ("adopted", 20, ""),
            ("in_progress", 19, ""),
            ("implemented", 5, "Twelve lawyers trained"),
        ],
        items: &["Train lawyers in documentation standards"],
    },
    RecSpec {
        texts: [
            "Report to UN special rapporteurs every quarter",
            "رفع تقارير فصلية إلى المقررين الخاصين للأمم المتحدة",
        ],
        theme: "legal",
        group: Some("legal"),
        meeting: Some("legal-workshop"),
        proposed: 20,
        moves: &[("adopted", 18, "")],
        items: &["Submit three reports to UN special rapporteurs"],
    },
    RecSpec {
        texts: [
            "Ask pension funds to divest, starting with the 40 largest",
            "مطالبة صناديق التقاعد بسحب استثماراتها بدءًا بأكبر أربعين صندوقًا",
        ],
        theme: "economic",
        group: Some("economic"),
        meeting: Some("consultative"),
        proposed: 40,
        moves: &[("adopted", 38, ""), ("in_progress", 25, "")],
        items: &["Pension fund divestment campaign"],
    },
    RecSpec {
        texts: [
            "Publish a consumer boycott guide",
            "نشر دليل لمقاطعة المستهلكين",
        ],
        theme: "economic",
        group: Some("economic"),
        meeting: None,
        proposed: 90,
        moves: &[("adopted", 85, "")],
        items: &[],
    },
    RecSpec {
        texts: [
            "Visit partners in Nairobi, Dakar and Lagos",
            "زيارة الشركاء في نيروبي وداكار ولاغوس",
        ],
        theme: "expansion",
        group: Some("africa"),
        meeting: Some("consultative"),
        proposed: 40,
        moves: &[("adopted", 39, "")],
        items: &["Partner mapping and outreach in East and West Africa"],
    },
    RecSpec {
        texts: [
            "Set up a regional desk in Southern Africa",
            "إنشاء مكتب إقليمي في الجنوب الأفريقي",
        ],
        theme: "expansion",
        group: Some("africa"),
        meeting: None,
        proposed: 120,
        moves: &[(
            "dropped",
            100,
            "No host organisation yet; revisit next year",
        )],
        items: &[],
    },
    RecSpec {
        texts: [
            "Hold the webinars at two times to reach every time zone",
            "عقد الندوات الإلكترونية في موعدين لتناسب جميع المناطق الزمنية",
        ],
        theme: "coordination",
        group: None,
        meeting: Some("consultative"),
        proposed: 40,
        moves: &[],
        items: &[],
    },
    RecSpec {
        texts: [
            "Train local volunteers for protective presence at harvest time",
            "تدريب متطوعين محليين على الحضور الحمائي في موسم القطاف",
        ],
        theme: "grassroots",
        group: None,
        meeting: None,
        proposed: 75,
        moves: &[("adopted", 70, "")],
        items: &[],
    },
];

fn corrupt(what: &'static str) -> impl Fn(tadamun_core::Invalid) -> StoreError {
    move |_| StoreError::Corrupt(what)
}

fn days_ago_ms(days: i64) -> i64 {
    (Utc::now() - Duration::days(days)).timestamp_millis()
}

/// The demo plan's items by English title.
async fn plan_items(db: &Db) -> Result<HashMap<String, PlanItemId>> {
    let mut out = HashMap::new();
    for plan in plans::plans(db).await? {
        for item in &plans::tree(db, &plan.id).await?.items {
            out.insert(item.fields.title.clone(), item.id.clone());
        }
    }
    Ok(out)
}

/// Adds the demo's groups, meetings and recommendations.
pub(super) async fn load(
    db: &Db,
    system: &Actor,
    people: &HashMap<String, PersonId>,
) -> Result<()> {
    let person = |name: &str| people.get(name).map(ToString::to_string);
    let mut groups_by_key: HashMap<&str, GroupId> = HashMap::new();
    for spec in &GROUPS {
        let [en, ar, fr, es] = spec.names;
        let fields = GroupInput {
            name: en.into(),
            name_lang: Some("en".into()),
            name_ar: Some(ar.into()),
            name_fr: Some(fr.into()),
            name_es: Some(es.into()),
            mandate: Some(spec.mandate[0].into()),
            mandate_ar: Some(spec.mandate[1].into()),
            lead: person(spec.lead),
            focus: Some(spec.focus.into()),
            regions: spec.regions.iter().map(|r| (*r).to_owned()).collect(),
            people: spec.members.iter().filter_map(|m| person(m)).collect(),
            ..Default::default()
        }
        .validate()
        .map_err(corrupt("demo group"))?;
        let group = groups::create(db, system, fields).await?;
        groups_by_key.insert(spec.key, group.id);
    }

    let today = Utc::now().date_naive();
    let mut meetings_by_key: HashMap<&str, MeetingId> = HashMap::new();
    for spec in &MEETINGS {
        let day = today + Duration::days(spec.day);
        let local =
            NaiveDateTime::parse_from_str(&format!("{day} {}", spec.time), "%Y-%m-%d %H:%M")
                .map_err(|_| StoreError::Corrupt("demo meeting start"))?;
        let fields = MeetingInput {
            kind: spec.kind.into(),
            title: spec.titles[0].into(),
            title_lang: Some("en".into()),
            title_ar: Some(spec.titles[1].into()),
            start: local.format("%Y-%m-%dT%H:%M").to_string(),
            time_zone: spec.zone.into(),
            duration: spec.duration.to_string(),
            link: spec.link.map(Into::into),
            place: spec.place.map(Into::into),
            group: spec
                .group
                .and_then(|g| groups_by_key.get(g))
                .map(ToString::to_string),
            agenda: spec.agenda.iter().map(|a| (*a).to_owned()).collect(),
            people: spec.attendees.iter().filter_map(|a| person(a)).collect(),
            minutes: spec.minutes.map(Into::into),
            decisions: spec.decisions.iter().map(|d| (*d).to_owned()).collect(),
            ..Default::default()
        }
        .validate()
        .map_err(corrupt("demo meeting"))?;
        let m = meetings::create(db, system, fields).await?;
        meetings_by_key.insert(spec.key, m.id);
    }

    let items = plan_items(db).await?;
    action_items(db, system, &groups_by_key, &meetings_by_key, &items, people).await?;

    for spec in &RECOMMENDATIONS {
        let fields = RecommendationInput {
            text: spec.texts[0].into(),
            text_lang: Some("en".into()),
            text_ar: Some(spec.texts[1].into()),
            theme: spec.theme.into(),
            group: spec
                .group
                .and_then(|g| groups_by_key.get(g))
                .map(ToString::to_string),
            meeting: spec
                .meeting
                .and_then(|m| meetings_by_key.get(m))
                .map(ToString::to_string),
            ..Default::default()
        }
        .validate()
        .map_err(corrupt("demo recommendation"))?;
        let rec =
            recommendations::create_at(db, system, fields, days_ago_ms(spec.proposed)).await?;
        for (to, days, reason) in spec.moves {
            let to = RecommendationStatus::parse(to).map_err(corrupt("demo status"))?;
            recommendations::change_status_at(db, system, &rec.id, to, reason, days_ago_ms(*days))
                .await?;
        }
        for title in spec.items {
            if let Some(item) = items.get(*title) {
                recommendations::link(db, system, &rec.id, item).await?;
            }
        }
    }
    Ok(())
}

/// The consultative meeting's action items; the first becomes an action of the
/// demo plan's Swahili content hub.
async fn action_items(
    db: &Db,
    system: &Actor,
    groups_by_key: &HashMap<&str, GroupId>,
    meetings_by_key: &HashMap<&str, MeetingId>,
    items: &HashMap<String, PlanItemId>,
    people: &HashMap<String, PersonId>,
) -> Result<()> {
    let Some(meeting) = meetings_by_key.get("consultative") else {
        return Err(StoreError::Corrupt("demo meeting"));
    };
    let today = Utc::now().date_naive();
    let group = |key: &str| groups_by_key.get(key).map(ToString::to_string);
    let specs = [
        (
            "Send the content package to translators a week before publication",
            Some(("group", group("media"))),
            20,
        ),
        (
            "Draft a shared testimony template",
            Some(("group", group("legal"))),
            30,
        ),
        (
            "Prepare the visit schedule for Nairobi, Dakar and Lagos",
            Some((
                "person",
                people.get("Fatou Ndiaye").map(ToString::to_string),
            )),
            25,
        ),
    ];
    let mut first = true;
    for (text, owner, due_in) in specs {
        let (owner_kind, owner) = match owner {
            Some((kind, Some(id))) => (Some(kind.to_owned()), Some(id)),
            _ => (None, None),
        };
        let fields = ActionItemInput {
            text: text.into(),
            owner_kind,
            owner,
            due: Some((today + Duration::days(due_in)).to_string()),
        }
        .validate()
        .map_err(corrupt("demo action item"))?;
        let action = meetings::add_action(db, system, meeting, fields).await?;
        if std::mem::take(&mut first)
            && let Some(hub) = items.get("Swahili content hub")
        {
            meetings::make_plan_item(db, system, &action.id, hub, Lang::En).await?;
        }
    }
    Ok(())
}
