//! Lengths of time in words: a countdown's clock and the time a student spent.

/// "12:05" for 725 seconds; hours when there are any ("1:02:03"): the countdown's clock.
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// "12 min 5 s": time on task.
pub fn duration_text(seconds: u64) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_reads_naturally() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(725), "12:05");
        assert_eq!(clock(3723), "1:02:03");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_text(0), "0 s");
        assert_eq!(duration_text(45), "45 s");
        assert_eq!(duration_text(120), "2 min");
        assert_eq!(duration_text(725), "12 min 5 s");
    }
}
