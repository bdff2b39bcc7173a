//! The ops tool catalogue (`GET /api/tools`), parameter validation against each tool's JSON
//! Schema, and tool execution over the in-memory inventory.

use serde_json::{Map, Value, json};

use super::error::ApiError;
use super::inventory::{Inventory, REGIONS};

/// Every tool the sandbox offers, as served by `GET /api/tools`.
pub(crate) fn catalog() -> Vec<Value> {
    let instance_id = json!({
        "type": "string",
        "description": "ID de la instancia EC2 (i-...)"
    });
    vec![
        json!({
            "name": "list_ec2_instances",
            "description": "Lista instancias EC2",
            "category": "aws",
            "parameters": {
                "type": "object",
                "properties": {
                    "region": {"type": "string", "description": "Región de AWS (por defecto, todas)", "examples": REGIONS},
                    "state": {"type": "string", "enum": ["running", "stopped"], "description": "Filtra por estado"}
                },
                "required": [],
                "additionalProperties": false
            }
        }),
        json!({
            "name": "describe_ec2_instance",
            "description": "Describe una instancia EC2",
            "category": "aws",
            "parameters": {
                "type": "object",
                "properties": {"instance_id": instance_id},
                "required": ["instance_id"],
                "additionalProperties": false
            }
        }),
        json!({
            "name": "start_ec2_instance",
            "description": "Inicia una instancia EC2 detenida",
            "category": "aws",
            "parameters": {
                "type": "object",
                "properties": {"instance_id": instance_id},
                "required": ["instance_id"],
                "additionalProperties": false
            }
        }),
        json!({
            "name": "stop_ec2_instance",
            "description": "Detiene una instancia EC2 en ejecución",
            "category": "aws",
            "parameters": {
                "type": "object",
                "properties": {"instance_id": instance_id},
                "required": ["instance_id"],
                "additionalProperties": false
            }
        }),
        json!({
            "name": "list_azure_vms",
            "description": "Lista máquinas virtuales de Azure",
            "category": "azure",
            "parameters": {
                "type": "object",
                "properties": {
                    "resource_group": {"type": "string", "description": "Grupo de recursos"}
                },
                "required": [],
                "additionalProperties": false
            }
        }),
        json!({
            "name": "list_gcp_instances",
            "description": "Lista instancias de Compute Engine en GCP",
            "category": "gcp",
            "parameters": {
                "type": "object",
                "properties": {
                    "zone": {"type": "string", "description": "Zona de GCP (p. ej. us-central1-a)"}
                },
                "required": [],
                "additionalProperties": false
            }
        }),
        json!({
            "name": "get_alerts",
            "description": "Obtiene las alertas de monitoreo",
            "category": "monitoring",
            "parameters": {
                "type": "object",
                "properties": {
                    "severity": {"type": "string", "enum": ["critical", "warning", "ok"], "description": "Filtra por severidad"}
                },
                "required": [],
                "additionalProperties": false
            }
        }),
        json!({
            "name": "get_metrics",
            "description": "Obtiene métricas de alertas, infraestructura y del agente",
            "category": "monitoring",
            "parameters": {
                "type": "object",
                "properties": {},
                "required": [],
                "additionalProperties": false
            }
        }),
    ]
}

/// The catalogue entry of a tool.
pub(crate) fn find(name: &str) -> Option<Value> {
    catalog()
        .into_iter()
        .find(|t| t.get("name").and_then(Value::as_str) == Some(name))
}

fn type_matches(ty: &str, v: &Value) -> bool {
    match ty {
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "object" => v.is_object(),
        "array" => v.is_array(),
        "null" => v.is_null(),
        _ => true,
    }
}

fn type_name_es(ty: &str) -> &str {
    match ty {
        "string" => "string",
        "integer" => "entero",
        "number" => "número",
        "boolean" => "booleano",
        "object" => "objeto",
        "array" => "arreglo",
        other => other,
    }
}

