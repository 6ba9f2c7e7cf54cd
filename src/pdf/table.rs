//! Tables with a header row repeated on every page they run onto, ruled cells, and cell text
//! that wraps (to a few lines at most) and never runs past its cell.

use super::document::{Area, Colour, Document, Style};

/// The least share of its size a cell's text is set at to keep a long word whole.
const SHRINK: f32 = 0.8;

/// A cell laid out: the style it is set in and its lines.
struct Laid {
    style: Style,
    lines: Vec<String>,
}

/// Where a cell's text sits across the cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Align {
    Left,
    Centre,
    Right,
    /// Left-aligned from this fraction of the cell's width (0.5: from the middle).
    From(f32),
}

/// One column: its title, width in points and how its cells align.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: impl Into<String>, width: f32, align: Align) -> Column {
        Column {
            title: title.into(),
            width,
            align,
        }
    }
}

/// One cell: its text, and an alignment or style of its own when it differs from the
/// column's and the table's.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub align: Option<Align>,
    pub style: Option<Style>,
}

impl Cell {
    pub fn aligned(self, align: Align) -> Cell {
        Cell {
            align: Some(align),
            ..self
        }
    }

    pub fn styled(self, style: Style) -> Cell {
        Cell {
            style: Some(style),
            ..self
        }
    }
}

impl<T: Into<String>> From<T> for Cell {
    fn from(text: T) -> Cell {
        Cell {
            text: text.into(),
            align: None,
            style: None,
        }
    }
}

/// One row: its cells (one per column) and a background.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    pub fill: Option<Colour>,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row { cells, fill: None }
    }

    pub fn filled(self, fill: Option<Colour>) -> Row {
        Row { fill, ..self }
    }
}

/// How a table is drawn.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<Column>,
    /// Left edge.
    pub x: f32,
    pub head: Style,
    pub body: Style,
    pub head_fill: Colour,
    pub rule: Colour,
    /// Space between a cell's rules and its text.
    pub padding: f32,
    /// Least height of a body row (room to sign, in an attendance list).
    pub min_height: f32,
    /// Most lines of text in one cell; what does not fit ends with "…".
    pub max_lines: usize,
}

impl Table {
    pub fn new(columns: Vec<Column>, x: f32) -> Table {
        Table {
            columns,
            x,
            head: Style::bold(8.5),
            body: Style::regular(8.5),
            head_fill: Colour::rgb(226, 231, 240),
            rule: Colour::rgb(120, 120, 120),
            padding: 3.5,
            min_height: 0.0,
            max_lines: 3,
        }
    }

    pub fn width(&self) -> f32 {
        self.columns.iter().map(|c| c.width).sum()
    }

    /// Each cell's style and lines, as they will be drawn. A cell with a word wider than its
    /// column is set smaller (down to [`SHRINK`] of its size) before the word is broken.
    fn layout(&self, document: &Document, cells: &[Cell], style: Style) -> Vec<Laid> {
        self.columns
            .iter()
            .zip(cells)
            .map(|(column, cell)| {
                let style = cell.style.unwrap_or(style);
                let inner = column.width - 2.0 * self.padding;
                let inner = match cell.align.unwrap_or(column.align) {
                    Align::From(at) => inner - column.width * at,
                    _ => inner,
                };
                let widest = cell
                    .text
                    .split_whitespace()
                    .max_by(|a, b| {
                        document
                            .width(style, a)
                            .total_cmp(&document.width(style, b))
                    })
                    .unwrap_or_default();
                let style = document.fit(style, widest, style.size * SHRINK, inner);
                Laid {
                    style,
                    lines: document.wrap_lines(style, &cell.text, inner, self.max_lines),
                }
            })
            .collect()
    }

    fn height(&self, laid: &[Laid], min: f32) -> f32 {
        let text = laid
            .iter()
            .map(|cell| cell.lines.len().max(1) as f32 * cell.style.leading())
            .fold(0.0, f32::max);
        (text + 2.0 * self.padding).max(min)
    }

    /// The height `row` takes.
    pub fn row_height(&self, document: &Document, row: &Row) -> f32 {
        let laid = self.layout(document, &row.cells, self.body);
        self.height(&laid, self.min_height)
    }

    fn draw_row(
        &self,
        document: &mut Document,
        y: f32,
        cells: &[Cell],
        style: Style,
        fill: Option<Colour>,
        min: f32,
    ) -> f32 {
        let laid = self.layout(document, cells, style);
        let height = self.height(&laid, min);
        if let Some(fill) = fill {
            document.fill_rect(
                Area {
                    x: self.x,
                    y,
                    width: self.width(),
                    height,
                },
                fill,
            );
        }
        let mut x = self.x;
        for ((column, cell), Laid { style, lines }) in self.columns.iter().zip(cells).zip(&laid) {
            let style = *style;
            let mut baseline = y + self.padding + style.size * 0.95;
            for line in lines {
                match cell.align.unwrap_or(column.align) {
                    Align::Left => document.text(style, x + self.padding, baseline, line),
                    Align::Centre => {
                        document.centred(style, x + column.width / 2.0, baseline, line);
                    }
                    Align::Right => {
                        document.right(style, x + column.width - self.padding, baseline, line);
                    }
                    Align::From(at) => {
                        let from = x + self.padding + column.width * at;
                        document.text(style, from, baseline, line);
                    }
                }
                baseline += style.leading();
            }
            document.stroke_rect(
                Area {
                    x,
                    y,
                    width: column.width,
                    height,
                },
                0.5,
                self.rule,
            );
            x += column.width;
        }
        y + height
    }

    fn titles(&self) -> Vec<Cell> {
        self.columns
            .iter()
            .map(|c| Cell::from(c.title.as_str()).aligned(Align::Centre))
            .collect()
    }

    /// The height the header row takes.
    pub fn header_height(&self, document: &Document) -> f32 {
        let laid = self.layout(document, &self.titles(), self.head);
        self.height(&laid, 0.0)
    }

    /// Draws the header row with its top at `y`; returns the `y` below it.
    pub fn header(&self, document: &mut Document, y: f32) -> f32 {
        let titles = self.titles();
        self.draw_row(document, y, &titles, self.head, Some(self.head_fill), 0.0)
    }

    /// Draws `row` with its top at `y`; returns the `y` below it.
    pub fn row(&self, document: &mut Document, y: f32, row: &Row) -> f32 {
        self.draw_row(
            document,
            y,
            &row.cells,
            self.body,
            row.fill,
            self.min_height,
        )
    }

    /// Draws the header and then `rows` from `y` down. A row that would reach below `bottom`
    /// goes to a new page: `next_page` adds it (with whatever heads a page) and returns the `y`
    /// where the table goes on, and the header is drawn again there. Returns the `y` below the
    /// last row.
    pub fn draw(
        &self,
        document: &mut Document,
        y: f32,
        bottom: f32,
        rows: impl IntoIterator<Item = Row>,
        next_page: &mut dyn FnMut(&mut Document) -> f32,
    ) -> f32 {
        let mut rows = rows.into_iter().peekable();
        // A header is never left alone at the foot of a page.
        let first = rows
            .peek()
            .map_or(0.0, |row| self.row_height(document, row));
        let mut y = y;
        if y + self.header_height(document) + first > bottom {
            y = next_page(document);
        }
        y = self.header(document, y);
        for row in rows {
            if y + self.row_height(document, &row) > bottom {
                y = next_page(document);
                y = self.header(document, y);
            }
            y = self.row(document, y, &row);
        }
        y
    }
}
