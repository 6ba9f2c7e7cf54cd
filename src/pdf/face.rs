//! The embedded typefaces: metrics for measuring text, glyph encoding for drawing it, and the
//! font objects (with widths and a ToUnicode map of the glyphs used) written at the end.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str};

use super::PdfError;

/// One embedded typeface: its bytes, its metrics, and the glyphs a document used (for the
/// widths and the ToUnicode map).
pub(super) struct Face {
    /// The resource name in content streams.
    pub(super) resource: &'static [u8],
    base_font: &'static [u8],
    bytes: &'static [u8],
    metrics: ttf_parser::Face<'static>,
    used: BTreeMap<u16, char>,
    bold: bool,
}

impl Face {
    fn new(
        resource: &'static [u8],
        base_font: &'static [u8],
        bytes: &'static [u8],
        bold: bool,
    ) -> Result<Face, PdfError> {
        Ok(Face {
            resource,
            base_font,
            bytes,
            metrics: ttf_parser::Face::parse(bytes, 0).map_err(|_| PdfError::Font)?,
            used: BTreeMap::new(),
            bold,
        })
    }

    fn glyph(&self, c: char) -> u16 {
        self.metrics.glyph_index(c).map_or(0, |glyph| glyph.0)
    }

    /// Whether the face has a glyph for `c`.
    pub(super) fn has(&self, c: char) -> bool {
        self.metrics.glyph_index(c).is_some()
    }

    fn advance(&self, glyph: u16) -> f32 {
        f32::from(
            self.metrics
                .glyph_hor_advance(ttf_parser::GlyphId(glyph))
                .unwrap_or(0),
        )
    }

    /// Font units to the PDF's thousandths of an em.
    fn scale(&self) -> f32 {
        1000.0 / f32::from(self.metrics.units_per_em())
    }

    /// Width of `text` at `size` points.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text.chars().map(|c| self.advance(self.glyph(c))).sum();
        units * size / f32::from(self.metrics.units_per_em())
    }

    /// `text` as two-byte glyph ids (Identity-H), noting the glyphs used.
    pub(super) fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let glyph = self.glyph(c);
            self.used.entry(glyph).or_insert(c);
            bytes.extend_from_slice(&glyph.to_be_bytes());
        }
        bytes
    }

    /// Writes the font's objects (Type0, CID font, descriptor, font file, ToUnicode), starting
    /// at `first`; returns the Type0 font's reference and the next free one.
    pub(super) fn write(&self, pdf: &mut Pdf, first: Ref) -> (Ref, Ref) {
        let type0 = first;
        let cid = Ref::new(first.get() + 1);
        let descriptor = Ref::new(first.get() + 2);
        let file = Ref::new(first.get() + 3);
        let cmap_ref = Ref::new(first.get() + 4);
        let next = Ref::new(first.get() + 5);
        let info = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        pdf.type0_font(type0)
            .base_font(Name(self.base_font))
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap_ref);
        let scale = self.scale();
        let mut font = pdf.cid_font(cid);
        font.subtype(CidFontType::Type2)
            .base_font(Name(self.base_font))
            .system_info(info)
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let mut widths = font.widths();
        for glyph in self.used.keys() {
            widths.consecutive(*glyph, [self.advance(*glyph) * scale]);
        }
        widths.finish();
        font.finish();
        let m = &self.metrics;
        let bbox = m.global_bounding_box();
        let units = |v: i16| f32::from(v) * scale;
        pdf.font_descriptor(descriptor)
            .name(Name(self.base_font))
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                units(bbox.x_min),
                units(bbox.y_min),
                units(bbox.x_max),
                units(bbox.y_max),
            ))
            .italic_angle(0.0)
            .ascent(units(m.ascender()))
            .descent(units(m.descender()))
            .cap_height(units(m.capital_height().unwrap_or(m.ascender())))
            .stem_v(if self.bold { 120.0 } else { 80.0 })
            .font_file2(file);
        let compressed = deflate(self.bytes);
        pdf.stream(file, &compressed)
            .filter(Filter::FlateDecode)
            .pair(
                Name(b"Length1"),
                i32::try_from(self.bytes.len()).unwrap_or(i32::MAX),
            );
        let mut cmap = UnicodeCmap::<u16>::new(Name(b"Custom"), info);
        for (glyph, c) in &self.used {
            cmap.pair(*glyph, *c);
        }
        pdf.cmap(cmap_ref, &cmap.finish());
        (type0, next)
    }
}

pub(super) fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 6)
}

/// The regular and bold Noto Sans.
pub(super) struct Faces {
    pub(super) regular: Face,
    pub(super) bold: Face,
}

impl Faces {
    pub(super) fn load() -> Result<Faces, PdfError> {
        Ok(Faces {
            regular: Face::new(b"F1", b"NotoSans-Regular", crate::fonts::REGULAR, false)?,
            bold: Face::new(b"F2", b"NotoSans-Bold", crate::fonts::BOLD, true)?,
        })
    }

    pub(super) fn get(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    pub(super) fn get_mut(&mut self, bold: bool) -> &mut Face {
        if bold {
            &mut self.bold
        } else {
            &mut self.regular
        }
    }
}
