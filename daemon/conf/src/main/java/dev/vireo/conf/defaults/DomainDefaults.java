package dev.vireo.conf.defaults;

import dev.vireo.conf.MachineTypes;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Domain;

/**
 * Fills in what libvirt 0.10.2 fills in after parsing a QEMU domain, so that the model (and the XML
 * printed from it) is what {@code virsh dumpxml} would show. The steps run in libvirt's order, which
 * matters: the implicit USB controller is added before the controllers that disks and channels need.
 * Runs only on a document whose values the semantic pre-checks accepted.
 */
public final class DomainDefaults {

    private DomainDefaults() {
    }

    /**
     * @param live the document describes a running domain, whose runtime details (pty paths, tap
     *             names, chosen display ports) are kept rather than reset as in a definition
     */
    public static void apply(Domain d, boolean live) {
        apply(d, live, null);
    }

    /**
     * @param machines the machine types of the domain's probed emulator: libvirt 9's defaults apply
     *                 when given, libvirt 0.10.2's when null
     */
    public static void apply(Domain d, boolean live, MachineTypes machines) {
        if (d.getDevices() == null) d.setDevices(new Devices());
        Libvirt9Defaults libvirt9 = machines != null ? Libvirt9Defaults.before(d) : null;
        GuestDefaults.apply(d);
        if (machines != null) MachineDefaults.canonicalise(d, machines);
        FirmwareFeatureDefaults.apply(d);
        ControllerDefaults.orderWritten(d, machines != null);
        DiskDefaults.apply(d, machines != null);
        ControllerDefaults.addImplicitUsb(d, machines != null);
        if (machines != null) ControllerDefaults.addLibvirt9Implicit(d);
        CharDeviceDefaults.apply(d, live, machines != null);
        InputGraphicsDefaults.apply(d, live, machines != null);
        OtherDeviceDefaults.apply(d, live);
        if (libvirt9 != null) {
            libvirt9.after(d);
            Libvirt9DeviceDefaults.apply(d);
        }
        ControllerDefaults.addImplicitForDevices(d, machines != null);
        if (machines != null) {
            PciAddressAssigner.apply(d);
            UsbAddressAssigner.apply(d);
        }
        AddressDefaults.normaliseAll(d);
    }

    /**
     * The devices of a domain filled in with libvirt 9's defaults that want a PCI address and did not
     * get one: no slot fits them and no controller can be added for them (libvirt refuses such a domain).
     */
    public static java.util.List<dev.vireo.conf.model.Device> pciDevicesWithoutSlot(Domain d) {
        return PciAddressAssigner.unplaced(d);
    }

    /** Whether libvirt treats the domain as a QEMU one (where USB and the balloon are implicit). */
    static boolean isQemu(Domain d) {
        return switch (d.getType()) {
            case QEMU, KQEMU, KVM -> true;
            default -> false;
        };
    }

    /** Whether the guest is a full virtual machine ({@code <os><type>hvm</type>}). */
    static boolean isHvm(Domain d) {
        return d.getOs() != null && d.getOs().getType() != null && "hvm".equals(d.getOs().getType().getValue());
    }
}
