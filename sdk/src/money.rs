//! Exact decimal money amounts.
//!
//! Decision: amounts keep exact decimal precision; they are never stored as `f64`. A [`Money`]
//! is an `i128` mantissa and a decimal scale (`-350.50` is `-35050 × 10⁻²`), normalized so that
//! `1.50 == 1.5` and `0.1 + 0.2 == 0.3` exactly. On the wire both services send amounts as JSON
//! numbers; without serde_json's `arbitrary_precision` those arrive as `f64`, which is turned
//! into its shortest round-trip decimal (Rust's `{}` of `f64`), so every amount with at most 15
//! significant digits (and so every 2-decimal amount below 10¹³) is recovered exactly. Strings
//! (`"-350.50"`) are accepted too and are always exact. Serialization writes a JSON number: an integer when the value
//! is whole, else the `f64` of the exact value, which serde_json prints with the same digits.

use std::cmp::Ordering;
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};
use std::str::FromStr;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The largest number of decimal places a [`Money`] keeps.
pub const MAX_SCALE: u32 = 38;

/// The map key serde_json uses for numbers when its `arbitrary_precision` feature is on.
const ARBITRARY_PRECISION_KEY: &str = "$serde_json::private::Number";

/// An exact decimal amount of money (no currency attached; see the module docs).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Money {
    /// Never `i128::MIN`, so negation cannot overflow.
    mantissa: i128,
    /// Number of decimal places; the mantissa has no trailing zero when `scale > 0`.
    scale: u32,
}

/// Why a string or number could not become a [`Money`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseMoneyError {
    /// Not a decimal number (`"12.34"`, `"-350.50"`, `"1e3"` are).
    #[error("invalid decimal amount {0:?}")]
    Invalid(String),
    /// The value does not fit (more than about 38 significant digits).
    #[error("decimal amount out of range")]
    OutOfRange,
    /// More than [`MAX_SCALE`] decimal places.
    #[error("decimal amount has more than {MAX_SCALE} decimal places")]
    TooPrecise,
}

/// The operators' documented panic on overflow (like integer arithmetic in debug builds).
#[allow(clippy::panic)]
fn overflow(what: &str) -> Money {
    panic!("Money {what} overflowed")
}

fn pow10(exp: u32) -> Option<i128> {
    10i128.checked_pow(exp)
}

impl Money {
    /// Zero.
    pub const ZERO: Money = Money {
        mantissa: 0,
        scale: 0,
    };

    /// `mantissa × 10^-scale`, e.g. `from_parts(-35050, 2)` is `-350.5`.
    pub fn from_parts(mantissa: i128, scale: u32) -> Result<Money, ParseMoneyError> {
        if mantissa == i128::MIN {
            return Err(ParseMoneyError::OutOfRange);
        }
        let money = Money::normalized(mantissa, scale);
        if money.scale > MAX_SCALE {
            return Err(ParseMoneyError::TooPrecise);
        }
        Ok(money)
    }

    /// An amount given in hundredths (`from_cents(-35050)` is `-350.50`).
    pub fn from_cents(cents: i64) -> Money {
        Money::normalized(i128::from(cents), 2)
    }

    /// The exact decimal value of an `f64`, through its shortest round-trip representation
    /// (`0.1` is `0.1`, not `0.1000000000000000055…`). Fails for NaN and infinities.
    pub fn from_f64(value: f64) -> Result<Money, ParseMoneyError> {
        if !value.is_finite() {
            return Err(ParseMoneyError::Invalid(value.to_string()));
        }
        // `Display` of f64 is the shortest string that parses back to the same f64, and never
        // uses exponent notation.
        value.to_string().parse()
    }

    /// The amount in hundredths, or `None` when it has more than 2 decimals or does not fit.
    pub fn to_cents(&self) -> Option<i64> {
        if self.scale > 2 {
            return None;
        }
        let cents = self
            .mantissa
            .checked_mul(pow10(2u32.checked_sub(self.scale)?)?)?;
        i64::try_from(cents).ok()
    }

    /// The nearest `f64` (exact for amounts with at most 15 significant digits, in the sense
    /// that it prints back as the same digits).
    pub fn to_f64(&self) -> f64 {
        // Rust's float parsing is correctly rounded; our decimal string always parses.
        self.as_decimal_string().parse().unwrap_or(f64::NAN)
    }

