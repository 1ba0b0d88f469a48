package dev.vireo.caps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the host's QEMU firmware descriptors, as QEMU's firmware interop rules lay them out: every
 * {@code *.json} of the search directories, a file in an earlier directory hiding one of the same
 * name in a later one ({@code /etc/qemu/firmware} overrides the package's
 * {@code /usr/share/qemu/firmware}), ranked by file name. An empty file disables the name.
 *
 * <p>A descriptor that cannot be read or lacks what Vireo needs is skipped with a warning: one
 * broken file from some package must not make every emulator unusable.
 */
public final class FirmwareDescriptors {

    private static final System.Logger LOG = System.getLogger(FirmwareDescriptors.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most descriptor files read; more is not a firmware directory but a mistake. */
    private static final int MAX_FILES = 256;
    private static final long MAX_FILE_BYTES = 64 * 1024;

    /** Where QEMU's rules look, highest priority first (the per-user directory does not apply to a daemon). */
    public static final List<Path> SYSTEM_DIRECTORIES = List.of(Path.of("/etc/qemu/firmware"), Path.of("/usr/share/qemu/firmware"));

    private final List<Path> directories;

    public FirmwareDescriptors(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    public static FirmwareDescriptors system() {
        return new FirmwareDescriptors(SYSTEM_DIRECTORIES);
    }

    /** The descriptors in effect, ranked. */
    public List<FirmwareDescriptor> read() {
        List<FirmwareDescriptor> found = new ArrayList<>();
        for (Path file : effectiveFiles().values()) {
            try {
                if (Files.size(file) == 0) continue;
                if (Files.size(file) > MAX_FILE_BYTES) throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
                found.add(parse(file.toString(), JSON.readTree(file.toFile())));
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring firmware descriptor " + file + ": " + e.getMessage());
            }
        }
        return found;
    }

    /**
     * The modification times of the search directories: what the capabilities cache keys on, so that
     * a firmware package update is seen without probing the binary again. Package managers add,
     * remove and replace descriptors by renaming, which changes the directory's time; two stats
     * keep a cache hit cheap (listing and stating every file would cost ~50x more).
     */
    public String stamp() {
        StringBuilder b = new StringBuilder();
        for (Path dir : directories) {
            try {
                b.append(Files.getLastModifiedTime(dir).toInstant()).append(';');
            } catch (IOException e) {
                b.append("-;");
            }
        }
        return b.toString();
    }

    /** File name -> the file that wins, ordered by file name. */
    private Map<String, Path> effectiveFiles() {
        Map<String, Path> files = new TreeMap<>();
        for (Path dir : directories) {
            if (!Files.isDirectory(dir)) continue;
            try (DirectoryStream<Path> jsons = Files.newDirectoryStream(dir, "*.json")) {
                for (Path file : jsons) {
                    if (files.size() >= MAX_FILES) break;
                    files.putIfAbsent(file.getFileName().toString(), file);
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot list firmware descriptors in " + dir + ": " + e.getMessage());
            }
        }
        return files;
    }

    /** @throws IllegalArgumentException naming what is missing */
    static FirmwareDescriptor parse(String file, JsonNode d) {
        JsonNode mapping = d.path("mapping");
        String device = mapping.path("device").asText(null);
        if (device == null) throw new IllegalArgumentException("no mapping.device");
        JsonNode executable = switch (device) {
            case "flash" -> mapping.path("executable");
            case "memory", "kernel" -> mapping;
            default -> throw new IllegalArgumentException("unknown mapping.device '" + device + "'");
        };
        String image = executable.path("filename").asText(null);
        if (image == null) throw new IllegalArgumentException("no executable filename in the mapping");
        JsonNode nvram = mapping.path("nvram-template");
        List<FirmwareDescriptor.Target> targets = new ArrayList<>();
        for (JsonNode t : d.path("targets")) {
            targets.add(new FirmwareDescriptor.Target(t.path("architecture").asText(""), strings(t.path("machines"))));
        }
        return new FirmwareDescriptor(file, strings(d.path("interface-types")), device, image,
                nvram.path("filename").asText(null), executable.path("format").asText(null), targets,
                strings(d.path("features")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array) out.add(s.asText());
        return out;
    }
}
