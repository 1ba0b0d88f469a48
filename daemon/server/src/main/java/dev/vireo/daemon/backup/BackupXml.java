package dev.vireo.daemon.backup;

import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.validate.SchemaKind;
import dev.vireo.conf.validate.ValidatedRead;
import dev.vireo.daemon.errors.VireoError;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <domainbackup>} document (schema/domainbackup.rng): read from what a user gives
 * {@code backup-begin}, validated against the schema in the same pass, and written back as
 * {@code backup-dumpxml} prints it (libvirt 9's layout).
 *
 * @param mode        push or pull (null: push)
 * @param incremental the checkpoint an incremental backup starts from, or null
 * @param server      whether a pull mode {@code <server>} was given
 * @param disks       the disks the document names, in its order
 */
public record BackupXml(String mode, String incremental, boolean server, List<Disk> disks) {

    public BackupXml {
        disks = List.copyOf(disks);
    }

    /**
     * One {@code <disk>}.
     *
     * @param backup     false for {@code backup='no'}; null when not said
     * @param type       file or block (null: as the target says, file by default)
     * @param backupMode full or incremental, or null
     * @param target     the target's path, or null for the default
     * @param format     the target's format, or null for the default (qcow2)
     * @param index      output only: the target image's number
     */
    public record Disk(String name, Boolean backup, String type, String backupMode, String target, String format,
                       Integer index) {
    }

    /** An empty document: every disk, default targets. */
    public static BackupXml defaults() {
        return new BackupXml("push", null, false, List.of());
    }

    public static BackupXml parse(String xml) throws VireoError {
        try (ValidatedRead read = ValidatedRead.open(xml, SchemaKind.DOMAIN_BACKUP)) {
            BackupXml parsed;
            try {
                parsed = read(read.reader());
            } catch (XMLStreamException | RuntimeException e) {
                parsed = null;
            }
            if (!read.problems().isEmpty()) throw new XmlProblemsException(read.problems());
            if (parsed == null) throw VireoError.invalidDefinition("the backup XML could not be read");
            return parsed;
        } catch (XmlProblemsException e) {
            throw VireoError.invalidDefinition(e.getMessage().replace("in the domain XML", "in the backup XML"));
        }
    }

    private static BackupXml read(XMLStreamReader r) throws XMLStreamException {
        if (!"domainbackup".equals(r.getLocalName())) return null;
        String mode = r.getAttributeValue(null, "mode");
        String incremental = null;
        boolean server = false;
        List<Disk> disks = new ArrayList<>();
        Disk disk = null;
        int depth = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = r.getLocalName();
                switch (name) {
                    case "incremental" -> {
                        if (depth == 1) {
                            incremental = r.getElementText().strip();
                            depth--;
                        }
                    }
                    case "server" -> server |= depth == 1;
                    case "disk" -> {
                        if (depth == 2) {
                            String backup = r.getAttributeValue(null, "backup");
                            String index = r.getAttributeValue(null, "index");
                            disk = new Disk(r.getAttributeValue(null, "name"), backup == null ? null : backup.equals("yes"),
                                    r.getAttributeValue(null, "type"), r.getAttributeValue(null, "backupmode"), null, null,
                                    index == null ? null : Integer.valueOf(index));
                        }
                    }
                    case "target" -> {
                        if (depth == 3 && disk != null) {
                            String file = r.getAttributeValue(null, "file");
                            String dev = r.getAttributeValue(null, "dev");
                            disk = new Disk(disk.name(), disk.backup(), disk.type() != null ? disk.type() : dev != null ? "block" : null,
                                    disk.backupMode(), file != null ? file : dev, disk.format(), disk.index());
                        }
                    }
                    case "driver" -> {
                        if (depth == 3 && disk != null) {
                            disk = new Disk(disk.name(), disk.backup(), disk.type(), disk.backupMode(), disk.target(),
                                    r.getAttributeValue(null, "type"), disk.index());
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 2 && "disk".equals(r.getLocalName()) && disk != null) {
                    disks.add(disk);
                    disk = null;
                }
                depth--;
                if (depth < 0) break;
            }
        }
        return new BackupXml(mode, incremental, server, disks);
    }

    /** The document as {@code backup-dumpxml} prints it. */
    public String format() {
        StringBuilder b = new StringBuilder("<domainbackup mode='").append(mode == null ? "push" : mode).append("'>\n");
        b.append("  <disks>\n");
        for (Disk d : disks) {
            b.append("    <disk name='").append(escape(d.name())).append("' backup='").append(Boolean.FALSE.equals(d.backup()) ? "no" : "yes").append('\'');
            if (Boolean.FALSE.equals(d.backup())) {
                b.append("/>\n");
                continue;
            }
            b.append(" type='").append(d.type() == null ? "file" : d.type()).append('\'');
            b.append(" backupmode='").append(d.backupMode() == null ? "full" : d.backupMode()).append('\'');
            if (d.index() != null) b.append(" index='").append(d.index()).append('\'');
            b.append(">\n");
            if (d.format() != null) b.append("      <driver type='").append(escape(d.format())).append("'/>\n");
            if (d.target() != null) {
                b.append("      <target ").append("block".equals(d.type()) ? "dev" : "file").append("='")
                        .append(escape(d.target())).append("'/>\n");
            }
            b.append("    </disk>\n");
        }
        b.append("  </disks>\n</domainbackup>\n");
        return b.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;");
    }
}
