package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Guards state that only a running domain has (its id, device aliases, a pty's path, an active block
 * copy, the backing chain it opened): libvirt ignores it when a definition is read as inactive and leaves it out of inactive XML.
 * The parser and formatter install instances that keep or drop it; JAXB's own default instance keeps it.
 */
public abstract class LiveOnly<T> extends XmlAdapter<T, T> {
    private final boolean live;

    protected LiveOnly(boolean live) {
        this.live = live;
    }

    @Override
    public T unmarshal(T value) {
        return live ? value : null;
    }

    @Override
    public T marshal(T value) {
        return live ? value : null;
    }

    /** The adapters for every live-only field, all keeping ({@code live}) or all dropping the state. */
    public static java.util.List<LiveOnly<?>> all(boolean live) {
        return java.util.List.of(new OfInteger(live), new OfString(live), new OfDiskMirror(live), new OfDeviceAlias(live),
                new OfDiskBackingStore(live));
    }

    public static final class OfInteger extends LiveOnly<Integer> {
        public OfInteger() {
            this(true);
        }

        public OfInteger(boolean live) {
            super(live);
        }
    }

    public static final class OfString extends LiveOnly<String> {
        public OfString() {
            this(true);
        }

        public OfString(boolean live) {
            super(live);
        }
    }

    public static final class OfDiskMirror extends LiveOnly<DiskMirror> {
        public OfDiskMirror() {
            this(true);
        }

        public OfDiskMirror(boolean live) {
            super(live);
        }
    }

    public static final class OfDiskBackingStore extends LiveOnly<DiskBackingStore> {
        public OfDiskBackingStore() {
            this(true);
        }

        public OfDiskBackingStore(boolean live) {
            super(live);
        }
    }

    public static final class OfDeviceAlias extends LiveOnly<DeviceAlias> {
        public OfDeviceAlias() {
            this(true);
        }

        public OfDeviceAlias(boolean live) {
            super(live);
        }
    }
}
