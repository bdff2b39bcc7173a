//! Testing your own code with the sandbox: `agents_sandbox::Sandbox` serves both services in
//! memory on free ports, so each test gets a fresh, isolated server with the demo data.
//!
//! ```sh
//! cargo test --example testing_with_sandbox    # runs the tests below
//! cargo run --example testing_with_sandbox     # runs the code under test once
//! ```
//!
//! In your own crate: `agents-sandbox` as a dev-dependency, and these tests in `tests/`.

use agents_sdk::Money;
use agents_sdk::platform::{Client, ListTransactionsParams};
use futures::TryStreamExt;

/// The code under test: the total spent (as a positive amount) over every transaction.
pub async fn total_spent(client: &Client) -> agents_sdk::Result<Money> {
    let transactions = client
        .finance()
        .transactions()
        .list(ListTransactionsParams::new().limit(100))
        .into_items();
    // Money is an exact decimal: no float rounding in sums.
    transactions
        .try_fold(Money::from(0), |total, tx| async move {
            Ok(if tx.amount.is_negative() {
                total - tx.amount
            } else {
                total
            })
        })
        .await
}

/// A client of the sandbox's demo user.
#[cfg(test)]
fn client_for(sandbox: &agents_sandbox::Sandbox) -> Client {
    Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.platform_url())
        .max_retries(0) // tests should see failures at once
        .build()
        .expect("client")
}

#[cfg(test)]
mod tests {
    use super::*;
    use agents_sdk::platform::CreateTransactionParams;
    use agents_sdk::{ApiErrorKind, Error};

    #[tokio::test]
    async fn total_spent_adds_every_expense() {
        let sandbox = agents_sandbox::Sandbox::start().await.expect("sandbox");
        let client = client_for(&sandbox);
        let before = total_spent(&client).await.expect("total");

        // Each test has its own sandbox: writing to it cannot disturb another test.
        client
            .finance()
            .transactions()
            .create(CreateTransactionParams::new(
                "acc_001",
                "-12.34".parse::<Money>().expect("money"),
                "Café",
            ))
            .await
            .expect("create");

        let after = total_spent(&client).await.expect("total");
        assert_eq!(after - before, "12.34".parse::<Money>().expect("money"));
    }

    #[tokio::test]
    async fn total_spent_reports_a_server_outage() {
        let sandbox = agents_sandbox::Sandbox::start().await.expect("sandbox");
        // The sandbox's fault injection simulates a failing service for every request.
        let client = Client::builder()
            .api_key(sandbox.api_key())
            .base_url(sandbox.platform_url())
            .max_retries(0)
            .default_header("X-Sandbox-Fault", "status=503")
            .build()
            .expect("client");
        match total_spent(&client).await {
            Err(Error::Api(err)) => assert_eq!(err.kind, ApiErrorKind::ServiceUnavailable),
            other => panic!("expected a 503, got {other:?}"),
        }
        // The same request without the fault works.
        assert!(total_spent(&client_for(&sandbox)).await.is_ok());
    }
}

#[cfg(not(test))]
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = agents_sandbox::Sandbox::start().await?;
    let client = Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.platform_url())
        .build()?;
    println!("total spent: {}", total_spent(&client).await?);
    println!("run the tests with: cargo test --example testing_with_sandbox");
    Ok(())
}
