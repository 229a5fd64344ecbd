//! Reading-comfort settings: how a student likes to read, kept with their profile's progress
//! (`Progress::settings`). Pure data; `crate::app` applies them to the page as attributes of the
//! root element, which the style sheet reads, and the read-aloud player reads the speed.
//!
//! Every field is optional in the stored JSON and an unknown value reads as the default, field
//! by field, so files written before a setting existed, or by a newer version, stay readable.
//! Fields added after the first two are left out of the JSON while they hold their default, so
//! older files are written back byte for byte the same.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default, deserialize_with = "or_default")]
    pub theme: Theme,
    #[serde(default, deserialize_with = "or_default")]
    pub text_size: TextSize,
    #[serde(
        default,
        deserialize_with = "or_default",
        skip_serializing_if = "is_default"
    )]
    pub line_spacing: LineSpacing,
    /// Extra letter and word spacing and a plainer, more legible font.
    #[serde(
        default,
        deserialize_with = "or_default",
        skip_serializing_if = "is_default"
    )]
    pub easy_letters: bool,
    #[serde(
        default,
        deserialize_with = "or_default",
        skip_serializing_if = "is_default"
    )]
    pub read_aloud_speed: ReadAloudSpeed,
    /// The most reviews a day (since progress version 2).
    #[serde(
        default,
        deserialize_with = "or_default",
        skip_serializing_if = "is_default"
    )]
    pub reviews_per_day: ReviewsPerDay,
}

impl Settings {
    pub fn is_default(&self) -> bool {
        *self == Settings::default()
    }

    /// The root element's attributes the style sheet reads for these settings, each with its
    /// value, or `None` for an attribute to remove.
    pub fn root_attributes(&self) -> [(&'static str, Option<&'static str>); 4] {
        [
            ("data-theme", Some(self.theme.key())),
            ("data-text-size", Some(self.text_size.key())),
            ("data-line-spacing", Some(self.line_spacing.key())),
            ("data-easy-letters", self.easy_letters.then_some("on")),
        ]
    }

    /// The attributes set, as the JSON object the page's first script applies before the first
    /// paint (`FIRST_PAINT_KEY`, index.html), so a page opens in the student's theme and text
    /// size before the app has started.
    pub fn first_paint_json(&self) -> String {
        let set: std::collections::BTreeMap<&str, &str> = self
            .root_attributes()
            .into_iter()
            .filter_map(|(name, value)| Some((name, value?)))
            .collect();
        serde_json::to_string(&set).expect("a map of strings always serializes")
    }
}

/// Where the current profile's root attributes are kept for the page's first script. The
/// progress stays the only record of the settings: this is a copy, rewritten whenever they
/// change and at every start.
pub const FIRST_PAINT_KEY: &str = "lectern:first-paint";

/// One setting with a fixed set of choices, each with a stable key (stored, and used as the
/// root element's attribute value) and a label for the student.
pub trait SettingChoice: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn key(self) -> &'static str;
    fn label(self) -> &'static str;

    /// The choice with this key, if there is one.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    /// Follow the device's light or dark setting.
    #[default]
    System,
    Light,
    Dark,
}

impl SettingChoice for Theme {
    const ALL: &'static [Theme] = &[Theme::System, Theme::Light, Theme::Dark];

    fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Theme::System => "Same as this device",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// The size of all text: the root font size, which every other size follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
    Largest,
}

impl SettingChoice for TextSize {
    const ALL: &'static [TextSize] = &[
        TextSize::Normal,
        TextSize::Large,
        TextSize::Larger,
        TextSize::Largest,
    ];

    fn key(self) -> &'static str {
        match self {
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Larger => "larger",
            TextSize::Largest => "largest",
        }
    }

    fn label(self) -> &'static str {
        match self {
            TextSize::Normal => "Normal",
            TextSize::Large => "Large",
            TextSize::Larger => "Larger",
            TextSize::Largest => "Largest",
        }
    }
}

/// The space between lines of the text and the questions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineSpacing {
    #[default]
    Normal,
    Wide,
    Wider,
}

impl SettingChoice for LineSpacing {
    const ALL: &'static [LineSpacing] =
        &[LineSpacing::Normal, LineSpacing::Wide, LineSpacing::Wider];

