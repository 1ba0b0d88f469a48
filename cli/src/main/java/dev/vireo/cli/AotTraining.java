package dev.vireo.cli;

import dev.vireo.client.JsonFields;
import dev.vireo.client.JsonText;
import dev.vireo.protocol.LineChannel;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The build's training run for the JDK's AOT cache ({@code cli/target/vireo-cli.aot}, used by
 * {@code bin/vireo}): runs everyday commands against a throwaway in-process responder, so that the
 * classes a real call loads (the command table, the socket, the JSON reader) are cached. Not used
 * at run time.
 */
final class AotTraining {
    private static final List<List<String>> WORKLOAD = List.of(
            List.of("list", "--all"), List.of("dominfo", "train"), List.of("domstate", "--reason", "train"),
            List.of("dumpxml", "train"), List.of("list", "--bad-option"), List.of("nosuchcommand"));

    private AotTraining() {
    }

    /**
     * @param args the file to record the JDK in: the cache is only valid for the JVM that wrote it,
     *             so {@code bin/vireo} runs that one (and skips searching for a JDK)
     */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), System.getProperty("java.home") + "\n");
        train();
        // Last, a real start's own path through Main, which ends the JVM as a real call does.
        Main.main(new String[]{"--version"});
    }

    private static void train() throws IOException {
        Path dir = Files.createTempDirectory("vireo-aot-");
        Path socket = dir.resolve("train.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread.ofPlatform().daemon().start(() -> respond(server));
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            for (List<String> command : WORKLOAD) {
                String[] argv = Stream.concat(Stream.of("-c", "unix:" + socket), command.stream())
                        .toArray(String[]::new);
                Vireo.run(argv, sink, sink);
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
    }

    private static void respond(ServerSocketChannel server) {
        for (;;) {
            try (SocketChannel ch = server.accept(); LineChannel lines = new LineChannel(ch)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Map<String, Object> request = JsonFields.object(JsonText.parse(line));
                    Map<String, Object> reply = new LinkedHashMap<>();
                    reply.put("id", request.get("id"));
                    reply.put("result", cannedResult(JsonFields.text(request, "op")));
                    lines.writeLine(JsonText.write(reply));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static Object cannedResult(String op) {
        Map<String, Object> domain = new HashMap<>(Map.of("name", "train",
                "uuid", "00000000-0000-0000-0000-000000000000", "state", "shut off"));
        domain.put("id", null);
        return switch (op) {
            case "list" -> List.of(domain);
            case "dominfo" -> {
                domain.putAll(Map.of("osType", "hvm", "vcpus", 1, "maxMemoryKiB", 1024, "usedMemoryKiB", 1024,
                        "persistent", true, "autostart", false));
                yield domain;
            }
            case "domstate" -> Map.of("state", "shut off", "reason", "unknown");
            case "dumpxml" -> "<domain type='qemu'><name>train</name></domain>";
            default -> domain;
        };
    }
}
