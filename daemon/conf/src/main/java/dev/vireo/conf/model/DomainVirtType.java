package dev.vireo.conf.model;

/** The hypervisor a domain is written for: {@code <domain type>}. */
public enum DomainVirtType implements XmlSpelled {
    QEMU("qemu"),
    KQEMU("kqemu"),
    KVM("kvm"),
    XEN("xen"),
    LXC("lxc"),
    UML("uml"),
    OPENVZ("openvz"),
    TEST("test"),
    VMWARE("vmware"),
    HYPERV("hyperv"),
    VBOX("vbox"),
    PHYP("phyp"),
    PARALLELS("parallels");

    private final String xml;

    DomainVirtType(String xml) {
        this.xml = xml;
    }

    @Override
    public String xml() {
        return xml;
    }

    /** The constant spelled {@code xml} in the domain XML, or an exception naming the allowed spellings. */
    public static DomainVirtType fromXml(String xml) {
        return XmlSpelled.parse(DomainVirtType.class, xml);
    }

    /** Binds the XML spelling; an unknown spelling becomes a located problem instead of a silent null. */
    public static final class Adapter extends XmlSpelledAdapter<DomainVirtType> {
        public Adapter() {
            super(DomainVirtType.class);
        }
    }
}
