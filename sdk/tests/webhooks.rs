//! Webhook signing, verification and decoding (`agents_sdk::webhooks`).

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use agents_sdk::Error;
use agents_sdk::webhooks::{
    self, AlertData, ConversationCreatedData, MessageData, SIGNATURE_HEADER, VerifyOptions,
    WebhookData, WebhookEvent, WebhookEventType,
};
use serde_json::json;

const SECRET: &str = "whsec_your_secret";

/// The platform seed's example delivery, byte for byte as a server would send it.
const SEED_BODY: &str = r#"{"event": "message.sent", "timestamp": "2025-10-15T10:30:00Z", "data": {"messageId": "msg_abc123", "conversationId": "conv_xyz789", "userId": "usr_abc123", "content": "¿Cuánto he gastado?", "tokensUsed": 12}}"#;

/// HMAC-SHA256 of `SEED_BODY` keyed with `SECRET`, computed with an independent implementation
/// (Python's `hmac` module), as the seed's Node `verifyWebhookSignature` computes it.
const SEED_SIGNATURE: &str = "abe331b534c32c37801e821822bc429d8e2b8f704ad2624ca45e875c54af3146";

fn at(timestamp: &str) -> SystemTime {
    webhooks::parse_timestamp(timestamp).unwrap()
}

fn assert_verification_error(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(err @ Error::WebhookVerification { .. }) => {
            assert_eq!(err.class_name(), "WebhookVerificationError");
            err.to_string()
        }
        other => panic!("expected a webhook verification error, got {other:?}"),
    }
}

#[test]
fn sign_matches_known_answers() {
    // RFC 4231, test case 2.
    assert_eq!(
        webhooks::sign(b"what do ya want for nothing?", "Jefe"),
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    );
    // The seed's scheme: lowercase hex HMAC of the raw body.
    assert_eq!(webhooks::sign(SEED_BODY.as_bytes(), SECRET), SEED_SIGNATURE);
}

#[test]
fn sign_verify_round_trip() {
    for payload in [&b""[..], b"{}", SEED_BODY.as_bytes(), &[0u8, 255, 10, 13]] {
        let signature = webhooks::sign(payload, "s3cret");
        assert_eq!(signature.len(), 64);
        assert!(
            signature
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        );
        webhooks::verify(payload, &signature, ["s3cret"]).unwrap();
    }
}

#[test]
fn seed_node_semantics() {
    // verifyWebhookSignature(payload, signature, secret) compares the hex HMAC of the raw body.
    webhooks::verify(SEED_BODY.as_bytes(), SEED_SIGNATURE, [SECRET]).unwrap();
    // Re-serialising the JSON differently changes the bytes, so the signature no longer holds.
    let reformatted =
        serde_json::to_vec(&serde_json::from_str::<serde_json::Value>(SEED_BODY).unwrap()).unwrap();
    assert_ne!(reformatted, SEED_BODY.as_bytes());
    assert_verification_error(webhooks::verify(&reformatted, SEED_SIGNATURE, [SECRET]));
}

#[test]
fn tolerated_signature_spellings() {
    let body = SEED_BODY.as_bytes();
    for spelled in [
        format!("  {SEED_SIGNATURE}\n"),
        SEED_SIGNATURE.to_uppercase(),
        format!("sha256={SEED_SIGNATURE}"),
        format!("SHA256={}", SEED_SIGNATURE.to_uppercase()),
        format!(" sha256={SEED_SIGNATURE} "),
    ] {
        webhooks::verify(body, &spelled, [SECRET])
            .unwrap_or_else(|e| panic!("{spelled:?} refused: {e}"));
    }
}

#[test]
fn wrong_signature_is_refused() {
    let body = SEED_BODY.as_bytes();
    let mut wrong = SEED_SIGNATURE.to_owned();
    wrong.replace_range(63.., "0");
    assert_ne!(wrong, SEED_SIGNATURE);
    let msg = assert_verification_error(webhooks::verify(body, &wrong, [SECRET]));
    assert!(msg.contains("does not match"), "{msg}");
    // A correct signature for another body.
    let other = webhooks::sign(b"{}", SECRET);
    assert_verification_error(webhooks::verify(body, &other, [SECRET]));
}

