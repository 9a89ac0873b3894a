//! The words of the number grammar in English and German: scale words, number words,
//! fractions, multipliers, bounds and hedges, currencies, percent words, time units and months.
//!
//! These are the grammar of the language, not facts about the world, so they live in code as
//! tables. Units of measure, which users extend, are data in `rules/units.toml` (see `units`).
//! Every lookup takes a word already lowercased (see `lowercase_into`).

use crate::claims::Bound;
use crate::language::Language;
use std::sync::LazyLock;

/// Lowercases `word` into `buffer` and returns it, or `None` when it does not fit.
///
/// Handles non-ASCII letters (Ä, Ü, ẞ) without allocating.
pub fn lowercase_into<'a>(word: &str, buffer: &'a mut [u8; 48]) -> Option<&'a str> {
    if word.len() > buffer.len() {
        return None;
    }
    if word.is_ascii() {
        for (slot, byte) in buffer.iter_mut().zip(word.as_bytes()) {
            *slot = byte.to_ascii_lowercase();
        }
        return std::str::from_utf8(&buffer[..word.len()]).ok();
    }
    let mut len = 0;
    let mut push = |lower: char| {
        let needed = lower.len_utf8();
        let slot = buffer.get_mut(len..len + needed)?;
        lower.encode_utf8(slot);
        len += needed;
        Some(())
    };
    for ch in word.chars() {
        // Latin-1 (most of German): the capitals `À` to `Þ` but `×` are their small letter
        // 32 code points on; every other character of it is its own lowercase.
        if ch < '\u{100}' {
            push(if ('\u{C0}'..='\u{DE}').contains(&ch) && ch != '\u{D7}' {
                char::from_u32(u32::from(ch) + 32).unwrap_or(ch)
            } else {
                ch.to_ascii_lowercase()
            })?;
        } else {
            for lower in ch.to_lowercase() {
                push(lower)?;
            }
        }
    }
    std::str::from_utf8(&buffer[..len]).ok()
}

/// The first three letters (lowercased ASCII) of every number word, fraction word,
/// multiplier word, scale word of three or more letters and German ordinal the lexicon knows,
/// and of the stems German number words and "-fold"/"-fach" words are built from. A word
/// whose first three letters are ASCII and not in this list is none of these, which lets a
/// block without digits be passed over without a lookup per word
/// (`may_be_number_word`; a test checks the list against every word of the lexicon).
const NUMBER_WORD_PREFIXES: &[&str] = &[
    "ach", "and", "bil", "bio", "bln", "dop", "dou", "doz", "dre", "dri", "dut", "eig", "ein",
    "ele", "elf", "fif", "fiv", "for", "fou", "hal", "hun", "mia", "mil", "mio", "mln", "mrd",
    "neu", "nin", "nul", "one", "qua", "sec", "sev", "sie", "six", "tau", "ten", "thi", "tho",
    "thr", "ths", "tri", "trn", "tsd", "twe", "twi", "two", "ver", "vie", "zeh", "zer", "zwa",
    "zwe",
];

/// `NUMBER_WORD_PREFIXES` as a bit set indexed by three letters (26³ bits).
static NUMBER_WORD_PREFIX_SET: [u64; PREFIX_SET_WORDS] = prefix_set(NUMBER_WORD_PREFIXES);

const PREFIX_SET_WORDS: usize = (26 * 26 * 26usize).div_ceil(64);

const fn prefix_set(prefixes: &[&str]) -> [u64; PREFIX_SET_WORDS] {
    let mut set = [0u64; PREFIX_SET_WORDS];
    let mut at = 0;
    while at < prefixes.len() {
        let bytes = prefixes[at].as_bytes();
        let index = prefix_index(bytes);
        set[index / 64] |= 1 << (index % 64);
        at += 1;
    }
    set
}

/// The first four letters (lowercased ASCII) of every word `reads_as_number_word` accepts
/// whose first four bytes are ASCII letters, and every such word of three letters: the second
/// gate of the raw-text filter (`may_read_as_number_word`; a test checks both lists against
/// every word of the lexicon and its compounds). Each begins with one of
/// `NUMBER_WORD_PREFIXES` (the build fails otherwise).
const NUMBER_WORD_FOUR_LETTERS: &[&str] = &[
    "acht", "ande", "bill", "dopp", "doub", "doze", "drei", "drit", "dutz", "eigh", "eine", "einh",
    "eins", "eint", "einu", "elev", "elfe", "elff", "elft", "fift", "five", "fort", "four", "half",
    "halv", "hund", "mill", "neun", "nine", "nint", "null", "quad", "quar", "sech", "seve", "sieb",
    "sixf", "sixt", "taus", "tenf", "tent", "thir", "thou", "thre", "thri", "thsd", "tril", "trip",
    "twel", "twen", "twic", "twof", "vera", "verd", "vere", "verf", "verh", "vern", "vers", "vert",
    "verv", "verz", "vier", "zehn", "zero", "zwan", "zwei",
];
const NUMBER_WORDS_OF_THREE_LETTERS: &[&str] = &[
    "bil", "bln", "elf", "mia", "mil", "mio", "mln", "mrd", "six", "ten", "trn", "tsd", "two",
];

/// For each of `NUMBER_WORD_PREFIXES`, by its rank in `NUMBER_WORD_PREFIX_SET`: the fourth
/// letters that may follow it (bits 0 to 25, `a` to `z`), and bit 26 when the three letters
/// are a word of their own.
static NUMBER_WORD_FOURTH_LETTERS: [u32; NUMBER_WORD_PREFIXES.len()] = fourth_letters();

/// How many of `NUMBER_WORD_PREFIX_SET`'s bits lie in the words before each word.
static PREFIX_SET_RANKS: [u16; PREFIX_SET_WORDS] = {
    let mut ranks = [0u16; PREFIX_SET_WORDS];
    let mut at = 1;
    while at < PREFIX_SET_WORDS {
        ranks[at] = ranks[at - 1] + NUMBER_WORD_PREFIX_SET[at - 1].count_ones() as u16;
        at += 1;
    }
    ranks
};

const fn prefix_index(bytes: &[u8]) -> usize {
    (bytes[0] - b'a') as usize * 676 + (bytes[1] - b'a') as usize * 26 + (bytes[2] - b'a') as usize
}

const fn prefix_rank(index: usize) -> usize {
    let before = NUMBER_WORD_PREFIX_SET[index / 64] & ((1u64 << (index % 64)) - 1);
    PREFIX_SET_RANKS[index / 64] as usize + before.count_ones() as usize
}

const fn fourth_letters() -> [u32; NUMBER_WORD_PREFIXES.len()] {
    let mut letters = [0u32; NUMBER_WORD_PREFIXES.len()];
    let mut at = 0;
    while at < NUMBER_WORD_FOUR_LETTERS.len() {
        let bytes = NUMBER_WORD_FOUR_LETTERS[at].as_bytes();
        let index = prefix_index(bytes);
        assert!(in_prefix_set(index));
        letters[prefix_rank(index)] |= 1 << (bytes[3] - b'a');
        at += 1;
    }
    at = 0;
    while at < NUMBER_WORDS_OF_THREE_LETTERS.len() {
        let index = prefix_index(NUMBER_WORDS_OF_THREE_LETTERS[at].as_bytes());
        assert!(in_prefix_set(index));
        letters[prefix_rank(index)] |= 1 << 26;
        at += 1;
    }
    letters
}

/// An automaton that finds `words` in any ASCII case, for lists of cue words searched in a
/// sentence without lowercasing it (`None` only if the list cannot be built, which a fixed
/// list of short words never fails).
pub(crate) fn any_case_words<I, P>(words: I) -> Option<aho_corasick::AhoCorasick>
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .ok()
}

/// Whether the word at the start of `text` (the rest of a text from where a word starts, as
/// written, any case) may read as a number word (`reads_as_number_word`), judged from its
/// first four bytes. `false` is certain; `true` means "look it up". It is stricter than
/// `may_be_number_word`, which also lets articles ("eine", "one") through.
#[inline]
pub fn may_read_as_number_word(text: &str) -> bool {
    let Some(head) = ascii_head(text) else {
        return true;
    };
    let index = prefix_index(&head);
    if !in_prefix_set(index) {
        return false;
    }
    let letters = NUMBER_WORD_FOURTH_LETTERS[prefix_rank(index)];
    match text.as_bytes().get(3) {
        Some(next) if next.is_ascii_alphabetic() => {
            letters & 1 << (next.to_ascii_lowercase() - b'a') != 0
        }
        // The word goes on (a digit, a joining hyphen or apostrophe, a letter beyond ASCII),
        // or is an abbreviation with its dot (`Mrd.`).
        Some(next)
            if next.is_ascii_digit() || matches!(next, b'-' | b'\'' | b'.') || *next >= 0x80 =>
        {
            true
        }
        // The word has three letters.
        _ => letters & 1 << 26 != 0,
    }
}

