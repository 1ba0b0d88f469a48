package dev.vireo.conf.model;

import java.util.StringJoiner;

/** An enum constant that knows how the domain XML spells it ({@code "writeback"} for {@code WRITEBACK}). */
public interface XmlSpelled {

    /** The spelling in the domain XML. */
    String xml();

    /** The constant of {@code type} spelled {@code xml}; the exception names every allowed spelling. */
    static <E extends Enum<E> & XmlSpelled> E parse(Class<E> type, String xml) {
        for (E e : type.getEnumConstants()) {
            if (e.xml().equals(xml)) return e;
        }
        throw new IllegalArgumentException("'" + xml + "' is not allowed; allowed: " + allowed(type));
    }

    /** Every spelling of {@code type}, comma-separated, for error messages. */
    static <E extends Enum<E> & XmlSpelled> String allowed(Class<E> type) {
        StringJoiner j = new StringJoiner(", ");
        for (E e : type.getEnumConstants()) j.add(e.xml());
        return j.toString();
    }
}
