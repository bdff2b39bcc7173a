//! `/api/finance/*`: profile, accounts, transactions (with summary) and budgets of the caller.

use axum::extract::State;
use axum::{Router, routing};
use chrono::{Duration, Utc};
use serde_json::{Value, json};

use super::store::{
    Caller, Finance, Store, Transaction, fmt_time, money, month_name_es, month_start, new_id,
    next_month_start,
};
use super::{
    ApiError, ApiResult, AppState, JsonBody, QueryMap, created, ok, opt_str, parse_time, req_str,
};
use crate::common;

/// This module's routes, merged into the platform router by [`super::router`] (which adds the
/// service-wide layers).
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/finance/profile", routing::get(profile))
        .route("/api/finance/accounts", routing::get(accounts))
        .route(
            "/api/finance/transactions",
            routing::get(transactions).post(create_transaction),
        )
        .route("/api/finance/budgets", routing::get(budgets))
}

/// Largest accepted transaction amount, in cents (keeps every sum far from overflowing).
const MAX_AMOUNT_CENTS: u64 = 100_000_000_000;

fn record<'a>(store: &'a Store, caller: &Caller) -> Result<&'a Finance, ApiError> {
    store
        .finance
        .get(&caller.user_id)
        .ok_or_else(|| ApiError::not_found("Finance profile", &caller.user_id))
}

/// `GET /api/finance/profile`.
pub(crate) async fn profile(State(state): State<AppState>, caller: Caller) -> ApiResult {
    let store = state.store();
    let f = record(&store, &caller)?;
    Ok(ok(json!({
        "id": f.id,
        "userId": caller.user_id,
        "currency": f.currency,
        "monthlyIncome": money(f.monthly_income),
        "totalAssets": money(f.total_assets),
        "totalLiabilities": money(f.total_liabilities),
        "netWorth": money(f.total_assets - f.total_liabilities),
    })))
}

/// `GET /api/finance/accounts`.
pub(crate) async fn accounts(State(state): State<AppState>, caller: Caller) -> ApiResult {
    let store = state.store();
    let f = record(&store, &caller)?;
    let items: Vec<Value> = f
        .accounts
        .iter()
        .map(|a| {
            let mut v = json!({
                "id": a.id,
                "name": a.name,
                "type": a.kind,
                "balance": money(a.balance),
                "currency": a.currency,
                "institution": a.institution,
            });
            if let (Some(obj), Some(limit)) = (v.as_object_mut(), a.credit_limit) {
                obj.insert("creditLimit".into(), money(limit));
            }
            v
        })
        .collect();
    Ok(ok(json!({ "accounts": items })))
}

fn txn_json(t: &Transaction) -> Value {
    json!({
        "id": t.id,
        "accountId": t.account_id,
        "amount": money(t.amount),
        "description": t.description,
        "category": t.category,
        "date": fmt_time(t.date),
        "type": if t.amount > 0 { "INCOME" } else { "EXPENSE" },
        "createdAt": t.created_at,
    })
}

/// `GET /api/finance/transactions`: newest first, cursor pagination; `summary` covers the whole
/// filtered set.
pub(crate) async fn transactions(
    State(state): State<AppState>,
    caller: Caller,
    query: QueryMap,
) -> ApiResult {
    let limit = query.int("limit", 20, 1, 100)? as usize;
    let from = query.time("from", false)?;
    let to = query.time("to", true)?;
    let account = query.text("accountId");
    let category = query.text("category").map(str::to_ascii_uppercase);
    let cursor = query.text("cursor");
    let store = state.store();
    let f = record(&store, &caller)?;
    let mut items: Vec<&Transaction> = f
        .transactions
        .iter()
        .filter(|t| account.is_none_or(|a| t.account_id == a))
        .filter(|t| category.as_deref().is_none_or(|c| t.category == c))
        .filter(|t| from.is_none_or(|x| t.date >= x))
        .filter(|t| to.is_none_or(|x| t.date <= x))
        .collect();
    items.sort_by(|a, b| b.date.cmp(&a.date).then(b.seq.cmp(&a.seq)));
    let income: i64 = items
        .iter()
        .filter(|t| t.amount > 0)
        .map(|t| t.amount)
        .sum();
    let expenses: i64 = items
        .iter()
        .filter(|t| t.amount < 0)
        .map(|t| -t.amount)
        .sum();
    let start = match cursor {
        None => 0,
        // A cursor that names no transaction (any string is a well-formed cursor).
        Some(cur) => items
            .iter()
            .position(|t| t.id == cur)
            .ok_or_else(|| ApiError::not_found("cursor", cur))?,
    };
    let page: Vec<Value> = items
        .iter()
        .skip(start)
        .take(limit)
        .map(|t| txn_json(t))
        .collect();
    let next = items.get(start + limit).map(|t| t.id.clone());
    Ok(ok(json!({
        "transactions": page,
        "summary": {
            "totalIncome": money(income),
            "totalExpenses": money(expenses),
            "netFlow": money(income - expenses),
        },
        "pagination": { "nextCursor": next, "hasMore": next.is_some() },
    })))
}

