package org.poolscope.workload;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small least-recently-used cache of softly held values, for arrays that are expensive to make
 * and cheap to make again (signals, reference outputs): a sweep plans the same workload dozens of
 * times, and the garbage collector may still take the memory back when it needs it.
 *
 * <p>Threads: any. The lock is held only to look up or store, never while computing, so two threads
 * asking for the same missing key may both compute it; the values are deterministic, so the only
 * cost is the duplicated work.
 */
final class SoftCache<K, V> {

    private final Map<K, SoftReference<V>> map;

    SoftCache(int capacity) {
        this.map = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, SoftReference<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key, Function<? super K, ? extends V> compute) {
        synchronized (map) {
            SoftReference<V> ref = map.get(key);
            V value = ref == null ? null : ref.get();
            if (value != null) {
                return value;
            }
        }
        V value = compute.apply(key);
        synchronized (map) {
            map.put(key, new SoftReference<>(value));
        }
        return value;
    }
}
