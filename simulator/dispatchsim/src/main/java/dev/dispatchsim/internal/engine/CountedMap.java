package dev.dispatchsim.internal.engine;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An insertion-ordered map that counts every entry a walk over it visits (through entrySet, values,
 * keySet, their streams and copies), into the state's one counter. Lookups by key are not counted:
 * they do not grow with history. The counter is how a test proves that a dispatch costs the same after
 * 10 or 10,000 earlier ones (issue 12): it counts work, so it does not depend on the machine's speed.
 */
final class CountedMap<K, V> extends AbstractMap<K, V> {

    /** Visits of engine records, summed over every counted map of one state. */
    static final class Visits {
        long count;
    }

    private final Map<K, V> entries = new LinkedHashMap<>();
    private final Visits visits;
    private final Set<Map.Entry<K, V>> entrySet = new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            Iterator<Map.Entry<K, V>> inner = entries.entrySet().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public Map.Entry<K, V> next() {
                    visits.count++;
                    return inner.next();
                }

                @Override
                public void remove() {
                    inner.remove();
                }
            };
        }

        @Override
        public int size() {
            return entries.size();
        }
    };

    CountedMap(Visits visits) {
        this.visits = visits;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return entrySet;
    }

    @Override
    public V get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public V put(K key, V value) {
        return entries.put(key, value);
    }

    @Override
    public V remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public void clear() {
        entries.clear();
    }
}