    /// The exact decimal, without float noise or trailing zeros: `-350.5`, `25000`, `0.1`.
    pub fn as_decimal_string(&self) -> String {
        let digits = self.mantissa.unsigned_abs().to_string();
        // The scale is at most MAX_SCALE, so it fits a usize everywhere.
        let scale = usize::try_from(self.scale).unwrap_or(usize::MAX);
        let mut out =
            String::with_capacity(digits.len().saturating_add(scale.min(64)).saturating_add(3));
        if self.mantissa < 0 {
            out.push('-');
        }
        if scale == 0 {
            out.push_str(&digits);
        } else if let Some(int_len) = digits.len().checked_sub(scale).filter(|n| *n > 0) {
            let (int, frac) = digits.split_at(int_len);
            out.push_str(int);
            out.push('.');
            out.push_str(frac);
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', scale.saturating_sub(digits.len())));
            out.push_str(&digits);
        }
        out
    }

    /// The mantissa of the normalized value (`-35050` → `-3505` for `-350.50`).
    pub fn mantissa(&self) -> i128 {
        self.mantissa
    }

    /// The number of decimal places of the normalized value (`1` for `-350.50`).
    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// Whether the amount is below zero.
    pub fn is_negative(&self) -> bool {
        self.mantissa < 0
    }

    /// Whether the amount is zero.
    pub fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    /// The absolute value.
    pub fn abs(&self) -> Money {
        Money {
            mantissa: self.mantissa.abs(),
            scale: self.scale,
        }
    }

    /// `self + other`, or `None` on overflow.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        let (a, b, scale) = Money::align(self, other)?;
        Money::checked_new(a.checked_add(b)?, scale)
    }

    /// `self - other`, or `None` on overflow.
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        let (a, b, scale) = Money::align(self, other)?;
        Money::checked_new(a.checked_sub(b)?, scale)
    }

    fn checked_new(mantissa: i128, scale: u32) -> Option<Money> {
        (mantissa != i128::MIN).then(|| Money::normalized(mantissa, scale))
    }

    fn normalized(mut mantissa: i128, mut scale: u32) -> Money {
        while scale > 0 && mantissa.checked_rem(10) == Some(0) {
            mantissa = mantissa.checked_div(10).unwrap_or(mantissa);
            scale = scale.saturating_sub(1);
        }
        if mantissa == 0 {
            scale = 0;
        }
        Money { mantissa, scale }
    }

    /// Both mantissas at the larger scale, or `None` if rescaling overflows.
    fn align(a: Money, b: Money) -> Option<(i128, i128, u32)> {
        let scale = a.scale.max(b.scale);
        let am = a
            .mantissa
            .checked_mul(pow10(scale.checked_sub(a.scale)?)?)?;
        let bm = b
            .mantissa
            .checked_mul(pow10(scale.checked_sub(b.scale)?)?)?;
        Some((am, bm, scale))
    }
}

impl FromStr for Money {
    type Err = ParseMoneyError;

    /// Parses `[+-]digits[.digits][(e|E)[+-]digits]`, e.g. `"12.34"`, `"-350.50"`, `"25000"`.
    fn from_str(input: &str) -> Result<Money, ParseMoneyError> {
        let invalid = || {
            let shown: String = input.chars().take(40).collect();
            ParseMoneyError::Invalid(shown)
        };
        let bytes = input.as_bytes();
        let mut pos = 0;
        let negative = match bytes.first() {
            Some(b'-') => {
                pos = 1;
                true
            }
            Some(b'+') => {
                pos = 1;
                false
            }
            _ => false,
        };
        let take_digits = |pos: &mut usize| {
            let start = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos = pos.saturating_add(1);
            }
            bytes.get(start..*pos).unwrap_or_default()
        };
        let int = take_digits(&mut pos);
        if int.is_empty() {
            return Err(invalid());
        }
        let mut frac: &[u8] = &[];
        if bytes.get(pos) == Some(&b'.') {
            pos = pos.saturating_add(1);
            frac = take_digits(&mut pos);
            if frac.is_empty() {
                return Err(invalid());
            }
        }
        let mut exponent: i64 = 0;
        if matches!(bytes.get(pos), Some(b'e' | b'E')) {
            pos = pos.saturating_add(1);
            let exp_negative = match bytes.get(pos) {
                Some(b'-') => {
                    pos = pos.saturating_add(1);
                    true
                }
                Some(b'+') => {
                    pos = pos.saturating_add(1);
                    false
                }
                _ => false,
            };
            let digits = take_digits(&mut pos);
            if digits.is_empty() {
                return Err(invalid());
            }
            for &d in digits {
                exponent = exponent
                    .checked_mul(10)
                    .and_then(|e| e.checked_add(i64::from(d.checked_sub(b'0')?)))
                    .filter(|e| *e <= 100_000)
                    .ok_or(ParseMoneyError::OutOfRange)?;
            }
            if exp_negative {
                // |exponent| <= 100_000 here.
                exponent = exponent.saturating_neg();
            }
        }
        if pos != bytes.len() {
            return Err(invalid());
        }

