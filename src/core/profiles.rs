//! Who is studying: named profiles on a shared device, each with its own progress (stored under
//! its own key). No passwords: profiles keep classmates' answers apart, they do not lock them.
//!
//! The list is stored as JSON with a `version` field. The first profile has the id `default`,
//! whose progress key is the one Lectern used before profiles existed, so nothing moves.

use crate::core::slug::slug;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 40;

/// Why a change to the profiles was refused. Each displays as a message for the student.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileError {
    /// The name is empty (or only spaces).
    NoName,
    /// The name is longer than [`MAX_NAME_CHARS`].
    TooLong,
    /// Another profile has this name (in any capitals).
    Taken(String),
    /// No profile has this id.
    NoSuchProfile,
    /// The last profile cannot be removed.
    LastProfile,
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileError::NoName => write!(f, "Type a name."),
            ProfileError::TooLong => write!(f, "Use at most {MAX_NAME_CHARS} characters."),
            ProfileError::Taken(name) => write!(f, "There is already someone called {name} here."),
            ProfileError::NoSuchProfile => write!(f, "There is no such profile."),
            ProfileError::LastProfile => write!(f, "The last profile cannot be removed."),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Stable; names the storage key of the profile's progress.
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profiles {
    pub version: u32,
    /// The id of the profile studying now.
    pub current: String,
    pub list: Vec<Profile>,
}

impl Default for Profiles {
    fn default() -> Self {
        Profiles {
            version: Self::VERSION,
            current: Self::DEFAULT_ID.into(),
            list: vec![Profile {
                id: Self::DEFAULT_ID.into(),
                name: Self::DEFAULT_NAME.into(),
            }],
        }
    }
}

impl Profiles {
    pub const VERSION: u32 = 1;
    pub const DEFAULT_ID: &'static str = "default";
    pub const DEFAULT_NAME: &'static str = "Me";

    /// The local-storage key of a profile's progress.
    pub fn progress_key(id: &str) -> String {
        format!("lectern:progress:{id}")
    }

    /// The local-storage key of what changed in a profile's progress since it was last written
    /// whole ([`crate::core::journal`]).
    pub fn changes_key(id: &str) -> String {
        format!("lectern:changes:{id}")
    }

    pub fn current(&self) -> &Profile {
        self.list
            .iter()
            .find(|p| p.id == self.current)
            .unwrap_or(&self.list[0])
    }

    /// Adds a profile and makes it current; returns its id.
    pub fn add(&mut self, name: &str) -> Result<String, ProfileError> {
        let name = valid_name(name, self, None)?;
        let base = id_from_name(&name);
        let mut id = base.clone();
        let mut n = 2;
        while self.list.iter().any(|p| p.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.list.push(Profile {
            id: id.clone(),
            name,
        });
        self.current = id.clone();
        Ok(id)
    }

    pub fn rename(&mut self, id: &str, name: &str) -> Result<(), ProfileError> {
        let name = valid_name(name, self, Some(id))?;
        let profile = self
            .list
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(ProfileError::NoSuchProfile)?;
        profile.name = name;
        Ok(())
    }

    pub fn switch_to(&mut self, id: &str) -> Result<(), ProfileError> {
        if !self.list.iter().any(|p| p.id == id) {
            return Err(ProfileError::NoSuchProfile);
        }
        self.current = id.to_string();
        Ok(())
    }

    /// Removes a profile from the list (its progress is the caller's to delete). The last
    /// profile cannot be removed; removing the current one makes the first remaining current.
    pub fn remove(&mut self, id: &str) -> Result<(), ProfileError> {
        if self.list.len() == 1 {
            return Err(ProfileError::LastProfile);
        }
        let before = self.list.len();
        self.list.retain(|p| p.id != id);
        if self.list.len() == before {
            return Err(ProfileError::NoSuchProfile);
        }
        if self.current == id {
            self.current = self.list[0].id.clone();
        }
        Ok(())
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("profiles always serialize")
    }

    /// Reads the stored list; anything unreadable or inconsistent gives `None`, and the caller
    /// keeps the default list without writing over the stored text until a change is made.
    pub fn from_json(text: &str) -> Option<Profiles> {
        let profiles: Profiles = serde_json::from_str(text).ok()?;
        let consistent = profiles.version <= Self::VERSION
            && !profiles.list.is_empty()
            && profiles.list.iter().all(|p| !p.id.is_empty());
        consistent.then_some(profiles)
    }
}

/// A trimmed name of 1 to MAX_NAME_CHARS characters, not used by another profile.
fn valid_name(
    name: &str,
    profiles: &Profiles,
    except: Option<&str>,
) -> Result<String, ProfileError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(ProfileError::NoName);
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(ProfileError::TooLong);
    }
    let taken = profiles
        .list
        .iter()
        .any(|p| Some(p.id.as_str()) != except && p.name.to_lowercase() == name.to_lowercase());
    if taken {
        return Err(ProfileError::Taken(name));
    }
    Ok(name)
}