/// Whether a word of one or two bytes may start a claim: only the articles "a" and "an" (in
/// any case) among those of ASCII letters and digits, which are no number, multiplier or month
/// word; any word with a byte beyond ASCII is looked at.
pub fn short_word_may_start_claim(word: &str) -> bool {
    !word.bytes().all(|byte| byte.is_ascii_alphanumeric())
        || word.eq_ignore_ascii_case("a")
        || word.eq_ignore_ascii_case("an")
}

/// Whether `word` (as written, any case) may be a number word, fraction, multiplier, scale
/// word or German ordinal, judged from its first three bytes alone. `false` is certain;
/// `true` means "look it up". Words shorter than three bytes, and words whose first three
/// bytes are not all ASCII letters, are always `true`.
pub fn may_be_number_word(word: &str) -> bool {
    ascii_head(word).is_none_or(number_word_prefix)
}

/// The first three bytes of `word` lowercased, when they are ASCII letters: what the
/// three-letter gates judge a word by.
#[inline]
pub fn ascii_head(word: &str) -> Option<[u8; 3]> {
    let [a, b, c, ..] = *word.as_bytes() else {
        return None;
    };
    (a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && c.is_ascii_alphabetic()).then(|| {
        [
            a.to_ascii_lowercase(),
            b.to_ascii_lowercase(),
            c.to_ascii_lowercase(),
        ]
    })
}

/// Whether three lowercase ASCII letters begin a word of `NUMBER_WORD_PREFIXES`.
#[inline]
pub fn number_word_prefix(head: [u8; 3]) -> bool {
    in_prefix_set(prefix_index(&head))
}

const fn in_prefix_set(index: usize) -> bool {
    NUMBER_WORD_PREFIX_SET[index / 64] & (1 << (index % 64)) != 0
}

/// Whether a word (`written`, and `lower` the same lowercased) is a number word other than
/// an article, a fraction, multiplier or scale word or a German ordinal, or begins with a
/// number word and a hyphen ("three-quarters", "five-year"): a word that may make a block
/// without digits hold a claim. (A month makes a claim only with a day or year in digits.)
pub fn reads_as_number_word(written: &str, lower: &str) -> bool {
    reads_as_number_word_whole(written, lower)
        || lower
            .split_once('-')
            .is_some_and(|(head, _)| number_word(head).is_some())
}

/// Whether a word may start a claim where no figure stands: `reads_as_number_word`, but a
/// compound of a number word only where `Reader::number_compound` reads it: before a fraction
/// ("one-third", "a-half"), and after a number word that is no article also before a time unit
/// or a multiplier's suffix ("five-year", "two-fold"); not "one-off", "zero-cost" or
/// "two-phase".
pub fn may_start_claim(written: &str, lower: &str) -> bool {
    reads_as_number_word_whole(written, lower)
        || lower.split_once('-').is_some_and(|(head, tail)| {
            number_word(head).is_some_and(|word| {
                fraction_denominator(tail).is_some()
                    || !word.article_like && (time_unit(tail).is_some() || multiplier_suffix(tail))
            })
        })
}

/// `reads_as_number_word` for the whole word, not the head of a compound.
fn reads_as_number_word_whole(written: &str, lower: &str) -> bool {
    number_word(lower).is_some_and(|word| !word.article_like)
        || fraction_denominator(lower).is_some()
        || multiplier_word(lower, None).is_some()
        || scale_word(written, lower, None).is_some()
        || german_ordinal(lower).is_some()
}

/// What `read` makes of `word` lowercased (`Lower`).
pub fn with_lower<T>(word: &str, read: impl FnOnce(&str) -> T) -> T {
    read(&Lower::of(word))
}

/// A word lowercased: on the stack when it is no longer than any word of the grammar.
pub enum Lower<'a> {
    Stack(LowerWord<'a>),
    Heap(String),
}

impl<'a> Lower<'a> {
    /// `word` lowercased.
    pub fn of(word: &'a str) -> Lower<'a> {
        LowerWord::new(word).map_or_else(|| Lower::Heap(word.to_lowercase()), Lower::Stack)
    }

    pub fn as_str(&self) -> &str {
        match self {
            Lower::Stack(word) => word.as_str(),
            Lower::Heap(word) => word,
        }
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// Verbs of change that a figure right after them (or after "to", "by", "auf", "um")
/// completes: "rose to $80 million", "fell by 3 %", "stieg auf 90 Millionen Euro". Two such
/// figures of one thing are a series, not one quantity stated twice.
pub fn is_change_verb(lower: &str) -> bool {
    matches!(
        lower,
        "rose"
            | "rises"
            | "fell"
            | "falls"
            | "grew"
            | "grows"
            | "increased"
            | "decreased"
            | "declined"
            | "dropped"
            | "climbed"
            | "jumped"
            | "surged"
            | "slipped"
            | "reached"
            | "doubled"
            | "topped"
            | "exceeded"
            | "stieg"
            | "steigt"
            | "sank"
            | "sinkt"
            | "fiel"
            | "fällt"
            | "wuchs"
            | "wächst"
            | "kletterte"
            | "klettert"
            | "erreichte"
            | "erreicht"
    )
}

/// Whether `word` occurs in `text` at the start of a word (no letter or digit before it):
/// "revenue" in "the revenue rose", "umsatz" in "umsatzplus", not "age" in "usage".
pub fn starts_a_word(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.match_indices(word).any(|(at, _)| {
            !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
}

/// A word lowercased, for lookups without allocating: the word itself when it is lowercase
/// ASCII already (most words of prose), else a copy on the stack.
#[derive(Clone, Copy)]
pub struct LowerWord<'a>(LowerText<'a>);

#[derive(Clone, Copy)]
enum LowerText<'a> {
    Borrowed(&'a str),
    Owned(arrayvec::ArrayString<LONGEST_WORD>),
}

/// The longest word (in bytes, lowercased) `LowerWord` holds: longer than any of the grammar.
const LONGEST_WORD: usize = 48;

impl Default for LowerWord<'_> {
    fn default() -> Self {
        LowerWord(LowerText::Borrowed(""))
    }
}

impl<'a> LowerWord<'a> {
    /// Lowercases `word`, or `None` when it is longer than any word of the grammar.
    pub fn new(word: &'a str) -> Option<LowerWord<'a>> {
        if word.len() > LONGEST_WORD {
            return None;
        }
        if word
            .bytes()
            .all(|byte| byte.is_ascii() && !byte.is_ascii_uppercase())
        {
            return Some(LowerWord(LowerText::Borrowed(word)));
        }
        if word.is_ascii() {
            let mut lower = arrayvec::ArrayString::from(word).ok()?;
            lower.make_ascii_lowercase();
            return Some(LowerWord(LowerText::Owned(lower)));
        }
        let mut buffer = [0u8; LONGEST_WORD];
        let lower = lowercase_into(word, &mut buffer)?;
        arrayvec::ArrayString::from(lower)
            .ok()
            .map(|lower| LowerWord(LowerText::Owned(lower)))
    }

    /// `word`, known to be lowercase (as `new` made it) and no longer than `LONGEST_WORD`.
    pub fn lowercase_already(word: &'a str) -> LowerWord<'a> {
        LowerWord(LowerText::Borrowed(word))
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            LowerText::Borrowed(word) => word,
            LowerText::Owned(word) => word.as_str(),
        }
    }
}

impl std::ops::Deref for LowerWord<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for LowerWord<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for LowerWord<'_> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.as_str())
    }
}

impl std::fmt::Debug for LowerWord<'_> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), formatter)
    }
}

/// A scale word as the grammar reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScaleWord {
    /// The power of ten it multiplies by.
    pub exponent: i32,
    /// The word is German `Billion`/`Billiarde` (long scale) or English `billion`/`trillion`
    /// (short scale), whose meaning differs between the two languages.
    pub cross_language: Option<CrossLanguageScale>,
    /// Only valid attached to the digits or a currency (`5M`, `$5bn`), never as a word alone.
    pub attached_only: bool,
}

/// Which of the two scales a cross-language word belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CrossLanguageScale {
    /// English `billion` (10^9) or `trillion` (10^12).
    ShortScale,
    /// German `Billion` (10^12) or `Billiarde` (10^15).
    LongScale,
}

