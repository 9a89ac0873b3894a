//! The unit table: which words after a number name a unit, read from `rules/units.toml`.
//!
//! The bundled table is compiled into the binary and parsed once on first use. Lookups take
//! lowercased words; multi-word units ("GPU hours") are matched longest first by the caller,
//! which asks `lookup` with one to three words joined by single spaces.

use std::collections::HashMap;

/// The unit table's maps: looked up for every word after a figure, so with a fast hash (the
/// keys are the table's own, not an attacker's).
type Map = HashMap<String, UnitMatch, foldhash::fast::FixedState>;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::lexicon::LowerWord;

/// The kind of claim a unit makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Count,
    Quantity,
}

/// A unit found after a number.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitMatch {
    /// The canonical unit name (`gpu`, `H800`, `FLOP/s`).
    pub name: &'static str,
    pub kind: UnitKind,
    /// The power of ten of an SI prefix written with the unit (`TB` → 12).
    pub exponent: i32,
    /// The unit is an accelerator model (`H800`), whose claims count GPUs of that model.
    pub accelerator: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitFile {
    #[serde(default)]
    unit: Vec<UnitEntry>,
    #[serde(default)]
    accelerator: Vec<AcceleratorEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitEntry {
    name: String,
    kind: UnitKind,
    words: Vec<String>,
    #[serde(default)]
    symbols: Vec<String>,
    #[serde(default)]
    si_prefixes: bool,
    /// Words read after a spelled-out prefix, without regard to case: `flops` in
    /// `petaflops`, `bytes` in `Terabytes`.
    #[serde(default)]
    spelled_prefixes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AcceleratorEntry {
    model: String,
    #[allow(
        dead_code,
        reason = "documented in the table and kept for the rule files"
    )]
    vendor: String,
    words: Vec<String>,
}

/// The unit table.
pub struct UnitTable {
    /// Lowercased words (joined by single spaces) → unit.
    words: Map,
    /// Words as written → unit, consulted first: `FLOPs` (operations) and `FLOPS` (per
    /// second) differ only in case.
    exact: Map,
    /// Case-sensitive symbols that take SI prefixes (`B`, `W`, `FLOPS`) → unit.
    prefixed: Map,
    /// Lowercased words that take spelled-out prefixes (`flops`, `bytes`) → unit.
    spelled: Map,
    /// The longest unit name, in words.
    pub max_words: usize,
    /// The first token, lowercased, of every name of more than one token ("graphics" of
    /// "graphics cards", "flop" of "FLOP/s", "pflop" of "PFLOP/s"): only these begin a unit
    /// of more than one token, and the reader tries no longer names after any other word.
    longer_starts: std::collections::HashSet<String, foldhash::fast::FixedState>,
}

/// The bundled unit table.
#[expect(
    clippy::expect_used,
    reason = "the table is compiled in, not user input; a test parses it on every build"
)]
pub static UNITS: LazyLock<UnitTable> = LazyLock::new(|| {
    UnitTable::from_toml(include_str!("../rules/units.toml"))
        .expect("the bundled rules/units.toml is valid (checked by a test)")
});

impl UnitTable {
    /// Parses a unit table; the error names the line and column.
    pub fn from_toml(text: &str) -> Result<UnitTable, String> {
        let file: UnitFile = toml::from_str(text).map_err(|error| error.to_string())?;
        let mut words = Map::default();
        let mut exact = Map::default();
        let mut prefixed = Map::default();
        let mut spelled = Map::default();
        let mut max_words = 1;
        let leak = |name: String| -> &'static str { Box::leak(name.into_boxed_str()) };
        for entry in file.unit {
            let name = leak(entry.name);
            let unit = UnitMatch {
                name,
                kind: entry.kind,
                exponent: 0,
                accelerator: false,
            };
            for word in &entry.words {
                max_words = max_words.max(word.split_whitespace().count());
                words.insert(normalise(word), unit.clone());
                exact.insert(
                    word.split_whitespace().collect::<Vec<_>>().join(" "),
                    unit.clone(),
                );
                if entry.si_prefixes {
                    prefixed.insert(word.clone(), unit.clone());
                }
            }
            for symbol in &entry.symbols {
                prefixed.insert(symbol.clone(), unit.clone());
            }
            for word in &entry.spelled_prefixes {
                spelled.insert(word.to_lowercase(), unit.clone());
            }
        }
        for entry in file.accelerator {
            let name = leak(entry.model);
            let unit = UnitMatch {
                name,
                kind: UnitKind::Count,
                exponent: 0,
                accelerator: true,
            };
            for word in &entry.words {
                words.insert(normalise(word), unit.clone());
            }
        }
        let longer_starts = longer_starts(&words, &exact, &prefixed, &spelled);
        Ok(UnitTable {
            words,
            exact,
            prefixed,
            spelled,
            max_words,
            longer_starts,
        })
    }

