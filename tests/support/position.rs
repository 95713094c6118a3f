//! Where a byte offset stands in a text, counted independently of the
//! library so tests can check its spans.

/// Line and column (1-based, in characters) of byte `offset`, counting
/// CRLF, LF and a lone CR as one line end each.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let (mut line, mut column) = (1, 1);
    let mut chars = text[..offset].chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            line += 1;
            column = 1;
        } else if c != '\r' {
            column += 1;
        }
    }
    (line, column)
}