        // All significant digits, without leading zeros and with trailing zeros moved into
        // the scale, so that "1.000…0" with many zeros does not overflow.
        let mut digits: Vec<u8> = int.iter().chain(frac).copied().collect();
        let mut scale = i64::try_from(frac.len())
            .ok()
            .and_then(|f| f.checked_sub(exponent))
            .ok_or(ParseMoneyError::OutOfRange)?;
        while digits.len() > 1 && digits.last() == Some(&b'0') {
            digits.pop();
            scale = scale.saturating_sub(1);
        }
        let first_nonzero = digits.iter().position(|d| *d != b'0');
        let Some(first_nonzero) = first_nonzero else {
            return Ok(Money::ZERO);
        };
        let digits = digits.get(first_nonzero..).unwrap_or_default();
        if digits.len() > 39 {
            return Err(ParseMoneyError::OutOfRange);
        }
        let mut mantissa: i128 = 0;
        for &d in digits {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i128::from(d.checked_sub(b'0')?)))
                .ok_or(ParseMoneyError::OutOfRange)?;
        }
        if scale < 0 {
            let factor = u32::try_from(scale.unsigned_abs())
                .ok()
                .and_then(pow10)
                .ok_or(ParseMoneyError::OutOfRange)?;
            mantissa = mantissa
                .checked_mul(factor)
                .ok_or(ParseMoneyError::OutOfRange)?;
            scale = 0;
        }
        if scale > i64::from(MAX_SCALE) {
            return Err(ParseMoneyError::TooPrecise);
        }
        if negative {
            // The mantissa is non-negative here, so its negation cannot overflow.
            mantissa = mantissa.checked_neg().ok_or(ParseMoneyError::OutOfRange)?;
        }
        let scale = u32::try_from(scale).map_err(|_| ParseMoneyError::TooPrecise)?;
        Money::from_parts(mantissa, scale)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.as_decimal_string())
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Money({})", self.as_decimal_string())
    }
}

impl PartialOrd for Money {
    fn partial_cmp(&self, other: &Money) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Money {
    fn cmp(&self, other: &Money) -> Ordering {
        match Money::align(*self, *other) {
            Some((a, b, _)) => a.cmp(&b),
            // Rescaling the side with fewer decimals overflowed, so its magnitude is beyond
            // every i128 and its sign decides.
            None => {
                if self.scale < other.scale {
                    self.mantissa.cmp(&0)
                } else {
                    0.cmp(&other.mantissa)
                }
            }
        }
    }
}

impl Add for Money {
    type Output = Money;

    /// Panics on overflow (beyond about 38 significant digits), like integer addition in
    /// debug builds; use [`Money::checked_add`] to handle it. The SDK itself never adds
    /// amounts it received; this operator is for the caller's own arithmetic.
    fn add(self, other: Money) -> Money {
        self.checked_add(other)
            .unwrap_or_else(|| overflow("addition"))
    }
}

impl Sub for Money {
    type Output = Money;