/// Validates tool parameters against an object JSON Schema (`properties` with `type`/`enum`,
/// `required`, `additionalProperties: false`). `null` or absent parameters mean `{}`.
/// Errors are 400s naming the parameter in `details.parameter`.
pub(crate) fn validate(
    tool: &str,
    schema: &Value,
    params: &Value,
) -> Result<Map<String, Value>, ApiError> {
    let params = match params {
        Value::Null => Map::new(),
        Value::Object(m) => m.clone(),
        _ => {
            return Err(ApiError::bad_param(
                "parameters",
                "El campo 'parameters' debe ser un objeto JSON",
            ));
        }
    };
    let empty = Map::new();
    let props = schema
        .get("properties")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
    if closed {
        let mut keys: Vec<&String> = params.keys().collect();
        keys.sort();
        if let Some(unknown) = keys.into_iter().find(|k| !props.contains_key(k.as_str())) {
            let mut allowed: Vec<&str> = props.keys().map(String::as_str).collect();
            allowed.sort_unstable();
            let allowed = if allowed.is_empty() {
                "ninguno".to_owned()
            } else {
                allowed.join(", ")
            };
            return Err(ApiError::bad_param(
                unknown,
                format!(
                    "Parámetro desconocido '{unknown}' para la tool '{tool}' (admitidos: {allowed})"
                ),
            ));
        }
    }
    if let Some(required) = schema.get("required").and_then(Value::as_array) {
        for name in required.iter().filter_map(Value::as_str) {
            if params.get(name).is_none_or(Value::is_null) {
                return Err(ApiError::bad_param(
                    name,
                    format!("Falta el parámetro requerido '{name}' para la tool '{tool}'"),
                ));
            }
        }
    }
    let mut names: Vec<&String> = params.keys().collect();
    names.sort();
    for name in names {
        let value = &params[name.as_str()];
        let Some(prop) = props.get(name.as_str()) else {
            continue;
        };
        if value.is_null() {
            continue;
        }
        if let Some(ty) = prop.get("type").and_then(Value::as_str)
            && !type_matches(ty, value)
        {
            return Err(ApiError::bad_param(
                name,
                format!(
                    "El parámetro '{name}' debe ser de tipo {}",
                    type_name_es(ty)
                ),
            ));
        }
        if let Some(allowed) = prop.get("enum").and_then(Value::as_array)
            && !allowed.contains(value)
        {
            let list: Vec<String> = allowed
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect();
            return Err(ApiError::bad_param(
                name,
                format!(
                    "El parámetro '{name}' debe ser uno de: {} (recibido {value})",
                    list.join(", ")
                ),
            ));
        }
    }
    Ok(params.into_iter().filter(|(_, v)| !v.is_null()).collect())
}

fn str_param<'a>(params: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    params.get(key).and_then(Value::as_str)
}

fn instance_not_found(id: &str) -> ApiError {
    ApiError::not_found(format!("Instancia EC2 '{id}' no encontrada"))
        .with_details(json!({"instance_id": id}))
}

