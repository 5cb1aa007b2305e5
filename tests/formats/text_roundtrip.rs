//! `parse(resolution_text(r)) == r` for every draft available: the plain
//! layout is what the other loaders and the AKN reader produce, so it must
//! lose nothing.

use crate::support::{all_texts, same_structure, try_parse};

#[test]
fn plain_layout_reads_back_to_the_same_structure() {
    let texts = all_texts();
    let mut failures = Vec::new();
    for (name, text) in &texts {
        let Some(r) = try_parse(name, text) else {
            continue;
        };
        let plain = resdiff::render::resolution_text(&r);
        match try_parse(name, &plain) {
            None => failures.push(format!("{name}: the plain layout does not parse")),
            Some(back) => {
                if let Err(e) = same_structure(&r, &back) {
                    failures.push(format!("{name}: {e}"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} texts differ:\n{}",
        failures.len(),
        texts.len(),
        failures.join("\n\n")
    );
}