/// An amount in whole cents: a JSON number with at most two decimals, not zero.
fn cents(value: Option<&Value>) -> Result<i64, ApiError> {
    let bad = |issue: &str| {
        ApiError::validation("amount", issue, "non-zero number with at most 2 decimals")
    };
    let Some(Value::Number(n)) = value else {
        return Err(bad(if value.is_none() {
            "Required"
        } else {
            "Must be a number"
        }));
    };
    let c = if let Some(i) = n.as_i64() {
        i.checked_mul(100).ok_or_else(|| bad("Out of range"))?
    } else {
        let f = n.as_f64().ok_or_else(|| bad("Must be a number"))?;
        let scaled = (f * 100.0).round();
        if !scaled.is_finite() || scaled.abs() > 9.0e15 {
            return Err(bad("Out of range"));
        }
        if ((f * 100.0) - scaled).abs() > 1e-6 * scaled.abs().max(1.0) {
            return Err(bad("At most 2 decimals"));
        }
        scaled as i64
    };
    if c == 0 {
        return Err(bad("Must not be zero"));
    }
    if c.unsigned_abs() > MAX_AMOUNT_CENTS {
        return Err(bad("Out of range (at most 1,000,000,000)"));
    }
    Ok(c)
}

/// `POST /api/finance/transactions`: type derived from the sign; updates the account balance.
pub(crate) async fn create_transaction(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let account_id = req_str(&body, "accountId")?.to_string();
    let amount = cents(body.get("amount"))?;
    let description = req_str(&body, "description")?.trim().to_string();
    // Optional in the contract (the SDK may leave it out): `OTHER` then.
    let category = match opt_str(&body, "category")? {
        Some(c) if !c.is_empty() => c.trim().to_ascii_uppercase(),
        Some(_) => {
            return Err(ApiError::validation(
                "category",
                "Must not be empty",
                "a category",
            ));
        }
        None => "OTHER".to_string(),
    };
    let date = match opt_str(&body, "date")? {
        None => Utc::now(),
        Some(raw) => parse_time(raw, false).ok_or_else(|| {
            ApiError::validation(
                "date",
                format!("`{raw}` is not a date"),
                "RFC 3339 or YYYY-MM-DD",
            )
        })?,
    };
    let mut store = state.store();
    let seq = store.tick();
    let f = store
        .finance
        .get_mut(&caller.user_id)
        .ok_or_else(|| ApiError::not_found("Account", &account_id))?;
    let account = f
        .accounts
        .iter_mut()
        .find(|a| a.id == account_id)
        .ok_or_else(|| ApiError::not_found("Account", &account_id))?;
    account.balance = account.balance.saturating_add(amount);
    let created_at = common::now_rfc3339();
    let t = Transaction {
        id: new_id("txn"),
        account_id,
        amount,
        description,
        category,
        date,
        created_at: created_at.clone(),
        seq: 10_000 + seq,
    };
    let data = json!({
        "id": t.id,
        "accountId": t.account_id,
        "amount": money(t.amount),
        "description": t.description,
        "category": t.category,
        "date": fmt_time(t.date),
        "type": if t.amount > 0 { "INCOME" } else { "EXPENSE" },
        "createdAt": created_at,
    });
    f.transactions.push(t);
    Ok(created(data))
}

/// `GET /api/finance/budgets`: spending of the current month computed now.
pub(crate) async fn budgets(State(state): State<AppState>, caller: Caller) -> ApiResult {
    let now = Utc::now();
    let (start, end) = (month_start(now), next_month_start(now));
    let store = state.store();
    let f = record(&store, &caller)?;
    let items: Vec<Value> = f
        .budgets
        .iter()
        .map(|b| {
            let spent: i64 = f
                .transactions
                .iter()
                .filter(|t| {
                    t.amount < 0 && t.category == b.category && t.date >= start && t.date < end
                })
                .map(|t| -t.amount)
                .sum();
            // Percentage with 2 decimals, rounded half up, in integer arithmetic.
            let basis = if b.amount > 0 {
                let (spent, amount) = (i128::from(spent), i128::from(b.amount));
                i64::try_from((spent * 20_000 + amount) / (2 * amount)).unwrap_or(i64::MAX)
            } else {
                0
            };
            let status = if spent > b.amount {
                "EXCEEDED"
            } else if spent * 100 >= b.amount * 80 {
                "WARNING"
            } else {
                "ON_TRACK"
            };
            json!({
                "id": b.id,
                "name": format!("{} {}", b.label, month_name_es(chrono::Datelike::month(&now))),
                "category": b.category,
                "amount": money(b.amount),
                "spent": money(spent),
                "remaining": money(b.amount - spent),
                "percentage": money(basis),
                "status": status,
                "period": "MONTHLY",
                "startDate": fmt_time(start),
                "endDate": fmt_time(end - Duration::seconds(1)),
            })
        })
        .collect();
    Ok(ok(json!({ "budgets": items })))
}
