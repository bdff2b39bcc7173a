//! End to end against the sandbox over real HTTP and SSE: every platform operation, the error
//! classes from real answers, and the fault scenarios.

use std::time::Duration;

use agents_sandbox::{Sandbox, WebhookSink};
use agents_sdk::platform::*;
use agents_sdk::{
    ApiErrorKind, Error, Money, RequestOptions, ResponseCapture, TimeoutPhase, webhooks,
};
use futures::{StreamExt, TryStreamExt};

async fn setup() -> (Sandbox, Client, Client) {
    let sb = Sandbox::start().await.unwrap();
    let user = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.platform_url())
        .build()
        .unwrap();
    let admin = Client::builder()
        .api_key(sb.admin_api_key())
        .base_url(sb.platform_url())
        .build()
        .unwrap();
    (sb, user, admin)
}

fn fault(spec: &str) -> RequestOptions {
    RequestOptions::new().header("X-Sandbox-Fault", spec)
}

fn kind(e: &Error) -> ApiErrorKind {
    e.as_api()
        .unwrap_or_else(|| panic!("not an API error: {e:?}"))
        .kind
}

#[tokio::test]
async fn auth_operations() {
    let (sb, user, _) = setup().await;
    let url = user.auth().sign_in_url().await.unwrap();
    assert!(url.starts_with("https://"), "{url}");
    let session = user.auth().session().await.unwrap();
    assert_eq!(session.user.id, "usr_abc123");
    let key = user.auth().create_api_key().await.unwrap();
    assert!(key.api_key.starts_with("cj_live_"));
    assert!(!format!("{key:?}").contains(&key.api_key));
    // the new key works and belongs to the same user
    let other = Client::builder()
        .api_key(&key.api_key)
        .base_url(sb.platform_url())
        .build()
        .unwrap();
    assert_eq!(other.users().me().await.unwrap().id, "usr_abc123");
    let out = user.auth().sign_out().await.unwrap();
    assert!(!out.message.is_empty());
    // a wrong key is an AuthenticationError with a request id
    let bad = Client::builder()
        .api_key("cj_live_wrong")
        .base_url(sb.platform_url())
        .build()
        .unwrap();
    let err = bad.users().me().await.unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::Authentication);
    assert!(err.request_id().unwrap().starts_with("req_"));
}

#[tokio::test]
async fn users_operations_and_roles() {
    let (_sb, user, admin) = setup().await;
    let capture = ResponseCapture::new();
    let me = user
        .users()
        .with_options(RequestOptions::new().capture(&capture))
        .me()
        .await
        .unwrap();
    assert_eq!(me.email, "user@example.com");
    assert_eq!(me.role, Role::User);
    assert_eq!(me.subscription_tier, SubscriptionTier::Free);
    let meta = capture.get().unwrap();
    assert!(meta.request_id.unwrap().starts_with("req_"));
    assert!(meta.rate_limit.unwrap().limit.is_some());

    let updated = user
        .users()
        .update_me(
            UpdateMeParams::new()
                .name("John Smith")
                .preferences(serde_json::json!({"theme": "dark", "notifications": true})),
        )
        .await
        .unwrap();
    assert_eq!(updated.name.as_deref(), Some("John Smith"));

    // admin-only routes
    let err = user
        .users()
        .list(Default::default())
        .first_page()
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::PermissionDenied);

    let mut pages = admin.users().list(ListUsersParams::new().limit(50));
    let first = pages.next_page().await.unwrap().unwrap();
    assert_eq!(first.pagination.page, 1);
    assert!(first.pagination.pages >= 2, "{:?}", first.pagination);
    let total = first.pagination.total;
    let all: Vec<UserSummary> = admin
        .users()
        .list(ListUsersParams::new().limit(50))
        .collect_all()
        .await
        .unwrap();
    assert_eq!(all.len() as u64, total);

    let filtered = admin
        .users()
        .list(ListUsersParams::new().search("john").role(Role::User))
        .collect_all()
        .await
        .unwrap();
    assert!(!filtered.is_empty());
    assert!(filtered.iter().all(|u| u.role == Role::User));

    let inv = admin
        .users()
        .invite(
            InviteUserParams::new("newuser@example.com")
                .role(Role::User)
                .message("Welcome"),
        )
        .await
        .unwrap();
    assert!(inv.invitation_id.starts_with("inv_"));
    let err = admin
        .users()
        .invite(InviteUserParams::new("user@example.com"))
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::Conflict);
    let err = admin
        .users()
        .invite(InviteUserParams::new("not-an-email"))
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::BadRequest);
    assert!(err.as_api().unwrap().details.get("field").is_some());

    let victim = all
        .iter()
        .find(|u| u.id != "usr_abc123" && u.role == Role::User)
        .unwrap();
    let deleted = admin.users().delete(&victim.id).await.unwrap();
    assert_eq!(deleted.deleted_user_id, victim.id);
    let err = admin.users().delete(&victim.id).await.unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::NotFound);
    let err = user.users().delete("usr_abc123").await.unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::PermissionDenied);
}