    /// The unit named by `written` (one or more words joined by single spaces).
    pub fn lookup(&self, written: &str) -> Option<UnitMatch> {
        if let Some(unit) = self.exact.get(written) {
            return Some(unit.clone());
        }
        // Callers join words with single spaces, so a stack lowercase is enough mostly.
        let found = match LowerWord::new(written) {
            Some(lower) => self.words.get(lower.as_str()),
            None => self.words.get(&normalise(written)),
        };
        if let Some(unit) = found {
            return Some(unit.clone());
        }
        if let Some(unit) = self.spelled_prefix(written) {
            return Some(unit);
        }
        // SI-prefixed symbols are case-sensitive: `TB`, `PFLOPS`, `kW`, `GWh`.
        let mut chars = written.chars();
        let prefix = chars.next()?;
        let exponent = match prefix {
            'k' | 'K' => 3,
            'M' => 6,
            'G' => 9,
            'T' => 12,
            'P' => 15,
            'E' => 18,
            _ => return None,
        };
        let rest = chars.as_str();
        let unit = self.prefixed.get(rest)?;
        Some(UnitMatch {
            exponent,
            ..unit.clone()
        })
    }

    /// A unit after a spelled-out SI prefix, in any case: `petaflops`, `Terabytes`.
    fn spelled_prefix(&self, written: &str) -> Option<UnitMatch> {
        const PREFIXES: [(&str, i32); 6] = [
            ("kilo", 3),
            ("mega", 6),
            ("giga", 9),
            ("tera", 12),
            ("peta", 15),
            ("exa", 18),
        ];
        let (prefix, exponent) = PREFIXES.iter().find(|(prefix, _)| {
            written
                .get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        })?;
        let rest = LowerWord::new(&written[prefix.len()..])?;
        let unit = self.spelled.get(rest.as_str())?;
        Some(UnitMatch {
            exponent: *exponent,
            ..unit.clone()
        })
    }

    /// The unit of a symbol written without a prefix (`W`, `B`), case-sensitive.
    pub fn symbol(&self, written: &str) -> Option<UnitMatch> {
        self.prefixed
            .get(written)
            .filter(|_| !self.words.contains_key(&normalise(written)))
            .cloned()
    }

    /// Whether `written` names an accelerator model.
    pub fn accelerator(&self, written: &str) -> Option<UnitMatch> {
        // One word (the usual case) is looked up lowercased on the stack.
        let found = match LowerWord::new(written) {
            Some(lower) if !written.contains(char::is_whitespace) => self.words.get(lower.as_str()),
            _ => self.words.get(&normalise(written)),
        };
        found.filter(|unit| unit.accelerator).cloned()
    }
}

