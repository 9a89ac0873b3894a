//! Deterministic generators for benchmark inputs: number-dense English and German articles
//! and the pathological inputs of the speed targets.
//!
//! This file has no dependencies so that it serves two callers: `benches/engine.rs` includes
//! it as a module, and `scripts/bench/generate.rs` (compiled with plain `rustc` by
//! `scripts/bench/run.sh`) writes its output to files. The same seed and size always give the
//! same bytes, on every machine.

/// The seed of the generated articles, shared by the script and the criterion benchmark.
pub const SEED: u64 = 2026;

/// A small, fast, deterministic pseudo-random generator (SplitMix64).
pub struct Random {
    state: u64,
}

impl Random {
    pub fn new(seed: u64) -> Random {
        Random { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound` > 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// The languages the article generator writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    English,
    German,
}

/// A number-dense Markdown article collection of about `bytes` bytes: headings, paragraphs,
/// lists and tables full of amounts, currencies, scale words, percentages, percentage points,
/// ranges, bounds, dates, units and number words.
pub fn articles(language: Language, seed: u64, bytes: usize) -> String {
    let mut random = Random::new(seed);
    let mut out = String::with_capacity(bytes + 4096);
    let mut article = 0;
    while out.len() < bytes {
        article += 1;
        match language {
            Language::English => english_article(&mut random, article, &mut out),
            Language::German => german_article(&mut random, article, &mut out),
        }
    }
    out
}

/// A 5 MB-class pathological input, by name; `None` for an unknown name. See [`PATHOLOGICAL`].
pub fn pathological(name: &str, bytes: usize) -> Option<String> {
    let text = match name {
        "digits-spaced" => repeat_to("1 2 3 4 5 6 7 8 9 0 ", bytes),
        "digits-run" => repeat_to("1234567890", bytes),
        "counting" => counting(bytes),
        "grouped-de" => format!("Es waren 1{} Euro.\n", repeat_to(".000", bytes)),
        "grouped-en" => format!(
            "It was ${}.\n",
            repeat_to("999,", bytes).trim_end_matches(',')
        ),
        "numbers-one-line" => numbers_one_line(100_000),
        "number-words-en" => repeat_to(
            "one two three hundred thousand million billion twenty-five and a half dozen ",
            bytes,
        ),
        "number-words-de" => repeat_to(
            "eins zwei drei hundert tausend Millionen Milliarden fünfundzwanzig und einhalb Dutzend ",
            bytes,
        ),
        "nested-lists" => nested_lists(bytes),
        "nested-quotes" => nested_quotes(bytes),
        "nested-emphasis" => nested_emphasis(bytes),
        "brackets" => repeat_to("[12 % [3,5 Mio. € [", bytes),
        "yen-one-line" => yen_one_line(100_000),
        "cjk-one-line" => repeat_to("中文的字符没有空格", bytes),
        "joined-words" => repeat_to("a’b-é\u{ad}c1d’", bytes),
        "dollars-spaced" => repeat_to("$1 ", bytes),
        "dollars-one-word" => repeat_to("$1", bytes),
        "hash-digits" => repeat_to("#1", bytes),
        _ => return None,
    };
    Some(text)
}

/// The names [`pathological`] knows, each with what it is.
pub const PATHOLOGICAL: &[(&str, &str)] = &[
    (
        "digits-spaced",
        "one paragraph on one line: `1 2 3 4 5 6 7 8 9 0 ` repeated",
    ),
    (
        "digits-run",
        "one paragraph on one line: `1234567890` repeated, a single 5 MB digit run",
    ),
    (
        "counting",
        "one paragraph on one line: `1 2 3 … 900000` and on",
    ),
    (
        "grouped-de",
        "one number: `1.000.000.…` with German group separators",
    ),
    (
        "grouped-en",
        "one number: `$999,999,999,…` with English group separators",
    ),
    (
        "numbers-one-line",
        "100,000 mixed numbers (amounts, percentages, currencies, scale words) on one line",
    ),
    ("number-words-en", "one paragraph of English number words"),
    ("number-words-de", "one paragraph of German number words"),
    (
        "nested-lists",
        "lists nested ever deeper, each item with a number",
    ),
    (
        "nested-quotes",
        "block quotes nested ever deeper, each line with a number",
    ),
    (
        "nested-emphasis",
        "`*` and `_` emphasis nested thousands deep around numbers, repeated",
    ),
    (
        "brackets",
        "unclosed link brackets around numbers: `[12 % [3,5 Mio. € [` repeated",
    ),
    (
        "yen-one-line",
        "100,000 amounts in `¥` on one line, the currency named nowhere (one FL006 each)",
    ),
    (
        "cjk-one-line",
        "one paragraph of Chinese characters without a space: a single 5 MB word",
    ),
    (
        "joined-words",
        "letters joined by `’`, `-`, soft hyphens and digits: a single 5 MB word",
    ),
    (
        "dollars-spaced",
        "one paragraph of `$1 ` repeated: an amount every three bytes, each `$` a possible opening of math",
    ),
    (
        "dollars-one-word",
        "`$1$1$1…`: a single 5 MB word of amounts, which Markdown pairs as math",
    ),
    (
        "hash-digits",
        "`#1#1#1…`: a single 5 MB word of digits after `#` (once quadratic in the URL search)",
    ),
];

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()).max(1))
}

fn counting(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 16);
    let mut n = 1u64;
    while out.len() < bytes {
        out.push_str(&n.to_string());
        out.push(' ');
        n += 1;
    }
    out.push('\n');
    out
}

