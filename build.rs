//! Validates every dataset in `data/` before compiling, so bad data fails the build with the
//! file, the JSON path and the problem. Then embeds the chosen dataset (default
//! `data/bac-giang.json`, or `$DATASET`, which may lie outside `data/`) in a compact binary form
//! (`model::codec`) in `$OUT_DIR/dataset.bin`, and passes the data hash and build date to the
//! crate (`BAC_GIANG_DATA_HASH`, `BAC_GIANG_BUILD_DATE`).

#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;

use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let data_dir = root.join("data");
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=src/model");
    println!("cargo:rerun-if-env-changed=DATASET");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    // Which page a release build's wasm is for (scripts/build-release.sh): `cfg(page = …)`
    // lets the compiler drop the other page's branches (see `AppContext::embedded`). Unset
    // (tests, other builds), the app decides at run time.
    println!("cargo:rerun-if-env-changed=BAC_GIANG_PAGE");
    println!("cargo::rustc-check-cfg=cfg(page, values(\"dashboard\", \"embed\", \"export\", \"offline\"))");
    match std::env::var("BAC_GIANG_PAGE").as_deref() {
        Ok(page @ ("dashboard" | "embed" | "export" | "offline")) => {
            println!("cargo:rustc-cfg=page=\"{page}\"")
        }
        Ok("") | Err(_) => {}
        Ok(other) => {
            eprintln!(
                "error: BAC_GIANG_PAGE must be `dashboard`, `embed`, `export` or `offline`, not `{other}`"
            );
            std::process::exit(1);
        }
    }
    // Any source change rebuilds the app, so the build date shown to readers is renewed too.
    println!("cargo:rerun-if-changed=src");
    let chosen = std::env::var("DATASET").unwrap_or_else(|_| "data/bac-giang.json".into());

    let mut files: Vec<PathBuf> = std::fs::read_dir(&data_dir)
        .expect("data/ directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();

    let mut failed = false;
    let mut embedded = None;
    for path in &files {
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        println!("cargo:rerun-if-changed={name}");
        match validate(path, &name) {
            Ok(compact) if name == chosen => embedded = Some(compact),
            Ok(_) => {}
            Err(report) => {
                eprintln!("{report}");
                failed = true;
            }
        }
    }
    if failed {
        eprintln!("\nerror: invalid data; see DATA.md for the format");
        std::process::exit(1);
    }
    // A dataset outside data/ (test fixtures: a changed build, markup in labels, scale) is
    // validated the same way.
    let chosen_path = root.join(&chosen);
    if embedded.is_none() && chosen_path.is_file() {
        println!("cargo:rerun-if-changed={}", chosen_path.display());
        match validate(&chosen_path, &chosen) {
            Ok(compact) => embedded = Some(compact),
            Err(report) => {
                eprintln!("{report}\n\nerror: invalid data; see DATA.md for the format");
                std::process::exit(1);
            }
        }
    }
    let Some(compact) = embedded else {
        eprintln!("error: dataset `{chosen}` not found (data/ holds {files:?})");
        std::process::exit(1);
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("dataset.bin");
    std::fs::write(out, compact).expect("write dataset.bin");

    let json = std::fs::read(&chosen_path).expect("read the chosen dataset");
    println!("cargo:rustc-env=BAC_GIANG_DATA_HASH={}", data_hash(&json));
    println!("cargo:rustc-env=BAC_GIANG_BUILD_DATE={}", build_date());
}

/// The data version readers can check: the first 8 hex digits of the JSON file's SHA-256
/// (`sha256sum data/bac-giang.json | cut -c1-8`).
fn data_hash(json: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(json)[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Today's UTC date (YYYY-MM-DD), or the date of `$SOURCE_DATE_EPOCH` for reproducible builds.
fn build_date() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Returns the dataset encoded, or every problem found, one per line.
fn validate(path: &Path, name: &str) -> Result<Vec<u8>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: $: cannot read: {e}"))?;
    let dir = path.parent().unwrap().to_path_buf();
    let read = move |rel: &str| std::fs::read_to_string(dir.join(rel)).ok();
    let data = model::load(name, &text, Some(&read)).map_err(|e| e.to_string())?;
    Ok(model::codec::encode(&data))
}
