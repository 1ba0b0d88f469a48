package dev.vireo.conf.model;

/** The namespace of libvirt's QEMU extensions such as {@code <qemu:commandline>}. */
public final class QemuNamespace {
    public static final String URI = "http://libvirt.org/schemas/domain/qemu/1.0";

    private QemuNamespace() {
    }
}