#[test]
fn wrong_secret_is_refused() {
    assert_verification_error(webhooks::verify(
        SEED_BODY.as_bytes(),
        SEED_SIGNATURE,
        ["whsec_other"],
    ));
}

#[test]
fn rotation_accepts_old_and_new_secrets() {
    let body = SEED_BODY.as_bytes();
    let old_sig = webhooks::sign(body, "whsec_old");
    let new_sig = webhooks::sign(body, "whsec_new");
    let secrets = vec!["whsec_new".to_owned(), "whsec_old".to_owned()];
    webhooks::verify(body, &old_sig, &secrets).unwrap();
    webhooks::verify(body, &new_sig, &secrets).unwrap();
    let slice: &[&str] = &["whsec_new", "whsec_old"];
    webhooks::verify(body, &old_sig, slice).unwrap();
    webhooks::verify(body, &new_sig, ["whsec_new"]).unwrap();
    let msg = assert_verification_error(webhooks::verify(
        body,
        &webhooks::sign(body, "whsec_retired"),
        &secrets,
    ));
    assert!(msg.contains('2'), "{msg}");
}

#[test]
fn malformed_signatures_are_refused() {
    let body = SEED_BODY.as_bytes();
    for bad in [
        String::new(),
        "   ".to_owned(),
        "sha256=".to_owned(),
        "xyz".to_owned(),
        SEED_SIGNATURE[..63].to_owned(),
        format!("{SEED_SIGNATURE}00"),
        format!("{}zz", &SEED_SIGNATURE[..62]),
        format!("md5={SEED_SIGNATURE}"),
        format!("{}é", &SEED_SIGNATURE[..63]),
    ] {
        assert_verification_error(webhooks::verify(body, &bad, [SECRET]));
    }
}

