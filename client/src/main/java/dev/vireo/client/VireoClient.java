package dev.vireo.client;

import dev.vireo.protocol.BackingLayer;
import dev.vireo.protocol.BlockJobState;
import dev.vireo.protocol.DiskInfo;
import dev.vireo.protocol.DiskStats;
import dev.vireo.protocol.DiskSummary;
import dev.vireo.protocol.DomainEvent;
import dev.vireo.protocol.DomainInfo;
import dev.vireo.protocol.DomainJobInfo;
import dev.vireo.protocol.DomainState;
import dev.vireo.protocol.DomainSummary;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.protocol.LineChannel;
import dev.vireo.protocol.VersionInfo;
import dev.vireo.protocol.ops.BackupRequests.BackupBegin;
import dev.vireo.protocol.ops.BackupRequests.BackupDumpXml;
import dev.vireo.protocol.ops.BackupRequests.DomJobAbort;
import dev.vireo.protocol.ops.BackupRequests.DomJobInfo;
import dev.vireo.protocol.ops.BlockJobRequests.BlockCommit;
import dev.vireo.protocol.ops.BlockJobRequests.BlockCopy;
import dev.vireo.protocol.ops.BlockJobRequests.BlockJobAbort;
import dev.vireo.protocol.ops.BlockJobRequests.BlockJobInfo;
import dev.vireo.protocol.ops.BlockJobRequests.BlockJobPause;
import dev.vireo.protocol.ops.BlockJobRequests.BlockJobPivot;
import dev.vireo.protocol.ops.BlockJobRequests.BlockJobResume;
import dev.vireo.protocol.ops.BlockJobRequests.BlockJobSpeed;
import dev.vireo.protocol.ops.BlockJobRequests.BlockPull;
import dev.vireo.protocol.ops.DefinitionRequests.Autostart;
import dev.vireo.protocol.ops.DefinitionRequests.Define;
import dev.vireo.protocol.ops.DefinitionRequests.DomInfo;
import dev.vireo.protocol.ops.DefinitionRequests.DomState;
import dev.vireo.protocol.ops.DefinitionRequests.DumpXml;
import dev.vireo.protocol.ops.DefinitionRequests.ListDomains;
import dev.vireo.protocol.ops.DefinitionRequests.Lookup;
import dev.vireo.protocol.ops.DefinitionRequests.Undefine;
import dev.vireo.protocol.ops.DefinitionRequests.Validate;
import dev.vireo.protocol.ops.DiskRequests.DomBlkInfo;
import dev.vireo.protocol.ops.DiskRequests.DomBlkStat;
import dev.vireo.protocol.ops.EmulatorRequests.DomCapabilities;
import dev.vireo.protocol.ops.EmulatorRequests.DomXmlToNative;
import dev.vireo.protocol.ops.EmulatorRequests.Version;
import dev.vireo.protocol.ops.LifecycleRequests.Console;
import dev.vireo.protocol.ops.LifecycleRequests.Create;
import dev.vireo.protocol.ops.LifecycleRequests.Destroy;
import dev.vireo.protocol.ops.LifecycleRequests.DomBlkList;
import dev.vireo.protocol.ops.LifecycleRequests.QemuMonitorCommand;
import dev.vireo.protocol.ops.LifecycleRequests.Reboot;
import dev.vireo.protocol.ops.LifecycleRequests.Resume;
import dev.vireo.protocol.ops.LifecycleRequests.Shutdown;
import dev.vireo.protocol.ops.LifecycleRequests.Start;
import dev.vireo.protocol.ops.LifecycleRequests.Subscribe;
import dev.vireo.protocol.ops.LifecycleRequests.Suspend;
import dev.vireo.protocol.ops.Request;
import dev.vireo.protocol.ops.RequestArgs;

import java.io.IOException;
import java.net.ProtocolException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static dev.vireo.client.JsonFields.array;
import static dev.vireo.client.JsonFields.bool;
import static dev.vireo.client.JsonFields.hasNonNull;
import static dev.vireo.client.JsonFields.intValue;
import static dev.vireo.client.JsonFields.longValue;
import static dev.vireo.client.JsonFields.object;
import static dev.vireo.client.JsonFields.text;

