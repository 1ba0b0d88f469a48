package dev.vireo.conf.defaults;

import dev.vireo.conf.model.Address;
import dev.vireo.conf.model.AddressType;
import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.CharProtocol;
import dev.vireo.conf.model.CharProtocolElement;
import dev.vireo.conf.model.CharSource;
import dev.vireo.conf.model.CharSourceMode;
import dev.vireo.conf.model.CharTarget;
import dev.vireo.conf.model.CharTargetType;
import dev.vireo.conf.model.CharType;
import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Domain;
import java.util.Comparator;
import java.util.List;

/**
 * Serial ports, parallel ports, consoles and channels: port numbers, virtio-serial addresses, and
 * libvirt's console compatibility. For an HVM guest the first {@code <console>} of target type serial
 * <em>is</em> serial port 0: when no serial port is defined it becomes one, and in any case
 * {@code consoles[0]} then mirrors {@code serials[0]} (a guest with serial ports and no console gets
 * such a mirror too). Whoever builds a command line must therefore skip a serial-type
 * {@code consoles[0]} of an HVM guest: it is not a second device.
 */
final class CharDeviceDefaults {

    private CharDeviceDefaults() {
    }

    /** @param libvirt9 libvirt 9's rules: only an ISA serial port (the default type) has a serial console */
    static void apply(Domain d, boolean live, boolean libvirt9) {
        Devices dev = d.getDevices();
        for (List<CharDevice> list : List.of(dev.getSerials(), dev.getParallels(), dev.getConsoles(), dev.getChannels())) {
            list.forEach(c -> source(c, live));
        }
        consoles(d);
        sequentialPorts(dev.getSerials());
        sequentialPorts(dev.getParallels());
        if (!libvirt9 || isaSerial(dev.getSerials())) mirrorSerialConsole(d);
        channels(dev.getChannels());
    }

    /** Source defaults: sockets connect unless told to bind, TCP speaks raw, udp lists bind before connect. */
    private static void source(CharDevice c, boolean live) {
        if (c.getType() == null) c.setType(CharType.PTY);
        normaliseSources(c.getType(), c.getSources(), live);
        if (c.getType() == CharType.TCP) {
            if (c.getProtocol() == null) c.setProtocol(new CharProtocolElement());
            if (c.getProtocol().getType() == null) c.getProtocol().setType(CharProtocol.RAW);
        } else {
            c.setProtocol(null);
        }
    }

    static void normaliseSources(CharType type, List<CharSource> sources, boolean live) {
        sources.forEach(s -> s.getSeclabels().forEach(DiskDefaults::relabelByDefault));
        switch (type) {
            case TCP, UNIX -> sources.forEach(s -> {
                if (s.getMode() == null) s.setMode(CharSourceMode.CONNECT);
            });
            case UDP -> {
                sources.forEach(s -> {
                    if (s.getMode() == null) s.setMode(CharSourceMode.CONNECT);
                });
                sources.sort(Comparator.comparing(CharSource::getMode));
            }
            default -> {
                // a pty's path is chosen at start: a definition keeps none, a running domain its own
                if (type == CharType.PTY && !live) sources.clear();
            }
        }
    }

    /** libvirt's back-compatibility rule for the first console of an HVM guest, and console port numbers. */
    private static void consoles(Domain d) {
        Devices dev = d.getDevices();
        List<CharDevice> consoles = dev.getConsoles();
        for (int i = 0; i < consoles.size(); i++) {
            CharDevice c = consoles.get(i);
            if (c.getTarget() == null) c.setTarget(new CharTarget());
            if (c.getTarget().getType() == null) c.getTarget().setType(defaultConsoleTarget(d));
            if (c.getTarget().getPort() == null) c.getTarget().setPort(i);
        }
        if (!consoles.isEmpty() && DomainDefaults.isHvm(d) && consoles.getFirst().getTarget().getType() == CharTargetType.SERIAL
                && dev.getSerials().isEmpty()) {
            CharDevice serial = copy(consoles.getFirst());
            serial.getTarget().setType(null);
            serial.getTarget().setPort(null);
            dev.getSerials().add(serial);
        }
    }

