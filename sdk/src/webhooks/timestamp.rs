//! Reading the RFC 3339 `timestamp` of a delivery ([`parse_timestamp`]).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::Error;

/// Parses an RFC 3339 date-time, `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (also with a
/// lowercase `t`/`z`), into a [`SystemTime`].
///
/// # Errors
/// [`Error::InvalidArgument`] for anything else, including impossible dates.
pub fn parse_timestamp(text: &str) -> Result<SystemTime, Error> {
    parse_rfc3339(text.as_bytes())
        .ok_or_else(|| Error::InvalidArgument(format!("not an RFC 3339 timestamp: {text:?}")))
}

fn parse_rfc3339(s: &[u8]) -> Option<SystemTime> {
    let text = std::str::from_utf8(s).ok()?;
    // chrono accepts a space for the `T`; RFC 3339 timestamps in JSON use `T` (or `t`).
    if text.as_bytes().get(10) == Some(&b' ') {
        return None;
    }
    let parsed = chrono::DateTime::parse_from_rfc3339(text).ok()?;
    let secs = parsed.timestamp();
    let nanos = Duration::from_nanos(u64::from(parsed.timestamp_subsec_nanos()));
    // Checked both ways: a year far from 1970 can lie outside what `SystemTime` holds on the
    // platform (Windows counts from 1601).
    let whole = Duration::from_secs(secs.unsigned_abs());
    let base = if secs >= 0 {
        UNIX_EPOCH.checked_add(whole)?
    } else {
        UNIX_EPOCH.checked_sub(whole)?
    };
    base.checked_add(nanos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unix(text: &str) -> Option<i128> {
        let t = parse_rfc3339(text.as_bytes())?;
        Some(match t.duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        })
    }

    #[test]
    fn parses_valid_timestamps() {
        assert_eq!(unix("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            unix("2025-10-15T10:30:00Z"),
            Some(1_760_524_200 * 1_000_000_000)
        );
        assert_eq!(
            unix("2025-10-15t10:30:00z"),
            Some(1_760_524_200 * 1_000_000_000)
        );
        assert_eq!(
            unix("2025-10-15T12:30:00+02:00"),
            Some(1_760_524_200 * 1_000_000_000)
        );
        assert_eq!(
            unix("2025-10-15T05:00:00-05:30"),
            Some(1_760_524_200 * 1_000_000_000)
        );
        assert_eq!(
            unix("2000-02-29T00:00:00.5Z"),
            Some(951_782_400_500_000_000)
        );
        assert_eq!(
            unix("2000-02-29T00:00:00.123456789123Z"),
            Some(951_782_400_123_456_789)
        );
        assert_eq!(unix("1969-12-31T23:59:59Z"), Some(-1_000_000_000));
        assert_eq!(
            unix("2016-12-31T23:59:60Z"),
            Some(1_483_228_800 * 1_000_000_000)
        );
        assert_eq!(
            unix("2100-03-01T00:00:00Z"),
            Some(4_107_542_400 * 1_000_000_000)
        );
    }

    #[test]
    fn rejects_invalid_timestamps() {
        for bad in [
            "",
            "2025-10-15",
            "2025-10-15T10:30:00",
            "2025-10-15 10:30:00Z",
            "2025-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2025-04-31T00:00:00Z",
            "2025-10-00T00:00:00Z",
            "2025-10-15T24:00:00Z",
            "2025-10-15T10:60:00Z",
            "2025-10-15T10:30:61Z",
            "2025-10-15T10:30:00.Z",
            "2025-10-15T10:30:00+0200",
            "2025-10-15T10:30:00+24:00",
            "2025-10-15T10:30:00Zjunk",
            "2025-1a-15T10:30:00Z",
            "+025-10-15T10:30:00Z",
            "2025-10-15T10:30:00Z ",
        ] {
            assert_eq!(unix(bad), None, "{bad:?} should be refused");
        }
    }
}
