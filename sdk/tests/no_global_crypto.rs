//! The SDK never installs a process-wide rustls `CryptoProvider`: an HTTPS call (and the
//! WebSocket's TLS) use a configuration built with the `ring` provider per client. Its own
//! test binary, with no sandbox in the process.

use std::sync::Arc;

use agents_sdk::ops::AgentClient;
use rustls::pki_types::CertificateDer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

#[tokio::test]
async fn an_https_call_leaves_the_process_default_provider_unset() {
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned()])
        .unwrap()
        .self_signed(&key)
        .unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(
        vec![CertificateDer::from(cert.der().to_vec())],
        rustls::pki_types::PrivateKeyDer::try_from(key.serialize_der()).unwrap(),
    )
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let Ok(mut tls) = acceptor.accept(sock).await else {
                continue;
            };
            let mut buf = vec![0u8; 4096];
            let mut head = Vec::new();
            while !head.ends_with(b"\r\n\r\n") {
                match tls.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            let body = br#"{"error":{"code":"NOT_FOUND","message":"nothing here"}}"#;
            let answer = format!(
                "HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            );
            let _ = tls.write_all(answer.as_bytes()).await;
            let _ = tls.write_all(body).await;
            let _ = tls.shutdown().await;
        }
    });

    assert!(rustls::crypto::CryptoProvider::get_default().is_none());
    let client = AgentClient::builder()
        .api_key("k")
        .base_url(format!("https://127.0.0.1:{port}"))
        .ca_bundle_pem(cert.pem())
        .max_retries(0)
        .build()
        .unwrap();
    let err = client.metrics().get().await.unwrap_err();
    // the TLS handshake worked: the answer is the server's 404
    assert_eq!(err.status(), Some(404), "{err:?}");
    assert!(rustls::crypto::CryptoProvider::get_default().is_none());
}
