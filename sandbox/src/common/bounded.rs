//! A map with a fixed capacity that forgets its least recently used entry when full, for the
//! bookkeeping that callers can grow (rate-limit windows, fault counters).

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

/// A least-recently-used map of at most `cap` entries.
#[derive(Debug)]
pub(crate) struct LruMap<K, V> {
    map: HashMap<K, (V, u64)>,
    /// Last use → key; the first entry is the least recently used one.
    order: BTreeMap<u64, K>,
    next: u64,
    cap: usize,
}

impl<K: Hash + Eq + Clone, V> LruMap<K, V> {
    /// An empty map holding at most `cap` entries (at least one).
    pub(crate) fn new(cap: usize) -> Self {
        LruMap {
            map: HashMap::new(),
            order: BTreeMap::new(),
            next: 0,
            cap: cap.max(1),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    fn tick(&mut self) -> u64 {
        self.next = self.next.wrapping_add(1);
        self.next
    }

    /// The value of `key`, marked as just used; inserted with `make` when absent (evicting the
    /// least recently used entry first when the map is full).
    pub(crate) fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let stamp = self.tick();
        if let Some((_, used)) = self.map.get_mut(&key) {
            let old = std::mem::replace(used, stamp);
            self.order.remove(&old);
        } else {
            while self.map.len() >= self.cap {
                let Some((_, oldest)) = self.order.pop_first() else {
                    break;
                };
                self.map.remove(&oldest);
            }
        }
        self.order.insert(stamp, key.clone());
        &mut self.map.entry(key).or_insert_with(|| (make(), stamp)).0
    }

    /// Forgets every entry.
    pub(crate) fn clear(&mut self) {
        self.map.clear();
        self.order.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evicts_the_least_recently_used() {
        let mut m = LruMap::new(2);
        *m.get_or_insert_with("a", || 0) += 1;
        *m.get_or_insert_with("b", || 0) += 1;
        // Touch `a`, so `b` is the oldest.
        *m.get_or_insert_with("a", || 0) += 1;
        *m.get_or_insert_with("c", || 0) += 1;
        assert_eq!(m.len(), 2);
        assert_eq!(*m.get_or_insert_with("a", || 100), 2, "a kept its count");
        assert_eq!(*m.get_or_insert_with("b", || 100), 100, "b was evicted");
        m.clear();
        assert_eq!(m.len(), 0);
    }

    #[test]
    fn a_flood_stays_at_the_cap() {
        let mut m = LruMap::new(64);
        for i in 0..20_000u32 {
            m.get_or_insert_with(i, || ());
            assert!(m.len() <= 64);
        }
        assert_eq!(m.order.len(), 64);
    }
}
