package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/** Binds a {@code yes}/{@code no} attribute to a {@link Boolean}; anything else is refused. */
public final class YesNoAdapter extends XmlAdapter<String, Boolean> {
    @Override
    public Boolean unmarshal(String xml) {
        return switch (xml.strip()) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + xml + "' is not allowed; allowed: yes, no");
        };
    }

    @Override
    public String marshal(Boolean value) {
        return value == null ? null : value ? "yes" : "no";
    }
}
