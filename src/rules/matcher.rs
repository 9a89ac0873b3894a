//! Finds where entities and context words are mentioned in a document, in one pass.
//!
//! All aliases of all entities go into one Aho-Corasick automaton, and all context words into
//! another, so a document is scanned once however many facts the rules hold. Aliases match
//! whole words (short ones, such as `V3`, only in their exact case); context words match at the
//! start of a word, so a stem such as `train` finds "training" and "trained".
//!
//! The automata are built when a document is first scanned, not with the rule set: a run
//! over a text that never needs them (no figure a fact could be about) does not pay for them.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::{Entity, Fact};
use crate::text::Span;

#[derive(Debug, Default)]
pub(crate) struct Mentions {
    /// For each alias pattern: the entity's index, and the alias as written.
    alias_owner: Vec<(usize, String)>,
    context_words: Vec<String>,
    /// Built on first use (see the module's note).
    automata: OnceLock<Automata>,
    /// Every alias and context word holds a letter: text without one (a wall of figures)
    /// mentions nothing, and is not scanned.
    all_have_letters: bool,
}

#[derive(Debug)]
struct Automata {
    /// Aliases: the longest name at a place wins ("DeepSeek-V3" over "DeepSeek").
    aliases: Option<AhoCorasick>,
    /// Context words: every word counts, also one that starts another ("train", "trained on").
    contexts: Option<AhoCorasick>,
}

/// A DFA, the fastest scan, for a few hundred kilobytes; `None` when there is nothing to find.
fn automaton<'a>(patterns: impl Iterator<Item = &'a str>, kind: MatchKind) -> Option<AhoCorasick> {
    let patterns: Vec<&str> = patterns.collect();
    if patterns.is_empty() {
        return None;
    }
    AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(kind)
        .build(patterns)
        .ok()
}

/// Which mentions a scan looks for: entity names, context words, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Wanted {
    Entities,
    Context,
    Both,
}

/// The mentions in one document, sorted by offset.
#[derive(Debug, Default)]
pub struct DocumentMentions {
    /// (span, entity index)
    pub(crate) entities: Vec<(Span, usize)>,
    /// (span, context word)
    pub(crate) context: Vec<(Span, String)>,
}

impl Mentions {
    pub fn build(entities: &[Entity], facts: &[Fact]) -> Mentions {
        let mut alias_owner = Vec::new();
        for (at, entity) in entities.iter().enumerate() {
            for alias in &entity.aliases {
                if !alias.trim().is_empty() {
                    alias_owner.push((at, alias.clone()));
                }
            }
        }
        let mut context_words: Vec<String> = facts
            .iter()
            .flat_map(|fact| fact.context.iter().chain(&fact.unless).cloned())
            .filter(|word| !word.is_empty())
            .collect();
        context_words.sort();
        context_words.dedup();
        let all_have_letters = alias_owner
            .iter()
            .map(|(_, alias)| alias.as_str())
            .chain(context_words.iter().map(String::as_str))
            .all(|pattern| pattern.chars().any(char::is_alphabetic));
        Mentions {
            all_have_letters,
            alias_owner,
            context_words,
            automata: OnceLock::new(),
        }
    }

    fn automata(&self) -> &Automata {
        self.automata.get_or_init(|| Automata {
            aliases: automaton(
                self.alias_owner.iter().map(|(_, alias)| alias.as_str()),
                MatchKind::LeftmostLongest,
            ),
            contexts: automaton(
                self.context_words.iter().map(String::as_str),
                MatchKind::Standard,
            ),
        })
    }

    /// The mentions of `wanted` in `text`; the other list stays empty.
    pub fn scan_for(&self, text: &str, wanted: Wanted) -> DocumentMentions {
        let mut found = DocumentMentions::default();
        let bytes = text.as_bytes();
        // A letter matches only an ASCII letter (in any case) or itself, which is not ASCII.
        if self.all_have_letters
            && !bytes
                .iter()
                .any(|&byte| byte.is_ascii_alphabetic() || !byte.is_ascii())
        {
            return found;
        }
        let word_char_before = |at: usize| {
            text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        };
        let word_char_after =
            |at: usize| text[at..].chars().next().is_some_and(char::is_alphanumeric);
        let automata = self.automata();
        if let Some(aliases) = automata
            .aliases
            .as_ref()
            .filter(|_| wanted != Wanted::Context)
        {
            for hit in aliases.find_iter(text) {
                let (entity, alias) = &self.alias_owner[hit.pattern().as_usize()];
                let (start, end) = (hit.start(), hit.end());
                if !text.is_char_boundary(start)
                    || !text.is_char_boundary(end)
                    || word_char_before(start)
                    || word_char_after(end)
                {
                    continue;
                }
                if alias.chars().count() <= 3 && &bytes[start..end] != alias.as_bytes() {
                    continue;
                }
                found.entities.push((Span::new(start, end), *entity));
            }
        }
        if let Some(contexts) = automata
            .contexts
            .as_ref()
            .filter(|_| wanted != Wanted::Entities)
        {
            for hit in contexts.find_overlapping_iter(text) {
                let (start, end) = (hit.start(), hit.end());
                if !text.is_char_boundary(start)
                    || !text.is_char_boundary(end)
                    || word_char_before(start)
                {
                    continue;
                }
                found.context.push((
                    Span::new(start, end),
                    self.context_words[hit.pattern().as_usize()].clone(),
                ));
            }
        }
        found
            .context
            .sort_by_key(|(span, _)| (span.start, span.end));
        found
    }
}

