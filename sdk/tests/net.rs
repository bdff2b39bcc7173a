//! Proxies and custom CA bundles on the wire: a local HTTP proxy (raw TCP; absolute-form
//! requests are forwarded, `CONNECT` is tunnelled) and a TLS front with a self-signed CA
//! (rcgen, served with tokio-rustls) in front of the sandbox.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use agents_sandbox::Sandbox;
use agents_sdk::Error;
use agents_sdk::ops::{AgentClient, ChatEvent};
use agents_sdk::platform::Client;
use futures::StreamExt;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A test CA and a server certificate for `localhost` and `127.0.0.1` signed by it.
struct Pki {
    ca_pem: String,
    cert_pem: String,
    key_pem: String,
}

fn make_pki() -> Pki {
    use rcgen::{
        BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose,
        IsCa, KeyPair, KeyUsagePurpose,
    };
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "agents-sdk test CA");
    ca_params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let ca = CertifiedIssuer::self_signed(ca_params, KeyPair::generate().unwrap()).unwrap();
    let mut params =
        CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()]).unwrap();
    params
        .distinguished_name
        .push(DnType::CommonName, "localhost");
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let key = KeyPair::generate().unwrap();
    let cert = params.signed_by(&key, &ca).unwrap();
    Pki {
        ca_pem: ca.pem(),
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
    }
}

fn fixture_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/tls")
}

/// A TLS front on 127.0.0.1 that forwards the decrypted bytes to `backend`.
async fn tls_front(cert_pem: &str, key_pem: &str, backend: SocketAddr) -> SocketAddr {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(cert_pem.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_slice(key_pem.as_bytes()).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else {
                return;
            };
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A client that does not trust the CA aborts the handshake: nothing to forward.
                let Ok(mut tls) = acceptor.accept(sock).await else {
                    return;
                };
                let Ok(mut up) = TcpStream::connect(backend).await else {
                    return;
                };
                let _ = tokio::io::copy_bidirectional(&mut tls, &mut up).await;
            });
        }
    });
    addr
}

type Log = Arc<Mutex<Vec<String>>>;

/// A tiny HTTP proxy: records each connection's request head, tunnels `CONNECT`, and forwards
/// an absolute-form request (and the rest of the connection) to its origin.
async fn start_proxy() -> (String, Log) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let log: Log = Arc::default();
    let seen = log.clone();
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(proxy_connection(sock, seen.clone()));
        }
    });
    (format!("http://{addr}"), log)
}

async fn proxy_connection(mut sock: TcpStream, log: Log) {
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        match sock.read_u8().await {
            Ok(b) => head.push(b),
            Err(_) => return,
        }
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    log.lock().unwrap().push(text.clone());
    let line = text.lines().next().unwrap_or_default().to_owned();
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if method == "CONNECT" {
        let Ok(mut up) = TcpStream::connect(target).await else {
            let _ = sock.write_all(b"HTTP/1.1 502 Bad Gateway\r\n\r\n").await;
            return;
        };
        sock.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
            .await
            .unwrap();
        let _ = tokio::io::copy_bidirectional(&mut sock, &mut up).await;
    } else {
        let url = url::Url::parse(target).unwrap();
        let origin = format!(
            "{}:{}",
            url.host_str().unwrap(),
            url.port_or_known_default().unwrap()
        );
        let Ok(mut up) = TcpStream::connect(origin).await else {
            return;
        };
        up.write_all(&head).await.unwrap();
        let _ = tokio::io::copy_bidirectional(&mut sock, &mut up).await;
    }
}

fn lines(log: &Log) -> Vec<String> {
    log.lock().unwrap().clone()
}

fn addr_of(url: &str) -> SocketAddr {
    let u = url::Url::parse(url).unwrap();
    format!("{}:{}", u.host_str().unwrap(), u.port().unwrap())
        .parse()
        .unwrap()
}

async fn chat_to_done(client: &AgentClient) {
    let mut session = client.realtime().connect().await.unwrap();
    session
        .chat(None, "Lista las instancias EC2")
        .await
        .unwrap();
    loop {
        let ev = session.next().await.expect("stream ended").unwrap();
        if matches!(ev, ChatEvent::Done { .. }) {
            break;
        }
    }
    session.close().await.unwrap();
}

fn temp_file(name: &str, contents: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!(
        "agents-sdk-net-{}-{}-{name}",
        std::process::id(),
        uuid::Uuid::new_v4()
    ));
    std::fs::write(&path, contents).unwrap();
    path
}

