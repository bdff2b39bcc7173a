//! Webhook verification and decoding (`agents_sdk::webhooks`) with arbitrary payloads,
//! signatures, headers and secrets.
//!
//! Input: `SECRETS\nSIGNATURE\nPAYLOAD`. `SECRETS` is a comma-separated list (a leading `~`
//! asks for a 300 s timestamp tolerance around 2025-10-15T10:30:00Z); `SIGNATURE` is used as
//! the `X-Webhook-Signature` value, except `!`, which stands for the correct signature of the
//! payload with the first secret (so the fuzzer gets past verification to the JSON decoding).
//!
//! Properties: nothing panics; a correct signature always verifies (also uppercase, with a
//! `sha256=` prefix, among other secrets); an accepted delivery carries a signature that is the
//! HMAC of the payload with one of the secrets; with a correct signature, `unwrap` succeeds
//! exactly when the payload is a webhook envelope (and, with a tolerance, its timestamp is
//! absent or close enough); the accepted event's wire form decodes back to the same event.
#![no_main]

use std::time::{Duration, UNIX_EPOCH};

use agents_sdk::webhooks::{self, VerifyOptions, WebhookEvent};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

/// 2025-10-15T10:30:00Z.
const NOW: u64 = 1_760_524_200;
const TOLERANCE: Duration = Duration::from_secs(300);

fn split_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}

fuzz_target!(|data: &[u8]| {
    let (secrets_line, rest) = split_line(data);
    let (signature_line, payload) = split_line(rest);
    let secrets_text = String::from_utf8_lossy(secrets_line);
    let (tolerant, secrets_text) = match secrets_text.strip_prefix('~') {
        Some(rest) => (true, rest),
        None => (false, &*secrets_text),
    };
    let secrets: Vec<&str> = secrets_text.split(',').collect();
    let opts = if tolerant {
        VerifyOptions {
            tolerance: Some(TOLERANCE),
            now: Some(UNIX_EPOCH + Duration::from_secs(NOW)),
        }
    } else {
        VerifyOptions {
            tolerance: None,
            now: None,
        }
    };
    let any_empty = secrets.iter().any(|s| s.is_empty());

    // The correct signature verifies, in every tolerated spelling, among the other secrets.
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        let good = webhooks::sign(payload, secret);
        assert_eq!(good.len(), 64);
        assert!(webhooks::verify(payload, &good, *secret).is_ok());
        let spellings = [
            good.to_ascii_uppercase(),
            format!("sha256={good}"),
            format!("  SHA256= {good}\t"),
        ];
        for spelling in &spellings {
            assert!(
                webhooks::verify(payload, spelling, *secret).is_ok(),
                "{spelling}"
            );
        }
        if !any_empty {
            assert!(webhooks::verify(payload, &good, &secrets).is_ok());
        }
    }

    let signature_text = String::from_utf8_lossy(signature_line);
    let signature = if signature_text == "!" {
        webhooks::sign(payload, secrets[0])
    } else {
        signature_text.into_owned()
    };
    let headers = vec![("x-WEBHOOK-signature".to_owned(), signature.clone())];
    let result = webhooks::unwrap(payload, &headers, &secrets, &opts);
    let direct = webhooks::unwrap_with_signature(payload, &signature, &secrets, &opts);
    assert_eq!(result.is_ok(), direct.is_ok());
    // `verify` is the first step of `unwrap`.
    let verified = webhooks::verify(payload, &signature, &secrets);
    if verified.is_err() {
        assert!(result.is_err());
    }
    if verified.is_ok() {
        assert!(!any_empty);
        let hex_part = signature.trim();
        let hex_part = match hex_part.get(..7) {
            Some(p) if p.eq_ignore_ascii_case("sha256=") => hex_part[7..].trim_start(),
            _ => hex_part,
        };
        assert!(
            secrets
                .iter()
                .any(|s| webhooks::sign(payload, s).eq_ignore_ascii_case(hex_part)),
            "accepted a signature that is no secret's HMAC"
        );
        let envelope = serde_json::from_slice::<WebhookEvent>(payload);
        match &envelope {
            Err(_) => assert!(
                result.is_err(),
                "accepted a payload that is not an envelope"
            ),
            Ok(event) if !tolerant => {
                assert_eq!(result.as_ref().ok(), Some(event));
            }
            Ok(event) => {
                // A payload without a timestamp has nothing to check.
                let close = event.timestamp.is_empty()
                    || webhooks::parse_timestamp(&event.timestamp).is_ok_and(|t| {
                        let now = UNIX_EPOCH + Duration::from_secs(NOW);
                        let skew = now
                            .duration_since(t)
                            .unwrap_or_else(|ahead| ahead.duration());
                        skew <= TOLERANCE
                    });
                assert_eq!(result.is_ok(), close, "timestamp {:?}", event.timestamp);
            }
        }
    }

    if let Ok(event) = &result {
        let value = serde_json::to_value(event).expect("an event serializes");
        let back = WebhookEvent::deserialize(&value).expect("an event's wire form decodes");
        assert_eq!(&back, event);
        let _ = event.time();
        let _ = format!("{event:?}");
    }
    // The signature line as a timestamp.
    let _ = webhooks::parse_timestamp(&signature);
});
