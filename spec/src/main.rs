//! `agents-spec`: writes the generated documents into `spec/`; `--check` compares instead and
//! fails (exit 1) when a committed document differs from what the SDK's types generate.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(other) => {
            eprintln!("agents-spec: unknown argument `{other}`\nusage: agents-spec [--check]");
            return ExitCode::from(2);
        }
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stale = Vec::new();
    for (name, text) in agents_spec::documents() {
        let path = dir.join(name);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed == text {
            continue;
        }
        if check {
            stale.push(name);
        } else if let Err(e) = std::fs::write(&path, &text) {
            eprintln!("agents-spec: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        } else {
            println!("wrote spec/{name}");
        }
    }
    if stale.is_empty() {
        if check {
            println!("spec: the committed documents match the SDK's types");
        }
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "agents-spec: spec/{} differ from what the SDK's types generate; run \
             `cargo run -p agents-spec` and commit the result",
            stale.join(", spec/")
        );
        ExitCode::FAILURE
    }
}
