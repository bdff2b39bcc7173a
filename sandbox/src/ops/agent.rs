//! The sandbox's agent: a deterministic, rule-based planner over the user's message (Spanish
//! and English) that picks at most one tool, runs it over the inventory and writes an answer
//! from the result. One code path produces the event list used by both SSE and WebSocket.
//!
//! Rules, checked in order over the lower-cased, accent-free message:
//! 1. an instance id (`i-…`) with a stop verb (detén, para, apaga, stop) runs
//!    `stop_ec2_instance`; with a start verb (inicia, arranca, enciende, start) runs
//!    `start_ec2_instance`; otherwise `describe_ec2_instance`;
//! 2. `azure` runs `list_azure_vms` (a `rg-…` word becomes `resource_group`);
//! 3. `gcp` / `google` runs `list_gcp_instances` (a zone such as `us-central1-a` becomes `zone`);
//! 4. `alerta` / `alert` runs `get_alerts` (críticas/critical or advertencia/warning filter);
//! 5. `métricas` / `metrics` runs `get_metrics`;
//! 6. `ec2`, `aws`, `instancias`, `instances` run `list_ec2_instances`. The region is the AWS
//!    region named in the message; **when none is named the default is `us-east-1`** (so the
//!    seed's "Lista las instancias EC2" answers "Encontré 5 instancias…"), unless the message
//!    asks for all regions ("todas las regiones", "all regions"), which lists every region.
//!    "detenidas"/"stopped" and "en ejecución"/"running" filter by state;
//! 7. anything else gets a plain answer without a tool.

use serde_json::{Map, Value, json};

use super::{Conversation, OpsState};
use crate::common;

