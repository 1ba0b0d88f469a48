package dev.vireo.cli;

import dev.vireo.client.SnapshotCalls;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.protocol.ErrorCodes;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.vireo.cli.CommandSpec.named;

/** virsh's snapshot commands, for disk-only (external) snapshots. */
final class SnapshotCommands {
    private static final String DOMAIN = "DOMAIN";
    private static final String ANY_DOMAIN = "domain name, id or uuid";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT);

    static final CommandSpec CREATE_AS = named("snapshot-create-as", "Create a disk-only snapshot from a set of arguments.")
            .option("NAME", "name of the snapshot (default: the time in seconds)", "--name")
            .option("TEXT", "description of the snapshot", "--description")
            .flag("--print-xml", "print the snapshot XML instead of creating the snapshot")
            .flag("--no-metadata", "create the overlays but keep no snapshot metadata")
            .flag("--disk-only", "snapshot the disks only (required: vireo takes no memory snapshots)")
            .flag("--reuse-external", "use existing overlay files (they must already name the disks' images)")
            .flag("--quiesce", "freeze the guest's file systems (needs a guest agent: refused)")
            .flag("--atomic", "all disks or none (always so)")
            .repeatableOption("--diskspec", "DISKSPEC", "disk[,snapshot=external|no][,driver=qcow2][,stype=file][,file=PATH]")
            .param(DOMAIN, ANY_DOMAIN)
            .optionalParam("NAME", "name of the snapshot")
            .optionalParam("DESCRIPTION", "description of the snapshot")
            .runs(SnapshotCommands::createAs);
    static final CommandSpec CREATE = named("snapshot-create", "Create a disk-only snapshot from XML.")
            .flag("--disk-only", "snapshot the disks only (required unless the XML says <memory snapshot='no'/>)")
            .flag("--reuse-external", "use existing overlay files")
            .flag("--no-metadata", "create the overlays but keep no snapshot metadata")
            .flag("--redefine", "store the XML as the snapshot's metadata; no image is touched")
            .flag("--current", "with --redefine: make it the current snapshot")
            .flag("--quiesce", "freeze the guest's file systems (needs a guest agent: refused)")
            .flag("--atomic", "all disks or none (always so)")
            .param(DOMAIN, ANY_DOMAIN)
            .optionalParam("FILE", "file holding the <domainsnapshot> XML")
            .runs(SnapshotCommands::create);
    static final CommandSpec LIST = named("snapshot-list", "List a domain's snapshots.")
            .flag("--parent", "add a column with each snapshot's parent")
            .flag("--roots", "only snapshots without a parent")
            .flag("--leaves", "only snapshots without children")
            .flag("--no-leaves", "only snapshots with children")
            .flag("--metadata", "only snapshots with metadata (all)")
            .flag("--no-metadata", "only snapshots without metadata (none)")
            .flag("--inactive", "only snapshots taken while the domain was shut off")
            .flag("--active", "only snapshots with the guest's memory (none)")
            .flag("--disk-only", "only snapshots taken of a running domain's disks")
            .flag("--internal", "only internal snapshots (none)")
            .flag("--external", "only external snapshots (all)")
            .flag("--tree", "print the snapshots as a tree")
            .option("SNAPSHOT", "only the children of this snapshot", "--from")
            .flag("--current", "only the current snapshot (with --from: start from it)")
            .flag("--descendants", "with --from or --current: all descendants, not only the children")
            .flag("--name", "only the names, one per line")
            .flag("--topological", "parents before their children")
            .param(DOMAIN, ANY_DOMAIN).runs(SnapshotCommands::list);
    static final CommandSpec INFO = named("snapshot-info", "Print information about a snapshot.")
            .option("SNAPSHOT", "snapshot name", "--snapshotname")
            .flag("--current", "the current snapshot")
            .param(DOMAIN, ANY_DOMAIN).optionalParam("SNAPSHOT", "snapshot name").runs(SnapshotCommands::info);
    static final CommandSpec DUMPXML = named("snapshot-dumpxml", "Print a snapshot's XML.")
            .param(DOMAIN, ANY_DOMAIN).param("SNAPSHOT", "snapshot name").runs(SnapshotCommands::dumpXml);
    static final CommandSpec CURRENT = named("snapshot-current", "Print the current snapshot's XML (or --name).")
            .flag("--name", "only its name")
            .param(DOMAIN, ANY_DOMAIN).runs(SnapshotCommands::current);
    static final CommandSpec PARENT = named("snapshot-parent", "Print the name of a snapshot's parent.")
            .option("SNAPSHOT", "snapshot name", "--snapshotname")
            .flag("--current", "the current snapshot's parent")
            .param(DOMAIN, ANY_DOMAIN).optionalParam("SNAPSHOT", "snapshot name").runs(SnapshotCommands::parent);
    static final CommandSpec DELETE = named("snapshot-delete", "Delete a snapshot: its overlays are merged into their backing images.")
            .option("SNAPSHOT", "snapshot name", "--snapshotname")
            .flag("--current", "the current snapshot")
            .flag("--children", "also its descendants")
            .flag("--children-only", "only its descendants")
            .flag("--metadata", "drop only the metadata; no image is touched")
            .param(DOMAIN, ANY_DOMAIN).optionalParam("SNAPSHOT", "snapshot name").runs(SnapshotCommands::delete);
    static final CommandSpec REVERT = named("snapshot-revert", "Revert a shut-off domain to a disk-only snapshot (a fresh overlay on its images).")
            .option("SNAPSHOT", "snapshot name", "--snapshotname")
            .flag("--current", "the current snapshot")
            .param(DOMAIN, ANY_DOMAIN).optionalParam("SNAPSHOT", "snapshot name").runs(SnapshotCommands::revert);

    private SnapshotCommands() {
    }

    private static void createAs(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String name = in.option("--name") != null ? in.option("--name") : in.optionalParam(1);
        String description = in.option("--description") != null ? in.option("--description") : in.optionalParam(2);
        StringBuilder xml = new StringBuilder("<domainsnapshot>\n");
        if (name != null) xml.append("  <name>").append(text(name)).append("</name>\n");
        if (description != null) xml.append("  <description>").append(text(description)).append("</description>\n");
        if (!in.values("--diskspec").isEmpty()) {
            xml.append("  <disks>\n");
            for (String spec : in.values("--diskspec")) xml.append(diskXml(spec));
            xml.append("  </disks>\n");
        }
        xml.append("</domainsnapshot>\n");
        if (in.flag("--print-xml")) {
            out.print(xml);
            out.println();
            out.println();
            return;
        }
        String made = new SnapshotCalls(client).create(in.param(0), xml.toString(), createFlags(in));
        out.printf("Domain snapshot %s created%n%n", made);
    }

    private static SnapshotCalls.CreateFlags createFlags(Invocation in) {
        return new SnapshotCalls.CreateFlags(in.flag("--disk-only"), in.flag("--reuse-external"), in.flag("--no-metadata"),
                in.flag("--quiesce"), in.flag("--redefine"), in.flag("--current"));
    }

    /** A {@code --diskspec} as a {@code <disk>} element; {@code ,,} stands for a comma inside a value. */
    static String diskXml(String spec) throws UsageException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == ',' && i + 1 < spec.length() && spec.charAt(i + 1) == ',') {
                field.append(',');
                i++;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        String disk = fields.getFirst();
        if (disk.isEmpty()) throw new UsageException("--diskspec '" + spec + "': the disk name is missing");
        String snapshot = null, driver = null, stype = null, file = null;
        for (String f : fields.subList(1, fields.size())) {
            int eq = f.indexOf('=');
            String key = eq < 0 ? f : f.substring(0, eq);
            String value = eq < 0 ? "" : f.substring(eq + 1);
            switch (key) {
                case "snapshot" -> snapshot = value;
                case "driver" -> driver = value;
                case "stype" -> stype = value;
                case "file" -> file = value;
                default -> throw new UsageException("--diskspec '" + spec + "': unknown field '" + key
                        + "' (allowed: snapshot, driver, stype, file)");
            }
        }
        StringBuilder x = new StringBuilder("    <disk name='").append(attr(disk)).append('\'');
        if (snapshot != null) x.append(" snapshot='").append(attr(snapshot)).append('\'');
        if (stype != null) x.append(" type='").append(attr(stype)).append('\'');
        if (driver == null && file == null) return x.append("/>\n").toString();
        x.append(">\n");
        if (driver != null) x.append("      <driver type='").append(attr(driver)).append("'/>\n");
        if (file != null) {
            x.append("      <source ").append("block".equals(stype) ? "dev" : "file").append("='").append(attr(file)).append("'/>\n");
        }
        return x.append("    </disk>\n").toString();
    }

    private static void create(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String file = in.optionalParam(1);
        String xml = file == null ? null : UserFiles.read(in.path(1));
        String made = new SnapshotCalls(client).create(in.param(0), xml, createFlags(in));
        if (file == null) out.printf("Domain snapshot %s created%n%n", made);
        else out.printf("Domain snapshot %s created from '%s'%n%n", made, file);
    }

    private static void list(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        List<SnapshotCalls.Row> all = new SnapshotCalls(client).list(in.param(0));
        List<SnapshotCalls.Row> rows = new ArrayList<>(all);
        String from = in.option("--from");
        if (from == null && in.flag("--current") && (in.flag("--descendants") || in.flag("--tree"))) {
            from = all.stream().filter(SnapshotCalls.Row::current).map(SnapshotCalls.Row::name).findFirst()
                    .orElseThrow(() -> failed("the domain does not have a current snapshot"));
        }
        if (from != null) {
            String root = from;
            if (all.stream().noneMatch(r -> r.name().equals(root))) {
                throw failed("no domain snapshot with matching name '" + root + "'");
            }
            boolean withRoot = in.flag("--tree");
            List<String> below = below(all, root, in.flag("--descendants") || in.flag("--tree"));
            rows.removeIf(r -> !below.contains(r.name()) && !(withRoot && r.name().equals(root)));
        } else if (in.flag("--current")) {
            rows.removeIf(r -> !r.current());
        }
        if (in.flag("--roots")) rows.removeIf(r -> r.parent() != null);
        if (in.flag("--leaves")) rows.removeIf(r -> r.children() > 0);
        if (in.flag("--no-leaves")) rows.removeIf(r -> r.children() == 0);
        if (in.flag("--no-metadata") || in.flag("--internal") || in.flag("--active")) rows.clear();
        if (in.flag("--inactive")) rows.removeIf(r -> !r.state().equals("shutoff"));
        if (in.flag("--disk-only")) rows.removeIf(r -> !r.state().equals("disk-snapshot"));
        rows.sort(Comparator.comparing(r -> r.name().toLowerCase(Locale.ROOT)));
        if (in.flag("--topological")) rows = topological(rows);
        if (in.flag("--tree")) {
            tree(out, rows, from);
            out.println();
            return;
        }
        if (in.flag("--name")) {
            for (SnapshotCalls.Row r : rows) out.println(r.name());
            out.println();
            return;
        }
        boolean parent = in.flag("--parent");
        List<List<String>> table = new ArrayList<>();
        table.add(parent ? List.of("Name", "Creation Time", "State", "Parent") : List.of("Name", "Creation Time", "State"));
        for (SnapshotCalls.Row r : rows) {
            String time = TIME.format(Instant.ofEpochSecond(r.creationTime()).atZone(ZoneId.systemDefault()));
            table.add(parent ? List.of(r.name(), time, r.state(), r.parent() == null ? "" : r.parent())
                    : List.of(r.name(), time, r.state()));
        }
        printTable(out, table);
        out.println();
    }

    private static List<String> below(List<SnapshotCalls.Row> all, String root, boolean deep) {
        List<String> out = new ArrayList<>();
        for (SnapshotCalls.Row r : all) {
            if (root.equals(r.parent())) {
                out.add(r.name());
                if (deep) out.addAll(below(all, r.name(), true));
            }
        }
        return out;
    }

    private static List<SnapshotCalls.Row> topological(List<SnapshotCalls.Row> rows) {
        List<SnapshotCalls.Row> out = new ArrayList<>();
        List<SnapshotCalls.Row> left = new ArrayList<>(rows);
        while (!left.isEmpty()) {
            boolean moved = false;
            for (var it = left.iterator(); it.hasNext(); ) {
                SnapshotCalls.Row r = it.next();
                boolean parentPending = left.stream().anyMatch(p -> p.name().equals(r.parent()));
                if (!parentPending) {
                    out.add(r);
                    it.remove();
                    moved = true;
                }
            }
            if (!moved) {
                out.addAll(left);
                break;
            }
        }
        return out;
    }

    /**
     * virsh's table: a space, each column left-aligned to its widest cell and three spaces apart
     * (the last one not padded), a dashed line two longer than the widest row.
     */
    static void printTable(PrintWriter out, List<List<String>> table) {
        int columns = table.getFirst().size();
        int[] width = new int[columns];
        for (List<String> row : table) {
            for (int c = 0; c < columns; c++) width[c] = Math.max(width[c], row.get(c).length());
        }
        int total = 1;
        for (int c = 0; c < columns; c++) total += width[c] + (c > 0 ? 3 : 0);
        for (int i = 0; i < table.size(); i++) {
            List<String> row = table.get(i);
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < columns; c++) {
                if (c > 0) line.append("   ");
                line.append(row.get(c));
                if (c < columns - 1) line.append(" ".repeat(width[c] - row.get(c).length()));
            }
            out.println(line);
            if (i == 0) out.println("-".repeat(total + 2));
        }
    }

    /** virsh's tree: each root, then its children under "+- " with "|" lines between. */
    static void tree(PrintWriter out, List<SnapshotCalls.Row> rows, String root) {
        for (SnapshotCalls.Row r : rows) {
            boolean isRoot = root != null ? r.name().equals(root) : r.parent() == null;
            if (isRoot) treeNode(out, rows, r, -1, true, new StringBuilder());
        }
    }

    private static void treeNode(PrintWriter out, List<SnapshotCalls.Row> rows, SnapshotCalls.Row node, int lastIndex,
                                 boolean root, StringBuilder indent) {
        int self = rows.indexOf(node);
        out.println(indent + (root ? "" : "+- ") + node.name());
        if (!root) indent.append(self == lastIndex ? ' ' : '|').append(' ');
        int lastChild = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (node.name().equals(rows.get(i).parent())) lastChild = i;
        }
        if (lastChild != -1) out.println(indent + "  |");
        indent.append("  ");
        for (int i = 0; i < rows.size(); i++) {
            if (node.name().equals(rows.get(i).parent())) treeNode(out, rows, rows.get(i), lastChild, false, indent);
        }
        indent.setLength(indent.length() - 2);
        if (lastChild == -1 && self == lastIndex) out.println(indent);
        if (!root) indent.setLength(indent.length() - 2);
    }

    private static String snapshotArg(Invocation in, VireoClient client, boolean allowCurrent) throws Exception {
        String name = in.option("--snapshotname") != null ? in.option("--snapshotname") : in.optionalParam(1);
        if (name != null) return name;
        if (!allowCurrent && !in.flag("--current")) throw new UsageException("Missing required parameter: 'SNAPSHOT'");
        return String.valueOf(new SnapshotCalls(client).current(in.param(0)).get("name"));
    }

    private static void info(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String name = in.option("--snapshotname") != null ? in.option("--snapshotname") : in.optionalParam(1);
        if (name == null && !in.flag("--current")) throw new UsageException("Missing required parameter: 'SNAPSHOT'");
        SnapshotCalls.Info i = new SnapshotCalls(client).info(in.param(0), name);
        field(out, "Name:", i.name());
        field(out, "Domain:", i.domain());
        field(out, "Current:", i.current() ? "yes" : "no");
        field(out, "State:", i.state());
        field(out, "Location:", i.location());
        field(out, "Parent:", i.parent() == null ? "-" : i.parent());
        field(out, "Children:", Integer.toString(i.children()));
        field(out, "Descendants:", Integer.toString(i.descendants()));
        field(out, "Metadata:", i.metadata() ? "yes" : "no");
        out.println();
    }

    private static void field(PrintWriter out, String label, String value) {
        out.printf("%-15s %s%n", label, value);
    }

    private static void dumpXml(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        out.print(new SnapshotCalls(client).dumpXml(in.param(0), in.param(1)));
        out.println();
    }

    private static void current(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        Map<String, Object> current = new SnapshotCalls(client).current(in.param(0));
        if (in.flag("--name")) out.println(current.get("name"));
        else out.print(current.get("xml"));
        out.println();
    }

    private static void parent(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        out.println(new SnapshotCalls(client).parent(in.param(0), snapshotArg(in, client, false)));
        out.println();
    }

    private static void delete(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String name = snapshotArg(in, client, false);
        boolean childrenOnly = in.flag("--children-only");
        try {
            new SnapshotCalls(client).delete(in.param(0), name, in.flag("--children"), childrenOnly, in.flag("--metadata"));
        } catch (VireoException e) {
            throw new VireoException(e.code(), "Failed to delete snapshot " + name + "\nerror: " + e.getMessage());
        }
        out.printf(childrenOnly ? "Domain snapshot %s children deleted%n%n" : "Domain snapshot %s deleted%n%n", name);
    }

    private static void revert(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        String name = snapshotArg(in, client, false);
        try {
            new SnapshotCalls(client).revert(in.param(0), name);
        } catch (VireoException e) {
            throw new VireoException(e.code(), "Failed to revert snapshot " + name + "\nerror: " + e.getMessage());
        }
        out.println();
    }

    private static VireoException failed(String message) {
        return new VireoException(ErrorCodes.INVALID_ARGUMENT, message);
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attr(String s) {
        return text(s).replace("'", "&apos;");
    }
}