#[tokio::test]
async fn agents_operations() {
    let (_sb, user, admin) = setup().await;
    let list = user.agents().list(Default::default()).await.unwrap();
    assert!(list.agents.iter().any(|a| a.id == "agt_personal_001"));
    let personal = user
        .agents()
        .list(ListAgentsParams {
            category: Some(AgentCategory::Personal),
            is_public: Some(true),
        })
        .await
        .unwrap();
    assert!(
        personal
            .agents
            .iter()
            .all(|a| a.category == Some(AgentCategory::Personal))
    );
    let agent = user.agents().get("agt_personal_001").await.unwrap();
    assert_eq!(agent.name, "Personal Assistant");
    assert!(agent.config.is_some());

    let created = user
        .agents()
        .create(
            CreateAgentParams::new("My Custom Agent")
                .description("An agent for X task")
                .model("gemini-2.0-flash-exp")
                .config(AgentConfig {
                    temperature: Some(0.8),
                    max_tokens: Some(4000),
                    top_p: None,
                })
                .system_prompt("You are a helpful assistant that...")
                .is_public(false),
        )
        .await
        .unwrap();
    assert!(created.id.starts_with("agt_custom_"));
    let err = user
        .agents()
        .create(CreateAgentParams::new(""))
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::BadRequest);
    // the admin cannot see the user's private agent in its list, but may delete it
    let admin_list = admin.agents().list(Default::default()).await.unwrap();
    assert!(!admin_list.agents.iter().any(|a| a.id == created.id));
    let admin_agent = admin
        .agents()
        .create(CreateAgentParams::new("Admin agent").is_public(true))
        .await
        .unwrap();
    let err = user.agents().delete(&admin_agent.id).await.unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::PermissionDenied);
    let del = user.agents().delete(&created.id).await.unwrap();
    assert_eq!(del.deleted_agent_id, created.id);
    let err = user.agents().get(&created.id).await.unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::NotFound);
}

