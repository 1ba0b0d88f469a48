package dev.vireo.conf.defaults;

import dev.vireo.conf.model.Devices;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.Graphics;
import dev.vireo.conf.model.GraphicsListen;
import dev.vireo.conf.model.GraphicsType;
import dev.vireo.conf.model.Input;
import dev.vireo.conf.model.InputBus;
import dev.vireo.conf.model.InputType;
import dev.vireo.conf.model.ListenType;
import dev.vireo.conf.model.Video;
import dev.vireo.conf.model.VideoModel;
import dev.vireo.conf.model.VideoModelElement;

/**
 * Inputs, graphics and video. A guest with graphics always has a PS/2 mouse (a Xen mouse for Xen
 * guests), which libvirt does not store but adds back after the other inputs; graphics without a video
 * card get the default card; VNC and SPICE ports chosen at start are shown as {@code port='-1'}.
 */
final class InputGraphicsDefaults {

    private InputGraphicsDefaults() {
    }

    /** @param libvirt9 the emulator was probed: libvirt 9's implicit inputs instead of 0.10.2's */
    static void apply(Domain d, boolean live, boolean libvirt9) {
        Devices dev = d.getDevices();
        boolean hvm = DomainDefaults.isHvm(d);
        for (Input in : dev.getInputs()) {
            if (in.getBus() == null) {
                boolean ps2 = in.getType() == InputType.MOUSE || (libvirt9 && in.getType() == InputType.KEYBOARD);
                in.setBus(hvm ? (ps2 ? InputBus.PS2 : InputBus.USB) : InputBus.XEN);
            }
        }
        InputBus implicitBus = hvm ? InputBus.PS2 : InputBus.XEN;
        if (libvirt9) {
            // libvirt 9 stores the PS/2 mouse and keyboard every x86 board has, after the written inputs
            if (hvm && isX86(d)) {
                addUnlessPresent(dev, InputType.MOUSE, InputBus.PS2);
                addUnlessPresent(dev, InputType.KEYBOARD, InputBus.PS2);
            }
        } else {
            dev.getInputs().removeIf(in -> in.getType() == InputType.MOUSE && in.getBus() == implicitBus);
        }
        if (!libvirt9 && !dev.getGraphics().isEmpty()) {
            Input mouse = new Input();
            mouse.setType(InputType.MOUSE);
            mouse.setBus(implicitBus);
            dev.getInputs().add(mouse);
        }
        dev.getGraphics().forEach(g -> graphics(g, live, libvirt9));
        for (Video v : dev.getVideos()) video(d, v);
        if (!dev.getGraphics().isEmpty() && dev.getVideos().isEmpty()) {
            Video v = new Video();
            dev.getVideos().add(v);
            video(d, v);
        }
    }

    private static boolean isX86(Domain d) {
        String arch = d.getOs().getType().getArch();
        return "x86_64".equals(arch) || "i686".equals(arch);
    }

    private static void addUnlessPresent(Devices dev, InputType type, InputBus bus) {
        for (Input in : dev.getInputs()) {
            if (in.getType() == type && in.getBus() == bus) return;
        }
        Input added = new Input();
        added.setType(type);
        added.setBus(bus);
        dev.getInputs().add(added);
    }

