//! Pagination in both styles: every item of every page as one lazy stream, or page by page
//! with each page's own fields. Pages are fetched only when needed.
//!
//! ```sh
//! cargo run --example pagination
//! ```

use agents_sdk::platform::{Client, ListTransactionsParams, ListUsersParams, Role};
use futures::{StreamExt, TryStreamExt};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = agents_sandbox::Sandbox::start().await?;
    // Listing users is an admin operation.
    let admin = Client::builder()
        .api_key(sandbox.admin_api_key())
        .base_url(sandbox.platform_url())
        .build()?;

    // 1. Every item: `into_items()` is a `futures::Stream` that fetches page after page
    //    (`?page=1&limit=50`, then 2, ...) as you consume it.
    let users = admin.users().list(ListUsersParams::new().limit(50));
    let admins: Vec<String> = users
        .into_items()
        .try_filter(|user| futures::future::ready(user.role == Role::Admin))
        .map_ok(|user| user.email)
        .try_collect()
        .await?;
    println!(
        "{} admins among all users, e.g. {:?}",
        admins.len(),
        admins.first()
    );

    // Stopping early fetches no further page: this reads one page of 50.
    let first_three: Vec<_> = admin
        .users()
        .list(ListUsersParams::new().limit(50))
        .into_items()
        .take(3)
        .try_collect()
        .await?;
    println!(
        "first three: {:?}",
        first_three.iter().map(|u| &u.id).collect::<Vec<_>>()
    );

    // 2. Page by page: `next_page()` gives whole pages with their own fields. Transactions
    //    follow a cursor (`nextCursor`/`hasMore`) and carry the month's `summary`.
    let client = Client::builder()
        .api_key(sandbox.api_key())
        .base_url(sandbox.platform_url())
        .build()?;
    let mut pages = client
        .finance()
        .transactions()
        .list(ListTransactionsParams::new().limit(20));
    let mut number = 0;
    while let Some(page) = pages.next_page().await? {
        number += 1;
        if number == 1 {
            println!("this month: net flow {}", page.summary.net_flow);
        }
        let (count, more) = (page.transactions.len(), page.pagination.has_more);
        println!("page {number}: {count} transactions, more: {more}");
    }
    Ok(())
}
