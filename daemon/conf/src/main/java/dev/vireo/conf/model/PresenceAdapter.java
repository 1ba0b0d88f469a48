package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Binds an empty marker element such as {@code <readonly/>} to a {@link Boolean}: present is
 * {@code true}; {@code false} and {@code null} are both written as no element at all.
 */
public final class PresenceAdapter extends XmlAdapter<PresenceAdapter.Marker, Boolean> {

    /** The empty element itself. */
    public static final class Marker {
    }

    @Override
    public Boolean unmarshal(Marker marker) {
        return marker == null ? null : Boolean.TRUE;
    }

    @Override
    public Marker marshal(Boolean present) {
        return Boolean.TRUE.equals(present) ? new Marker() : null;
    }
}
