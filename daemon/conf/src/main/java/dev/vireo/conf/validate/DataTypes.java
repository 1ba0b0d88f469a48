package dev.vireo.conf.validate;

import java.util.Map;

/** Plain words for the XML Schema data types our RelaxNG files use without a v:describe. */
final class DataTypes {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("string", "text"),
            Map.entry("int", "an integer"),
            Map.entry("long", "an integer"),
            Map.entry("short", "an integer"),
            Map.entry("unsignedInt", "a non-negative integer"),
            Map.entry("unsignedLong", "a non-negative integer"),
            Map.entry("positiveInteger", "a positive integer"),
            Map.entry("dateTime", "a date and time such as 2013-01-31T12:00:00"));

    private DataTypes() {
    }

    static String describe(String type) {
        return WORDS.getOrDefault(type, "a value of type " + type);
    }
}