/// Runs a validated tool over the inventory. `metrics` supplies the `get_metrics` result.
pub(crate) fn run(
    inv: &mut Inventory,
    tool: &str,
    params: &Map<String, Value>,
    metrics: impl FnOnce(&Inventory) -> Value,
) -> Result<Value, ApiError> {
    match tool {
        "list_ec2_instances" => {
            let region = str_param(params, "region");
            let state = str_param(params, "state");
            let list: Vec<Value> = inv
                .ec2
                .iter()
                .filter(|i| region.is_none_or(|r| i.region == r))
                .filter(|i| state.is_none_or(|s| i.state == s))
                .map(|i| i.to_json())
                .collect();
            Ok(Value::Array(list))
        }
        "describe_ec2_instance" => {
            let id = str_param(params, "instance_id").unwrap_or_default();
            inv.ec2
                .iter()
                .find(|i| i.instance_id == id)
                .map(|i| i.to_json())
                .ok_or_else(|| instance_not_found(id))
        }
        "start_ec2_instance" | "stop_ec2_instance" => {
            let id = str_param(params, "instance_id").unwrap_or_default();
            let target = if tool == "start_ec2_instance" {
                "running"
            } else {
                "stopped"
            };
            let inst = inv
                .ec2
                .iter_mut()
                .find(|i| i.instance_id == id)
                .ok_or_else(|| instance_not_found(id))?;
            let previous = std::mem::replace(&mut inst.state, target.to_owned());
            Ok(json!({
                "instance_id": inst.instance_id,
                "name": inst.name,
                "region": inst.region,
                "previous_state": previous,
                "current_state": target,
                "changed": previous != target,
            }))
        }
        "list_azure_vms" => {
            let rg = str_param(params, "resource_group");
            Ok(Value::Array(
                inv.azure
                    .iter()
                    .filter(|v| rg.is_none_or(|g| v.resource_group.eq_ignore_ascii_case(g)))
                    .map(|v| v.to_json())
                    .collect(),
            ))
        }
        "list_gcp_instances" => {
            let zone = str_param(params, "zone");
            Ok(Value::Array(
                inv.gcp
                    .iter()
                    .filter(|g| zone.is_none_or(|z| g.zone == z))
                    .map(|g| g.to_json())
                    .collect(),
            ))
        }
        "get_alerts" => {
            let severity = str_param(params, "severity");
            Ok(Value::Array(
                inv.alerts
                    .iter()
                    .filter(|a| severity.is_none_or(|s| a.severity == s))
                    .map(|a| a.to_json())
                    .collect(),
            ))
        }
        "get_metrics" => Ok(metrics(inv)),
        other => Err(ApiError::not_found(format!("Tool '{other}' no encontrada"))
            .with_details(json!({"tool": other}))),
    }
}

/// Alerts of the given severity contained in a tool result (for `alert.*` webhooks).
pub(crate) fn alerts_in(tool: &str, result: &Value, severity: &str) -> Vec<Value> {
    if tool != "get_alerts" {
        return Vec::new();
    }
    result
        .as_array()
        .map(|list| {
            list.iter()
                .filter(|a| a.get("severity").and_then(Value::as_str) == Some(severity))
                .map(|a| {
                    json!({
                        "alert_id": a["alert_id"],
                        "severity": a["severity"],
                        "resource": a["resource"],
                        "message": a["message"],
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema(tool: &str) -> Value {
        find(tool).expect("tool")["parameters"].clone()
    }

    #[test]
    fn validation_names_the_parameter() {
        let s = schema("list_ec2_instances");
        assert!(validate("list_ec2_instances", &s, &json!({"region": "us-east-1"})).is_ok());
        assert!(validate("list_ec2_instances", &s, &Value::Null).is_ok());
        let e = validate("list_ec2_instances", &s, &json!({"state": "paused"})).unwrap_err();
        assert_eq!(e.details, json!({"field": "state", "parameter": "state"}));
        assert!(e.message.contains("running"));
        let e = validate("list_ec2_instances", &s, &json!({"region": 5})).unwrap_err();
        assert_eq!(e.details, json!({"field": "region", "parameter": "region"}));
        let e = validate("list_ec2_instances", &s, &json!({"zone": "x"})).unwrap_err();
        assert_eq!(e.details, json!({"field": "zone", "parameter": "zone"}));
        let s = schema("stop_ec2_instance");
        let e = validate("stop_ec2_instance", &s, &json!({})).unwrap_err();
        assert_eq!(
            e.details,
            json!({"field": "instance_id", "parameter": "instance_id"})
        );
        let e = validate("stop_ec2_instance", &s, &json!([1])).unwrap_err();
        assert_eq!(
            e.details,
            json!({"field": "parameters", "parameter": "parameters"})
        );
    }

    #[test]
    fn stop_really_changes_state() {
        let mut inv = Inventory::seeded();
        let id = inv.ec2[0].instance_id.clone();
        let p: Map<String, Value> = json!({"instance_id": id})
            .as_object()
            .cloned()
            .unwrap_or_default();
        let r = run(&mut inv, "stop_ec2_instance", &p, |_| Value::Null).expect("stop");
        assert_eq!(r["previous_state"], "running");
        assert_eq!(inv.ec2[0].state, "stopped");
    }
}