/// Looks up a scale word; `written` is the word as written (case matters for `M`, `B`, `T`
/// and for `Billion`), `lower` the same word lowercased.
pub fn scale_word(written: &str, lower: &str, language: Option<Language>) -> Option<ScaleWord> {
    let plain = |exponent| ScaleWord {
        exponent,
        cross_language: None,
        attached_only: false,
    };
    let attached = |exponent| ScaleWord {
        exponent,
        cross_language: None,
        attached_only: true,
    };
    let scale = match lower {
        "thousand" | "thousands" | "tausend" | "tsd" | "tsd." | "thsd" => plain(3),
        "million" | "millions" | "millionen" | "mio" | "mio." | "mn" | "mln" | "mil" => plain(6),
        "milliarde" | "milliarden" | "mrd" | "mrd." | "mia" | "mia." | "milliard" => plain(9),
        "bn" | "bln" | "bil" => plain(9),
        "tn" | "trn" | "trillion" | "trillions" => {
            let mut word = plain(12);
            if lower.starts_with("tr") && lower.len() > 3 {
                word.cross_language = Some(CrossLanguageScale::ShortScale);
            }
            word
        }
        "quadrillion" => plain(15),
        "billionen" | "bio." => ScaleWord {
            exponent: 12,
            cross_language: Some(CrossLanguageScale::LongScale),
            attached_only: false,
        },
        "billiarde" | "billiarden" => ScaleWord {
            exponent: 15,
            cross_language: Some(CrossLanguageScale::LongScale),
            attached_only: false,
        },
        "billion" | "billions" => {
            // Capitalised "Billion" in German text is the German noun (10^12); lowercase
            // "billion" is the English word (10^9). Without a language, English wins and the
            // cross-language check says so.
            let german = written.starts_with('B') && language == Some(Language::German);
            if german {
                ScaleWord {
                    exponent: 12,
                    cross_language: Some(CrossLanguageScale::LongScale),
                    attached_only: false,
                }
            } else {
                ScaleWord {
                    exponent: 9,
                    cross_language: Some(CrossLanguageScale::ShortScale),
                    attached_only: false,
                }
            }
        }
        "k" => attached(3),
        "m" | "mm" => {
            // `5m` is ambiguous with metres; only currencies make it a scale (checked by the
            // caller through `attached_only`).
            attached(6)
        }
        "b" => attached(9),
        "t" => attached(12),
        _ => return None,
    };
    Some(scale)
}

/// A bound or hedge phrase that stands before a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hedge {
    Bound(Bound),
    /// "only", "just", "nur", "lediglich": the figure stays exact, but the emphasis is kept.
    Only,
}

/// Phrases that precede a number, longest first; each is a sequence of lowercased words.
pub const HEDGE_PHRASES: &[(&[&str], Hedge)] = &[
    (&["nicht", "weniger", "als"], Hedge::Bound(Bound::AtLeast)),
    (&["nicht", "mehr", "als"], Hedge::Bound(Bound::AtMost)),
    (&["no", "less", "than"], Hedge::Bound(Bound::AtLeast)),
    (&["not", "less", "than"], Hedge::Bound(Bound::AtLeast)),
    (&["no", "fewer", "than"], Hedge::Bound(Bound::AtLeast)),
    (&["no", "more", "than"], Hedge::Bound(Bound::AtMost)),
    (&["not", "more", "than"], Hedge::Bound(Bound::AtMost)),
    (&["as", "many", "as"], Hedge::Bound(Bound::AtMost)),
    (&["as", "much", "as"], Hedge::Bound(Bound::AtMost)),
    (&["a", "minimum", "of"], Hedge::Bound(Bound::AtLeast)),
    (&["a", "maximum", "of"], Hedge::Bound(Bound::AtMost)),
    (&["in", "excess", "of"], Hedge::Bound(Bound::MoreThan)),
    (&["upwards", "of"], Hedge::Bound(Bound::MoreThan)),
    (&["upward", "of"], Hedge::Bound(Bound::MoreThan)),
    (&["north", "of"], Hedge::Bound(Bound::MoreThan)),
    (&["just", "over"], Hedge::Bound(Bound::MoreThan)),
    (&["just", "above"], Hedge::Bound(Bound::MoreThan)),
    (&["well", "over"], Hedge::Bound(Bound::MoreThan)),
    (&["well", "above"], Hedge::Bound(Bound::MoreThan)),
    (&["weit", "über"], Hedge::Bound(Bound::MoreThan)),
    (&["just", "under"], Hedge::Bound(Bound::LessThan)),
    (&["just", "below"], Hedge::Bound(Bound::LessThan)),
    (&["well", "under"], Hedge::Bound(Bound::LessThan)),
    (&["well", "below"], Hedge::Bound(Bound::LessThan)),
    (&["more", "than"], Hedge::Bound(Bound::MoreThan)),
    (&["greater", "than"], Hedge::Bound(Bound::MoreThan)),
    (&["mehr", "als"], Hedge::Bound(Bound::MoreThan)),
    (&["at", "least"], Hedge::Bound(Bound::AtLeast)),
    (&["at", "most"], Hedge::Bound(Bound::AtMost)),
    (&["up", "to"], Hedge::Bound(Bound::AtMost)),
    (&["bis", "zu"], Hedge::Bound(Bound::AtMost)),
    (&["less", "than"], Hedge::Bound(Bound::LessThan)),
    (&["fewer", "than"], Hedge::Bound(Bound::LessThan)),
    (&["weniger", "als"], Hedge::Bound(Bound::LessThan)),
    (&["close", "to"], Hedge::Bound(Bound::Approx)),
    (&["an", "estimated"], Hedge::Bound(Bound::Approx)),
    (&["gerade", "einmal"], Hedge::Only),
    (&["gerade", "mal"], Hedge::Only),
    // "mindestens aber 340 Euro": at least, but.
    (&["mindestens", "aber"], Hedge::Bound(Bound::AtLeast)),
    (&["höchstens", "aber"], Hedge::Bound(Bound::AtMost)),
    (&["about"], Hedge::Bound(Bound::Approx)),
    (&["around"], Hedge::Bound(Bound::Approx)),
    (&["roughly"], Hedge::Bound(Bound::Approx)),
    (&["approximately"], Hedge::Bound(Bound::Approx)),
    (&["approx."], Hedge::Bound(Bound::Approx)),
    (&["approx"], Hedge::Bound(Bound::Approx)),
    (&["nearly"], Hedge::Bound(Bound::Approx)),
    (&["almost"], Hedge::Bound(Bound::Approx)),
    (&["some"], Hedge::Bound(Bound::Approx)),
    (&["circa"], Hedge::Bound(Bound::Approx)),
    (&["ca."], Hedge::Bound(Bound::Approx)),
    (&["ca"], Hedge::Bound(Bound::Approx)),
    (&["c."], Hedge::Bound(Bound::Approx)),
    (&["estimated"], Hedge::Bound(Bound::Approx)),
    (&["etwa"], Hedge::Bound(Bound::Approx)),
    (&["rund"], Hedge::Bound(Bound::Approx)),
    (&["ungefähr"], Hedge::Bound(Bound::Approx)),
    (&["zirka"], Hedge::Bound(Bound::Approx)),
    (&["knapp"], Hedge::Bound(Bound::Approx)),
    (&["fast"], Hedge::Bound(Bound::Approx)),
    (&["beinahe"], Hedge::Bound(Bound::Approx)),
    (&["nahezu"], Hedge::Bound(Bound::Approx)),
    (&["annähernd"], Hedge::Bound(Bound::Approx)),
    (&["schätzungsweise"], Hedge::Bound(Bound::Approx)),
    (&["over"], Hedge::Bound(Bound::MoreThan)),
    (&["above"], Hedge::Bound(Bound::MoreThan)),
    (&["exceeding"], Hedge::Bound(Bound::MoreThan)),
    (&["über"], Hedge::Bound(Bound::MoreThan)),
    // "gut 500 Millionen": a good 500 million, somewhat more.
    (&["gut"], Hedge::Bound(Bound::MoreThan)),
    (&["mindestens"], Hedge::Bound(Bound::AtLeast)),
    (&["wenigstens"], Hedge::Bound(Bound::AtLeast)),
    (&["zumindest"], Hedge::Bound(Bound::AtLeast)),
    (&["under"], Hedge::Bound(Bound::LessThan)),
    (&["below"], Hedge::Bound(Bound::LessThan)),
    (&["unter"], Hedge::Bound(Bound::LessThan)),
    (&["höchstens"], Hedge::Bound(Bound::AtMost)),
    (&["maximal"], Hedge::Bound(Bound::AtMost)),
    (&["only"], Hedge::Only),
    (&["just"], Hedge::Only),
    (&["merely"], Hedge::Only),
    (&["lediglich"], Hedge::Only),
    (&["nur"], Hedge::Only),
    (&["bloß"], Hedge::Only),
];

/// Whether `lower` may be the last word of a hedge phrase that does not end in a dot ("than",
/// "etwa", "to"): most words before a figure are none, and no phrase need be tried.
pub fn ends_hedge_phrase(lower: &str) -> bool {
    static LAST_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
        hedge_words(|words| {
            words
                .last()
                .filter(|word| !word.ends_with('.'))
                .into_iter()
                .copied()
                .collect()
        })
    });
    LAST_WORDS.contains(lower)
}

