package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Video;
import dev.vireo.conf.model.VideoModel;
import dev.vireo.conf.model.VideoModelElement;
import java.util.List;

/**
 * Video cards as libvirt 9 writes them for QEMU 7.2: every card a {@code -device} (the primary one
 * its VGA-compatible variant), the sizes as the device's own properties ({@code vgamem_mb},
 * {@code ram_size}, ...), {@code max_outputs} from {@code heads}.
 */
final class ModernVideo {

    /** libvirt's VGA memory for a card that names none: 16 MiB. */
    private static final int DEFAULT_VGAMEM_KIB = 16 * 1024;

    private static final long MAX_KIB = 0xFFFFFFFFL / 1024;

    private ModernVideo() {
    }

    static boolean applies(BuildContext ctx) {
        return ctx.usesDevice() && ctx.has(Capability.DEVICE_VIDEO_PRIMARY) && ctx.modern();
    }

    static void write(BuildContext ctx, ArgvWriter out, List<Video> videos) throws UnsupportedConfigurationException {
        for (int i = 0; i < videos.size(); i++) {
            Video video = videos.get(i);
            VideoModelElement m = video.getModel() == null ? new VideoModelElement() : video.getModel();
            VideoModel model = m.getType() == null ? VideoModel.CIRRUS : m.getType();
            if (model == VideoModel.NONE) {
                continue;
            }
            boolean accel3d = m.getAcceleration() != null && Boolean.TRUE.equals(m.getAcceleration().getAccel3d());
            if (accel3d && model != VideoModel.VIRTIO) {
                throw new UnsupportedConfigurationException("video" + i + ": <acceleration accel3d='yes'> is supported "
                        + "for <model type='virtio'> only, not '" + model.xml() + "'");
            }
            boolean primary = i == 0;
            // virgl: QEMU 6.1 split the 3D-capable virtio GPUs into devices of their own.
            String driver = accel3d ? gl(ctx, primary, i) : driver(ctx, model, primary, i);
            OptionString o = new OptionString(driver).add("id", ctx.alias(video));
            switch (model) {
                case VGA, VMVGA -> vgamemMb(o, m);
                case QXL -> {
                    if (m.getHeads() != null) o.add("max_outputs", m.getHeads());
                    o.add("ram_size", bytes(m.getRam() == null ? 64 * 1024 : m.getRam(), "ram", i));
                    o.add("vram_size", bytes(m.getVram() == null ? 64 * 1024 : m.getVram(), "vram", i));
                    o.add("vram64_size_mb", 0);
                    vgamemMb(o, m);
                }
                case VIRTIO -> {
                    if (m.getHeads() != null) o.add("max_outputs", m.getHeads());
                }
                case BOCHS -> o.add("vgamem", bytes(m.getVgamem() == null ? DEFAULT_VGAMEM_KIB : m.getVgamem(), "vgamem", i));
                default -> { }
            }
            resolution(o, m, model, i);
            DeviceAddressOption.append(ctx, o, video);
            out.option("-device", o.toString());
        }
    }

    private static String driver(BuildContext ctx, VideoModel model, boolean primary, int i) throws UnsupportedConfigurationException {
        String driver = switch (model) {
            case VGA -> primary ? "VGA" : null;
            case CIRRUS -> primary ? "cirrus-vga" : null;
            case VMVGA -> primary ? "vmware-svga" : null;
            case QXL -> primary ? "qxl-vga" : "qxl";
            case VIRTIO -> primary ? "virtio-vga" : "virtio-gpu-pci";
            case BOCHS -> "bochs-display";
            case RAMFB -> primary ? "ramfb" : null;
            default -> throw new UnsupportedConfigurationException("video" + i + ": <model type='" + model.xml()
                    + "'> is not supported by QEMU; allowed: vga, cirrus, vmvga, qxl, virtio, bochs, ramfb, none");
        };
        if (driver == null) {
            throw new UnsupportedConfigurationException("video" + i + ": <model type='" + model.xml() + "'> can only be "
                    + "the primary video card; secondary cards can be qxl, virtio or bochs");
        }
        if (!ctx.caps().hasDevice(driver) && !hasByFlag(ctx, driver)) {
            throw new UnsupportedConfigurationException("video" + i + ": this QEMU binary has no device '" + driver + "'");
        }
        return driver;
    }

    private static String gl(BuildContext ctx, boolean primary, int i) throws UnsupportedConfigurationException {
        String driver = primary ? "virtio-vga-gl" : "virtio-gpu-gl-pci";
        if (!ctx.caps().hasDevice(driver)) {
            throw new UnsupportedConfigurationException("video" + i + ": <acceleration accel3d='yes'>: this QEMU binary "
                    + "has no device '" + driver + "'");
        }
        return driver;
    }

    /** {@code <resolution x= y=>}: the display's initial size, {@code xres}/{@code yres} of the cards that have them. */
    private static void resolution(OptionString o, VideoModelElement m, VideoModel model, int i) throws UnsupportedConfigurationException {
        if (m.getResolution() == null) return;
        switch (model) {
            case VGA, QXL, VIRTIO, BOCHS -> { }
            default -> throw new UnsupportedConfigurationException("video" + i + ": <model type='" + model.xml()
                    + "'><resolution>: QEMU's " + model.xml() + " card has no resolution setting (supported: vga, qxl, virtio, bochs)");
        }
        o.add("xres", m.getResolution().getX());
        o.add("yres", m.getResolution().getY());
    }

    /** Capability documents of tests may list flags only (no device names). */
    private static boolean hasByFlag(BuildContext ctx, String driver) {
        Capability flag = switch (driver) {
            case "VGA" -> Capability.DEVICE_VGA;
            case "cirrus-vga" -> Capability.DEVICE_CIRRUS_VGA;
            case "vmware-svga" -> Capability.DEVICE_VMWARE_SVGA;
            case "qxl-vga" -> Capability.DEVICE_QXL_VGA;
            case "qxl" -> Capability.DEVICE_QXL;
            case "virtio-vga" -> Capability.VIRTIO_VGA;
            case "virtio-gpu-pci" -> Capability.VIRTIO_GPU;
            case "bochs-display" -> Capability.BOCHS_DISPLAY;
            case "ramfb" -> Capability.RAMFB;
            default -> null;
        };
        return flag != null && ctx.has(flag);
    }

    private static void vgamemMb(OptionString o, VideoModelElement m) {
        if (m.getVgamem() != null) {
            o.add("vgamem_mb", m.getVgamem() / 1024);
        }
    }

    private static long bytes(int kib, String attribute, int i) throws UnsupportedConfigurationException {
        if (kib > MAX_KIB) {
            throw new UnsupportedConfigurationException("video" + i + ": <model " + attribute + "='" + kib + "'> must be at most "
                    + MAX_KIB + " KiB");
        }
        return kib * 1024L;
    }
}
