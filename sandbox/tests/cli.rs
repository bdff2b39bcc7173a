//! The `agents-sandbox` command line: `--help`, `--version`, argument errors and `--fault`.

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_agents-sandbox"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run agents-sandbox")
}

#[test]
fn help_lists_every_flag_with_its_default() {
    let out = run(&["--help"]);
    assert!(out.status.success(), "{out:?}");
    let help = String::from_utf8(out.stdout).expect("utf-8");
    for (flag, default) in [
        ("--ops-port <PORT>", Some("[default: 8000]")),
        ("--platform-port <PORT>", Some("[default: 3000]")),
        ("--enforce-rate-limits", Some("[default: off]")),
        ("--json", Some("[default: off]")),
        ("--fault <SPEC>", Some("[default: none]")),
        ("--help", None),
        ("--version", None),
    ] {
        let line_start = help
            .find(flag)
            .unwrap_or_else(|| panic!("{flag} missing from --help:\n{help}"));
        if let Some(default) = default {
            // The default follows the flag in its own entry (before the next flag).
            let entry = &help[line_start..];
            let next = entry[flag.len()..]
                .find("\n  -")
                .map_or(entry.len(), |i| i + flag.len());
            assert!(
                entry[..next].contains(default),
                "{flag} lacks {default}:\n{}",
                &entry[..next]
            );
        }
    }
    // The long help explains credentials and fault injection.
    for text in [
        "X-Sandbox-Fault",
        "/__sandbox/faults",
        "admin",
        "agt_personal_001",
    ] {
        assert!(help.contains(text), "{text} missing from --help");
    }
    // -h is the same page.
    let short = run(&["-h"]);
    assert!(short.status.success());
    assert!(String::from_utf8_lossy(&short.stdout).contains("--ops-port"));
}

#[test]
fn version_prints_the_crate_version() {
    let out = run(&["--version"]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert_eq!(
        text.trim(),
        format!("agents-sandbox {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_arguments_exit_2_with_a_message() {
    for args in [
        &["--bogus"][..],
        &["--ops-port", "99999"],
        &["--ops-port"],
        &["--fault", "status=42"],
        &["--fault", "colour=red"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("error"), "{args:?}: {err}");
    }
}

/// `--fault status=503;count=1`: the first request to the platform fails with 503 in the
/// platform's error format, the next one goes through.
#[test]
fn fault_flag_applies_a_sandbox_wide_plan() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_agents-sandbox"))
        .args([
            "--ops-port=0",
            "--platform-port=0",
            "--json",
            "--fault",
            "status=503;count=1;retry_after=7",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("line");
    let v: Value = serde_json::from_str(line.trim()).expect("one JSON line");
    let platform = v["platform_url"]
        .as_str()
        .expect("platform_url")
        .to_string();
    let key = v["api_key"].as_str().expect("api_key").to_string();

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let statuses = rt.block_on(async {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .no_proxy()
            .build()
            .expect("client");
        let mut seen = Vec::new();
        for _ in 0..2 {
            let resp = http
                .get(format!("{platform}/users/me"))
                .bearer_auth(&key)
                .send()
                .await
                .expect("send");
            let status = resp.status().as_u16();
            let retry_after = resp
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap_or_default().to_string());
            let body: Value =
                serde_json::from_slice(&resp.bytes().await.expect("body")).expect("JSON body");
            seen.push((status, retry_after, body));
        }
        seen
    });
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(statuses[0].0, 503);
    assert_eq!(statuses[0].1.as_deref(), Some("7"));
    assert_eq!(statuses[0].2["error"]["code"], "SERVICE_UNAVAILABLE");
    assert_eq!(statuses[1].0, 200);
    assert_eq!(statuses[1].2["data"]["id"], "usr_abc123");
}
