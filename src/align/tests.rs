//! Aligner tests.

use super::{COPIES_BY_POSITION, Matching, pair_copies};

#[test]
fn a_copy_goes_where_the_anchor_before_it_puts_it() {
    // old copy at 8, new copies at 2 and 7; the anchor (5, 4) puts old 8 at 7
    let mut m = Matching::new(10, 10);
    pair_copies(&mut m, &[8], &[2, 7], &[(1, 1), (5, 4)], |_, _| true);
    assert_eq!(m.o2n[8], Some(7));
    assert_eq!(m.n2o[2], None);
}

#[test]
fn copies_that_do_not_really_read_the_same_stay_apart() {
    let mut m = Matching::new(4, 4);
    pair_copies(&mut m, &[0, 2], &[0, 2], &[], |o, n| o != 2 && n != 2);
    assert_eq!((m.o2n[0], m.o2n[2]), (Some(0), None));
}

#[test]
fn a_text_repeated_thousands_of_times_is_paired_by_rank() {
    // beyond the positional bound, copies pair in order, one for one (by
    // position, old 2 would have gone to new 2)
    let k = COPIES_BY_POSITION / 64;
    let os: Vec<usize> = (0..k).collect();
    let ns: Vec<usize> = (0..k + 40).map(|i| 2 * i).collect();
    assert!(os.len() * ns.len() > COPIES_BY_POSITION);
    let mut m = Matching::new(k, 2 * ns.len());
    pair_copies(&mut m, &os, &ns, &[], |_, _| true);
    assert!((0..k).all(|o| m.o2n[o] == Some(2 * o)));
}

#[test]
fn near_pairs_are_every_pair_scoring_at_least_the_bar() {
    use super::Info;
    use super::score::{all_pairs, pairs_at_least};
    // clauses of 0 to 12 words from a vocabulary of 5, so that many pairs
    // come near the bar and many lengths are far apart
    let info = |seed: u32| {
        let len = (seed * 7 + 3) % 13;
        let mut sorted: Vec<u32> = (0..len).map(|k| (seed + k * k) % 5).collect();
        sorted.sort_unstable();
        Info {
            words: sorted.clone(),
            sorted,
            ..Info::default()
        }
    };
    let oi: Vec<Info> = (0..30).map(info).collect();
    let ni: Vec<Info> = (7..40).map(info).collect();
    let (os, ns): (Vec<usize>, Vec<usize>) = ((0..oi.len()).collect(), (0..ni.len()).collect());
    for min in [0.5, 0.8, 0.9, 1.0] {
        let mut all: Vec<_> = all_pairs(&os, &ns, &oi, &ni, |i| &i.sorted)
            .into_iter()
            .filter(|c| c.0 >= min)
            .collect();
        let mut near = pairs_at_least(&os, &ns, &oi, &ni, |i| &i.sorted, min);
        all.sort_by_key(|c| (c.1, c.2));
        near.sort_by_key(|c| (c.1, c.2));
        assert!(!all.is_empty(), "the bar {min} is met somewhere");
        assert_eq!(near, all, "bar {min}");
    }
}