#[test]
fn missing_or_empty_secrets_are_invalid_arguments() {
    let body = SEED_BODY.as_bytes();
    let none: [&str; 0] = [];
    assert!(matches!(
        webhooks::verify(body, SEED_SIGNATURE, none),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        webhooks::verify(body, SEED_SIGNATURE, [""]),
        Err(Error::InvalidArgument(_))
    ));
    // Also after a secret that matches: a misconfiguration is reported either way.
    assert!(matches!(
        webhooks::verify(body, SEED_SIGNATURE, [SECRET, ""]),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn errors_never_reveal_the_secret_or_the_expected_signature() {
    let body = SEED_BODY.as_bytes();
    let secret = "whsec_topsecretvalue";
    let expected = webhooks::sign(body, secret);
    let attempts: Vec<Result<(), Error>> = vec![
        webhooks::verify(body, SEED_SIGNATURE, [secret]),
        webhooks::verify(body, "garbage", [secret]),
        webhooks::verify(
            body,
            &webhooks::sign(b"x", secret),
            [secret, "whsec_second"],
        ),
        webhooks::unwrap_with_signature(body, SEED_SIGNATURE, [secret], &VerifyOptions::default())
            .map(|_| ()),
        webhooks::unwrap(
            body,
            &http::HeaderMap::new(),
            [secret],
            &VerifyOptions::default(),
        )
        .map(|_| ()),
    ];
    for result in attempts {
        let err = result.unwrap_err();
        for text in [err.to_string(), format!("{err:?}")] {
            assert!(!text.contains("topsecretvalue"), "{text}");
            assert!(!text.contains(&expected), "{text}");
        }
    }
}

#[test]
fn unwrap_seed_payload_into_typed_data() {
    let mut headers = http::HeaderMap::new();
    headers.insert("x-webhook-signature", SEED_SIGNATURE.parse().unwrap());
    headers.insert("x-webhook-id", "whd_0001".parse().unwrap());
    // The default 5-minute tolerance, checked as if the delivery arrived a minute after it
    // was sent.
    let event = webhooks::unwrap(
        SEED_BODY.as_bytes(),
        &headers,
        [SECRET],
        &VerifyOptions::default().at(at("2025-10-15T10:31:00Z")),
    )
    .unwrap();
    assert_eq!(event.id.as_deref(), Some("whd_0001"));
    assert_eq!(event.event, WebhookEventType::MessageSent);
    assert_eq!(event.timestamp, "2025-10-15T10:30:00Z");
    assert_eq!(
        event.data,
        WebhookData::MessageSent(MessageData {
            message_id: "msg_abc123".into(),
            conversation_id: "conv_xyz789".into(),
            user_id: "usr_abc123".into(),
            content: "¿Cuánto he gastado?".into(),
            tokens_used: 12,
        })
    );
    assert_eq!(event.raw_data()["tokensUsed"], 12);
    assert_eq!(event.time().unwrap(), at("2025-10-15T10:30:00Z"));
}

#[test]
fn unwrap_accepts_other_header_containers() {
    let body = SEED_BODY.as_bytes();
    let opts = VerifyOptions::no_tolerance();
    let pairs = vec![
        ("Content-Type".to_owned(), "application/json".to_owned()),
        ("X-WEBHOOK-SIGNATURE".to_owned(), SEED_SIGNATURE.to_owned()),
    ];
    assert!(webhooks::unwrap(body, &pairs, [SECRET], &opts).is_ok());
    assert!(webhooks::unwrap(body, &[(SIGNATURE_HEADER, SEED_SIGNATURE)], [SECRET], &opts).is_ok());
    let map: HashMap<&str, &str> = [("x-webhook-signature", SEED_SIGNATURE)].into();
    assert!(webhooks::unwrap(body, &map, [SECRET], &opts).is_ok());

    let msg = assert_verification_error(webhooks::unwrap(
        body,
        &[("Content-Type", "application/json")],
        [SECRET],
        &opts,
    ));
    assert!(msg.contains(SIGNATURE_HEADER), "{msg}");
}

fn signed_delivery(event: &str, timestamp: Option<&str>, data: serde_json::Value) -> Vec<u8> {
    let mut envelope = json!({ "event": event, "data": data });
    if let Some(ts) = timestamp {
        envelope["timestamp"] = json!(ts);
    }
    serde_json::to_vec(&envelope).unwrap()
}

fn unwrap_at(body: &[u8], now: SystemTime, tolerance: Duration) -> Result<WebhookEvent, Error> {
    let opts = VerifyOptions {
        tolerance: Some(tolerance),
        now: Some(now),
    };
    webhooks::unwrap_with_signature(body, &webhooks::sign(body, SECRET), [SECRET], &opts)
}

#[test]
fn tolerance_on_the_timestamp() {
    let five_min = Duration::from_secs(300);
    let sent = "2025-10-15T10:30:00Z";
    let body = signed_delivery("agent.invoked", Some(sent), json!({}));
    let t = at(sent);

    // Fresh, in both directions within the tolerance.
    assert!(unwrap_at(&body, t, five_min).is_ok());
    assert!(unwrap_at(&body, t + Duration::from_secs(299), five_min).is_ok());
    assert!(unwrap_at(&body, t - Duration::from_secs(299), five_min).is_ok());

    // Stale.
    let msg = assert_verification_error(unwrap_at(&body, t + Duration::from_secs(600), five_min));
    assert!(msg.contains("old"), "{msg}");
    // From the future.
    let msg = assert_verification_error(unwrap_at(&body, t - Duration::from_secs(600), five_min));
    assert!(msg.contains("future"), "{msg}");

    // An offset timestamp names the same instant.
    let offset = signed_delivery(
        "agent.invoked",
        Some("2025-10-15T12:30:00+02:00"),
        json!({}),
    );
    assert!(unwrap_at(&offset, t, Duration::from_secs(1)).is_ok());
}

#[test]
fn tolerance_requires_a_valid_timestamp() {
    let tolerance = Duration::from_secs(300);
    let now = SystemTime::now();
    // A payload signed without a timestamp has nothing to check (and a timestamp cannot be
    // removed from a signed payload without breaking the signature).
    let missing = signed_delivery("agent.invoked", None, json!({}));
    assert!(unwrap_at(&missing, now, tolerance).is_ok());
    for garbled in [
        "yesterday",
        "2025-10-15",
        "2025-02-30T00:00:00Z",
        "9999-99-99T99:99:99Z",
    ] {
        let body = signed_delivery("agent.invoked", Some(garbled), json!({}));
        assert_verification_error(unwrap_at(&body, now, tolerance));
    }
    // Without a tolerance the timestamp is not looked at.
    let event = webhooks::unwrap_with_signature(
        &missing,
        &webhooks::sign(&missing, SECRET),
        [SECRET],
        &VerifyOptions::no_tolerance(),
    )
    .unwrap();
    assert_eq!(event.timestamp, "");
}

#[test]
fn the_default_refuses_deliveries_older_than_five_minutes() {
    let body = signed_delivery("user.created", Some("2025-10-15T10:30:00Z"), json!({}));
    let signature = webhooks::sign(&body, SECRET);
    let check = |now: &str| {
        webhooks::unwrap_with_signature(
            &body,
            &signature,
            [SECRET],
            &VerifyOptions::default().at(at(now)),
        )
    };
    assert!(check("2025-10-15T10:34:59Z").is_ok());
    assert!(check("2025-10-15T10:25:01Z").is_ok());
    let msg = assert_verification_error(check("2025-10-15T10:35:01Z"));
    assert!(msg.contains("old"), "{msg}");
    let msg = assert_verification_error(check("2025-10-15T10:24:00Z"));
    assert!(msg.contains("future"), "{msg}");
    // With the real clock, the seed's 2025 example is far too old to be accepted by default.
    assert_verification_error(webhooks::unwrap_with_signature(
        &body,
        &signature,
        [SECRET],
        &VerifyOptions::default(),
    ));
}

#[test]
fn tolerance_with_the_real_clock() {
    let body = signed_delivery("user.created", Some("2001-01-01T00:00:00Z"), json!({}));
    let opts = VerifyOptions::with_tolerance(Duration::from_secs(300));
    assert_verification_error(webhooks::unwrap_with_signature(
        &body,
        &webhooks::sign(&body, SECRET),
        [SECRET],
        &opts,
    ));
}

#[test]
fn unknown_event_is_kept() {
    let body = signed_delivery(
        "invoice.paid",
        Some("2025-10-15T10:30:00Z"),
        json!({"invoiceId": "inv_1"}),
    );
    let event = unwrap_at(&body, at("2025-10-15T10:30:00Z"), Duration::from_secs(60)).unwrap();
    assert_eq!(
        event.event,
        WebhookEventType::Unknown("invoice.paid".into())
    );
    assert!(event.event.is_unknown());
    assert_eq!(event.event.to_string(), "invoice.paid");
    assert_eq!(
        event.data,
        WebhookData::Unknown(json!({"invoiceId": "inv_1"}))
    );
}

#[test]
fn known_event_with_unexpected_data_is_unknown_data() {
    let body = signed_delivery("message.sent", None, json!({"messageId": 5}));
    let event = webhooks::unwrap_with_signature(
        &body,
        &webhooks::sign(&body, SECRET),
        [SECRET],
        &VerifyOptions::default(),
    )
    .unwrap();
    assert_eq!(event.event, WebhookEventType::MessageSent);
    assert_eq!(event.data, WebhookData::Unknown(json!({"messageId": 5})));
    assert_eq!(event.raw_data(), &json!({"messageId": 5}));
}

#[test]
fn signed_body_that_is_not_an_envelope_is_a_decode_error() {
    for body in [&b"not json"[..], b"{\"data\": {}}", b"[1, 2]"] {
        let result = webhooks::unwrap_with_signature(
            body,
            &webhooks::sign(body, SECRET),
            [SECRET],
            &VerifyOptions::default(),
        );
        assert!(matches!(result, Err(Error::Decode { .. })), "{result:?}");
    }
}

#[test]
fn unsigned_garbage_is_a_verification_error_not_a_decode_error() {
    assert_verification_error(webhooks::unwrap_with_signature(
        b"not json",
        SEED_SIGNATURE,
        [SECRET],
        &VerifyOptions::default(),
    ));
}

fn decode(event: &str, data: serde_json::Value) -> WebhookEvent {
    serde_json::from_value(json!({
        "event": event,
        "timestamp": "2025-10-15T10:30:00Z",
        "data": data,
        "deliveryAttempt": 2
    }))
    .unwrap()
}

#[test]
fn typed_data_for_platform_events() {
    let created = decode(
        "conversation.created",
        json!({"conversationId": "conv_1", "agentId": "agt_1", "userId": "usr_1", "title": "T"}),
    );
    assert_eq!(
        created.data,
        WebhookData::ConversationCreated(ConversationCreatedData {
            conversation_id: "conv_1".into(),
            agent_id: Some("agt_1".into()),
            user_id: Some("usr_1".into()),
            title: Some("T".into()),
        })
    );
    let deleted = decode(
        "conversation.deleted",
        json!({"conversationId": "conv_1", "userId": "usr_1"}),
    );
    assert!(
        matches!(deleted.data, WebhookData::ConversationDeleted(ref d) if d.user_id == "usr_1")
    );
    let received = decode(
        "message.received",
        json!({"messageId": "msg_2", "conversationId": "conv_1", "userId": "usr_1",
               "content": "Hola", "tokensUsed": 30, "extra": true}),
    );
    assert!(matches!(received.data, WebhookData::MessageReceived(ref m) if m.tokens_used == 30));
    let agent = decode(
        "agent.created",
        json!({"agentId": "agt_2", "name": "Helper", "userId": "usr_1"}),
    );
    assert!(matches!(agent.data, WebhookData::AgentCreated(ref a) if a.name == "Helper"));
    let invoked = decode(
        "agent.invoked",
        json!({"agentId": "agt_2", "conversationId": "conv_1", "userId": "usr_1"}),
    );
    assert!(matches!(invoked.data, WebhookData::AgentInvoked(ref a) if a.agent_id == "agt_2"));
    let user = decode(
        "user.created",
        json!({"invitationId": "inv_1", "email": "a@example.com", "role": "USER"}),
    );
    assert!(matches!(user.data, WebhookData::UserCreated(ref u) if u.role == "USER"));
}

#[test]
fn typed_data_for_ops_events() {
    let critical = decode(
        "alert.critical",
        json!({"alert_id": "alr_1", "severity": "critical", "resource": "i-123", "message": "CPU"}),
    );
    assert_eq!(
        critical.data,
        WebhookData::AlertCritical(AlertData {
            alert_id: "alr_1".into(),
            severity: "critical".into(),
            resource: "i-123".into(),
            message: "CPU".into(),
        })
    );
    let warning = decode(
        "alert.warning",
        json!({"alert_id": "alr_2", "severity": "warning", "resource": "vm-1", "message": "disk"}),
    );
    assert!(matches!(warning.data, WebhookData::AlertWarning(ref a) if a.resource == "vm-1"));
    let tool = decode(
        "tool.executed",
        json!({"tool": "list_ec2_instances", "parameters": {"region": "us-east-1"},
               "success": true, "execution_time_ms": 42}),
    );
    match tool.data {
        WebhookData::ToolExecuted(t) => {
            assert_eq!(t.parameters["region"], "us-east-1");
            assert!(t.success);
            assert_eq!(t.execution_time_ms, 42);
        }
        other => panic!("{other:?}"),
    }
    let learned = decode(
        "api.learned",
        json!({"api_id": "api_jira", "name": "Jira API", "endpoints": 47}),
    );
    assert!(matches!(learned.data, WebhookData::ApiLearned(ref a) if a.endpoints == 47));
    // The ops form of conversation.created.
    let created = decode(
        "conversation.created",
        json!({"conversation_id": "conv_123", "title": "Gestión de AWS"}),
    );
    assert_eq!(
        created.data,
        WebhookData::ConversationCreated(ConversationCreatedData {
            conversation_id: "conv_123".into(),
            agent_id: None,
            user_id: None,
            title: Some("Gestión de AWS".into()),
        })
    );
}

#[test]
fn event_type_names_round_trip() {
    let all: Vec<WebhookEventType> = WebhookEventType::PLATFORM
        .iter()
        .chain(WebhookEventType::OPS.iter())
        .cloned()
        .collect();
    assert_eq!(all.len(), 12);
    for event in all {
        let name = event.as_str().to_owned();
        assert!(!event.is_unknown(), "{name}");
        assert_eq!(event.to_string(), name);
        assert_eq!(WebhookEventType::from_name(&name), event);
        assert_eq!(name.parse::<WebhookEventType>().unwrap(), event);
        let wire = serde_json::to_string(&event).unwrap();
        assert_eq!(wire, format!("\"{name}\""));
        assert_eq!(
            serde_json::from_str::<WebhookEventType>(&wire).unwrap(),
            event
        );
    }
    assert_eq!(
        WebhookEventType::from("Message.Sent"),
        WebhookEventType::Unknown("Message.Sent".into())
    );
}

#[test]
fn event_serializes_back_to_the_envelope() {
    let event: WebhookEvent = serde_json::from_str(SEED_BODY).unwrap();
    let value = serde_json::to_value(&event).unwrap();
    assert_eq!(
        value,
        serde_json::from_str::<serde_json::Value>(SEED_BODY).unwrap()
    );
    let rebuilt = WebhookEvent::new(
        WebhookEventType::MessageSent,
        "2025-10-15T10:30:00Z",
        value["data"].clone(),
    );
    assert_eq!(rebuilt, event);
}

#[test]
fn public_timestamp_parser() {
    let t = webhooks::parse_timestamp("2025-10-15T10:30:00.250Z").unwrap();
    let base = webhooks::parse_timestamp("2025-10-15T10:30:00Z").unwrap();
    assert_eq!(t.duration_since(base).unwrap(), Duration::from_millis(250));
    assert_eq!(
        base.duration_since(SystemTime::UNIX_EPOCH).unwrap(),
        Duration::from_secs(1_760_524_200)
    );
    assert!(matches!(
        webhooks::parse_timestamp("2025-10-15T10:30:00"),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
// the borrowed forms are what this test is about
#[allow(clippy::needless_borrows_for_generic_args)]
fn one_secret_or_many_in_any_container() {
    use agents_sdk::webhooks::{sign, verify};
    let body = br#"{"event":"message.sent","timestamp":"2025-10-15T10:30:00Z","data":{}}"#;
    let sig = sign(body, "whsec_new");
    verify(body, &sig, "whsec_new").unwrap();
    verify(body, &sig, String::from("whsec_new")).unwrap();
    verify(body, &sig, &String::from("whsec_new")).unwrap();
    verify(body, &sig, ["whsec_old", "whsec_new"]).unwrap();
    verify(body, &sig, &["whsec_old", "whsec_new"]).unwrap();
    verify(body, &sig, &["whsec_old", "whsec_new"][..]).unwrap();
    verify(
        body,
        &sig,
        vec!["whsec_old".to_owned(), "whsec_new".to_owned()],
    )
    .unwrap();
    assert!(verify(body, &sig, "whsec_old").is_err());
}

#[test]
fn the_delivery_id_survives_a_json_round_trip_and_stays_out_of_the_envelope_when_unknown() {
    let body = signed_delivery("user.created", Some("2025-10-15T10:30:00Z"), json!({}));
    let signature = webhooks::sign(&body, SECRET);
    let headers = [
        (SIGNATURE_HEADER, signature.as_str()),
        ("X-Webhook-Id", "whd_7"),
    ];
    let event =
        webhooks::unwrap(&body, &headers, [SECRET], &VerifyOptions::no_tolerance()).unwrap();
    assert_eq!(event.id.as_deref(), Some("whd_7"));
    let stored = serde_json::to_value(&event).unwrap();
    assert_eq!(stored["id"], "whd_7");
    let back: WebhookEvent = serde_json::from_value(stored).unwrap();
    assert_eq!(back, event);
    let without = webhooks::unwrap_with_signature(
        &body,
        &signature,
        [SECRET],
        &VerifyOptions::no_tolerance(),
    )
    .unwrap();
    assert!(serde_json::to_value(&without).unwrap().get("id").is_none());
}