    /// Panics on overflow; use [`Money::checked_sub`] to handle it.
    fn sub(self, other: Money) -> Money {
        self.checked_sub(other)
            .unwrap_or_else(|| overflow("subtraction"))
    }
}

impl AddAssign for Money {
    // The operator's documented panic on overflow, as for `Add`.
    #[allow(clippy::arithmetic_side_effects)]
    fn add_assign(&mut self, other: Money) {
        *self = *self + other;
    }
}

impl SubAssign for Money {
    #[allow(clippy::arithmetic_side_effects)]
    fn sub_assign(&mut self, other: Money) {
        *self = *self - other;
    }
}

impl Neg for Money {
    type Output = Money;

    fn neg(self) -> Money {
        // `mantissa` is never i128::MIN (every constructor refuses it), so this cannot overflow.
        Money {
            mantissa: self.mantissa.saturating_neg(),
            scale: self.scale,
        }
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

impl From<i64> for Money {
    fn from(value: i64) -> Money {
        Money::normalized(i128::from(value), 0)
    }
}

impl From<i32> for Money {
    fn from(value: i32) -> Money {
        Money::from(i64::from(value))
    }
}

impl From<u64> for Money {
    fn from(value: u64) -> Money {
        Money::normalized(i128::from(value), 0)
    }
}

impl TryFrom<f64> for Money {
    type Error = ParseMoneyError;

    fn try_from(value: f64) -> Result<Money, ParseMoneyError> {
        Money::from_f64(value)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.scale == 0 {
            if let Ok(whole) = i64::try_from(self.mantissa) {
                return serializer.serialize_i64(whole);
            }
            return serializer.serialize_i128(self.mantissa);
        }
        // A JSON number with a fraction is written through an f64 (serde_json keeps no
        // decimal text): an amount that an f64 does not carry exactly (more than about 15
        // significant digits) is refused rather than sent rounded.
        let f = self.to_f64();
        match Money::from_f64(f) {
            Ok(back) if back.as_decimal_string() == self.as_decimal_string() => {
                serializer.serialize_f64(f)
            }
            _ => Err(serde::ser::Error::custom(format!(
                "the amount {} has more significant digits than a JSON number carries \
                 exactly (about 15); it would be sent as {f}",
                self.as_decimal_string()
            ))),
        }
    }
}

/// A JSON number, or a decimal string (both are read exactly).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Money {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Money".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A decimal amount: a JSON number (a decimal string is read too).",
            "type": "number"
        })
    }
}

struct MoneyVisitor;