/// The words `pick` takes from each of `HEDGE_PHRASES`: these sets are asked about most
/// words near a figure.
fn hedge_words(pick: impl Fn(&[&'static str]) -> Vec<&'static str>) -> WordSet {
    HEDGE_PHRASES
        .iter()
        .flat_map(|(words, _)| pick(words))
        .collect()
}

/// A set of words, hashed for lookups by many words near each figure.
type WordSet = std::collections::HashSet<&'static str, foldhash::fast::FixedState>;

/// Whether `lower` (a German noun, lowercased) names something written out for an amount,
/// after which "über" says "of", not "more than": "ein Scheck über 500 Euro", "ein Auftrag
/// über 2 Milliarden Euro", "der Haushaltstitel über 500 Mio. €".
pub fn is_german_amount_noun(lower: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "scheck",
        "rechnung",
        "kredit",
        "kredite",
        "darlehen",
        "auftrag",
        "aufträge",
        "vertrag",
        "verträge",
        "anleihe",
        "bürgschaft",
        "titel",
        "zusage",
        "bescheid",
        "vereinbarung",
        "spende",
        "bestellung",
        "angebot",
        "gebot",
        "klage",
        "forderung",
        "strafe",
        "bußgeld",
        "vergleich",
        "paket",
        "finanzierungsrunde",
        "deal",
        "betrag",
        "summe",
        "etat",
        "budget",
    ];
    ENDINGS.iter().any(|ending| lower.ends_with(ending))
}

/// Whether `lower` begins a hedge phrase ("more", "mindestens", "etwa").
pub fn hedge_like(lower: &str) -> bool {
    static FIRST_WORDS: LazyLock<WordSet> =
        LazyLock::new(|| hedge_words(|words| words[..1].to_vec()));
    FIRST_WORDS.contains(lower)
}

/// Whether `lower` is any word of a hedge phrase ("up", "to", "least", "weniger", "etwa").
pub fn in_hedge_phrase(lower: &str) -> bool {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| hedge_words(<[_]>::to_vec));
    WORDS.contains(lower)
}

/// A bound written as a symbol right before the number.
pub fn bound_symbol(symbol: &str) -> Option<Bound> {
    Some(match symbol {
        ">" => Bound::MoreThan,
        "≥" | ">=" => Bound::AtLeast,
        "<" => Bound::LessThan,
        "≤" | "<=" => Bound::AtMost,
        "~" | "≈" | "∼" | "±" => Bound::Approx,
        _ => return None,
    })
}

/// A currency written as a symbol before or after the figure, as its ISO 4217 code.
/// `¥` is returned as `"¥"`; the caller decides between CNY and JPY from context.
pub fn currency_symbol(symbol: &str) -> Option<&'static str> {
    Some(match symbol {
        "$" | "US$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" | "￥" => "¥",
        "CN¥" => "CNY",
        "JP¥" => "JPY",
        "₹" => "INR",
        "₩" => "KRW",
        "A$" => "AUD",
        "C$" | "CA$" => "CAD",
        "HK$" => "HKD",
        "S$" => "SGD",
        "Fr." | "CHF" => "CHF",
        _ => return None,
    })
}

/// A currency written as a word or ISO code, lowercased.
pub fn currency_word(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "usd" | "dollar" | "dollars" | "us-dollar" | "us-dollars" | "us-dollarn" | "dollarn" => {
            "USD"
        }
        "eur" | "euro" | "euros" => "EUR",
        "gbp" | "pfund" | "pound" | "pounds" | "sterling" => "GBP",
        "cny" | "rmb" | "yuan" | "renminbi" => "CNY",
        "jpy" | "yen" => "JPY",
        "chf" | "franken" => "CHF",
        "inr" | "rupees" | "rupien" => "INR",
        "krw" | "won" => "KRW",
        "aud" => "AUD",
        "cad" => "CAD",
        "hkd" => "HKD",
        "sgd" => "SGD",
        _ => return None,
    })
}

/// What a percent word means.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PercentWord {
    Percent,
    /// Percentage points; the factor converts to points (basis points are 0.01 points).
    Points {
        factor: f64,
    },
}

/// Percent words that follow a number (`percent`, `Prozent`, `Prozentpunkte`, `pp`).
/// Multi-word forms (`per cent`, `percentage points`) are matched by the caller.
pub fn percent_word(lower: &str) -> Option<PercentWord> {
    Some(match lower {
        "percent" | "pct" | "pct." | "prozent" | "procent" | "vh" => PercentWord::Percent,
        "pp" | "pp." | "ppt" | "ppts" | "prozentpunkte" | "prozentpunkten" | "prozentpunkt"
        | "%-punkte" | "%-punkten" | "%-punkt" => PercentWord::Points { factor: 1.0 },
        "bps" | "bp" | "basispunkte" | "basispunkten" => PercentWord::Points { factor: 0.01 },
        _ => return None,
    })
}

/// A unit of time, for durations and periods.
pub fn time_unit(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "year" | "years" | "yr" | "yrs" | "jahr" | "jahre" | "jahren" | "jahres" | "jahrs" => {
            "year"
        }
        "decade" | "decades" | "jahrzehnt" | "jahrzehnte" | "jahrzehnten" => "decade",
        "month" | "months" | "monat" | "monate" | "monaten" | "monats" => "month",
        "week" | "weeks" | "woche" | "wochen" => "week",
        "day" | "days" | "tag" | "tage" | "tagen" | "tages" => "day",
        "hour" | "hours" | "hr" | "hrs" | "stunde" | "stunden" => "hour",
        "minute" | "minutes" | "minuten" => "minute",
        "second" | "seconds" | "sekunde" | "sekunden" => "second",
        _ => return None,
    })
}

/// A month name or abbreviation, as its number.
pub fn month(lower: &str) -> Option<u32> {
    Some(match lower {
        "january" | "jan" | "jan." | "januar" | "jänner" | "jän." => 1,
        "february" | "feb" | "feb." | "februar" | "febr." => 2,
        "march" | "mar" | "mar." | "märz" | "mär." | "mrz." => 3,
        "april" | "apr" | "apr." => 4,
        "may" | "mai" => 5,
        "june" | "jun" | "jun." | "juni" => 6,
        "july" | "jul" | "jul." | "juli" => 7,
        "august" | "aug" | "aug." => 8,
        "september" | "sep" | "sep." | "sept" | "sept." => 9,
        "october" | "oct" | "oct." | "oktober" | "okt." => 10,
        "november" | "nov" | "nov." => 11,
        "december" | "dec" | "dec." | "dezember" | "dez." => 12,
        _ => return None,
    })
}

/// Whether `word` (as written, any case) may be a month or its abbreviation (`month`,
/// `month_abbreviation`), judged from its first three bytes. `false` is certain; words
/// shorter than three bytes, or whose first three bytes are not all ASCII letters, are
/// always `true`.
pub fn may_be_month(word: &str) -> bool {
    ascii_head(word).is_none_or(month_prefix)
}

/// Whether three lowercase ASCII letters begin a month or its abbreviation.
#[inline]
pub fn month_prefix(head: [u8; 3]) -> bool {
    matches!(
        head,
        [b'j', b'a', b'n']
            | [b'f', b'e', b'b']
            | [b'm', b'a', b'r' | b'y' | b'i']
            | [b'm', b'r', b'z']
            | [b'a', b'p', b'r']
            | [b'j', b'u', b'n' | b'l']
            | [b'a', b'u', b'g']
            | [b's', b'e', b'p']
            | [b'o', b'c' | b'k', b't']
            | [b'n', b'o', b'v']
            | [b'd', b'e', b'c' | b'z']
    )
}

/// A month abbreviation written with a dot, given without it: "dez" for "Dez.".
pub fn month_abbreviation(stem: &str) -> Option<u32> {
    Some(match stem {
        "jän" => 1,
        "febr" => 2,
        "mär" | "mrz" => 3,
        "okt" => 10,
        "dez" => 12,
        _ => return month(stem),
    })
}

/// English plurals of people and things that are counted in millions and billions, after
/// which a glued `m` or `b` is a scale ("1.5m people", "2bn doses"), not metres.
pub fn is_counted_plural(lower: &str) -> bool {
    matches!(
        lower,
        "people"
            | "persons"
            | "jobs"
            | "households"
            | "homes"
            | "customers"
            | "subscribers"
            | "viewers"
            | "visitors"
            | "passengers"
            | "voters"
            | "children"
            | "workers"
            | "patients"
            | "residents"
            | "adults"
            | "students"
            | "pupils"
            | "members"
            | "citizens"
            | "downloads"
            | "vehicles"
            | "cars"
            | "barrels"
            | "copies"
            | "tickets"
            | "trees"
            | "deaths"
            | "cases"
            | "refugees"
            | "tourists"
            | "accounts"
            | "devices"
            | "phones"
            | "doses"
            | "meals"
            | "shares"
    )
}

