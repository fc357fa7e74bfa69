//! A plotters backend writing SVG for the build-time drawings, where the stylesheet chooses the
//! colours: each mark names the role of its colour (`class="s0"`: filled with the first series
//! colour, `class="k s0"`: outlined in it) instead of carrying it, so one drawing is right in light, dark and print. Text is
//! set as the canvas backend sets it (same size in CSS pixels, same anchors and baselines), so
//! the canvas that takes over draws the same picture. Native only.

use super::Palette;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::RGBColor;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle,
};
use std::fmt::Write;

/// A colour the chart drew that its palette does not name: the stylesheet could not show it.
#[derive(Debug)]
pub struct UnnamedColour(pub (u8, u8, u8));

impl std::fmt::Display for UnnamedColour {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (r, g, b) = self.0;
        write!(
            f,
            "colour #{r:02x}{g:02x}{b:02x} is not one of the palette's roles"
        )
    }
}

impl std::error::Error for UnnamedColour {}

/// The text size the stylesheet sets for `.chart-svg` (CSS px), most labels' size: inherited
/// where a `font-size` attribute does not say otherwise (a rule on `text` would override it).
const DEFAULT_FONT_SIZE: f64 = 13.0;

type Drawn = Result<(), DrawingErrorKind<UnnamedColour>>;

/// Writes the marks of one chart, `width` × `height` CSS pixels, into a string: the elements
/// only, without the enclosing `<svg>` (which the page writes). Complete once dropped.
pub struct StyledSvg<'a> {
    size: (u32, u32),
    roles: Vec<(&'static str, RGBColor)>,
    out: &'a mut String,
    /// The paint of the `<path>` still open, so that consecutive lines painted alike (a
    /// hatching, a dashed line) become one element.
    open_path: Option<String>,
    /// Where the open path's last line ended.
    pen: Option<BackendCoord>,
}

impl<'a> StyledSvg<'a> {
    /// Drawn with `palette`, whose roles (see [`Palette::roles`]) must have colours of their
    /// own: [`Palette::distinct`].
    pub fn new(out: &'a mut String, size: (u32, u32), palette: &Palette) -> Self {
        StyledSvg {
            size,
            roles: palette.roles(),
            out,
            open_path: None,
            pen: None,
        }
    }

    fn role(&self, colour: BackendColor) -> Result<&'static str, DrawingErrorKind<UnnamedColour>> {
        self.roles
            .iter()
            .find(|(_, c)| (c.0, c.1, c.2) == colour.rgb)
            .map(|(name, _)| *name)
            .ok_or(DrawingErrorKind::DrawingError(UnnamedColour(colour.rgb)))
    }

    fn close_path(&mut self) {
        self.pen = None;
        if self.open_path.take().is_some() {
            self.out.push_str("\"/>");
        }
    }

    /// Starts an element of its own (anything but a continued path).
    fn element(&mut self) -> &mut String {
        self.close_path();
        self.out
    }

    /// The attributes that paint a mark: `class="role"` (filled) or `class="k role"
    /// stroke-width="w"` (outlined), and its opacity unless opaque. None for a transparent
    /// mark, which is drawn as nothing (as the canvas backend does).
    fn paint(
        &self,
        colour: BackendColor,
        fill: bool,
        stroke_width: u32,
    ) -> Result<Option<String>, DrawingErrorKind<UnnamedColour>> {
        if colour.alpha == 0.0 {
            return Ok(None);
        }
        let role = self.role(colour)?;
        let mut attributes = if fill {
            format!("class=\"{role}\"")
        } else {
            format!("class=\"k {role}\" stroke-width=\"{stroke_width}\"")
        };
        if colour.alpha < 1.0 {
            let _ = write!(attributes, " opacity=\"{}\"", colour.alpha);
        }
        Ok(Some(attributes))
    }
}

impl Drop for StyledSvg<'_> {
    fn drop(&mut self) {
        self.close_path();
    }
}