    private static CharTargetType defaultConsoleTarget(Domain d) {
        String arch = d.getOs() == null || d.getOs().getType() == null ? null : d.getOs().getType().getArch();
        return "s390x".equals(arch) || "s390".equals(arch) ? CharTargetType.VIRTIO : CharTargetType.SERIAL;
    }

    /** A port without a number gets one more than the highest number before it. */
    private static void sequentialPorts(List<CharDevice> ports) {
        int max = -1;
        for (CharDevice p : ports) {
            if (p.getTarget() == null) p.setTarget(new CharTarget());
            if (p.getTarget().getPort() == null) p.getTarget().setPort(max + 1);
            max = Math.max(max, p.getTarget().getPort());
        }
    }

    private static boolean isaSerial(List<CharDevice> serials) {
        if (serials.isEmpty()) return true;
        CharTarget t = serials.getFirst().getTarget();
        return t == null || t.getType() == null || t.getType() == CharTargetType.ISA_SERIAL;
    }

    private static void mirrorSerialConsole(Domain d) {
        Devices dev = d.getDevices();
        if (!DomainDefaults.isHvm(d) || dev.getSerials().isEmpty()) return;
        List<CharDevice> consoles = dev.getConsoles();
        if (!consoles.isEmpty() && consoles.getFirst().getTarget().getType() != CharTargetType.SERIAL) return;
        CharDevice mirror = copy(dev.getSerials().getFirst());
        mirror.getTarget().setType(CharTargetType.SERIAL);
        if (consoles.isEmpty()) consoles.add(mirror);
        else consoles.set(0, mirror);
    }

    /** Virtio channels sit on virtio-serial controller 0 unless placed; ports count up per controller. */
    private static void channels(List<CharDevice> channels) {
        for (int i = 0; i < channels.size(); i++) {
            CharDevice c = channels.get(i);
            if (c.getTarget() == null || c.getTarget().getType() != CharTargetType.VIRTIO) continue;
            Address a = c.getAddress();
            if (a == null) {
                a = Address.virtioSerial(0, 0, 0);
                c.setAddress(a);
            }
            if (a.getType() != AddressType.VIRTIO_SERIAL) continue;
            if (a.getController() == null) a.setController(0);
            if (a.getBus() == null) a.setBus(0);
            if (a.getPortNumber() == null || a.getPortNumber() == 0) {
                int max = 0;
                for (int j = 0; j < i; j++) {
                    Address other = channels.get(j).getAddress();
                    if (other != null && other.getType() == AddressType.VIRTIO_SERIAL && a.getController().equals(other.getController())
                            && a.getBus().equals(other.getBus()) && other.getPortNumber() != null) {
                        max = Math.max(max, other.getPortNumber());
                    }
                }
                a.setPort(max + 1);
            }
        }
    }

    static CharDevice copy(CharDevice from) {
        CharDevice c = new CharDevice();
        c.setType(from.getType());
        c.setTty(from.getTty());
        for (CharSource s : from.getSources()) {
            CharSource t = new CharSource();
            t.setMode(s.getMode());
            t.setPath(s.getPath());
            t.setHost(s.getHost());
            t.setService(s.getService());
            t.getSeclabels().addAll(s.getSeclabels());
            c.getSources().add(t);
        }
        if (from.getProtocol() != null) {
            c.setProtocol(new CharProtocolElement());
            c.getProtocol().setType(from.getProtocol().getType());
        }
        CharTarget target = new CharTarget();
        if (from.getTarget() != null) {
            target.setType(from.getTarget().getType());
            target.setPort(from.getTarget().getPort());
            target.setName(from.getTarget().getName());
            target.setAddress(from.getTarget().getAddress());
        }
        c.setTarget(target);
        c.setAddress(from.getAddress());
        c.setAlias(from.getAlias());
        return c;
    }
}
