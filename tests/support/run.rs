//! Running the built binary from the project's root.

use std::process::{Command, Output};

/// `crosscheck ARGS...`, run in the project's root.
pub fn crosscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}
