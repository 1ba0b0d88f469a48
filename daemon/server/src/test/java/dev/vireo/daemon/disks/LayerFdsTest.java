package dev.vireo.daemon.disks;

import dev.vireo.process.OwnedFd;
import dev.vireo.storage.BackingChain;
import dev.vireo.storage.ChainPolicy;
import dev.vireo.storage.ImageFormat;
import dev.vireo.storage.LayerAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A layer replaced or rewritten between the chain walk and the open is not handed to QEMU. */
class LayerFdsTest {
    @TempDir
    Path tmp;

    @Test
    void aWritableLayerGetsOneReadWriteFdABackingLayerOneReadOnlyFd() throws Exception {
        qemuImgBacked();
        List<LayerAccess> plan = plan(tmp.resolve("over.qcow2"));
        try (OwnedFd top = LayerFds.open(plan.getFirst(), "vda"); OwnedFd base = LayerFds.open(plan.get(1), "vda")) {
            assertEquals("rw", access(top));
            assertEquals("r", access(base));
        }
    }

    @Test
    void aFileSwappedAfterTheWalkIsRefused() throws Exception {
        Path image = qcow2("top.qcow2", "16M");
        LayerAccess access = plan(image).getFirst();
        Files.move(qcow2("other.qcow2", "16M"), image, StandardCopyOption.REPLACE_EXISTING);
        IOException e = assertThrows(IOException.class, () -> LayerFds.open(access, "vda"));
        assertEquals("disk 'vda': " + image + " changed after its backing chain was read (it is now a different file "
                + "(device/inode changed)); start the domain again", e.getMessage());
    }

    @Test
    void aFifoSwappedInAfterTheWalkIsRefusedWithoutBlocking() throws Exception {
        Path image = qcow2("top.qcow2", "16M");
        LayerAccess access = plan(image).getFirst();
        Files.delete(image);
        run("mkfifo", image.toString());
        // nobody writes to the FIFO: a plain open() would wait for ever
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IOException.class, () -> LayerFds.open(access, "vda")));
        assertEquals("disk 'vda': " + image + " is a FIFO (named pipe), not a regular file or block device",
                e.getMessage());
    }

    @Test
    void aHeaderRewrittenAfterTheWalkIsRefused() throws Exception {
        Path image = qcow2("top.qcow2", "16M");
        LayerAccess access = plan(image).getFirst();
        run("qemu-img", "resize", "-q", "-f", "qcow2", image.toString(), "32M");
        IOException e = assertThrows(IOException.class, () -> LayerFds.open(access, "vda"));
        assertEquals("disk 'vda': " + image + " changed after its backing chain was read (its header changed); "
                + "start the domain again", e.getMessage());
    }

    private static List<LayerAccess> plan(Path image) throws Exception {
        return BackingChain.open(image, ImageFormat.QCOW2, ChainPolicy.defaults()).accessPlan(false);
    }

    /** The access mode of an fd as /proc/self/fdinfo reports its flags. */
    private static String access(OwnedFd fd) {
        try {
            String flags = Files.readAllLines(Path.of("/proc/self/fdinfo/" + fd.fd())).stream()
                    .filter(l -> l.startsWith("flags:")).findFirst().orElseThrow().substring(6).strip();
            return (Integer.parseInt(flags, 8) & 3) == 2 ? "rw" : "r";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private void qemuImgBacked() throws Exception {
        qcow2("base.qcow2", "16M");
        run("qemu-img", "create", "-q", "-f", "qcow2", "-b", "base.qcow2", "-F", "qcow2", tmp.resolve("over.qcow2").toString());
    }

    private Path qcow2(String name, String size) throws Exception {
        Path image = tmp.resolve(name);
        run("qemu-img", "create", "-q", "-f", "qcow2", image.toString(), size);
        return image;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(Stream.of(command).toList()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(String.join(" ", command) + ": " + out);
    }
}
