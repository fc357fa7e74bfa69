//! Chart colours: WCAG AA contrast against the chart background in both schemes (4.5:1 for
//! text, 3:1 for marks), and series colours that stay apart for colour-blind readers
//! (protanopia, deuteranopia, tritanopia simulated with the Machado–Oliveira–Fernandes 2009
//! matrices, severity 1). Series in one chart never rely on colour alone (labels name each
//! part), but they should still look different.

use bac_giang_economy::charts::Palette;
use plotters::style::RGBColor;

fn linear(c: u8) -> f64 {
    let c = c as f64 / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

fn luminance(c: RGBColor) -> f64 {
    0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
}

fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn simulate(c: RGBColor, m: [[f64; 3]; 3]) -> [f64; 3] {
    let v = [linear(c.0), linear(c.1), linear(c.2)];
    let mut out = [0.0; 3];
    for (i, row) in m.iter().enumerate() {
        out[i] = (row[0] * v[0] + row[1] * v[1] + row[2] * v[2]).clamp(0.0, 1.0);
    }
    out
}

/// CIELAB of a linear-RGB colour (D65).
fn lab(v: [f64; 3]) -> [f64; 3] {
    let x = 0.4124 * v[0] + 0.3576 * v[1] + 0.1805 * v[2];
    let y = 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    let z = 0.0193 * v[0] + 0.1192 * v[1] + 0.9505 * v[2];
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    let (fx, fy, fz) = (f(x / 0.95047), f(y), f(z / 1.08883));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (lab(a), lab(b));
    ((la[0] - lb[0]).powi(2) + (la[1] - lb[1]).powi(2) + (la[2] - lb[2]).powi(2)).sqrt()
}

const NORMAL: [[f64; 3]; 3] = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
const PROTANOPIA: [[f64; 3]; 3] = [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
];
const DEUTERANOPIA: [[f64; 3]; 3] = [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.011820, 0.042940, 0.968881],
];
const TRITANOPIA: [[f64; 3]; 3] = [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.303900],
];

fn schemes() -> [(&'static str, Palette); 2] {
    [("light", Palette::light()), ("dark", Palette::dark())]
}

#[test]
fn text_and_marks_meet_wcag_aa_against_the_background() {
    for (name, p) in schemes() {
        let bg = p.background.unwrap();
        assert!(
            contrast(p.text, bg) >= 4.5,
            "{name}: text {:.2}",
            contrast(p.text, bg)
        );
        assert!(
            contrast(p.muted, bg) >= 4.5,
            "{name}: muted text {:.2}",
            contrast(p.muted, bg)
        );
        for (i, &c) in p.series.iter().enumerate() {
            let ratio = contrast(c, bg);
            assert!(
                ratio >= 3.0,
                "{name}: series {i} {c:?} against the background {ratio:.2}"
            );
            // Labels drawn on a bar use on_series.
            let on = contrast(p.on_series, c);
            assert!(on >= 4.5, "{name}: text on series {i} {on:.2}");
        }
    }
}

#[test]
fn series_colours_stay_apart_for_colour_blind_readers() {
    for (name, p) in schemes() {
        for (vision, m) in [
            ("normal", NORMAL),
            ("protanopia", PROTANOPIA),
            ("deuteranopia", DEUTERANOPIA),
            ("tritanopia", TRITANOPIA),
        ] {
            for i in 0..p.series.len() {
                for j in i + 1..p.series.len() {
                    let d = delta_e(simulate(p.series[i], m), simulate(p.series[j], m));
                    assert!(
                        d >= 12.0,
                        "{name}, {vision}: series {i} and {j} too close (ΔE {d:.1})"
                    );
                }
            }
        }
    }
}

/// The build-time charts (prerendered page) take their colours from style.css by role: each
/// role's `light-dark()` pair there must be the palettes' colours.
#[test]
fn the_stylesheet_gives_each_role_the_palettes_colours() {
    let css = include_str!("../style.css");
    let hex = |c: RGBColor| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2);
    let (light, dark) = (Palette::light().roles(), Palette::dark().roles());
    assert_eq!(light.len(), 13);
    for ((role, l), (dark_role, d)) in light.into_iter().zip(dark) {
        assert_eq!(role, dark_role);
        let rule = format!(
            ".chart-svg .{role} {{ --c: light-dark({}, {}); }}",
            hex(l),
            hex(d)
        );
        assert!(css.contains(&rule), "style.css should have: {rule}");
    }
}

/// Marks drawn with `Palette::distinct()` are told apart by colour alone.
#[test]
fn the_distinct_palette_gives_every_role_a_colour_of_its_own() {
    let roles = Palette::distinct().roles();
    for (i, (a, ca)) in roles.iter().enumerate() {
        for (b, cb) in &roles[i + 1..] {
            assert_ne!(ca, cb, "{a} and {b}");
        }
    }
}
