package fr.preau.mail.imap;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A small least-recently-used cache with a time to live and a memory budget: entries past their time are dropped
 * when read, the oldest ones when there are too many or they weigh too much together. An entry heavier than a
 * quarter of the budget is not kept.
 */
final class ReadCache<V> {
    private final int maxEntries;
    private final long maxWeight;
    private final long ttlNanos;
    private final ToLongFunction<V> weigher;
    private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    private record Entry<V>(V value, long weight, long expires) {
    }

    ReadCache(int maxEntries, long maxWeight, Duration ttl, ToLongFunction<V> weigher) {
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.ttlNanos = ttl.toNanos();
        this.weigher = weigher;
    }

    synchronized V get(String key) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.expires() > 0) {
            remove(key);
            return null;
        }
        return e.value();
    }

    synchronized void put(String key, V value) {
        remove(key);
        long w = weigher.applyAsLong(value);
        if (w > maxWeight / 4) {
            return;
        }
        entries.put(key, new Entry<>(value, w, System.nanoTime() + ttlNanos));
        weight += w;
        Iterator<Map.Entry<String, Entry<V>>> oldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || weight > maxWeight) && oldest.hasNext()) {
            weight -= oldest.next().getValue().weight();
            oldest.remove();
        }
    }

    synchronized int size() {
        return entries.size();
    }

    private void remove(String key) {
        Entry<V> old = entries.remove(key);
        if (old != null) {
            weight -= old.weight();
        }
    }
}
