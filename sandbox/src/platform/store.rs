//! In-memory data of the platform service and its deterministic demo data.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, TimeZone, Utc};
use serde_json::{Value, json};

/// The demo user (the seed's `usr_abc123`).
pub const DEMO_USER_ID: &str = "usr_abc123";
/// The admin user.
pub const ADMIN_USER_ID: &str = "usr_admin001";

/// A new id: `prefix_` + 12 lowercase hex digits.
pub fn new_id(prefix: &str) -> String {
    let hex = uuid::Uuid::new_v4().simple().to_string();
    format!("{prefix}_{}", &hex[..12])
}

/// RFC 3339, UTC, seconds, `Z`.
pub fn fmt_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, s)
        .single()
        .unwrap_or_else(Utc::now)
}

/// First instant of the month containing `t`.
pub fn month_start(t: DateTime<Utc>) -> DateTime<Utc> {
    at(t.year(), t.month(), 1, 0, 0, 0)
}

/// First instant of the month after the one containing `t`.
pub fn next_month_start(t: DateTime<Utc>) -> DateTime<Utc> {
    if t.month() == 12 {
        at(t.year() + 1, 1, 1, 0, 0, 0)
    } else {
        at(t.year(), t.month() + 1, 1, 0, 0, 0)
    }
}

/// Spanish month name (for budget names such as "Alimentación Octubre").
pub fn month_name_es(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Enero",
        "Febrero",
        "Marzo",
        "Abril",
        "Mayo",
        "Junio",
        "Julio",
        "Agosto",
        "Septiembre",
        "Octubre",
        "Noviembre",
        "Diciembre",
    ];
    NAMES[(month.clamp(1, 12) - 1) as usize]
}

/// Cents as a JSON number with at most two decimals (`-35050` → `-350.5`, `2500000` → `25000`).
pub fn money(cents: i64) -> Value {
    if cents % 100 == 0 {
        json!(cents / 100)
    } else {
        // Shortest round-trip formatting of the f64 prints the same digits as the decimal.
        json!(cents as f64 / 100.0)
    }
}

/// `12,450.00`-style rendering of an absolute amount in cents.
pub fn money_text(cents: i64) -> String {
    let abs = cents.unsigned_abs();
    let units = (abs / 100).to_string();
    let mut grouped = String::with_capacity(units.len() + units.len() / 3);
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped}.{:02}", abs % 100)
}

#[derive(Clone, Debug)]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub tier: String,
    pub is_active: bool,
    pub created_at: String,
    pub image: String,
    pub preferences: Value,
    pub messages_used: u64,
    pub tokens_used: u64,
}

#[derive(Clone, Debug)]
pub struct Invitation {
    pub email: String,
}

#[derive(Clone, Debug)]
pub struct Agent {
    pub id: String,
    pub name: String,
    pub description: String,
    pub category: String,
    pub model: String,
    pub is_public: bool,
    pub created_by: String,
    pub config: Value,
    pub capabilities: Vec<String>,
    pub system_prompt: Option<String>,
    pub created_at: String,
}

/// A message's text; synthetic bench answers (`?tokens=N`: " w0", " w1", ...) are kept compact.
#[derive(Clone, Debug)]
pub enum Content {
    Text(String),
    Synthetic(u64),
}

impl Content {
    pub fn render(&self) -> String {
        match self {
            Content::Text(t) => t.clone(),
            Content::Synthetic(n) => {
                let mut s = String::new();
                for i in 0..*n {
                    s.push_str(" w");
                    s.push_str(&i.to_string());
                }
                s
            }
        }
    }
}

#[derive(Clone, Debug)]
pub struct Message {
    pub id: String,
    pub role: &'static str,
    pub content: Content,
    pub timestamp: DateTime<Utc>,
    /// Tokens counted for this message.
    pub tokens: u64,
}

#[derive(Clone, Debug)]
pub struct Conversation {
    pub id: String,
    pub owner: String,
    pub agent_id: String,
    pub title: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Tie-breaker for equal `updated_at` (higher = touched later).
    pub touch: u64,
    pub messages: Vec<Message>,
}

