package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Graphics;
import dev.vireo.conf.model.GraphicsListen;
import dev.vireo.conf.model.GraphicsType;
import dev.vireo.conf.model.ListenType;
import dev.vireo.conf.model.SpiceChannel;
import dev.vireo.conf.model.SpiceChannelMode;
import dev.vireo.conf.model.SpiceCompression;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The guest's display: VNC, SDL or SPICE, with the environment each needs. */
final class GraphicsArgs {

    private static final int VNC_BASE_PORT = 5900;
    private static final int LAST_PORT = 65535;

    /** The last VNC display QEMU may try when it picks a free one itself ({@code to=}). */
    private static final int LAST_AUTO_DISPLAY = 99;

    private GraphicsArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        List<Graphics> all = ctx.devices().getGraphics();
        if (all.isEmpty()) {
            return;
        }
        if (!ctx.modern() && all.size() > 1) {
            throw new UnsupportedConfigurationException("only one <graphics> device is supported by QEMU, not " + all.size());
        }
        // Today's QEMU serves a VNC and a SPICE display side by side, one of each (as libvirt 9).
        Set<GraphicsType> seen = EnumSet.noneOf(GraphicsType.class);
        for (Graphics g : all) {
            if (!seen.add(g.getType())) {
                throw new UnsupportedConfigurationException("only one <graphics type='" + g.getType().xml()
                        + "'> is supported; a guest may have one display of each type");
            }
            write(ctx, out, g);
        }
    }

    private static void write(BuildContext ctx, ArgvWriter out, Graphics g) throws UnsupportedConfigurationException {
        if (g.getWebsocket() != null && g.getType() != GraphicsType.VNC) {
            throw new UnsupportedConfigurationException("<graphics type='" + g.getType().xml() + "' websocket>: only VNC "
                    + "displays have a WebSocket port");
        }
        if (g.getGl() != null && g.getType() != GraphicsType.SPICE) {
            throw new UnsupportedConfigurationException("<graphics type='" + g.getType().xml() + "'><gl>: OpenGL is "
                    + "supported on SPICE displays only");
        }
        switch (g.getType()) {
            case VNC -> vnc(ctx, out, g);
            case SDL -> sdl(ctx, out, g);
            case SPICE -> spice(ctx, out, g);
            default -> throw new UnsupportedConfigurationException("<graphics type='" + g.getType().xml()
                    + "'> is not supported by QEMU; allowed: vnc, sdl, spice");
        }
    }

    /**
     * The display port as libvirt reads an inactive definition: with autoport the port is chosen at
     * start, so a definition built before then carries 0 (the daemon sets the real port on its live
     * copy before it builds the command line it runs).
     */
    private static int port(Graphics g) {
        if (Boolean.TRUE.equals(g.getAutoport()) || g.getPort() == null) {
            return 0;
        }
        return g.getPort();
    }

    private static String listenAddress(BuildContext ctx, Graphics g) throws UnsupportedConfigurationException {
        for (GraphicsListen listen : g.getListens()) {
            if (listen.getType() == ListenType.NETWORK) {
                throw new UnsupportedConfigurationException("<graphics><listen type='network'>: listening on a "
                        + "virtual network's address is not supported; use type='address'");
            }
            if (listen.getAddress() != null) {
                return listen.getAddress();
            }
        }
        return g.getListen() != null ? g.getListen() : ctx.options().listenAddress();
    }

    private static void vnc(BuildContext ctx, ArgvWriter out, Graphics g) throws UnsupportedConfigurationException {
        StringBuilder value = new StringBuilder();
        if (!ctx.has(Capability.VNC_COLON)) {
            if (g.getWebsocket() != null) {
                throw new UnsupportedConfigurationException("<graphics type='vnc' websocket='" + g.getWebsocket()
                        + "'>: VNC WebSockets are not supported by this QEMU binary");
            }
            value.append(port(g) - VNC_BASE_PORT);
        } else {
            if (g.getSocket() != null) {
                value.append("unix:").append(g.getSocket());
            } else if (listensNowhere(g)) {
                value.append("none"); // a display for QMP-attached clients only
            } else {
                String address = listenAddress(ctx, g);
                value.append(address.indexOf(':') >= 0 ? "[" + address + "]" : address);
                if (Boolean.TRUE.equals(g.getAutoport()) && ctx.options().domainId() != null) {
                    // Starting for real with autoport: QEMU takes the first free display from :0
                    // (port 5900) on; the daemon reads the one it got over the monitor.
                    value.append(":0,to=").append(LAST_AUTO_DISPLAY);
                } else {
                    requireVncPort(ctx, g);
                    value.append(':').append(port(g) - VNC_BASE_PORT);
                }
            }
            if (g.getWebsocket() != null) {
                // -1 is libvirt's "choose at start": the daemon puts the chosen port in the live
                // definition first; an inactive definition shows it as libvirt does.
                value.append(",websocket=").append(g.getWebsocket());
            }
            if (g.getSharePolicy() != null) {
                if (!ctx.has(Capability.VNC_SHARE_POLICY)) {
                    throw new UnsupportedConfigurationException("<graphics type='vnc' sharePolicy='"
                            + g.getSharePolicy() + "'>: a VNC sharing policy is not supported by this QEMU binary "
                            + "(capability 'vnc-share-policy'); remove sharePolicy");
                }
                value.append(",share=").append(g.getSharePolicy());
            }
            if (g.getPasswd() != null) {
                // The password itself is set over the monitor after start, never on the command line.
                value.append(",password");
            }
        }
        if (AudioArgs.applies(ctx)) {
            value.append(",audiodev=").append(AudioArgs.forDisplay(ctx));
        }
        out.option("-vnc", value.toString());
        if (g.getKeymap() != null) {
            out.option("-k", g.getKeymap());
        }
        if (!AudioArgs.applies(ctx)) {
            // No host audio for a remote display: it could reach the host's sound devices.
            out.env("QEMU_AUDIO_DRV", "none");
        }
    }

    private static void sdl(BuildContext ctx, ArgvWriter out, Graphics g) {
        if (g.getXauth() != null) {
            out.env("XAUTHORITY", g.getXauth());
        }
        if (g.getDisplay() != null) {
            out.env("DISPLAY", g.getDisplay());
        }
        if (Boolean.TRUE.equals(g.getFullscreen())) {
            out.add("-full-screen");
        }
        // A local display may use the host's audio, as set in the daemon's environment.
        for (String name : List.of("QEMU_AUDIO_DRV", "SDL_AUDIODRIVER")) {
            String value = ctx.options().hostEnvironment().get(name);
            if (value != null) {
                out.env(name, value);
            }
        }
        if (ctx.has(Capability.SDL)) {
            out.add("-sdl");
        }
    }

    private static void spice(BuildContext ctx, ArgvWriter out, Graphics g) throws UnsupportedConfigurationException {
        if (!ctx.has(Capability.SPICE)) {
            throw new UnsupportedConfigurationException("<graphics type='spice'>: spice graphics are not supported by "
                    + "this QEMU binary (capability 'spice')");
        }
        if (g.getTlsPort() != null && g.getTlsPort() > 0) {
            throw new UnsupportedConfigurationException("<graphics type='spice' tlsPort='" + g.getTlsPort() + "'>: "
                    + "SPICE TLS needs server certificates, which Vireo does not configure; remove tlsPort");
        }
        OptionString o = new OptionString("port=" + port(g));
        if (!listensNowhere(g)) {
            // <listen type='none'>: QEMU still needs a port option to enable SPICE; port 0 opens none.
            o.add("addr", listenAddress(ctx, g));
        }
        if (g.getPasswd() == null) {
            // QEMU 6.0 deprecated the short boolean form.
            if (ctx.qemuAtLeast(6_000_000)) {
                o.add("disable-ticketing", "on");
            } else {
                o.flag("disable-ticketing");
            }
        }
        if (g.getDefaultMode() == SpiceChannelMode.SECURE) {
            throw new UnsupportedConfigurationException("<graphics type='spice' defaultMode='secure'> needs SPICE TLS, "
                    + "which Vireo does not configure");
        }
        if (g.getDefaultMode() == SpiceChannelMode.INSECURE) {
            o.add("plaintext-channel", "default");
        }
        for (SpiceChannel channel : g.getChannels()) {
            if (channel.getMode() == SpiceChannelMode.SECURE) {
                throw new UnsupportedConfigurationException("<channel name='" + channel.getName() + "' mode='secure'> "
                        + "needs SPICE TLS, which Vireo does not configure");
            }
            if (channel.getMode() == SpiceChannelMode.INSECURE) {
                o.add("plaintext-channel", channel.getName());
            }
        }
        compression(o, "image-compression", g.getImage());
        compression(o, "jpeg-wan-compression", g.getJpeg());
        compression(o, "zlib-glz-wan-compression", g.getZlib());
        compression(o, "playback-compression", g.getPlayback());
        if (g.getStreaming() != null && g.getStreaming().getMode() != null) {
            o.add("streaming-video", g.getStreaming().getMode());
        }
        if (g.getClipboard() != null && Boolean.FALSE.equals(g.getClipboard().getCopypaste())) {
            o.flag("disable-copy-paste");
        }
        if (g.getFiletransfer() != null && Boolean.FALSE.equals(g.getFiletransfer().getEnable())) {
            o.add("disable-agent-file-xfer", "on");
        }
        SpiceGl.append(ctx, g, o);
        if (ctx.has(Capability.SEAMLESS_MIGRATION)) {
            o.add("seamless-migration", "on");
        }
        out.option("-spice", o.toString());
        if (!AudioArgs.applies(ctx)) {
            // SPICE carries the guest's sound to the client.
            out.env("QEMU_AUDIO_DRV", "spice");
        }
    }

    /** A fixed VNC port must be a real one: QEMU would otherwise get a negative display number. */
    private static void requireVncPort(BuildContext ctx, Graphics g) throws UnsupportedConfigurationException {
        if (!ctx.modern() || Boolean.TRUE.equals(g.getAutoport())) return;
        Integer port = g.getPort();
        if (port == null || port < VNC_BASE_PORT || port > LAST_PORT) {
            throw new UnsupportedConfigurationException("<graphics type='vnc' autoport='no'" + (port == null ? "" : " port='" + port + "'")
                    + ">: a VNC port must be in the range " + VNC_BASE_PORT + "-" + LAST_PORT
                    + (port == null ? "; give port='N' or autoport='yes'" : ""));
        }
    }

    /** {@code <listen type='none'/>}: the display has no network listener (local clients only, e.g. SPICE OpenGL). */
    static boolean listensNowhere(Graphics g) {
        return !g.getListens().isEmpty() && g.getListens().getFirst().getType() == ListenType.NONE;
    }

    private static void compression(OptionString o, String key, SpiceCompression setting) {
        if (setting != null && setting.getCompression() != null) {
            o.add(key, setting.getCompression());
        }
    }
}
