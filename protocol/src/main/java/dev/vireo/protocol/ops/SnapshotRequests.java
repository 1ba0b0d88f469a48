package dev.vireo.protocol.ops;

/** Snapshots of a domain (disk-only, external) and their metadata. */
public interface SnapshotRequests {

    /**
     * Creates (or with {@code redefine}, redefines) a snapshot from a {@code <domainsnapshot>}
     * document (null: a default one); answers {@code {"name":..}}.
     */
    record SnapshotCreate(String domain, @Nullable String xml, boolean diskOnly, boolean reuseExternal,
                          boolean noMetadata, boolean quiesce, boolean redefine, boolean current)
            implements Request.SnakeCase {
        @Override public String op() { return "snapshot-create"; }
    }

    /** Every snapshot, oldest first. */
    record SnapshotList(String domain) implements Request {
        @Override public String op() { return "snapshot-list"; }
    }

    record SnapshotDumpXml(String domain, String snapshot) implements Request {
        @Override public String op() { return "snapshot-dumpxml"; }
    }

    /** A snapshot's details; {@code snapshot} null for the current one. */
    record SnapshotInfo(String domain, @Nullable String snapshot) implements Request {
        @Override public String op() { return "snapshot-info"; }
    }

    /** The current snapshot: its name and XML. */
    record SnapshotCurrent(String domain) implements Request {
        @Override public String op() { return "snapshot-current"; }
    }

    record SnapshotParent(String domain, String snapshot) implements Request {
        @Override public String op() { return "snapshot-parent"; }
    }

    /** Deletes a snapshot (and/or its children, or only their metadata); answers the names deleted. */
    record SnapshotDelete(String domain, String snapshot, boolean children, boolean childrenOnly, boolean metadata)
            implements Request.SnakeCase {
        @Override public String op() { return "snapshot-delete"; }
    }

    record SnapshotRevert(String domain, String snapshot) implements Request {
        @Override public String op() { return "snapshot-revert"; }
    }
}
