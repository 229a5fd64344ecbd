//! Reading the browser run's samples, and turning them into the printed table and
//! `bench/results.json`.
//!
//! The samples file (written by `bench/run.mjs`) has one line per measurement series:
//! `subject<TAB>metric<TAB>value,value,…`; `meta<TAB>key<TAB>text` lines describe the run.

use super::stats::{growth_exponent, ratio, summarize, Summary};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Every series of the run, by subject and then metric.
#[derive(Debug, Default)]
pub struct Samples {
    pub meta: BTreeMap<String, String>,
    pub series: BTreeMap<String, BTreeMap<String, Vec<f64>>>,
}

pub fn parse(text: &str) -> Result<Samples, String> {
    let mut samples = Samples::default();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let (Some(subject), Some(metric), Some(values)) =
            (fields.next(), fields.next(), fields.next())
        else {
            return Err(format!(
                "line {}: expected three tab-separated fields",
                i + 1
            ));
        };
        if subject == "meta" {
            samples.meta.insert(metric.to_string(), values.to_string());
            continue;
        }
        let values = values
            .split(',')
            .filter(|v| !v.is_empty())
            .map(|v| {
                v.trim()
                    .parse::<f64>()
                    .map_err(|e| format!("line {}: `{v}`: {e}", i + 1))
            })
            .collect::<Result<Vec<_>, _>>()?;
        samples
            .series
            .entry(subject.to_string())
            .or_default()
            .entry(metric.to_string())
            .or_default()
            .extend(values);
    }
    Ok(samples)
}

impl Samples {
    pub fn summary(&self, subject: &str, metric: &str) -> Option<Summary> {
        summarize(self.series.get(subject)?.get(metric)?)
    }
}

/// Which figure of a series a row shows.
#[derive(Clone, Copy)]
pub enum Stat {
    Median,
    P95,
}

impl Stat {
    fn of(self, s: &Summary) -> f64 {
        match self {
            Stat::Median => s.median,
            Stat::P95 => s.p95,
        }
    }
}

/// One row of the main table: a label, the series, the figure and a unit divisor.
pub struct Row {
    pub label: &'static str,
    pub metric: &'static str,
    pub stat: Stat,
    /// `"KB"` divides by 1,000, `"ms"` shows milliseconds, `"MB"` divides by 1,000,000.
    pub unit: &'static str,
}

const fn row(label: &'static str, metric: &'static str, stat: Stat, unit: &'static str) -> Row {
    Row {
        label,
        metric,
        stat,
        unit,
    }
}

/// Lectern and the references it is compared with, in the table's column order.
pub const SUBJECTS: [&str; 4] = ["lectern", "static", "floor", "quizdown"];

