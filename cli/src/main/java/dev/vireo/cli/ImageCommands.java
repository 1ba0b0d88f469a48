package dev.vireo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vireo.client.Json;
import dev.vireo.client.VireoClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/** Commands about disk images, answered by the daemon's own image reader. */
final class ImageCommands {
    private ImageCommands() {
    }

    @Command(name = "image-info", description = "Describe a disk image (and its backing chain) as the daemon reads it.")
    static final class ImageInfo extends ClientCommand {
        @Parameters(index = "0", paramLabel = "PATH", description = "the image file")
        Path path;

        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
                description = "the image's format (raw, qcow2, qed, vmdk, ...); detected from its content when omitted")
        String format;

        @Option(names = "--backing-chain", description = "describe every image of the backing chain, top first")
        boolean backingChain;

        @Option(names = "--json", description = "print qemu-img style JSON (an object, or an array with --backing-chain)")
        boolean json;

        @Override
        void run(VireoClient client, PrintWriter out) throws Exception {
            ObjectNode args = VireoClient.args().put("path", path.toAbsolutePath().toString()).put("backingChain", backingChain);
            if (format != null) args.put("format", format);
            JsonNode images = client.call("image-info", args);
            if (json) {
                JsonNode shown = backingChain ? images : images.get(0);
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(shown));
                return;
            }
            for (int i = 0; i < images.size(); i++) {
                if (i > 0) out.println();
                print(images.get(i), out);
            }
        }
    }

    /** The human form, in qemu-img info's words and order. */
    static void print(JsonNode image, PrintWriter out) {
        out.println("image: " + image.path("filename").asText());
        out.println("file format: " + image.path("format").asText());
        if (image.has("virtual-size")) {
            long size = image.get("virtual-size").asLong();
            out.println("virtual size: " + size(size) + " (" + size + " bytes)");
        }
        out.println("disk size: " + (image.has("actual-size") ? size(image.get("actual-size").asLong()) : "unavailable"));
        if (image.has("cluster-size")) out.println("cluster_size: " + image.get("cluster-size").asLong());
        if (image.has("backing-filename")) {
            String name = image.get("backing-filename").asText();
            String full = image.path("full-backing-filename").asText(name);
            out.println("backing file: " + name + (full.equals(name) ? "" : " (actual path: " + full + ")"));
        }
        if (image.has("backing-filename-format")) {
            out.println("backing file format: " + image.get("backing-filename-format").asText());
        }
        JsonNode specific = image.path("format-specific").path("data");
        if (specific.isObject() && !specific.isEmpty()) {
            out.println("Format specific information:");
            printFields(specific, "    ", out);
        }
        if (image.path("dirty-flag").asBoolean()) out.println("dirty flag: true");
    }

    private static void printFields(JsonNode object, String indent, PrintWriter out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey().replace('-', ' ');
            JsonNode value = field.getValue();
            if (value.isObject()) {
                out.println(indent + name + ":");
                printFields(value, indent + "    ", out);
            } else if (value.isArray()) {
                out.println(indent + name + ":");
                int index = 0;
                for (JsonNode element : value) {
                    if (element.isObject()) {
                        out.println(indent + "    [" + index++ + "]:");
                        printFields(element, indent + "        ", out);
                    } else {
                        out.println(indent + "    " + element.asText());
                    }
                }
            } else {
                out.println(indent + name + ": " + value.asText());
            }
        }
    }

    /** qemu's size_to_str: the largest binary unit below 1024, three significant digits. */
    static String size(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        BigDecimal value = BigDecimal.valueOf(bytes);
        int unit = 0;
        BigDecimal k = BigDecimal.valueOf(1024);
        while (unit < units.length - 1 && value.compareTo(k) >= 0) {
            value = value.divide(k);
            unit++;
        }
        return value.round(new MathContext(3)).stripTrailingZeros().toPlainString() + " " + units[unit];
    }
}
