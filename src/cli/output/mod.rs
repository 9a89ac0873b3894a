//! Output formats of `factlint check` and `factlint claims`.

pub(crate) mod github;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod rdjson;
pub(crate) mod sarif;
pub(crate) mod table;

pub(crate) use factlint::report::position;

/// A number for people: integers without a fraction, others with up to six decimals.
pub(crate) fn format_value(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e17 {
        format!("{}", value as i64)
    } else {
        let text = format!("{value:.6}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}
