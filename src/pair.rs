//! `Pair<T>`: the old and the new value of anything, handled as one.

use serde::Serialize;

/// Which of the two compared documents a value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The earlier text (left column).
    Old,
    /// The later text (right column).
    New,
}

/// The old and the new version of a value, so stages can be written once
/// for both sides: `docs.map(parse)` instead of `old_doc`/`new_doc` twins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Pair<T> {
    /// The earlier version.
    pub old: T,
    /// The later version.
    pub new: T,
}

impl<T> Pair<T> {
    /// Builds a pair.
    pub fn new(old: T, new: T) -> Self {
        Pair { old, new }
    }

    /// Applies `f` to both sides.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Pair<U> {
        Pair {
            old: f(self.old),
            new: f(self.new),
        }
    }

    /// Borrows both sides.
    pub fn as_ref(&self) -> Pair<&T> {
        Pair {
            old: &self.old,
            new: &self.new,
        }
    }

    /// Applies a fallible `f` to both sides, old first.
    pub fn try_map<U, E>(self, mut f: impl FnMut(T) -> Result<U, E>) -> Result<Pair<U>, E> {
        Ok(Pair {
            old: f(self.old)?,
            new: f(self.new)?,
        })
    }

    /// The value of one side.
    pub fn get(&self, side: Side) -> &T {
        match side {
            Side::Old => &self.old,
            Side::New => &self.new,
        }
    }
}

impl<T> std::ops::Index<Side> for Pair<T> {
    type Output = T;
    fn index(&self, side: Side) -> &T {
        self.get(side)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_and_index_keep_sides_apart() {
        let p = Pair::new("old", "new").map(str::len);
        assert_eq!(p[Side::Old], 3);
        assert_eq!(p[Side::New], 3);
        let q: Result<Pair<u8>, String> =
            Pair::new("1", "x").try_map(|s| s.parse().map_err(|_| s.to_string()));
        assert_eq!(q.unwrap_err(), "x");
    }
}
