package dev.vireo.daemon.guest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.conf.DomainXml;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.errors.VireoError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvramStoreTest {
    @TempDir
    Path tmp;

    private Domain domain(String nvram) throws Exception {
        return DomainXml.parse("""
                <domain type='qemu'>
                  <name>v</name>
                  <memory unit='MiB'>64</memory>
                  <os>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.fd</loader>
                    %s
                  </os>
                </domain>
                """.formatted(nvram));
    }

    private Path template(String perms) throws Exception {
        Path t = tmp.resolve("VARS-" + perms + ".fd");
        Files.write(t, new byte[] {1, 2, 3, 4});
        Files.setPosixFilePermissions(t, PosixFilePermissions.fromString(perms));
        return t;
    }

    @Test
    void aStoreIsNamedCopiedFromItsTemplateOnceAndRemovedWithTheDefinition() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("nvram"));
        NvramStore store = new NvramStore(folder, Optional.empty());
        Domain live = domain("<nvram template='" + template("rw-r--r--") + "'/>");
        store.prepare(live, "v");
        Path file = folder.resolve("v_VARS.fd");
        assertEquals(file.toString(), live.getOs().getNvram().getPath());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.write(file, new byte[] {9});
        store.prepare(domain("<nvram template='" + template("rw-r--r--") + "'/>"), "v");
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(file), "an existing store is kept");
        try (var left = Files.list(folder)) {
            assertEquals(1, left.count(), "no partial copy left");
        }
        store.remove(domain(""), "v");
        assertFalse(Files.exists(file));
    }

    @Test
    void refusesAPrivateTemplateAStoreOutsideItsFolderAndAMissingTemplateCreatingNothing() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("nvram"));
        NvramStore store = new NvramStore(folder, Optional.empty());
        VireoError secret = assertThrows(VireoError.class,
                () -> store.prepare(domain("<nvram template='" + template("rw-r-----") + "'/>"), "v"));
        assertTrue(secret.getMessage().contains("must be readable by anyone"), secret.getMessage());
        Path elsewhere = tmp.resolve("elsewhere_VARS.fd");
        VireoError outside = assertThrows(VireoError.class, () -> store.prepare(
                domain("<nvram template='" + template("rw-r--r--") + "'>" + elsewhere + "</nvram>"), "v"));
        assertTrue(outside.getMessage().contains("creates stores only in " + folder), outside.getMessage());
        VireoError noTemplate = assertThrows(VireoError.class, () -> store.prepare(domain(""), "v"));
        assertTrue(noTemplate.getMessage().contains("add <nvram template="), noTemplate.getMessage());
        assertFalse(Files.exists(elsewhere));
        try (var left = Files.list(folder)) {
            assertEquals(0, left.count());
        }
        store.remove(domain("<nvram>" + elsewhere + "</nvram>"), "v"); // not ours: left alone, no error
    }
}
