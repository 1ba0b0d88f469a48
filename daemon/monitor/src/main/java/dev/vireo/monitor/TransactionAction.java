package dev.vireo.monitor;

/** One action of an atomic {@code transaction}: all happen, or none. */
public sealed interface TransactionAction {

    /** {@code blockdev-snapshot}: the added {@code overlay} (with {@code backing: null}) goes on top of {@code node}. */
    record Snapshot(String node, String overlay) implements TransactionAction {
    }

    record Backup(BlockdevBackup backup) implements TransactionAction {
    }
}
