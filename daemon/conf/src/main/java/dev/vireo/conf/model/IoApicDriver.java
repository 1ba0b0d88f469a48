package dev.vireo.conf.model;

/** Who emulates the I/O APIC: {@code <ioapic driver>}. */
public enum IoApicDriver implements XmlSpelled {
    KVM("kvm"),
    QEMU("qemu");

    private final String xml;

    IoApicDriver(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<IoApicDriver> {
        public Adapter() {
            super(IoApicDriver.class);
        }
    }
}