pub const ROWS: &[Row] = &[
    row("cold load, brotli", "bytes.total.br", Stat::Median, "KB"),
    row("  wasm", "bytes.wasm.br", Stat::Median, "KB"),
    row("  JS", "bytes.js.br", Stat::Median, "KB"),
    row("  CSS", "bytes.css.br", Stat::Median, "KB"),
    row("  HTML", "bytes.html.br", Stat::Median, "KB"),
    row("  other", "bytes.other.br", Stat::Median, "KB"),
    row("cold load, gzip", "bytes.total.gz", Stat::Median, "KB"),
    row(
        "cold load, uncompressed",
        "bytes.total.raw",
        Stat::Median,
        "KB",
    ),
    row(
        "first question answerable, cold",
        "answerable.cold",
        Stat::Median,
        "ms",
    ),
    row(
        "first question answerable, warm",
        "answerable.warm",
        Stat::Median,
        "ms",
    ),
    row(
        "  cold, mobile throttling",
        "answerable.cold.throttled",
        Stat::Median,
        "ms",
    ),
    row(
        "  warm, mobile throttling",
        "answerable.warm.throttled",
        Stat::Median,
        "ms",
    ),
    row(
        "Check to feedback in DOM, p50",
        "check.feedback",
        Stat::Median,
        "ms",
    ),
    row(
        "Check to feedback in DOM, p95",
        "check.feedback",
        Stat::P95,
        "ms",
    ),
    row(
        "Check to next frame, p50",
        "check.frame",
        Stat::Median,
        "ms",
    ),
    row("Check to next frame, p95", "check.frame", Stat::P95, "ms"),
    row("save progress, 10 answered", "save.10", Stat::Median, "ms"),
    row(
        "save progress, 2,000 answered",
        "save.2000",
        Stat::Median,
        "ms",
    ),
    row("JS heap after load", "memory.js", Stat::Median, "MB"),
    row("wasm memory after load", "memory.wasm", Stat::Median, "MB"),
    row(
        "Lighthouse, section page: score",
        "lighthouse.section.score",
        Stat::Median,
        "/100",
    ),
    row(
        "  First Contentful Paint",
        "lighthouse.section.fcp",
        Stat::Median,
        "ms",
    ),
    row(
        "  Largest Contentful Paint",
        "lighthouse.section.lcp",
        Stat::Median,
        "ms",
    ),
    row(
        "  Total Blocking Time",
        "lighthouse.section.tbt",
        Stat::Median,
        "ms",
    ),
    row("  Speed Index", "lighthouse.section.si", Stat::Median, "ms"),
    row(
        "  Cumulative Layout Shift",
        "lighthouse.section.cls",
        Stat::Median,
        "",
    ),
    row(
        "  bytes transferred",
        "lighthouse.section.bytes",
        Stat::Median,
        "KB",
    ),
    row(
        "Lighthouse, start page: score",
        "lighthouse.start.score",
        Stat::Median,
        "/100",
    ),
    row(
        "  First Contentful Paint",
        "lighthouse.start.fcp",
        Stat::Median,
        "ms",
    ),
    row(
        "  Largest Contentful Paint",
        "lighthouse.start.lcp",
        Stat::Median,
        "ms",
    ),
    row(
        "  Total Blocking Time",
        "lighthouse.start.tbt",
        Stat::Median,
        "ms",
    ),
    row("  Speed Index", "lighthouse.start.si", Stat::Median, "ms"),
    row(
        "  Cumulative Layout Shift",
        "lighthouse.start.cls",
        Stat::Median,
        "",
    ),
    row(
        "  bytes transferred",
        "lighthouse.start.bytes",
        Stat::Median,
        "KB",
    ),
];

/// The scaling table's series, per generated reading.
pub const SCALE_METRICS: &[(&str, &str, &str)] = &[
    ("first question answerable, cold", "answerable.cold", "ms"),
    ("contents of the reading shown, cold", "overview.cold", "ms"),
    ("wasm, brotli", "bytes.wasm.br", "KB"),
    ("wasm memory after load", "memory.wasm", "MB"),
    ("JS heap after load", "memory.js", "MB"),
];

fn scaled(value: f64, unit: &str) -> f64 {
    match unit {
        "KB" => value / 1_000.0,
        "MB" => value / 1_000_000.0,
        _ => value,
    }
}

fn number(value: f64) -> String {
    if value.abs() >= 100.0 {
        format!("{value:.0}")
    } else if value.abs() >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}

/// A cell: the figure, and for repeated medians the middle half of the runs (p25–p75).
fn cell(summary: Option<&Summary>, stat: Stat, unit: &str) -> String {
    let Some(s) = summary else {
        return "—".to_string();
    };
    let value = number(scaled(stat.of(s), unit));
    if matches!(stat, Stat::Median) && s.n > 1 && s.p75 > s.p25 {
        format!(
            "{value} ({}–{})",
            number(scaled(s.p25, unit)),
            number(scaled(s.p75, unit))
        )
    } else {
        value
    }
}

fn times(value: Option<f64>) -> String {
    value.map_or("—".to_string(), |v| format!("{}×", number(v)))
}

/// The scaling sizes present in the run (subjects `lectern-<sections>`), smallest first.
pub fn scale_sizes(samples: &Samples) -> Vec<usize> {
    let mut sizes: Vec<usize> = samples
        .series
        .keys()
        .filter_map(|s| s.strip_prefix("lectern-")?.parse().ok())
        .collect();
    sizes.sort_unstable();
    sizes
}

fn pad_table(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            let pad = widths[c] - text.chars().count();
            if c == 0 {
                let _ = write!(out, "{text}{}", " ".repeat(pad));
            } else {
                let _ = write!(out, "  {}{text}", " ".repeat(pad));
            }
        }
        out.push('\n');
        if i == 0 {
            let total: usize = widths.iter().sum::<usize>() + 2 * (columns.saturating_sub(1));
            out.push_str(&"-".repeat(total));
            out.push('\n');
        }
    }
    out
}

