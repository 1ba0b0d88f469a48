package dev.vireo.monitor;

import dev.vireo.qmp.QmpCommandException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A running QEMU's monitor as the daemon uses it: one method per QMP command, typed arguments and
 * results. Events reach the {@link MonitorListener} given when the monitor was opened.
 *
 * <p>Every method throws {@link QmpCommandException} when QEMU answers with an error (its class and desc), and
 * another {@link IOException} when the connection is closed, times out, or the caller is
 * interrupted ({@link java.io.InterruptedIOException}, with the interrupt flag set again).
 * Implementations are thread-safe: any number of callers may wait for replies at once.
 */
public interface Monitor extends AutoCloseable {

    // --- the guest ---------------------------------------------------------------------------

    RunStatus queryStatus() throws IOException;

    /** {@code query-chardev}: every character device's host end (pty paths) and whether the guest has it open. */
    List<CharDeviceInfo> queryChardev() throws IOException;

    /** {@code query-iothreads}: the host thread id of each I/O thread object, by its id ({@code iothread1}). */
    Map<String, Long> queryIothreadThreads() throws IOException;

    /** {@code query-cpus-fast}: the host thread id of each vCPU, by its index. */
    Map<Integer, Long> queryVcpuThreads() throws IOException;

    /** Starts or resumes the CPUs. */
    void cont() throws IOException;

    /** Pauses the CPUs. */
    void stop() throws IOException;

    /** Presses the ACPI power button. */
    void systemPowerdown() throws IOException;

    /** Presses the reset button. */
    void systemReset() throws IOException;

    /** Ends QEMU. */
    void quit() throws IOException;

    /** Sets a VNC or SPICE display's password ({@code protocol} vnc or spice). */
    void setPassword(String protocol, String password) throws IOException;

    /** @param time {@code never}, {@code now}, {@code +SECONDS} or seconds since the epoch */
    void expirePassword(String protocol, String time) throws IOException;

    // --- fd passing (SCM_RIGHTS) -------------------------------------------------------------

    /**
     * Hands QEMU a copy of {@code fd} ({@code add-fd}); the caller keeps and closes its own.
     *
     * @param fdsetId the set to add to, or null for a new one (QEMU takes the lowest free id)
     * @param opaque  a note QEMU keeps with the fd (shown by {@code query-fdsets}), or null
     */
    AddedFd addFd(int fd, Integer fdsetId, String opaque) throws IOException;

    /** Removes one fd of a set, or the whole set when {@code fd} is null. */
    void removeFd(int fdsetId, Integer fd) throws IOException;

    List<FdSet> queryFdsets() throws IOException;

    // --- block graph -------------------------------------------------------------------------

    List<BlockDevice> queryBlock() throws IOException;

    /** Every named node once ({@code flat: true}). */
    List<BlockNode> queryNamedBlockNodes() throws IOException;

    /**
     * {@code blockdev-add}. Its argument is QAPI's BlockdevOptions, a union over every block
     * driver with nested nodes, so the caller builds the object (it must hold {@code node-name}
     * and {@code driver}).
     */
    void blockdevAdd(ObjectNode options) throws IOException;

    void blockdevDel(String nodeName) throws IOException;

    /**
     * {@code blockdev-reopen}: changes options of existing nodes (e.g. {@code read-only}), each given
     * in full as at {@code blockdev-add}, all at once.
     */
    void blockdevReopen(List<ObjectNode> options) throws IOException;

    void blockdevSnapshot(String node, String overlay) throws IOException;

    /** Runs the actions atomically: when one fails, none has happened. */
    void transaction(List<TransactionAction> actions) throws IOException;

    /** Sets the virtual size of a node; QEMU shrinks without asking, so the caller must check. */
    void blockResize(String nodeName, long size) throws IOException;

    void blockSetIoThrottle(IoThrottle limits) throws IOException;

    /** @param nodes true for every node ({@code query-nodes}), false for every device */
    List<BlockStats> queryBlockstats(boolean nodes) throws IOException;

    /** A one-shot {@link MonitorEvent.BlockWriteThreshold} once writes pass {@code threshold} (0 disables it). */
    void blockSetWriteThreshold(String nodeName, long threshold) throws IOException;

    // --- jobs --------------------------------------------------------------------------------

    void blockStream(BlockStream request) throws IOException;

    void blockCommit(BlockCommit request) throws IOException;

    void blockdevMirror(BlockdevMirror request) throws IOException;

    void blockdevBackup(BlockdevBackup request) throws IOException;

    List<JobInfo> queryJobs() throws IOException;

    /** The block jobs with their speed limit, pause and I/O status ({@code query-block-jobs}). */
    List<BlockJobInfo> queryBlockJobs() throws IOException;

    /** Pivots a READY mirror or active commit. */
    void jobComplete(String id) throws IOException;

    void jobCancel(String id) throws IOException;

    /**
     * {@code block-job-cancel}: with {@code force} false a READY mirror or active commit first
     * brings its target in sync and ends "completed" with a consistent target (what an abort after
     * READY wants); {@code job-cancel} abandons it at once.
     */
    void blockJobCancel(String id, boolean force) throws IOException;

    void jobPause(String id) throws IOException;

    void jobResume(String id) throws IOException;

    /** Finalizes a PENDING job started without auto-finalize. */
    void jobFinalize(String id) throws IOException;

    /** Forgets a CONCLUDED job started without auto-dismiss. */
    void jobDismiss(String id) throws IOException;

    void blockJobSetSpeed(String id, long bytesPerSecond) throws IOException;

    // --- devices -----------------------------------------------------------------------------

    /** Plugs a device; {@code properties} are the driver's own (bus, drive, ...). */
    void deviceAdd(String driver, String id, Map<String, ?> properties) throws IOException;

    /** Asks the guest to release a device; it is gone once {@link MonitorEvent.DeviceDeleted} arrives. */
    void deviceDel(String id) throws IOException;

    /** Every PCI function of every bus ({@code query-pci}), bridges' buses included. */
    List<PciDevice> queryPci() throws IOException;

    // --- removable media (by the guest device's id) ---------------------------------------------

    /** Opens the tray; {@code force} also when the guest locked it (it is then opened on the guest's next unlock). */
    void blockdevOpenTray(String id, boolean force) throws IOException;

    void blockdevCloseTray(String id) throws IOException;

    /** Takes the medium out of an open tray. */
    void blockdevRemoveMedium(String id) throws IOException;

    /** Puts the node in as the medium of an open, empty tray. */
    void blockdevInsertMedium(String id, String nodeName) throws IOException;

    // --- passthrough -------------------------------------------------------------------------

    /** Runs an HMP command line and returns its output. */
    String humanMonitorCommand(String commandLine) throws IOException;

    /**
     * Sends a command object as a user wrote it ({@code qemu-monitor-command}) and returns QEMU's
     * whole reply, {@code return} or {@code error} alike (an error is not thrown).
     */
    JsonNode passThrough(ObjectNode command) throws IOException;

    /** Closes the connection; QEMU keeps running. */
    @Override
    void close();
}