fn numbers_one_line(count: usize) -> String {
    let mut random = Random::new(7);
    let mut out = String::new();
    for index in 0..count {
        let n = random.between(1, 999_999);
        match index % 8 {
            0 => out.push_str(&format!("{n} ")),
            1 => out.push_str(&format!("{}.{} % ", n % 100, n % 10)),
            2 => out.push_str(&format!("${}.{} billion ", n % 1000, n % 10)),
            3 => out.push_str(&format!("{} ", group(n, ','))),
            4 => out.push_str(&format!("{},{} Mio. € ", n % 1000, n % 10)),
            5 => out.push_str(&format!("{}–{} km ", n % 100, n % 100 + 5)),
            6 => out.push_str(&format!("up to {}bn ", n % 50)),
            _ => out.push_str(&format!("{} Prozentpunkte ", n % 20)),
        }
    }
    out.push('\n');
    out
}

fn yen_one_line(count: usize) -> String {
    let mut random = Random::new(11);
    let mut out = String::from("It cost");
    for _ in 0..count {
        out.push_str(&format!(" ¥{}", random.between(1, 999_999)));
    }
    out.push_str(".\n");
    out
}

fn nested_lists(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut depth = 0usize;
    let mut n = 0u64;
    while out.len() < bytes {
        n += 1;
        for _ in 0..depth {
            out.push_str("  ");
        }
        out.push_str(&format!(
            "- item {n} costs $1.{n} million, up {} %\n",
            n % 100
        ));
        // Climb to 1,000 levels, then start again.
        depth = if depth == 1000 { 0 } else { depth + 1 };
    }
    out
}

fn nested_quotes(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let mut depth = 1usize;
    let mut n = 0u64;
    while out.len() < bytes {
        n += 1;
        out.push_str(&"> ".repeat(depth));
        out.push_str(&format!(
            "Rund {n} Millionen Euro, plus {} Prozent\n",
            n % 100
        ));
        depth = if depth == 1000 { 1 } else { depth + 1 };
    }
    out
}

fn nested_emphasis(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4096);
    let depth = 5000;
    let mut n = 0u64;
    while out.len() < bytes {
        n += 1;
        for level in 0..depth {
            out.push_str(if level % 2 == 0 { "*" } else { "_" });
            if level % 100 == 0 {
                out.push_str(&format!("{} % ", n + level as u64));
            }
        }
        out.push_str(&format!("€{n}bn"));
        for level in (0..depth).rev() {
            out.push_str(if level % 2 == 0 { "*" } else { "_" });
        }
        out.push_str("\n\n");
    }
    out
}