/// Nouns after which a number is an identifier, not a claim ("section 3", "Seite 12", "EIP 1559").
pub fn is_reference_noun(lower: &str) -> bool {
    matches!(
        lower,
        "section"
            | "sections"
            | "tier"
            | "stage"
            | "chapter"
            | "chapters"
            | "ch"
            | "page"
            | "pages"
            | "p."
            | "pp"
            | "figure"
            | "fig"
            | "fig."
            | "table"
            | "step"
            | "phase"
            | "version"
            | "v"
            | "level"
            | "line"
            | "lines"
            | "item"
            | "no"
            | "no."
            | "nr"
            | "nr."
            | "number"
            | "issue"
            | "issues"
            | "pr"
            | "prs"
            | "rfc"
            | "rfcs"
            | "eip"
            | "eips"
            | "erc"
            | "ercs"
            | "bip"
            | "bips"
            | "pep"
            | "peps"
            | "se"
            | "article"
            | "art."
            | "paragraph"
            | "para"
            | "§"
            | "kapitel"
            | "abschnitt"
            | "seite"
            | "seiten"
            | "abbildung"
            | "abb."
            | "tabelle"
            | "schritt"
            | "stufe"
            | "nummer"
            | "artikel"
            | "absatz"
            | "port"
            | "release"
            | "build"
            | "block"
            | "slot"
            | "round"
            | "part"
            | "teil"
            | "volume"
            | "vol."
            | "edition"
            | "ausgabe"
            | "season"
            | "staffel"
            | "episode"
            | "folge"
            | "appendix"
            | "anhang"
            | "exercise"
            | "listing"
            | "example"
            | "beispiel"
            | "option"
            | "alternative"
            | "variant"
            | "approach"
            | "scenario"
            | "case"
            | "story"
            | "milestone"
            | "kep"
            | "keps"
            | "task"
            | "question"
            | "lesson"
            | "variante"
            | "szenario"
            | "aufgabe"
            | "frage"
            | "lektion"
            | "id"
            | "ticket"
            | "bug"
            | "footnote"
            | "fußnote"
            | "rule"
            | "regel"
            | "commit"
            | "pull"
            | "patch"
            | "revision"
            | "rev"
            | "rev."
            | "draft"
            | "ch."
            | "sec."
            | "§§"
            | "lemma"
            | "theorem"
            | "proposition"
            | "definition"
            | "errata"
            | "opcode"
            | "type"
            | "draft-"
            | "iso"
            | "din"
            | "en"
            | "utf-"
            | "ipv"
            | "http"
            | "h."
            | "band"
            | "bd."
            | "heft"
            | "s."
            | "z."
            | "zeile"
            | "ziffer"
            | "lit."
            | "abs."
    )
}

/// Function words that end a noun phrase and never name what a figure counts: conjunctions,
/// prepositions, auxiliaries and pronouns ("and", "or", "sind", "davon").
pub fn is_function_word(lower: &str) -> bool {
    is_auxiliary(lower)
        || is_german_article(lower)
        || matches!(
            lower,
            "and"
                | "or"
                | "what"
                | "but"
                | "nor"
                | "in"
                | "for"
                | "to"
                | "that"
                | "which"
                | "who"
                | "with"
                | "by"
                | "than"
                | "from"
                | "on"
                | "at"
                | "as"
                | "it"
                | "its"
                | "this"
                | "of"
                | "each"
                | "apiece"
                | "more"
                | "respectively"
                | "versus"
                | "vs"
                | "across"
                | "into"
                | "per"
                | "over"
                | "under"
                | "after"
                | "before"
                | "since"
                | "during"
                | "through"
                | "against"
                | "among"
                | "between"
                | "within"
                | "without"
                | "up"
                | "down"
                | "out"
                | "off"
                | "next"
                | "last"
                | "so"
                | "while"
                | "when"
                | "where"
                | "if"
                | "then"
                | "they"
                | "we"
                | "he"
                | "she"
                | "them"
                | "those"
                | "these"
                | "there"
                | "here"
                | "not"
                | "a"
                | "an"
                | "the"
                | "und"
                | "oder"
                | "aber"
                | "mit"
                | "für"
                | "zu"
                | "ist"
                | "sind"
                | "war"
                | "waren"
                | "wird"
                | "werden"
                | "wurde"
                | "wurden"
                | "hat"
                | "haben"
                | "hatte"
                | "hatten"
                | "als"
                | "auf"
                | "bei"
                | "dass"
                | "sich"
                | "es"
                | "sie"
                | "er"
                | "nicht"
                | "auch"
                | "noch"
                | "wie"
                | "im"
                | "am"
                | "um"
                | "von"
                | "vom"
                | "aus"
                | "nach"
                | "pro"
                | "je"
                | "jeweils"
                | "davon"
                | "bzw"
                | "beziehungsweise"
                | "sowie"
                | "mehr"
                | "weniger"
                | "sein"
                | "seien"
                | "ob"
                | "wenn"
                | "weil"
                | "während"
                | "dessen"
                | "deren"
                | "denen"
                | "wer"
                | "doch"
                | "jedoch"
                | "dann"
                | "also"
                | "bereits"
                | "schon"
                | "nur"
                | "etwa"
        )
}

/// A stock index or ranking whose name ends in a number: "DAX 40", "FTSE 100",
/// "Nikkei 225", "Fortune 500".
pub fn is_stock_index(lower: &str) -> bool {
    matches!(
        lower,
        "fortune"
            | "forbes"
            | "dax"
            | "mdax"
            | "sdax"
            | "tecdax"
            | "ftse"
            | "nikkei"
            | "stoxx"
            | "russell"
            | "nasdaq"
            | "cac"
            | "dow"
            | "kospi"
            | "csi"
            | "sensex"
            | "nifty"
            | "seng"
            | "smi"
            | "atx"
            | "ibex"
            | "aex"
            | "asx"
            | "msci"
    )
}

/// Nouns after which "unter"/"among" introduces the people asked, not a bound: "eine
/// Umfrage unter 603 Unternehmen".
pub fn is_survey_noun(lower: &str) -> bool {
    // German compounds end in the noun: "Bitkom-Umfrage", "Mitgliederbefragung".
    [
        "umfrage",
        "befragung",
        "studie",
        "erhebung",
        "analyse",
        "auswertung",
    ]
    .iter()
    .any(|noun| lower.ends_with(noun))
        || matches!(lower, "survey" | "poll" | "study")
}

/// English verbs in the singular that follow a year opening a sentence: "2024 was a record
/// year", "2023 saw revenue double". (A count before its verb takes a plural one.)
pub fn is_english_verb_after_year(lower: &str) -> bool {
    matches!(
        lower,
        "was"
            | "is"
            | "has"
            | "had"
            | "will"
            | "saw"
            | "sees"
            | "brought"
            | "brings"
            | "marked"
            | "marks"
            | "began"
            | "begins"
            | "ended"
            | "ends"
            | "became"
            | "becomes"
            | "proved"
            | "remains"
            | "remained"
            | "looks"
            | "looked"
            | "promises"
            | "turned"
            | "delivered"
            | "started"
            | "closed"
    )
}

/// Finite German verbs that follow a year at the start of a clause ("2023 waren es …") or
/// that a year closing the clause follows ("weitere folgen 2028").
pub fn is_german_finite_verb(lower: &str) -> bool {
    matches!(
        lower,
        "war"
            | "waren"
            | "ist"
            | "sind"
            | "wird"
            | "werden"
            | "wurde"
            | "wurden"
            | "hat"
            | "hatte"
            | "hatten"
            | "haben"
            | "lag"
            | "lagen"
            | "liegt"
            | "stieg"
            | "stiegen"
            | "fiel"
            | "fielen"
            | "kam"
            | "kamen"
            | "gab"
            | "gibt"
            | "soll"
            | "sollen"
            | "will"
            | "wollen"
            | "dürfte"
            | "dürften"
            | "könnte"
            | "könnten"
            | "sank"
            | "sanken"
            | "wuchs"
            | "betrug"
            | "folgen"
            | "folgt"
            | "folgte"
            | "folgten"
            | "kommt"
            | "kommen"
            | "beginnt"
            | "begann"
            | "endet"
            | "endete"
            | "startet"
            | "startete"
            | "läuft"
            | "lief"
            | "gilt"
            | "galt"
            | "erschien"
            | "erscheint"
            | "fand"
            | "findet"
            | "steigt"
            | "sinkt"
            | "wächst"
            | "fällt"
    )
}

/// German adverbs, particles and prepositions that go on with a clause after a year: "kam
/// 2024 zu spät", "folgen 2028 noch zwei", "lag 2024 bei 13,5 Prozent", "verkaufte 2024
/// erstmals mehr als". (Not "mehr" or "an": "verkaufte 2000 mehr als im Vorjahr", "verkaufte
/// 2000 an Händler" count.)
pub fn is_german_clause_particle(lower: &str) -> bool {
    matches!(
        lower,
        "zu" | "nicht"
            | "bei"
            | "um"
            | "auf"
            | "im"
            | "erstmals"
            | "insgesamt"
            | "rund"
            | "etwa"
            | "knapp"
            | "noch"
            | "erst"
            | "bereits"
            | "schon"
            | "wieder"
            | "auch"
            | "kaum"
            | "fast"
            | "deutlich"
            | "erneut"
            | "zum"
            | "zur"
    )
}

