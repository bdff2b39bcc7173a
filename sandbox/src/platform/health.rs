//! `/api/health/*`: profile, medications and appointments of the caller.

use axum::extract::State;
use axum::{Router, routing};
use chrono::Utc;
use serde_json::{Value, json};

use super::store::{Appointment, Caller, Health, Medication, Store, fmt_time, new_id};
use super::{
    ApiError, ApiResult, AppState, JsonBody, QueryMap, created, ok, opt_str, parse_time, req_str,
};
use crate::common;

/// This module's routes, merged into the platform router by [`super::router`] (which adds the
/// service-wide layers).
pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/health/profile",
            routing::get(profile).patch(update_profile),
        )
        .route(
            "/api/health/medications",
            routing::get(medications).post(create_medication),
        )
        .route("/api/health/appointments", routing::get(appointments))
}

const BLOOD_TYPES: [&str; 8] = ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"];

/// The caller's health record, created empty on first use.
fn record<'a>(store: &'a mut Store, caller: &Caller) -> &'a mut Health {
    store
        .health
        .entry(caller.user_id.clone())
        .or_insert_with(|| Health {
            id: new_id("hlth"),
            blood_type: String::new(),
            height: Value::Null,
            weight: Value::Null,
            updated_at: common::now_rfc3339(),
            allergies: Vec::new(),
            conditions: Vec::new(),
            medications: Vec::new(),
            appointments: Vec::new(),
        })
}

fn blood(h: &Health) -> Value {
    if h.blood_type.is_empty() {
        Value::Null
    } else {
        json!(h.blood_type)
    }
}

/// `GET /api/health/profile`.
pub(crate) async fn profile(State(state): State<AppState>, caller: Caller) -> ApiResult {
    let mut store = state.store();
    let h = record(&mut store, &caller);
    Ok(ok(json!({
        "id": h.id,
        "userId": caller.user_id,
        "bloodType": blood(h),
        "height": h.height,
        "weight": h.weight,
        "allergies": h.allergies,
        "conditions": h.conditions,
        "updatedAt": h.updated_at,
    })))
}

fn positive(body: &serde_json::Map<String, Value>, field: &str) -> Result<Option<Value>, ApiError> {
    match body.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) if n.as_f64().is_some_and(|v| v > 0.0 && v.is_finite()) => {
            Ok(Some(Value::Number(n.clone())))
        }
        Some(_) => Err(ApiError::validation(
            field,
            "Must be a positive number",
            "number > 0",
        )),
    }
}

/// `PATCH /api/health/profile`: `bloodType`, `height`, `weight`.
pub(crate) async fn update_profile(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let blood_type = opt_str(&body, "bloodType")?;
    if let Some(b) = blood_type
        && !BLOOD_TYPES.contains(&b)
    {
        return Err(ApiError::validation(
            "bloodType",
            format!("`{b}` is not a blood type"),
            "one of A+, A-, B+, B-, AB+, AB-, O+, O-",
        ));
    }
    let height = positive(&body, "height")?;
    let weight = positive(&body, "weight")?;
    let mut store = state.store();
    let h = record(&mut store, &caller);
    if let Some(b) = blood_type {
        h.blood_type = b.to_string();
    }
    if let Some(v) = height {
        h.height = v;
    }
    if let Some(v) = weight {
        h.weight = v;
    }
    h.updated_at = common::now_rfc3339();
    Ok(ok(json!({
        "id": h.id,
        "bloodType": blood(h),
        "height": h.height,
        "weight": h.weight,
        "updatedAt": h.updated_at,
    })))
}

fn medication_json(m: &Medication) -> Value {
    let mut v = json!({
        "id": m.id,
        "name": m.name,
        "dosage": m.dosage,
        "frequency": m.frequency,
        "startDate": m.start_date,
        "isActive": m.is_active,
        "adherenceRate": m.adherence_rate,
        "createdAt": m.created_at,
    });
    if let (Some(obj), Some(i)) = (v.as_object_mut(), &m.instructions) {
        obj.insert("instructions".into(), json!(i));
    }
    v
}

/// `GET /api/health/medications`.
pub(crate) async fn medications(State(state): State<AppState>, caller: Caller) -> ApiResult {
    let mut store = state.store();
    let h = record(&mut store, &caller);
    let meds: Vec<Value> = h.medications.iter().map(medication_json).collect();
    Ok(ok(json!({ "medications": meds })))
}

/// `POST /api/health/medications`.
pub(crate) async fn create_medication(
    State(state): State<AppState>,
    caller: Caller,
    JsonBody(body): JsonBody,
) -> ApiResult {
    let name = req_str(&body, "name")?.trim().to_string();
    let dosage = req_str(&body, "dosage")?.trim().to_string();
    let frequency = req_str(&body, "frequency")?.trim().to_string();
    let start_date = match opt_str(&body, "startDate")? {
        None => None,
        Some(raw) => Some(fmt_time(parse_time(raw, false).ok_or_else(|| {
            ApiError::validation(
                "startDate",
                format!("`{raw}` is not a date"),
                "RFC 3339 or YYYY-MM-DD",
            )
        })?)),
    };
    let instructions = opt_str(&body, "instructions")?.map(str::to_string);
    let now = common::now_rfc3339();
    let med = Medication {
        id: new_id("med"),
        name,
        dosage,
        frequency,
        start_date: start_date.or_else(|| Some(now.clone())),
        instructions,
        is_active: true,
        adherence_rate: 100.0,
        created_at: now,
    };
    let data = json!({
        "id": med.id,
        "name": med.name,
        "dosage": med.dosage,
        "frequency": med.frequency,
        "createdAt": med.created_at,
    });
    let mut store = state.store();
    record(&mut store, &caller).medications.push(med);
    Ok(created(data))
}

fn appointment_json(a: &Appointment) -> Value {
    json!({
        "id": a.id,
        "title": a.title,
        "type": a.kind,
        "datetime": fmt_time(a.datetime),
        "location": a.location,
        "notes": a.notes,
    })
}

/// `GET /api/health/appointments?upcoming=&from=&to=` (upcoming defaults to true).
pub(crate) async fn appointments(
    State(state): State<AppState>,
    caller: Caller,
    query: QueryMap,
) -> ApiResult {
    let upcoming = query.boolean("upcoming")?.unwrap_or(true);
    let from = query.time("from", false)?;
    let to = query.time("to", true)?;
    let now = Utc::now();
    let mut store = state.store();
    let h = record(&mut store, &caller);
    let mut list: Vec<&Appointment> = h
        .appointments
        .iter()
        .filter(|a| !upcoming || a.datetime >= now)
        .filter(|a| from.is_none_or(|f| a.datetime >= f))
        .filter(|a| to.is_none_or(|t| a.datetime <= t))
        .collect();
    list.sort_by_key(|a| a.datetime);
    let items: Vec<Value> = list.into_iter().map(appointment_json).collect();
    Ok(ok(json!({ "appointments": items })))
}