/**
 * A connection to vireod: one request at a time, each answered by a reply with the same id.
 *
 * <p>Wire format (one JSON object per line): {@code {"id":1,"op":"define","args":{...}}} is
 * answered by {@code {"id":1,"result":...}} or {@code {"id":1,"error":{"code":..,"message":..}}}.
 * After {@code subscribe}, the daemon also pushes {@code {"event":{...}}} lines.
 *
 * <p>Messages are read and written with {@link JsonText}, not Jackson, to keep {@code vireo}'s
 * start short; values are plain maps, lists, strings, numbers and booleans.
 *
 * <p>Not thread-safe: use one client per thread (connections are cheap).
 */
public final class VireoClient implements AutoCloseable {
    /** What every event has; the rest are its kind's typed fields. */
    private static final Set<String> BASIC_EVENT_FIELDS = Set.of("domain", "kind", "event", "detail");

    private final LineChannel channel;
    private final Path socket;
    private final Deque<Map<String, Object>> pendingEvents = new ArrayDeque<>();
    private long nextId = 1;

    private VireoClient(LineChannel channel, Path socket) {
        this.channel = channel;
        this.socket = socket;
    }

    public static VireoClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw new IOException("cannot connect to vireod at " + socket + ": " + e.getMessage()
                    + " (is vireod running? start it with bin/vireod)", e);
        }
        return new VireoClient(new LineChannel(ch), socket);
    }

    /**
     * Sends one operation by its wire name and returns its result as a {@link JsonText} value (a
     * map, list, string, number, boolean or null); a refusal becomes a {@link VireoException}.
     * Programs use {@link #call(Request)}; this form is for tests that send what no request record
     * can (a mistyped or unknown argument).
     *
     * @param args the operation's arguments by name (JsonText values), or null for none
     */
    public Object call(String op, Map<String, Object> args) throws IOException, VireoException {
        long id = nextId++;
        try {
            channel.writeLine(requestLine(id, op, args));
        } catch (IOException e) {
            throwRefusalOr(e);
        }
        for (;;) {
            Map<String, Object> reply = readMessage();
            if (reply.containsKey("event")) {
                pendingEvents.add(reply); // pushed before this reply: eventLoop delivers it
                continue;
            }
            if (reply.get("id") == null && reply.get("error") != null) throw refusal(reply);
            if (!(reply.get("id") instanceof Number n) || n.longValue() != id) {
                throw new ProtocolException("reply for request " + text(reply, "id") + " while waiting for " + id);
            }
            if (reply.get("error") != null) throw refusal(reply);
            return reply.get("result");
        }
    }

    /** {@code {"id":ID,"op":OP,"args":{...}}}, as it goes on the wire (without its newline). */
    static String requestLine(long id, String op, Map<String, Object> args) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", id);
        request.put("op", op);
        request.put("args", args == null ? Map.of() : args);
        return JsonText.write(request);
    }

    private static VireoException refusal(Map<String, Object> reply) {
        Map<String, Object> error = object(reply.get("error"));
        return new VireoException(text(error, "code", ErrorCodes.INTERNAL), text(error, "message", "unknown error"));
    }

    /**
     * A request that could not be sent: the daemon may have refused the connection (too many
     * clients) and said why before closing it; that reason is worth more than "Broken pipe".
     */
    private void throwRefusalOr(IOException writeFailed) throws IOException, VireoException {
        Map<String, Object> reply;
        try {
            reply = readMessage();
        } catch (IOException nothingSaid) {
            throw writeFailed;
        }
        if (reply.get("error") != null) throw refusal(reply);
        throw writeFailed;
    }

    /**
     * Sends one operation, defined by its request record ({@code dev.vireo.protocol.ops}), and
     * returns its result as {@link #call(String, Map)} does.
     */
    public Object call(Request request) throws IOException, VireoException {
        return call(request.op(), RequestArgs.of(request));
    }

    private Map<String, Object> callForObject(Request request) throws IOException, VireoException {
        return object(call(request));
    }

    private String callForText(Request request) throws IOException, VireoException {
        Object result = call(request);
        if (result == null) return "null";
        if (result instanceof String s) return s;
        // A daemon of another version answering with another shape: say so rather than print nothing.
        throw new IOException("unexpected reply to '" + request.op() + "': expected text, got "
                + result.getClass().getSimpleName());
    }

    // --- domain definitions -------------------------------------------------------------------

    /** Defines (or updates) a persistent domain from its XML; returns its name. */
    public String define(String xml) throws IOException, VireoException {
        return text(callForObject(new Define(xml)), "name");
    }

    public void undefine(String domain) throws IOException, VireoException {
        undefine(domain, new UndefineOptions(false, false, false));
    }

    /**
     * What undefine does with a domain's per-domain state, as virsh's flags say.
     *
     * @param nvram     remove the UEFI variable store ({@code --nvram})
     * @param keepNvram keep it ({@code --keep-nvram}); a domain with a store needs one of the two
     * @param keepTpm   keep the emulated TPM's state ({@code --keep-tpm}); removed otherwise
     */
    public record UndefineOptions(boolean nvram, boolean keepNvram, boolean keepTpm) {
    }

    public void undefine(String domain, UndefineOptions options) throws IOException, VireoException {
        undefine(domain, options, false);
    }

    /** @param snapshotsMetadata also remove the domain's snapshot metadata ({@code --snapshots-metadata}) */
    public void undefine(String domain, UndefineOptions options, boolean snapshotsMetadata) throws IOException, VireoException {
        call(new Undefine(domain, options.nvram(), options.keepNvram(), options.keepTpm(), snapshotsMetadata));
    }

    /** Checks a document without storing anything. */
    public void validate(String xml) throws IOException, VireoException {
        call(new Validate(xml));
    }

    public List<DomainSummary> list(boolean all) throws IOException, VireoException {
        List<Object> rows = array(call(new ListDomains(all)));
        List<DomainSummary> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Map<String, Object> r = object(row);
            out.add(new DomainSummary(hasNonNull(r, "id") ? intValue(r, "id") : null,
                    text(r, "name"), text(r, "uuid"), text(r, "state")));
        }
        return out;
    }

    public String dumpXml(String domain, boolean inactive) throws IOException, VireoException {
        return callForText(new DumpXml(domain, inactive));
    }

    public DomainState domState(String domain) throws IOException, VireoException {
        Map<String, Object> r = callForObject(new DomState(domain));
        return new DomainState(text(r, "state"), text(r, "reason"));
    }

    public DomainInfo domInfo(String domain) throws IOException, VireoException {
        Map<String, Object> r = callForObject(new DomInfo(domain));
        return new DomainInfo(hasNonNull(r, "id") ? intValue(r, "id") : null,
                text(r, "name"), text(r, "uuid"), text(r, "osType"),
                text(r, "state"), intValue(r, "vcpus"), longValue(r, "maxMemoryKiB"),
                longValue(r, "usedMemoryKiB"), bool(r, "persistent"), bool(r, "autostart"),
                hasNonNull(r, "cpuTimeSeconds") ? JsonFields.doubleValue(r, "cpuTimeSeconds") : null);
    }

    /** Marks a persistent domain to be started whenever vireod starts (or unmarks it); returns its name. */
    public String autostart(String domain, boolean enable) throws IOException, VireoException {
        return text(callForObject(new Autostart(domain, !enable)), "name");
    }

    /** Resolves a name, UUID or id to the domain's name. */
    public String domName(String domain) throws IOException, VireoException {
        return text(callForObject(new Lookup(domain)), "name");
    }

    /** Resolves a name, UUID or id to the domain's UUID. */
    public String domUuid(String domain) throws IOException, VireoException {
        return text(callForObject(new Lookup(domain)), "uuid");
    }

    public VersionInfo version() throws IOException, VireoException {
        Map<String, Object> r = callForObject(new Version());
        return new VersionInfo(text(r, "daemon"), text(r, "hypervisor"), longValue(r, "hypervisorVersion"));
    }

    // --- emulator ------------------------------------------------------------------------------

    /** The {@code <qemuCaps>} document of an emulator binary. */
    public String domCapabilities(String emulatorBin) throws IOException, VireoException {
        return callForText(new DomCapabilities(emulatorBin));
    }

    /**
     * The emulator command line for a domain XML, on one line.
     *
     * @param capsXml a {@code <qemuCaps>} document to use instead of probing the domain's emulator, or null
     */
    public String domXmlToNative(String xml, String capsXml) throws IOException, VireoException {
        return callForText(new DomXmlToNative("qemu-argv", xml, capsXml));
    }

    // --- lifecycle -----------------------------------------------------------------------------

    public void start(String domain) throws IOException, VireoException {
        call(new Start(domain));
    }

    /** Starts a transient domain from its XML; returns its name. */
    public String create(String xml) throws IOException, VireoException {
        return text(callForObject(new Create(xml)), "name");
    }

    /**
     * Attaches to a running guest's console (its first console or serial port, or the character
     * device with alias {@code devname}). This connection then carries only the console: use
     * another client for anything else.
     *
     * @param force take the console over from the session that has it
     */
    public ConsoleStream console(String domain, String devname, boolean force) throws IOException, VireoException {
        call(new Console(domain, devname, force));
        return new ConsoleStream(channel);
    }

    public void destroy(String domain) throws IOException, VireoException {
        call(new Destroy(domain));
    }

    /**
     * Asks the guest to power off (ACPI power button).
     *
     * @param timeout when not null, wait this long for the guest to shut off, then fail
     */
    public void shutdown(String domain, Duration timeout) throws IOException, VireoException {
        call(new Shutdown(domain, timeout == null ? null : timeout.toMillis()));
    }

    public void suspend(String domain) throws IOException, VireoException {
        call(new Suspend(domain));
    }

    public void resume(String domain) throws IOException, VireoException {
        call(new Resume(domain));
    }

    public void reboot(String domain) throws IOException, VireoException {
        call(new Reboot(domain));
    }

    public List<DiskSummary> domBlkList(String domain) throws IOException, VireoException {
        List<Object> rows = array(call(new DomBlkList(domain)));
        List<DiskSummary> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Map<String, Object> r = object(row);
            List<BackingLayer> chain = new ArrayList<>();
            for (Object layer : array(r.get("backingChain"))) {
                Map<String, Object> b = object(layer);
                chain.add(new BackingLayer(intValue(b, "index"), text(b, "type"), text(b, "format"), text(b, "source")));
            }
            out.add(new DiskSummary(text(r, "target"), hasNonNull(r, "source") ? text(r, "source") : null,
                    text(r, "type"), text(r, "device"), chain));
        }
        return out;
    }

    /**
     * A running disk's I/O counters ({@code domblkstat}).
     *
     * @param disk a target or top image path, or null for the sum over every disk
     */
    public DiskStats domBlkStat(String domain, String disk) throws IOException, VireoException {
        Map<String, Object> r = callForObject(new DomBlkStat(domain, disk));
        Map<String, Long> fields = new LinkedHashMap<>();
        for (String f : DiskStats.FIELDS) fields.put(f, longValue(r, f));
        return DiskStats.of(text(r, "disk"), fields);
    }

    /**
     * The sizes of a disk's top image ({@code domblkinfo}).
     *
     * @param disk a target or top image path, or null for every local disk
     */
    public List<DiskInfo> domBlkInfo(String domain, String disk) throws IOException, VireoException {
        List<DiskInfo> out = new ArrayList<>();
        for (Object row : array(call(new DomBlkInfo(domain, disk)))) {
            Map<String, Object> r = object(row);
            out.add(new DiskInfo(text(r, "disk"), sizeOrNull(r, "capacity"), sizeOrNull(r, "allocation"),
                    sizeOrNull(r, "physical")));
        }
        return out;
    }

    private static Long sizeOrNull(Map<String, Object> r, String field) {
        return hasNonNull(r, field) ? longValue(r, field) : null;
    }

    // --- block jobs ----------------------------------------------------------------------------

    /** Another connection to the same daemon (e.g. one that listens for events while this one asks). */
    public VireoClient reconnect() throws IOException {
        return connect(socket);
    }

    /**
     * A started job (or the job a control command acted on).
     *
     * @param job the job's id, as its {@code block-job} events name it (field {@code job})
     */
    public record JobRef(String job, String kind, String label, String disk) {
    }

    private JobRef jobRef(Request request) throws IOException, VireoException {
        Map<String, Object> r = callForObject(request);
        return new JobRef(text(r, "job"), text(r, "kind"), text(r, "label"), text(r, "disk"));
    }

    /**
     * {@code blockpull}: pulls the layers above {@code base} (the whole chain when null; a path or
     * {@code vda[N]}) into the disk's top image. Returns once the job runs.
     *
     * @param bandwidth bytes per second, 0 for no limit
     */
    public JobRef blockPull(String domain, String disk, String base, long bandwidth, boolean keepRelative)
            throws IOException, VireoException {
        return jobRef(new BlockPull(domain, disk, base, bandwidth, keepRelative));
    }

    /**
     * What {@code blockcommit} asks for.
     *
     * @param top       the layer to commit from (path or {@code vda[N]}), null for the active layer
     * @param base      the layer to commit into, null for the bottom of the chain
     * @param bandwidth bytes per second, 0 for no limit
     */
    public record CommitOptions(String top, String base, boolean shallow, boolean active, boolean delete,
                                boolean keepRelative, long bandwidth) {
    }

    public JobRef blockCommit(String domain, String disk, CommitOptions o) throws IOException, VireoException {
        return jobRef(new BlockCommit(domain, disk, o.top(), o.base(), o.shallow(), o.active(), o.delete(),
                o.keepRelative(), o.bandwidth()));
    }

    /** The disk's block job now, or null when none runs. */
    public BlockJobState blockJobInfo(String domain, String disk) throws IOException, VireoException {
        Map<String, Object> r = callForObject(new BlockJobInfo(domain, disk));
        if (!hasNonNull(r, "job")) return null;
        Map<String, Object> j = object(r.get("job"));
        return new BlockJobState(text(j, "job"), text(j, "kind"), text(j, "label"), text(j, "disk"), text(j, "state"),
                longValue(j, "cur"), longValue(j, "end"), longValue(j, "bandwidth"), bool(j, "ready"), bool(j, "paused"),
                hasNonNull(j, "ioStatus") ? text(j, "ioStatus") : null, bool(j, "abortRequested"),
                hasNonNull(j, "error") ? text(j, "error") : null);
    }

    /** Cancels the disk's job; its end arrives as a {@code canceled} event. */
    public JobRef blockJobAbort(String domain, String disk) throws IOException, VireoException {
        return jobRef(new BlockJobAbort(domain, disk));
    }

    /** Pivots a READY copy or active commit; refused before READY. */
    public JobRef blockJobPivot(String domain, String disk) throws IOException, VireoException {
        return jobRef(new BlockJobPivot(domain, disk));
    }

    public JobRef blockJobPause(String domain, String disk) throws IOException, VireoException {
        return jobRef(new BlockJobPause(domain, disk));
    }

    public JobRef blockJobResume(String domain, String disk) throws IOException, VireoException {
        return jobRef(new BlockJobResume(domain, disk));
    }

    /** @param bandwidth bytes per second, 0 for no limit */
    public JobRef blockJobSetSpeed(String domain, String disk, long bandwidth) throws IOException, VireoException {
        return jobRef(new BlockJobSpeed(domain, disk, bandwidth));
    }

    /**
     * What {@code blockcopy} asks for. Sizes in bytes; 0 leaves QEMU's default.
     *
     * @param format            the copy's image format, or null (the disk's, or probed with {@code reuseExternal})
     * @param blockDevice       the destination is a block device
     * @param transientJob      allow the copy on a persistent domain (it does not survive the guest)
     * @param synchronousWrites guest writes reach both images before they complete
     */
    public record BlockCopyOptions(String dest, String format, boolean shallow, boolean reuseExternal, boolean blockDevice,
                                   long bandwidth, long granularity, long bufSize, boolean transientJob,
                                   boolean synchronousWrites) {
        public static BlockCopyOptions to(String dest) {
            return new BlockCopyOptions(dest, null, false, false, false, 0, 0, 0, false, false);
        }

        public BlockCopyOptions shallow(boolean value) {
            return new BlockCopyOptions(dest, format, value, reuseExternal, blockDevice, bandwidth, granularity, bufSize,
                    transientJob, synchronousWrites);
        }

        public BlockCopyOptions transientJob(boolean value) {
            return new BlockCopyOptions(dest, format, shallow, reuseExternal, blockDevice, bandwidth, granularity, bufSize,
                    value, synchronousWrites);
        }

        public BlockCopyOptions reuseExternal(boolean value, String withFormat) {
            return new BlockCopyOptions(dest, withFormat, shallow, value, blockDevice, bandwidth, granularity, bufSize,
                    transientJob, synchronousWrites);
        }

        public BlockCopyOptions bandwidth(long bytesPerSecond) {
            return new BlockCopyOptions(dest, format, shallow, reuseExternal, blockDevice, bytesPerSecond, granularity,
                    bufSize, transientJob, synchronousWrites);
        }
    }

    /** Starts copying a running disk ({@code blockcopy}); returns the job's id. */
    public JobRef blockCopy(String domain, String disk, BlockCopyOptions o) throws IOException, VireoException {
        return jobRef(new BlockCopy(domain, disk, o.dest(), o.format(), o.shallow(), o.reuseExternal(), o.blockDevice(),
                positiveOrNull(o.bandwidth()), positiveOrNull(o.granularity()), positiveOrNull(o.bufSize()),
                o.transientJob(), o.synchronousWrites()));
    }

    /** A size of 0 leaves the daemon's (QEMU's) default: the argument is left out. */
    private static Long positiveOrNull(long value) {
        return value > 0 ? value : null;
    }

    /**
     * Starts a push mode, full backup of a running domain ({@code backup-begin}).
     *
     * @param backupXml a {@code <domainbackup>} document, or null for every disk to {@code PATH.EPOCH} in qcow2
     */
    public void backupBegin(String domain, String backupXml, boolean reuseExternal) throws IOException, VireoException {
        call(new BackupBegin(domain, backupXml, reuseExternal));
    }

    /** The running backup's {@code <domainbackup>} ({@code backup-dumpxml}). */
    public String backupDumpXml(String domain) throws IOException, VireoException {
        return callForText(new BackupDumpXml(domain));
    }

    /** The domain's running job, or with {@code completed} the last one that ended ({@code domjobinfo}). */
    public DomainJobInfo domJobInfo(String domain, boolean completed) throws IOException, VireoException {
        Map<String, Object> r = callForObject(new DomJobInfo(domain, completed));
        if ("None".equals(text(r, "type"))) return DomainJobInfo.none();
        return new DomainJobInfo(text(r, "type"), text(r, "operation"), longValue(r, "elapsedMillis"),
                longValue(r, "processed"), longValue(r, "remaining"), longValue(r, "total"));
    }

    /** Aborts the domain's running job (a backup: every disk's part) ({@code domjobabort}). */
    public void domJobAbort(String domain) throws IOException, VireoException {
        call(new DomJobAbort(domain));
    }

    /** Passes a QMP command through to a running domain's monitor; returns QMP's reply as compact JSON. */
    public String qemuMonitorCommand(String domain, String command) throws IOException, VireoException {
        return JsonText.write(call(new QemuMonitorCommand(domain, command)));
    }

    /** Asks for events of {@code domain} (every domain when null) on this connection. */
    public void subscribe(String domain) throws IOException, VireoException {
        call(new Subscribe(domain));
    }

    /**
     * After {@link #subscribe}: passes events to {@code handler} until it returns false, the
     * timeout passes, or the connection closes.
     *
     * @return true when the handler stopped the loop, false on timeout or end of stream
     */
    public boolean eventLoop(Duration timeout, Predicate<DomainEvent> handler) throws IOException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        Thread watchdog = timeout == null ? null : Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                channel.close(); // unblocks the read below
            } catch (InterruptedException | IOException ignored) {
                // the loop ended first, or the channel is closing anyway
            }
        });
        try {
            for (;;) {
                Map<String, Object> msg = pendingEvents.poll();
                try {
                    if (msg == null) msg = readMessage();
                } catch (IOException e) {
                    if (System.nanoTime() >= deadline) return false;
                    throw e;
                }
                if (msg.get("event") == null) continue;
                Map<String, Object> e = object(msg.get("event"));
                Map<String, String> fields = new LinkedHashMap<>();
                for (Map.Entry<String, Object> f : e.entrySet()) {
                    if (f.getValue() != null && !BASIC_EVENT_FIELDS.contains(f.getKey())) {
                        fields.put(f.getKey(), String.valueOf(f.getValue()));
                    }
                }
                DomainEvent event = new DomainEvent(text(e, "domain"), text(e, "kind"), text(e, "event"),
                        text(e, "detail"), fields);
                if (!handler.test(event)) return true;
            }
        } catch (EndOfStream eos) {
            return false;
        } finally {
            if (watchdog != null) watchdog.interrupt();
        }
    }

    private Map<String, Object> readMessage() throws IOException {
        String line = channel.readLine();
        if (line == null) throw new EndOfStream(socket);
        Object message;
        try {
            message = JsonText.parse(line);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("malformed message from vireod: " + e.getMessage());
        }
        if (!(message instanceof Map)) throw new ProtocolException("message from vireod is not a JSON object: " + line);
        return object(message);
    }

    /** The daemon closed the connection (it stopped, or refused this peer). */
    private static final class EndOfStream extends IOException {
        EndOfStream(Path socket) {
            super("vireod at " + socket + " closed the connection");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
