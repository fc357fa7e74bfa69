//! Values computed from other values: never typed into the data.

use super::{Formula, Indicator, Qualifier, Status, Unit};

/// Whether a number is exact, a lower bound ("over"), an upper bound ("nearly") or rough.
#[derive(Clone, Copy, PartialEq)]
enum Bound {
    Exact,
    Lower,
    Upper,
    Rough,
}

fn bound(q: Option<Qualifier>) -> Bound {
    match q {
        None => Bound::Exact,
        Some(Qualifier::Over) => Bound::Lower,
        Some(Qualifier::Nearly) => Bound::Upper,
        Some(Qualifier::About) => Bound::Rough,
    }
}

fn qualifier(b: Bound) -> Option<Qualifier> {
    match b {
        Bound::Exact => None,
        Bound::Lower => Some(Qualifier::Over),
        Bound::Upper => Some(Qualifier::Nearly),
        Bound::Rough => Some(Qualifier::About),
    }
}

fn flip(b: Bound) -> Bound {
    match b {
        Bound::Lower => Bound::Upper,
        Bound::Upper => Bound::Lower,
        other => other,
    }
}

/// The qualifier of `a op b`, where `increasing_in_b` says whether the result grows with `b`
/// (true for products, false for differences and ratios). An "over" divided by a "nearly"
/// is still an "over"; mixed directions can only be said to be "about".
pub fn combine_qualifiers(
    a: Option<Qualifier>,
    b: Option<Qualifier>,
    increasing_in_b: bool,
) -> Option<Qualifier> {
    let (a, b) = (
        bound(a),
        if increasing_in_b {
            bound(b)
        } else {
            flip(bound(b))
        },
    );
    qualifier(match (a, b) {
        (x, Bound::Exact) | (Bound::Exact, x) => x,
        (x, y) if x == y => x,
        _ => Bound::Rough,
    })
}

/// Computes one derived value from its two inputs. Returns the value, its unit and its
/// qualifier, or a problem description.
pub(crate) fn evaluate(
    formula: &Formula,
    a: &Indicator,
    b: &Indicator,
) -> Result<(f64, Unit, Option<Qualifier>), String> {
    let (Some((x, ux)), Some((y, uy))) = (a.amount(), b.amount()) else {
        return Err("formula inputs must be numeric indicators".into());
    };
    let (value, unit, increasing) = match formula {
        Formula::PercentOf { .. } => {
            if ux != Unit::Percent {
                return Err(format!("`percent` input `{}` is not a percent", a.id));
            }
            (x / 100.0 * y, uy, true)
        }
        Formula::Difference { .. } => {
            if ux != uy {
                return Err(format!("cannot subtract {uy:?} from {ux:?}"));
            }
            (x - y, ux, false)
        }
        Formula::Share { .. } => {
            if ux != uy {
                return Err(format!("cannot take a share of {uy:?} in {ux:?}"));
            }
            if y == 0.0 {
                return Err("share of a zero whole".into());
            }
            (x / y * 100.0, Unit::Percent, false)
        }
    };
    if !value.is_finite() {
        return Err("formula result is not a finite number".into());
    }
    Ok((
        value,
        unit,
        combine_qualifiers(a.qualifier, b.qualifier, increasing),
    ))
}

/// Status of a derived value: a plan or estimate taints the result.
pub(crate) fn combined_status(a: Status, b: Status) -> Status {
    match (a, b) {
        (Status::Plan, _) | (_, Status::Plan) => Status::Plan,
        (Status::Estimate, _) | (_, Status::Estimate) => Status::Estimate,
        _ => Status::Actual,
    }
}
