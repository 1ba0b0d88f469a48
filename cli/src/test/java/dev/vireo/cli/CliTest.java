package dev.vireo.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vireo command against a real in-process vireod: virsh's output formats, exit codes, errors. */
class CliTest {
    private static final String UUID = "5f1a4b3c-2d1e-4f00-8a9b-0c1d2e3f4a5b";

    @TempDir
    Path tmp;
    CliDaemon vireod;

    @BeforeEach
    void start() throws Exception {
        vireod = CliDaemon.start(tmp);
    }

    @AfterEach
    void stop() {
        vireod.close();
    }

    private Run vireo(String... args) {
        return vireod.vireo(args);
    }

    private Path domainFile(String name) throws Exception {
        Path file = tmp.resolve(name + ".xml");
        Files.writeString(file, "<domain type='qemu'>\n  <name>" + name + "</name>\n  <uuid>" + UUID + "</uuid>\n"
                + "  <memory unit='MiB'>64</memory>\n  <vcpu>2</vcpu>\n"
                + "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n"
                + "  <devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices>\n</domain>\n");
        return file;
    }

    @Test
    void defineListDominfoUndefineLikeVirsh() throws Exception {
        Path file = domainFile("web");
        assertEquals(new Run(0, "Domain web defined from " + file + "\n\n", ""), vireo("define", file.toString()));
        assertEquals(new Run(0, """
                 Id    Name                           State
                ----------------------------------------------------
                 -     web                            shut off

                """, ""), vireo("list", "--all"));
        assertEquals(new Run(0, """
                 Id    Name                           State
                ----------------------------------------------------

                """, ""), vireo("list"));
        assertEquals(new Run(0, """
                Id:             -
                Name:           web
                UUID:           %s
                OS Type:        hvm
                State:          shut off
                CPU(s):         2
                Max memory:     65536 KiB
                Used memory:    65536 KiB
                Persistent:     yes
                Autostart:      disable
                Managed save:   no
                Security model: none
                Security DOI:   0

                """.formatted(UUID), ""), vireo("dominfo", "web"));
        assertEquals(new Run(0, "shut off (unknown)\n\n", ""), vireo("domstate", "--reason", "web"));
        assertEquals(new Run(0, "web\n\n", ""), vireo("list", "--all", "--name"));
        assertEquals(new Run(0, UUID + "\n\n", ""), vireo("list", "--inactive", "--uuid"));
        assertEquals(new Run(0, "web\n\n", ""), vireo("domname", UUID));
        assertEquals(new Run(0, "Domain web marked as autostarted\n\n", ""), vireo("autostart", "web"));
        assertTrue(vireo("dominfo", "web").out().contains("Autostart:      enable\n"));
        assertEquals(new Run(0, "Domain web unmarked as autostarted\n\n", ""), vireo("autostart", "--disable", "web"));
        assertEquals(new Run(0, "Domain web has been undefined\n\n", ""), vireo("undefine", "web"));
    }

    @Test
    void failuresPrintErrorAndExitOne() throws Exception {
        Run missing = vireo("dumpxml", "nosuch");
        assertEquals(1, missing.exit());
        assertEquals("error: domain 'nosuch' not found: no domain with that name, UUID or id\n", missing.err());

        Run noFile = vireo("define", tmp.resolve("absent.xml").toString());
        assertEquals(1, noFile.exit());
        assertEquals("error: failed to read '" + tmp.resolve("absent.xml") + "': no such file\n", noFile.err());

        Run badOption = vireo("list", "--everything");
        assertEquals(1, badOption.exit());
        assertTrue(badOption.err().startsWith("error: Unknown option: '--everything'"), badOption.err());

        Path bad = tmp.resolve("bad.xml");
        Files.writeString(bad, "<domain type='qemu'>\n  <name>x</name>\n  <memory>lots</memory>\n</domain>\n");
        Run invalid = vireo("validate", bad.toString());
        assertEquals(1, invalid.exit());
        assertTrue(invalid.err().startsWith("error: ") && invalid.err().contains("line 3"), invalid.err());
    }

    @Test
    void aMissingDaemonIsNamedWithItsSocket() {
        vireod.close();
        Run r = vireo("list", "--all");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("error: cannot connect to vireod at " + vireod.socket()), r.err());
    }
}
