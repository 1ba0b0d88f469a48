package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Video;
import dev.vireo.conf.model.VideoModel;
import dev.vireo.conf.model.VideoModelElement;
import java.util.List;

/**
 * Video cards: the primary one with {@code -vga} (or {@code -device} when QEMU can create it that
 * way), further QXL heads with {@code -device qxl}.
 */
final class VideoArgs {

    /** libvirt gives every QXL card 64 MiB of RAM when the XML names no size. */
    private static final int DEFAULT_QXL_RAM_KIB = 64 * 1024;

    /** QEMU's ram_size/vram_size are bytes; the XML gives KiB and the value must fit 32 bits. */
    private static final long MAX_KIB = 0xFFFFFFFFL / 1024;

    private VideoArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        List<Video> videos = ctx.devices().getVideos();
        if (videos.isEmpty()) {
            if (!ctx.usesDevice() && ctx.has(Capability.VGA) && ctx.has(Capability.VGA_NONE)) {
                out.option("-vga", "none");
            }
            return;
        }
        if (ModernVideo.applies(ctx)) {
            ModernVideo.write(ctx, out, videos);
            return;
        }
        for (Video v : videos) {
            if (v.getModel() != null && v.getModel().getVgamem() != null) {
                throw new UnsupportedConfigurationException("<video><model vgamem>: sizing the VGA memory needs a QEMU "
                        + "4.2 or later whose video cards are created with -device");
            }
            if (v.getModel() != null && v.getModel().getResolution() != null) {
                throw new UnsupportedConfigurationException("<video><model><resolution>: a card's resolution is set "
                        + "with QEMU 4.2 or later");
            }
            if (v.getModel() != null && v.getModel().getAcceleration() != null
                    && Boolean.TRUE.equals(v.getModel().getAcceleration().getAccel3d())) {
                throw new UnsupportedConfigurationException("<video><acceleration accel3d='yes'>: virgl needs QEMU 6.1 "
                        + "or later (virtio-vga-gl)");
            }
        }
        VideoModel primary = model(videos.getFirst());
        if (ctx.has(Capability.DEVICE_VIDEO_PRIMARY) && primaryDeviceAvailable(ctx, primary)) {
            for (int i = 0; i < videos.size(); i++) {
                out.option("-device", device(ctx, videos.get(i), i == 0));
            }
            return;
        }
        if (ctx.has(Capability.VGA)) {
            vga(ctx, out, videos.getFirst(), primary);
        } else {
            switch (primary) {
                case VGA -> out.add("-std-vga");
                case VMVGA -> out.add("-vmwarevga");
                case CIRRUS, XEN -> {
                    // The default card, nothing to say.
                }
                default -> throw new UnsupportedConfigurationException("<video><model type='" + primary.xml()
                        + "'> is not supported by this QEMU binary; allowed: vga, cirrus, vmvga, xen");
            }
        }
        if (videos.size() > 1) {
            if (!ctx.usesDevice()) {
                throw new UnsupportedConfigurationException("only one video card is supported by this QEMU binary "
                        + "(capability 'device' is needed for more)");
            }
            for (int i = 1; i < videos.size(); i++) {
                out.option("-device", device(ctx, videos.get(i), false));
            }
        }
    }

    private static VideoModel model(Video video) {
        VideoModelElement m = video.getModel();
        return m == null || m.getType() == null ? VideoModel.CIRRUS : m.getType();
    }

    private static boolean primaryDeviceAvailable(BuildContext ctx, VideoModel model) {
        return switch (model) {
            case VGA -> ctx.has(Capability.DEVICE_VGA);
            case CIRRUS -> ctx.has(Capability.DEVICE_CIRRUS_VGA);
            case VMVGA -> ctx.has(Capability.DEVICE_VMWARE_SVGA);
            case QXL -> ctx.has(Capability.DEVICE_QXL_VGA);
            default -> false;
        };
    }

    private static void vga(BuildContext ctx, ArgvWriter out, Video video, VideoModel model) throws UnsupportedConfigurationException {
        if (model == VideoModel.XEN) {
            // -vga has no effect on a Xen paravirtual framebuffer.
            return;
        }
        if (model == VideoModel.QXL && !ctx.has(Capability.VGA_QXL)) {
            throw new UnsupportedConfigurationException("<video><model type='qxl'>: this QEMU binary does not support "
                    + "QXL graphics adapters (capability 'vga-qxl')");
        }
        String name = switch (model) {
            case VGA -> "std";
            case CIRRUS -> "cirrus";
            case VMVGA -> "vmware";
            case QXL -> "qxl";
            default -> throw new UnsupportedConfigurationException("<video><model type='" + model.xml()
                    + "'> is not supported by QEMU; allowed: vga, cirrus, vmvga, xen, qxl");
        };
        out.option("-vga", name);
        if (model == VideoModel.QXL && ctx.usesDevice()) {
            String device = ctx.has(Capability.DEVICE_QXL_VGA) ? "qxl-vga" : "qxl";
            VideoModelElement m = video.getModel();
            int ram = qxlRam(m);
            Integer vram = m.getVram();
            if (ram > 0) {
                out.option("-global", device + ".ram_size=" + bytes(ram, "ram"));
            }
            if (vram != null && vram > 0) {
                out.option("-global", device + ".vram_size=" + bytes(vram, "vram"));
            }
        }
    }

    private static String device(BuildContext ctx, Video video, boolean primary) throws UnsupportedConfigurationException {
        VideoModel model = model(video);
        String name;
        if (primary) {
            name = switch (model) {
                case VGA -> "VGA";
                case CIRRUS -> "cirrus-vga";
                case VMVGA -> "vmware-svga";
                case QXL -> "qxl-vga";
                default -> throw new UnsupportedConfigurationException("<video><model type='" + model.xml()
                        + "'> cannot be created with -device");
            };
        } else {
            if (model != VideoModel.QXL) {
                throw new UnsupportedConfigurationException("<video><model type='" + model.xml() + "'>: only 'qxl' is "
                        + "valid for a video card other than the primary one");
            }
            name = "qxl";
        }
        OptionString o = new OptionString(name).add("id", ctx.alias(video));
        if (model == VideoModel.QXL) {
            VideoModelElement m = video.getModel();
            o.add("ram_size", bytes(qxlRam(m), "ram"));
            if (m.getVram() != null) {
                o.add("vram_size", bytes(m.getVram(), "vram"));
            }
        }
        DeviceAddressOption.append(ctx, o, video);
        return o.toString();
    }

    private static int qxlRam(VideoModelElement m) {
        return m.getRam() == null ? DEFAULT_QXL_RAM_KIB : m.getRam();
    }

    private static long bytes(int kib, String attribute) throws UnsupportedConfigurationException {
        if (kib > MAX_KIB) {
            throw new UnsupportedConfigurationException("<video><model " + attribute + "='" + kib + "'>: must be at most "
                    + MAX_KIB + " KiB");
        }
        return kib * 1024L;
    }
}
