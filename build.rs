//! Validates every dataset in `data/` before compiling, so bad data fails the build with the
//! file, the JSON path and the problem. Then embeds the chosen dataset (default
//! `data/bac-giang.json`, or `$DATASET`) in a compact binary form (`model::codec`) in `$OUT_DIR/dataset.bin`.

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
    let Some(compact) = embedded else {
        eprintln!("error: dataset `{chosen}` not found among {files:?}");
        std::process::exit(1);
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("dataset.bin");
    std::fs::write(out, compact).expect("write dataset.bin");
}

/// Returns the dataset encoded, or every problem found, one per line.
fn validate(path: &Path, name: &str) -> Result<Vec<u8>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: $: cannot read: {e}"))?;
    let dir = path.parent().unwrap().to_path_buf();
    let read = move |rel: &str| std::fs::read_to_string(dir.join(rel)).ok();
    let data = model::load(name, &text, Some(&read)).map_err(|e| e.to_string())?;
    Ok(model::codec::encode(&data))
}