/// A new profile's id from its name: its slug ("p" when it has none), and never the first
/// profile's id.
fn id_from_name(name: &str) -> String {
    match slug(name) {
        slug if slug.is_empty() => "p".to_string(),
        slug if slug == Profiles::DEFAULT_ID => format!("p-{slug}"),
        slug => slug,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_with_the_default_profile_on_the_old_key() {
        let p = Profiles::default();
        assert_eq!(p.current().id, "default");
        assert_eq!(
            Profiles::progress_key(&p.current),
            "lectern:progress:default"
        );
    }

    #[test]
    fn add_switch_rename_remove() {
        let mut p = Profiles::default();
        let ana = p.add("  Ana   María ").unwrap();
        assert_eq!(ana, "ana-maría");
        assert_eq!(p.current().name, "Ana María");
        let other = p.add("Ana-María!").unwrap();
        assert_eq!(other, "ana-maría-2", "same slug gets a number");
        assert_eq!(
            p.add("ana maría"),
            Err(ProfileError::Taken("ana maría".into()))
        );
        assert_eq!(
            p.add("ana maría").unwrap_err().to_string(),
            "There is already someone called ana maría here."
        );
        assert_eq!(p.add("   "), Err(ProfileError::NoName));
        assert_eq!(p.add(&"x".repeat(41)), Err(ProfileError::TooLong));
        p.rename(&ana, "Ana").unwrap();
        assert_eq!(p.list[1].name, "Ana");
        p.rename(&ana, "ana").unwrap(); // its own name in other capitals is fine
        p.switch_to("default").unwrap();
        assert_eq!(p.switch_to("nobody"), Err(ProfileError::NoSuchProfile));
        p.remove(&other).unwrap();
        p.switch_to(&ana).unwrap();
        p.remove(&ana).unwrap();
        assert_eq!(p.current, "default");
        assert_eq!(p.remove("default"), Err(ProfileError::LastProfile));
    }

    #[test]
    fn a_name_like_default_does_not_take_the_default_id() {
        let mut p = Profiles::default();
        // With one profile, even an unknown id is refused as removing the last one.
        assert_eq!(p.remove("nobody"), Err(ProfileError::LastProfile));
        let id = p.add("Default").unwrap();
        assert_ne!(id, "default");
        assert_eq!(p.remove("nobody"), Err(ProfileError::NoSuchProfile));
        assert_eq!(id_from_name("!!!"), "p");
    }

    #[test]
    fn json_round_trip_and_refusals() {
        let mut p = Profiles::default();
        p.add("Sam").unwrap();
        assert_eq!(Profiles::from_json(&p.to_json()), Some(p));
        for bad in [
            "",
            "[]",
            r#"{"version":1,"current":"a","list":[]}"#,
            r#"{"version":9,"current":"default","list":[{"id":"default","name":"Me"}]}"#,
        ] {
            assert_eq!(Profiles::from_json(bad), None, "{bad}");
        }
    }
}
