package dev.vireo.argvtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The QEMU 7.2 goldens made from libvirt 9's stored forms ({@code qemu-7.2-lv9-*.args}) must be
 * command lines the real QEMU 7.2 accepts: each is started paused ({@code -S}, as written), its QMP
 * monitor is greeted and told to {@code quit}, and QEMU must exit cleanly. Only what a golden cannot
 * hold is changed: its disk images are replaced by fresh ones made with {@code qemu-img} in the
 * format the golden opens them with, its sockets ({@code /run/vireo/...}) move to a temporary
 * folder, a VNC display printed for a definition ({@code :-5900}) becomes the one a start asks for
 * ({@code :0,to=99}), and a TPM emulator's socket is served by a real {@code swtpm}.
 *
 * <p>Two host facts a golden names may be missing here. The hugetlbfs folder
 * ({@code /dev/hugepages/vireo}, see {@code GoldenArgvTest}) becomes a fresh folder in
 * {@code /dev/shm} when the host has no hugetlbfs mount: QEMU then reads the same backend options
 * and preallocates ordinary shared memory. A golden with SPICE OpenGL ({@code gl=on}) needs a DRM
 * render node: on a host without one ({@code /dev/dri/renderD*}, as a machine without a GPU) QEMU
 * must refuse it with its own reason, which is what a start there reports.
 */
class QemuAcceptsGoldensTest {

    private static final Path CASES = Path.of(System.getProperty("vireo.repo", ".."), "argv-tests", "src", "test",
            "resources", "argv");
    private static final String GOLDEN_RUNTIME = "/run/vireo/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long START_TIMEOUT_MS = 30_000;
    private static final String GOLDEN_HUGEPAGES = "mem-path=/dev/hugepages/vireo";
    /** What QEMU 7.2 says when SPICE OpenGL finds no render node. */
    static final String NO_RENDER_NODE = "egl: no drm render node available";

    @TestFactory
    Stream<DynamicTest> qemuStartsEveryLibvirt9Golden() throws IOException {
        List<Path> goldens;
        try (Stream<Path> files = Files.list(CASES)) {
            goldens = files.filter(p -> p.getFileName().toString().startsWith("qemu-7.2-lv9-")
                    && p.toString().endsWith(".args")).sorted().toList();
        }
        assertTrue(goldens.size() >= 10, "expected the libvirt 9 goldens in " + CASES + ", found " + goldens.size());
        assertTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")), "QEMU 7.2 must be installed");
        return goldens.stream().map(g -> DynamicTest.dynamicTest(g.getFileName().toString(), () -> accepted(g)));
    }