#[derive(Clone, Debug)]
pub struct Medication {
    pub id: String,
    pub name: String,
    pub dosage: String,
    pub frequency: String,
    pub start_date: Option<String>,
    pub instructions: Option<String>,
    pub is_active: bool,
    pub adherence_rate: f64,
    pub created_at: String,
}

#[derive(Clone, Debug)]
pub struct Appointment {
    pub id: String,
    pub title: String,
    pub kind: String,
    pub datetime: DateTime<Utc>,
    pub location: String,
    pub notes: String,
}

#[derive(Clone, Debug)]
pub struct Health {
    pub id: String,
    pub blood_type: String,
    /// Height and weight as given (JSON numbers).
    pub height: Value,
    pub weight: Value,
    pub updated_at: String,
    pub allergies: Vec<Value>,
    pub conditions: Vec<Value>,
    pub medications: Vec<Medication>,
    pub appointments: Vec<Appointment>,
}

#[derive(Clone, Debug)]
pub struct Account {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub balance: i64,
    pub currency: String,
    pub institution: String,
    pub credit_limit: Option<i64>,
}

#[derive(Clone, Debug)]
pub struct Transaction {
    pub id: String,
    pub account_id: String,
    pub amount: i64,
    pub description: String,
    pub category: String,
    pub date: DateTime<Utc>,
    pub created_at: String,
    /// Insertion order (tie-breaker for equal dates; newer first).
    pub seq: u64,
}

#[derive(Clone, Debug)]
pub struct BudgetDef {
    pub id: String,
    pub label: String,
    pub category: String,
    pub amount: i64,
}

#[derive(Clone, Debug)]
pub struct Finance {
    pub id: String,
    pub currency: String,
    pub monthly_income: i64,
    pub total_assets: i64,
    pub total_liabilities: i64,
    pub accounts: Vec<Account>,
    pub transactions: Vec<Transaction>,
    pub budgets: Vec<BudgetDef>,
}

/// The authenticated caller of a request.
#[derive(Clone, Debug)]
pub struct Caller {
    pub user_id: String,
    pub role: String,
    pub tier: String,
}

impl Caller {
    pub fn is_admin(&self) -> bool {
        self.role == "ADMIN"
    }
}

/// Everything the platform service keeps.
#[derive(Debug, Default)]
pub struct Store {
    pub users: Vec<User>,
    pub api_keys: HashMap<String, String>,
    pub invitations: HashMap<String, Invitation>,
    pub agents: Vec<Agent>,
    pub conversations: HashMap<String, Conversation>,
    pub health: HashMap<String, Health>,
    pub finance: HashMap<String, Finance>,
    pub counter: u64,
}

