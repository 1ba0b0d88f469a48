package dev.vireo.client;

import dev.vireo.protocol.ops.SnapshotRequests.SnapshotCreate;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotCurrent;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotDelete;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotDumpXml;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotInfo;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotList;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotParent;
import dev.vireo.protocol.ops.SnapshotRequests.SnapshotRevert;

import java.io.IOException;
import java.util.ArrayList;
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
        return text(object(client.call(new SnapshotCreate(domain, xml, flags.diskOnly(), flags.reuseExternal(),
                flags.noMetadata(), flags.quiesce(), flags.redefine(), flags.current()))), "name");
    }

    /** Every snapshot, oldest first. */
    public List<Row> list(String domain) throws IOException, VireoException {
        List<Row> rows = new ArrayList<>();
        for (Object o : array(client.call(new SnapshotList(domain)))) {
            Map<String, Object> r = object(o);
            rows.add(new Row(text(r, "name"), hasNonNull(r, "parent") ? text(r, "parent") : null,
                    longValue(r, "creationTime"), text(r, "state"), bool(r, "current"), intValue(r, "children")));
        }
        return rows;
    }

    public String dumpXml(String domain, String snapshot) throws IOException, VireoException {
        return (String) client.call(new SnapshotDumpXml(domain, snapshot));
    }

    /** @param snapshot null for the current one */
    public Info info(String domain, String snapshot) throws IOException, VireoException {
        Map<String, Object> r = object(client.call(new SnapshotInfo(domain, snapshot)));
        return new Info(text(r, "name"), text(r, "domain"), bool(r, "current"), text(r, "state"), text(r, "location"),
                hasNonNull(r, "parent") ? text(r, "parent") : null, intValue(r, "children"), intValue(r, "descendants"),
                bool(r, "metadata"));
    }

    /** The current snapshot: its name and XML. */
    public Map<String, Object> current(String domain) throws IOException, VireoException {
        return object(client.call(new SnapshotCurrent(domain)));
    }

    public String parent(String domain, String snapshot) throws IOException, VireoException {
        return text(object(client.call(new SnapshotParent(domain, snapshot))), "name");
    }

    /** @return the names deleted */
    public List<String> delete(String domain, String snapshot, boolean children, boolean childrenOnly, boolean metadata)
            throws IOException, VireoException {
        List<String> out = new ArrayList<>();
        Object deleted = object(client.call(new SnapshotDelete(domain, snapshot, children, childrenOnly, metadata))).get("deleted");
        for (Object o : array(deleted)) out.add((String) o);
        return out;
    }

    public void revert(String domain, String snapshot) throws IOException, VireoException {
        client.call(new SnapshotRevert(domain, snapshot));
    }
}