#[tokio::test]
async fn conversations_and_streaming() {
    let (_sb, user, admin) = setup().await;
    let first = user
        .conversations()
        .list(ListConversationsParams::new().limit(10))
        .first_page()
        .await
        .unwrap();
    assert_eq!(first.conversations.len(), 10);
    assert!(first.pagination.has_more);
    let all: Vec<Conversation> = user
        .conversations()
        .list(ListConversationsParams::new().limit(10))
        .collect_all()
        .await
        .unwrap();
    assert!(all.len() > 10);
    let mut ids: Vec<_> = all.iter().map(|c| c.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "pages must not repeat items");
    assert!(all.iter().any(|c| c.id == "conv_abc123"));
    // isolation: the admin does not see the user's conversations
    let err = admin
        .conversations()
        .get("conv_abc123", Default::default())
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::NotFound);

    let conv = user
        .conversations()
        .get(
            "conv_abc123",
            GetConversationParams {
                message_limit: Some(50),
            },
        )
        .await
        .unwrap();
    assert_eq!(conv.messages[0].id, "msg_001");
    let err = user
        .conversations()
        .get(
            "conv_abc123",
            GetConversationParams {
                message_limit: Some(500),
            },
        )
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::BadRequest);

    let handle = user
        .conversations()
        .create(
            CreateConversationParams::new("agt_personal_001")
                .title("Consulta financiera")
                .initial_message("¿Cuánto puedo ahorrar este mes?"),
        )
        .await
        .unwrap();
    // the answer to the initial message
    let initial = handle.stream().await.unwrap().collect_text().await.unwrap();
    assert!(!initial.text.is_empty());
    let mut stream = handle
        .send_message("¿Cuánto he gastado este mes?")
        .await
        .unwrap();
    let mut tokens = 0;
    while let Some(ev) = stream.next().await {
        if let ConversationEvent::Token(_) = ev.unwrap() {
            tokens += 1;
        }
    }
    assert!(tokens > 3);
    assert!(stream.text().contains('$'), "{}", stream.text());
    assert!(stream.message_id().unwrap().starts_with("msg_"));
    assert!(stream.tokens_used().unwrap() > 0);
    let med = user
        .conversations()
        .send_message(handle.id(), "¿Cuándo debo tomar mi metformina?")
        .await
        .unwrap()
        .collect_text()
        .await
        .unwrap();
    assert!(
        med.text.to_lowercase().contains("metformina"),
        "{}",
        med.text
    );
    let stored = user
        .conversations()
        .get(handle.id(), Default::default())
        .await
        .unwrap();
    assert!(stored.messages.len() >= 6, "{}", stored.messages.len());
    let del = user.conversations().delete(handle.id()).await.unwrap();
    assert_eq!(del.deleted_conversation_id, handle.id());
    let err = user
        .conversations()
        .send_message(handle.id(), "hola")
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::NotFound);
    let err = user
        .conversations()
        .send_message("conv_abc123", "")
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Api(_) | Error::InvalidArgument(_)),
        "{err:?}"
    );
}

#[tokio::test]
async fn health_operations() {
    let (_sb, user, admin) = setup().await;
    let profile = user.health().profile().await.unwrap();
    assert_eq!(profile.blood_type.as_deref(), Some("O+"));
    assert_eq!(profile.allergies[0].name, "Penicilina");
    let updated = user
        .health()
        .update_profile(
            UpdateHealthProfileParams::new()
                .blood_type("A+")
                .height(180.0)
                .weight(72.5),
        )
        .await
        .unwrap();
    assert_eq!(updated.blood_type.as_deref(), Some("A+"));
    let err = user
        .health()
        .update_profile(UpdateHealthProfileParams::new().blood_type("Z"))
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::BadRequest);
    let meds = user.health().medications().list().await.unwrap();
    assert!(meds.medications.iter().any(|m| m.id == "med_001"));
    let med = user
        .health()
        .medications()
        .create(
            CreateMedicationParams::new("Losartán", "50mg", "Cada 24 horas")
                .instructions("Por la mañana"),
        )
        .await
        .unwrap();
    assert!(med.id.starts_with("med_"));
    assert_eq!(
        user.health()
            .medications()
            .list()
            .await
            .unwrap()
            .medications
            .len(),
        meds.medications.len() + 1
    );
    let apts = user
        .health()
        .appointments()
        .list(ListAppointmentsParams::new().upcoming(true))
        .await
        .unwrap();
    assert!(apts.appointments.iter().any(|a| a.id == "apt_001"));
    let err = user
        .health()
        .appointments()
        .list(ListAppointmentsParams::new().from("garbage"))
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::BadRequest);
    // isolation
    let other = admin.health().medications().list().await.unwrap();
    assert!(!other.medications.iter().any(|m| m.id == med.id));
}