/// The printed tables: Lectern against every reference, then the scaling runs.
pub fn table(samples: &Samples) -> String {
    let mut rows = vec![vec![
        "median (p25–p75)".to_string(),
        "unit".to_string(),
        "Lectern".to_string(),
        "static page".to_string(),
        "Leptos floor".to_string(),
        "quizdown".to_string(),
        "× static".to_string(),
        "× floor".to_string(),
        "× quizdown".to_string(),
    ]];
    for r in ROWS {
        let ours = samples.summary("lectern", r.metric);
        if ours.is_none()
            && SUBJECTS
                .iter()
                .all(|s| samples.summary(s, r.metric).is_none())
        {
            continue;
        }
        let figure = |subject: &str| samples.summary(subject, r.metric).map(|s| r.stat.of(&s));
        let mut line = vec![r.label.to_string(), r.unit.to_string()];
        for subject in SUBJECTS {
            line.push(cell(
                samples.summary(subject, r.metric).as_ref(),
                r.stat,
                r.unit,
            ));
        }
        for reference in &SUBJECTS[1..] {
            line.push(times(ratio(figure("lectern"), figure(reference))));
        }
        rows.push(line);
    }
    let mut out = pad_table(&rows);

    let sizes = scale_sizes(samples);
    if !sizes.is_empty() {
        let mut header = vec!["generated reading (median)".to_string(), "unit".to_string()];
        header.extend(sizes.iter().map(|n| format!("{n} sections")));
        header.push("growth k (cost ∝ size^k)".to_string());
        let mut rows = vec![header];
        for (label, metric, unit) in SCALE_METRICS {
            let medians: Vec<Option<f64>> = sizes
                .iter()
                .map(|n| {
                    samples
                        .summary(&format!("lectern-{n}"), metric)
                        .map(|s| s.median)
                })
                .collect();
            if medians.iter().all(Option::is_none) {
                continue;
            }
            let mut line = vec![label.to_string(), unit.to_string()];
            line.extend(
                medians
                    .iter()
                    .map(|m| m.map_or("—".into(), |v| number(scaled(v, unit)))),
            );
            let points: Vec<(f64, f64)> = sizes
                .iter()
                .zip(&medians)
                .filter_map(|(n, m)| Some((*n as f64, (*m)?)))
                .collect();
            line.push(growth_exponent(&points).map_or("—".into(), |k| format!("{k:.2}")));
            rows.push(line);
        }
        out.push('\n');
        out.push_str(&pad_table(&rows));
    }
    out
}

fn json_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_number(value: f64) -> String {
    if value.is_finite() {
        let rounded = (value * 1000.0).round() / 1000.0;
        format!("{rounded}")
    } else {
        "null".to_string()
    }
}

