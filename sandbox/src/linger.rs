//! Connections that close the way production HTTP servers close them (nginx's "lingering
//! close").
//!
//! When the server answers before it has read a request's whole body (a `413` to an upload over
//! the limit, answered as soon as `Content-Length` is seen), hyper writes the answer and closes
//! the socket. Closing a TCP socket with unread bytes in its receive queue makes the kernel send
//! a reset instead of a normal close, and a client still writing its body then sees
//! `EPIPE`/`ECONNRESET` on its next write, often before it has read the answer that was already
//! on its way: the `413` is lost and the client reports a connection error. How often depends on
//! scheduling, so it shows up under load.
//!
//! [`LingeringListener`] hands out [`LingeringStream`]s: when hyper lets go of one, the write
//! half is shut down (the client reads the answer and then end-of-stream) and whatever the
//! client still sends is read and thrown away, for at most [`LINGER_TIME`] and [`LINGER_BYTES`],
//! before the socket is closed. A connection the client already closed costs one non-blocking
//! read and nothing else.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// How long a closed connection keeps reading what the client still sends.
const LINGER_TIME: Duration = Duration::from_secs(3);
/// How many bytes a closed connection reads and throws away at most.
const LINGER_BYTES: usize = 16 << 20;

/// A [`TcpListener`] for `axum::serve` whose connections linger on close (and send without
/// Nagle's delay).
#[derive(Debug)]
pub(crate) struct LingeringListener(pub(crate) TcpListener);

impl axum::serve::Listener for LingeringListener {
    type Io = LingeringStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.0.accept().await {
                Ok((tcp, addr)) => {
                    // No Nagle delay on small answers written after a previous one is unacked.
                    let _ = tcp.set_nodelay(true);
                    return (LingeringStream(Some(tcp)), addr);
                }
                // Out of file descriptors and the like: wait instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.0.local_addr()
    }
}

/// A server-side TCP connection that lingers when dropped (see the module documentation).
#[derive(Debug)]
pub(crate) struct LingeringStream(Option<TcpStream>);

impl LingeringStream {
    fn tcp(&mut self) -> io::Result<Pin<&mut TcpStream>> {
        match self.0.as_mut() {
            Some(tcp) => Ok(Pin::new(tcp)),
            None => Err(io::ErrorKind::NotConnected.into()),
        }
    }
}

impl Drop for LingeringStream {
    fn drop(&mut self) {
        let Some(tcp) = self.0.take() else { return };
        let mut probe = [0u8; 1];
        // The client closed first (the usual end of a keep-alive connection): nothing to wait for.
        if matches!(tcp.try_read(&mut probe), Ok(0)) {
            return;
        }
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(linger(tcp));
        }
    }
}

/// Shuts the write half down, then reads and discards until the client closes, an error, or the
/// time or byte budget is spent; the socket closes when `tcp` is dropped.
async fn linger(mut tcp: TcpStream) {
    let _ = tcp.shutdown().await;
    let drain = async {
        let mut buf = vec![0u8; 64 * 1024];
        let mut read = 0usize;
        while read < LINGER_BYTES {
            match tcp.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => read = read.saturating_add(n),
            }
        }
    };
    let _ = tokio::time::timeout(LINGER_TIME, drain).await;
}

impl AsyncRead for LingeringStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.tcp() {
            Ok(tcp) => tcp.poll_read(cx, buf),
            Err(e) => Poll::Ready(Err(e)),
        }
    }
}

impl AsyncWrite for LingeringStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.tcp() {
            Ok(tcp) => tcp.poll_write(cx, buf),
            Err(e) => Poll::Ready(Err(e)),
        }
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match self.tcp() {
            Ok(tcp) => tcp.poll_write_vectored(cx, bufs),
            Err(e) => Poll::Ready(Err(e)),
        }
    }

    fn is_write_vectored(&self) -> bool {
        true
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.tcp() {
            Ok(tcp) => tcp.poll_flush(cx),
            Err(e) => Poll::Ready(Err(e)),
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.tcp() {
            Ok(tcp) => tcp.poll_shutdown(cx),
            Err(e) => Poll::Ready(Err(e)),
        }
    }
}
