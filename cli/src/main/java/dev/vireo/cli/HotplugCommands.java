package dev.vireo.cli;

import dev.vireo.client.JsonText;
import dev.vireo.client.VireoClient;
import dev.vireo.protocol.ops.HotplugRequests.AttachDevice;
import dev.vireo.protocol.ops.HotplugRequests.ChangeMedia;
import dev.vireo.protocol.ops.HotplugRequests.DetachDevice;
import dev.vireo.protocol.ops.HotplugRequests.DetachDisk;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.vireo.cli.CommandSpec.named;

/**
 * Disk hotplug: attach-disk, attach-device, detach-device, detach-disk. {@code attach-disk} writes
 * the {@code <disk>} element from its options the way virsh does (and only prints it with
 * {@code --print-xml}); the daemon does the rest.
 */
final class HotplugCommands {
    private static final String DOMAIN = "DOMAIN";
    private static final String ANY_DOMAIN = "domain name, id or uuid";
    private static final String JSON = "--json";

    static final CommandSpec ATTACH_DISK = affects(named("attach-disk", "Attach a disk to a domain (running guest and/or stored definition).")
            .param(DOMAIN, ANY_DOMAIN)
            .param("SOURCE", "the image file or block device")
            .param("TARGET", "the guest's name for the disk (vdb, sdb, hdc, ...)")
            .option("DRIVER", "driver name (qemu)", "--driver")
            .option("FORMAT", "the image format (raw, qcow2, ...)", "--subdriver")
            .option("MODE", "cache mode (none, writeback, writethrough, directsync, unsafe)", "--cache")
            .option("IO", "I/O mode (threads, native)", "--io")
            .option("BUS", "the bus (virtio, scsi, ...); else derived from the target's name", "--targetbus")
            .option("TYPE", "disk, cdrom, floppy or lun", "--type")
            .option("MODE", "readonly or shareable", "--mode")
            .option("TYPE", "file or block (default: block for a block device, else file)", "--sourcetype")
            .option("SERIAL", "the disk's serial number", "--serial")
            .option("ADDRESS", "pci:D:B:S.F, scsi:C.B.U, ide:C.B.U, sata:C.B.U or usb:B.P", "--address")
            .flag("--print-xml", "only print the <disk> element that would be attached"))
            .runs(HotplugCommands::attachDisk);
    static final CommandSpec ATTACH_DEVICE = affects(named("attach-device", "Attach a device (a <disk> element) from an XML file.")
            .param(DOMAIN, ANY_DOMAIN).param("FILE", "file with the device XML"))
            .runs((in, client, out) -> {
                Affect a = affect(in);
                report(in, out, client.call(new AttachDevice(in.param(0), UserFiles.read(in.path(1)), a.live(), a.config(),
                        a.persistent())), "Device attached successfully");
            });
    static final CommandSpec DETACH_DEVICE = affects(named("detach-device", "Detach a device (a <disk> element, found by its target) given as an XML file.")
            .param(DOMAIN, ANY_DOMAIN).param("FILE", "file with the device XML"))
            .runs((in, client, out) -> {
                Affect a = affect(in);
                report(in, out, client.call(new DetachDevice(in.param(0), UserFiles.read(in.path(1)), a.live(), a.config(),
                        a.persistent())), "Device detached successfully");
            });
    static final CommandSpec DETACH_DISK = affects(named("detach-disk", "Detach a disk from a domain.")
            .param(DOMAIN, ANY_DOMAIN).param("TARGET", "the disk's target (vdb) or source path"))
            .runs((in, client, out) -> {
                Affect a = affect(in);
                report(in, out, client.call(new DetachDisk(in.param(0), in.param(1), a.live(), a.config(), a.persistent())),
                        "Disk detached successfully");
            });

    static final CommandSpec CHANGE_MEDIA = affects(named("change-media", "Eject, insert or replace the medium of a CD-ROM or floppy.")
            .param(DOMAIN, ANY_DOMAIN)
            .param("PATH", "the drive's target (hdc) or current source path")
            .optionalParam("SOURCE", "the new medium (left out with --update: eject)")
            .flag("--eject", "take the medium out")
            .flag("--insert", "put SOURCE into an empty drive")
            .flag("--update", "replace the medium by SOURCE (the default)")
            .flag("--force", "open the tray even when the guest locked it"))
            .runs(HotplugCommands::changeMedia);

