//! Embeds the example articles under `examples/articles/` so `sitrep demo`
//! works from any directory with nothing but the binary.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new("examples/articles");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| {
                    [".txt", ".html", ".htm", ".jsonl"]
                        .iter()
                        .any(|x| n.ends_with(x))
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from("pub static EXAMPLES: &[(&str, &[u8])] = &[\n");
    for name in &names {
        let path = std::fs::canonicalize(dir.join(name)).expect("example path");
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(
            code,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("examples.rs");
    std::fs::write(out, code).expect("write examples.rs");
}
