//! FSRS-6, the spaced-repetition scheduler of Anki and the open-spaced-repetition libraries, as
//! its long-term scheduler: whole days only, no same-day learning steps (a review screen that
//! works by the device's day has no use for "again in ten minutes").
//!
//! A small port rather than the `rs-fsrs` crate: `rs-fsrs` 1.2.1 implements an earlier FSRS-5
//! (no linear damping of difficulty, no cap on the stability after a lapse), and brings chrono
//! and float formatting into the wasm; the measurements are in `docs/study-tools.md`.
//!
//! The formulas follow the reference implementations, py-fsrs (`fsrs/scheduler.py`) and ts-fsrs
//! (`packages/fsrs/src/algorithm.ts`, `impl/long_term_scheduler.ts`), with FSRS-6's default
//! parameters; the tests check them against those projects' published reference values.
//! See <https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm>.

use serde::{Deserialize, Serialize};

/// How well a review went. The app grades by its own check, never by asking the student (see
/// [`crate::core::review::grade`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Grade {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    fn value(self) -> f64 {
        f64::from(self as u8)
    }
}

/// What FSRS knows of an item's memory.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Memory {
    /// Days until the chance of recalling it falls to 90 %.
    pub stability: f64,
    /// 1 (easy) ..= 10 (hard).
    pub difficulty: f64,
}

/// The memory after a review and the days until the next one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scheduled {
    pub memory: Memory,
    /// Whole days, at least 1.
    pub interval: u32,
}

/// FSRS-6's default parameters (py-fsrs `DEFAULT_PARAMETERS`, ts-fsrs `default_w`).
pub const DEFAULT_WEIGHTS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];
/// The bounds of stability, in days.
const STABILITY_MIN: f64 = 0.001;
const STABILITY_MAX: f64 = 36_500.0;

/// The scheduler with its parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Fsrs {
    w: [f64; 21],
    /// The longest interval, in days.
    maximum_interval: u32,
    /// `-w[20]`: how the chance of recall falls with time.
    decay: f64,
    /// Chosen so that the chance of recall is 90 % after `stability` days.
    factor: f64,
    /// Stability × this = the interval at which recall is down to the desired retention.
    interval_modifier: f64,
}

impl Default for Fsrs {
    /// FSRS-6's default parameters, 90 % desired retention, intervals up to 100 years: the
    /// reference implementations' defaults.
    fn default() -> Self {
        Fsrs::new(DEFAULT_WEIGHTS, 0.9, 36_500)
    }
}

impl Fsrs {
    /// A scheduler aiming at `desired_retention` (0 < r ≤ 1) with intervals up to
    /// `maximum_interval` days.
    pub fn new(w: [f64; 21], desired_retention: f64, maximum_interval: u32) -> Self {
        let decay = -w[20];
        let factor = 0.9f64.powf(1.0 / decay) - 1.0;
        // Rounded to 8 places as ts-fsrs does, so that at 90 % it is exactly 1 and an interval
        // is the stability rounded, not 0.999… of it (which would round 2.5 down).
        let modifier = (desired_retention.powf(1.0 / decay) - 1.0) / factor;
        Fsrs {
            w,
            maximum_interval: maximum_interval.max(1),
            decay,
            factor,
            interval_modifier: (modifier * 1e8).round() / 1e8,
        }
    }

    /// FSRS-5 parameters (19) as FSRS-6 reads them: no short-term exponent, decay 0.5. Used to
    /// check the port against FSRS-5 reference values.
    pub fn from_fsrs5(w5: [f64; 19], desired_retention: f64, maximum_interval: u32) -> Self {
        let mut w = [0.0; 21];
        w[..19].copy_from_slice(&w5);
        w[19] = 0.0;
        w[20] = 0.5;
        Fsrs::new(w, desired_retention, maximum_interval)
    }

    /// The chance of recalling an item `elapsed_days` after its last review.
    pub fn retrievability(&self, elapsed_days: f64, stability: f64) -> f64 {
        (1.0 + self.factor * elapsed_days / stability).powf(self.decay)
    }

    fn initial_stability(&self, grade: Grade) -> f64 {
        self.w[grade as usize - 1].max(STABILITY_MIN)
    }

    /// Not clamped: the mean reversion aims at the unclamped value for Easy.
    fn initial_difficulty(&self, grade: Grade) -> f64 {
        self.w[4] - (self.w[5] * (grade.value() - 1.0)).exp() + 1.0
    }

    fn next_difficulty(&self, difficulty: f64, grade: Grade) -> f64 {
        let delta = -self.w[6] * (grade.value() - 3.0);
        // Linear damping: the closer to 10, the smaller the step up.
        let damped = difficulty + delta * (10.0 - difficulty) / 9.0;
        let reverted =
            self.w[7] * self.initial_difficulty(Grade::Easy) + (1.0 - self.w[7]) * damped;
        reverted.clamp(1.0, 10.0)
    }

