//! A QR code of a text (an assignment link), drawn as one SVG path so that it stays sharp at any
//! size, prints, and needs no image file or canvas. The modules come from `qrcodegen`.

use leptos::prelude::*;
use qrcodegen::{QrCode as Qr, QrCodeEcc};

/// The SVG path of the dark modules, each a 1×1 square, offset by the 4-module quiet zone the
/// standard asks for; and the full width including the quiet zone. `None` if the text is too
/// long for any QR code.
pub fn qr_path(text: &str) -> Option<(String, i32)> {
    let qr = Qr::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = qr.size();
    let mut path = String::new();
    for y in 0..size {
        for x in 0..size {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{} {}h1v1h-1z", x + 4, y + 4));
            }
        }
    }
    Some((path, size + 8))
}

/// A QR code a phone camera can open.
#[component]
pub fn QrCode(
    /// What the code holds.
    #[prop(into)]
    text: Signal<String>,
    /// What it is, for screen readers ("QR code of the assignment link").
    label: &'static str,
) -> impl IntoView {
    move || {
        qr_path(&text.get()).map(|(path, width)| {
            view! {
                <svg
                    class="qr-code"
                    role="img"
                    aria-label=label
                    viewBox=format!("0 0 {width} {width}")
                    shape-rendering="crispEdges"
                >
                    // Always dark on light, in every theme: that is what scanners read.
                    <rect width=width height=width fill="#fff" />
                    <path d=path fill="#000" />
                </svg>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_modules_with_a_quiet_zone() {
        let link = "https://school.example/lectern/assignment/LA1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        let (path, width) = qr_path(link).unwrap();
        let qr = Qr::encode_text(link, QrCodeEcc::Medium).unwrap();
        assert_eq!(width, qr.size() + 8);
        // The top-left finder pattern starts at the corner of the quiet zone.
        assert!(path.starts_with("M4 4h1v1h-1z"), "{}", &path[..40]);
        let dark = (0..qr.size())
            .flat_map(|y| (0..qr.size()).map(move |x| (x, y)))
            .filter(|&(x, y)| qr.get_module(x, y))
            .count();
        assert_eq!(path.matches('M').count(), dark);
        assert!(
            qr_path(&"x".repeat(5000)).is_none(),
            "too long for any QR code"
        );
    }
}
