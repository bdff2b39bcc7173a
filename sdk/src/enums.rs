//! `string_enum!`: closed sets of wire strings that stay open to new server values.
//!
//! Every enum it generates has one variant per known wire string plus `Unknown(String)`, so a
//! value a newer server sends never breaks an older client: it arrives as `Unknown("NEW")` and
//! serializes back unchanged. Equality and hashing go by the wire string, so
//! `Unknown("ADMIN".into()) == Role::Admin`.

/// Generates a string-valued enum with an `Unknown(String)` catch-all.
///
/// ```text
/// string_enum! {
///     /// A role.
///     pub enum Role {
///         /// Administrator.
///         Admin = "ADMIN",
///         /// Regular user.
///         User = "USER",
///     }
/// }
/// ```
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $wire:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone)]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
            /// A value this version of the SDK does not know, kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// Every wire string this version of the SDK knows, in declaration order.
            pub const VALUES: &'static [&'static str] = &[$($wire),+];

            /// The wire string.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)+
                    Self::Unknown(other) => other.as_str(),
                }
            }

            /// Whether this is one of the values in [`Self::VALUES`].
            pub fn is_known(&self) -> bool {
                Self::VALUES.contains(&self.as_str())
            }

            /// The variant for a wire string (`Unknown` for a string it does not know).
            pub fn from_wire(value: &str) -> Self {
                match value {
                    $($wire => Self::$variant,)+
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $(Self::$variant => f.write_str(stringify!($variant)),)+
                    Self::Unknown(other) => f.debug_tuple("Unknown").field(other).finish(),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::cmp::PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl ::std::cmp::Eq for $name {}

        impl ::std::hash::Hash for $name {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                ::std::hash::Hash::hash(self.as_str(), state);
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(Self::from_wire(value))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::from_wire(value)
            }
        }

        impl ::std::convert::From<String> for $name {
            fn from(value: String) -> Self {
                match Self::from_wire(&value) {
                    Self::Unknown(_) => Self::Unknown(value),
                    known => known,
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        /// `{"type": "string", "enum": [VALUES]}`: the contract lists the known values (a
        /// reader still keeps an unknown one as `Unknown`).
        #[cfg(feature = "schema")]
        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                let mut schema = ::schemars::json_schema!({
                    "type": "string",
                    "enum": Self::VALUES,
                });
                if let Some(doc) = $crate::enums::doc_text(&[$(stringify!($meta)),*]) {
                    schema.insert("description".to_owned(), doc.into());
                }
                schema
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                struct WireVisitor;

                impl ::serde::de::Visitor<'_> for WireVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($name), ")"))
                    }

                    fn visit_str<E: ::serde::de::Error>(
                        self,
                        value: &str,
                    ) -> ::std::result::Result<$name, E> {
                        Ok($name::from_wire(value))
                    }

                    fn visit_string<E: ::serde::de::Error>(
                        self,
                        value: String,
                    ) -> ::std::result::Result<$name, E> {
                        Ok($name::from(value))
                    }
                }

                deserializer.deserialize_str(WireVisitor)
            }
        }
    };
}

/// The `pattern` of a string that must not be blank: one character that Rust's `str::trim`
/// keeps (the Unicode `White_Space` set spelled out, so every regex engine agrees).
#[cfg(feature = "schema")]
pub(crate) const NON_BLANK: &str = "[^\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";

/// The text of `doc = "..."` attributes (as `stringify!` prints them), one line each.
#[cfg(feature = "schema")]
pub(crate) fn doc_text(attributes: &[&str]) -> Option<String> {
    let lines: Vec<String> = attributes
        .iter()
        .filter_map(|a| a.strip_prefix("doc = "))
        .filter_map(|quoted| serde_json::from_str::<String>(quoted).ok())
        .map(|line| line.trim().to_owned())
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// Generates chainable setters for the optional fields of a request/param struct.
///
/// `into name: String` makes `fn name(self, value: impl Into<String>) -> Self` storing
/// `Some(value.into())`; `plain limit: u32` takes the type as is (so integer literals infer).
macro_rules! setters {
    ($ty:ty { $( $kind:ident $field:ident : $arg:ty ),* $(,)? }) => {
        impl $ty {
            $( setters!(@one $kind $field $arg); )*
        }
    };
    (@one into $field:ident $arg:ty) => {
        #[doc = concat!("Sets `", stringify!($field), "`.")]
        pub fn $field(mut self, value: impl Into<$arg>) -> Self {
            self.$field = Some(value.into());
            self
        }
    };
    (@one plain $field:ident $arg:ty) => {
        #[doc = concat!("Sets `", stringify!($field), "`.")]
        pub fn $field(mut self, value: $arg) -> Self {
            self.$field = Some(value);
            self
        }
    };
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::str::FromStr;

    string_enum! {
        /// A test enum.
        pub enum Colour {
            /// Red.
            Red = "RED",
            /// Dark green.
            DarkGreen = "dark_green",
        }
    }

    #[test]
    fn known_values_round_trip() {
        let c: Colour = serde_json::from_str("\"dark_green\"").unwrap();
        assert_eq!(c, Colour::DarkGreen);
        assert!(c.is_known());
        assert_eq!(c.as_str(), "dark_green");
        assert_eq!(c.to_string(), "dark_green");
        assert_eq!(format!("{c:?}"), "DarkGreen");
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"dark_green\"");
        assert_eq!(Colour::from("RED"), Colour::Red);
        assert_eq!(Colour::from_str("RED").unwrap(), Colour::Red);
        assert_eq!(Colour::VALUES, &["RED", "dark_green"]);
    }

    #[test]
    fn unknown_values_survive_a_round_trip() {
        let c: Colour = serde_json::from_str("\"ULTRAVIOLET\"").unwrap();
        assert_eq!(c, Colour::Unknown("ULTRAVIOLET".to_owned()));
        assert!(!c.is_known());
        assert_eq!(c.to_string(), "ULTRAVIOLET");
        assert_eq!(format!("{c:?}"), "Unknown(\"ULTRAVIOLET\")");
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"ULTRAVIOLET\"");
        // Case matters: the wire strings are exact.
        assert_eq!(Colour::from("red"), Colour::Unknown("red".to_owned()));
        assert_eq!(
            Colour::from(String::from("purple")),
            Colour::Unknown("purple".to_owned())
        );
        assert_eq!(Colour::from(String::from("RED")), Colour::Red);
    }

    #[test]
    fn equality_and_hash_follow_the_wire_string() {
        assert_eq!(Colour::Unknown("RED".to_owned()), Colour::Red);
        assert_ne!(Colour::Red, Colour::DarkGreen);
        let set: HashSet<Colour> = [Colour::Red, Colour::Unknown("RED".to_owned())]
            .into_iter()
            .collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn non_strings_are_rejected() {
        assert!(serde_json::from_str::<Colour>("3").is_err());
        assert!(serde_json::from_str::<Colour>("null").is_err());
        let from_value: Colour = serde_json::from_value(serde_json::json!("RED")).unwrap();
        assert_eq!(from_value, Colour::Red);
    }
}

// Closed sets shared by both services (neither service module knows the other).

string_enum! {
    /// Who wrote a conversation message (shared by both services).
    pub enum MessageRole {
        /// `user`.
        User = "user",
        /// `assistant`.
        Assistant = "assistant",
        /// `system`.
        System = "system",
    }
}
