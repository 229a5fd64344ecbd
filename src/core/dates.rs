//! Dates and times from milliseconds since the Unix epoch, worked out here rather than by the
//! browser so they are the same everywhere and tested on the host: the calendar date, the UTC
//! form files carry, and the local date and time shown to people (the platform supplies the
//! device's offset from UTC).

const MS_PER_MINUTE: f64 = 60_000.0;
pub const MS_PER_DAY: f64 = 86_400_000.0;
/// About ±270,000 years: keeps the date arithmetic far from overflow for any input.
const MAX_DAYS: i64 = 100_000_000;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The UTC (year, month, day) of a time in milliseconds since the Unix epoch. Times that are not
/// finite count as the epoch.
pub fn date_from_ms(ms: f64) -> (i64, u32, u32) {
    // `as` saturates, and turns NaN into 0.
    let days = (ms / MS_PER_DAY).floor() as i64;
    civil_from_days(days.clamp(-MAX_DAYS, MAX_DAYS))
}

/// The proleptic Gregorian (year, month, day) of a count of days since 1970-01-01: Howard
/// Hinnant's `civil_from_days` (<https://howardhinnant.github.io/date_algorithms.html>), which
/// counts in 400-year eras that start on 1 March, so the leap day falls at the end of a year.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468; // days since 0000-03-01
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097); // 0 ..= 146_096
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153; // 0 = March ..= 11 = February
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both are in range by construction (1 ..= 31, 1 ..= 12).
    (year, month as u32, day as u32)
}

/// Seconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ`, so a file reads the same in every
/// time zone.
pub fn iso_utc(seconds: u64) -> String {
    let (year, month, day) = date_from_ms(seconds as f64 * 1000.0);
    let rem = seconds % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// The local date, "1 Dec 2026", of a time, given the device's offset from UTC at that time in
/// minutes (east positive: +60 in Paris in winter).
pub fn date_text(ms: f64, offset_minutes: i32) -> String {
    let (year, month, day) = date_from_ms(local_ms(ms, offset_minutes));
    format!("{day} {} {year}", MONTHS[month as usize - 1])
}

/// The local date and time, "1 Dec 2026, 09:00" (24-hour clock), of a time, given the device's
/// offset from UTC then, as for [`date_text`].
pub fn date_time_text(ms: f64, offset_minutes: i32) -> String {
    // Whole minutes (`as` saturates, and NaN was made 0), in integers: no float remainder.
    let minutes = (local_ms(ms, offset_minutes) / MS_PER_MINUTE).floor() as i64;
    let of_day = minutes.rem_euclid(24 * 60);
    format!(
        "{}, {:02}:{:02}",
        date_text(ms, offset_minutes),
        of_day / 60,
        of_day % 60
    )
}

fn local_ms(ms: f64, offset_minutes: i32) -> f64 {
    let ms = if ms.is_finite() { ms } else { 0.0 };
    ms + f64::from(offset_minutes) * MS_PER_MINUTE
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOV_28: f64 = 1_764_288_000_000.0;

    #[test]
    fn dates_from_milliseconds() {
        assert_eq!(date_from_ms(0.0), (1970, 1, 1));
        assert_eq!(date_from_ms(-1.0), (1969, 12, 31));
        assert_eq!(date_from_ms(NOV_28), (2025, 11, 28));
        assert_eq!(date_from_ms(NOV_28 + MS_PER_DAY - 1.0), (2025, 11, 28));
        assert_eq!(date_from_ms(NOV_28 + MS_PER_DAY), (2025, 11, 29));
        // 2024 is a leap year; 2000 is too (divisible by 400), 2100 is not.
        assert_eq!(date_from_ms(1_709_164_800_000.0), (2024, 2, 29));
        assert_eq!(date_from_ms(1_709_251_200_000.0), (2024, 3, 1));
        assert_eq!(date_from_ms(951_782_400_000.0), (2000, 2, 29));
        assert_eq!(date_from_ms(4_107_542_400_000.0), (2100, 3, 1));
        assert_eq!(date_from_ms(4_107_456_000_000.0), (2100, 2, 28));
        assert_eq!(date_from_ms(253_402_300_799_000.0), (9999, 12, 31));
        for odd in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, -1e300] {
            let (_, month, day) = date_from_ms(odd);
            assert!((1..=12).contains(&month) && (1..=31).contains(&day));
        }
        assert_eq!(date_from_ms(f64::NAN), (1970, 1, 1));
    }

    /// Every day for 800 years follows the one before it on the calendar.
    #[test]
    fn days_follow_each_other() {
        let mut previous = civil_from_days(-200 * 365);
        for days in (-200 * 365 + 1)..(600 * 365) {
            let (y, m, d) = civil_from_days(days);
            let (py, pm, pd) = previous;
            let next_day = (y, m, d) == (py, pm, pd + 1);
            let next_month = (y, m, d) == (py, pm + 1, 1) && pd >= 28;
            let next_year = (y, m, d) == (py + 1, 1, 1) && (pm, pd) == (12, 31);
            assert!(
                next_day || next_month || next_year,
                "{previous:?} → {y}-{m}-{d}"
            );
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            if m == 3 && d == 1 {
                assert_eq!(pd, if leap { 29 } else { 28 }, "end of February {y}");
            }
            previous = (y, m, d);
        }
    }

    #[test]
    fn iso_dates_are_right() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso_utc(1_795_000_000), "2026-11-18T11:06:40Z");
    }

    #[test]
    fn local_dates_and_times_follow_the_offset() {
        // 2026-12-01T08:30:00Z.
        let at = 1_796_113_800_000.0;
        assert_eq!(date_time_text(at, 0), "1 Dec 2026, 08:30");
        assert_eq!(date_time_text(at, 60), "1 Dec 2026, 09:30");
        assert_eq!(date_time_text(at, 330), "1 Dec 2026, 14:00");
        // West of UTC it is still the evening before.
        assert_eq!(date_time_text(at, -600), "30 Nov 2026, 22:30");
        assert_eq!(date_text(at, -600), "30 Nov 2026");
        assert_eq!(date_text(0.0, 0), "1 Jan 1970");
        assert_eq!(date_time_text(f64::NAN, 0), "1 Jan 1970, 00:00");
        assert_eq!(date_text(951_782_400_000.0, 0), "29 Feb 2000");
    }
}
