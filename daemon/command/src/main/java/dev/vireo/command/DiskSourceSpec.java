package dev.vireo.command;

import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.DiskDevice;
import dev.vireo.conf.model.DiskSource;
import dev.vireo.conf.model.DiskSourceHost;
import dev.vireo.conf.model.DiskTray;
import dev.vireo.conf.model.DiskType;
import dev.vireo.conf.model.HostTransport;
import dev.vireo.conf.model.NetworkDiskProtocol;
import java.util.List;

/**
 * What QEMU opens for a disk, in QEMU's own spelling: a path, {@code fat:} for a folder, or a
 * network URL ({@code nbd:}, {@code rbd:}, {@code sheepdog:}, {@code gluster+tcp://}).
 */
final class DiskSourceSpec {

    private DiskSourceSpec() {
    }

    /** The local path or network name of the disk's source, or null when the drive is empty. */
    static String localPath(Disk disk) {
        DiskSource source = disk.getSource();
        if (source == null) {
            return null;
        }
        DiskType type = disk.getType() == null ? DiskType.FILE : disk.getType();
        return switch (type) {
            case FILE -> source.getFile();
            case BLOCK -> source.getDev();
            case DIR -> source.getDir();
            case NETWORK -> source.getName();
        };
    }

    /** Whether the drive has no medium: no source, or a removable drive with its tray open. */
    static boolean empty(Disk disk) {
        DiskDevice device = DiskNames.device(disk);
        boolean trayOpen = disk.getTarget() != null && disk.getTarget().getTray() == DiskTray.OPEN;
        if ((device == DiskDevice.CDROM || device == DiskDevice.FLOPPY) && trayOpen) {
            return true;
        }
        if (disk.getType() == DiskType.NETWORK) {
            return disk.getSource() == null || disk.getSource().getProtocol() == null;
        }
        return localPath(disk) == null;
    }

    /**
     * The value QEMU opens, commas not yet escaped where QEMU's option parser would need them
     * doubled (see {@link #forDrive}).
     */
    static String forLegacyOption(Disk disk) throws UnsupportedConfigurationException {
        DiskType type = disk.getType() == null ? DiskType.FILE : disk.getType();
        if (type == DiskType.DIR) {
            return folder(disk);
        }
        if (type == DiskType.NETWORK) {
            return network(disk, false);
        }
        return localPath(disk);
    }

    /** The {@code file=} value of {@code -drive}, with commas doubled. */
    static String forDrive(Disk disk) throws UnsupportedConfigurationException {
        DiskType type = disk.getType() == null ? DiskType.FILE : disk.getType();
        if (type == DiskType.DIR) {
            return OptionString.escaped(folder(disk));
        }
        if (type == DiskType.NETWORK) {
            return network(disk, true);
        }
        return OptionString.escaped(localPath(disk));
    }

    /** QEMU only offers a folder as a virtual FAT disk, and only read-only. */
    private static String folder(Disk disk) throws UnsupportedConfigurationException {
        String format = disk.getDriver() == null ? null : disk.getDriver().getType();
        if (format != null && !format.equals("fat") && !format.equals("dir")) {
            throw new UnsupportedConfigurationException("disk '" + DiskNames.dev(disk) + "': a folder source can only "
                    + "be offered as a FAT disk, not with driver type '" + format + "'");
        }
        if (!disk.isReadonly()) {
            throw new UnsupportedConfigurationException("disk '" + DiskNames.dev(disk) + "': virtual FAT disks from a "
                    + "folder must be <readonly/>");
        }
        String prefix = DiskNames.device(disk) == DiskDevice.FLOPPY ? "fat:floppy:" : "fat:";
        return prefix + disk.getSource().getDir();
    }

    private static String network(Disk disk, boolean escapeCommas) throws UnsupportedConfigurationException {
        DiskSource source = disk.getSource();
        NetworkDiskProtocol protocol = source.getProtocol();
        List<DiskSourceHost> hosts = source.getHosts();
        String name = source.getName();
        String dev = DiskNames.dev(disk);
        return switch (protocol) {
            case NBD -> {
                if (hosts.size() != 1) {
                    throw new UnsupportedConfigurationException("disk '" + dev + "': an NBD source needs exactly one "
                            + "<host>, not " + hosts.size());
                }
                DiskSourceHost host = hosts.getFirst();
                if (host.getTransport() == HostTransport.UNIX) {
                    yield "nbd:unix:" + host.getSocket();
                }
                yield "nbd:" + host.getName() + ":" + host.getPort();
            }
            case RBD -> rbd(disk, escapeCommas);
            case SHEEPDOG -> {
                String image = escapeCommas ? OptionString.escaped(name) : name;
                if (hosts.isEmpty()) {
                    yield "sheepdog:" + image;
                }
                yield "sheepdog:" + hosts.getFirst().getName() + ":" + hosts.getFirst().getPort() + ":" + image;
            }
            case GLUSTER -> gluster(disk, escapeCommas);
            default -> throw new UnsupportedConfigurationException("disk '" + dev + "': network protocol '"
                    + protocol.xml() + "' is not supported by QEMU of this era; allowed: nbd, rbd, sheepdog, gluster");
        };
    }

    /** {@code rbd:pool/image:auth_supported=none:mon_host=a\:6789\;b\:6789}: colons and semicolons are escaped for rbd. */
    private static String rbd(Disk disk, boolean escapeCommas) throws UnsupportedConfigurationException {
        if (disk.getAuth() != null && disk.getAuth().getUsername() != null) {
            throw new UnsupportedConfigurationException("disk '" + DiskNames.dev(disk) + "': rbd <auth> needs the "
                    + "secret's value, which Vireo does not manage; use an rbd source without <auth>");
        }
        String name = disk.getSource().getName();
        StringBuilder s = new StringBuilder("rbd:").append(escapeCommas ? OptionString.escaped(name) : name);
        s.append(":auth_supported=none");
        List<DiskSourceHost> hosts = disk.getSource().getHosts();
        if (!hosts.isEmpty()) {
            s.append(":mon_host=");
            for (int i = 0; i < hosts.size(); i++) {
                if (i > 0) {
                    s.append("\\;");
                }
                DiskSourceHost host = hosts.get(i);
                s.append(host.getName().replace(":", "\\:"));
                if (host.getPort() != null) {
                    s.append("\\:").append(host.getPort());
                }
            }
        }
        return s.toString();
    }

    /** {@code gluster+tcp://host:port/volume/image} or {@code gluster+unix:///volume/image?socket=PATH}. */
    private static String gluster(Disk disk, boolean escapeCommas) throws UnsupportedConfigurationException {
        List<DiskSourceHost> hosts = disk.getSource().getHosts();
        if (hosts.size() != 1) {
            throw new UnsupportedConfigurationException("disk '" + DiskNames.dev(disk) + "': a gluster source needs "
                    + "exactly one <host>, not " + hosts.size());
        }
        DiskSourceHost host = hosts.getFirst();
        HostTransport transport = host.getTransport() == null ? HostTransport.TCP : host.getTransport();
        StringBuilder s = new StringBuilder("gluster+").append(transport.xml()).append("://");
        if (transport != HostTransport.UNIX) {
            String name = host.getName();
            s.append(name.contains(":") ? "[" + name + "]" : name);
            if (host.getPort() != null) {
                s.append(':').append(host.getPort());
            }
        }
        String image = disk.getSource().getName();
        s.append('/').append(escapeCommas ? OptionString.escaped(image) : image);
        if (transport == HostTransport.UNIX) {
            s.append("?socket=").append(host.getSocket());
        }
        return s.toString();
    }
}