    private static void graphics(Graphics g, boolean live, boolean libvirt9) {
        // full screen is printed only when on
        if (Boolean.FALSE.equals(g.getFullscreen())) g.setFullscreen(null);
        if (g.getType() == GraphicsType.VNC || g.getType() == GraphicsType.SPICE) {
            if (!libvirt9 || !libvirt9Ports(g)) ports(g, live);
        }
        if (g.getType() == GraphicsType.RDP) rdpPorts(g, live);
        // a VNC server on a UNIX socket has no port: libvirt prints the socket alone
        if (g.getType() == GraphicsType.VNC && g.getSocket() != null) {
            g.setPort(null);
            g.setAutoport(null);
        }
        if (g.getListen() != null && g.getListens().isEmpty()) {
            GraphicsListen l = new GraphicsListen();
            l.setType(ListenType.ADDRESS);
            l.setAddress(g.getListen());
            g.getListens().add(l);
        }
        for (GraphicsListen l : g.getListens()) {
            if (l.getType() == null) l.setType(l.getNetwork() != null ? ListenType.NETWORK : ListenType.ADDRESS);
            // the address of a network listen is looked up at start
            if (l.getType() == ListenType.NETWORK) l.setAddress(null);
        }
        g.setListen(g.getListens().stream().filter(l -> l.getType() == ListenType.ADDRESS).map(GraphicsListen::getAddress)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null));
    }

    /**
     * libvirt's reading of {@code port}/{@code autoport}: no port, or {@code -1}, means automatic; an
     * automatic port is not kept in the definition and prints as {@code -1}. Note {@code autoport='no'}
     * does not switch automatic off when no port is given.
     */
    private static void ports(Graphics g, boolean live) {
        boolean auto = g.getPort() == null || g.getPort() == -1 || Boolean.TRUE.equals(g.getAutoport());
        if (g.getType() == GraphicsType.SPICE) {
            auto = Boolean.TRUE.equals(g.getAutoport());
            if (auto && !live) {
                g.setPort(null);
                g.setTlsPort(null);
            }
            g.setAutoport(auto);
            return;
        }
        g.setAutoport(auto);
        // a running domain shows the port it was given; a definition only that one will be chosen
        if (auto && (!live || g.getPort() == null || g.getPort() <= 0)) g.setPort(-1);
    }

    /**
     * Where libvirt 9 reads ports differently; true when it settled them. A display listening nowhere
     * ({@code <listen type='none'/>}) has no ports at all; VNC with {@code autoport='no'} and no port
     * keeps both as written; SPICE with neither port nor autoport has none (and will listen nowhere,
     * see {@link Libvirt9DeviceDefaults}).
     */
    private static boolean libvirt9Ports(Graphics g) {
        boolean listensNowhere = g.getListens().stream().anyMatch(l -> l.getType() == ListenType.NONE);
        boolean vncNoAuto = g.getType() == GraphicsType.VNC && Boolean.FALSE.equals(g.getAutoport()) && g.getPort() == null;
        boolean spiceUnset = g.getType() == GraphicsType.SPICE && g.getPort() == null && g.getTlsPort() == null
                && !Boolean.TRUE.equals(g.getAutoport());
        if (!listensNowhere && !vncNoAuto && !spiceUnset) return false;
        if (listensNowhere || spiceUnset) {
            g.setPort(null);
            g.setTlsPort(null);
            g.setAutoport(null);
        }
        return true;
    }

    /**
     * RDP's variant: no port means automatic, which a definition keeps as port 0 (printed
     * {@code port='0'}); {@code autoport} is printed only when on.
     */
    private static void rdpPorts(Graphics g, boolean live) {
        boolean auto = g.getPort() == null || Boolean.TRUE.equals(g.getAutoport());
        if (auto && (!live || g.getPort() == null)) g.setPort(0);
        g.setAutoport(auto ? Boolean.TRUE : null);
    }

    private static void video(Domain d, Video v) {
        if (v.getModel() == null) v.setModel(new VideoModelElement());
        VideoModelElement m = v.getModel();
        if (m.getType() == null) m.setType(DomainDefaults.isHvm(d) ? VideoModel.CIRRUS : VideoModel.XEN);
        // type='none' is no card at all: nothing to size
        if (m.getType() == VideoModel.NONE) return;
        // a card QEMU gives no default memory (vbox) is left without one: libvirt prints no vram='0'
        if (m.getVram() == null && defaultVram(m.getType()) > 0) m.setVram(defaultVram(m.getType()));
        if (m.getHeads() == null) m.setHeads(1);
    }

    /**
     * QEMU's default video memory in KiB: 9 MiB for VGA-like cards, 64 MiB for QXL, 4 MiB for the Xen
     * framebuffer, 16 MiB for bochs-display (which libvirt 0.10.2 did not know); virtio-gpu and ramfb
     * take none.
     */
    private static int defaultVram(VideoModel type) {
        return switch (type) {
            case VGA, CIRRUS, VMVGA -> 9 * 1024;
            case QXL -> 64 * 1024;
            case XEN -> 4 * 1024;
            case BOCHS -> 16 * 1024;
            default -> 0;
        };
    }
}