impl DocumentMentions {
    /// Moves every offset by `delta` bytes.
    pub(crate) fn shift(&mut self, delta: isize) {
        let by = |span: &mut Span| {
            span.start = span.start.saturating_add_signed(delta);
            span.end = span.end.saturating_add_signed(delta);
        };
        self.entities.iter_mut().for_each(|(span, _)| by(span));
        self.context.iter_mut().for_each(|(span, _)| by(span));
    }

    /// Adds the mentions of a later part of the document.
    pub(crate) fn append(&mut self, mut later: DocumentMentions) {
        self.entities.append(&mut later.entities);
        self.context.append(&mut later.context);
    }

    /// The mentions in `text[span]` (offsets in `text`).
    pub(crate) fn scan_range(
        mentions: &Mentions,
        text: &str,
        span: Span,
        wanted: Wanted,
    ) -> DocumentMentions {
        let mut found = mentions.scan_for(&text[span.start..span.end], wanted);
        found.shift(span.start as isize);
        found
    }

    /// Entities mentioned inside `span`.
    pub(crate) fn entities_in(&self, span: Span) -> impl Iterator<Item = &(Span, usize)> {
        let from = self
            .entities
            .partition_point(|(at, _)| at.start < span.start);
        self.entities[from..]
            .iter()
            .take_while(move |(at, _)| at.end <= span.end)
    }

    /// Context words inside `span`.
    pub(crate) fn context_in(&self, span: Span) -> impl Iterator<Item = &(Span, String)> {
        let from = self
            .context
            .partition_point(|(at, _)| at.start < span.start);
        self.context[from..]
            .iter()
            .take_while(move |(at, _)| at.end <= span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Origin;

    fn entity(aliases: &[&str]) -> Entity {
        Entity {
            id: "e".into(),
            name: "E".into(),
            aliases: aliases.iter().map(|alias| (*alias).to_owned()).collect(),
            origin: Origin {
                file: "test.toml".into(),
                line: 1,
            },
        }
    }

    #[test]
    fn text_without_letters_is_passed_over_only_when_every_name_has_one() {
        let lettered = Mentions::build(&[entity(&["Stargate", "Zürich"])], &[]);
        assert!(lettered.all_have_letters);
        assert!(
            lettered
                .scan_for("$1$1$1 1 2 3", Wanted::Both)
                .entities
                .is_empty()
        );
        assert_eq!(
            lettered
                .scan_for("STARGATE: $5", Wanted::Both)
                .entities
                .len(),
            1
        );
        assert_eq!(
            lettered.scan_for("1 ZÜRICH 2", Wanted::Both).entities.len(),
            0,
            "Ü matches only itself"
        );
        assert_eq!(
            lettered.scan_for("1 Zürich 2", Wanted::Both).entities.len(),
            1
        );
        // A name of digits alone is looked for in text of digits alone.
        let digits = Mentions::build(&[entity(&["Stargate", "2025"])], &[]);
        assert!(!digits.all_have_letters);
        assert_eq!(
            digits.scan_for("$1 2025 $2", Wanted::Both).entities.len(),
            1
        );
    }

    #[test]
    fn the_automata_are_built_by_the_first_scan_that_needs_them() {
        let mentions = Mentions::build(&[entity(&["Stargate"])], &[]);
        assert!(mentions.automata.get().is_none());
        assert!(mentions.scan_for("1 2 3", Wanted::Both).entities.is_empty());
        assert!(mentions.automata.get().is_none(), "no letter, no scan");
        assert_eq!(
            mentions
                .scan_for("Stargate: $5", Wanted::Both)
                .entities
                .len(),
            1
        );
        assert!(mentions.automata.get().is_some());
        assert_eq!(
            mentions
                .scan_for("stargate, $5", Wanted::Both)
                .entities
                .len(),
            1
        );
    }

    #[test]
    fn a_scan_finds_what_it_is_asked_for() {
        let mentions = &crate::rules::RuleSet::bundled().mentions;
        let text = "DeepSeek trained V3 for $5.6 million.";
        let both = mentions.scan_for(text, Wanted::Both);
        assert!(
            !both.entities.is_empty() && !both.context.is_empty(),
            "{both:?}"
        );
        let entities = mentions.scan_for(text, Wanted::Entities);
        assert_eq!(entities.entities, both.entities);
        assert!(entities.context.is_empty());
        let context = mentions.scan_for(text, Wanted::Context);
        assert_eq!(context.context, both.context);
        assert!(context.entities.is_empty());
    }
}
