package dev.vireo.monitor;

/**
 * One entry of {@code query-blockstats}: I/O counters of a device or (with query-nodes) a node.
 *
 * @param device the drive id (empty when none), {@code qdev} the device, {@code nodeName} the node
 */
public record BlockStats(String device, String qdev, String nodeName, long rdBytes, long wrBytes,
                         long rdOperations, long wrOperations, long flushOperations, long rdTotalTimeNs,
                         long wrTotalTimeNs, long flushTotalTimeNs, long wrHighestOffset) {
}
