package dev.vireo.conf.defaults;

import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.CharTargetType;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.ControllerType;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskBus;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Smartcard;
import dev.vireo.conf.model.UsbMaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Controllers the guest has without saying so: USB 0 on QEMU, and every IDE, SCSI, floppy, SATA,
 * virtio-serial or CCID controller that a device's address refers to. New controllers go after the
 * last one of their type (before a higher index of it), or at the end, as libvirt 0.10.2 inserts
 * them; libvirt 9 appends them after the written ones.
 */
final class ControllerDefaults {

    private ControllerDefaults() {
    }

    /** The first port of the EHCI bus that each ICH9 UHCI companion model takes, when not given. */
    private static final Map<String, Integer> ICH9_COMPANION_START_PORT = Map.of("ich9-uhci1", 0, "ich9-uhci2", 2, "ich9-uhci3", 4);

    /**
     * The written controllers, as libvirt's parser keeps them: 0.10.2 inserts each after the last one
     * of its type with no higher index (so a type's controllers end up ordered by index, companions
     * of one index in document order), libvirt 9 keeps the document's order; an ICH9 UHCI companion without {@code <master>} gets
     * the start port its model implies.
     */
    static void orderWritten(Domain d, boolean libvirt9) {
        List<Controller> controllers = d.getDevices().getControllers();
        List<Controller> written = new ArrayList<>(controllers);
        controllers.clear();
        for (Controller c : written) {
            if (c.getIndex() == null) c.setIndex(c.getType() == ControllerType.PCI ? unusedPciIndex(c, written) : 0);
            defaultCompanionMaster(c);
            // libvirt 9's parser keeps the written order; only the controllers it adds are slotted in
            controllers.add(libvirt9 ? controllers.size() : insertionPoint(controllers, c.getType(), c.getIndex()), c);
        }
    }

    /**
     * A PCI controller written without an index gets one as libvirt gives it: the root bus 0, any
     * other the lowest index from 1 that no PCI controller has yet (virt-install writes its
     * pcie-root-ports this way).
     */
    private static int unusedPciIndex(Controller c, List<Controller> all) {
        if ("pci-root".equals(c.getModel()) || "pcie-root".equals(c.getModel())) return 0;
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (Controller o : all) {
            if (o.getType() == ControllerType.PCI && o.getIndex() != null) taken.add(o.getIndex());
        }
        taken.add(0);
        int index = 1;
        while (taken.contains(index)) index++;
        return index;
    }

    private static void defaultCompanionMaster(Controller c) {
        Integer startPort = c.getType() == ControllerType.USB && c.getModel() != null ? ICH9_COMPANION_START_PORT.get(c.getModel()) : null;
        if (startPort == null || c.getMaster() != null) return;
        UsbMaster master = new UsbMaster();
        master.setStartport(startPort);
        c.setMaster(master);
    }

    static void addImplicitUsb(Domain d, boolean libvirt9) {
        if (DomainDefaults.isQemu(d)) ensure(d.getDevices().getControllers(), ControllerType.USB, 0, libvirt9);
    }

    /**
     * What libvirt 9 adds to every x86 pc/q35 guest besides USB: a model for USB controllers written
     * without one (qemu-xhci on q35, piix3-uhci on i440fx), SATA controller 0 on q35 (the board's
     * AHCI), and the root PCI controller (pcie-root on q35, pci-root on i440fx). Added controllers
     * go at the end, after the written ones.
     */
    static void addLibvirt9Implicit(Domain d) {
        String machine = d.getOs() == null || d.getOs().getType() == null ? null : d.getOs().getType().getMachine();
        Boolean q35 = PciAddressAssigner.machineIsQ35(machine);
        if (q35 == null) return;
        List<Controller> controllers = d.getDevices().getControllers();
        for (Controller c : controllers) {
            if (c.getType() == ControllerType.USB && c.getModel() == null) c.setModel(q35 ? "qemu-xhci" : "piix3-uhci");
        }
        if (q35 && !has(controllers, ControllerType.SATA, 0)) controllers.add(controller(ControllerType.SATA, 0));
        Controller root = null;
        for (Controller c : controllers) {
            if (c.getType() == ControllerType.PCI && c.getIndex() != null && c.getIndex() == 0) root = c;
        }
        if (root == null) {
            root = controller(ControllerType.PCI, 0);
            controllers.add(root);
        }
        if (root.getModel() == null) root.setModel(q35 ? "pcie-root" : "pci-root");
    }