/// Whether a German word before "3." makes it an ordinal before the noun after it: an
/// article or a preposition joined with one ("im 2. Quartal", "auf dem 3. Platz", "zum 5.
/// Mal"), where a figure would end the sentence ("stieg auf 5. Danach …").
pub fn leads_german_ordinal(lower: &str) -> bool {
    matches!(
        lower,
        "im" | "am"
            | "zum"
            | "zur"
            | "vom"
            | "beim"
            | "ins"
            | "der"
            | "die"
            | "das"
            | "dem"
            | "den"
            | "des"
            | "seinem"
            | "seiner"
            | "ihrem"
            | "ihrer"
    )
}

/// A German ordinal from the second on, as its number: "zehnte" → 10, "dritten" → 3,
/// "zwölfte" → 12, "Zwanzigste" → 20, "hundertste" → 100. The stem is the number word with
/// `-t` up to nineteen and `-st` from twenty.
pub fn german_ordinal(lower: &str) -> Option<u32> {
    let stem = ["en", "er", "es", "em", "e"]
        .iter()
        .find_map(|ending| lower.strip_suffix(ending))?;
    match stem {
        "zweit" => return Some(2),
        "dritt" => return Some(3),
        "siebt" | "siebent" => return Some(7),
        "acht" => return Some(8),
        _ => {}
    }
    let whole = |word: &str| german_number(word).and_then(|value| u32::try_from(value).ok());
    if let Some(word) = stem.strip_suffix("st")
        && let Some(value) = whole(word).filter(|&value| value >= 20)
    {
        return Some(value);
    }
    let value = whole(stem.strip_suffix('t')?)?;
    (4..20).contains(&value).then_some(value)
}

/// A day of the week.
pub fn is_weekday(lower: &str) -> bool {
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "montag"
            | "dienstag"
            | "mittwoch"
            | "donnerstag"
            | "freitag"
            | "samstag"
            | "sonntag"
    )
}

/// Words before a year that name a part of it: "Q3 2024", "im Quartal 2024", "H1 2025",
/// "FY 2025", "Geschäftsjahr 2024".
pub fn is_period_word(lower: &str) -> bool {
    matches!(
        lower,
        "q1" | "q2"
            | "q3"
            | "q4"
            | "h1"
            | "h2"
            | "quarter"
            | "quartal"
            | "quartals"
            | "halbjahr"
            | "halbjahres"
            | "geschäftsjahr"
            | "geschäftsjahres"
            | "fiscal"
            | "fy"
            | "cy"
            | "month"
            | "monat"
            | "jahrgang"
            | "vintage"
            | "class"
    )
}

/// Ordinal suffixes attached to digits ("1st", "2nd", "3rd", "4th").
pub fn is_ordinal_suffix(lower: &str) -> bool {
    matches!(lower, "st" | "nd" | "rd" | "th")
}

/// A multiplier word after a number or hyphen (`10-fold`, `10-fache`, `10 times`, `10x`).
pub fn multiplier_suffix(lower: &str) -> bool {
    matches!(
        lower,
        "x" | "×"
            | "fold"
            | "times"
            | "fach"
            | "fache"
            | "fachen"
            | "facher"
            | "faches"
            | "mal"
            | "malige"
            | "maligen"
    )
}

/// A fraction word, with the denominator it names ("third" → 3, "Hälfte" → 2).
pub fn fraction_denominator(lower: &str) -> Option<u32> {
    Some(match lower {
        "half" | "halves" | "hälfte" => 2,
        "third" | "thirds" | "drittel" => 3,
        "quarter" | "quarters" | "fourth" | "fourths" | "viertel" => 4,
        "fifth" | "fifths" | "fünftel" => 5,
        "sixth" | "sixths" | "sechstel" => 6,
        "seventh" | "sevenths" | "siebtel" => 7,
        "eighth" | "eighths" | "achtel" => 8,
        "ninth" | "ninths" | "neuntel" => 9,
        "tenth" | "tenths" | "zehntel" => 10,
        "hundredth" | "hundredths" | "hundertstel" => 100,
        "thousandth" | "thousandths" | "tausendstel" => 1000,
        _ => return None,
    })
}

/// An English ordinal that is also a fraction word ("third", "fifth"): "a third" is a share or
/// the third of something.
pub fn is_english_ordinal(lower: &str) -> bool {
    matches!(
        lower,
        "third"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "hundredth"
            | "thousandth"
    )
}

/// Words that may follow "a third" when it is a share: "of", comparatives, and the verbs and
/// adverbs a share is the subject of or stands with ("a third said", "a third now").
pub fn follows_a_share(lower: &str) -> bool {
    matches!(
        lower,
        "of" | "more"
            | "less"
            | "fewer"
            | "higher"
            | "lower"
            | "larger"
            | "smaller"
            | "bigger"
            | "greater"
            | "cheaper"
            | "faster"
            | "slower"
            | "longer"
            | "shorter"
            | "above"
            | "below"
            | "off"
            | "said"
            | "say"
            | "says"
            | "are"
            | "were"
            | "was"
            | "is"
            | "have"
            | "has"
            | "had"
            | "do"
            | "does"
            | "did"
            | "use"
            | "used"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "should"
            | "now"
            | "still"
            | "already"
            | "also"
            | "only"
            | "reported"
            | "expect"
            | "expected"
            | "plan"
            | "want"
            | "work"
            | "live"
            | "own"
            | "and"
            | "or"
            | "to"
            | "in"
            | "on"
            | "at"
            | "from"
            | "since"
            | "last"
            | "this"
            | "each"
            | "per"
    )
}

/// A German article, definite or indefinite, in any case.
pub fn is_german_article(lower: &str) -> bool {
    matches!(
        lower,
        "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "des"
            | "ein"
            | "eine"
            | "einen"
            | "einem"
            | "einer"
    )
}

/// An English auxiliary or modal verb.
fn is_auxiliary(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "shall"
    )
}

/// A verb that may follow a share standing for people or things just named: "half had no
/// plans", "half said". Lowercased.
pub fn is_verb_after_share(lower: &str) -> bool {
    is_auxiliary(lower) && !matches!(lower, "be" | "been")
        || matches!(
            lower,
            "said"
                | "say"
                | "says"
                | "did"
                | "do"
                | "does"
                | "plan"
                | "plans"
                | "planned"
                | "expect"
                | "expects"
                | "expected"
                | "reported"
                | "report"
                | "use"
                | "used"
                | "agreed"
                | "think"
                | "thought"
                | "believe"
                | "believed"
                | "want"
                | "wanted"
                | "voted"
                | "chose"
                | "own"
                | "owned"
        )
}

/// A spelled-out multiplier word ("tenfold", "zehnfach", "twice", "doppelt").
pub fn multiplier_word(lower: &str, language: Option<Language>) -> Option<f64> {
    match lower {
        "twice" | "doppelt" | "doppelte" | "doppelten" | "zweifach" | "zweifache" => {
            return Some(2.0);
        }
        "double" | "triple" | "quadruple" | "doubled" | "tripled" | "quadrupled"
            if language != Some(Language::German) =>
        {
            return Some(match lower {
                "double" | "doubled" => 2.0,
                "triple" | "tripled" => 3.0,
                _ => 4.0,
            });
        }
        "thrice" => return Some(3.0),
        // German verbs and nouns of multiplying: "hat sich verdoppelt", "eine Verdopplung".
        "verdoppelt" | "verdoppelte" | "verdoppelten" | "verdoppeltes" | "verdoppelter"
        | "verdoppeltem" | "verdoppeln" | "verdopplung" | "verdoppelung" => return Some(2.0),
        _ => {}
    }
    // "verdreifacht", "verzehnfachte", "Vervierfachung".
    if let Some(rest) = lower.strip_prefix("ver")
        && let Some((stem, ending)) = rest.split_once("fach")
        && MULTIPLYING_ENDINGS.contains(&ending)
        && let Some(value) = number_word(stem).filter(|word| word.value >= 3.0)
    {
        return Some(value.value);
    }
    for suffix in ["fold", "fach", "fache", "fachen", "facher", "faches"] {
        if let Some(stem) = lower.strip_suffix(suffix)
            && !stem.is_empty()
            && let Some(value) = number_word(stem)
            && value.value >= 2.0
        {
            return Some(value.value);
        }
    }
    None
}

/// The endings of German verbs and nouns of multiplying after `ver…fach`.
const MULTIPLYING_ENDINGS: [&str; 8] = ["t", "te", "ten", "tes", "ter", "tem", "en", "ung"];

