package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.CharDevice;
import dev.vireo.conf.model.CharProtocol;
import dev.vireo.conf.model.CharProtocolElement;
import dev.vireo.conf.model.CharSource;
import dev.vireo.conf.model.CharSourceMode;
import dev.vireo.conf.model.CharType;
import java.util.List;

/**
 * The host end of a character device (serial, parallel, channel, console, USB redirection,
 * passthrough smartcard): a pty, a file, a socket, ... in the two spellings QEMU takes, the old
 * {@code -serial tcp:host:port,server} form and the {@code -chardev socket,id=...} form.
 *
 * @param spicevmcName the SPICE channel name for a {@code spicevmc} backend (vdagent, usbredir, smartcard)
 */
record CharBackend(String owner, CharType type, List<CharSource> sources, CharProtocol protocol, String spicevmcName) {

    static CharBackend of(String owner, CharDevice chr, String spicevmcName) {
        return new CharBackend(owner, chr.getType() == null ? CharType.PTY : chr.getType(), chr.getSources(),
                protocol(chr.getProtocol()), spicevmcName);
    }

    static CharBackend of(String owner, CharType type, List<CharSource> sources, CharProtocolElement protocol,
                          String spicevmcName) {
        return new CharBackend(owner, type == null ? CharType.PTY : type, sources, protocol(protocol), spicevmcName);
    }

    private static CharProtocol protocol(CharProtocolElement element) {
        return element == null || element.getType() == null ? CharProtocol.RAW : element.getType();
    }

    /** The value of {@code -chardev} for chardev id {@code char<alias>}. */
    String chardev(BuildContext ctx, String alias, boolean parallel) throws UnsupportedConfigurationException {
        String id = "char" + alias;
        return switch (type) {
            case NULL -> "null,id=" + id;
            case VC -> "vc,id=" + id;
            case PTY -> "pty,id=" + id;
            case DEV -> (parallel ? "parport" : "tty") + ",id=" + id + ",path=" + path();
            case FILE -> "file,id=" + id + ",path=" + path();
            case PIPE -> "pipe,id=" + id + ",path=" + path();
            case STDIO -> "stdio,id=" + id;
            case UDP -> "udp,id=" + id + ",host=" + orEmpty(connect().getHost()) + ",port=" + connect().getService()
                    + ",localaddr=" + orEmpty(bind().getHost()) + ",localport=" + orDefault(bind().getService(), "0");
            case TCP -> "socket,id=" + id + ",host=" + first().getHost() + ",port=" + first().getService()
                    + (protocol == CharProtocol.TELNET ? ",telnet" : "") + (listens() ? ctx.listenFlags() : "");
            case UNIX -> "socket,id=" + id + ",path=" + path() + (listens() ? ctx.listenFlags() : "");
            case SPICEVMC -> {
                if (!ctx.has(Capability.CHARDEV_SPICEVMC)) {
                    throw new UnsupportedConfigurationException(owner + ": spicevmc is not supported by this QEMU "
                            + "binary (capability 'chardev-spicevmc')");
                }
                yield "spicevmc,id=" + id + ",name=" + spicevmcName;
            }
        };
    }

    /** The old single-option spelling used by {@code -serial}, {@code -parallel} and {@code -monitor}. */
    String legacy() throws UnsupportedConfigurationException {
        return switch (type) {
            case NULL -> "null";
            case VC -> "vc";
            case PTY -> "pty";
            case DEV -> path();
            case FILE -> "file:" + path();
            case PIPE -> "pipe:" + path();
            case STDIO -> "stdio";
            case UDP -> "udp:" + orEmpty(connect().getHost()) + ":" + connect().getService() + "@"
                    + orEmpty(bind().getHost()) + ":" + orDefault(bind().getService(), "0");
            case TCP -> (protocol == CharProtocol.TELNET ? "telnet:" : "tcp:") + first().getHost() + ":"
                    + first().getService() + (listens() ? ",server,nowait" : "");
            case UNIX -> "unix:" + path() + (listens() ? ",server,nowait" : "");
            case SPICEVMC -> throw new UnsupportedConfigurationException(owner + ": a spicevmc channel needs -chardev "
                    + "support (capabilities 'chardev' and 'device')");
        };
    }

    private CharSource first() throws UnsupportedConfigurationException {
        if (sources.isEmpty()) {
            throw new UnsupportedConfigurationException(owner + ": type '" + type.xml() + "' needs a <source>");
        }
        return sources.getFirst();
    }

    private String path() throws UnsupportedConfigurationException {
        String path = first().getPath();
        if (path == null) {
            throw new UnsupportedConfigurationException(owner + ": type '" + type.xml() + "' needs <source path='...'/>");
        }
        return path;
    }

    private boolean listens() throws UnsupportedConfigurationException {
        return first().getMode() == CharSourceMode.BIND;
    }

    /** The peer of a UDP device: the source with mode='connect' (or without a mode). */
    private CharSource connect() throws UnsupportedConfigurationException {
        for (CharSource s : sources) {
            if (s.getMode() != CharSourceMode.BIND) {
                return s;
            }
        }
        throw new UnsupportedConfigurationException(owner + ": a udp device needs <source mode='connect' service='PORT'/>");
    }

    private CharSource bind() {
        for (CharSource s : sources) {
            if (s.getMode() == CharSourceMode.BIND) {
                return s;
            }
        }
        return new CharSource();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String orDefault(String s, String fallback) {
        return s == null ? fallback : s;
    }
}
