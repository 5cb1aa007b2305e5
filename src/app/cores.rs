//! Keeps `compare`'s two threads on two different cores (Linux).
//!
//! Measured on this project's two-core virtual machine: Linux started
//! rayon's worker on the core of the thread that created it in each of 100
//! logged runs, and often left it there, queued behind the main thread,
//! while the other core idled. On the 300 KB pair the slowest tenth of 150
//! runs then did the comparison on one core, 6.3 ms instead of 4.3 ms. So
//! for `compare`, the main thread stays on the core it is on and the
//! workers use the others; the slowest tenth then took 4.5 ms.
//!
//! Only `compare` does this, a process of milliseconds; `history` and
//! `batch` run longer and leave placement to the scheduler. Where the
//! process may use only one core (`taskset -c 0`), nothing is pinned.

/// The main thread's core and the cores left for the workers.
#[derive(Clone, Copy)]
pub struct Split {
    #[cfg(target_os = "linux")]
    main: usize,
    #[cfg(target_os = "linux")]
    rest: nix::sched::CpuSet,
}

impl Split {
    /// The split from where the calling thread runs now, or `None` when
    /// it may run on one core only or the system does not say.
    #[cfg(target_os = "linux")]
    pub fn here() -> Option<Split> {
        use nix::sched::{CpuSet, sched_getaffinity, sched_getcpu};
        let main = sched_getcpu().ok()?;
        let mut rest = sched_getaffinity(nix::unistd::Pid::from_raw(0)).ok()?;
        rest.unset(main).ok()?;
        let any_left = (0..CpuSet::count()).any(|c| rest.is_set(c).unwrap_or(false));
        any_left.then_some(Split { main, rest })
    }

    #[cfg(not(target_os = "linux"))]
    pub fn here() -> Option<Split> {
        None
    }

    /// Keeps the calling thread (the main thread) on its core.
    pub fn pin_main(&self) {
        #[cfg(target_os = "linux")]
        {
            let mut one = nix::sched::CpuSet::new();
            if one.set(self.main).is_ok() {
                // a refusal leaves the thread where the scheduler puts it
                let _ = nix::sched::sched_setaffinity(nix::unistd::Pid::from_raw(0), &one);
            }
        }
    }

    /// Moves the calling thread (a worker, as it starts) off the main
    /// thread's core.
    pub fn keep_worker_off_main(&self) {
        #[cfg(target_os = "linux")]
        {
            let _ = nix::sched::sched_setaffinity(nix::unistd::Pid::from_raw(0), &self.rest);
        }
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use nix::sched::{CpuSet, sched_getaffinity};
    use nix::unistd::Pid;

    #[test]
    fn rest_is_every_allowed_core_but_the_main_one() {
        let allowed = sched_getaffinity(Pid::from_raw(0)).unwrap();
        let n = (0..CpuSet::count())
            .filter(|&c| allowed.is_set(c).unwrap())
            .count();
        match Split::here() {
            None => assert_eq!(n, 1, "a split exists wherever two cores are allowed"),
            Some(s) => {
                assert!(allowed.is_set(s.main).unwrap());
                assert!(!s.rest.is_set(s.main).unwrap());
                for c in (0..CpuSet::count()).filter(|&c| c != s.main) {
                    assert_eq!(s.rest.is_set(c).unwrap(), allowed.is_set(c).unwrap());
                }
            }
        }
    }

    #[test]
    fn a_worker_kept_off_main_runs_elsewhere() {
        let Some(s) = Split::here() else {
            eprintln!("skipped: this process may use one core only");
            return;
        };
        let ran_on = std::thread::spawn(move || {
            s.keep_worker_off_main();
            nix::sched::sched_getcpu().unwrap()
        })
        .join()
        .unwrap();
        assert_ne!(ran_on, s.main);
    }
}
