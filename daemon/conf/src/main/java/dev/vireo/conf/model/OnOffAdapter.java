package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/** Binds an {@code on}/{@code off} attribute to a {@link Boolean}; anything else is refused. */
public final class OnOffAdapter extends XmlAdapter<String, Boolean> {
    @Override
    public Boolean unmarshal(String xml) {
        return switch (xml.strip()) {
            case "on" -> Boolean.TRUE;
            case "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("'" + xml + "' is not allowed; allowed: on, off");
        };
    }

    @Override
    public String marshal(Boolean value) {
        return value == null ? null : value ? "on" : "off";
    }
}