impl DrawingBackend for StyledSvg<'_> {
    type ErrorType = UnnamedColour;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Drawn {
        Ok(())
    }

    fn present(&mut self) -> Drawn {
        self.close_path();
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, colour: BackendColor) -> Drawn {
        self.draw_rect((x, y), (x + 1, y + 1), &colour, true)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let Some(paint) = self.paint(style.color(), fill, style.stroke_width())? else {
            return Ok(());
        };
        let (w, h) = (x1 - x0, y1 - y0);
        let _ = write!(
            self.element(),
            "<rect {paint} x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\"/>"
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        let colour = style.color();
        let Some(paint) = self.paint(colour, false, style.stroke_width())? else {
            return Ok(());
        };
        // Joined to the open path if painted alike (opacity is rare: such a path stands alone).
        let opaque = colour.alpha >= 1.0;
        if !(opaque && self.open_path.as_deref() == Some(paint.as_str())) {
            let _ = write!(self.element(), "<path {paint} d=\"");
            self.open_path = Some(paint);
        }
        self.pen = write_points(self.out, path, self.pen);
        if !opaque {
            self.close_path();
        }
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.draw_path([from, to], style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        let Some(paint) = self.paint(style.color(), fill, style.stroke_width())? else {
            return Ok(());
        };
        let _ = write!(
            self.element(),
            "<circle {paint} cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"/>"
        );
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        let Some(paint) = self.paint(style.color(), true, 0)? else {
            return Ok(());
        };
        let _ = write!(self.element(), "<path {paint} d=\"");
        write_points(self.out, vertices, None);
        self.out.push_str("Z\"/>");
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Drawn {
        let Some(paint) = self.paint(style.color(), true, 0)? else {
            return Ok(());
        };
        // The canvas backend's textAlign in SVG's words (start is the default).
        let anchor = match style.anchor().h_pos {
            HPos::Left => "",
            HPos::Center => " text-anchor=\"middle\"",
            HPos::Right => " text-anchor=\"end\"",
        };
        // The canvas places text by its em box's top, middle or bottom; SVG by the alphabetic
        // baseline, which sits 0.8, 0.3 and -0.2 em from those in common sans-serif fonts
        // (DejaVu Sans 0.797, Arial 0.810: a tenth of a pixel at 13 px).
        let size = style.size();
        let baseline = y as f64
            + size
                * match style.anchor().v_pos {
                    VPos::Top => 0.8,
                    VPos::Center => 0.3,
                    VPos::Bottom => -0.2,
                };
        let baseline = (baseline * 10.0).round() / 10.0;
        let weight = match style.style() {
            FontStyle::Bold => " font-weight=\"bold\"",
            _ => "",
        };
        let size = if size == DEFAULT_FONT_SIZE {
            String::new()
        } else {
            format!(" font-size=\"{size}\"")
        };
        let _ = write!(
            self.element(),
            "<text {paint} x=\"{x}\" y=\"{baseline}\"{size}{weight}{anchor}>{}</text>",
            crate::format::escape_html(text)
        );
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<UnnamedColour>> {
        let bold = matches!(style.style(), FontStyle::Bold);
        let width = crate::charts::estimate_text_width(text, style.size(), bold);
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }
}

/// A path's points: the first absolute (`M8 77`) unless the path goes on from `pen`, every
/// other relative (`l22-22`), so a hatching's strokes are written alike and compress well.
/// Returns the last point.
fn write_points<I: IntoIterator<Item = BackendCoord>>(
    out: &mut String,
    points: I,
    mut pen: Option<BackendCoord>,
) -> Option<BackendCoord> {
    for (i, (x, y)) in points.into_iter().enumerate() {
        let (command, dx, dy) = match pen {
            None => ('M', x, y),
            Some((px, py)) => (if i == 0 { 'm' } else { 'l' }, x - px, y - py),
        };
        // A minus sign separates the numbers by itself.
        let gap = if dy < 0 { "" } else { " " };
        let _ = write!(out, "{command}{dx}{gap}{dy}");
        pen = Some((x, y));
    }
    pen
}
