//! QR codes as inline SVG, so an authenticator app can scan the setup address.

use qrcodegen::{QrCode, QrCodeEcc};

/// An SVG drawing of `text` as a QR code, or none if it is too long to encode.
pub(super) fn svg(text: &str, label: &str) -> Option<String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let border = 2;
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let full = size + 2 * border;
    let label: String = label
        .chars()
        .filter(|c| !matches!(c, '<' | '>' | '&' | '"'))
        .collect();
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {full} {full}\" width=\"200\" height=\"200\" \
         role=\"img\" aria-label=\"{label}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{full}\" height=\"{full}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_setup_address_becomes_an_svg_with_a_label() {
        let svg = super::svg(
            "otpauth://totp/Tadamun:a@example.org?secret=ABC",
            "QR <code>",
        )
        .unwrap();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("aria-label=\"QR code\""));
        assert!(svg.contains("h1v1h-1z"));
    }
}
