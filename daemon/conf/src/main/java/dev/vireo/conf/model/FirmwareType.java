package dev.vireo.conf.model;

/** Firmware the hypervisor picks for the guest: {@code <os firmware>}. */
public enum FirmwareType implements XmlSpelled {
    EFI("efi"),
    BIOS("bios");

    private final String xml;

    FirmwareType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<FirmwareType> {
        public Adapter() {
            super(FirmwareType.class);
        }
    }
}