impl<'de> Visitor<'de> for MoneyVisitor {
    type Value = Money;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal amount (JSON number or decimal string)")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Money, E> {
        Ok(Money::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Money, E> {
        Ok(Money::from(value))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Money, E> {
        Money::from_parts(value, 0).map_err(E::custom)
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Money, E> {
        let value = i128::try_from(value).map_err(|_| E::custom(ParseMoneyError::OutOfRange))?;
        Money::from_parts(value, 0).map_err(E::custom)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Money, E> {
        Money::from_f64(value).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Money, E> {
        value.parse().map_err(E::custom)
    }

    /// serde_json with `arbitrary_precision` hands numbers over as a one-entry map holding the
    /// number's exact text; reading it keeps every digit.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Money, A::Error> {
        let key: Option<String> = map.next_key()?;
        match key.as_deref() {
            Some(ARBITRARY_PRECISION_KEY) => {
                let text: String = map.next_value()?;
                text.parse().map_err(de::Error::custom)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        deserializer.deserialize_any(MoneyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }

    #[test]
    fn seed_values_deserialize_exactly() {
        let cases = [
            ("-350.50", "-350.5", Some(-35050)),
            ("25000", "25000", Some(2_500_000)),
            ("-12000", "-12000", Some(-1_200_000)),
            ("2850.50", "2850.5", Some(285_050)),
            ("1149.50", "1149.5", Some(114_950)),
            ("-150.00", "-150", Some(-15_000)),
            ("0.1", "0.1", Some(10)),
            ("0.005", "0.005", None),
        ];
        for (json, shown, cents) in cases {
            let from_number: Money = serde_json::from_str(json).unwrap();
            let from_string: Money = serde_json::from_str(&format!("\"{json}\"")).unwrap();
            assert_eq!(from_number, from_string, "{json}");
            assert_eq!(from_number.to_string(), shown, "{json}");
            assert_eq!(from_number.to_cents(), cents, "{json}");
        }
    }

    #[test]
    fn up_to_15_significant_digits_survive_json_numbers() {
        // A fixed pseudo-random walk over 2-decimal amounts below 10^13 (15 digits).
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let magnitude = 10i64.pow((state >> 60) as u32 % 16);
            let cents = (state >> 1) as i64 % magnitude.max(1);
            let cents = if state & 1 == 1 { -cents } else { cents };
            let exact = Money::from_cents(cents);
            let text = exact.as_decimal_string();
            let via_number: Money = serde_json::from_str(&text).unwrap();
            assert_eq!(via_number, exact, "{text}");
            let written = serde_json::to_string(&exact).unwrap();
            let reread: Money = serde_json::from_str(&written).unwrap();
            assert_eq!(reread, exact, "{text} written as {written}");
        }
    }

    #[test]
    fn an_amount_an_f64_cannot_carry_is_not_serialized_rounded() {
        for text in ["12345678901234567.89", "1.12345678901234567891"] {
            let err = serde_json::to_string(&m(text)).unwrap_err();
            assert!(err.to_string().contains("significant digits"), "{err}");
        }
        // what an f64 carries exactly goes out as it is
        assert_eq!(
            serde_json::to_string(&m("123456789012.34")).unwrap(),
            "123456789012.34"
        );
    }

    #[test]
    fn serializes_as_json_numbers_with_the_same_digits() {
        assert_eq!(serde_json::to_string(&m("-350.50")).unwrap(), "-350.5");
        assert_eq!(serde_json::to_string(&m("25000")).unwrap(), "25000");
        assert_eq!(serde_json::to_string(&m("-150.00")).unwrap(), "-150");
        assert_eq!(serde_json::to_string(&m("0.1")).unwrap(), "0.1");
        assert_eq!(
            serde_json::to_string(&m("12345678901234.56")).unwrap(),
            "12345678901234.56"
        );
        let big = m("123456789012345678901234567890");
        assert_eq!(
            serde_json::to_string(&big).unwrap(),
            "123456789012345678901234567890"
        );
        // Reading back: serde_json (without arbitrary_precision) hands integers beyond u64 over
        // as f64, so only the leading 17 digits survive; the string form stays exact.
        let back: Money = serde_json::from_str(&serde_json::to_string(&big).unwrap()).unwrap();
        assert_eq!(back, m("123456789012345680000000000000"));
        let exact: Money = serde_json::from_str("\"123456789012345678901234567890\"").unwrap();
        assert_eq!(exact, big);
    }

    #[test]
    fn decimal_arithmetic_is_exact() {
        assert_eq!(m("0.1") + m("0.2"), m("0.3"));
        assert_ne!(0.1f64 + 0.2f64, 0.3f64);
        let from_floats = Money::from_f64(0.1).unwrap() + Money::from_f64(0.2).unwrap();
        assert_eq!(from_floats.to_string(), "0.3");
        assert_eq!(m("4000") - m("2850.50"), m("1149.50"));
        assert_eq!(-m("350.50"), m("-350.5"));
        let mut total = Money::ZERO;
        total += m("25000");
        total -= m("12450");
        assert_eq!(total, m("12550"));
        let sum: Money = [m("-350.50"), m("25000"), m("0.50")].iter().sum();
        assert_eq!(sum, m("24650"));
        assert_eq!(m("1.50"), m("1.5"));
        assert_eq!(m("1.50").scale(), 1);
        assert_eq!(m("-0"), Money::ZERO);
        assert!(!m("-0.00").is_negative());
        assert!(m("-0.01").is_negative());
        assert_eq!(m("-2.5").abs(), m("2.5"));
    }

    #[test]
    fn ordering_is_by_value() {
        assert!(m("1.5") < m("1.51"));
        assert!(m("-350.50") < m("-350.49"));
        assert!(m("100") > m("99.999"));
        assert_eq!(m("1.50").cmp(&m("1.5")), Ordering::Equal);
        // Rescaling would overflow: the sign of the whole-number side decides.
        let huge = m("100000000000000000000000000000000000000");
        let tiny = m("0.00000000000000000000000000000000000001");
        assert!(huge > tiny);
        assert!(-huge < tiny);
        assert!(tiny < huge);
        assert!(tiny > -huge);
        let mut v = vec![m("3"), m("-1.25"), m("0.5"), m("-1.3")];
        v.sort();
        assert_eq!(v, vec![m("-1.3"), m("-1.25"), m("0.5"), m("3")]);
    }

    #[test]
    fn cents_and_floats() {
        assert_eq!(Money::from_cents(-35050), m("-350.50"));
        assert_eq!(Money::from_cents(0).to_string(), "0");
        assert_eq!(m("12.34").to_cents(), Some(1234));
        assert_eq!(m("12.345").to_cents(), None);
        assert_eq!(m("100000000000000000000000").to_cents(), None);
        assert_eq!(m("-350.5").to_f64(), -350.5);
        assert_eq!(m("71.26").to_f64(), 71.26);
        assert!(Money::from_f64(f64::NAN).is_err());
        assert!(Money::from_f64(f64::INFINITY).is_err());
        assert_eq!(Money::from_f64(1e21).unwrap(), m("1000000000000000000000"));
        assert_eq!(Money::from_f64(-0.0).unwrap(), Money::ZERO);
        assert_eq!(Money::try_from(2850.5).unwrap(), m("2850.50"));
        assert_eq!(Money::from(7i32), m("7"));
        assert_eq!(Money::from(7u64), m("7.0"));
    }

    #[test]
    fn large_and_precise_values() {
        let big = m("99999999999999999999999999999999.99");
        assert_eq!(big.to_string(), "99999999999999999999999999999999.99");
        assert_eq!(
            big.checked_add(m("0.01")).unwrap().to_string(),
            "1".to_owned() + &"0".repeat(32)
        );
        let max = Money::from_parts(i128::MAX, 0).unwrap();
        assert_eq!(max.checked_add(m("1")), None);
        assert_eq!((-max).checked_sub(m("1")), None);
        assert_eq!(
            Money::from_parts(i128::MIN, 0),
            Err(ParseMoneyError::OutOfRange)
        );
        assert_eq!(m("1e3"), m("1000"));
        assert_eq!(m("1.5E-2"), m("0.015"));
        assert_eq!(
            m("1.000000000000000000000000000000000000000000000000"),
            m("1")
        );
        assert_eq!(m("0.00000001").to_string(), "0.00000001");
        assert_eq!(m("+5"), m("5"));
        assert_eq!(Money::from_parts(-35050, 2).unwrap().to_string(), "-350.5");
        assert_eq!(
            format!("{:>8}|{:?}", m("1.5"), m("-1.50")),
            "     1.5|Money(-1.5)"
        );
    }

    #[test]
    #[should_panic(expected = "Money addition overflowed")]
    fn add_overflow_panics() {
        let _ = Money::from_parts(i128::MAX, 0).unwrap() + m("1");
    }

    #[test]
    fn garbage_is_an_error() {
        for bad in [
            "", "-", "abc", "12.", ".5", "1.2.3", "1,50", "12 ", " 12", "1e", "1e+", "--1", "0x10",
            "NaN", "inf", "1_000",
        ] {
            assert!(
                matches!(bad.parse::<Money>(), Err(ParseMoneyError::Invalid(_))),
                "{bad:?}"
            );
        }
        assert_eq!(
            "1".repeat(40).parse::<Money>(),
            Err(ParseMoneyError::OutOfRange)
        );
        assert_eq!("1e400".parse::<Money>(), Err(ParseMoneyError::OutOfRange));
        assert_eq!("1e-39".parse::<Money>(), Err(ParseMoneyError::TooPrecise));
        assert!(serde_json::from_str::<Money>("\"12,50\"").is_err());
        assert!(serde_json::from_str::<Money>("true").is_err());
        assert!(serde_json::from_str::<Money>("null").is_err());
        assert!(serde_json::from_str::<Money>("{\"amount\": 1}").is_err());
    }

    #[test]
    fn arbitrary_precision_map_form_is_read_exactly() {
        let value = serde_json::json!({ ARBITRARY_PRECISION_KEY: "-350.50" });
        let money: Money = serde_json::from_value(value).unwrap();
        assert_eq!(money, m("-350.5"));
    }
}