/// The result of one agent turn.
#[derive(Debug)]
pub(crate) struct AgentRun {
    pub conversation_id: String,
    /// `thinking`, `tool_call`, `tool_result`, `message`…, `done` event objects.
    pub events: Vec<Value>,
    /// The stored assistant message (`role`, `content`, `timestamp`, `tool_calls`).
    pub message: Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lang {
    Es,
    En,
}

fn fold_accents(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

fn words(norm: &str) -> Vec<&str> {
    norm.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn detect_lang(words: &[&str]) -> Lang {
    const ES: [&str; 30] = [
        "las",
        "los",
        "el",
        "la",
        "de",
        "del",
        "que",
        "cuantas",
        "cuales",
        "muestra",
        "muestrame",
        "lista",
        "listar",
        "dame",
        "instancias",
        "alertas",
        "metricas",
        "deten",
        "inicia",
        "hola",
        "por",
        "favor",
        "mis",
        "todas",
        "y",
        "con",
        "para",
        "una",
        "hay",
        "gracias",
    ];
    const EN: [&str; 30] = [
        "the",
        "list",
        "show",
        "me",
        "my",
        "what",
        "which",
        "how",
        "many",
        "instances",
        "alerts",
        "metrics",
        "stop",
        "start",
        "hello",
        "hi",
        "please",
        "all",
        "are",
        "is",
        "and",
        "in",
        "of",
        "get",
        "describe",
        "any",
        "there",
        "thanks",
        "running",
        "vms",
    ];
    let es = words.iter().filter(|w| ES.contains(w)).count();
    let en = words.iter().filter(|w| EN.contains(w)).count();
    if en > es { Lang::En } else { Lang::Es }
}

fn is_instance_id(w: &str) -> bool {
    w.strip_prefix("i-")
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_hexdigit()))
}

fn is_aws_region(w: &str) -> bool {
    let parts: Vec<&str> = w.split('-').collect();
    matches!(parts.as_slice(), [a, b, n]
        if a.len() == 2 && a.chars().all(|c| c.is_ascii_lowercase())
            && b.len() >= 4 && b.chars().all(|c| c.is_ascii_lowercase())
            && !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

fn is_gcp_zone(w: &str) -> bool {
    let parts: Vec<&str> = w.split('-').collect();
    matches!(parts.as_slice(), [a, b, z]
        if a.chars().all(|c| c.is_ascii_lowercase())
            && b.chars().last().is_some_and(|c| c.is_ascii_digit())
            && z.len() == 1 && z.chars().all(|c| c.is_ascii_lowercase()))
}

fn has_any(norm: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| norm.contains(n))
}

fn has_word(words: &[&str], wanted: &[&str]) -> bool {
    words.iter().any(|w| wanted.contains(w))
}

/// Picks the tool and its parameters for a message (see the module docs).
pub(crate) fn plan(message: &str) -> Option<(&'static str, Value)> {
    let norm = fold_accents(message);
    let ws = words(&norm);
    if let Some(id) = ws.iter().find(|w| is_instance_id(w)) {
        let params = json!({"instance_id": id});
        let stop = has_word(
            &ws,
            &[
                "deten", "detener", "detenla", "para", "parar", "apaga", "apagar", "stop", "halt",
            ],
        ) || norm.contains("shut down");
        let start = has_word(
            &ws,
            &[
                "inicia", "iniciar", "arranca", "arrancar", "enciende", "encender", "levanta",
                "start", "boot",
            ],
        ) || norm.contains("power on");
        return Some(if stop {
            ("stop_ec2_instance", params)
        } else if start {
            ("start_ec2_instance", params)
        } else {
            ("describe_ec2_instance", params)
        });
    }
    if norm.contains("azure") {
        let mut p = Map::new();
        if let Some(rg) = ws.iter().find(|w| w.starts_with("rg-") && w.len() > 3) {
            p.insert("resource_group".into(), json!(rg));
        }
        return Some(("list_azure_vms", Value::Object(p)));
    }
    if has_word(&ws, &["gcp", "google"]) {
        let mut p = Map::new();
        if let Some(zone) = ws.iter().find(|w| is_gcp_zone(w)) {
            p.insert("zone".into(), json!(zone));
        }
        return Some(("list_gcp_instances", Value::Object(p)));
    }
    if has_any(&norm, &["alerta", "alert"]) {
        let mut p = Map::new();
        if has_any(&norm, &["critic"]) {
            p.insert("severity".into(), json!("critical"));
        } else if has_any(&norm, &["advertencia", "warning"]) {
            p.insert("severity".into(), json!("warning"));
        }
        return Some(("get_alerts", Value::Object(p)));
    }
    if has_any(&norm, &["metrica", "metric"]) {
        return Some(("get_metrics", json!({})));
    }
    if has_word(
        &ws,
        &[
            "ec2",
            "aws",
            "instancia",
            "instancias",
            "instance",
            "instances",
            "servidores",
            "servers",
        ],
    ) {
        let mut p = Map::new();
        let all = has_any(
            &norm,
            &[
                "todas las regiones",
                "all regions",
                "cada region",
                "every region",
            ],
        );
        if let Some(region) = ws.iter().find(|w| is_aws_region(w)) {
            p.insert("region".into(), json!(region));
        } else if !all {
            p.insert("region".into(), json!("us-east-1"));
        }
        if has_any(&norm, &["detenida", "stopped", "apagada"]) {
            p.insert("state".into(), json!("stopped"));
        } else if has_any(
            &norm,
            &[
                "en ejecucion",
                "running",
                "corriendo",
                "encendida",
                "activas",
            ],
        ) {
            p.insert("state".into(), json!("running"));
        }
        return Some(("list_ec2_instances", Value::Object(p)));
    }
    None
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn s(v: &Value, key: &str) -> String {
    match &v[key] {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn join_items(items: &[Value], fmt: impl Fn(&Value) -> String) -> String {
    items.iter().map(fmt).collect::<Vec<_>>().join(", ")
}

/// Writes the answer for a tool result.
fn compose(lang: Lang, tool: &str, params: &Value, result: &Value, gcp_enabled: bool) -> String {
    let es = lang == Lang::Es;
    if let Some(err) = result.get("error") {
        let msg = s(err, "message");
        return if es {
            format!("No pude ejecutar {tool}: {msg}.")
        } else {
            format!("I couldn't run {tool}: {msg}.")
        };
    }
    let empty = Vec::new();
    let items = result.as_array().unwrap_or(&empty);
    let n = items.len();
    match tool {
        "list_ec2_instances" => {
            let region = params["region"].as_str();
            let scope = match (region, es) {
                (Some(r), true) => format!(" en {r}"),
                (Some(r), false) => format!(" in {r}"),
                (None, true) => " en todas las regiones".to_owned(),
                (None, false) => " across all regions".to_owned(),
            };
            let state = match (params["state"].as_str(), es) {
                (Some(st), true) => format!(" en estado {st}"),
                (Some(st), false) => format!(" in state {st}"),
                (None, _) => String::new(),
            };
            let list = join_items(items, |i| {
                if region.is_some() {
                    format!("{} ({}, {})", s(i, "name"), s(i, "type"), s(i, "state"))
                } else {
                    format!(
                        "{} ({}, {}, {})",
                        s(i, "name"),
                        s(i, "type"),
                        s(i, "state"),
                        s(i, "region")
                    )
                }
            });
            match (n, es) {
                (0, true) => format!("No encontré instancias EC2{state}{scope}."),
                (0, false) => format!("I found no EC2 instances{state}{scope}."),
                (_, true) => format!(
                    "Encontré {} EC2{state}{scope}: {list}.",
                    plural(n, "instancia", "instancias")
                ),
                (_, false) => format!(
                    "Found {} EC2 {}{state}{scope}: {list}.",
                    n,
                    if n == 1 { "instance" } else { "instances" }
                ),
            }
        }
        "describe_ec2_instance" => {
            let r = result;
            if es {
                format!(
                    "La instancia {} ({}) es de tipo {}, está {} en {} con IP privada {}.",
                    s(r, "instance_id"),
                    s(r, "name"),
                    s(r, "type"),
                    s(r, "state"),
                    s(r, "region"),
                    s(r, "private_ip")
                )
            } else {
                format!(
                    "Instance {} ({}) is a {} in {}, currently {}, with private IP {}.",
                    s(r, "instance_id"),
                    s(r, "name"),
                    s(r, "type"),
                    s(r, "region"),
                    s(r, "state"),
                    s(r, "private_ip")
                )
            }
        }
        "start_ec2_instance" | "stop_ec2_instance" => {
            let r = result;
            let (id, name, prev, cur) = (
                s(r, "instance_id"),
                s(r, "name"),
                s(r, "previous_state"),
                s(r, "current_state"),
            );
            let changed = r["changed"].as_bool().unwrap_or(false);
            let starting = tool == "start_ec2_instance";
            match (changed, es) {
                (true, true) => format!(
                    "{} la instancia {id} ({name}): pasó de {prev} a {cur}.",
                    if starting { "Inicié" } else { "Detuve" }
                ),
                (true, false) => format!(
                    "{} instance {id} ({name}): {prev} → {cur}.",
                    if starting { "Started" } else { "Stopped" }
                ),
                (false, true) => format!(
                    "La instancia {id} ({name}) ya estaba en estado {cur}; no hice cambios."
                ),
                (false, false) => {
                    format!("Instance {id} ({name}) was already {cur}; nothing to do.")
                }
            }
        }
        "list_azure_vms" => {
            let rg = params["resource_group"]
                .as_str()
                .map(|g| {
                    if es {
                        format!(" en el grupo {g}")
                    } else {
                        format!(" in resource group {g}")
                    }
                })
                .unwrap_or_default();
            let list = join_items(items, |v| {
                format!(
                    "{} ({}, {})",
                    s(v, "name"),
                    s(v, "size"),
                    s(v, "power_state")
                )
            });
            match (n, es) {
                (0, true) => format!("No encontré VMs de Azure{rg}."),
                (0, false) => format!("I found no Azure VMs{rg}."),
                (_, true) => format!("Encontré {} de Azure{rg}: {list}.", plural(n, "VM", "VMs")),
                (_, false) => format!(
                    "Found {} Azure {}{rg}: {list}.",
                    n,
                    if n == 1 { "VM" } else { "VMs" }
                ),
            }
        }
        "list_gcp_instances" => {
            let zone = params["zone"]
                .as_str()
                .map(|z| {
                    if es {
                        format!(" en la zona {z}")
                    } else {
                        format!(" in zone {z}")
                    }
                })
                .unwrap_or_default();
            let list = join_items(items, |g| {
                format!(
                    "{} ({}, {})",
                    s(g, "name"),
                    s(g, "machine_type"),
                    s(g, "status")
                )
            });
            let mut text = match (n, es) {
                (0, true) => format!("No encontré instancias de GCP{zone}."),
                (0, false) => format!("I found no GCP instances{zone}."),
                (_, true) => format!(
                    "Encontré {} de GCP{zone}: {list}.",
                    plural(n, "instancia", "instancias")
                ),
                (_, false) => format!(
                    "Found {} GCP {}{zone}: {list}.",
                    n,
                    if n == 1 { "instance" } else { "instances" }
                ),
            };
            if !gcp_enabled {
                text.push_str(if es {
                    " Nota: GCP está deshabilitado en la configuración."
                } else {
                    " Note: GCP is disabled in the configuration."
                });
            }
            text
        }
        "get_alerts" => {
            let count = |sev: &str| items.iter().filter(|a| a["severity"] == sev).count();
            let detail = |sev: &str| {
                items
                    .iter()
                    .filter(|a| a["severity"] == sev)
                    .map(|a| format!("{}: {}", s(a, "resource"), s(a, "message")))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            match (params["severity"].as_str(), es) {
                (None, true) => {
                    let mut t = format!(
                        "Hay {} {}, {} de advertencia y {} en estado ok.",
                        count("critical"),
                        if count("critical") == 1 {
                            "alerta crítica"
                        } else {
                            "alertas críticas"
                        },
                        count("warning"),
                        count("ok")
                    );
                    if count("critical") > 0 {
                        t.push_str(&format!(" Críticas: {}.", detail("critical")));
                    }
                    t
                }
                (None, false) => {
                    let mut t = format!(
                        "There are {} critical {}, {} warnings and {} ok checks.",
                        count("critical"),
                        if count("critical") == 1 {
                            "alert"
                        } else {
                            "alerts"
                        },
                        count("warning"),
                        count("ok")
                    );
                    if count("critical") > 0 {
                        t.push_str(&format!(" Critical: {}.", detail("critical")));
                    }
                    t
                }
                (Some("ok"), true) => format!(
                    "Hay {} en estado ok.",
                    plural(n, "comprobación", "comprobaciones")
                ),
                (Some("ok"), false) => format!("There are {n} ok checks."),
                (Some(sev), true) => {
                    let label = if sev == "critical" {
                        if n == 1 {
                            "alerta crítica"
                        } else {
                            "alertas críticas"
                        }
                    } else if n == 1 {
                        "alerta de advertencia"
                    } else {
                        "alertas de advertencia"
                    };
                    if n == 0 {
                        format!("No hay {label}.")
                    } else {
                        format!("Hay {n} {label}: {}.", detail(sev))
                    }
                }
                (Some(sev), false) => {
                    if n == 0 {
                        format!("There are no {sev} alerts.")
                    } else {
                        format!("There are {n} {sev} alerts: {}.", detail(sev))
                    }
                }
            }
        }
        "get_metrics" => {
            let r = result;
            let (a, i, g) = (&r["alerts"], &r["infrastructure"], &r["agent_stats"]);
            if es {
                format!(
                    "Alertas: {} críticas, {} de advertencia y {} ok. Infraestructura: {} instancias AWS, {} VMs de Azure y {} instancias GCP. Agente: {} mensajes procesados y {} tools ejecutadas.",
                    a["critical"],
                    a["warning"],
                    a["ok"],
                    i["aws_instances"],
                    i["azure_vms"],
                    i["gcp_instances"],
                    g["total_messages"],
                    g["tools_executed"]
                )
            } else {
                format!(
                    "Alerts: {} critical, {} warning and {} ok. Infrastructure: {} AWS instances, {} Azure VMs and {} GCP instances. Agent: {} messages processed and {} tools executed.",
                    a["critical"],
                    a["warning"],
                    a["ok"],
                    i["aws_instances"],
                    i["azure_vms"],
                    i["gcp_instances"],
                    g["total_messages"],
                    g["tools_executed"]
                )
            }
        }
        _ => String::new(),
    }
}

fn help_text(lang: Lang) -> String {
    match lang {
        Lang::Es => "Puedo ayudarte a gestionar tu infraestructura cloud: listar instancias EC2, VMs de Azure e instancias de GCP, consultar alertas y métricas, o iniciar y detener instancias EC2. ¿Qué necesitas?".to_owned(),
        Lang::En => "I can help you manage your cloud infrastructure: list EC2 instances, Azure VMs and GCP instances, check alerts and metrics, or start and stop EC2 instances. What do you need?".to_owned(),
    }
}

/// Splits an answer into `message` chunks that concatenate to it: exactly `n` near-equal
/// pieces when asked, otherwise word-aligned pieces of about 20 characters.
pub(crate) fn chunk(text: &str, n: Option<usize>) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    if let Some(n) = n {
        let len = chars.len();
        return (0..n)
            .map(|i| chars[i * len / n..(i + 1) * len / n].iter().collect())
            .collect();
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    for word in text.split_inclusive(' ') {
        cur.push_str(word);
        if cur.chars().count() >= 20 {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() || out.is_empty() {
        out.push(cur);
    }
    out
}

/// Runs one agent turn for `owner`: plans, executes the tool, writes the answer, stores both
/// messages in the conversation (created if absent or unknown) and returns the events.
pub(crate) fn run(
    state: &OpsState,
    owner: &str,
    conversation_id: Option<&str>,
    message: &str,
    chunks: Option<usize>,
) -> AgentRun {
    let norm = fold_accents(message);
    let lang = detect_lang(&words(&norm));
    let mut events = vec![json!({
        "type": "thinking",
        "content": if lang == Lang::Es { "Analizando request..." } else { "Analyzing request..." },
    })];
    let mut tool_calls = Vec::new();
    let answer = match plan(message) {
        None => help_text(lang),
        Some((tool, params)) => {
            events.push(json!({"type": "tool_call", "tool": tool, "params": params}));
            let result = match state.execute_tool(owner, tool, &params) {
                Ok((result, _ms)) => result,
                Err(e) => json!({ "error": e.to_event()["error"] }),
            };
            events.push(json!({"type": "tool_result", "tool": tool, "result": result}));
            let gcp_enabled = state.data().provider_enabled("gcp");
            let text = compose(lang, tool, &params, &result, gcp_enabled);
            tool_calls.push(json!({"tool": tool, "params": params, "result": result}));
            text
        }
    };
    for piece in chunk(&answer, chunks) {
        events.push(json!({"type": "message", "content": piece}));
    }

    let now = common::now_rfc3339();
    let user_msg = json!({"role": "user", "content": message, "timestamp": now});
    let assistant = json!({
        "role": "assistant",
        "content": answer,
        "timestamp": now,
        "tool_calls": tool_calls,
    });
    let (conversation_id, created) = {
        let mut data = state.data();
        let touched = data.tick();
        let existing =
            conversation_id.and_then(|id| data.conversations.iter().position(|c| c.id == id));
        let (idx, created) = match existing {
            Some(i) => (i, None),
            None => {
                let id = conversation_id.map_or_else(Conversation::new_id, str::to_owned);
                let title: String = message.chars().take(60).collect();
                data.conversations.push(Conversation {
                    id: id.clone(),
                    title: title.clone(),
                    created_at: now.clone(),
                    updated_at: now.clone(),
                    messages: Vec::new(),
                    touched,
                });
                (data.conversations.len() - 1, Some((id, title)))
            }
        };
        let conv = &mut data.conversations[idx];
        conv.messages.push(user_msg);
        conv.messages.push(assistant.clone());
        conv.updated_at = now.clone();
        conv.touched = touched;
        let id = conv.id.clone();
        data.total_messages += 2;
        (id, created)
    };
    if let Some((id, title)) = created {
        state.emit(
            owner,
            "conversation.created",
            json!({"conversation_id": id, "title": title}),
        );
    }
    events.push(json!({"type": "done", "conversation_id": conversation_id}));
    AgentRun {
        conversation_id,
        events,
        message: assistant,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn planner_rules() {
        assert_eq!(
            plan("Lista las instancias EC2"),
            Some(("list_ec2_instances", json!({"region": "us-east-1"})))
        );
        assert_eq!(
            plan("list EC2 instances in eu-west-1"),
            Some(("list_ec2_instances", json!({"region": "eu-west-1"})))
        );
        assert_eq!(
            plan("instancias EC2 en todas las regiones"),
            Some(("list_ec2_instances", json!({})))
        );
        assert_eq!(
            plan("Detén i-0abc12"),
            Some(("stop_ec2_instance", json!({"instance_id": "i-0abc12"})))
        );
        assert_eq!(
            plan("please start i-0abc12"),
            Some(("start_ec2_instance", json!({"instance_id": "i-0abc12"})))
        );
        assert_eq!(
            plan("¿Hay alertas críticas?"),
            Some(("get_alerts", json!({"severity": "critical"})))
        );
        assert_eq!(
            plan("VMs de Azure en rg-prod"),
            Some(("list_azure_vms", json!({"resource_group": "rg-prod"})))
        );
        assert_eq!(
            plan("google cloud us-central1-a"),
            Some(("list_gcp_instances", json!({"zone": "us-central1-a"})))
        );
        assert_eq!(
            plan("Muéstrame las métricas"),
            Some(("get_metrics", json!({})))
        );
        assert_eq!(plan("hola"), None);
    }

    #[test]
    fn chunks_concatenate() {
        let text = "Encontré 5 instancias EC2 en us-east-1: web-1 (t3.micro, running).";
        for n in [1, 3, 7, 200] {
            let parts = chunk(text, Some(n));
            assert_eq!(parts.len(), n);
            assert_eq!(parts.concat(), text);
        }
        let parts = chunk(text, None);
        assert!(parts.len() > 1);
        assert_eq!(parts.concat(), text);
    }

    #[test]
    fn language_detection() {
        assert_eq!(detect_lang(&words("show me the alerts")), Lang::En);
        assert_eq!(detect_lang(&words("lista las instancias")), Lang::Es);
    }
}
