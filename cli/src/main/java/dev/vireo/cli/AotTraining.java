package dev.vireo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.client.Json;
import dev.vireo.client.LineChannel;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build's training run for the JDK's AOT cache ({@code cli/target/vireo-cli.aot}, used by
 * {@code bin/vireo}): runs everyday commands against a throwaway in-process responder, so that the
 * classes a real call loads (picocli's model, the socket, Jackson) are cached. Not used at run time.
 */
final class AotTraining {
    private static final List<List<String>> WORKLOAD = List.of(
            List.of("list", "--all"), List.of("dominfo", "train"), List.of("domstate", "--reason", "train"),
            List.of("dumpxml", "train"), List.of("nosuchcommand"));

    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("vireo-aot-");
        Path socket = dir.resolve("train.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread.ofPlatform().daemon().start(() -> respond(server));
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            for (List<String> command : WORKLOAD) {
                String[] argv = Stream.concat(Stream.of("-c", "unix:" + socket), command.stream())
                        .toArray(String[]::new);
                CommandLine cl = Vireo.commandLine(argv);
                cl.setOut(sink);
                cl.setErr(sink);
                cl.execute(argv);
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
                    JsonNode request = Json.MAPPER.readTree(line);
                    ObjectNode reply = JsonNodeFactory.instance.objectNode();
                    reply.set("id", request.get("id"));
                    reply.set("result", cannedResult(request.path("op").asText()));
                    lines.writeLine(reply.toString());
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static JsonNode cannedResult(String op) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode domain = f.objectNode().putNull("id").put("name", "train")
                .put("uuid", "00000000-0000-0000-0000-000000000000").put("state", "shut off");
        return switch (op) {
            case "list" -> f.arrayNode().add(domain);
            case "dominfo" -> domain.put("osType", "hvm").put("vcpus", 1).put("maxMemoryKiB", 1024)
                    .put("usedMemoryKiB", 1024).put("persistent", true).put("autostart", false);
            case "domstate" -> f.objectNode().put("state", "shut off").put("reason", "unknown");
            case "dumpxml" -> f.textNode("<domain type='qemu'><name>train</name></domain>");
            default -> domain;
        };
    }
}