fn normalise(word: &str) -> String {
    word.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `UnitTable::longer_starts`: the first token of each name the tokenizer splits, with the SI
/// prefixes `lookup` puts before symbols and spelled-out prefixes it puts before words.
fn longer_starts(
    words: &Map,
    exact: &Map,
    prefixed: &Map,
    spelled: &Map,
) -> std::collections::HashSet<String, foldhash::fast::FixedState> {
    let mut tokens = Vec::new();
    let mut first_of_longer = |name: &str| {
        crate::claims::tokens::tokenize(name, &mut tokens);
        (tokens.len() > 1).then(|| tokens[0].text(name).to_lowercase())
    };
    let mut starts = std::collections::HashSet::default();
    for name in words.keys().chain(exact.keys()) {
        starts.extend(first_of_longer(name));
    }
    for name in prefixed.keys() {
        for prefix in ["k", "K", "M", "G", "T", "P", "E"] {
            starts.extend(first_of_longer(&format!("{prefix}{name}")));
        }
    }
    for name in spelled.keys() {
        for prefix in ["kilo", "mega", "giga", "tera", "peta", "exa"] {
            starts.extend(first_of_longer(&format!("{prefix}{name}")));
        }
    }
    starts
}

impl UnitTable {
    /// Whether a word (lowercased) may begin a unit name of more than one token.
    pub fn may_start_longer(&self, lower: &str) -> bool {
        self.longer_starts.contains(lower)
    }

    /// Whether `name` is the canonical name of a unit or accelerator (`gpu`, `H800`, `FLOP/s`).
    pub fn is_canonical(&self, name: &str) -> bool {
        self.words
            .values()
            .chain(self.prefixed.values())
            .any(|unit| unit.name == name)
    }

    /// Every canonical unit name, sorted.
    pub fn canonical_names(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self
            .words
            .values()
            .chain(self.prefixed.values())
            .map(|unit| unit.name)
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_words_of_longer_names_start_longer_names() {
        for word in [
            "gpu", "graphics", "flop", "pflop", "tflops", "petaflop", "ai",
        ] {
            assert!(UNITS.may_start_longer(word), "{word}");
        }
        for word in ["zwei", "dollars", "gpus", "hours", "s"] {
            assert!(!UNITS.may_start_longer(word), "{word}");
        }
        // Every name of several words is still found from its first word on.
        for (name, unit) in UNITS.words.iter() {
            if name.contains(' ') {
                let first = name.split(' ').next().unwrap_or_default();
                assert!(UNITS.may_start_longer(first), "{name}");
                assert_eq!(UNITS.lookup(name).map(|found| found.name), Some(unit.name));
            }
        }
    }

    #[test]
    fn bundled_table_parses_and_matches() {
        let units = &*UNITS;
        assert_eq!(units.lookup("GPUs").unwrap().name, "gpu");
        assert_eq!(units.lookup("gpu hours").unwrap().name, "gpu_hour");
        assert_eq!(units.lookup("H800").unwrap().name, "H800");
        assert!(units.lookup("H800").unwrap().accelerator);
        let tb = units.lookup("TB").unwrap();
        assert_eq!((tb.name, tb.exponent), ("byte", 12));
        let pflops = units.lookup("PFLOPS").unwrap();
        assert_eq!((pflops.name, pflops.exponent), ("FLOP/s", 15));
        assert!(units.lookup("Tag").is_none());
    }

    #[test]
    fn spelled_out_prefixes_scale_their_units_in_any_case() {
        let units = &*UNITS;
        for (written, name, exponent) in [
            ("petaflops", "FLOP/s", 15),
            ("exaFLOPS", "FLOP/s", 18),
            ("Teraflop/s", "FLOP/s", 12),
            ("terabytes", "byte", 12),
            ("Gigabyte", "byte", 9),
            ("kilobytes", "byte", 3),
        ] {
            let unit = units.lookup(written).expect(written);
            assert_eq!((unit.name, unit.exponent), (name, exponent), "{written}");
        }
        for written in [
            "petagpus",
            "megaparameters",
            "exa",
            "kilojoules",
            "gigatokens",
        ] {
            assert!(units.lookup(written).is_none(), "{written}");
        }
    }

    #[test]
    fn case_keeps_operations_and_rates_apart() {
        let units = &*UNITS;
        assert_eq!(units.lookup("FLOPs").unwrap().name, "FLOP");
        assert_eq!(units.lookup("FLOPS").unwrap().name, "FLOP/s");
        assert_eq!(units.lookup("PFLOPs").unwrap().name, "FLOP");
        assert_eq!(units.symbol("W").unwrap().name, "watt");
        assert!(units.symbol("GPUs").is_none());
        assert_eq!(units.lookup("nanometer").unwrap().name, "nm");
    }
}
