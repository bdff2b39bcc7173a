//! Lazy pagination over the platform's cursor (`nextCursor`/`hasMore`) and page
//! (`page`/`limit`/`total`/`pages`) lists.
//!
//! A [`Paginator`] fetches nothing until asked. [`Paginator::next_page`] gives whole pages (with
//! their own fields, e.g. a transaction list's `summary`); [`Paginator::into_items`] is a
//! `futures::Stream` over every item of every page.
//!
//! A server cannot keep a paginator going for ever: a page request (cursor or page number)
//! that was already made ends the pagination with [`Error::Decode`] (`what == "pagination"`),
//! and so does asking for more than [`Paginator::max_pages`] pages (default
//! [`crate::options::DEFAULT_MAX_PAGES`], per call [`crate::RequestOptions::max_pages`]).

use std::collections::HashSet;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use futures::Stream;
use futures::future::BoxFuture;

use crate::error::{Error, Result};

/// Which page to ask for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PageRequest {
    /// A cursor list: `None` for the first page.
    Cursor(Option<String>),
    /// A numbered page (1-based).
    Page(u32),
}

impl PageRequest {
    /// The page asked for, for messages: `page 3`, `the page after cursor "c_2"`.
    fn describe(&self) -> String {
        match self {
            PageRequest::Cursor(None) => "the first page".to_owned(),
            PageRequest::Cursor(Some(c)) => format!("the page after cursor {c:?}"),
            PageRequest::Page(n) => format!("page {n}"),
        }
    }
}

/// A page of a list.
pub trait Paged: Send + 'static {
    /// The list's item.
    type Item: Send + 'static;
    /// The request for the page after this one, or `None` at the end.
    fn next_request(&self) -> Option<PageRequest>;
    /// The page's items.
    fn into_items(self) -> Vec<Self::Item>;
    /// The page's items, borrowed.
    fn items(&self) -> &[Self::Item];
}

type Fetch<P> = Arc<dyn Fn(PageRequest) -> BoxFuture<'static, Result<P>> + Send + Sync>;

/// A lazily fetched list: nothing is requested until a page or an item is asked for.
///
/// ```
/// use agents_sdk::platform::ListTransactionsParams;
/// use futures::StreamExt;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let sandbox = agents_sandbox::Sandbox::start().await?;
/// # let client = agents_sdk::platform::Client::builder()
/// #     .api_key(sandbox.api_key())
/// #     .base_url(sandbox.platform_url())
/// #     .build()?;
/// let transactions = client.finance().transactions();
///
/// // One page at a time (`GET /api/finance/transactions?limit=2`, then `&cursor=…`).
/// let mut pages = transactions.list(ListTransactionsParams::new().limit(2));
/// let first = pages.next_page().await?.expect("a first page");
/// println!("{} transactions, {:?} in total", first.transactions.len(), first.summary);
/// # assert!(first.transactions.len() <= 2);
///
/// // Every item of every page, as a stream; stop whenever you like.
/// let mut items = Box::pin(transactions.list(ListTransactionsParams::new().limit(2)).into_items());
/// let mut seen = 0;
/// while let Some(transaction) = items.next().await {
///     let transaction = transaction?;
///     println!("{} {}", transaction.id, transaction.amount);
///     seen += 1;
///     if seen == 3 {
///         break; // no further page is fetched
///     }
/// }
/// # Ok(())
/// # }
/// ```
pub struct Paginator<P: Paged> {
    fetch: Fetch<P>,
    next: Option<PageRequest>,
    pages_fetched: u32,
    max_pages: u32,
    /// Hashes of the requests made so far (at most `max_pages` of them).
    seen: HashSet<u64>,
}

impl<P: Paged> fmt::Debug for Paginator<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paginator")
            .field("next", &self.next)
            .field("pages_fetched", &self.pages_fetched)
            .field("max_pages", &self.max_pages)
            .finish_non_exhaustive()
    }
}

impl<P: Paged> Paginator<P> {
    pub(crate) fn new(
        first: PageRequest,
        fetch: impl Fn(PageRequest) -> BoxFuture<'static, Result<P>> + Send + Sync + 'static,
    ) -> Self {
        Paginator {
            fetch: Arc::new(fetch),
            next: Some(first),
            pages_fetched: 0,
            max_pages: crate::options::DEFAULT_MAX_PAGES,
            seen: HashSet::new(),
        }
    }

    /// The most pages this paginator fetches (default
    /// [`crate::options::DEFAULT_MAX_PAGES`]); asking for one more fails with
    /// [`Error::Decode`] instead of following the server for ever.
    pub fn max_pages(mut self, pages: u32) -> Self {
        self.max_pages = pages.max(1);
        self
    }

