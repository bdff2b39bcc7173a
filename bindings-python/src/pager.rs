//! `Pager`: a core `Paginator` whose pages cross to Python as plain objects, one page per call.

use std::sync::Arc;

use agents_sdk::pagination::{Paged, Paginator};
use agents_sdk::{ResponseCapture, Result};
use futures::future::BoxFuture;
use pyo3::prelude::*;

use crate::guard::guard;
use crate::options::answer;
use crate::pyser::{Answer, Service};
use crate::runtime::{block_on_sdk, future_into_py};

trait PageSource: Send {
    fn next_page(&mut self) -> BoxFuture<'_, Result<Option<Answer>>>;
}

impl<P: Paged + serde::Serialize + Send + 'static> PageSource for Paginator<P> {
    fn next_page(&mut self) -> BoxFuture<'_, Result<Option<Answer>>> {
        Box::pin(async move {
            Ok(Paginator::next_page(self)
                .await?
                .map(|p| Answer::new(Service::Platform, p)))
        })
    }
}

type Source = Arc<tokio::sync::Mutex<Box<dyn PageSource>>>;

/// A lazily fetched list; `next_page()` answers `(page, meta)` or `None` after the last page.
#[pyclass(frozen, module = "cjhirashi_agents._native")]
pub struct Pager {
    source: Source,
    capture: Option<ResponseCapture>,
}

impl std::fmt::Debug for Pager {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pager").finish_non_exhaustive()
    }
}

impl Pager {
    pub fn new<P: Paged + serde::Serialize + Send + 'static>(p: Paginator<P>) -> Self {
        Pager {
            source: Arc::new(tokio::sync::Mutex::new(Box::new(p))),
            capture: None,
        }
    }

    pub fn with_capture(mut self, capture: Option<ResponseCapture>) -> Self {
        self.capture = capture;
        self
    }
}

async fn fetch(source: Source) -> Result<Option<Answer>> {
    source.lock().await.next_page().await
}

fn page_answer(
    py: Python<'_>,
    page: Option<Answer>,
    capture: Option<&ResponseCapture>,
) -> PyResult<Py<PyAny>> {
    match page {
        Some(v) => answer(py, v, capture),
        None => Ok(py.None()),
    }
}

#[pymethods]
impl Pager {
    /// Fetches the next page and waits: `(page, meta)` or `None`.
    fn next_page(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        guard(py, || {
            let page = block_on_sdk(py, fetch(self.source.clone()))?;
            page_answer(py, page, self.capture.as_ref())
        })
    }

    /// Fetches the next page: an awaitable of `(page, meta)` or `None`.
    fn next_page_async<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let capture = self.capture.clone();
            future_into_py(py, fetch(self.source.clone()), move |py, page| {
                page_answer(py, page, capture.as_ref())
            })
        })
    }
}