#[tokio::test]
async fn finance_operations() {
    let (_sb, user, _admin) = setup().await;
    let profile = user.finance().profile().await.unwrap();
    assert_eq!(profile.currency.as_deref(), Some("MXN"));
    let accounts = user.finance().accounts().list().await.unwrap();
    let savings = accounts
        .accounts
        .iter()
        .find(|a| a.id == "acc_001")
        .unwrap();
    assert_eq!(savings.kind, AccountType::Savings);
    let before = savings.balance;

    let mut pages = user.finance().transactions().list(
        ListTransactionsParams::new()
            .account_id("acc_001")
            .limit(10),
    );
    let page = pages.next_page().await.unwrap().unwrap();
    let summary = page.summary;
    assert_eq!(
        summary.net_flow,
        summary.total_income - summary.total_expenses
    );
    let all: Vec<Transaction> = user
        .finance()
        .transactions()
        .list(
            ListTransactionsParams::new()
                .account_id("acc_001")
                .limit(10),
        )
        .into_items()
        .try_collect()
        .await
        .unwrap();
    assert!(all.len() > 10);
    assert!(all.iter().all(|t| t.account_id == "acc_001"));

    let amount: Money = "-150.00".parse().unwrap();
    let txn = user
        .finance()
        .transactions()
        .create(
            CreateTransactionParams::new("acc_001", amount, "Gasolina")
                .category(TransactionCategory::Transport)
                .date("2025-10-15T08:00:00Z"),
        )
        .await
        .unwrap();
    assert_eq!(txn.amount, amount);
    let after = user.finance().accounts().list().await.unwrap();
    let savings_after = after.accounts.iter().find(|a| a.id == "acc_001").unwrap();
    assert_eq!(savings_after.balance, before + amount);
    let err = user
        .finance()
        .transactions()
        .create(CreateTransactionParams::new(
            "acc_999",
            "10".parse::<Money>().unwrap(),
            "x",
        ))
        .await
        .unwrap_err();
    assert!(matches!(
        kind(&err),
        ApiErrorKind::NotFound | ApiErrorKind::BadRequest
    ));

    let budgets = user.finance().budgets().list().await.unwrap();
    let food = budgets.budgets.iter().find(|b| b.id == "bdg_001").unwrap();
    let amount = food.amount;
    let spent = food.spent;
    assert_eq!(food.remaining, amount - spent);
    assert!(matches!(
        food.status,
        BudgetStatus::OnTrack | BudgetStatus::Warning | BudgetStatus::Exceeded
    ));
}

#[tokio::test]
async fn webhook_deliveries_verify() {
    let (_sb, user, _) = setup().await;
    let sink = WebhookSink::start().await.unwrap();
    let secret = "whsec_e2e_secret";
    let hook = user
        .webhooks()
        .create(CreateWebhookParams::new(
            sink.url(),
            ["conversation.created", "message.sent"],
            secret,
        ))
        .await
        .unwrap();
    assert!(hook.id.starts_with("wh_"));
    let err = user
        .webhooks()
        .create(CreateWebhookParams::new(
            sink.url(),
            ["no.such.event"],
            secret,
        ))
        .await
        .unwrap_err();
    assert_eq!(kind(&err), ApiErrorKind::BadRequest);

    sink.fail_next(1); // the first attempt fails, the sandbox retries
    let conv = user
        .conversations()
        .create(CreateConversationParams::new("agt_personal_001").title("hook"))
        .await
        .unwrap();
    let d = sink
        .next_delivery(Duration::from_secs(10))
        .await
        .expect("a delivery");
    let event = webhooks::unwrap(
        &d.body,
        &d.headers,
        ["whsec_old", secret],
        &webhooks::VerifyOptions {
            tolerance: Some(Duration::from_secs(300)),
            now: None,
        },
    )
    .unwrap();
    assert_eq!(event.event.as_str(), "conversation.created");
    assert!(sink.failed_count() >= 1);
    assert!(webhooks::unwrap(&d.body, &d.headers, ["whsec_wrong"], &Default::default()).is_err());
    user.conversations()
        .send_message(conv.id(), "hola")
        .await
        .unwrap()
        .collect_text()
        .await
        .unwrap();
    let d = sink
        .next_delivery(Duration::from_secs(10))
        .await
        .expect("message.sent");
    let ev = user
        .webhooks()
        .unwrap(&d.body, &d.headers, [secret], &Default::default())
        .unwrap();
    assert_eq!(ev.event.as_str(), "message.sent");
    let sig = user.webhooks().sign(&d.body, secret);
    user.webhooks().verify(&d.body, &sig, [secret]).unwrap();
}

