package dev.vireo.protocol.ops;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request record's arguments by wire name, as the client sends them (and the daemon binds them). */
public final class RequestArgs {
    private RequestArgs() {
    }

    /**
     * The request's non-null components by wire name, in declaration order (Strings, Booleans,
     * Longs, lists and maps as they are): an absent argument and a null one mean the same.
     */
    public static Map<String, Object> of(Request request) {
        Map<String, Object> args = new LinkedHashMap<>();
        boolean snake = request instanceof Request.SnakeCase;
        for (RecordComponent c : request.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(request);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + request.getClass().getName() + "." + c.getName(), e);
            }
            if (value != null) args.put(wireName(c.getName(), snake), value);
        }
        return args;
    }

    /** A component's argument name: itself, or in snake_case ({@code keepNvram} is {@code keep_nvram}). */
    public static String wireName(String component, boolean snakeCase) {
        if (!snakeCase) return component;
        StringBuilder out = new StringBuilder(component.length() + 4);
        for (int i = 0; i < component.length(); i++) {
            char ch = component.charAt(i);
            if (Character.isUpperCase(ch)) out.append('_').append(Character.toLowerCase(ch));
            else out.append(ch);
        }
        return out.toString();
    }
}
