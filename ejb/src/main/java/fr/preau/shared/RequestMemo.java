package fr.preau.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;

/**
 * Values worked out once per request (the caller's account, looked up by every service the page calls). Outside a
 * request (a batch step, a timer), nothing is remembered and each call computes again. Only immutable values go
 * here: what one service changes in the request must not be hidden from the next.
 */
@RequestScoped
public class RequestMemo {
    private final Map<String, Object> values = new HashMap<>();

    /** The value under this key in this request, computed by {@code compute} the first time. */
    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        Object value = values.get(key);
        if (value == null) {
            value = compute.get();
            values.put(key, value);
        }
        return (T) value;
    }

    /** {@link #get} when a request is active, else {@code compute} straight away. */
    public static <T> T remembered(RequestMemo memo, String key, Supplier<T> compute) {
        try {
            return memo.get(key, compute);
        } catch (ContextNotActiveException e) {
            return compute.get();
        }
    }
}