impl Store {
    /// A fresh monotonically increasing number.
    pub fn tick(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    pub fn user(&self, id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    pub fn user_mut(&mut self, id: &str) -> Option<&mut User> {
        self.users.iter_mut().find(|u| u.id == id)
    }

    /// The caller a bearer key belongs to (None for unknown keys or deleted users).
    pub fn caller_for_key(&self, key: &str) -> Option<Caller> {
        let user_id = self.api_keys.get(key)?;
        let user = self.user(user_id)?;
        Some(Caller {
            user_id: user.id.clone(),
            role: user.role.clone(),
            tier: user.tier.clone(),
        })
    }

    /// An agent `caller` may see: public ones, its own, and (for admins) every agent.
    pub fn visible_agent(&self, caller: &Caller, id: &str) -> Option<&Agent> {
        self.agents
            .iter()
            .find(|a| a.id == id && (a.is_public || a.created_by == caller.user_id))
    }

    /// The seeded store. `now` anchors every relative date.
    pub fn seeded(now: DateTime<Utc>, demo_key: &str, admin_key: &str) -> Store {
        let mut store = Store::default();
        seed_users(&mut store);
        store
            .api_keys
            .insert(demo_key.to_string(), DEMO_USER_ID.to_string());
        store
            .api_keys
            .insert(admin_key.to_string(), ADMIN_USER_ID.to_string());
        seed_agents(&mut store);
        seed_conversations(&mut store, now);
        store
            .health
            .insert(DEMO_USER_ID.to_string(), demo_health(now));
        store
            .health
            .insert(ADMIN_USER_ID.to_string(), admin_health(now));
        store
            .finance
            .insert(DEMO_USER_ID.to_string(), demo_finance(now));
        store
            .finance
            .insert(ADMIN_USER_ID.to_string(), admin_finance(now));
        store
    }
}

fn seed_users(store: &mut Store) {
    store.users.push(User {
        id: DEMO_USER_ID.into(),
        email: "user@example.com".into(),
        name: "John Doe".into(),
        role: "USER".into(),
        tier: "FREE".into(),
        is_active: true,
        created_at: "2025-01-15T10:00:00Z".into(),
        image: "https://agents.cjhirashi.com/avatars/usr_abc123.png".into(),
        preferences: json!({}),
        messages_used: 45,
        tokens_used: 32000,
    });
    store.users.push(User {
        id: ADMIN_USER_ID.into(),
        email: "admin@example.com".into(),
        name: "Ada Admin".into(),
        role: "ADMIN".into(),
        tier: "BUSINESS".into(),
        is_active: true,
        created_at: "2025-01-01T09:00:00Z".into(),
        image: "https://agents.cjhirashi.com/avatars/usr_admin001.png".into(),
        preferences: json!({ "theme": "dark" }),
        messages_used: 310,
        tokens_used: 254000,
    });
    const FIRST: [&str; 12] = [
        "John", "María", "Luis", "Ana", "Carlos", "Sofía", "Jorge", "Lucía", "Pedro", "Elena",
        "Diego", "Valeria",
    ];
    const LAST: [&str; 7] = [
        "Smith",
        "García",
        "Hernández",
        "López",
        "Johnson",
        "Martínez",
        "Pérez",
    ];
    const TIERS: [&str; 3] = ["FREE", "PRO", "BUSINESS"];
    let base = at(2025, 2, 1, 12, 0, 0);
    for i in 0..148u32 {
        let first = FIRST[(i % 12) as usize];
        let last = LAST[((i / 12) % 7) as usize];
        let ascii = |s: &str| {
            s.to_lowercase()
                .replace('á', "a")
                .replace('é', "e")
                .replace('í', "i")
                .replace('ó', "o")
                .replace('ú', "u")
        };
        store.users.push(User {
            id: format!("usr_{:06}", i + 1),
            email: format!("{}.{}{}@example.com", ascii(first), ascii(last), i + 1),
            name: format!("{first} {last}"),
            role: if i % 25 == 7 { "ADMIN" } else { "USER" }.into(),
            tier: TIERS[(i % 3) as usize].into(),
            is_active: i % 17 != 5,
            created_at: fmt_time(base + Duration::hours(i64::from(i) * 37)),
            image: format!("https://agents.cjhirashi.com/avatars/usr_{:06}.png", i + 1),
            preferences: json!({}),
            messages_used: u64::from(i % 90),
            tokens_used: u64::from(i * 211 % 90_000),
        });
    }
}

fn agent(
    id: &str,
    name: &str,
    description: &str,
    category: &str,
    is_public: bool,
    created_by: &str,
    capabilities: &[&str],
) -> Agent {
    Agent {
        id: id.into(),
        name: name.into(),
        description: description.into(),
        category: category.into(),
        model: "gemini-2.0-flash-exp".into(),
        is_public,
        created_by: created_by.into(),
        config: json!({ "temperature": 0.7, "maxTokens": 8000, "topP": 0.9 }),
        capabilities: capabilities.iter().map(|c| c.to_string()).collect(),
        system_prompt: None,
        created_at: "2025-01-01T00:00:00Z".into(),
    }
}

fn seed_agents(store: &mut Store) {
    store.agents.push(agent(
        "agt_personal_001",
        "Personal Assistant",
        "Your personal AI assistant that learns from you",
        "personal",
        true,
        "system",
        &[
            "health_management",
            "financial_analysis",
            "productivity_optimization",
        ],
    ));
    store.agents.push(agent(
        "agt_health_001",
        "Health Coach",
        "Tracks your medications, appointments and health profile",
        "health",
        true,
        "system",
        &["health_management", "medication_reminders"],
    ));
    store.agents.push(agent(
        "agt_finance_001",
        "Finance Advisor",
        "Analyses your spending, budgets and savings",
        "finance",
        true,
        "system",
        &["financial_analysis", "budget_tracking"],
    ));
    let mut demo_private = agent(
        "agt_custom_demo01",
        "Recetas saludables",
        "Private recipe helper of the demo user",
        "personal",
        false,
        DEMO_USER_ID,
        &["meal_planning"],
    );
    demo_private.created_at = "2025-03-02T12:00:00Z".into();
    store.agents.push(demo_private);
    let mut admin_private = agent(
        "agt_custom_admin01",
        "Ops Reviewer",
        "Private agent of the admin user",
        "personal",
        false,
        ADMIN_USER_ID,
        &["productivity_optimization"],
    );
    admin_private.created_at = "2025-02-10T08:00:00Z".into();
    store.agents.push(admin_private);
}

fn msg(id: String, role: &'static str, text: &str, timestamp: DateTime<Utc>) -> Message {
    let tokens = text.split_whitespace().count() as u64;
    Message {
        id,
        role,
        content: Content::Text(text.to_string()),
        timestamp,
        tokens,
    }
}

fn seed_conversations(store: &mut Store, now: DateTime<Utc>) {
    let start = now - Duration::minutes(90);
    let conv = Conversation {
        id: "conv_abc123".into(),
        owner: DEMO_USER_ID.into(),
        agent_id: "agt_personal_001".into(),
        title: "Discusión sobre medicamentos".into(),
        created_at: start,
        updated_at: start + Duration::seconds(5),
        touch: 1000,
        messages: vec![
            msg(
                "msg_001".into(),
                "user",
                "¿Cuándo debo tomar mi metformina?",
                start,
            ),
            msg(
                "msg_002".into(),
                "assistant",
                "Según tu perfil, debes tomar Metformina 500mg cada 8 horas...",
                start + Duration::seconds(5),
            ),
        ],
    };
    store.conversations.insert(conv.id.clone(), conv);
    const TOPICS: [(&str, &str, &str, &str); 5] = [
        (
            "agt_personal_001",
            "Planificación semanal",
            "Ayúdame a organizar mi semana",
            "Claro, empecemos por tus prioridades de la semana.",
        ),
        (
            "agt_finance_001",
            "Revisión de gastos",
            "¿Cómo van mis gastos?",
            "Tus gastos van dentro de lo presupuestado.",
        ),
        (
            "agt_health_001",
            "Rutina de ejercicio",
            "Quiero hacer más ejercicio",
            "Empieza con 30 minutos de caminata al día.",
        ),
        (
            "agt_finance_001",
            "Metas de ahorro",
            "Quiero ahorrar para un viaje",
            "Podrías apartar el 10% de tu ingreso mensual.",
        ),
        (
            "agt_personal_001",
            "Ideas para la cena",
            "¿Qué puedo cenar hoy?",
            "Una ensalada con pollo a la plancha es una buena opción.",
        ),
    ];
    for i in 0..25u32 {
        let (agent_id, title, question, answer) = TOPICS[(i % 5) as usize];
        let updated = now - Duration::hours(i64::from(i) * 7 + 3);
        let created = updated - Duration::minutes(12);
        let id = format!("conv_demo_{:03}", i + 1);
        let conv = Conversation {
            id: id.clone(),
            owner: DEMO_USER_ID.into(),
            agent_id: agent_id.into(),
            title: format!("{title} #{}", i + 1),
            created_at: created,
            updated_at: updated,
            touch: 900 - u64::from(i),
            messages: vec![
                msg(format!("msg_d{:03}a", i + 1), "user", question, created),
                msg(format!("msg_d{:03}b", i + 1), "assistant", answer, updated),
            ],
        };
        store.conversations.insert(id, conv);
    }
    for i in 0..3u32 {
        let updated = now - Duration::hours(i64::from(i) * 24 + 2);
        let id = format!("conv_admin_{:03}", i + 1);
        let conv = Conversation {
            id: id.clone(),
            owner: ADMIN_USER_ID.into(),
            agent_id: "agt_custom_admin01".into(),
            title: format!("Revisión de operaciones #{}", i + 1),
            created_at: updated - Duration::minutes(30),
            updated_at: updated,
            touch: 500 - u64::from(i),
            messages: vec![
                msg(
                    format!("msg_a{:03}a", i + 1),
                    "user",
                    "Resume los pendientes del equipo",
                    updated - Duration::minutes(30),
                ),
                msg(
                    format!("msg_a{:03}b", i + 1),
                    "assistant",
                    "Hay tres pendientes abiertos esta semana.",
                    updated,
                ),
            ],
        };
        store.conversations.insert(id, conv);
    }
}

fn demo_health(now: DateTime<Utc>) -> Health {
    let day = |offset: i64, hour: u32| {
        let d = (now + Duration::days(offset)).date_naive();
        at(d.year(), d.month(), d.day(), hour, 0, 0)
    };
    Health {
        id: "hlth_abc123".into(),
        blood_type: "O+".into(),
        height: json!(175),
        weight: json!(70),
        updated_at: "2025-10-15T10:40:00Z".into(),
        allergies: vec![json!({ "id": "alg_001", "name": "Penicilina", "severity": "HIGH" })],
        conditions: vec![json!({
            "id": "cond_001",
            "name": "Diabetes Tipo 2",
            "diagnosedAt": "2020-05-15T00:00:00Z"
        })],
        medications: vec![Medication {
            id: "med_001".into(),
            name: "Metformina".into(),
            dosage: "500mg".into(),
            frequency: "Cada 8 horas".into(),
            start_date: Some("2020-06-01T00:00:00Z".into()),
            instructions: Some("Tomar con alimentos".into()),
            is_active: true,
            adherence_rate: 92.5,
            created_at: "2020-06-01T00:00:00Z".into(),
        }],
        appointments: vec![
            Appointment {
                id: "apt_001".into(),
                title: "Consulta con Dr. García".into(),
                kind: "CHECKUP".into(),
                datetime: day(5, 14),
                location: "Hospital Central".into(),
                notes: "Llevar estudios de laboratorio".into(),
            },
            Appointment {
                id: "apt_002".into(),
                title: "Estudios de laboratorio".into(),
                kind: "LAB".into(),
                datetime: day(-30, 8),
                location: "Laboratorio Clínico Norte".into(),
                notes: "Ayuno de 8 horas".into(),
            },
            Appointment {
                id: "apt_003".into(),
                title: "Revisión con endocrinólogo".into(),
                kind: "SPECIALIST".into(),
                datetime: day(21, 10),
                location: "Clínica del Valle".into(),
                notes: "Llevar glucometría de dos semanas".into(),
            },
        ],
    }
}

fn admin_health(now: DateTime<Utc>) -> Health {
    let d = (now + Duration::days(10)).date_naive();
    Health {
        id: "hlth_adm001".into(),
        blood_type: "A+".into(),
        height: json!(168),
        weight: json!(62),
        updated_at: "2025-06-01T09:00:00Z".into(),
        allergies: vec![],
        conditions: vec![],
        medications: vec![Medication {
            id: "med_adm_001".into(),
            name: "Vitamina D".into(),
            dosage: "1000UI".into(),
            frequency: "Diario".into(),
            start_date: Some("2025-05-01T00:00:00Z".into()),
            instructions: None,
            is_active: true,
            adherence_rate: 88.0,
            created_at: "2025-05-01T00:00:00Z".into(),
        }],
        appointments: vec![Appointment {
            id: "apt_adm_001".into(),
            title: "Chequeo anual".into(),
            kind: "CHECKUP".into(),
            datetime: at(d.year(), d.month(), d.day(), 9, 30, 0),
            location: "Clínica Empresarial".into(),
            notes: "".into(),
        }],
    }
}

fn txn(
    id: String,
    account: &str,
    cents: i64,
    description: &str,
    category: &str,
    date: DateTime<Utc>,
    seq: u64,
) -> Transaction {
    Transaction {
        id,
        account_id: account.into(),
        amount: cents,
        description: description.into(),
        category: category.into(),
        date,
        created_at: fmt_time(date),
        seq,
    }
}

fn demo_finance(now: DateTime<Utc>) -> Finance {
    let this_month = month_start(now);
    let prev_month = month_start(this_month - Duration::days(1));
    // Current month: spread between the 1st and now (never in the future).
    let elapsed = (now - this_month).num_seconds().max(1);
    let current: [(&str, i64, &str, &str); 14] = [
        ("acc_001", 2_500_000, "Salario", "INCOME"),
        ("acc_001", -35_050, "Supermercado", "FOOD"),
        ("acc_001", -650_000, "Renta del departamento", "HOUSING"),
        ("acc_002", -42_000, "Restaurante", "FOOD"),
        ("acc_002", -45_000, "Gasolina", "TRANSPORT"),
        ("acc_001", -82_000, "Luz y agua", "UTILITIES"),
        ("acc_002", -61_525, "Mercado semanal", "FOOD"),
        ("acc_002", -29_900, "Cine y streaming", "ENTERTAINMENT"),
        ("acc_001", -65_050, "Farmacia", "HEALTH"),
        ("acc_002", -28_975, "Cafetería", "FOOD"),
        ("acc_002", -38_000, "Uber", "TRANSPORT"),
        ("acc_002", -50_000, "Ropa", "SHOPPING"),
        ("acc_001", -51_000, "Supermercado", "FOOD"),
        ("acc_002", -66_500, "Despensa", "FOOD"),
    ];
    let mut transactions = Vec::new();
    let mut seq = 0u64;
    for (i, (account, cents, description, category)) in current.iter().enumerate() {
        let date = if i == 0 {
            this_month
        } else {
            this_month + Duration::seconds(elapsed * i as i64 / 15)
        };
        seq += 1;
        transactions.push(txn(
            format!(
                "txn_{:03}",
                if i == 0 {
                    2
                } else if i == 1 {
                    1
                } else {
                    i + 1
                }
            ),
            account,
            *cents,
            description,
            category,
            date,
            seq,
        ));
    }
    // Previous month: salary plus 45 assorted expenses.
    let prev_days = (this_month - prev_month).num_days();
    const CATS: [(&str, &str); 8] = [
        ("FOOD", "Supermercado"),
        ("TRANSPORT", "Transporte"),
        ("ENTERTAINMENT", "Entretenimiento"),
        ("UTILITIES", "Servicios"),
        ("SHOPPING", "Compras"),
        ("HEALTH", "Consulta médica"),
        ("FOOD", "Restaurante"),
        ("EDUCATION", "Curso en línea"),
    ];
    seq += 1;
    transactions.push(txn(
        "txn_015".into(),
        "acc_001",
        2_500_000,
        "Salario",
        "INCOME",
        prev_month,
        seq,
    ));
    for i in 0..45i64 {
        let (category, description) = CATS[(i % 8) as usize];
        let cents = -(5_000 + (i * 13_757) % 90_000 + (i * 25) % 100);
        let date =
            prev_month + Duration::days(1 + i * (prev_days - 2) / 45) + Duration::hours(9 + i % 10);
        seq += 1;
        transactions.push(txn(
            format!("txn_{:03}", 16 + i),
            if i % 3 == 0 { "acc_001" } else { "acc_002" },
            cents,
            description,
            category,
            date,
            seq,
        ));
    }
    Finance {
        id: "fin_abc123".into(),
        currency: "MXN".into(),
        monthly_income: 2_500_000,
        total_assets: 15_000_000,
        total_liabilities: 8_000_000,
        accounts: vec![
            Account {
                id: "acc_001".into(),
                name: "Cuenta de Ahorro".into(),
                kind: "SAVINGS".into(),
                balance: 4_500_000,
                currency: "MXN".into(),
                institution: "BBVA".into(),
                credit_limit: None,
            },
            Account {
                id: "acc_002".into(),
                name: "Tarjeta de Crédito".into(),
                kind: "CREDIT_CARD".into(),
                balance: -1_200_000,
                currency: "MXN".into(),
                institution: "Santander".into(),
                credit_limit: Some(3_000_000),
            },
        ],
        transactions,
        budgets: vec![
            BudgetDef {
                id: "bdg_001".into(),
                label: "Alimentación".into(),
                category: "FOOD".into(),
                amount: 400_000,
            },
            BudgetDef {
                id: "bdg_002".into(),
                label: "Transporte".into(),
                category: "TRANSPORT".into(),
                amount: 80_000,
            },
            BudgetDef {
                id: "bdg_003".into(),
                label: "Entretenimiento".into(),
                category: "ENTERTAINMENT".into(),
                amount: 35_000,
            },
        ],
    }
}

fn admin_finance(now: DateTime<Utc>) -> Finance {
    let this_month = month_start(now);
    let transactions = vec![
        txn(
            "txn_adm_001".into(),
            "acc_adm_001",
            6_000_000,
            "Nómina",
            "INCOME",
            this_month,
            1,
        ),
        txn(
            "txn_adm_002".into(),
            "acc_adm_001",
            -120_000,
            "Supermercado",
            "FOOD",
            this_month + Duration::minutes(30),
            2,
        ),
        txn(
            "txn_adm_003".into(),
            "acc_adm_001",
            -30_000,
            "Estacionamiento",
            "TRANSPORT",
            this_month + Duration::minutes(45),
            3,
        ),
    ];
    Finance {
        id: "fin_adm001".into(),
        currency: "USD".into(),
        monthly_income: 6_000_000,
        total_assets: 40_000_000,
        total_liabilities: 5_000_000,
        accounts: vec![Account {
            id: "acc_adm_001".into(),
            name: "Checking".into(),
            kind: "CHECKING".into(),
            balance: 1_830_000,
            currency: "USD".into(),
            institution: "Chase".into(),
            credit_limit: None,
        }],
        transactions,
        budgets: vec![BudgetDef {
            id: "bdg_adm_001".into(),
            label: "Alimentación".into(),
            category: "FOOD".into(),
            amount: 300_000,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_rendering() {
        assert_eq!(money(-35_050), json!(-350.5));
        assert_eq!(money(2_500_000), json!(25000));
        assert_eq!(money(114_950).to_string(), "1149.5");
        assert_eq!(money_text(1_245_000), "12,450.00");
        assert_eq!(money_text(-5), "0.05");
        assert_eq!(money_text(100_000_000), "1,000,000.00");
    }

    #[test]
    fn seeded_demo_month_matches_the_seed_summary() {
        let now = Utc::now();
        let store = Store::seeded(now, "k1", "k2");
        let fin = &store.finance[DEMO_USER_ID];
        let start = month_start(now);
        let this_month: Vec<_> = fin
            .transactions
            .iter()
            .filter(|t| t.date >= start && t.date < next_month_start(now))
            .collect();
        let expenses: i64 = this_month
            .iter()
            .filter(|t| t.amount < 0)
            .map(|t| -t.amount)
            .sum();
        let food: i64 = this_month
            .iter()
            .filter(|t| t.amount < 0 && t.category == "FOOD")
            .map(|t| -t.amount)
            .sum();
        assert_eq!(expenses, 1_245_000);
        assert_eq!(food, 285_050);
        assert_eq!(fin.transactions.len(), 60);
        let mut ids: Vec<_> = fin.transactions.iter().map(|t| t.id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 60);
        assert!(fin.transactions.iter().all(|t| t.date <= now));
        assert_eq!(store.users.len(), 150);
    }
}
