package dev.vireo.client;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.vireo.client.JsonFields.array;
import static dev.vireo.client.JsonFields.bool;
import static dev.vireo.client.JsonFields.hasNonNull;
import static dev.vireo.client.JsonFields.intValue;
import static dev.vireo.client.JsonFields.longValue;
import static dev.vireo.client.JsonFields.object;
import static dev.vireo.client.JsonFields.text;

/** The snapshot operations of vireod over one {@link VireoClient} connection. */
public final class SnapshotCalls {
    private final VireoClient client;

    public SnapshotCalls(VireoClient client) {
        this.client = client;
    }

    /** What {@code snapshot-create}/{@code snapshot-create-as} ask for besides the XML. */
    public record CreateFlags(boolean diskOnly, boolean reuseExternal, boolean noMetadata, boolean quiesce,
                              boolean redefine, boolean current) {
    }

    /** One snapshot as {@code snapshot-list} shows it. */
    public record Row(String name, String parent, long creationTime, String state, boolean current, int children) {
    }

    public record Info(String name, String domain, boolean current, String state, String location, String parent,
                       int children, int descendants, boolean metadata) {
    }

    /** Creates (or with {@code redefine}, redefines) a snapshot; returns its name. */
    public String create(String domain, String xml, CreateFlags flags) throws IOException, VireoException {
        Map<String, Object> args = args(domain);
        if (xml != null) args.put("xml", xml);
        args.put("disk_only", flags.diskOnly());
        args.put("reuse_external", flags.reuseExternal());
        args.put("no_metadata", flags.noMetadata());
        args.put("quiesce", flags.quiesce());
        args.put("redefine", flags.redefine());
        args.put("current", flags.current());
        return text(object(client.call("snapshot-create", args)), "name");
    }

    /** Every snapshot, oldest first. */
    public List<Row> list(String domain) throws IOException, VireoException {
        List<Row> rows = new ArrayList<>();
        for (Object o : array(client.call("snapshot-list", args(domain)))) {
            Map<String, Object> r = object(o);
            rows.add(new Row(text(r, "name"), hasNonNull(r, "parent") ? text(r, "parent") : null,
                    longValue(r, "creationTime"), text(r, "state"), bool(r, "current"), intValue(r, "children")));
        }
        return rows;
    }

    public String dumpXml(String domain, String snapshot) throws IOException, VireoException {
        Map<String, Object> args = args(domain);
        args.put("snapshot", snapshot);
        return (String) client.call("snapshot-dumpxml", args);
    }

    /** @param snapshot null for the current one */
    public Info info(String domain, String snapshot) throws IOException, VireoException {
        Map<String, Object> args = args(domain);
        if (snapshot != null) args.put("snapshot", snapshot);
        Map<String, Object> r = object(client.call("snapshot-info", args));
        return new Info(text(r, "name"), text(r, "domain"), bool(r, "current"), text(r, "state"), text(r, "location"),
                hasNonNull(r, "parent") ? text(r, "parent") : null, intValue(r, "children"), intValue(r, "descendants"),
                bool(r, "metadata"));
    }

    /** The current snapshot: its name and XML. */
    public Map<String, Object> current(String domain) throws IOException, VireoException {
        return object(client.call("snapshot-current", args(domain)));
    }

    public String parent(String domain, String snapshot) throws IOException, VireoException {
        Map<String, Object> args = args(domain);
        args.put("snapshot", snapshot);
        return text(object(client.call("snapshot-parent", args)), "name");
    }

    /** @return the names deleted */
    public List<String> delete(String domain, String snapshot, boolean children, boolean childrenOnly, boolean metadata)
            throws IOException, VireoException {
        Map<String, Object> args = args(domain);
        args.put("snapshot", snapshot);
        args.put("children", children);
        args.put("children_only", childrenOnly);
        args.put("metadata", metadata);
        List<String> out = new ArrayList<>();
        for (Object o : array(object(client.call("snapshot-delete", args)).get("deleted"))) out.add((String) o);
        return out;
    }

    public void revert(String domain, String snapshot) throws IOException, VireoException {
        Map<String, Object> args = args(domain);
        args.put("snapshot", snapshot);
        client.call("snapshot-revert", args);
    }

    private static Map<String, Object> args(String domain) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("domain", domain);
        return args;
    }
}