    fn key(self) -> &'static str {
        match self {
            LineSpacing::Normal => "normal",
            LineSpacing::Wide => "wide",
            LineSpacing::Wider => "wider",
        }
    }

    fn label(self) -> &'static str {
        match self {
            LineSpacing::Normal => "Normal",
            LineSpacing::Wide => "Wide",
            LineSpacing::Wider => "Wider",
        }
    }
}

/// How fast "Read aloud" speaks, as the speech rate the browser takes (1 is the voice's own).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReadAloudSpeed {
    Slowest,
    Slower,
    #[default]
    Normal,
    Faster,
}

impl ReadAloudSpeed {
    /// The `rate` of a speech utterance.
    pub fn rate(self) -> f32 {
        match self {
            ReadAloudSpeed::Slowest => 0.6,
            ReadAloudSpeed::Slower => 0.8,
            ReadAloudSpeed::Normal => 1.0,
            ReadAloudSpeed::Faster => 1.25,
        }
    }
}

impl SettingChoice for ReadAloudSpeed {
    const ALL: &'static [ReadAloudSpeed] = &[
        ReadAloudSpeed::Slowest,
        ReadAloudSpeed::Slower,
        ReadAloudSpeed::Normal,
        ReadAloudSpeed::Faster,
    ];

    fn key(self) -> &'static str {
        match self {
            ReadAloudSpeed::Slowest => "slowest",
            ReadAloudSpeed::Slower => "slower",
            ReadAloudSpeed::Normal => "normal",
            ReadAloudSpeed::Faster => "faster",
        }
    }

    fn label(self) -> &'static str {
        match self {
            ReadAloudSpeed::Slowest => "Slowest",
            ReadAloudSpeed::Slower => "Slower",
            ReadAloudSpeed::Normal => "Normal",
            ReadAloudSpeed::Faster => "Faster",
        }
    }
}

/// The daily cap on reviews ([`crate::core::review`]), so that a student back after weeks away
/// gets a sensible number, not every item that fell due meanwhile.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewsPerDay {
    #[serde(rename = "10")]
    Ten,
    #[default]
    #[serde(rename = "20")]
    Twenty,
    #[serde(rename = "30")]
    Thirty,
    #[serde(rename = "50")]
    Fifty,
}

impl ReviewsPerDay {
    pub fn count(self) -> usize {
        match self {
            ReviewsPerDay::Ten => 10,
            ReviewsPerDay::Twenty => 20,
            ReviewsPerDay::Thirty => 30,
            ReviewsPerDay::Fifty => 50,
        }
    }
}

