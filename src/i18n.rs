//! UI text from the Fluent files in `locales/{id,en}`, embedded in the binary.
//!
//! Lookups take the language explicitly: the current language lives in the app state, so a
//! screen never reads a hidden global to know what to show.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use fluent::concurrent::FluentBundle;
use fluent::{FluentArgs, FluentResource, FluentValue};
use rust_embed::RustEmbed;

use crate::lang::Lang;

#[derive(RustEmbed)]
#[folder = "locales/"]
#[include = "*.ftl"]
struct Locales;

type Bundle = FluentBundle<FluentResource>;

struct Bundles {
    id: Bundle,
    en: Bundle,
}

fn bundles() -> &'static Bundles {
    static BUNDLES: OnceLock<Bundles> = OnceLock::new();
    BUNDLES.get_or_init(|| Bundles {
        id: build(Lang::Id),
        en: build(Lang::En),
    })
}

/// The `.ftl` sources of one language, in file-name order.
pub fn sources(lang: Lang) -> Vec<(String, String)> {
    let prefix = format!("{}/", lang.code());
    let mut files: Vec<_> = Locales::iter()
        .filter(|path| path.starts_with(&prefix))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let file = Locales::get(&path)?;
            Some((
                path.into_owned(),
                String::from_utf8_lossy(&file.data).into_owned(),
            ))
        })
        .collect()
}

fn build(lang: Lang) -> Bundle {
    let langid = lang
        .code()
        .parse()
        .expect("language codes are valid BCP 47");
    let mut bundle = Bundle::new_concurrent(vec![langid]);
    // Unicode isolation marks would show up as boxes in some fonts and break test lookups.
    bundle.set_use_isolating(false);
    for (path, source) in sources(lang) {
        let resource = match FluentResource::try_new(source) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                log::error!("{path}: {errors:?}");
                resource
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            log::error!("{path}: {errors:?}");
        }
    }
    bundle
}

fn bundle(lang: Lang) -> &'static Bundle {
    match lang {
        Lang::Id => &bundles().id,
        Lang::En => &bundles().en,
    }
}

/// The message `key` in `lang`. A missing key shows the key itself (and a test catches it).
pub fn tr(lang: Lang, key: &str) -> String {
    format(lang, key, None)
}

/// The message `key` with string arguments.
pub fn tr_args(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, FluentValue::from(*value));
    }
    format(lang, key, Some(&fluent_args))
}

/// The message `key` with one number argument, for plurals (`{ $n -> [one] … *[other] … }`).
pub fn tr_count(lang: Lang, key: &str, name: &str, n: i64) -> String {
    let mut fluent_args = FluentArgs::new();
    fluent_args.set(name, FluentValue::from(n));
    format(lang, key, Some(&fluent_args))
}

/// The message `key` with any Fluent arguments.
pub fn tr_fluent(lang: Lang, key: &str, args: &FluentArgs<'_>) -> String {
    format(lang, key, Some(args))
}

fn format(lang: Lang, key: &str, args: Option<&FluentArgs<'_>>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) else {
        log::warn!("missing UI text {key} in {}", lang.code());
        return key.to_owned();
    };
    let mut errors = Vec::new();
    let text: Cow<'_, str> = bundle.format_pattern(pattern, args, &mut errors);
    if !errors.is_empty() {
        log::warn!("UI text {key} in {}: {errors:?}", lang.code());
    }
    text.into_owned()
}

/// A date written out: "1 Desember 2026", "1 December 2026".
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    let month = match date.month() {
        1 => "cert-month-1",
        2 => "cert-month-2",
        3 => "cert-month-3",
        4 => "cert-month-4",
        5 => "cert-month-5",
        6 => "cert-month-6",
        7 => "cert-month-7",
        8 => "cert-month-8",
        9 => "cert-month-9",
        10 => "cert-month-10",
        11 => "cert-month-11",
        _ => "cert-month-12",
    };
    format!("{} {} {}", date.day(), tr(lang, month), date.year())
}

/// The message ids defined for `lang` (for the test that both languages define the same keys).
pub fn keys(lang: Lang) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for (_, source) in sources(lang) {
        let resource = match FluentResource::try_new(source) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                keys.insert(message.id.name.to_owned());
            }
        }
    }
    keys
}

/// Syntax errors in the `.ftl` files of `lang`, as text.
pub fn syntax_errors(lang: Lang) -> Vec<String> {
    sources(lang)
        .into_iter()
        .filter_map(|(path, source)| match FluentResource::try_new(source) {
            Ok(_) => None,
            Err((_, errors)) => Some(format!("{path}: {errors:?}")),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_out_in_each_language() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(long_date(Lang::Id, date), "1 Desember 2026");
        assert_eq!(long_date(Lang::En, date), "1 December 2026");
    }
}
