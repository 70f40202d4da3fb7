//! Minutes are written in Markdown and shown as HTML. What users type must never
//! become markup of its own: raw HTML is shown as text, links go only to http,
//! https, mailto or relative addresses, and images become links (the CSP forbids
//! loading them from elsewhere, and a remote image would tell its host who reads).

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

/// Renders Markdown to HTML that is safe to put in a page as it is.
pub fn to_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // For each link or image opened, whether it was kept, so its end matches.
    let mut kept: Vec<bool> = Vec::new();
    let events = Parser::new_ext(markdown, options).filter_map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let safe = is_safe_url(&dest_url);
            kept.push(safe);
            safe.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let safe = is_safe_url(&dest_url);
            kept.push(safe);
            safe.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link | TagEnd::Image) => kept
            .pop()
            .unwrap_or(false)
            .then_some(Event::End(TagEnd::Link)),
        Event::FootnoteReference(name) => Some(Event::Text(CowStr::from(format!("[^{name}]")))),
        other => Some(other),
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Whether a link may point at `url`: http, https and mailto, or a relative address
/// (no scheme). Browsers ignore tabs, new lines and control characters inside a
/// scheme, so they are ignored here too before looking for it.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match cleaned.find(':') {
        None => true,
        Some(colon) => {
            let before = &cleaned[..colon];
            if before.contains(['/', '?', '#']) {
                // The colon is in a path, query or fragment: no scheme.
                return true;
            }
            matches!(before, "http" | "https" | "mailto")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn markdown_renders_headings_lists_emphasis_and_tables() {
        let html = to_html(
            "# Minutes\n\n- **Media**: agreed\n- _Legal_: pending\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        );
        assert!(html.contains("<h1>Minutes</h1>"), "{html}");
        assert!(
            html.contains("<li><strong>Media</strong>: agreed</li>"),
            "{html}"
        );
        assert!(html.contains("<em>Legal</em>"), "{html}");
        assert!(html.contains("<table>"), "{html}");
        assert!(
            to_html("[site](https://example.org/a?b=1&c=2)")
                .contains(r#"<a href="https://example.org/a?b=1&amp;c=2">site</a>"#)
        );
        assert!(
            to_html("[mail](mailto:desk@example.org)")
                .contains(r#"href="mailto:desk@example.org""#)
        );
        assert!(to_html("[doc](/groups/x)").contains(r#"href="/groups/x""#));
    }

    #[test]
    fn raw_html_in_minutes_is_shown_as_text() {
        let html = to_html("<script>alert(1)</script>\n\nHello <img src=x onerror=alert(1)> there");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        let block = to_html("<div onmouseover=\"alert(1)\">\nhi\n</div>");
        assert!(!block.contains("<div"), "{block}");
    }

    #[test]
    fn dangerous_links_and_images_become_plain_text() {
        for bad in [
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click](java\tscript:alert(1))",
            "[click](data:text/html;base64,PHNjcmlwdD4=)",
            "[click](vbscript:msgbox)",
            "<javascript:alert(1)>",
        ] {
            let html = to_html(bad);
            assert!(!html.contains("<a"), "{bad} → {html}");
        }
        let text = to_html("[click](javascript:alert(1))");
        assert!(text.contains("click"), "{text}");

        let image = to_html("![map](https://example.org/map.png \"Map\")");
        assert!(!image.contains("<img"), "{image}");
        assert!(
            image.contains(r#"<a href="https://example.org/map.png" title="Map">map</a>"#),
            "{image}"
        );
        let data_image = to_html("![x](data:image/svg+xml;base64,PHN2Zz4=)");
        assert!(
            !data_image.contains("<a") && !data_image.contains("<img"),
            "{data_image}"
        );
        let attr = to_html("[x](https://example.org/\"onmouseover=\"alert(1))");
        assert!(!attr.contains("\"onmouseover"), "{attr}");
    }

    const ALLOWED: &[&str] = &[
        "p",
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "em",
        "strong",
        "code",
        "pre",
        "blockquote",
        "hr",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "del",
    ];

    proptest! {
        #[test]
        fn no_markdown_makes_a_script_an_image_or_an_event_handler(
            text in prop::collection::vec(prop::sample::select(vec![
                "<script>", "</script>", "<img src=x onerror=alert(1)>", "[a](", ")", "![b](",
                "javascript:", "data:", "\"", "'", " onload=", "<", ">", "\n", "`", "*", "# ", "http://x.org",
            ]), 0..24)
        ) {
            let html = to_html(&text.concat()).to_ascii_lowercase();
            prop_assert!(!html.contains("<script"));
            prop_assert!(!html.contains("<img"));
            prop_assert!(!html.contains("href=\"javascript:"));
            prop_assert!(!html.contains("href=\"data:"));
            for tag in html.split('<').skip(1) {
                let name: String = tag.trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect();
                prop_assert!(ALLOWED.contains(&name.as_str()), "<{}", tag);
                if name == "a" && !tag.starts_with('/') {
                    let attrs = tag.split('>').next().unwrap_or_default();
                    prop_assert!(attrs.starts_with("a href=\""), "<{}", tag);
                }
            }
        }
    }
}
