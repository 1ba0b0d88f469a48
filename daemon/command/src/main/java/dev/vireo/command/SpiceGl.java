package dev.vireo.command;

import dev.vireo.conf.model.Graphics;
import dev.vireo.conf.model.GraphicsGl;

/**
 * SPICE's OpenGL (virgl) display, {@code <graphics type='spice'><gl enable='yes' rendernode=.../>}, as
 * libvirt 9 writes it for QEMU 7.2: {@code gl=on,rendernode=PATH} on {@code -spice}. Without a
 * {@code rendernode} libvirt takes the host's first DRM render node ({@code /dev/dri/renderD*}) at
 * start; so does Vireo ({@link LaunchOptions#renderNode()}). Where libvirt then refuses a host without
 * one ("cannot open directory '/dev/dri'"), Vireo writes {@code gl=on} alone and lets QEMU look for a
 * node itself: on such a host QEMU refuses to start with its own reason ("egl: no drm render node
 * available"), which the start's error leads with.
 */
final class SpiceGl {

    private SpiceGl() {
    }

    static boolean enabled(Graphics g) {
        GraphicsGl gl = g.getGl();
        return gl != null && Boolean.TRUE.equals(gl.getEnable());
    }

    static void append(BuildContext ctx, Graphics g, OptionString spice) throws UnsupportedConfigurationException {
        if (!enabled(g)) return;
        if (!ctx.modern()) {
            throw new UnsupportedConfigurationException("<graphics type='spice'><gl enable='yes'/>: SPICE OpenGL is "
                    + "supported with QEMU 4.2 or later; " + ctx.emulator() + " is older");
        }
        spice.add("gl", "on");
        String node = g.getGl().getRendernode();
        if (node == null && ctx.options().renderNode() != null) node = ctx.options().renderNode().toString();
        if (node != null) spice.add("rendernode", node);
    }
}
