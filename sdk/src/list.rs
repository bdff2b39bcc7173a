//! `list_as_slice!`, shared by both services: a list answer without pagination reads as a slice
//! of its items (`len()`, indexing, `iter()`, `for item in &list`), and `into_iter()` gives them
//! by value, as the Python and Node packages answer a list / an `Array`; the wire's field stays
//! public.

/// Implements `Deref<Target = [Item]>` and `IntoIterator` (by value and by reference) for
/// list answers of both services: `list_as_slice!(AgentList.agents: Agent, ...)`.
macro_rules! list_as_slice {
    ($($list:ident . $field:ident : $item:ty),* $(,)?) => {$(
        impl std::ops::Deref for $list {
            type Target = [$item];
            fn deref(&self) -> &[$item] {
                &self.$field
            }
        }

        impl IntoIterator for $list {
            type Item = $item;
            type IntoIter = std::vec::IntoIter<$item>;
            fn into_iter(self) -> Self::IntoIter {
                self.$field.into_iter()
            }
        }

        impl<'a> IntoIterator for &'a $list {
            type Item = &'a $item;
            type IntoIter = std::slice::Iter<'a, $item>;
            fn into_iter(self) -> Self::IntoIter {
                self.$field.iter()
            }
        }
    )*};
}
