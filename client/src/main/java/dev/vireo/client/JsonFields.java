package dev.vireo.client;

import java.util.List;
import java.util.Map;

/**
 * Reading {@link JsonText} values the way the client did with Jackson's {@code path(..).asText()}:
 * a missing field reads as empty text, zero or false rather than failing.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** The value as an object, or an empty one when it is not an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The value as an array, or an empty one when it is not an array. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** Text of a scalar field ({@code "null"} for JSON null), {@code ""} when missing or not a scalar. */
    public static String text(Map<String, Object> object, String field) {
        if (!object.containsKey(field)) return "";
        Object v = object.get(field);
        return v == null ? "null" : scalarText(v);
    }

    private static String scalarText(Object v) {
        return v instanceof Map || v instanceof List ? "" : v.toString();
    }

    /** Text of a scalar field, {@code fallback} when missing or null. */
    public static String text(Map<String, Object> object, String field, String fallback) {
        Object v = object.get(field);
        return v == null ? fallback : scalarText(v);
    }

    public static boolean has(Map<String, Object> object, String field) {
        return object.containsKey(field);
    }

    /** Present and not JSON null. */
    public static boolean hasNonNull(Map<String, Object> object, String field) {
        return object.get(field) != null;
    }

    /** A number field, 0 when missing or not a number. */
    public static long longValue(Map<String, Object> object, String field) {
        return object.get(field) instanceof Number n ? n.longValue() : 0;
    }

    public static int intValue(Map<String, Object> object, String field) {
        return object.get(field) instanceof Number n ? n.intValue() : 0;
    }

    public static double doubleValue(Map<String, Object> object, String field) {
        return object.get(field) instanceof Number n ? n.doubleValue() : 0;
    }

    /** True only for JSON true. */
    public static boolean bool(Map<String, Object> object, String field) {
        return Boolean.TRUE.equals(object.get(field));
    }
}
