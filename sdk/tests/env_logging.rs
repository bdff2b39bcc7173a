//! `CJHIRASHI_LOG` in a Rust program without a `tracing` subscriber: the SDK prints its own
//! events of that level and above to stderr (method, path, status; never the key). Each case
//! runs this test binary again as a child process, since the output is installed once per
//! process as the global subscriber.

use std::process::Command;

use agents_sandbox::Sandbox;
use agents_sdk::platform::Client;

const TEST: &str = "cjhirashi_log_prints_the_sdk_events_to_stderr";
const CHILD: &str = "AGENTS_SDK_ENV_LOG_CHILD";

/// The child: one successful call and one refused (401) with a key that must not be printed.
fn child() {
    if std::env::var_os("AGENTS_SDK_ENV_LOG_OFF").is_some() {
        agents_sdk::logging::set_env_logging(false);
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        let sb = Sandbox::start().await.expect("sandbox");
        let good = Client::builder()
            .api_key(sb.api_key())
            .base_url(sb.platform_url())
            .build()
            .expect("client");
        good.users().me().await.expect("me");
        let bad = Client::builder()
            .api_key("cj_live_envlog_secret_key")
            .base_url(sb.platform_url())
            .max_retries(0)
            .build()
            .expect("client");
        bad.users().me().await.expect_err("a wrong key is refused");
        if std::env::var_os("AGENTS_SDK_ENV_LOG_LATE_APP").is_some() {
            // an application that sets its own subscriber after the SDK printed: it can (the
            // SDK never installed a global one), and the later events go to it
            let app = tracing_subscriber::fmt()
                .with_writer(std::io::stdout)
                .with_max_level(tracing::Level::DEBUG)
                .finish();
            tracing::subscriber::set_global_default(app).expect("the application's subscriber");
            good.users().me().await.expect("me");
        }
    });
}

fn run(level: Option<&str>, off: bool) -> String {
    let mut cmd = Command::new(std::env::current_exe().expect("test binary"));
    cmd.args(["--exact", TEST, "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .env_remove("CJHIRASHI_LOG")
        .env_remove("AGENTS_SDK_ENV_LOG_OFF");
    if let Some(level) = level {
        cmd.env("CJHIRASHI_LOG", level);
    }
    if off {
        cmd.env("AGENTS_SDK_ENV_LOG_OFF", "1");
    }
    run_with(cmd)
}

/// The child's stderr (and stdout, after a line `--- stdout`).
fn run_with(mut cmd: Command) -> String {
    let out = cmd.output().expect("child runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned()
        + "\n--- stdout\n"
        + &String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "child failed: {stderr}");
    assert!(
        !stderr.contains("envlog_secret"),
        "the key was printed: {stderr}"
    );
    stderr
}

#[test]
fn cjhirashi_log_prints_the_sdk_events_to_stderr() {
    if std::env::var_os(CHILD).is_some() {
        return child();
    }
    // warn: the failed call, with its request's facts; not the successful one
    let warn = run(Some("warn"), false);
    assert!(warn.contains("WARN"), "{warn}");
    assert!(warn.contains("error answer"), "{warn}");
    assert!(
        warn.contains("method=GET") && warn.contains("path=/users/me"),
        "{warn}"
    );
    assert!(warn.contains("status=401"), "{warn}");
    assert!(!warn.contains("success"), "debug events at warn: {warn}");
    // debug: both
    let debug = run(Some("debug"), false);
    assert!(
        debug.contains("success") && debug.contains("error answer"),
        "{debug}"
    );
    // the application sets its own subscriber after the SDK printed to stderr: no panic, and
    // the next request's events go to the application's subscriber (stdout here)
    let mut cmd = Command::new(std::env::current_exe().expect("test binary"));
    cmd.args(["--exact", TEST, "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .env("CJHIRASHI_LOG", "debug")
        .env("AGENTS_SDK_ENV_LOG_LATE_APP", "1")
        .env_remove("AGENTS_SDK_ENV_LOG_OFF");
    let late = run_with(cmd);
    let (err, out) = late.split_once("--- stdout").expect("both parts");
    assert!(err.contains("error answer"), "{late}");
    assert!(
        out.contains("success"),
        "the application's subscriber got nothing: {late}"
    );
    // unset, `off`, or turned off by the program: nothing
    for (level, off) in [(None, false), (Some("off"), false), (Some("debug"), true)] {
        let quiet = run(level, off);
        assert!(!quiet.contains("agents_sdk"), "{level:?} {off}: {quiet}");
    }
}
