package dev.vireo.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import java.util.List;
import java.util.function.Predicate;

/**
 * A connection to vireod: one request at a time, each answered by a reply with the same id.
 *
 * <p>Wire format (one JSON object per line): {@code {"id":1,"op":"define","args":{...}}} is
 * answered by {@code {"id":1,"result":...}} or {@code {"id":1,"error":{"code":..,"message":..}}}.
 * After {@code subscribe}, the daemon also pushes {@code {"event":{...}}} lines.
 *
 * <p>Not thread-safe: use one client per thread (connections are cheap).
 */
public final class VireoClient implements AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LineChannel channel;
    private final Path socket;
    private final Deque<JsonNode> pendingEvents = new ArrayDeque<>();
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

    /** Sends one operation and returns its result; a refusal becomes a {@link VireoException}. */
    public JsonNode call(String op, ObjectNode args) throws IOException, VireoException {
        long id = nextId++;
        ObjectNode request = NODES.objectNode();
        request.put("id", id);
        request.put("op", op);
        request.set("args", args == null ? NODES.objectNode() : args);
        channel.writeLine(request.toString());
        for (;;) {
            JsonNode reply = readMessage();
            if (reply.has("event")) {
                pendingEvents.add(reply); // pushed before this reply: eventLoop delivers it
                continue;
            }
            if (reply.path("id").asLong(-1) != id) {
                throw new ProtocolException("reply for request " + reply.path("id") + " while waiting for " + id);
            }
            JsonNode error = reply.get("error");
            if (error != null) {
                throw new VireoException(error.path("code").asText(ErrorCodes.INTERNAL),
                        error.path("message").asText("unknown error"));
            }
            return reply.path("result");
        }
    }

    public static ObjectNode args() {
        return NODES.objectNode();
    }

    // --- domain definitions -------------------------------------------------------------------

    /** Defines (or updates) a persistent domain from its XML; returns its name. */
    public String define(String xml) throws IOException, VireoException {
        return call("define", args().put("xml", xml)).path("name").asText();
    }

    public void undefine(String domain) throws IOException, VireoException {
        call("undefine", args().put("domain", domain));
    }

    /** Checks a document without storing anything. */
    public void validate(String xml) throws IOException, VireoException {
        call("validate", args().put("xml", xml));
    }

    public List<DomainSummary> list(boolean all) throws IOException, VireoException {
        JsonNode rows = call("list", args().put("all", all));
        List<DomainSummary> out = new ArrayList<>(rows.size());
        for (JsonNode r : rows) {
            out.add(new DomainSummary(r.hasNonNull("id") ? r.get("id").asInt() : null,
                    r.path("name").asText(), r.path("uuid").asText(), r.path("state").asText()));
        }
        return out;
    }

    public String dumpXml(String domain, boolean inactive) throws IOException, VireoException {
        return call("dumpxml", args().put("domain", domain).put("inactive", inactive)).asText();
    }

    public DomainState domState(String domain) throws IOException, VireoException {
        JsonNode r = call("domstate", args().put("domain", domain));
        return new DomainState(r.path("state").asText(), r.path("reason").asText());
    }

    public DomainInfo domInfo(String domain) throws IOException, VireoException {
        JsonNode r = call("dominfo", args().put("domain", domain));
        return new DomainInfo(r.hasNonNull("id") ? r.get("id").asInt() : null,
                r.path("name").asText(), r.path("uuid").asText(), r.path("osType").asText(),
                r.path("state").asText(), r.path("vcpus").asInt(), r.path("maxMemoryKiB").asLong(),
                r.path("usedMemoryKiB").asLong(), r.path("persistent").asBoolean(),
                r.path("autostart").asBoolean(),
                r.hasNonNull("cpuTimeSeconds") ? r.get("cpuTimeSeconds").asDouble() : null);
    }

    /** Marks a persistent domain to be started whenever vireod starts (or unmarks it); returns its name. */
    public String autostart(String domain, boolean enable) throws IOException, VireoException {
        return call("autostart", args().put("domain", domain).put("disable", !enable)).path("name").asText();
    }

    /** Resolves a name, UUID or id to the domain's name. */
    public String domName(String domain) throws IOException, VireoException {
        return call("lookup", args().put("domain", domain)).path("name").asText();
    }

    /** Resolves a name, UUID or id to the domain's UUID. */
    public String domUuid(String domain) throws IOException, VireoException {
        return call("lookup", args().put("domain", domain)).path("uuid").asText();
    }

    public VersionInfo version() throws IOException, VireoException {
        JsonNode r = call("version", null);
        return new VersionInfo(r.path("daemon").asText(), r.path("hypervisor").asText(),
                r.path("hypervisorVersion").asLong());
    }

    // --- emulator ------------------------------------------------------------------------------

    /** The {@code <qemuCaps>} document of an emulator binary. */
    public String domCapabilities(String emulatorBin) throws IOException, VireoException {
        return call("domcapabilities", args().put("emulatorbin", emulatorBin)).asText();
    }

    /**
     * The emulator command line for a domain XML, on one line.
     *
     * @param capsXml a {@code <qemuCaps>} document to use instead of probing the domain's emulator, or null
     */
    public String domXmlToNative(String xml, String capsXml) throws IOException, VireoException {
        ObjectNode a = args().put("format", "qemu-argv").put("xml", xml);
        if (capsXml != null) a.put("caps", capsXml);
        return call("domxml-to-native", a).asText();
    }

    // --- lifecycle -----------------------------------------------------------------------------

    public void start(String domain) throws IOException, VireoException {
        call("start", args().put("domain", domain));
    }

    /** Starts a transient domain from its XML; returns its name. */
    public String create(String xml) throws IOException, VireoException {
        return call("create", args().put("xml", xml)).path("name").asText();
    }

    public void destroy(String domain) throws IOException, VireoException {
        call("destroy", args().put("domain", domain));
    }

    /**
     * Asks the guest to power off (ACPI power button).
     *
     * @param timeout when not null, wait this long for the guest to shut off, then fail
     */
    public void shutdown(String domain, Duration timeout) throws IOException, VireoException {
        ObjectNode a = args().put("domain", domain);
        if (timeout != null) a.put("timeoutMillis", timeout.toMillis());
        call("shutdown", a);
    }

    public void suspend(String domain) throws IOException, VireoException {
        call("suspend", args().put("domain", domain));
    }

    public void resume(String domain) throws IOException, VireoException {
        call("resume", args().put("domain", domain));
    }

    public void reboot(String domain) throws IOException, VireoException {
        call("reboot", args().put("domain", domain));
    }

    public List<DiskSummary> domBlkList(String domain) throws IOException, VireoException {
        JsonNode rows = call("domblklist", args().put("domain", domain));
        List<DiskSummary> out = new ArrayList<>(rows.size());
        for (JsonNode r : rows) {
            List<BackingLayer> chain = new ArrayList<>();
            for (JsonNode b : r.path("backingChain")) {
                chain.add(new BackingLayer(b.path("index").asInt(), b.path("type").asText(), b.path("format").asText(),
                        b.path("source").asText()));
            }
            out.add(new DiskSummary(r.path("target").asText(),
                    r.hasNonNull("source") ? r.get("source").asText() : null,
                    r.path("type").asText(), r.path("device").asText(), chain));
        }
        return out;
    }

    /** Passes a QMP command through to a running domain's monitor and returns QMP's reply. */
    public JsonNode qemuMonitorCommand(String domain, String command) throws IOException, VireoException {
        return call("qemu-monitor-command", args().put("domain", domain).put("command", command));
    }

    /** Asks for events of {@code domain} (every domain when null) on this connection. */
    public void subscribe(String domain) throws IOException, VireoException {
        ObjectNode a = args();
        if (domain != null) a.put("domain", domain);
        call("subscribe", a);
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
                JsonNode msg = pendingEvents.poll();
                try {
                    if (msg == null) msg = readMessage();
                } catch (IOException e) {
                    if (System.nanoTime() >= deadline) return false;
                    throw e;
                }
                JsonNode e = msg.get("event");
                if (e == null) continue;
                DomainEvent event = new DomainEvent(e.path("domain").asText(), e.path("kind").asText(),
                        e.path("event").asText(), e.path("detail").asText());
                if (!handler.test(event)) return true;
            }
        } catch (EndOfStream eos) {
            return false;
        } finally {
            if (watchdog != null) watchdog.interrupt();
        }
    }

    private JsonNode readMessage() throws IOException {
        String line = channel.readLine();
        if (line == null) throw new EndOfStream(socket);
        try {
            return Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("malformed message from vireod: " + e.getOriginalMessage());
        }
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
