package dev.vireo.cli;

import dev.vireo.client.JsonText;
import dev.vireo.client.VireoClient;
import dev.vireo.protocol.ops.ImageRequests.ImageInfo;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

import static dev.vireo.cli.CommandSpec.named;
import static dev.vireo.client.JsonFields.array;
import static dev.vireo.client.JsonFields.bool;
import static dev.vireo.client.JsonFields.has;
import static dev.vireo.client.JsonFields.longValue;
import static dev.vireo.client.JsonFields.object;
import static dev.vireo.client.JsonFields.text;

/** Commands about disk images, answered by the daemon's own image reader. */
final class ImageCommands {
    static final CommandSpec IMAGE_INFO = named("image-info", "Describe a disk image (and its backing chain) as the daemon reads it.")
            .param("PATH", "the image file")
            .option("FORMAT", "the image's format (raw, qcow2, qed, vmdk, ...); detected from its content when omitted",
                    "-f", "--format")
            .flag("--backing-chain", "describe every image of the backing chain, top first")
            .flag("--json", "print qemu-img style JSON (an object, or an array with --backing-chain)")
            .runs(ImageCommands::imageInfo);

    private ImageCommands() {
    }

    private static void imageInfo(Invocation in, VireoClient client, PrintWriter out) throws Exception {
        boolean backingChain = in.flag("--backing-chain");
        List<Object> images = array(client.call(new ImageInfo(in.path(0).toAbsolutePath().toString(),
                in.option("--format"), backingChain)));
        if (in.flag("--json")) {
            out.println(JsonText.pretty(backingChain ? images : images.getFirst()));
            return;
        }
        for (int i = 0; i < images.size(); i++) {
            if (i > 0) out.println();
            print(object(images.get(i)), out);
        }
    }

    /** The human form, in qemu-img info's words and order. */
    static void print(Map<String, Object> image, PrintWriter out) {
        out.println("image: " + text(image, "filename"));
        out.println("file format: " + text(image, "format"));
        if (has(image, "virtual-size")) {
            long size = longValue(image, "virtual-size");
            out.println("virtual size: " + size(size) + " (" + size + " bytes)");
        }
        out.println("disk size: " + (has(image, "actual-size") ? size(longValue(image, "actual-size")) : "unavailable"));
        if (has(image, "cluster-size")) out.println("cluster_size: " + longValue(image, "cluster-size"));
        if (has(image, "backing-filename")) {
            String name = text(image, "backing-filename");
            String full = text(image, "full-backing-filename", name);
            out.println("backing file: " + name + (full.equals(name) ? "" : " (actual path: " + full + ")"));
        }
        if (has(image, "backing-filename-format")) {
            out.println("backing file format: " + text(image, "backing-filename-format"));
        }
        Map<String, Object> specific = object(object(image.get("format-specific")).get("data"));
        if (!specific.isEmpty()) {
            out.println("Format specific information:");
            printFields(specific, "    ", out);
        }
        if (bool(image, "dirty-flag")) out.println("dirty flag: true");
    }

    private static void printFields(Map<String, Object> object, String indent, PrintWriter out) {
        for (Map.Entry<String, Object> field : object.entrySet()) {
            String name = field.getKey().replace('-', ' ');
            Object value = field.getValue();
            if (value instanceof Map<?, ?>) {
                out.println(indent + name + ":");
                printFields(object(value), indent + "    ", out);
            } else if (value instanceof List<?> elements) {
                out.println(indent + name + ":");
                int index = 0;
                for (Object element : elements) {
                    if (element instanceof Map<?, ?>) {
                        out.println(indent + "    [" + index++ + "]:");
                        printFields(object(element), indent + "        ", out);
                    } else {
                        out.println(indent + "    " + String.valueOf(element));
                    }
                }
            } else {
                out.println(indent + name + ": " + value);
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
