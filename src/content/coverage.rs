//! The coverage view: which articles the question bank tests and how often, and which
//! questions test each learning objective. Used by `latih-asn content coverage` and its test.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::content::{Catalog, Form, format_citation};
use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleRow {
    /// The citation as shown to users, e.g. "UU No. 20 Tahun 2023, Pasal 24 ayat (1) huruf d".
    pub citation: String,
    pub questions: Vec<String>,
    /// The instrument has been replaced: these questions need review.
    pub needs_review: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectiveRow {
    pub module: String,
    pub objective: String,
    pub text: String,
    pub form_a: Vec<String>,
    pub form_b: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coverage {
    pub articles: Vec<ArticleRow>,
    pub objectives: Vec<ObjectiveRow>,
    pub lessons: usize,
    pub questions: usize,
    pub scenarios: usize,
}

pub fn coverage(catalog: &Catalog, lang: Lang) -> Coverage {
    let mut articles: BTreeMap<String, ArticleRow> = BTreeMap::new();
    let mut objectives = Vec::new();
    let mut result = Coverage::default();
    for module in &catalog.modules {
        result.lessons += module.lessons.len();
        result.questions += module.questions.len();
        result.scenarios += module.questions.iter().filter(|q| q.scenario).count();
        for question in &module.questions {
            for cite in &question.cites {
                let instrument = catalog.instrument(&cite.instrument);
                let row = articles
                    .entry(cite.article_key())
                    .or_insert_with(|| ArticleRow {
                        citation: format_citation(cite, instrument, lang),
                        questions: Vec::new(),
                        needs_review: instrument.is_some_and(|i| i.replaced_by.is_some()),
                    });
                row.questions.push(question.id.clone());
            }
        }
        for objective in &module.objectives {
            let in_form = |form: Form| {
                module
                    .questions
                    .iter()
                    .filter(|q| q.objective == objective.id && q.form == form)
                    .map(|q| q.id.clone())
                    .collect()
            };
            objectives.push(ObjectiveRow {
                module: module.id.clone(),
                objective: objective.id.clone(),
                text: objective.text.get(lang).clone(),
                form_a: in_form(Form::A),
                form_b: in_form(Form::B),
            });
        }
    }
    result.articles = articles.into_values().collect();
    result.objectives = objectives;
    result
}

/// A plain-text report for the terminal.
pub fn render(coverage: &Coverage) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} lessons, {} questions ({} scenarios)\n",
        coverage.lessons, coverage.questions, coverage.scenarios
    );
    let _ = writeln!(out, "Articles tested (questions):");
    for row in &coverage.articles {
        let review = if row.needs_review {
            "  [REVIEW: instrument replaced]"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  {:>3}  {}{review}",
            row.questions.len(),
            row.citation
        );
        let _ = writeln!(out, "       {}", row.questions.join(", "));
    }
    let _ = writeln!(out, "\nLearning objectives (form A | form B):");
    for row in &coverage.objectives {
        let _ = writeln!(out, "  {} {}: {}", row.module, row.objective, row.text);
        let _ = writeln!(out, "       A: {}", row.form_a.join(", "));
        let _ = writeln!(out, "       B: {}", row.form_b.join(", "));
    }
    out
}