#[tokio::test]
async fn retries_recover_from_a_503_and_a_429_burst() {
    let (_sb, user, _) = setup().await;
    let capture = ResponseCapture::new();
    let list = user
        .agents()
        .with_options(fault("status=503;count=2;id=burst-503").capture(&capture))
        .list(Default::default())
        .await
        .unwrap();
    assert!(!list.agents.is_empty());
    assert_eq!(capture.get().unwrap().attempts, 3);
    let list = user
        .agents()
        .with_options(fault("status=429;count=1;retry_after=1;id=burst-429").capture(&capture))
        .list(Default::default())
        .await
        .unwrap();
    assert!(!list.agents.is_empty());
    assert_eq!(capture.get().unwrap().attempts, 2);
    // without retries, each class arrives as itself
    for (status, k) in [
        (429, ApiErrorKind::RateLimit),
        (500, ApiErrorKind::InternalServer),
        (503, ApiErrorKind::ServiceUnavailable),
    ] {
        let err = user
            .agents()
            .with_options(fault(&format!("status={status}")).max_retries(0))
            .list(Default::default())
            .await
            .unwrap_err();
        assert_eq!(kind(&err), k, "{status}");
        if status == 429 {
            assert!(err.as_api().unwrap().retry_after.is_some());
        }
    }
}

#[tokio::test]
async fn malformed_body_and_latency_faults() {
    let (_sb, user, _) = setup().await;
    let err = user
        .agents()
        .with_options(fault("malformed=1"))
        .list(Default::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    let err = user
        .agents()
        .with_options(fault("latency=2000").timeout(Duration::from_millis(300)))
        .list(Default::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
}

#[tokio::test]
async fn stream_faults_cut_and_stall() {
    let sb = Sandbox::start().await.unwrap();
    let user = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.platform_url())
        .stream_idle_timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    let cut = user
        .conversations()
        .with_options(fault("cut_after=2"))
        .send_message("conv_abc123", "hola")
        .await
        .unwrap()
        .collect_text()
        .await;
    assert!(
        matches!(cut, Err(Error::IncompleteStream { received: 2 })),
        "{cut:?}"
    );
    let mut stalled = user
        .conversations()
        .with_options(fault("stall_after=1"))
        .send_message("conv_abc123", "hola")
        .await
        .unwrap();
    assert!(stalled.next().await.unwrap().is_ok());
    let err = stalled.next().await.unwrap().unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                phase: TimeoutPhase::StreamIdle,
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn many_concurrent_streams_on_one_client() {
    let (_sb, user, _) = setup().await;
    let futs = (0..200).map(|i| {
        let user = user.clone();
        async move {
            user.conversations()
                .with_options(RequestOptions::new().query("tokens", "50"))
                .send_message("conv_abc123", format!("hola {i}"))
                .await?
                .collect_text()
                .await
        }
    });
    let results = futures::future::join_all(futs).await;
    for r in results {
        let done = r.unwrap();
        assert!(!done.text.is_empty());
    }
}