    private static void accepted(Path golden) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "qa");
        Path hugepages = null;
        List<Process> helpers = new ArrayList<>();
        Process qemu = null;
        try {
            List<String> words = ShellWords.split(Files.readString(golden).replace("\\\n", "").strip());
            Map<String, String> env = new LinkedHashMap<>();
            int i = 0;
            while (!words.get(i).startsWith("/") && words.get(i).contains("=")) {
                String[] kv = words.get(i).split("=", 2);
                env.put(kv[0], kv[1]);
                i++;
            }
            List<String> argv = new ArrayList<>();
            boolean usesHugepages = words.stream().anyMatch(w -> w.contains(GOLDEN_HUGEPAGES));
            if (usesHugepages && !hostHasHugetlbfs()) {
                hugepages = Files.createTempDirectory(Path.of("/dev/shm"), "qa-hugepages");
            }
            for (String word : words.subList(i, words.size())) {
                String w = word.replace(GOLDEN_RUNTIME, dir + "/").replace("127.0.0.1:-5900", "127.0.0.1:0,to=99");
                if (hugepages != null) w = w.replace(GOLDEN_HUGEPAGES, "mem-path=" + hugepages);
                argv.add(w);
            }
            boolean needsRenderNode = words.stream().anyMatch(w -> w.contains(",gl=on"));
            replaceImages(argv, dir);
            Path monitor = null;
            for (String a : argv) {
                if (a.startsWith("socket,id=charmonitor,path=")) {
                    monitor = Path.of(a.substring("socket,id=charmonitor,path=".length()).split(",")[0]);
                }
                if (a.startsWith("socket,id=chrtpm,path=")) {
                    helpers.add(swtpm(dir, Path.of(a.substring("socket,id=chrtpm,path=".length()).split(",")[0])));
                }
            }
            assertTrue(monitor != null, golden + " has no QMP monitor");
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("qemu.log").toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            qemu = pb.start();
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
            while (!Files.exists(monitor) && qemu.isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            if (needsRenderNode && !hostHasRenderNode()) {
                assertTrue(qemu.waitFor(START_TIMEOUT_MS, TimeUnit.MILLISECONDS), "QEMU did not end without a render node");
                String log = Files.readString(dir.resolve("qemu.log"));
                assertTrue(qemu.exitValue() != 0 && log.contains(NO_RENDER_NODE),
                        "without a DRM render node QEMU must refuse " + golden.getFileName() + " with '" + NO_RENDER_NODE
                                + "'; exit " + qemu.exitValue() + ", output: " + log);
                return;
            }
            if (!qemu.isAlive() || !Files.exists(monitor)) {
                qemu.waitFor(5, TimeUnit.SECONDS);
                fail("QEMU refused " + golden.getFileName() + ": " + Files.readString(dir.resolve("qemu.log")).strip());
            }
            quit(monitor, qemu, dir);
            assertTrue(qemu.waitFor(20, TimeUnit.SECONDS), "QEMU did not quit");
            assertEquals(0, qemu.exitValue(), "QEMU's exit status; its output: " + Files.readString(dir.resolve("qemu.log")));
        } finally {
            if (qemu != null && qemu.isAlive()) {
                qemu.destroyForcibly().waitFor();
            }
            for (Process p : helpers) {
                p.destroy();
                if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
            }
            delete(dir);
            if (hugepages != null) delete(hugepages);
        }
    }

    /** Whether a hugetlbfs filesystem is mounted (as vireod looks for one). */
    static boolean hostHasHugetlbfs() throws IOException {
        return Files.readAllLines(Path.of("/proc/mounts")).stream().anyMatch(l -> l.split(" ").length > 2
                && l.split(" ")[2].equals("hugetlbfs"));
    }

    /** Whether the host has a DRM render node, as SPICE OpenGL needs. */
    static boolean hostHasRenderNode() throws IOException {
        Path dri = Path.of("/dev/dri");
        if (!Files.isDirectory(dri)) return false;
        try (Stream<Path> nodes = Files.list(dri)) {
            return nodes.anyMatch(p -> p.getFileName().toString().startsWith("renderD"));
        }
    }

    /** Each {@code file} node's image becomes a new one in the format its format node reads it as. */
    private static void replaceImages(List<String> argv, Path dir) throws Exception {
        Map<String, String> formatOfStorageNode = new HashMap<>();
        for (int i = 0; i + 1 < argv.size(); i++) {
            if (argv.get(i).equals("-blockdev") && argv.get(i + 1).startsWith("{")) {
                JsonNode node = JSON.readTree(argv.get(i + 1));
                if (node.path("file").isTextual()) {
                    formatOfStorageNode.put(node.path("file").asText(), node.path("driver").asText());
                }
            }
        }
        int n = 0;
        for (int i = 0; i + 1 < argv.size(); i++) {
            if (!argv.get(i).equals("-blockdev") || !argv.get(i + 1).startsWith("{")) continue;
            ObjectNode node = (ObjectNode) JSON.readTree(argv.get(i + 1));
            if (!node.path("driver").asText().equals("file") || node.path("node-name").asText().contains("pflash")) continue;
            String format = formatOfStorageNode.getOrDefault(node.path("node-name").asText(), "raw");
            Path image = dir.resolve("image" + (n++) + "." + format);
            run(List.of("qemu-img", "create", "-q", "-f", format, image.toString(), "16M"));
            node.put("filename", image.toString());
            argv.set(i + 1, JSON.writeValueAsString(node));
        }
    }

    private static Process swtpm(Path dir, Path socket) throws Exception {
        Path state = Files.createDirectories(dir.resolve("tpm"));
        Process p = new ProcessBuilder("swtpm", "socket", "--ctrl", "type=unixio,path=" + socket, "--tpmstate",
                "dir=" + state, "--tpm2", "--terminate").redirectErrorStream(true)
                .redirectOutput(dir.resolve("swtpm.log").toFile()).start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!Files.exists(socket)) {
            assertTrue(p.isAlive() && System.currentTimeMillis() < deadline, "swtpm did not listen on " + socket);
            Thread.sleep(20);
        }
        return p;
    }

    private static void quit(Path monitor, Process qemu, Path dir) throws Exception {
        try (SocketChannel ch = connect(monitor, qemu, dir)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
            Writer out = Channels.newWriter(ch, StandardCharsets.UTF_8);
            assertTrue(JSON.readTree(in.readLine()).has("QMP"), "QMP greeting");
            out.write("{\"execute\":\"qmp_capabilities\"}\n");
            out.flush();
            assertReturn(in);
            out.write("{\"execute\":\"query-status\"}\n");
            out.flush();
            JsonNode status = assertReturn(in);
            assertEquals("prelaunch", status.path("return").path("status").asText(), "the guest waits paused (-S)");
            out.write("{\"execute\":\"quit\"}\n");
            out.flush();
            assertReturn(in);
        }
    }

    /** The socket file appears when QEMU binds it, a moment before it listens; QEMU may also still fail after it. */
    private static SocketChannel connect(Path monitor, Process qemu, Path dir) throws Exception {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (true) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(monitor));
                return ch;
            } catch (java.net.ConnectException e) {
                ch.close();
                if (!qemu.isAlive()) {
                    qemu.waitFor();
                    fail("QEMU refused the command line: " + Files.readString(dir.resolve("qemu.log")).strip());
                }
                assertTrue(System.currentTimeMillis() < deadline, "QEMU's monitor did not answer");
                Thread.sleep(50);
            }
        }
    }

    /** The next reply, skipping events; it must be a success. */
    private static JsonNode assertReturn(BufferedReader in) throws IOException {
        while (true) {
            String line = in.readLine();
            assertTrue(line != null, "the monitor closed before replying");
            JsonNode reply = JSON.readTree(line);
            if (reply.has("event")) continue;
            assertTrue(reply.has("return"), "QMP error: " + line);
            return reply;
        }
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + output);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
