//! `agents-sandbox`: runs both sandbox services in the foreground until Ctrl-C.
//!
//! ```text
//! agents-sandbox [--ops-port N] [--platform-port N] [--enforce-rate-limits] [--json]
//! ```
//! Ports default to 8000 (ops) and 3000 (platform); 0 picks any free port. `--json` prints one
//! JSON line with the URLs and credentials once both services accept connections.

use std::io::Write;
use std::process::ExitCode;

use agents_sandbox::Sandbox;

#[derive(Debug)]
struct Args {
    ops_port: u16,
    platform_port: u16,
    enforce_rate_limits: bool,
    json: bool,
}

const USAGE: &str =
    "usage: agents-sandbox [--ops-port N] [--platform-port N] [--enforce-rate-limits] [--json]";

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        ops_port: 8000,
        platform_port: 3000,
        enforce_rate_limits: false,
        json: false,
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "--ops-port" | "--platform-port" => {
                let value = inline
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("{flag} needs a port number"))?;
                let port: u16 = value
                    .parse()
                    .map_err(|_| format!("{flag}: `{value}` is not a port number"))?;
                if flag == "--ops-port" {
                    parsed.ops_port = port;
                } else {
                    parsed.platform_port = port;
                }
            }
            "--enforce-rate-limits" => parsed.enforce_rate_limits = true,
            "--json" => parsed.json = true,
            "-h" | "--help" => return Ok(None),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Some(parsed))
}

fn json_line(sandbox: &Sandbox) -> String {
    serde_json::json!({
        "ops_url": sandbox.ops_url(),
        "platform_url": sandbox.platform_url(),
        "api_key": sandbox.api_key(),
        "admin_api_key": sandbox.admin_api_key(),
        "ops_api_key": sandbox.ops_api_key(),
        "username": sandbox.username(),
        "password": sandbox.password(),
    })
    .to_string()
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("agents-sandbox: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let sandbox = match Sandbox::builder()
        .ops_port(args.ops_port)
        .platform_port(args.platform_port)
        .enforce_rate_limits(args.enforce_rate_limits)
        .start()
        .await
    {
        Ok(s) => s,
        Err(e) => {
            eprintln!("agents-sandbox: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    let printed = if args.json {
        writeln!(out, "{}", json_line(&sandbox))
    } else {
        writeln!(
            out,
            "agents-sandbox running (Ctrl-C to stop)\n\
             platform: {}\n  api key:       {}\n  admin api key: {}\n\
             ops:      {}\n  api key:       {}\n  username:      {}\n  password:      {}\n\
             rate limits enforced: {}",
            sandbox.platform_url(),
            sandbox.api_key(),
            sandbox.admin_api_key(),
            sandbox.ops_url(),
            sandbox.ops_api_key(),
            sandbox.username(),
            sandbox.password(),
            args.enforce_rate_limits,
        )
    };
    let _ = printed.and_then(|()| out.flush());
    drop(out);
    wait_for_signal().await;
    sandbox.shutdown().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<Args>, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn defaults_and_flags() {
        let a = parse(&[]).unwrap().unwrap();
        assert_eq!(
            (a.ops_port, a.platform_port, a.json, a.enforce_rate_limits),
            (8000, 3000, false, false)
        );
        let a = parse(&[
            "--ops-port",
            "0",
            "--platform-port=0",
            "--json",
            "--enforce-rate-limits",
        ])
        .unwrap()
        .unwrap();
        assert_eq!(
            (a.ops_port, a.platform_port, a.json, a.enforce_rate_limits),
            (0, 0, true, true)
        );
        assert!(parse(&["--help"]).unwrap().is_none());
        assert!(parse(&["--ops-port"]).is_err());
        assert!(parse(&["--ops-port", "99999"]).is_err());
        assert!(parse(&["--bogus"]).is_err());
    }
}