    fn recall_stability(&self, memory: Memory, retrievability: f64, grade: Grade) -> f64 {
        let hard_penalty = if grade == Grade::Hard {
            self.w[15]
        } else {
            1.0
        };
        let easy_bonus = if grade == Grade::Easy {
            self.w[16]
        } else {
            1.0
        };
        let Memory {
            stability: s,
            difficulty: d,
        } = memory;
        let increase = self.w[8].exp()
            * (11.0 - d)
            * s.powf(-self.w[9])
            * (((1.0 - retrievability) * self.w[10]).exp() - 1.0)
            * hard_penalty
            * easy_bonus;
        (s * (1.0 + increase)).clamp(STABILITY_MIN, STABILITY_MAX)
    }

    fn forget_stability(&self, memory: Memory, retrievability: f64) -> f64 {
        let Memory {
            stability: s,
            difficulty: d,
        } = memory;
        let after = self.w[11]
            * d.powf(-self.w[12])
            * ((s + 1.0).powf(self.w[13]) - 1.0)
            * ((1.0 - retrievability) * self.w[14]).exp();
        let after = after.clamp(STABILITY_MIN, STABILITY_MAX);
        // Long-term: a lapse never raises stability (with short-term steps, the cap would be
        // s / e^(w17·w18); without them it is s itself).
        s.max(STABILITY_MIN).min(after)
    }

    /// The memory after reviewing with `grade`, `elapsed_days` after the last review (`None`:
    /// the first review).
    pub fn next_memory(&self, memory: Option<Memory>, elapsed_days: u32, grade: Grade) -> Memory {
        let Some(memory) = memory else {
            return Memory {
                stability: self.initial_stability(grade),
                difficulty: self.initial_difficulty(grade).clamp(1.0, 10.0),
            };
        };
        let retrievability = self.retrievability(f64::from(elapsed_days), memory.stability);
        let stability = match grade {
            Grade::Again => self.forget_stability(memory, retrievability),
            _ => self.recall_stability(memory, retrievability, grade),
        };
        Memory {
            stability,
            difficulty: self.next_difficulty(memory.difficulty, grade),
        }
    }

    /// Whole days until recall is down to the desired retention, at least 1.
    fn interval(&self, stability: f64) -> u32 {
        let days = (stability * self.interval_modifier).round();
        days.clamp(1.0, f64::from(self.maximum_interval)) as u32
    }