/// A number word as the grammar reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumberWord {
    pub value: f64,
    /// "one", "ein", "eine", "a": only a number before a scale or fraction word.
    pub article_like: bool,
}

/// Parses an English or German number word (lowercased): "five", "twenty-five", "fünf",
/// "einundzwanzig", "zweihundert", "dreitausend", "dozen".
pub fn number_word(lower: &str) -> Option<NumberWord> {
    match lower {
        "one" | "ein" | "eine" | "einen" | "einem" | "einer" | "a" | "an" => {
            return Some(NumberWord {
                value: 1.0,
                article_like: true,
            });
        }
        "dozen" => {
            return Some(NumberWord {
                value: 12.0,
                article_like: false,
            });
        }
        "dutzend" => {
            return Some(NumberWord {
                value: 12.0,
                article_like: false,
            });
        }
        _ => {}
    }
    // "eineinhalb", "anderthalb", "zweieinhalb": and a half.
    if lower == "anderthalb" {
        return Some(NumberWord {
            value: 1.5,
            article_like: false,
        });
    }
    if let Some(whole) = lower.strip_suffix("einhalb") {
        let whole = if whole == "ein" {
            1
        } else {
            german_number(whole)?
        };
        return Some(NumberWord {
            value: whole as f64 + 0.5,
            article_like: false,
        });
    }
    let value = english_number(lower).or_else(|| german_number(lower))?;
    Some(NumberWord {
        value: value as f64,
        article_like: false,
    })
}

