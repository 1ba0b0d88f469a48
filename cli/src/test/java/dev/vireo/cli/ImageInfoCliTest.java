package dev.vireo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code vireo image-info} against a real in-process vireod, on images made by qemu-img. */
class ImageInfoCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> COMPARED = List.of("filename", "format", "virtual-size", "cluster-size",
            "backing-filename", "full-backing-filename", "backing-filename-format", "dirty-flag", "format-specific");

    @TempDir
    Path tmp;
    CliDaemon vireod;

    @BeforeEach
    void start() throws Exception {
        vireod = CliDaemon.start(tmp);
        qemuImg("create", "-q", "-f", "raw", tmp.resolve("base.raw").toString(), "16M");
        qemuImg("create", "-q", "-f", "qcow2", "-o", "compat=0.10", "-b", "base.raw", "-F", "raw", tmp.resolve("mid.qcow2").toString());
        qemuImg("create", "-q", "-f", "qcow2", "-b", tmp.resolve("mid.qcow2").toString(), "-F", "qcow2", tmp.resolve("top.qcow2").toString());
    }

    @AfterEach
    void stop() {
        vireod.close();
    }

    @Test
    void jsonOfTheChainMatchesQemuImgFieldByField() throws Exception {
        Run run = vireo("image-info", "--backing-chain", "--json", tmp.resolve("top.qcow2").toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode ours = JSON.readTree(run.out());
        JsonNode theirs = JSON.readTree(qemuImg("info", "--backing-chain", "--output=json", tmp.resolve("top.qcow2").toString()));
        assertEquals(3, ours.size());
        assertEquals(theirs.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            for (String field : COMPARED) {
                assertEquals(theirs.get(i).get(field), ours.get(i).get(field), "layer " + i + " field " + field);
            }
        }
    }

    @Test
    void humanFormReadsLikeQemuImg() {
        Run run = vireo("image-info", tmp.resolve("top.qcow2").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("image: " + tmp.resolve("top.qcow2") + "\nfile format: qcow2\n"
                + "virtual size: 16 MiB (16777216 bytes)\ndisk size: "), run.out());
        assertTrue(run.out().contains("\ncluster_size: 65536\nbacking file: " + tmp.resolve("mid.qcow2")
                + "\nbacking file format: qcow2\nFormat specific information:\n    compat: 1.1\n"), run.out());
        assertEquals(1, run.out().split("image: ").length - 1, "one image without --backing-chain");
    }

    @Test
    void aRelativeBackingNameShowsItsActualPath() {
        Run run = vireo("image-info", "--backing-chain", tmp.resolve("top.qcow2").toString());
        assertTrue(run.out().contains("backing file: base.raw (actual path: " + tmp.resolve("base.raw") + ")"), run.out());
        assertEquals(3, run.out().split("image: ").length - 1, run.out());
    }

    @Test
    void aChainTheDaemonWouldRefuseIsRefusedHereToo() throws Exception {
        qemuImg("create", "-q", "-f", "qcow2", tmp.resolve("base.qcow2").toString(), "16M");
        qemuImg("create", "-q", "-f", "qed", "-b", "base.qcow2", "-F", "qcow2", tmp.resolve("top.qed").toString());
        Run run = vireo("image-info", "--backing-chain", tmp.resolve("top.qed").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().startsWith("error: " + tmp.resolve("top.qed") + ": backing file 'base.qcow2' has no recorded format"),
                run.err());
        // the one image alone is still described
        assertEquals(0, vireo("image-info", tmp.resolve("top.qed").toString()).exit());
    }

    @Test
    void aMissingFileAndAnUnknownFormatAreNamed() {
        Run missing = vireo("image-info", tmp.resolve("nothing.qcow2").toString());
        assertEquals(1, missing.exit());
        assertEquals("error: " + tmp.resolve("nothing.qcow2") + ": no such image file\n", missing.err());
        Run format = vireo("image-info", "-f", "iso", tmp.resolve("base.raw").toString());
        assertEquals(1, format.exit());
        assertTrue(format.err().startsWith("error: unknown image format 'iso'; allowed: raw, qcow2"), format.err());
    }

    @Test
    void sizesAreWrittenAsQemuDoes() {
        assertEquals("0 B", ImageCommands.size(0));
        assertEquals("196 KiB", ImageCommands.size(196 * 1024));
        assertEquals("1.5 GiB", ImageCommands.size(3L << 29));
        assertEquals("64 MiB", ImageCommands.size(64 << 20));
    }

    private Run vireo(String... args) {
        return vireod.vireo(args);
    }

    private static String qemuImg(String... args) throws Exception {
        return CliDaemon.host(Stream.concat(Stream.of("qemu-img"), Stream.of(args)).toArray(String[]::new));
    }
}
