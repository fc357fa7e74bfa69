//! Every mark the charts draw — backgrounds, rectangles, lines, dashed lines, dots and labels —
//! as one plotters element type.
//!
//! `DrawingArea::draw` is compiled once per element type it is given (the backend borrow, the
//! coordinate mapping, the error conversion: ~1 KB of wasm each), and `fill` and `draw_text`
//! have their own copies. With plotters' `Rectangle`, `PathElement`, `DashedPathElement`,
//! `Circle`, two kinds of `Text`, `fill` and `draw_text` the charts compiled that path eight
//! times; through `Mark` once (−1.1 KB gzip), each mark handing itself to the backend as
//! plotters' own element would (the SVG output is byte for byte the same).

use plotters::coord::Shift;
use plotters::element::{DashedPathElement, Drawable, PointCollection};
use plotters::prelude::*;
use plotters_backend::{BackendCoord, DrawingErrorKind};

pub(super) enum Mark<'a> {
    /// A rectangle between two opposite corners, filled or outlined as its style says.
    Rect([BackendCoord; 2], ShapeStyle),
    /// A straight line.
    Line([BackendCoord; 2], ShapeStyle),
    /// A dashed straight line: dash and gap lengths in backing pixels.
    Dashed([BackendCoord; 2], i32, i32, ShapeStyle),
    /// A dot: its centre and radius.
    Dot(BackendCoord, i32, ShapeStyle),
    /// A text placed by its style's anchor.
    Label(String, BackendCoord, TextStyle<'a>),
}

impl<'a> Mark<'a> {
    pub fn rect(corners: [BackendCoord; 2], style: ShapeStyle) -> Self {
        Mark::Rect(corners, style)
    }

    /// The whole of `area` in one colour (what `DrawingArea::fill` does, as a mark).
    pub fn fill<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, color: RGBColor) -> Self {
        let (w, h) = area.dim_in_pixel();
        Mark::Rect([(0, 0), (w as i32, h as i32)], color.filled())
    }

    pub fn line(from: BackendCoord, to: BackendCoord, style: ShapeStyle) -> Self {
        Mark::Line([from, to], style)
    }

    pub fn dashed(
        from: BackendCoord,
        to: BackendCoord,
        dash: i32,
        gap: i32,
        style: ShapeStyle,
    ) -> Self {
        Mark::Dashed([from, to], dash, gap, style)
    }

    pub fn dot(centre: BackendCoord, radius: i32, style: ShapeStyle) -> Self {
        Mark::Dot(centre, radius, style)
    }

    pub fn label(text: impl Into<String>, at: BackendCoord, style: TextStyle<'a>) -> Self {
        Mark::Label(text.into(), at, style)
    }
}

impl<'a, 'b> PointCollection<'a, BackendCoord> for &'a Mark<'b> {
    type Point = &'a BackendCoord;
    type IntoIter = std::slice::Iter<'a, BackendCoord>;

    fn point_iter(self) -> Self::IntoIter {
        match self {
            Mark::Rect(points, _) | Mark::Line(points, _) | Mark::Dashed(points, ..) => {
                points.iter()
            }
            Mark::Dot(point, ..) | Mark::Label(_, point, _) => std::slice::from_ref(point).iter(),
        }
    }
}

impl<DB: DrawingBackend> Drawable<DB> for Mark<'_> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        mut points: I,
        backend: &mut DB,
        parent_dim: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match self {
            Mark::Rect(_, style) => match (points.next(), points.next()) {
                (Some(a), Some(b)) => {
                    let (top_left, bottom_right) =
                        ((a.0.min(b.0), a.1.min(b.1)), (a.0.max(b.0), a.1.max(b.1)));
                    backend.draw_rect(top_left, bottom_right, style, style.filled)
                }
                _ => Ok(()),
            },
            Mark::Line(_, style) => backend.draw_path(points, style),
            Mark::Dashed(ends, dash, gap, style) => {
                DashedPathElement::new(ends.iter().copied(), *dash, *gap, *style)
                    .draw(points, backend, parent_dim)
            }
            Mark::Dot(_, radius, style) => match points.next() {
                Some(centre) => {
                    backend.draw_circle(centre, (*radius).max(0) as u32, style, style.filled)
                }
                None => Ok(()),
            },
            Mark::Label(text, _, style) => match points.next() {
                Some(at) => backend.draw_text(text, style, at),
                None => Ok(()),
            },
        }
    }
}
