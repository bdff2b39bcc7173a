//! Helpers shared by the fuzz targets.

/// A small deterministic generator (xorshift64*) seeded from the input, so a target can derive
/// chunk boundaries and choices from its input and a crash reproduces from the artifact alone.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// Seeded with the FNV-1a hash of `data`.
    pub fn from_input(data: &[u8]) -> Self {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in data {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Rng(h | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`0` when `n == 0`).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// Cuts `data` into chunks whose lengths come from `rng`: mostly short (0 to 16 bytes, empty
/// chunks included), sometimes long, so CR/LF pairs, BOMs and UTF-8 sequences get split.
pub fn random_chunks<'a>(data: &'a [u8], rng: &mut Rng) -> Vec<&'a [u8]> {
    let mut chunks = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        let len = if rng.below(8) == 0 {
            rng.below(rest.len() + 1)
        } else {
            rng.below(17)
        };
        let (head, tail) = rest.split_at(len.min(rest.len()));
        chunks.push(head);
        rest = tail;
    }
    chunks
}

/// Reads `name: value` lines (LF or CRLF) into a header map, skipping lines whose name or value
/// `http` refuses. Values keep their bytes (only one space after the colon is removed), so
/// non-ASCII and odd whitespace reach the parsers under test.
pub fn header_lines(data: &[u8]) -> http::HeaderMap {
    let mut headers = http::HeaderMap::new();
    for line in data.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            continue;
        };
        let (name, value) = (&line[..colon], &line[colon + 1..]);
        let value = value.strip_prefix(b" ").unwrap_or(value);
        if let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name),
            http::HeaderValue::from_bytes(value),
        ) {
            headers.append(name, value);
        }
    }
    headers
}
