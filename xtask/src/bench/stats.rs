//! Summaries of repeated measurements: median, percentiles and spread. Timings are noisy on a
//! shared machine, so the report uses medians and shows how far the runs spread.

/// What a list of samples comes to.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub n: usize,
    pub min: f64,
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
    pub p95: f64,
    pub max: f64,
}

/// The `p`th percentile (0–100) of sorted samples, interpolating linearly between the two
/// nearest ranks (the method of numpy's default and of most spreadsheets).
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    assert!(!sorted.is_empty(), "percentile of no samples");
    let rank = (p / 100.0).clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let low = rank.floor() as usize;
    let high = rank.ceil() as usize;
    sorted[low] + (sorted[high] - sorted[low]) * (rank - low as f64)
}

/// Summarises samples; `None` when there are none (or any is not a number).
pub fn summarize(samples: &[f64]) -> Option<Summary> {
    if samples.is_empty() || samples.iter().any(|s| !s.is_finite()) {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    Some(Summary {
        n: sorted.len(),
        min: sorted[0],
        p25: percentile(&sorted, 25.0),
        median: percentile(&sorted, 50.0),
        p75: percentile(&sorted, 75.0),
        p95: percentile(&sorted, 95.0),
        max: sorted[sorted.len() - 1],
    })
}

/// How many times `ours` is `theirs` (`None` when either is missing or theirs is zero).
pub fn ratio(ours: Option<f64>, theirs: Option<f64>) -> Option<f64> {
    match (ours, theirs) {
        (Some(a), Some(b)) if b != 0.0 => Some(a / b),
        _ => None,
    }
}

/// The exponent `k` in cost ∝ size^k fitted through the first and last points (log–log slope):
/// 1 is linear growth, below 1 is better than linear.
pub fn growth_exponent(points: &[(f64, f64)]) -> Option<f64> {
    let (first, last) = (points.first()?, points.last()?);
    if points.len() < 2 || first.0 <= 0.0 || last.0 <= first.0 || first.1 <= 0.0 || last.1 <= 0.0 {
        return None;
    }
    Some((last.1 / first.1).ln() / (last.0 / first.0).ln())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(summarize(&[5.0, 1.0, 3.0]).unwrap().median, 3.0);
        assert_eq!(summarize(&[4.0, 1.0, 3.0, 2.0]).unwrap().median, 2.5);
    }

    #[test]
    fn percentiles_interpolate_between_ranks() {
        let samples: Vec<f64> = (1..=100).map(f64::from).collect();
        let s = summarize(&samples).unwrap();
        assert_eq!((s.min, s.max, s.n), (1.0, 100.0, 100));
        assert!((s.p95 - 95.05).abs() < 1e-9, "{}", s.p95);
        assert!((s.p25 - 25.75).abs() < 1e-9, "{}", s.p25);
        assert_eq!(summarize(&[7.0]).unwrap().p95, 7.0);
    }

    #[test]
    fn nothing_to_summarise() {
        assert_eq!(summarize(&[]), None);
        assert_eq!(summarize(&[1.0, f64::NAN]), None);
    }

    #[test]
    fn ratios_and_growth() {
        assert_eq!(ratio(Some(6.0), Some(2.0)), Some(3.0));
        assert_eq!(ratio(Some(6.0), Some(0.0)), None);
        assert_eq!(ratio(None, Some(2.0)), None);
        let linear = growth_exponent(&[(10.0, 5.0), (100.0, 50.0), (1000.0, 500.0)]).unwrap();
        assert!((linear - 1.0).abs() < 1e-9);
        let flat = growth_exponent(&[(10.0, 5.0), (1000.0, 5.0)]).unwrap();
        assert!(flat.abs() < 1e-9);
        assert_eq!(growth_exponent(&[(10.0, 5.0)]), None);
    }
}
