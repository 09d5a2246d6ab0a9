//! Text that came from outside (the service, the network's controller, a
//! saved file) made fit to show: one cleaning rule and one length for names,
//! used by the menu, windows, notifications and the saved-networks file.

/// Longest name kept (network names, addresses, routes, saved names); the
/// rest is cut with `…`.
pub const MAX_NAME: usize = 64;

/// Replaces, with U+FFFD, every character that is not shown as itself or
/// that changes how the text around it is shown: control characters (NUL
/// included, which C strings cannot hold), format characters (bidi
/// embeddings, overrides and isolates, zero-width characters, the BOM) and
/// line and paragraph separators.  A network name then cannot reorder, hide
/// or break the text around it.  Trims, and cuts to `max` characters.
pub fn clean(text: &str, max: usize) -> String {
    let text = text.trim();
    // Looks at no more than max + 1 characters, however long the text.
    let cut = text.chars().nth(max).is_some();
    let keep = if cut { max.saturating_sub(1) } else { max };
    let mut out: String =
        text.chars().take(keep).map(|c| if hidden_or_reordering(c) { '\u{fffd}' } else { c }).collect();
    if cut && max > 0 {
        out.push('…');
    }
    out
}

fn hidden_or_reordering(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || is_format(c)
}

/// Unicode general category Cf (format), as of Unicode 15.
fn is_format(c: char) -> bool {
    matches!(
        c as u32,
        0x00AD
            | 0x0600..=0x0605
            | 0x061C
            | 0x06DD
            | 0x070F
            | 0x0890..=0x0891
            | 0x08E2
            | 0x180E
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x2064
            | 0x2066..=0x206F
            | 0xFEFF
            | 0xFFF9..=0xFFFB
            | 0x110BD
            | 0x110CD
            | 0x13430..=0x1343F
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0001
            | 0xE0020..=0xE007F
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_invisible_and_separator_characters_are_replaced() {
        for hostile in ['\u{202E}', '\u{202C}', '\u{2028}', '\u{2029}', '\u{200B}', '\u{FEFF}', '\u{2066}', '\u{E0041}']
        {
            let name = format!("a{hostile}b");
            assert_eq!(clean(&name, MAX_NAME), "a\u{fffd}b", "U+{:04X}", hostile as u32);
        }
        assert_eq!(clean("a\0b\nc\u{85}d", MAX_NAME), "a\u{fffd}b\u{fffd}c\u{fffd}d");
        assert_eq!(clean("  Zürich 東京 🙂 ", MAX_NAME), "Zürich 東京 🙂", "ordinary text is kept");
    }

    #[test]
    fn long_text_is_cut_on_a_character_boundary() {
        assert_eq!(clean("ééééé", 5), "ééééé");
        assert_eq!(clean("éééééé", 5), "éééé…");
        assert_eq!(clean(&"x".repeat(500), MAX_NAME).chars().count(), MAX_NAME);
        assert_eq!(clean("abc", 0), "");
        assert_eq!(clean("a", 1), "a");
        assert_eq!(clean("ab", 1), "…");
    }
}
