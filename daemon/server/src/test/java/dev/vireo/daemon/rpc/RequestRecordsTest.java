package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vireo.client.JsonText;
import dev.vireo.daemon.Json;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.protocol.ops.DiskRequests.BlkDevIoTune;
import dev.vireo.protocol.ops.DiskRequests.DomStats;
import dev.vireo.protocol.ops.LifecycleRequests.Console;
import dev.vireo.protocol.ops.Nullable;
import dev.vireo.protocol.ops.Request;
import dev.vireo.protocol.ops.RequestArgs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request record of {@code dev.vireo.protocol.ops} as the client writes it and the daemon
 * binds it: the same record comes back, and each binds (so each has a wire form) with a name of its own.
 */
class RequestRecordsTest {

    /** Every record in the protocol's ops package, found on disk so that a new one cannot be missed. */
    static List<Class<? extends Request>> allRequests() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(Request.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<? extends Request>> out = new ArrayList<>();
        // the module's classes folder, or its jar when the build took it from the local repository
        try (FileSystem jar = Files.isDirectory(root) ? null : FileSystems.newFileSystem(root);
             Stream<Path> files = Files.list((jar == null ? root : jar.getPath("/")).resolve("dev/vireo/protocol/ops"))) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".class")) continue;
                Class<?> c = Class.forName("dev.vireo.protocol.ops." + file.substring(0, file.length() - ".class".length()));
                if (c.isRecord() && Request.class.isAssignableFrom(c)) out.add(c.asSubclass(Request.class));
            }
        }
        return out;
    }

    @Test
    void everyRequestRoundTripsWithEveryArgumentSet() throws Exception {
        List<Class<? extends Request>> all = allRequests();
        assertTrue(all.size() >= 50, "found only " + all.size() + " request records");
        Set<String> ops = new HashSet<>();
        for (Class<? extends Request> type : all) {
            RequestBinding<? extends Request> binding = RequestBinding.of(type);
            assertTrue(ops.add(binding.op()), "two records for '" + binding.op() + "'");
            for (boolean full : new boolean[] {true, false}) {
                Request sent = sample(type, full);
                assertEquals(sent.op(), binding.op());
                assertEquals(sent, roundTrip(binding, sent), type.getName());
            }
        }
    }

    @Test
    void missingMistypedAndUnknownArgumentsAreRefusedByName() throws Exception {
        RequestBinding<Console> console = RequestBinding.of(Console.class);
        assertRefused("console: missing string argument 'domain'", console, "{}");
        assertRefused("console: missing string argument 'domain'", console, "{\"domain\":7}");
        assertRefused("console: missing string argument 'devname'", console, "{\"domain\":\"a\",\"devname\":true}");
        assertRefused("console: argument 'force' must be true or false", console, "{\"domain\":\"a\",\"force\":\"yes\"}");
        assertRefused("console: unknown argument 'forse'; known: domain, devname, force", console,
                "{\"domain\":\"a\",\"forse\":true}");
        assertEquals(new Console("a", null, false), console.bind(Json.MAPPER.readTree("{\"domain\":\"a\",\"devname\":null}")));

        RequestBinding<BlkDevIoTune> iotune = RequestBinding.of(BlkDevIoTune.class);
        assertRefused("blkdeviotune: 'values' entry 'total_iops_sec' must be a non-negative integer", iotune,
                "{\"domain\":\"a\",\"disk\":\"vda\",\"values\":{\"total_iops_sec\":-1}}");
        assertRefused("blkdeviotune: argument 'values' must be an object of integers", iotune,
                "{\"domain\":\"a\",\"disk\":\"vda\",\"values\":[]}");
        assertEquals(Map.of(), iotune.bind(Json.MAPPER.readTree("{\"domain\":\"a\",\"disk\":\"vda\"}")).values());

        RequestBinding<DomStats> stats = RequestBinding.of(DomStats.class);
        assertRefused("domstats: argument 'domains' must be a list of strings", stats, "{\"domains\":[1]}");
    }

    @Test
    void aRecordWithoutAWireFormIsRefusedAtRegistration() {
        record Odd(int count) implements Request {
            @Override public String op() { return "odd"; }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestBinding.of(Odd.class));
        assertTrue(e.getMessage().contains("count: no wire form for int"), e.getMessage());
    }

    private static void assertRefused(String message, RequestBinding<?> binding, String args) throws IOException {
        RpcException e = assertThrows(RpcException.class, () -> binding.bind(Json.MAPPER.readTree(args)));
        assertEquals(ErrorCodes.BAD_REQUEST, e.code());
        assertEquals(message, e.getMessage());
    }

    /** What the client writes (its own JSON writer), read by the daemon as it reads a request line. */
    private static Request roundTrip(RequestBinding<? extends Request> binding, Request sent) throws Exception {
        String line = JsonText.write(RequestArgs.of(sent));
        JsonNode args = Json.MAPPER.readTree(line);
        return binding.bind(args);
    }

    /** A record with a distinct value in every component ({@code full}), or only what is required. */
    private static Request sample(Class<? extends Request> type, boolean full) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            boolean leaveOut = !full && c.isAnnotationPresent(Nullable.class);
            if (c.getType() == String.class) values[i] = leaveOut ? null : c.getName() + "-" + i + " \"quoted\" \u00e9\n";
            else if (c.getType() == boolean.class) values[i] = full && i % 2 == 0;
            else if (c.getType() == Long.class) values[i] = leaveOut ? null : (i == 0 ? Long.MAX_VALUE : 1000L + i);
            else if (c.getType() == List.class) values[i] = leaveOut ? null : full ? List.of("a" + i, "b") : List.of();
            else if (c.getGenericType() instanceof ParameterizedType p && p.getRawType() == Map.class) {
                values[i] = full ? Map.of("total_bytes_sec", 5L + i) : Map.of();
            } else {
                throw new AssertionError(type.getName() + "." + c.getName() + ": no sample for " + c.getGenericType());
            }
        }
        Constructor<? extends Request> k = type.getDeclaredConstructor(types);
        Request r = k.newInstance(values);
        assertFalse(r.op().isEmpty());
        return r;
    }
}