    private HotplugCommands() {
    }

    /** virsh's four ways of choosing the definitions a change touches, and {@code --json}. */
    static CommandSpec.Builder affects(CommandSpec.Builder b) {
        return b.flag(JSON, "print the daemon's result as JSON (see docs/hotplug.md)")
                .flag("--live", "change the running guest")
                .flag("--config", "change the stored definition")
                .flag("--persistent", "change the stored definition, and the running guest if it runs")
                .flag("--current", "change the running guest if it runs, else the stored definition");
    }

    /** The definitions a change touches, as the request's {@code live}, {@code config} and {@code persistent}. */
    record Affect(boolean live, boolean config, boolean persistent) {
    }

    /**
     * {@code --current} is exclusive with {@code --live} and {@code --config}; given no flag at
     * all, virsh changes the running guest only (the domain must run).
     */
    static Affect affect(Invocation in) throws UsageException {
        for (String other : new String[] {"--live", "--config"}) {
            if (in.flag("--current") && in.flag(other)) {
                throw new UsageException("Options --current and " + other + " are mutually exclusive");
            }
        }
        boolean none = !in.flag("--live") && !in.flag("--config") && !in.flag("--persistent") && !in.flag("--current");
        return new Affect(in.flag("--live") || none, in.flag("--config"), in.flag("--persistent"));
    }

    private static void changeMedia(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String[] modes = {"--eject", "--insert", "--update"};
        for (int a = 0; a < modes.length; a++) {
            for (int b = a + 1; b < modes.length; b++) {
                if (in.flag(modes[a]) && in.flag(modes[b])) {
                    throw new UsageException("Options " + modes[a] + " and " + modes[b] + " are mutually exclusive");
                }
            }
        }
        String source = in.optionalParam(2);
        String mode = in.flag("--eject") ? "eject" : in.flag("--insert") ? "insert" : "update";
        if (mode.equals("eject") && source != null) throw new UsageException("change-media --eject takes no SOURCE");
        if (mode.equals("insert") && source == null) throw new UsageException("No source is specified for inserting media");
        Affect a = affect(in);
        Object result = client.call(new ChangeMedia(in.param(0), in.param(1),
                source == null ? null : Path.of(source).toAbsolutePath().toString(), mode, in.flag("--force"),
                a.live(), a.config(), a.persistent()));
        report(in, out, result, switch (mode) {
            case "eject" -> "Successfully ejected media.";
            case "insert" -> "Successfully inserted media.";
            default -> "Successfully updated media.";
        });
    }

    /** virsh's line and an empty line, or with {@code --json} the daemon's result. */
    private static void report(Invocation in, PrintWriter out, Object result, String message) {
        if (in.flag(JSON)) {
            out.println(JsonText.pretty(result));
        } else {
            out.printf("%s%n%n", message);
        }
    }

    private static void attachDisk(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String xml = DiskElement.of(in);
        Affect a = affect(in);   // the flag checks come first, as in virsh
        if (in.flag("--print-xml")) {
            if (in.flag(JSON)) throw new UsageException("Options --print-xml and --json are mutually exclusive");
            out.print(xml);
            out.println();
            return;
        }
        report(in, out, client.call(new AttachDevice(in.param(0), xml, a.live(), a.config(), a.persistent())),
                "Disk attached successfully");
    }

    /** The {@code <disk>} element attach-disk's options describe, written as virsh writes it. */
    static final class DiskElement {
        private DiskElement() {
        }

