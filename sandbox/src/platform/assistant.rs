//! The deterministic assistant: answers from the caller's own data, and the SSE writer.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use bytes::{BufMut, Bytes, BytesMut};
use chrono::{DateTime, Utc};

use super::store::{Content, Store, money_text, month_start, next_month_start};
use crate::common::{self, FaultPlan};

/// Body chunks are filled up to about this many bytes.
const CHUNK: usize = 64 * 1024;

/// The assistant's answer to `question` for `user_id`, as single-space separated words.
pub(crate) fn answer(store: &Store, user_id: &str, question: &str, now: DateTime<Utc>) -> String {
    let q = question.to_lowercase();
    let text = if q.contains("gast") || q.contains("spend") {
        spending(store, user_id, now)
    } else if q.contains("medic") || q.contains("metformina") || q.contains("tomar") {
        medications(store, user_id)
    } else if q.contains("ahorr")
        || q.contains("saving")
        || q.contains("finanz")
        || q.contains("financ")
    {
        savings(store, user_id, now)
    } else {
        let echoed: Vec<&str> = question.split_whitespace().collect();
        format!(
            "Recibí tu mensaje: «{}». Puedo ayudarte con tus finanzas, tu salud y tu productividad.",
            echoed.join(" ")
        )
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn this_month<'a>(
    store: &'a Store,
    user_id: &str,
    now: DateTime<Utc>,
) -> impl Iterator<Item = &'a super::store::Transaction> + 'a {
    let (start, end) = (month_start(now), next_month_start(now));
    store
        .finance
        .get(user_id)
        .into_iter()
        .flat_map(|f| f.transactions.iter())
        .filter(move |t| t.date >= start && t.date < end)
}

fn spending(store: &Store, user_id: &str, now: DateTime<Utc>) -> String {
    let mut total = 0i64;
    let mut count = 0usize;
    let mut by_category: Vec<(String, i64)> = Vec::new();
    for t in this_month(store, user_id, now).filter(|t| t.amount < 0) {
        total += -t.amount;
        count += 1;
        match by_category.iter_mut().find(|(c, _)| *c == t.category) {
            Some((_, sum)) => *sum += -t.amount,
            None => by_category.push((t.category.clone(), -t.amount)),
        }
    }
    if count == 0 {
        return "Este mes no has registrado gastos.".into();
    }
    by_category.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let (top, top_sum) = &by_category[0];
    format!(
        "Este mes has gastado ${} en {count} transacciones. Tu categoría con más gasto es {top} con ${}.",
        money_text(total),
        money_text(*top_sum)
    )
}

fn medications(store: &Store, user_id: &str) -> String {
    let meds: Vec<String> = store
        .health
        .get(user_id)
        .into_iter()
        .flat_map(|h| h.medications.iter())
        .filter(|m| m.is_active)
        .map(|m| {
            let mut s = format!("{} {} {}", m.name, m.dosage, m.frequency.to_lowercase());
            if let Some(i) = &m.instructions {
                s.push_str(&format!(" ({})", i.to_lowercase()));
            }
            s
        })
        .collect();
    if meds.is_empty() {
        "No tienes medicamentos activos registrados.".into()
    } else {
        format!("Según tu perfil, debes tomar {}.", meds.join("; "))
    }
}

fn savings(store: &Store, user_id: &str, now: DateTime<Utc>) -> String {
    let Some(fin) = store.finance.get(user_id) else {
        return "Aún no tienes un perfil financiero.".into();
    };
    let saved: i64 = fin
        .accounts
        .iter()
        .filter(|a| a.kind == "SAVINGS")
        .map(|a| a.balance)
        .sum();
    let net: i64 = this_month(store, user_id, now).map(|t| t.amount).sum();
    let sign = if net < 0 { "-" } else { "" };
    format!(
        "Tu ingreso mensual es de ${} y tu patrimonio neto es de ${}. En cuentas de ahorro tienes ${}; este mes llevas un flujo neto de {sign}${}.",
        money_text(fin.monthly_income),
        money_text(fin.total_assets - fin.total_liabilities),
        money_text(saved),
        money_text(net)
    )
}

/// Number of tokens `content` streams as.
pub(crate) fn token_count(content: &Content) -> u64 {
    match content {
        Content::Text(t) => t.split(' ').filter(|w| !w.is_empty()).count() as u64,
        Content::Synthetic(n) => *n,
    }
}

/// What the `done` event reports.
#[derive(Debug, Clone)]
pub(crate) struct Done {
    pub message_id: String,
    pub tokens_used: u64,
    pub timestamp: String,
}

/// Produces the SSE body: token events then `done`, in 64 KiB chunks, or one event per item
/// when a stream fault (`cut_after` / `stall_after`) needs to count events.
struct Events {
    content: Content,
    words: Vec<(usize, usize)>,
    next: u64,
    total: u64,
    done: Option<Done>,
    per_event: bool,
}

impl Events {
    fn new(content: Content, done: Done, per_event: bool) -> Self {
        let (words, total) = match &content {
            Content::Text(t) => {
                let mut spans = Vec::new();
                let mut start = None;
                for (i, c) in t.char_indices() {
                    match (c == ' ', start) {
                        (true, Some(s)) => {
                            spans.push((s, i));
                            start = None;
                        }
                        (false, None) => start = Some(i),
                        _ => {}
                    }
                }
                if let Some(s) = start {
                    spans.push((s, t.len()));
                }
                let n = spans.len() as u64;
                (spans, n)
            }
            Content::Synthetic(n) => (Vec::new(), *n),
        };
        Events {
            content,
            words,
            next: 0,
            total,
            done: Some(done),
            per_event,
        }
    }

    fn write_token(&self, i: u64, buf: &mut BytesMut) {
        buf.put_slice(b"event: token\ndata: {\"token\": ");
        match &self.content {
            Content::Text(t) => {
                let (s, e) = self.words[i as usize];
                let token = if i == 0 {
                    t[s..e].to_string()
                } else {
                    format!(" {}", &t[s..e])
                };
                let encoded = serde_json::to_string(&token).unwrap_or_else(|_| "\"\"".into());
                buf.put_slice(encoded.as_bytes());
            }
            Content::Synthetic(_) => {
                buf.put_slice(b"\" w");
                let mut digits = [0u8; 20];
                let mut n = i;
                let mut pos = digits.len();
                loop {
                    pos -= 1;
                    digits[pos] = b'0' + (n % 10) as u8;
                    n /= 10;
                    if n == 0 {
                        break;
                    }
                }
                buf.put_slice(&digits[pos..]);
                buf.put_u8(b'"');
            }
        }
        buf.put_slice(b"}\n\n");
    }
}

fn done_event(done: &Done, buf: &mut BytesMut) {
    let data = serde_json::json!({
        "messageId": done.message_id,
        "tokensUsed": done.tokens_used,
        "timestamp": done.timestamp,
    });
    buf.put_slice(b"event: done\ndata: ");
    buf.put_slice(data.to_string().as_bytes());
    buf.put_slice(b"\n\n");
}

impl Iterator for Events {
    type Item = Bytes;

    fn next(&mut self) -> Option<Bytes> {
        self.done.as_ref()?;
        let budget = if self.per_event { 1 } else { CHUNK - 256 };
        let mut buf = BytesMut::with_capacity(if self.per_event { 64 } else { CHUNK });
        while self.next < self.total {
            self.write_token(self.next, &mut buf);
            self.next += 1;
            if buf.len() >= budget {
                return Some(buf.freeze());
            }
        }
        if let Some(done) = self.done.take() {
            if self.per_event && !buf.is_empty() {
                self.done = Some(done);
                return Some(buf.freeze());
            }
            done_event(&done, &mut buf);
        }
        Some(buf.freeze())
    }
}

/// A `200 text/event-stream` response streaming `content` and its `done` event.
pub(crate) fn sse_response(content: Content, done: Done, plan: &FaultPlan) -> Response {
    let per_event = plan.cut_after.is_some() || plan.stall_after.is_some();
    let events = futures::stream::iter(Events::new(content, done, per_event));
    let body = common::stream_with_faults(plan, events);
    let mut resp = Response::new(Body::from_stream(body));
    *resp.status_mut() = StatusCode::OK;
    let headers = resp.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(v) = HeaderValue::from_str(&common::request_id()) {
        headers.insert("x-request-id", v);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::StreamExt;

    fn done() -> Done {
        Done {
            message_id: "msg_x".into(),
            tokens_used: 3,
            timestamp: "2026-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn text_tokens_keep_their_leading_space_and_escape() {
        let all: Vec<u8> = Events::new(Content::Text("Hola \"mundo\" ya".into()), done(), false)
            .flat_map(|b| b.to_vec())
            .collect();
        let text = String::from_utf8(all).unwrap();
        let (tokens, done) = text.split_at(text.find("event: done\n").expect("done event"));
        assert_eq!(
            tokens,
            "event: token\ndata: {\"token\": \"Hola\"}\n\n\
             event: token\ndata: {\"token\": \" \\\"mundo\\\"\"}\n\n\
             event: token\ndata: {\"token\": \" ya\"}\n\n"
        );
        let data = done
            .strip_prefix("event: done\ndata: ")
            .and_then(|d| d.strip_suffix("\n\n"))
            .expect("one data line");
        assert!(!data.contains('\n'));
        let data: serde_json::Value = serde_json::from_str(data).unwrap();
        assert_eq!(
            data,
            serde_json::json!({"messageId": "msg_x", "tokensUsed": 3, "timestamp": "2026-01-01T00:00:00Z"})
        );
    }

    #[test]
    fn synthetic_tokens_are_batched_and_complete() {
        let chunks: Vec<Bytes> = Events::new(Content::Synthetic(100_000), done(), false).collect();
        assert!(chunks.len() > 10, "should be split in chunks");
        assert!(chunks.iter().all(|c| c.len() <= CHUNK));
        let text: String = chunks
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        assert_eq!(text.matches("event: token\n").count(), 100_000);
        assert!(text.contains("data: {\"token\": \" w0\"}\n\n"));
        assert!(text.contains("data: {\"token\": \" w99999\"}\n\n"));
        assert!(text.ends_with("\n\n") && text.contains("event: done\n"));
        assert_eq!(token_count(&Content::Synthetic(7)), 7);
        assert_eq!(token_count(&Content::Text("a b c".into())), 3);
    }

    #[tokio::test]
    async fn per_event_items_allow_cutting() {
        let plan = FaultPlan {
            cut_after: Some(2),
            ..FaultPlan::default()
        };
        let events = futures::stream::iter(Events::new(Content::Synthetic(5), done(), true));
        let out: Vec<_> = common::stream_with_faults(&plan, events).collect().await;
        let text: String = out
            .into_iter()
            .map(|b| String::from_utf8(b.unwrap().to_vec()).unwrap())
            .collect();
        assert_eq!(text.matches("event: token").count(), 2);
        assert!(!text.contains("event: done"));
    }
}
