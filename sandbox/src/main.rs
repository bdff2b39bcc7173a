//! `agents-sandbox`: runs both sandbox services in the foreground until Ctrl-C or SIGTERM.
//!
//! ```text
//! agents-sandbox [--ops-port N] [--platform-port N] [--enforce-rate-limits] [--json] [--fault SPEC]
//! ```
//! Ports default to 8000 (ops) and 3000 (platform); 0 picks any free port. `--json` prints one
//! JSON line with the URLs and credentials once both services accept connections.
//! `agents-sandbox --help` describes every option.

use std::io::Write;
use std::process::ExitCode;

use agents_sandbox::{Sandbox, SandboxBuilder};
use clap::Parser;

const AFTER_HELP: &str = "\
Credentials (the same on every start):
  platform: the demo user's API key (usr_abc123, FREE tier) and an admin API key (BUSINESS tier),
            sent as `Authorization: Bearer <key>`
  ops:      a static API key (`tu-api-key` is accepted too), or POST /api/auth/login with
            username `admin` and password `password` for a JWT

Demo data: every start has the identifiers of the API reference's examples (agent
agt_personal_001, conversation conv_abc123, account acc_001, medication med_001; on ops the
conversation conv_123 and a fake cloud inventory). Everything lives in memory.

Fault injection per request: the header `X-Sandbox-Fault: key=value;...` on an authenticated
request, with the keys latency=<ms>, status=<code>, count=<n>, id=<token>, retry_after=<s>,
cut_after=<n>, stall_after=<n>, malformed=1. Sandbox-wide: --fault, or POST /__sandbox/faults
with a JSON object of the same keys (DELETE clears it). GET /__sandbox/health answers
{\"ok\": true}; POST /__sandbox/config {\"enforce_rate_limits\": true|false} switches 429s.

With --json, one line: {\"ops_url\", \"platform_url\", \"api_key\", \"admin_api_key\", \"ops_api_key\",
\"username\", \"password\"}.";

/// In-memory sandbox of the CJHIRASHI Agents platform API and the ops agent API, for examples
/// and tests: no account, no network. Runs in the foreground until Ctrl-C (or SIGTERM).
#[derive(Debug, Parser)]
#[command(name = "agents-sandbox", version, after_help = AFTER_HELP)]
struct Args {
    /// Port of the ops service on 127.0.0.1 (0: any free port)
    #[arg(long, value_name = "PORT", default_value_t = 8000)]
    ops_port: u16,

    /// Port of the platform service on 127.0.0.1, base URL http://127.0.0.1:PORT/api (0: any
    /// free port)
    #[arg(long, value_name = "PORT", default_value_t = 3000)]
    platform_port: u16,

    /// Answer 429 (with Retry-After) once a caller is over its rate limit; the X-RateLimit-*
    /// headers are sent either way [default: off]
    #[arg(long)]
    enforce_rate_limits: bool,

    /// Print one JSON line with the URLs and credentials (once both services accept
    /// connections) instead of the text banner [default: off]
    #[arg(long)]
    json: bool,

    /// A sandbox-wide fault plan for both services, in the X-Sandbox-Fault header's syntax,
    /// e.g. `status=503;count=2` (each service fails its first 2 requests) [default: none]
    #[arg(long, value_name = "SPEC", value_parser = check_fault)]
    fault: Option<String>,
}

fn check_fault(spec: &str) -> Result<String, String> {
    Sandbox::builder().fault(spec).map(|_| spec.to_string())
}

impl Args {
    fn builder(&self) -> Result<SandboxBuilder, String> {
        let builder = Sandbox::builder()
            .ops_port(self.ops_port)
            .platform_port(self.platform_port)
            .enforce_rate_limits(self.enforce_rate_limits);
        match &self.fault {
            Some(spec) => builder.fault(spec),
            None => Ok(builder),
        }
    }
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
    // --help and --version print and exit 0; a bad argument prints the error and exits 2.
    let args = Args::parse();
    let builder = match args.builder() {
        Ok(b) => b,
        Err(msg) => {
            eprintln!("agents-sandbox: --fault: {msg}");
            return ExitCode::from(2);
        }
    };
    let sandbox = match builder.start().await {
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
    use clap::CommandFactory;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        Args::try_parse_from(std::iter::once("agents-sandbox").chain(args.iter().copied()))
    }

    #[test]
    fn definition_is_consistent() {
        Args::command().debug_assert();
    }

    #[test]
    fn defaults_and_flags() {
        let a = parse(&[]).unwrap();
        assert_eq!(
            (a.ops_port, a.platform_port, a.json, a.enforce_rate_limits),
            (8000, 3000, false, false)
        );
        assert!(a.fault.is_none());
        let a = parse(&[
            "--ops-port",
            "0",
            "--platform-port=0",
            "--json",
            "--enforce-rate-limits",
            "--fault",
            "status=503;count=2",
        ])
        .unwrap();
        assert_eq!(
            (a.ops_port, a.platform_port, a.json, a.enforce_rate_limits),
            (0, 0, true, true)
        );
        assert_eq!(a.fault.as_deref(), Some("status=503;count=2"));
        assert!(a.builder().is_ok());
        assert_eq!(
            parse(&["--help"]).unwrap_err().kind(),
            clap::error::ErrorKind::DisplayHelp
        );
        assert!(parse(&["--ops-port"]).is_err());
        assert!(parse(&["--ops-port", "99999"]).is_err());
        assert!(parse(&["--bogus"]).is_err());
        assert!(parse(&["--fault", "status=42"]).is_err());
        assert!(parse(&["--fault", "nonsense"]).is_err());
    }
}