/// `1234567` with `separator` between groups of three digits.
fn group(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// `12.5` or `12,5`, with one decimal, from tenths.
fn decimal(tenths: u64, comma: bool) -> String {
    let point = if comma { ',' } else { '.' };
    format!("{}{point}{}", tenths / 10, tenths % 10)
}

const EN_SUBJECTS: &[&str] = &[
    "The company",
    "The city council",
    "The ministry",
    "Our team",
    "The utility",
    "The airline",
    "The hospital group",
    "The university",
    "The region",
    "The retailer",
];
const EN_METRICS: &[&str] = &[
    "revenue",
    "net profit",
    "the budget",
    "spending",
    "exports",
    "turnover",
    "the deficit",
];
const EN_SCALES: &[&str] = &["million", "billion", "bn", "m", "trillion", "thousand"];
const EN_CURRENCIES: &[&str] = &["$", "€", "£", "US$", "EUR ", "CHF "];
const EN_MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const EN_UNITS: &[&str] = &[
    "km", "kg", "MW", "GWh", "tonnes", "°C", "km/h", "m²", "litres", "miles",
];
const EN_WORDS: &[&str] = &[
    "two",
    "three",
    "a dozen",
    "twenty",
    "half",
    "two thirds",
    "a quarter",
    "hundreds of",
    "one in five",
    "seven",
];
const EN_BOUNDS: &[&str] = &[
    "at least",
    "more than",
    "up to",
    "almost",
    "about",
    "roughly",
    "nearly",
    "over",
];
const EN_FILLER: &[&str] = &[
    "Analysts had expected a weaker result.",
    "The figures were published in the annual report.",
    "Critics say the estimate is too optimistic.",
    "The statement gave no further details.",
    "Officials declined to comment on the forecast.",
];

fn english_article(random: &mut Random, article: u64, out: &mut String) {
    let year = random.between(1990, 2030);
    out.push_str(&format!("# Report {article}: results for {year}\n\n"));
    for _ in 0..random.between(3, 6) {
        for _ in 0..random.between(3, 7) {
            english_sentence(random, year, out);
            out.push(' ');
        }
        out.push_str("\n\n");
    }
    out.push_str("## Key figures\n\n");
    for _ in 0..random.between(3, 6) {
        let metric = random.pick(EN_METRICS);
        out.push_str(&format!(
            "- {metric}: {}{} {} ({} {}%)\n",
            random.pick(EN_CURRENCIES),
            decimal(random.between(10, 9999), false),
            random.pick(EN_SCALES),
            if random.below(2) == 0 { "up" } else { "down" },
            decimal(random.between(1, 400), false)
        ));
    }
    out.push_str("\n| Year | Staff | Share |\n|---:|---:|---:|\n");
    for row in 0..random.between(3, 6) {
        out.push_str(&format!(
            "| {} | {} | {}% |\n",
            year - row,
            group(random.between(1_000, 250_000), ','),
            decimal(random.between(1, 999), false)
        ));
    }
    out.push('\n');
}

fn english_sentence(random: &mut Random, year: u64, out: &mut String) {
    let subject = random.pick(EN_SUBJECTS);
    let sentence = match random.below(10) {
        0 => format!(
            "{subject} said {} rose {}% to {}{} {} in {year}, up from {}{} {} a year earlier.",
            random.pick(EN_METRICS),
            decimal(random.between(1, 500), false),
            random.pick(EN_CURRENCIES),
            decimal(random.between(10, 999), false),
            random.pick(EN_SCALES),
            random.pick(EN_CURRENCIES),
            decimal(random.between(10, 999), false),
            random.pick(EN_SCALES)
        ),
        1 => format!(
            "{subject} employed {} people on {} {} {year}.",
            group(random.between(100, 500_000), ','),
            random.between(1, 28),
            random.pick(EN_MONTHS)
        ),
        2 => format!(
            "Between {} and {year}, the population grew from {} million to {} million.",
            year - random.between(1, 20),
            decimal(random.between(10, 900), false),
            decimal(random.between(10, 900), false)
        ),
        3 => format!(
            "The share fell by {} percentage points to {} percent, while {} of respondents agreed.",
            random.between(1, 15),
            decimal(random.between(1, 999), false),
            random.pick(EN_WORDS)
        ),
        4 => format!(
            "{subject} expects {} {} {} by {}, or {}–{} per day.",
            random.pick(EN_BOUNDS),
            group(random.between(1_000, 9_000_000), ','),
            random.pick(EN_UNITS),
            year + random.between(1, 10),
            random.between(1, 50),
            random.between(51, 120)
        ),
        5 => format!(
            "On {} {}, {year}, prices were {}x higher than in {}.",
            random.pick(EN_MONTHS),
            random.between(1, 28),
            random.between(2, 12),
            year - random.between(1, 30)
        ),
        6 => format!(
            "Roughly {} in {} households ({}%) reported costs of {}{} or more.",
            random.between(1, 9),
            random.between(10, 20),
            random.between(5, 60),
            random.pick(EN_CURRENCIES),
            group(random.between(100, 20_000), ',')
        ),
        7 => format!(
            "{subject} cut {} jobs, {} fewer than the {} announced in Q{} {year}.",
            group(random.between(10, 90_000), ','),
            random.pick(EN_WORDS),
            group(random.between(100, 99_000), ','),
            random.between(1, 4)
        ),
        8 => format!(
            "The {}-year plan costs {}{}bn, about {} per cent of GDP.",
            random.between(2, 30),
            random.pick(EN_CURRENCIES),
            decimal(random.between(1, 999), false),
            decimal(random.between(1, 120), false)
        ),
        _ => random.pick(EN_FILLER).to_owned(),
    };
    out.push_str(&sentence);
}

const DE_SUBJECTS: &[&str] = &[
    "Das Unternehmen",
    "Der Stadtrat",
    "Das Ministerium",
    "Die Klinik",
    "Der Versorger",
    "Die Fluggesellschaft",
    "Die Hochschule",
    "Das Land",
    "Der Händler",
    "Die Bahn",
];
const DE_METRICS: &[&str] = &[
    "Der Umsatz",
    "Der Gewinn",
    "Der Haushalt",
    "Der Export",
    "Das Defizit",
    "Die Ausgaben",
];
const DE_SCALES: &[&str] = &[
    "Millionen",
    "Milliarden",
    "Mio.",
    "Mrd.",
    "Billionen",
    "Tausend",
];
const DE_CURRENCIES: &[&str] = &["Euro", "€", "Dollar", "Franken", "EUR"];
const DE_MONTHS: &[&str] = &[
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const DE_UNITS: &[&str] = &[
    "km", "kg", "MW", "GWh", "Tonnen", "°C", "km/h", "m²", "Liter", "Hektar",
];
const DE_WORDS: &[&str] = &[
    "zwei",
    "drei",
    "ein Dutzend",
    "zwanzig",
    "die Hälfte",
    "zwei Drittel",
    "ein Viertel",
    "Hunderte",
    "jeder Fünfte",
    "sieben",
];
const DE_BOUNDS: &[&str] = &[
    "mindestens",
    "mehr als",
    "bis zu",
    "knapp",
    "etwa",
    "rund",
    "fast",
    "über",
];
const DE_FILLER: &[&str] = &[
    "Analysten hatten mit einem schwächeren Ergebnis gerechnet.",
    "Die Zahlen stehen im Geschäftsbericht.",
    "Kritiker halten die Schätzung für zu optimistisch.",
    "Weitere Einzelheiten nannte die Mitteilung nicht.",
    "Die Behörde wollte die Prognose nicht kommentieren.",
];

fn german_article(random: &mut Random, article: u64, out: &mut String) {
    let year = random.between(1990, 2030);
    out.push_str(&format!("# Bericht {article}: Ergebnisse für {year}\n\n"));
    for _ in 0..random.between(3, 6) {
        for _ in 0..random.between(3, 7) {
            german_sentence(random, year, out);
            out.push(' ');
        }
        out.push_str("\n\n");
    }
    out.push_str("## Kennzahlen\n\n");
    for _ in 0..random.between(3, 6) {
        let metric = random.pick(DE_METRICS);
        out.push_str(&format!(
            "- {metric}: {} {} {} ({} {} %)\n",
            decimal(random.between(10, 9999), true),
            random.pick(DE_SCALES),
            random.pick(DE_CURRENCIES),
            if random.below(2) == 0 {
                "plus"
            } else {
                "minus"
            },
            decimal(random.between(1, 400), true)
        ));
    }
    out.push_str("\n| Jahr | Beschäftigte | Anteil |\n|---:|---:|---:|\n");
    for row in 0..random.between(3, 6) {
        out.push_str(&format!(
            "| {} | {} | {} % |\n",
            year - row,
            group(random.between(1_000, 250_000), '.'),
            decimal(random.between(1, 999), true)
        ));
    }
    out.push('\n');
}

fn german_sentence(random: &mut Random, year: u64, out: &mut String) {
    let subject = random.pick(DE_SUBJECTS);
    let sentence = match random.below(10) {
        0 => format!(
            "{} stieg {year} um {} Prozent auf {} {} {}, nach {} {} {} im Vorjahr.",
            random.pick(DE_METRICS),
            decimal(random.between(1, 500), true),
            decimal(random.between(10, 999), true),
            random.pick(DE_SCALES),
            random.pick(DE_CURRENCIES),
            decimal(random.between(10, 999), true),
            random.pick(DE_SCALES),
            random.pick(DE_CURRENCIES)
        ),
        1 => format!(
            "{subject} beschäftigte am {}. {} {year} insgesamt {} Menschen.",
            random.between(1, 28),
            random.pick(DE_MONTHS),
            group(random.between(100, 500_000), '.')
        ),
        2 => format!(
            "Zwischen {} und {year} wuchs die Bevölkerung von {} auf {} Millionen.",
            year - random.between(1, 20),
            decimal(random.between(10, 900), true),
            decimal(random.between(10, 900), true)
        ),
        3 => format!(
            "Der Anteil sank um {} Prozentpunkte auf {} Prozent; {} der Befragten stimmten zu.",
            random.between(1, 15),
            decimal(random.between(1, 999), true),
            random.pick(DE_WORDS)
        ),
        4 => format!(
            "{subject} rechnet bis {} mit {} {} {}, also {} bis {} pro Tag.",
            year + random.between(1, 10),
            random.pick(DE_BOUNDS),
            group(random.between(1_000, 9_000_000), '.'),
            random.pick(DE_UNITS),
            random.between(1, 50),
            random.between(51, 120)
        ),
        5 => format!(
            "Am {}.{}.{year} lagen die Preise {}-mal so hoch wie {}.",
            random.between(1, 28),
            random.between(1, 12),
            random.between(2, 12),
            year - random.between(1, 30)
        ),
        6 => format!(
            "Etwa {} von {} Haushalten ({} %) meldeten Kosten von {} Euro oder mehr.",
            random.between(1, 9),
            random.between(10, 20),
            random.between(5, 60),
            group(random.between(100, 20_000), '.')
        ),
        7 => format!(
            "{subject} strich {} Stellen, {} weniger als die im {}. Quartal {year} angekündigten {}.",
            group(random.between(10, 90_000), '.'),
            random.pick(DE_WORDS),
            random.between(1, 4),
            group(random.between(100, 99_000), '.')
        ),
        8 => format!(
            "Der {}-Jahres-Plan kostet {} Mrd. €, rund {} Prozent des BIP.",
            random.between(2, 30),
            decimal(random.between(1, 999), true),
            decimal(random.between(1, 120), true)
        ),
        _ => random.pick(DE_FILLER).to_owned(),
    };
    out.push_str(&sentence);
}