    /// Fetches the next page, or `None` after the last one.
    ///
    /// Fails with [`Error::Decode`] (and stops) when the server points back at a page that
    /// was already fetched, or when the page cap is reached.
    pub async fn next_page(&mut self) -> Result<Option<P>> {
        let Some(req) = self.next.take() else {
            return Ok(None);
        };
        let key = {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            req.hash(&mut h);
            h.finish()
        };
        if self.seen.contains(&key) {
            return Err(pagination_error(format!(
                "the server asked for {} again after {} pages; stopping instead of looping",
                req.describe(),
                self.pages_fetched
            )));
        }
        if self.pages_fetched >= self.max_pages {
            return Err(pagination_error(format!(
                "stopped after {} pages, the page cap; raise the client's max pages setting \
                 (max_pages, maxPages) to read further",
                self.pages_fetched
            )));
        }
        match (self.fetch)(req.clone()).await {
            Ok(page) => {
                self.seen.insert(key);
                self.pages_fetched = self.pages_fetched.saturating_add(1);
                self.next = page.next_request();
                Ok(Some(page))
            }
            Err(e) => {
                // keep the position so the caller may try the same page again
                self.next = Some(req);
                Err(e)
            }
        }
    }

    /// Fetches only the first page (what a plain `list` call answers).
    pub async fn first_page(mut self) -> Result<P> {
        self.next_page()
            .await?
            .ok_or_else(|| pagination_error("the list has no first page".to_owned()))
    }

    /// Whether another page may follow.
    pub fn has_next_page(&self) -> bool {
        self.next.is_some()
    }

    /// Fetches the first page and answers it with the rest of the list: a [`Page`], which has
    /// `data()`, `has_next_page()`, `get_next_page()` and `iter_pages()` like the Python and
    /// Node pages.
    pub async fn page(mut self) -> Result<Page<P>> {
        let page = self
            .next_page()
            .await?
            .ok_or_else(|| pagination_error("the list has no first page".to_owned()))?;
        Ok(Page { page, rest: self })
    }

    /// Every item of every page, fetched page by page as the stream is polled.
    pub fn into_items(self) -> impl Stream<Item = Result<P::Item>> + Send + 'static {
        futures::stream::try_unfold(self, |mut pager| async move {
            let next = pager.next_page().await?.map(|page| {
                let items = page.into_items().into_iter().map(Ok::<_, Error>);
                (futures::stream::iter(items), pager)
            });
            Ok::<_, Error>(next)
        })
        .try_flatten()
    }

    /// Collects every item of every page.
    pub async fn collect_all(self) -> Result<Vec<P::Item>> {
        use futures::TryStreamExt;
        self.into_items().try_collect().await
    }
}

/// A fetched page with the rest of its list ([`Paginator::page`]): it derefs to the page
/// itself (`pagination`, `summary`, ...) and has the same methods as the Python and Node pages.
pub struct Page<P: Paged> {
    page: P,
    rest: Paginator<P>,
}

impl<P: Paged + fmt::Debug> fmt::Debug for Page<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Page")
            .field("page", &self.page)
            .field("rest", &self.rest)
            .finish()
    }
}

impl<P: Paged> std::ops::Deref for Page<P> {
    type Target = P;
    fn deref(&self) -> &P {
        &self.page
    }
}

impl<P: Paged> Page<P> {
    /// This page's items.
    pub fn data(&self) -> &[P::Item] {
        self.page.items()
    }

    /// Whether the service has another page after this one.
    pub fn has_next_page(&self) -> bool {
        self.rest.has_next_page()
    }

    /// The page after this one (`None` after the last); this page is consumed, since the list
    /// moves forward only.
    pub async fn get_next_page(mut self) -> Result<Option<Page<P>>> {
        Ok(self.rest.next_page().await?.map(|page| Page {
            page,
            rest: self.rest,
        }))
    }

    /// This page, then every following one, fetched as the stream is polled.
    pub fn iter_pages(self) -> impl Stream<Item = Result<P>> + Send + 'static {
        let first = futures::stream::once(futures::future::ready(Ok::<_, Error>(self.page)));
        let rest = futures::stream::try_unfold(self.rest, |mut pager| async move {
            Ok::<_, Error>(pager.next_page().await?.map(|page| (page, pager)))
        });
        first.chain(rest)
    }

    /// Every item of this page and of every following one.
    pub fn into_items(self) -> impl Stream<Item = Result<P::Item>> + Send + 'static {
        self.iter_pages()
            .map_ok(|page| futures::stream::iter(page.into_items().into_iter().map(Ok::<_, Error>)))
            .try_flatten()
    }

    /// The page itself, without the rest of the list.
    pub fn into_inner(self) -> P {
        self.page
    }
}

use futures::StreamExt as _;
use futures::TryStreamExt as _;

fn pagination_error(message: String) -> Error {
    Error::Decode {
        what: "pagination",
        message,
        excerpt: String::new(),
        status: None,
        request_id: None,
    }
}
