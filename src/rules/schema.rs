//! The JSON Schema of rule files, for TOML editors (Taplo, Even Better TOML) to complete and
//! validate them: `factlint rules schema > factlint-rules.schema.json`.

use serde_json::{Value, json};

fn string(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

fn date(description: &str) -> Value {
    json!({ "type": "string", "format": "date", "description": description })
}

fn words(description: &str) -> Value {
    json!({
        "type": "object",
        "description": description,
        "additionalProperties": false,
        "properties": {
            "en": { "type": "array", "items": { "type": "string" }, "description": "English words (matched at the start of a word, any case)" },
            "de": { "type": "array", "items": { "type": "string" }, "description": "German words (matched at the start of a word, any case)" }
        }
    })
}

/// The schema as a JSON value.
pub fn rule_file_schema() -> Value {
    let kind = json!({ "type": "string", "enum": super::load::KINDS, "description": "The kind of figure" });
    let severity = json!({ "type": "string", "enum": ["info", "warning", "error"], "description": "Severity when a claim disagrees or a check fails" });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "factlint rule file",
        "description": "Sourced reference facts, entities, dated currency rates and derived checks for factlint.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "pack": {
                "type": "object",
                "additionalProperties": false,
                "required": ["id", "title"],
                "properties": {
                    "id": string("The pack's id; `disable = [\"id\"]` in factlint.toml turns it off"),
                    "title": string("A title for people"),
                    "description": string("One sentence on what the pack holds")
                }
            },
            "source": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["id", "title"],
                    "properties": {
                        "id": string("Unique id that facts and rates name in `source`"),
                        "title": string("The document's title"),
                        "publisher": string("Who published it"),
                        "url": json!({ "type": "string", "format": "uri", "description": "Where to read it" }),
                        "published": date("When it was published"),
                        "accessed": date("When it was read")
                    }
                }
            },
            "entity": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["id", "name"],
                    "properties": {
                        "id": string("Unique id that facts name in `subject`"),
                        "name": string("The usual name"),
                        "aliases": { "type": "array", "items": { "type": "string" }, "description": "Other names in English and German (whole words; names of three characters or fewer match only in their exact case)" }
                    }
                }
            },
            "fact": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["id", "statement", "kind"],
                    "properties": {
                        "id": string("Unique id, e.g. `deepseek-v3.training-gpus`; a user file's fact with a bundled id replaces it"),
                        "statement": string("The fact in one sentence"),
                        "subject": string("The id of the entity it is about"),
                        "attribute": string("What about the subject (default: the part of the id after the last dot)"),
                        "kind": kind,
                        "value": json!({ "type": "number", "description": "The figure in base units (whole currency units, percent, counts)" }),
                        "min": json!({ "type": "number", "description": "Low end of a range (with `max`)" }),
                        "max": json!({ "type": "number", "description": "High end of a range (with `min`)" }),
                        "unit": string("ISO 4217 code for money; a unit from rules/units.toml (gpu, H800, gpu_hour, token, parameter, FLOP/s, byte, …) or a time unit for durations"),
                        "per": string("For prices: what the price is for (gpu, gpu_hour, million_tokens, share)"),
                        "tolerance": {
                            "type": "object",
                            "additionalProperties": false,
                            "description": "How far a claim may be and still agree, before rounding is considered",
                            "properties": {
                                "relative": json!({ "type": "number", "minimum": 0, "description": "A fraction of the value, e.g. 0.05 for 5 %" }),
                                "absolute": json!({ "type": "number", "minimum": 0, "description": "In the fact's unit" })
                            }
                        },
                        "as_of": date("The date the figure refers to"),
                        "context": words("Words one of which must stand in the claim's sentence for it to be about this fact"),
                        "unless": words("Words that, in the claim's sentence, mean it is about something else"),
                        "source": string("The id of the source"),
                        "sources": { "type": "array", "items": { "type": "string" }, "description": "Further source ids" },
                        "quote": string("The sentence of the source that states the figure"),
                        "severity": severity,
                        "formula": string("Instead of a value: a formula over other facts, e.g. fact(\"a\") / fact(\"b\") * 100")
                    }
                }
            },
            "rate": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["from", "to", "value", "date"],
                    "properties": {
                        "from": string("ISO 4217 code: 1 unit of this currency …"),
                        "to": string("ISO 4217 code: … is `value` units of this one"),
                        "value": json!({ "type": "number", "exclusiveMinimum": 0 }),
                        "date": date("The day of the rate"),
                        "source": string("The id of the source")
                    }
                }
            },
            "check": {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["id", "title", "inputs", "steps"],
                    "properties": {
                        "id": string("Unique id"),
                        "title": string("What it derives, e.g. `Cost per GPU`"),
                        "scope": json!({ "type": "string", "enum": ["sentence", "paragraph"], "description": "Where its inputs must stand together (default sentence)" }),
                        "inputs": {
                            "type": "object",
                            "description": "Names bound to claims: name = { kind, unit, convert_to, unless }",
                            "additionalProperties": {
                                "type": "object",
                                "additionalProperties": false,
                                "required": ["kind"],
                                "properties": {
                                    "kind": kind,
                                    "unit": json!({ "description": "A unit or list of units; `accelerator` for any GPU model, `any` for any", "oneOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }] }),
                                    "convert_to": string("For durations: the time unit to compute in (hour, day, year)"),
                                    "unless": words("Words that, next to a claim, mean it is something else (revenue is no money spent)")
                                }
                            }
                        },
                        "steps": {
                            "type": "array",
                            "minItems": 1,
                            "items": {
                                "type": "object",
                                "additionalProperties": false,
                                "required": ["name", "formula"],
                                "properties": {
                                    "name": string("The result's name, usable in later steps and the note"),
                                    "formula": string("+ - * / ( ) min max abs fact(\"id\") over input and step names"),
                                    "unit": string("The result's unit; `currency` is the currency the check computes in")
                                }
                            }
                        },
                        "compare": string("A fact the first step's result is compared with"),
                        "expected": {
                            "type": "object",
                            "additionalProperties": false,
                            "required": ["min", "max"],
                            "properties": { "min": { "type": "number" }, "max": { "type": "number" } }
                        },
                        "note": string("Text with {input}, {step} and {fact:ID} placeholders"),
                        "severity": severity
                    }
                }
            },
            "unit": json!({ "type": "array", "description": "Units (bundled rules/units.toml only)" }),
            "accelerator": json!({ "type": "array", "description": "Accelerator models (bundled rules/units.toml only)" })
        }
    })
}
