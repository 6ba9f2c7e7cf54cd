//! Writes valid content packs of any size, for the attack tests and the start-up bench: one
//! module, every lesson tested, forms A and B, both locales.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// How big a generated pack is.
#[derive(Debug, Clone)]
pub struct Spec {
    pub module: String,
    pub lessons: usize,
    pub questions: usize,
    /// Bytes of each lesson body (per locale).
    pub lesson_bytes: usize,
    /// Characters of each question's stem and explanation.
    pub text_chars: usize,
}

impl Spec {
    pub fn small(module: &str) -> Self {
        Spec {
            module: module.to_owned(),
            lessons: 2,
            questions: 4,
            lesson_bytes: 400,
            text_chars: 80,
        }
    }

    /// A pack at the caps: the most questions a module may have, the most lessons, and text
    /// filling the whole-pack size cap (2 MiB) to within a few percent.
    pub fn at_caps(module: &str) -> Self {
        Spec {
            module: module.to_owned(),
            lessons: 30,
            questions: 500,
            lesson_bytes: 15 * 1024,
            text_chars: 330,
        }
    }
}

fn filler(chars: usize, seed: usize) -> String {
    const WORDS: &[&str] = &[
        "pegawai",
        "ASN",
        "wajib",
        "menjaga",
        "netralitas",
        "dalam",
        "setiap",
        "tahapan",
        "pemilihan",
        "kepala",
        "daerah",
        "dan",
        "tidak",
        "boleh",
        "berpihak",
        "kepada",
        "calon",
        "mana",
        "pun",
    ];
    let mut out = String::with_capacity(chars + 16);
    let mut n = seed;
    while out.len() < chars {
        out.push_str(WORDS[n % WORDS.len()]);
        out.push(' ');
        n = n.wrapping_mul(31).wrapping_add(7);
    }
    out.truncate(chars);
    out.trim_end().to_owned()
}

/// Writes the pack's module folder under `root` (which becomes the pack folder).
pub fn write_pack(root: &Path, spec: &Spec) {
    let m = &spec.module;
    let dir = root.join(m);
    for lang in ["id", "en"] {
        fs::create_dir_all(dir.join(lang)).unwrap();
    }
    let objectives = ["o1", "o2"];
    let mut module = format!(
        "(\n    version: 1,\n    id: \"{m}\",\n    order: 20,\n    pass_mark: 80,\n    quiz_size: {},\n    checked: \"2026-11-23\",\n    objectives: [\"{m}-o1\", \"{m}-o2\"],\n    lessons: [\n",
        spec.questions.min(10)
    );
    for l in 1..=spec.lessons {
        let _ = writeln!(
            module,
            "        (id: \"{m}-l{l}\", minutes: 5, objectives: [\"{m}-o1\"], cites: [(instrument: \"uu-20-2023\", pasal: Some(\"24\"), ayat: Some(\"1\"), huruf: Some(\"d\"))]),"
        );
    }
    module.push_str("    ],\n)\n");
    fs::write(dir.join("module.ron"), module).unwrap();

    let mut questions = String::from("(\n    version: 1,\n    questions: [\n");
    for q in 0..spec.questions {
        let lesson = q % spec.lessons + 1;
        let objective = objectives[(q / 2) % 2];
        let form = if q % 2 == 0 { "A" } else { "B" };
        let _ = writeln!(
            questions,
            "        (id: \"{m}-q{q:03}\", kind: Single, correct: [1], lesson: \"{m}-l{lesson}\", objective: \"{m}-{objective}\", form: {form}, scenario: false, cites: [(instrument: \"uu-20-2023\", pasal: Some(\"24\"))]),"
        );
    }
    questions.push_str("    ],\n)\n");
    fs::write(dir.join("questions.ron"), questions).unwrap();

    for lang in ["id", "en"] {
        let mut texts = format!(
            "(\n    title: \"Paket Uji {m}\",\n    summary: \"Paket yang dibuat untuk pengujian.\",\n    objectives: {{\n        \"{m}-o1\": \"Tujuan satu.\",\n        \"{m}-o2\": \"Tujuan dua.\",\n    }},\n    lessons: {{\n"
        );
        for l in 1..=spec.lessons {
            let _ = writeln!(
                texts,
                "        \"{m}-l{l}\": (title: \"Materi {l}\", key_points: [\"Poin pertama materi {l}.\"]),"
            );
        }
        texts.push_str("    },\n)\n");
        fs::write(dir.join(lang).join("module.ron"), texts).unwrap();

        let mut texts = String::from("{\n");
        for q in 0..spec.questions {
            let stem = filler(spec.text_chars, q);
            let explanation = filler(spec.text_chars, q + 1);
            let _ = writeln!(
                texts,
                "    \"{m}-q{q:03}\": (\n        stem: \"{stem}?\",\n        options: [\n            (text: \"Pilihan A\", why: \"Keliru.\"),\n            (text: \"Pilihan B\", why: \"Tepat.\"),\n            (text: \"Pilihan C\", why: \"Keliru.\"),\n            (text: \"Pilihan D\", why: \"Keliru.\"),\n        ],\n        explanation: \"{explanation}.\",\n    ),"
            );
        }
        texts.push_str("}\n");
        fs::write(dir.join(lang).join("questions.ron"), texts).unwrap();

        for l in 1..=spec.lessons {
            let mut body = format!("## Materi {l}\n\n");
            let mut p = 0;
            while body.len() < spec.lesson_bytes {
                let paragraph = filler(600, l * 1000 + p);
                let _ = write!(body, "{paragraph}.\n\n");
                if p % 5 == 4 {
                    body.push_str("- butir **penting**\n- butir *lain*\n\n");
                }
                p += 1;
            }
            body.truncate(spec.lesson_bytes);
            fs::write(dir.join(lang).join(format!("{m}-l{l}.md")), body).unwrap();
        }
    }
}

/// Total bytes of the files under `dir`.
pub fn tree_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let meta = entry.metadata().unwrap();
        total += if meta.is_dir() {
            tree_bytes(&entry.path())
        } else {
            meta.len()
        };
    }
    total
}
