//! Amendment labels for the renderers: who explains a change, what became of each instruction.

use crate::align::LinkKind;
use crate::diff::{Change, Outcome, ResolutionDiff, Unexplained};

/// The instructions behind a change, `A/ES-11/L.15 #1`; `no amendment` for
/// a change of its own that none explains; nothing without `--amendments`
/// or for a clause whose own wording and place did not change.
pub(crate) fn label(c: &Change, d: &ResolutionDiff) -> Option<String> {
    d.attribution.as_ref()?;
    if !c.amendments.is_empty() {
        let refs: Vec<String> = c
            .amendments
            .iter()
            .map(|r| format!("{} #{}", r.symbol, r.instruction))
            .collect();
        return Some(refs.join(", "));
    }
    (c.kind != LinkKind::Unchanged || c.moved).then(|| "no amendment".to_string())
}

/// What became of an instruction, in words.
pub(crate) fn outcome_word(o: Outcome) -> &'static str {
    match o {
        Outcome::Adopted => "in the new text",
        Outcome::Partly => "partly in the new text",
        Outcome::NotAdopted => "not in the new text",
    }
}

/// One line per instruction: `A/ES-11/L.15 #1: in the new text (OP1)`,
/// with its outcome.
pub(crate) fn instruction_lines(d: &ResolutionDiff) -> Vec<(Outcome, String)> {
    let Some(a) = &d.attribution else {
        return Vec::new();
    };
    a.instructions
        .iter()
        .map(|i| {
            let mut s = format!(
                "{} #{}: {}",
                i.symbol,
                i.instruction,
                outcome_word(i.outcome)
            );
            let mut at: Vec<String> = i.clauses.clone();
            at.extend(i.dropped.iter().map(|d| format!("old {d} dropped")));
            if !at.is_empty() {
                s.push_str(&format!(" ({})", at.join(", ")));
            }
            (i.outcome, s)
        })
        .collect()
}

/// A change no instruction explains, in words: `PP1 dropped`,
/// `OP1 reworded (in part)`, `the title`.
pub(crate) fn unexplained_line(u: &Unexplained, d: &ResolutionDiff) -> String {
    if u.part == "title" {
        return "the title".to_string();
    }
    let what = match (u.old.is_empty(), u.new.is_empty()) {
        (_, true) => format!("{} dropped", u.old.join(" + ")),
        (true, _) => format!("{} added", u.new.join(" + ")),
        _ if u.old == u.new => format!("{} changed", u.new.join(" + ")),
        _ => format!("{} (was {}) changed", u.new.join(" + "), u.old.join(" + ")),
    };
    // a change partly explained says so
    let mut partly = false;
    for c in &d.changes {
        c.walk(&mut |c| {
            if c.old == u.old && c.new == u.new && !c.amendments.is_empty() {
                partly = true;
            }
        });
    }
    if partly {
        format!("{what} (in part)")
    } else {
        what
    }
}

/// The lines under a table or plain comparison: each instruction's outcome,
/// then the changes nothing explains.
pub(crate) fn footer(d: &ResolutionDiff) -> Vec<String> {
    let Some(a) = &d.attribution else {
        return Vec::new();
    };
    let mut out: Vec<String> = instruction_lines(d)
        .into_iter()
        .map(|(_, s)| format!("amendment {s}"))
        .collect();
    if a.unexplained.is_empty() {
        out.push("every change is explained by an amendment".to_string());
    } else {
        let list: Vec<String> = a
            .unexplained
            .iter()
            .map(|u| unexplained_line(u, d))
            .collect();
        out.push(format!("not from any amendment: {}", list.join("; ")));
    }
    out
}