#[tokio::test]
async fn platform_calls_ops_calls_and_the_websocket_go_through_the_proxy() {
    let sb = Sandbox::start().await.unwrap();
    let (proxy, log) = start_proxy().await;
    let platform = addr_of(&sb.platform_url());
    let ops = addr_of(&sb.ops_url());

    let client = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.platform_url())
        .proxy(&proxy)
        .build()
        .unwrap();
    client.agents().list(Default::default()).await.unwrap();
    let expected = format!("GET http://{platform}/api/agents");
    assert!(
        lines(&log).iter().any(|l| l.starts_with(&expected)),
        "{:?}",
        lines(&log)
    );

    // credentials in the proxy URL become Proxy-Authorization on the tunnel
    let with_auth = proxy.replace("http://", "http://user:s3cret@");
    let agent = AgentClient::builder()
        .api_key(sb.ops_api_key())
        .base_url(sb.ops_url())
        .proxy(with_auth)
        .build()
        .unwrap();
    agent.metrics().get().await.unwrap();
    assert!(
        lines(&log)
            .iter()
            .any(|l| l.starts_with(&format!("GET http://{ops}/api/metrics"))),
        "{:?}",
        lines(&log)
    );
    chat_to_done(&agent).await;
    let connect = lines(&log)
        .into_iter()
        .find(|l| l.starts_with(&format!("CONNECT {ops} HTTP/1.1")))
        .unwrap_or_else(|| panic!("no CONNECT in {:?}", lines(&log)));
    // base64("user:s3cret")
    assert!(
        connect.contains("Proxy-Authorization: Basic dXNlcjpzM2NyZXQ="),
        "{connect}"
    );
    // settings' Debug output does not show the proxy password
    let mut settings = agents_sdk::ClientSettings::default();
    settings.proxy = Some(proxy.replace("http://", "http://user:s3cret@"));
    let shown = format!("{settings:?}");
    assert!(
        !shown.contains("s3cret") && shown.contains("proxy"),
        "{shown}"
    );
}

#[tokio::test]
async fn a_dead_proxy_fails_http_calls_and_the_websocket() {
    let sb = Sandbox::start().await.unwrap();
    let dead = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let dead_url = format!("http://{}", dead.local_addr().unwrap());
    drop(dead);
    let client = Client::builder()
        .api_key(sb.api_key())
        .base_url(sb.platform_url())
        .proxy(&dead_url)
        .max_retries(0)
        .build()
        .unwrap();
    let err = client.agents().list(Default::default()).await.unwrap_err();
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
    let agent = AgentClient::builder()
        .api_key(sb.ops_api_key())
        .base_url(sb.ops_url())
        .proxy(&dead_url)
        .build()
        .unwrap();
    let err = agent.realtime().connect().await.unwrap_err();
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
}

#[tokio::test]
async fn https_and_wss_need_the_ca_bundle() {
    let sb = Sandbox::start().await.unwrap();
    let pki = make_pki();
    let platform = tls_front(&pki.cert_pem, &pki.key_pem, addr_of(&sb.platform_url())).await;
    let ops = tls_front(&pki.cert_pem, &pki.key_pem, addr_of(&sb.ops_url())).await;
    let platform_url = format!("https://127.0.0.1:{}/api", platform.port());
    let ops_url = format!("https://localhost:{}", ops.port());

    // without the CA: the certificate is refused
    let plain = Client::builder()
        .api_key(sb.api_key())
        .base_url(&platform_url)
        .max_retries(0)
        .build()
        .unwrap();
    let err = plain.agents().list(Default::default()).await.unwrap_err();
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
    assert!(err.to_string().contains("certificate"), "{err}");
    let plain_ops = AgentClient::builder()
        .api_key(sb.ops_api_key())
        .base_url(&ops_url)
        .build()
        .unwrap();
    let err = plain_ops.realtime().connect().await.unwrap_err();
    assert!(matches!(err, Error::Connection { .. }), "{err:?}");
    assert!(err.to_string().contains("certificate"), "{err}");

    // with the CA as a file (HTTP) and as PEM bytes (HTTP and WebSocket)
    let ca_file = temp_file("ca.pem", pki.ca_pem.as_bytes());
    let trusted = Client::builder()
        .api_key(sb.api_key())
        .base_url(&platform_url)
        .ca_bundle(&ca_file)
        .build()
        .unwrap();
    trusted.agents().list(Default::default()).await.unwrap();
    let trusted_ops = AgentClient::builder()
        .api_key(sb.ops_api_key())
        .base_url(&ops_url)
        .ca_bundle_pem(pki.ca_pem.as_bytes())
        .build()
        .unwrap();
    trusted_ops.metrics().get().await.unwrap();
    chat_to_done(&trusted_ops).await;
    // a handle with a new pool keeps the bundle
    trusted_ops
        .with_new_connection_pool()
        .unwrap()
        .metrics()
        .get()
        .await
        .unwrap();

    // another CA does not do
    let other = make_pki();
    let wrong = Client::builder()
        .api_key(sb.api_key())
        .base_url(&platform_url)
        .ca_bundle_pem(other.ca_pem.as_bytes())
        .max_retries(0)
        .build()
        .unwrap();
    assert!(wrong.agents().list(Default::default()).await.is_err());
    let _ = std::fs::remove_file(ca_file);
}

