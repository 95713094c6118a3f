//! Reading conflicts out of the binary's JSON.

use serde_json::Value;

/// The texts of a conflict's claims, in order.
pub fn claim_texts(c: &Value) -> Vec<&str> {
    c["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["text"].as_str().unwrap())
        .collect()
}
