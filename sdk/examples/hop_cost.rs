//! What handing each request to another thread costs, measured with the Rust core alone: N
//! sequential `agents().list()` calls against a platform server, made either on the calling
//! thread's own current-thread runtime (as the Python binding's blocking client does), or
//! spawned from the calling thread onto a runtime driven by other threads and awaited through
//! a channel (as every Node call and every Python `async` call must, since their calling thread
//! cannot block):
//!
//! ```sh
//! cargo run --release -p agents-sdk --example hop_cost -- http://127.0.0.1:8787/api KEY 20000
//! ```
//!
//! Prints one `RESULT` line per mode with the rate and the process's user and system CPU per
//! request (from `/proc/self/stat`, Linux): `here` (no hand-off), `mt2` / `mt1` (a multi-thread
//! runtime with 2 / 1 workers) and `ct` (a current-thread runtime on one dedicated thread).

use std::time::Instant;

use agents_sdk::platform::Client;

type Res<T> = Result<T, Box<dyn std::error::Error>>;

/// User and system CPU seconds of this process so far (zero where `/proc` is missing).
fn cpu() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat
        .rfind(')')
        .map_or("", |i| stat.get(i + 2..).unwrap_or(""));
    let field = |i: usize| {
        rest.split(' ')
            .nth(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
            / 100.0
    };
    (field(11), field(12))
}

fn report(mode: &str, n: u32, started: Instant, (u0, s0): (f64, f64)) {
    let secs = started.elapsed().as_secs_f64();
    let (u1, s1) = cpu();
    let per = |d: f64| d * 1e6 / f64::from(n);
    println!(
        "RESULT {{\"mode\":\"{mode}\",\"n\":{n},\"rate\":{:.0},\"user_us_per_req\":{:.1},\"system_us_per_req\":{:.1}}}",
        f64::from(n) / secs,
        per(u1 - u0),
        per(s1 - s0)
    );
}

fn client(base: &str, key: &str) -> Res<Client> {
    Ok(Client::builder().api_key(key).base_url(base).build()?)
}

/// Every call on this thread's own runtime.
fn here(base: &str, key: &str, n: u32) -> Res<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let c = client(base, key)?;
        c.agents().list(Default::default()).await?;
        let (cpu0, started) = (cpu(), Instant::now());
        for _ in 0..n {
            c.agents().list(Default::default()).await?;
        }
        report("here", n, started, cpu0);
        Ok(())
    })
}

/// Every call spawned onto `handle` and awaited through a channel.
fn hop(mode: &str, handle: &tokio::runtime::Handle, base: &str, key: &str, n: u32) -> Res<()> {
    let c = {
        let _entered = handle.enter();
        client(base, key)?
    };
    let one = |c: Client| -> Res<usize> {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        handle.spawn(async move {
            let listed = c.agents().list(Default::default()).await;
            let _ = tx.send(listed.map(|l| l.agents.len()));
        });
        Ok(rx.recv()??)
    };
    one(c.clone())?;
    let (cpu0, started) = (cpu(), Instant::now());
    for _ in 0..n {
        one(c.clone())?;
    }
    report(mode, n, started, cpu0);
    Ok(())
}

fn main() -> Res<()> {
    let args = std::env::args().skip(1).collect::<Vec<_>>();
    let base = args
        .first()
        .cloned()
        .unwrap_or_else(|| "http://127.0.0.1:8787/api".into());
    let key = args.get(1).cloned().unwrap_or_else(|| "bench".into());
    let n: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(20_000);
    here(&base, &key, n)?;
    for workers in [2, 1] {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers)
            .enable_all()
            .build()?;
        hop(&format!("mt{workers}"), rt.handle(), &base, &key, n)?;
    }
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let handle = rt.handle().clone();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let driver = std::thread::spawn(move || {
        rt.block_on(async {
            let _ = stopped.await;
        });
    });
    hop("ct", &handle, &base, &key, n)?;
    let _ = stop.send(());
    let _ = driver.join();
    Ok(())
}