    private static boolean has(List<Controller> controllers, ControllerType type, int index) {
        for (Controller c : controllers) {
            if (c.getType() == type && c.getIndex() != null && c.getIndex() == index) return true;
        }
        return false;
    }

    private static Controller controller(ControllerType type, int index) {
        Controller c = new Controller();
        c.setType(type);
        c.setIndex(index);
        return c;
    }

    static void addImplicitForDevices(Domain d, boolean libvirt9) {
        List<Controller> controllers = d.getDevices().getControllers();
        forDisks(d, controllers, DiskBus.SCSI, ControllerType.SCSI, libvirt9);
        forDisks(d, controllers, DiskBus.FDC, ControllerType.FDC, libvirt9);
        forDisks(d, controllers, DiskBus.IDE, ControllerType.IDE, libvirt9);
        forDisks(d, controllers, DiskBus.SATA, ControllerType.SATA, libvirt9);
        for (CharDevice c : d.getDevices().getChannels()) virtioSerialFor(c, controllers, libvirt9);
        for (CharDevice c : d.getDevices().getConsoles()) virtioSerialFor(c, controllers, libvirt9);
        for (Smartcard s : d.getDevices().getSmartcards()) {
            Integer given = s.getAddress() != null && s.getAddress().getType() == AddressType.CCID ? s.getAddress().getController() : null;
            int idx = given == null ? 0 : given;
            ensure(controllers, ControllerType.CCID, idx, libvirt9);
        }
        if (libvirt9 && PciAddressAssigner.machineIsQ35(machine(d)) != null) {
            // the SCSI adapter libvirt picks for x86 when none is named (QEMU's lsi53c895a)
            for (Controller c : controllers) {
                if (c.getType() == ControllerType.SCSI && c.getModel() == null) c.setModel("lsilogic");
            }
        }
    }

    private static String machine(Domain d) {
        return d.getOs() == null || d.getOs().getType() == null ? null : d.getOs().getType().getMachine();
    }

    /** Controllers 0..N of {@code type}, where N is the highest controller a disk on {@code bus} uses. */
    private static void forDisks(Domain d, List<Controller> controllers, DiskBus bus, ControllerType type, boolean libvirt9) {
        int max = -1;
        for (Disk disk : d.getDevices().getDisks()) {
            if (disk.getTarget().getBus() != bus || disk.getAddress() == null || disk.getAddress().getType() != AddressType.DRIVE) continue;
            Integer c = disk.getAddress().getController();
            if (c != null) max = Math.max(max, c);
        }
        for (int i = 0; i <= max; i++) ensure(controllers, type, i, libvirt9);
    }

    private static void virtioSerialFor(CharDevice c, List<Controller> controllers, boolean libvirt9) {
        if (c.getTarget() == null || c.getTarget().getType() != CharTargetType.VIRTIO) return;
        int idx = 0;
        if (c.getAddress() != null && c.getAddress().getType() == AddressType.VIRTIO_SERIAL && c.getAddress().getController() != null) {
            idx = c.getAddress().getController();
        }
        ensure(controllers, ControllerType.VIRTIO_SERIAL, idx, libvirt9);
    }

    /** Adds controller {@code type}/{@code index} unless present, at libvirt's position (0.10.2's sorted one, or libvirt 9's end). */
    static void ensure(List<Controller> controllers, ControllerType type, int index, boolean libvirt9) {
        if (has(controllers, type, index)) return;
        controllers.add(libvirt9 ? controllers.size() : insertionPoint(controllers, type, index), controller(type, index));
    }

    /** Before the first controller of {@code type} with a higher index, else after the last of that type, else at the end. */
    private static int insertionPoint(List<Controller> controllers, ControllerType type, int index) {
        int insertAt = -1;
        for (int i = controllers.size() - 1; i >= 0; i--) {
            Controller c = controllers.get(i);
            if (c.getType() != type) continue;
            if (c.getIndex() != null && c.getIndex() > index) insertAt = i;
            else if (insertAt == -1) insertAt = i + 1;
        }
        return insertAt < 0 ? controllers.size() : insertAt;
    }
}