        static String of(Invocation in) throws UsageException, IOException {
            String source = in.param(1);
            String target = in.param(2);
            String mode = in.option("--mode");
            if (mode != null && !mode.equals("readonly") && !mode.equals("shareable")) {
                throw new UsageException("No support for " + mode + " in command 'attach-disk'");
            }
            String sourceType = in.option("--sourcetype");
            if (sourceType == null) {
                sourceType = Files.isDirectory(Path.of(source)) ? "file" : isBlockDevice(source) ? "block" : "file";
            } else if (!sourceType.equals("file") && !sourceType.equals("block")) {
                throw new UsageException("Unknown source type: '" + sourceType + "'");
            }
            String address = in.option("--address") == null ? null : address(in.option("--address"), target);
            StringBuilder x = new StringBuilder();
            x.append("<disk type='").append(sourceType).append('\'');
            if (in.option("--type") != null) x.append(" device='").append(attr(in.option("--type"))).append('\'');
            x.append(">\n");
            StringBuilder driver = new StringBuilder();
            attribute(driver, "name", in.option("--driver"));
            attribute(driver, "type", in.option("--subdriver"));
            attribute(driver, "cache", in.option("--cache"));
            attribute(driver, "io", in.option("--io"));
            if (!driver.isEmpty()) x.append("  <driver").append(driver).append("/>\n");
            x.append("  <source ").append(sourceType.equals("block") ? "dev" : "file").append("='")
                    .append(attr(source)).append("'/>\n");
            x.append("  <target dev='").append(attr(target)).append('\'');
            if (in.option("--targetbus") != null) x.append(" bus='").append(attr(in.option("--targetbus"))).append('\'');
            x.append("/>\n");
            if (mode != null) x.append("  <").append(mode).append("/>\n");
            if (in.option("--serial") != null) x.append("  <serial>").append(text(in.option("--serial"))).append("</serial>\n");
            if (address != null) x.append("  ").append(address).append('\n');
            x.append("</disk>\n");
            return x.toString();
        }

        private static boolean isBlockDevice(String path) {
            try {
                Object mode = Files.getAttribute(Path.of(path), "unix:mode");
                return mode instanceof Integer m && (m & 0170000) == 0060000;
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return false;
            }
        }

        /** virsh's address forms, checked against the kind of bus the target's name implies. */
        static String address(String text, String target) throws UsageException {
            String[] kind = text.split(":", 2);
            if (kind.length != 2) throw new UsageException("Invalid address.");
            String element;
            String family;
            switch (kind[0]) {
                case "pci" -> {
                    java.util.regex.Matcher m = java.util.regex.Pattern
                            .compile("([0-9a-fA-F]+):([0-9a-fA-F]+):([0-9a-fA-F]+)\\.([0-9a-fA-F]+)").matcher(kind[1]);
                    if (!m.matches()) throw new UsageException("Invalid address.");
                    element = String.format("<address type='pci' domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%x'/>",
                            hex(m.group(1)), hex(m.group(2)), hex(m.group(3)), hex(m.group(4)));
                    family = "pci";
                }
                case "scsi", "ide", "sata" -> {
                    String[] n = numbers(kind[1], 3);
                    element = "<address type='drive' controller='" + n[0] + "' bus='" + n[1] + "' unit='" + n[2] + "'/>";
                    family = kind[0];
                }
                case "usb" -> {
                    String[] n = numbers(kind[1], 2);
                    element = "<address type='usb' bus='" + n[0] + "' port='" + n[1] + "'/>";
                    family = "usb";
                }
                default -> throw new UsageException("Invalid address.");
            }
            if (target.startsWith("vd") && !family.equals("pci")) {
                throw new UsageException("expecting a pci:0000.00.00.00 or ccw:00.0.0000 address.");
            }
            if (target.startsWith("sd") && !family.equals("scsi") && !family.equals("usb") && !family.equals("sata")) {
                throw new UsageException("expecting a scsi:00.00.00 or usb:00.00 or sata:00.00.00 address.");
            }
            if (target.startsWith("hd") && !family.equals("ide")) {
                throw new UsageException("expecting an ide:00.00.00 address.");
            }
            return element;
        }

        private static int hex(String s) throws UsageException {
            try {
                return Integer.parseInt(s, 16);
            } catch (NumberFormatException e) {
                throw new UsageException("Invalid address.");
            }
        }

        private static String[] numbers(String s, int count) throws UsageException {
            String[] n = s.split("\\.", -1);
            if (n.length != count) throw new UsageException("Invalid address.");
            for (int i = 0; i < n.length; i++) {
                try {
                    n[i] = Integer.toString(Integer.parseUnsignedInt(n[i]));
                } catch (NumberFormatException e) {
                    throw new UsageException("Invalid address.");
                }
            }
            return n;
        }

        private static void attribute(StringBuilder b, String name, String value) {
            if (value != null) b.append(' ').append(name).append("='").append(attr(value)).append('\'');
        }

        private static String attr(String s) {
            return text(s).replace("'", "&apos;").replace("\"", "&quot;");
        }

        private static String text(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
