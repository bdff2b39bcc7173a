//! The request body size limit ([`MAX_BODY_BYTES`](super::MAX_BODY_BYTES)): reading a body
//! under a limit and the layer that answers `413 PAYLOAD_TOO_LARGE`.

use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use bytes::{Bytes, BytesMut};
use futures::StreamExt;
use serde_json::json;

use super::{ErrorRenderer, MAX_BODY_BYTES};

/// Why a request body could not be read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum BodyError {
    /// Over the limit (reading stopped there).
    TooLarge,
    /// The connection failed or the framing was broken.
    Unreadable,
}

/// Reads a body into memory, stopping with [`BodyError::TooLarge`] as soon as it exceeds `limit`.
pub(crate) async fn read_body(body: Body, limit: usize) -> Result<Bytes, BodyError> {
    if body.size_hint().exact().is_some_and(|n| n > limit as u64) {
        return Err(BodyError::TooLarge);
    }
    let mut stream = body.into_data_stream();
    let mut first: Option<Bytes> = None;
    let mut more: Option<BytesMut> = None;
    let mut len = 0usize;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| BodyError::Unreadable)?;
        len = len.saturating_add(chunk.len());
        if len > limit {
            return Err(BodyError::TooLarge);
        }
        match (&mut first, &mut more) {
            (None, _) => first = Some(chunk),
            (Some(f), None) => {
                let mut buf = BytesMut::with_capacity(f.len() + chunk.len());
                buf.extend_from_slice(f);
                buf.extend_from_slice(&chunk);
                more = Some(buf);
            }
            (Some(_), Some(buf)) => buf.extend_from_slice(&chunk),
        }
    }
    Ok(match (more, first) {
        (Some(buf), _) => buf.freeze(),
        (None, Some(bytes)) => bytes,
        (None, None) => Bytes::new(),
    })
}

/// `413 PAYLOAD_TOO_LARGE` in a service's format.
pub(crate) fn payload_too_large(render: ErrorRenderer) -> Response {
    render(
        StatusCode::PAYLOAD_TOO_LARGE,
        "PAYLOAD_TOO_LARGE",
        "Request body exceeds 1 MiB",
        json!({ "limit": MAX_BODY_BYTES }),
    )
}

/// `400` for a body that could not be read, in a service's format.
pub(crate) fn unreadable_body(render: ErrorRenderer) -> Response {
    render(
        StatusCode::BAD_REQUEST,
        "VALIDATION_ERROR",
        "The request body could not be read",
        json!({ "field": "body" }),
    )
}

pub(super) fn content_length(headers: &http::HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Refuses bodies over [`MAX_BODY_BYTES`] with `413 PAYLOAD_TOO_LARGE` (drawn by `render`): a
/// `Content-Length` over the limit at once, without reading the body; a body without a length
/// (chunked) as soon as the bytes read pass the limit. Bodies within the limit are read here, so
/// the handlers behind it get them whole.
pub fn body_limit_layer(router: axum::Router, render: ErrorRenderer) -> axum::Router {
    router.layer(axum::middleware::from_fn_with_state(
        render,
        body_limit_middleware,
    ))
}

async fn body_limit_middleware(
    State(render): State<ErrorRenderer>,
    req: Request,
    next: Next,
) -> Response {
    if content_length(req.headers()).is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return payload_too_large(render);
    }
    if req.body().size_hint().exact() == Some(0) {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    match read_body(body, MAX_BODY_BYTES).await {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(BodyError::TooLarge) => payload_too_large(render),
        Err(BodyError::Unreadable) => unreadable_body(render),
    }
}

#[cfg(test)]
mod tests {
    use std::convert::Infallible;

    use super::*;

    #[tokio::test]
    async fn read_body_stops_at_the_limit() {
        let ok = read_body(Body::from("abc"), 3).await;
        assert_eq!(ok.as_deref(), Ok(&b"abc"[..]));
        assert_eq!(
            read_body(Body::from("abcd"), 3).await,
            Err(BodyError::TooLarge)
        );
        let chunks = futures::stream::iter(
            (0..10).map(|_| Ok::<_, Infallible>(Bytes::from_static(b"0123456789"))),
        );
        assert_eq!(
            read_body(Body::from_stream(chunks), 25).await,
            Err(BodyError::TooLarge)
        );
        let chunks = futures::stream::iter(
            (0..3).map(|_| Ok::<_, Infallible>(Bytes::from_static(b"0123456789"))),
        );
        assert_eq!(
            read_body(Body::from_stream(chunks), 30)
                .await
                .map(|b| b.len()),
            Ok(30)
        );
    }
}