    /// A review: the new memory and the interval, as the long-term scheduler gives them. The
    /// four grades' intervals are kept in order (Again < Hard < Good < Easy, a day apart at
    /// least), so a better answer never comes back sooner.
    pub fn review(&self, memory: Option<Memory>, elapsed_days: u32, grade: Grade) -> Scheduled {
        let [again, hard, good, easy] =
            Grade::ALL.map(|g| self.interval(self.next_memory(memory, elapsed_days, g).stability));
        let again = again.min(hard);
        let hard = hard.max(again + 1);
        let good = good.max(hard + 1);
        let easy = easy.max(good + 1);
        Scheduled {
            memory: self.next_memory(memory, elapsed_days, grade),
            interval: match grade {
                Grade::Again => again,
                Grade::Hard => hard,
                Grade::Good => good,
                Grade::Easy => easy,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Grade::*;

    fn close(actual: f64, expected: f64, places: i32) -> bool {
        (actual - expected).abs() < 0.5 * 10f64.powi(-places)
    }

    /// Reviews `grades` in turn, each on the day the previous one scheduled, and returns the
    /// intervals, stabilities and difficulties after each.
    fn run(fsrs: &Fsrs, grades: &[Grade]) -> (Vec<u32>, Vec<f64>, Vec<f64>) {
        let mut memory = None;
        let mut elapsed = 0;
        let mut history = (Vec::new(), Vec::new(), Vec::new());
        for &grade in grades {
            let next = fsrs.review(memory, elapsed, grade);
            memory = Some(next.memory);
            elapsed = next.interval;
            history.0.push(next.interval);
            history.1.push(next.memory.stability);
            history.2.push(next.memory.difficulty);
        }
        history
    }

    /// Each value within `relative` of the expected one (relative to it, or absolute below 1).
    fn assert_all_close(actual: &[f64], expected: &[f64], relative: f64) {
        assert_eq!(actual.len(), expected.len());
        for (i, (a, e)) in actual.iter().zip(expected).enumerate() {
            let tolerance = relative * e.abs().max(1.0);
            assert!(
                (a - e).abs() <= tolerance,
                "#{i}: {a} is not {e}\n{actual:?}"
            );
        }
    }

    /// FSRS-6 with its default parameters, the memory state after Again, Good, Good, Good,
    /// Good, Good reviewed 0, 0, 1, 3, 8 and 21 days apart, long-term: from ts-fsrs,
    /// `packages/fsrs/__tests__/FSRS-6.test.ts`, "memory state[long-term]" (which cites
    /// fsrs-rs `src/inference.rs`): stability 53.335106, difficulty 6.3574867.
    #[test]
    fn fsrs6_default_memory_state_matches_the_reference() {
        let fsrs = Fsrs::default();
        let grades = [Again, Good, Good, Good, Good, Good];
        let days = [0, 0, 1, 3, 8, 21];
        let mut memory = None;
        for (grade, elapsed) in grades.into_iter().zip(days) {
            memory = Some(fsrs.next_memory(memory, elapsed, grade));
        }
        let memory = memory.unwrap();
        assert!(close(memory.stability, 53.335106, 4), "{memory:?}");
        assert!(close(memory.difficulty, 6.3574867, 4), "{memory:?}");
    }

    /// FSRS-6 defaults, first review with each grade: ts-fsrs `FSRS-6.test.ts`, "first repeat".
    #[test]
    fn fsrs6_default_first_review_matches_the_reference() {
        let fsrs = Fsrs::default();
        let first = Grade::ALL.map(|g| fsrs.next_memory(None, 0, g));
        assert_all_close(
            &first.map(|m| m.stability),
            &[0.212, 1.2931, 2.3065, 8.2956],
            1e-9,
        );
        assert_all_close(
            &first.map(|m| m.difficulty),
            &[6.4133, 5.11217071, 2.11810397, 1.0],
            1e-8,
        );
    }

    /// ts-fsrs `packages/fsrs/__tests__/impl/long-term_scheduler.test.ts`: the long-term
    /// scheduler with FSRS-5 parameters (read as FSRS-6 with decay 0.5), five sequences of
    /// grades, each reviewed on the day the previous review scheduled.
    const FSRS5_W: [f64; 19] = [
        0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597, 0.1712, 1.1178,
        2.0225, 0.0904, 0.3025, 2.1214, 0.2498, 2.9466, 0.4891, 0.6468,
    ];

    struct Reference {
        grades: &'static [Grade],
        intervals: &'static [u32],
        stability: &'static [f64],
        difficulty: &'static [f64],
    }

    const LONG_TERM_REFERENCES: [Reference; 5] = [
        Reference {
            grades: &[
                Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good,
            ],
            intervals: &[3, 13, 48, 155, 445, 1158, 17, 3, 11, 37, 112, 307, 773],
            stability: &[
                3.0412,
                13.09130698,
                48.15848988,
                154.93732625,
                445.05562739,
                1158.07779739,
                16.63063166,
                3.01732209,
                11.42247264,
                37.37521902,
                111.8752758,
                306.5974569,
                772.94026648,
            ],
            difficulty: &[
                4.49094334, 4.26664289, 4.05746029, 3.86237659, 3.68044154, 3.51076891, 4.69833071,
                5.55956298, 5.26323756, 4.98688448, 4.72915759, 4.4888015, 4.26464541,
            ],
        },
        Reference {
            grades: &[Again, Hard, Good, Easy, Again, Hard, Good, Easy],
            intervals: &[1, 2, 6, 41, 4, 7, 21, 133],
            stability: &[
                0.4197,
                1.0344317,
                5.5356759,
                41.0033667,
                4.46605519,
                6.67743292,
                20.88868155,
                132.81849454,
            ],
            difficulty: &[
                7.1434, 7.03653841, 6.64066485, 5.92312772, 6.44779861, 6.45995078, 6.10293922,
                5.36588547,
            ],
        },
        Reference {
            grades: &[Hard, Good, Easy, Again, Hard, Good, Easy, Again],
            intervals: &[2, 7, 54, 5, 8, 26, 171, 8],
            stability: &[
                1.1869,
                6.59167572,
                53.76078737,
                5.0853693,
                8.09786749,
                25.52991279,
                171.16195166,
                8.11072373,
            ],
            difficulty: &[
                6.23225985, 5.89059466, 5.14583392, 5.884097, 5.99269555, 5.667177, 4.91430736,
                5.71619151,
            ],
        },
        Reference {
            grades: &[Good, Easy, Again, Hard, Good, Easy, Again, Hard],
            intervals: &[3, 33, 4, 7, 26, 193, 9, 14],
            stability: &[
                3.0412,
                32.65484522,
                4.22256838,
                7.2325009,
                25.52681746,
                193.36618775,
                8.63899847,
                14.31323867,
            ],
            difficulty: &[
                4.49094334, 3.69538259, 4.83221448, 5.12078462, 4.85403286, 4.07165035, 5.1050878,
                5.34697075,
            ],
        },
        Reference {
            grades: &[Easy, Again, Hard, Good, Easy, Again, Hard, Good],
            intervals: &[15, 3, 6, 27, 240, 10, 17, 60],
            stability: &[
                15.2441,
                3.25621013,
                6.32684549,
                26.56339029,
                239.70462771,
                9.75621519,
                17.06035531,
                59.59547542,
            ],
            difficulty: &[
                1.16304343, 2.99573557, 3.59851762, 3.43436666, 2.60045771, 4.03816348, 4.46259158,
                4.24020203,
            ],
        },
    ];

    #[test]
    fn long_term_scheduler_matches_the_fsrs5_references() {
        let fsrs = Fsrs::from_fsrs5(FSRS5_W, 0.9, 36_500);
        for (i, reference) in LONG_TERM_REFERENCES.iter().enumerate() {
            let (intervals, stability, difficulty) = run(&fsrs, reference.grades);
            assert_eq!(intervals, reference.intervals, "sequence {i}");
            // ts-fsrs rounds its decay factor and every step to 8 places, which moves the 7th
            // significant figure after a dozen reviews; the intervals are exact.
            assert_all_close(&stability, reference.stability, 1e-6);
            assert_all_close(&difficulty, reference.difficulty, 1e-6);
        }
    }

    #[test]
    fn better_grades_never_come_back_sooner() {
        let fsrs = Fsrs::default();
        let mut memory = None;
        for elapsed in [0, 1, 2, 5, 30, 400] {
            let intervals = Grade::ALL.map(|g| fsrs.review(memory, elapsed, g).interval);
            assert!(intervals[0] >= 1, "{intervals:?}");
            assert!(intervals.windows(2).all(|w| w[0] < w[1]), "{intervals:?}");
            memory = Some(fsrs.review(memory, elapsed, Grade::Good).memory);
        }
    }

    #[test]
    fn a_missed_item_comes_back_the_next_day_and_then_further_out() {
        let fsrs = Fsrs::default();
        let missed = fsrs.review(None, 0, Again);
        assert_eq!(missed.interval, 1);
        let right = fsrs.review(Some(missed.memory), 1, Easy);
        assert!(right.interval > 1, "{right:?}");
        let again = fsrs.review(Some(right.memory), right.interval, Good);
        assert!(again.interval > right.interval, "{again:?}");
    }

    /// The long-term scheduler's cap: forgetting never makes an item more stable, even where
    /// the post-lapse formula alone would (tiny stability, long gap, lowest difficulty).
    #[test]
    fn a_lapse_never_raises_stability() {
        let fsrs = Fsrs::default();
        let mut capped = 0;
        for stability in [0.01, 0.05, 0.2, 1.0, 5.0, 40.0, 300.0] {
            for difficulty in [1.0, 3.0, 6.0, 10.0] {
                for elapsed in [0, 1, 7, 30, 365] {
                    let memory = Memory {
                        stability,
                        difficulty,
                    };
                    let next = fsrs.next_memory(Some(memory), elapsed, Again);
                    assert!(
                        next.stability <= stability,
                        "{memory:?} {elapsed}: {next:?}"
                    );
                    let retrievability = fsrs.retrievability(f64::from(elapsed), stability);
                    let w = &fsrs.w;
                    let uncapped = w[11]
                        * difficulty.powf(-w[12])
                        * ((stability + 1.0).powf(w[13]) - 1.0)
                        * ((1.0 - retrievability) * w[14]).exp();
                    capped += usize::from(uncapped > stability);
                }
            }
        }
        assert!(capped > 0, "the grid must reach the cap");
    }

    #[test]
    fn recall_falls_to_ninety_percent_after_the_stability() {
        let fsrs = Fsrs::default();
        assert!(close(fsrs.retrievability(0.0, 3.0), 1.0, 12));
        assert!(close(fsrs.retrievability(3.0, 3.0), 0.9, 12));
        assert!(fsrs.retrievability(10.0, 3.0) < 0.9);
    }

    #[test]
    fn intervals_stay_within_bounds() {
        let fsrs = Fsrs::new(DEFAULT_WEIGHTS, 0.9, 30);
        let mut memory = None;
        let mut elapsed = 0;
        for _ in 0..20 {
            let next = fsrs.review(memory, elapsed, Easy);
            assert!((1..=33).contains(&next.interval), "{next:?}");
            assert!(next.memory.difficulty >= 1.0 && next.memory.difficulty <= 10.0);
            memory = Some(next.memory);
            elapsed = next.interval;
        }
        for _ in 0..20 {
            let next = fsrs.review(memory, elapsed, Again);
            assert!(next.memory.stability >= STABILITY_MIN);
            assert!(next.memory.difficulty <= 10.0);
            memory = Some(next.memory);
            elapsed = next.interval;
        }
    }
}