/// `bench/results.json`: the run's description, every series' summary, and the table's text.
pub fn results_json(samples: &Samples, table: &str) -> String {
    let mut out = String::from("{\n  \"meta\": {");
    let meta: Vec<String> = samples
        .meta
        .iter()
        .map(|(k, v)| format!("\n    {}: {}", json_string(k), json_string(v)))
        .collect();
    out.push_str(&meta.join(","));
    out.push_str("\n  },\n  \"series\": {");
    let mut subjects = Vec::new();
    for (subject, metrics) in &samples.series {
        let mut lines = Vec::new();
        for (metric, values) in metrics {
            let Some(s) = summarize(values) else { continue };
            lines.push(format!(
                "\n      {}: {{ \"n\": {}, \"median\": {}, \"p25\": {}, \"p75\": {}, \"p95\": {}, \"min\": {}, \"max\": {} }}",
                json_string(metric),
                s.n,
                json_number(s.median),
                json_number(s.p25),
                json_number(s.p75),
                json_number(s.p95),
                json_number(s.min),
                json_number(s.max),
            ));
        }
        subjects.push(format!(
            "\n    {}: {{{}\n    }}",
            json_string(subject),
            lines.join(",")
        ));
    }
    out.push_str(&subjects.join(","));
    out.push_str("\n  },\n  \"table\": [");
    let lines: Vec<String> = table
        .lines()
        .map(|l| format!("\n    {}", json_string(l)))
        .collect();
    out.push_str(&lines.join(","));
    out.push_str("\n  ]\n}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUN: &str = "# a run\n\
        meta\tdate\t2026-11-28\n\
        lectern\tbytes.total.br\t120000\n\
        static\tbytes.total.br\t10000\n\
        quizdown\tbytes.total.br\t60000\n\
        floor\tbytes.total.br\t100000\n\
        lectern\tanswerable.cold\t300,100,200\n\
        static\tanswerable.cold\t50,50,50\n\
        lectern-10\tanswerable.cold\t100,100\n\
        lectern-1000\tanswerable.cold\t1000\n";

    #[test]
    fn parses_series_and_meta() {
        let samples = parse(RUN).unwrap();
        assert_eq!(samples.meta["date"], "2026-11-28");
        assert_eq!(
            samples.series["lectern"]["answerable.cold"],
            vec![300.0, 100.0, 200.0]
        );
        assert_eq!(
            samples
                .summary("lectern", "answerable.cold")
                .unwrap()
                .median,
            200.0
        );
        assert_eq!(scale_sizes(&samples), vec![10, 1000]);
    }

    #[test]
    fn refuses_a_broken_line() {
        assert!(parse("lectern\tx").unwrap_err().contains("line 1"));
        assert!(parse("lectern\tx\t1,zz").unwrap_err().contains("`zz`"));
    }

    #[test]
    fn the_table_shows_ratios_to_every_reference() {
        let text = table(&parse(RUN).unwrap());
        let bytes = text
            .lines()
            .find(|l| l.starts_with("cold load, brotli"))
            .unwrap();
        assert!(bytes.contains("120"), "{bytes}");
        assert!(bytes.contains("12.0×"), "{bytes}");
        assert!(bytes.contains("2.00×"), "{bytes}");
        assert!(bytes.contains("1.20×"), "to the floor: {bytes}");
        let header = text.lines().next().unwrap();
        assert!(
            header.find("× static") < header.find("× floor")
                && header.find("× floor") < header.find("× quizdown"),
            "{header}"
        );
        let cold = text
            .lines()
            .find(|l| l.starts_with("first question answerable, cold"))
            .unwrap();
        assert!(cold.contains("200 (150–250)"), "{cold}");
        assert!(cold.contains("4.00×"), "{cold}");
        assert!(cold.ends_with('—'), "no quizdown figure: {cold}");
        assert!(
            !text.contains("save progress"),
            "rows without figures are left out"
        );
        // 10 sections: 100 ms, 1,000 sections: 1,000 ms, so cost ∝ size^0.5.
        let growth = text
            .lines()
            .filter(|l| l.starts_with("first question answerable, cold"))
            .nth(1);
        assert!(
            growth.is_some_and(|l| l.trim_end().ends_with("0.50")),
            "{text}"
        );
    }

    #[test]
    fn lighthouse_rows_compare_the_section_page_with_every_reference() {
        let run = "lectern\tlighthouse.section.score\t87,88,86\n\
            lectern\tlighthouse.section.lcp\t2600,2700,2500\n\
            lectern\tlighthouse.section.cls\t0,0,0\n\
            quizdown\tlighthouse.section.score\t99,99,99\n\
            quizdown\tlighthouse.section.lcp\t1570,1600,1500\n\
            quizdown\tlighthouse.section.cls\t0,0,0\n\
            floor\tlighthouse.start.score\t90\n";
        let text = table(&parse(run).unwrap());
        let row = |label: &str| {
            text.lines()
                .find(|l| l.starts_with(label))
                .unwrap_or_else(|| panic!("no {label} in\n{text}"))
                .to_string()
        };
        let score = row("Lighthouse, section page: score");
        assert!(score.contains("/100") && score.contains("87"), "{score}");
        assert!(score.contains("0.88×"), "87 / 99: {score}");
        let lcp = row("  Largest Contentful Paint");
        assert!(
            lcp.contains("2600 (2550–2650)") && lcp.contains("1.66×"),
            "{lcp}"
        );
        // A layout shift of 0 against 0 has no ratio, and shows as 0.
        let cls = row("  Cumulative Layout Shift");
        assert!(
            cls.contains("0.00") && cls.trim_end().ends_with('—'),
            "{cls}"
        );
        assert!(text.contains("Lighthouse, start page: score"), "{text}");
    }

    #[test]
    fn results_are_json_with_every_series() {
        let samples = parse(RUN).unwrap();
        let json = results_json(&samples, "a \"quoted\"\ttable");
        assert!(json.contains("\"date\": \"2026-11-28\""));
        assert!(json.contains("\"answerable.cold\": { \"n\": 3, \"median\": 200,"));
        assert!(json.contains("\"a \\\"quoted\\\"\\ttable\""));
        assert_eq!(json.matches('{').count(), json.matches('}').count());
    }
}