fn english_unit(word: &str) -> Option<u64> {
    Some(match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn english_tens(word: &str) -> Option<u64> {
    Some(match word {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

fn english_number(word: &str) -> Option<u64> {
    if let Some(value) = english_unit(word).or_else(|| english_tens(word)) {
        return Some(value);
    }
    if word == "hundred" {
        return Some(100);
    }
    let (tens, unit) = word.split_once('-')?;
    let tens = english_tens(tens)?;
    let unit = english_unit(unit).filter(|&unit| (1..=9).contains(&unit))?;
    Some(tens + unit)
}

fn german_unit(word: &str) -> Option<u64> {
    Some(match word {
        "null" => 0,
        "eins" => 1,
        "zwei" => 2,
        "drei" => 3,
        "vier" => 4,
        "fünf" => 5,
        "sechs" => 6,
        "sieben" => 7,
        "acht" => 8,
        "neun" => 9,
        "zehn" => 10,
        "elf" => 11,
        "zwölf" => 12,
        "dreizehn" => 13,
        "vierzehn" => 14,
        "fünfzehn" => 15,
        "sechzehn" => 16,
        "siebzehn" => 17,
        "achtzehn" => 18,
        "neunzehn" => 19,
        _ => return None,
    })
}

fn german_tens(word: &str) -> Option<u64> {
    Some(match word {
        "zwanzig" => 20,
        "dreißig" | "dreissig" => 30,
        "vierzig" => 40,
        "fünfzig" => 50,
        "sechzig" => 60,
        "siebzig" => 70,
        "achtzig" => 80,
        "neunzig" => 90,
        _ => return None,
    })
}

/// German below one hundred: "fünf", "zwanzig", "einundzwanzig".
fn german_below_hundred(word: &str) -> Option<u64> {
    if let Some(value) = german_unit(word).or_else(|| german_tens(word)) {
        return Some(value);
    }
    let (unit, tens) = split_once_in_word(word, "und")?;
    let unit = if unit == "ein" {
        Some(1)
    } else {
        german_unit(unit)
    }?;
    if !(1..=9).contains(&unit) {
        return None;
    }
    Some(unit + german_tens(tens)?)
}

/// `word` split around the first `part` in it, as `str::split_once`, without the set-up of a
/// general substring search, which costs more than the search in a word this short.
fn split_once_in_word<'w>(word: &'w str, part: &str) -> Option<(&'w str, &'w str)> {
    let at = word
        .as_bytes()
        .windows(part.len())
        .position(|window| window == part.as_bytes())?;
    Some((word.get(..at)?, word.get(at + part.len()..)?))
}

/// German below one million: "hundert", "zweihundertfünf", "dreitausend".
fn german_number(word: &str) -> Option<u64> {
    // Every German number word starts with a number stem: a cheap test that spares the
    // splitting below for all other words.
    const STEMS: &[&str] = &[
        "null", "ein", "zwei", "zwan", "zwölf", "drei", "vier", "fünf", "sech", "sieb", "acht",
        "neun", "zehn", "elf", "hundert", "tausend",
    ];
    if word.len() < 3 || !STEMS.iter().any(|stem| word.starts_with(stem)) {
        return None;
    }
    if let Some((before, after)) = split_once_in_word(word, "tausend") {
        let thousands = if before.is_empty() || before == "ein" {
            1
        } else {
            german_below_thousand(before)?
        };
        let rest = if after.is_empty() {
            0
        } else {
            german_below_thousand(after)?
        };
        return Some(thousands * 1000 + rest);
    }
    german_below_thousand(word)
}

fn german_below_thousand(word: &str) -> Option<u64> {
    if let Some((before, after)) = split_once_in_word(word, "hundert") {
        let hundreds = if before.is_empty() || before == "ein" {
            1
        } else {
            german_unit(before).filter(|&unit| (1..=9).contains(&unit))?
        };
        let rest = if after.is_empty() {
            0
        } else {
            german_below_hundred(after.strip_prefix("und").unwrap_or(after))?
        };
        return Some(hundreds * 100 + rest);
    }
    german_below_hundred(word)
}

/// A word that says which of a unit a price is for, lowercased, as one name for both
/// languages: "input" tokens cost less than "output" tokens ("Eingabe-Token",
/// "Ausgabe-Token"), cached input less again.
pub fn rate_qualifier(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "input" | "eingabe" | "prompt" => "input",
        "output" | "ausgabe" | "completion" => "output",
        "cached" | "cache" | "gecachte" | "gecachter" => "cached",
        _ => return None,
    })
}

/// A noun that names a change, lowercased ("rise", "Rückgang"): whether it goes up.
pub fn change_noun(lower: &str) -> Option<bool> {
    match lower {
        "jump" | "increase" | "rise" | "gain" | "growth" | "anstieg" | "zuwachs" | "zunahme"
        | "plus" => Some(true),
        "drop" | "decline" | "fall" | "decrease" | "cut" | "rückgang" | "abnahme" | "minus"
        | "einbruch" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_word_is_found_only_at_a_word_start() {
        assert!(starts_a_word("its revenue rose", "revenue"));
        assert!(starts_a_word("umsatzplus von", "umsatz"));
        assert!(starts_a_word("(revenue)", "revenue"));
        assert!(!starts_a_word("the usage grew", "age"));
        assert!(!starts_a_word("prerevenue", "revenue"));
        assert!(!starts_a_word("anything", ""));
    }

    use super::*;

    #[test]
    fn lowercases_as_the_standard_library_does() {
        let mut buffer = [0u8; 48];
        for code in (0..0x250).chain(0x1E00..0x1F00) {
            let Some(ch) = char::from_u32(code) else {
                continue;
            };
            let word = format!("a{ch}B");
            assert_eq!(
                lowercase_into(&word, &mut buffer),
                Some(word.to_lowercase().as_str()),
                "{ch:?}"
            );
        }
        assert_eq!(
            LowerWord::new("FÜNFUNDZWANZIG").as_deref(),
            Some("fünfundzwanzig")
        );
    }

    #[test]
    fn hedge_word_lists_hold_the_phrases_words() {
        for (words, _) in HEDGE_PHRASES {
            assert!(hedge_like(words[0]), "{words:?}");
            assert!(words.iter().all(|word| in_hedge_phrase(word)), "{words:?}");
            let last = words[words.len() - 1];
            assert_eq!(ends_hedge_phrase(last), !last.ends_with('.'), "{words:?}");
        }
        assert!(!hedge_like("least") && !in_hedge_phrase("dollars"));
    }

    #[test]
    fn german_ordinals_from_the_second_on() {
        for (word, value) in [
            ("zweite", 2),
            ("dritten", 3),
            ("siebente", 7),
            ("achte", 8),
            ("zehnte", 10),
            ("elfte", 11),
            ("zwölfte", 12),
            ("fünfzehnten", 15),
            ("zwanzigste", 20),
            ("einundzwanzigste", 21),
            ("dreißigsten", 30),
            ("hundertste", 100),
            ("tausendste", 1000),
        ] {
            assert_eq!(german_ordinal(word), Some(value), "{word}");
        }
        // The first is no share; neither is a cardinal with an ending, nor "zwanzigte".
        for word in [
            "erste",
            "zwölf",
            "zwanzigte",
            "achtzehnste",
            "drei",
            "hunderte",
            "tausende",
        ] {
            assert_eq!(german_ordinal(word), None, "{word}");
        }
    }

    /// The short words the reader passes over (`short_word_may_start_claim`) are no words a
    /// claim starts at: no number, multiplier or month word or abbreviation, in any language.
    #[test]
    fn short_words_passed_over_start_no_claim() {
        let characters: Vec<char> = ('a'..='z').chain('0'..='9').collect();
        let mut words: Vec<String> = characters.iter().map(char::to_string).collect();
        for &first in &characters {
            for &second in &characters {
                words.push(format!("{first}{second}"));
            }
        }
        let mut passed_over = 0;
        for word in &words {
            for written in [word.clone(), word.to_uppercase(), capitalised(word)] {
                if short_word_may_start_claim(&written) {
                    assert!(matches!(word.as_str(), "a" | "an"), "{written}");
                    continue;
                }
                passed_over += 1;
                let lower = written.to_lowercase();
                assert!(number_word(&lower).is_none(), "{written}");
                assert!(month(&lower).is_none(), "{written}");
                assert!(month_abbreviation(&lower).is_none(), "{written}");
                for language in [None, Some(Language::English), Some(Language::German)] {
                    assert!(multiplier_word(&lower, language).is_none(), "{written}");
                }
            }
        }
        assert!(passed_over > 3000);
        assert!(short_word_may_start_claim("ß") && short_word_may_start_claim("½"));
    }

    #[test]
    fn number_words_in_both_languages() {
        let value = |word: &str| number_word(word).map(|word| word.value);
        assert_eq!(value("five"), Some(5.0));
        assert_eq!(value("twenty-five"), Some(25.0));
        assert_eq!(value("ninety-nine"), Some(99.0));
        assert_eq!(value("fünf"), Some(5.0));
        assert_eq!(value("vier"), Some(4.0));
        assert_eq!(value("einundzwanzig"), Some(21.0));
        assert_eq!(value("neunundneunzig"), Some(99.0));
        assert_eq!(value("zweihundertfünf"), Some(205.0));
        assert_eq!(value("dreitausend"), Some(3000.0));
        assert_eq!(value("hundert"), Some(100.0));
        assert_eq!(value("undine"), None);
        assert_eq!(value("elfen"), None);
        assert!(number_word("eine").unwrap().article_like);
    }

    /// `may_be_number_word` may only pass over words that are none of the grammar's: every
    /// word literal of this file, alone, joined to another (German compounds, "-fold",
    /// "-fach", "-einhalb", "-und-"), hyphenated, and capitalised, is checked.
    #[test]
    fn the_prefix_gate_lets_every_number_word_through() {
        let source = include_str!("lexicon.rs");
        let mut literals: Vec<&str> = source
            .split('"')
            .skip(1)
            .step_by(2)
            .filter(|literal| {
                !literal.is_empty()
                    && literal.len() <= 20
                    && literal
                        .chars()
                        .all(|ch| ch.is_alphabetic() || ch == '.' || ch == '-')
            })
            .collect();
        literals.sort_unstable();
        literals.dedup();
        assert!(literals.len() > 300, "{} literals", literals.len());
        let mut checked = 0;
        let mut check = |word: &str| {
            for written in [word.to_owned(), capitalised(word), word.to_uppercase()] {
                let lower = written.to_lowercase();
                if reads_as_number_word(&written, &lower) {
                    checked += 1;
                    assert!(
                        may_be_number_word(&written),
                        "the prefix gate passes over {written:?}"
                    );
                    // The word as the filter meets it: alone, or followed by more text.
                    for rest in ["", " and", ". So", ", 5"] {
                        assert!(
                            may_read_as_number_word(&format!("{written}{rest}")),
                            "the four-letter gate passes over {written:?}"
                        );
                    }
                }
            }
        };
        // The second part of a compound is a number word or a suffix.
        let parts: Vec<&str> = literals
            .iter()
            .copied()
            .filter(|b| reads_as_number_word(b, b) || multiplier_suffix(b) || *b == "einhalb")
            .collect();
        for a in &literals {
            check(a);
            check(&format!("{a}-year"));
            for ending in MULTIPLYING_ENDINGS {
                check(&format!("ver{a}fach{ending}"));
            }
            for b in &parts {
                check(&format!("{a}{b}"));
                check(&format!("{a}und{b}"));
                check(&format!("{a}-{b}"));
            }
        }
        assert!(checked > 5_000, "only {checked} number words were checked");
        // And it does pass over ordinary words.
        for word in ["the", "Which", "people", "server", "Zeitung", "über"] {
            let lower = word.to_lowercase();
            assert!(!reads_as_number_word(word, &lower));
        }
        assert!(!may_be_number_word("the") && !may_be_number_word("Server"));
        // Every month the lexicon knows passes the month gate, and most words do not.
        for word in literals.iter().filter(|word| {
            let lower = word.to_lowercase();
            month(&lower).is_some() || month_abbreviation(&lower).is_some()
        }) {
            assert!(
                may_be_month(word) && may_be_month(&capitalised(word)),
                "{word}"
            );
        }
        assert!(!may_be_month("Server") && !may_be_month("The") && !may_be_month("Kubernetes"));
        // The second gate passes over the words that share the first three letters of one.
        for word in [
            "and", "For", "this", "THOSE", "through", "section", "security", "one",
        ] {
            let lower = word.to_lowercase();
            assert!(!reads_as_number_word(word, &lower));
            assert!(
                may_be_number_word(word) && !may_read_as_number_word(word),
                "{word}"
            );
        }
        assert!(may_read_as_number_word("two.") && may_read_as_number_word("one-third"));
    }

    /// `ends_hedge_phrase` knows the last word of every hedge phrase that ends in a word.
    #[test]
    fn the_hedge_gate_knows_every_last_word() {
        for (words, _) in HEDGE_PHRASES {
            let last = words[words.len() - 1];
            assert!(last.ends_with('.') || ends_hedge_phrase(last), "{words:?}");
        }
        assert!(!ends_hedge_phrase("has") && !ends_hedge_phrase("the"));
    }

    fn capitalised(word: &str) -> String {
        let mut chars = word.chars();
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }

    #[test]
    fn halves_and_lowercase_words() {
        let value = |word: &str| number_word(word).map(|word| word.value);
        assert_eq!(value("eineinhalb"), Some(1.5));
        assert_eq!(value("anderthalb"), Some(1.5));
        assert_eq!(value("zweieinhalb"), Some(2.5));
        assert_eq!(LowerWord::new("ÜBER").unwrap().as_str(), "über");
        assert_eq!(month_abbreviation("dez"), Some(12));
        assert!(is_survey_noun("bitkom-umfrage"));
        assert!(is_function_word("und") && !is_function_word("server"));
    }

    #[test]
    fn lowercase_words_are_borrowed_and_others_copied() {
        let lower = "milliarden";
        let borrowed = LowerWord::new(lower).unwrap();
        assert!(std::ptr::eq(borrowed.as_str(), lower));
        assert_eq!(LowerWord::new("Milliarden").unwrap().as_str(), "milliarden");
        assert_eq!(LowerWord::new("fünf").unwrap().as_str(), "fünf");
        assert_eq!(LowerWord::new("FÜNF").unwrap().as_str(), "fünf");
        assert_eq!(LowerWord::default().as_str(), "");
        // No word of the grammar is longer than 48 bytes, in any case.
        for long in ["a".repeat(49), "A".repeat(49), "ü".repeat(25)] {
            assert!(LowerWord::new(&long).is_none(), "{long}");
        }
        assert_eq!(LowerWord::new(&"a".repeat(48)).unwrap().len(), 48);
    }

    #[test]
    fn billion_depends_on_language_and_case() {
        let german = scale_word("Billion", "billion", Some(Language::German)).unwrap();
        assert_eq!(german.exponent, 12);
        let english = scale_word("billion", "billion", Some(Language::English)).unwrap();
        assert_eq!(english.exponent, 9);
        assert_eq!(
            scale_word("Milliarden", "milliarden", None)
                .unwrap()
                .exponent,
            9
        );
        assert_eq!(
            scale_word("Billiarden", "billiarden", None)
                .unwrap()
                .exponent,
            15
        );
    }

    #[test]
    fn multiplier_words() {
        assert_eq!(multiplier_word("tenfold", None), Some(10.0));
        assert_eq!(multiplier_word("zehnfach", None), Some(10.0));
        assert_eq!(multiplier_word("zehnfache", None), Some(10.0));
        assert_eq!(multiplier_word("twice", None), Some(2.0));
        assert_eq!(multiplier_word("manifold", None), None);
        assert_eq!(multiplier_word("verdoppelt", None), Some(2.0));
        assert_eq!(multiplier_word("verdreifachte", None), Some(3.0));
        assert_eq!(multiplier_word("verzehnfachung", None), Some(10.0));
        assert_eq!(multiplier_word("verhundertfachen", None), Some(100.0));
        assert_eq!(multiplier_word("vervielfacht", None), None);
        assert_eq!(multiplier_word("verzweifelt", None), None);
        assert_eq!(multiplier_word("verzweifacht", None), None);
    }
}