impl SettingChoice for ReviewsPerDay {
    const ALL: &'static [ReviewsPerDay] = &[
        ReviewsPerDay::Ten,
        ReviewsPerDay::Twenty,
        ReviewsPerDay::Thirty,
        ReviewsPerDay::Fifty,
    ];

    fn key(self) -> &'static str {
        match self {
            ReviewsPerDay::Ten => "10",
            ReviewsPerDay::Twenty => "20",
            ReviewsPerDay::Thirty => "30",
            ReviewsPerDay::Fifty => "50",
        }
    }

    fn label(self) -> &'static str {
        match self {
            ReviewsPerDay::Ten => "10 a day",
            ReviewsPerDay::Twenty => "20 a day",
            ReviewsPerDay::Thirty => "30 a day",
            ReviewsPerDay::Fifty => "50 a day",
        }
    }
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A setting written by a newer version (a theme this one does not know) reads as the default
/// instead of making the whole progress unreadable. Highlights' colours read the same way.
pub(crate) fn or_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(crate::core::limits::lenient(deserializer)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    #[test]
    fn index_html_applies_the_copy_under_its_key() {
        let index = include_str!("../../index.html");
        let read = format!("localStorage.getItem('{}')", super::FIRST_PAINT_KEY);
        assert!(
            index.contains(&read),
            "index.html's first script must read {read}"
        );
        // It sets only attributes whose names the copy can hold.
        for (name, _) in super::Settings::default().root_attributes() {
            assert!(
                name.starts_with("data-")
                    && name[5..]
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c == '-')
            );
        }
    }

    #[test]
    fn the_first_paint_copy_holds_every_attribute_set_and_none_removed() {
        assert_eq!(
            super::Settings::default().first_paint_json(),
            r#"{"data-line-spacing":"normal","data-text-size":"normal","data-theme":"system"}"#
        );
        let chosen = super::Settings {
            theme: super::Theme::Dark,
            text_size: super::TextSize::Largest,
            line_spacing: super::LineSpacing::Wider,
            easy_letters: true,
            ..Default::default()
        };
        assert_eq!(
            chosen.first_paint_json(),
            r#"{"data-easy-letters":"on","data-line-spacing":"wider","data-text-size":"largest","data-theme":"dark"}"#
        );
    }

    use super::*;

    fn read(json: &str) -> Settings {
        serde_json::from_str(json).expect("settings always read")
    }

    #[test]
    fn absent_fields_read_as_defaults() {
        assert_eq!(read("{}"), Settings::default());
        let s = read(r#"{"theme":"dark","text_size":"larger"}"#);
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.text_size, TextSize::Larger);
        assert_eq!(s.line_spacing, LineSpacing::Normal);
        assert!(!s.easy_letters);
        assert_eq!(s.read_aloud_speed, ReadAloudSpeed::Normal);
    }

    #[test]
    fn unknown_values_read_as_defaults_field_by_field() {
        let s = read(
            r#"{"theme":"sepia","text_size":"huge","line_spacing":"double","easy_letters":"yes","read_aloud_speed":9,"new_thing":1}"#,
        );
        assert_eq!(s, Settings::default());
        let s = read(
            r#"{"line_spacing":"wider","easy_letters":true,"read_aloud_speed":"slower","theme":7}"#,
        );
        assert_eq!(s.theme, Theme::System);
        assert_eq!(s.line_spacing, LineSpacing::Wider);
        assert!(s.easy_letters);
        assert_eq!(s.read_aloud_speed, ReadAloudSpeed::Slower);
    }

    #[test]
    fn new_fields_are_left_out_while_default() {
        let s = Settings {
            theme: Theme::Dark,
            ..Settings::default()
        };
        // Exactly what the version before these fields wrote.
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"theme":"dark","text_size":"normal"}"#
        );
        let s = Settings {
            line_spacing: LineSpacing::Wide,
            easy_letters: true,
            read_aloud_speed: ReadAloudSpeed::Faster,
            ..Settings::default()
        };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"theme":"system","text_size":"normal","line_spacing":"wide","easy_letters":true,"read_aloud_speed":"faster"}"#
        );
        assert_eq!(read(&json), s);
    }

    /// Keys are stored and used by the style sheet: they must be unique and round-trip.
    #[test]
    fn keys_are_unique_and_round_trip() {
        fn check<T: SettingChoice + std::fmt::Debug>() {
            let keys: std::collections::BTreeSet<_> = T::ALL.iter().map(|c| c.key()).collect();
            assert_eq!(keys.len(), T::ALL.len());
            for &c in T::ALL {
                assert_eq!(T::from_key(c.key()), Some(c));
                assert!(!c.label().is_empty());
            }
            assert_eq!(T::from_key("no-such-key"), None);
        }
        check::<Theme>();
        check::<TextSize>();
        check::<LineSpacing>();
        check::<ReadAloudSpeed>();
        check::<ReviewsPerDay>();
        for &c in ReviewsPerDay::ALL {
            assert_eq!(c.key(), c.count().to_string(), "the key is the number");
        }
    }

    #[test]
    fn reviews_per_day_reads_and_defaults() {
        assert_eq!(read("{}").reviews_per_day.count(), 20);
        assert_eq!(
            read(r#"{"reviews_per_day":"50"}"#).reviews_per_day,
            ReviewsPerDay::Fifty
        );
        assert_eq!(
            read(r#"{"reviews_per_day":"7"}"#).reviews_per_day,
            ReviewsPerDay::Twenty
        );
        let s = Settings {
            reviews_per_day: ReviewsPerDay::Ten,
            ..Settings::default()
        };
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.ends_with(r#""reviews_per_day":"10"}"#), "{json}");
        assert_eq!(read(&json), s);
    }

    #[test]
    fn speeds_get_faster_in_order() {
        let rates: Vec<f32> = ReadAloudSpeed::ALL.iter().map(|s| s.rate()).collect();
        assert!(rates.windows(2).all(|w| w[0] < w[1]), "{rates:?}");
        assert_eq!(ReadAloudSpeed::default().rate(), 1.0);
    }
}
