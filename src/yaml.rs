//! Guards run on YAML before serde_yaml reads it: serde_yaml refuses a
//! document nested deeper than its recursion limit only after its parser
//! has read the whole of it, in time quadratic in the depth, so a small file
//! of nested brackets would take minutes.

use yaml_rust2::parser::{Event, Parser};

/// The deepest nesting of sequences and mappings accepted, serde_yaml's own
/// recursion limit.
pub const MAX_DEPTH: usize = 128;

/// Where the collections of `text` first nest deeper than [`MAX_DEPTH`], as
/// a 1-based line and column, read as a stream of YAML events: brackets in
/// strings are text, and indented blocks nest as brackets do. `None` when
/// they do not, or when the text is not YAML before that point (serde_yaml
/// then says what is wrong with it).
pub fn too_deep(text: &str) -> Option<(usize, usize)> {
    let mut parser = Parser::new_from_str(text);
    let mut depth = 0usize;
    loop {
        match parser.next_token() {
            Ok((Event::SequenceStart(..) | Event::MappingStart(..), at)) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((at.line(), at.col() + 1));
                }
            }
            Ok((Event::SequenceEnd | Event::MappingEnd, _)) => depth = depth.saturating_sub(1),
            // The scanner reads flow collections ahead of the events and
            // stops at its own limit, deeper than ours.
            Err(e) if e.info() == "recursion limit exceeded" => {
                return Some((e.marker().line(), e.marker().col() + 1));
            }
            Ok((Event::StreamEnd, _)) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_collections_not_brackets_in_strings() {
        let quoted = format!("description: \"{}\"\n", "[".repeat(500));
        assert_eq!(too_deep(&quoted), None);
        let flow = format!("a: {}1{}\n", "[".repeat(200), "]".repeat(200));
        assert_eq!(too_deep(&flow), Some((1, 3 + MAX_DEPTH)));
        let mut block = String::new();
        for level in 0..200 {
            block.push_str(&format!("{}k{level}:\n", " ".repeat(level)));
        }
        assert!(too_deep(&block).is_some_and(|(line, _)| line <= MAX_DEPTH + 1));
        let strings = format!("{}{}", "[']', ".repeat(300), "]".repeat(300));
        assert!(too_deep(&strings).is_some());
    }
}
