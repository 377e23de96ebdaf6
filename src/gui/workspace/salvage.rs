//! What can be saved of a workspace file that is no longer valid JSON.

use super::Workspace;
use crate::gui::command::Correction;
use serde_json::Value;

/// From a truncated or damaged file, every `"key": { … }` entry of its corrections that still
/// parses whole.
pub(super) fn salvage_corrections(
    bytes: &[u8],
    mut problems: Vec<String>,
) -> (Workspace, Vec<String>) {
    let mut ws = Workspace::default();
    let text = String::from_utf8_lossy(bytes);
    let Some(start) = text.find("\"corrections\"") else {
        return (ws, problems);
    };
    let Some(open) = text[start..].find('{').map(|o| start + o + 1) else {
        return (ws, problems);
    };
    let mut rest = &text[open..];
    // Each entry: a JSON string key, a colon, and an object value.
    while let Some(q) = rest.find('"') {
        let mut de = serde_json::Deserializer::from_str(&rest[q..]).into_iter::<String>();
        let Some(Ok(key)) = de.next() else { break };
        let after_key = q + de.byte_offset();
        let Some(colon) = rest[after_key..].find(':') else {
            break;
        };
        let value_at = after_key + colon + 1;
        let mut de = serde_json::Deserializer::from_str(&rest[value_at..]).into_iter::<Value>();
        match de.next() {
            Some(Ok(value)) => {
                let used = value_at + de.byte_offset();
                if let Ok(c) = serde_json::from_value::<Correction>(value) {
                    ws.corrections.insert(key, c);
                }
                rest = &rest[used..];
            }
            _ => break,
        }
    }
    if !ws.corrections.is_empty() {
        problems.push(format!(
            "{} corrections were recovered from the damaged file",
            ws.corrections.len()
        ));
    }
    (ws, problems)
}