#[tokio::test]
async fn https_and_wss_through_the_proxy_are_tunnelled() {
    let sb = Sandbox::start().await.unwrap();
    let pki = make_pki();
    let ops = tls_front(&pki.cert_pem, &pki.key_pem, addr_of(&sb.ops_url())).await;
    let (proxy, log) = start_proxy().await;
    let agent = AgentClient::builder()
        .api_key(sb.ops_api_key())
        .base_url(format!("https://localhost:{}", ops.port()))
        .ca_bundle_pem(pki.ca_pem.as_bytes())
        .proxy(&proxy)
        .build()
        .unwrap();
    agent.metrics().get().await.unwrap();
    chat_to_done(&agent).await;
    let tunnels = lines(&log)
        .iter()
        .filter(|l| l.starts_with(&format!("CONNECT localhost:{} HTTP/1.1", ops.port())))
        .count();
    // one tunnel for the HTTP pool, one for the WebSocket
    assert!(tunnels >= 2, "{:?}", lines(&log));
}

#[test]
fn bad_proxy_urls_and_ca_bundles_are_refused_when_building() {
    fn invalid<T: std::fmt::Debug>(r: agents_sdk::Result<T>) -> String {
        match r {
            Err(Error::InvalidArgument(m)) => m,
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
    }
    for bad in ["localhost:3128", "socks5://127.0.0.1:1080", "http://", "::"] {
        let m = invalid(Client::builder().api_key("k").proxy(bad).build());
        assert!(m.contains("proxy"), "{m}");
        invalid(AgentClient::builder().api_key("k").proxy(bad).build());
    }
    let m = invalid(
        Client::builder()
            .api_key("k")
            .ca_bundle("/nonexistent/agents-sdk/ca.pem")
            .build(),
    );
    assert!(m.contains("could not read"), "{m}");
    let not_pem = temp_file("not-pem.pem", b"just some text\n");
    let m = invalid(
        AgentClient::builder()
            .api_key("k")
            .ca_bundle(&not_pem)
            .build(),
    );
    assert!(m.contains("no PEM certificate"), "{m}");
    let _ = std::fs::remove_file(not_pem);
    // an endless file is refused at the bound, not read until memory runs out
    #[cfg(unix)]
    {
        let m = invalid(
            Client::builder()
                .api_key("k")
                .ca_bundle("/dev/zero")
                .build(),
        );
        assert!(m.contains("larger than 16 MiB"), "{m}");
    }
    invalid(
        Client::builder()
            .api_key("k")
            .ca_bundle_pem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
            .build(),
    );
}

/// The committed fixtures (used by the Python and Node tests too) still verify: the server
/// certificate is signed by the CA and valid for `localhost` and `127.0.0.1`.
#[tokio::test]
async fn the_committed_fixture_ca_verifies_the_fixture_server() {
    let dir = fixture_dir();
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let sb = Sandbox::start().await.unwrap();
    let front = tls_front(
        &read("server.pem"),
        &read("server-key.pem"),
        addr_of(&sb.ops_url()),
    )
    .await;
    for host in ["localhost", "127.0.0.1"] {
        let agent = AgentClient::builder()
            .api_key(sb.ops_api_key())
            .base_url(format!("https://{host}:{}", front.port()))
            .ca_bundle(dir.join("ca.pem"))
            .build()
            .unwrap();
        agent.metrics().get().await.unwrap();
    }
}

/// Writes a fresh test CA and server certificate to `tests/fixtures/tls/` (rcgen's default
/// validity runs to the year 4096). Run by hand: `cargo test -p agents-sdk --test net -- --ignored`.
#[test]
#[ignore]
fn write_fixture_pki() {
    let pki = make_pki();
    let dir = fixture_dir();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("ca.pem"), pki.ca_pem).unwrap();
    std::fs::write(dir.join("server.pem"), pki.cert_pem).unwrap();
    std::fs::write(dir.join("server-key.pem"), pki.key_pem).unwrap();
}
