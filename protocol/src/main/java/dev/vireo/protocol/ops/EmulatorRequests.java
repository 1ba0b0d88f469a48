package dev.vireo.protocol.ops;

/** Emulators: their capabilities, the command line a domain gets, the version. */
public interface EmulatorRequests {

    /** The {@code <qemuCaps>} document of an emulator binary (text). */
    record DomCapabilities(String emulatorbin) implements Request {
        @Override public String op() { return "domcapabilities"; }
    }

    /**
     * The emulator command line for a domain XML, on one line (text).
     *
     * @param format only {@code qemu-argv}
     * @param caps   a {@code <qemuCaps>} document to use instead of probing the domain's emulator
     */
    record DomXmlToNative(String format, String xml, @Nullable String caps) implements Request {
        @Override public String op() { return "domxml-to-native"; }
    }

    /** {@code {"daemon":..,"hypervisor":"QEMU","hypervisorVersion":N}}. */
    record Version() implements Request {
        @Override public String op() { return "version"; }
    }
}
