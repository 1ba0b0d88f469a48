package dev.vireo.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * blockcopy, backup-begin, domjobinfo and domjobabort from the command line on a real QEMU 7.2
 * (a guest idling in its firmware): virsh's messages, tables and exit status.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CliBlockCopyTest {
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

    /** A 16 MiB qcow2 with 8 MiB of data as vda of a firmware-idling guest. */
    private Path startGuest() throws Exception {
        Path disk = tmp.resolve("disk.qcow2");
        CliDaemon.host("qemu-img", "create", "-q", "-f", "qcow2", disk.toString(), "16M");
        CliDaemon.host("qemu-io", "-f", "qcow2", "-c", "write -P 0x11 0 8M", disk.toString());
        Path xml = tmp.resolve("cp.xml");
        Files.writeString(xml, """
                <domain type='qemu'>
                  <name>cp</name>
                  <memory unit='MiB'>32</memory>
                  <os><type arch='x86_64' machine='pc'>hvm</type></os>
                  <devices><emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/>
                      <source file='%s'/><target dev='vda' bus='virtio'/></disk>
                  </devices>
                </domain>
                """.formatted(disk));
        assertEquals(0, vireo("create", xml.toString()).exit());
        return disk;
    }

    @Test
    void copyWaitsPivotsAndFinishesWithVirshsMessages() throws Exception {
        Path disk = startGuest();
        Path copy = tmp.resolve("copy.qcow2");
        assertEquals(new Run(1, "", "error: --pivot and --finish exclude each other\n"),
                vireo("blockcopy", "cp", "vda", "--dest", copy.toString(), "--pivot", "--finish"));
        assertEquals(new Run(1, "", "error: --verbose requires at least one of --timeout, --wait, --pivot, or --finish\n"),
                vireo("blockcopy", "cp", "vda", "--dest", copy.toString(), "--verbose"));
        assertEquals(new Run(0, "<disk type='file'>\n  <source file='" + copy + "'/>\n  <driver type='qcow2'/>\n</disk>\n\n", ""),
                vireo("blockcopy", "cp", "vda", "--dest", copy.toString(), "--format", "qcow2", "--print-xml"));
        assertFalse(Files.exists(copy), "--print-xml copies nothing");

        Run finish = vireo("blockcopy", "cp", "vda", "--dest", copy.toString(), "--finish", "--verbose");
        assertEquals(0, finish.exit(), finish.toString());
        assertEquals("\nSuccessfully copied\n", finish.out());
        assertTrue(finish.err().startsWith("\rBlock Copy: ["), finish.err());
        assertTrue(finish.err().matches("(?s).*\\rBlock Copy: \\[100 %] *"), finish.err());   // padded over a longer line
        assertEquals(0, new ProcessBuilder("qemu-img", "compare", "-U", disk.toString(), copy.toString()).start().waitFor());
        assertTrue(vireo("dumpxml", "cp").out().contains("<source file='" + disk + "' index='1'/>"));

        Path second = tmp.resolve("second.qcow2");
        assertEquals(new Run(0, "Block Copy started\n\n", ""), vireo("blockcopy", "cp", "vda", "--dest", second.toString()));
        Run mirroring = vireo("blockjob", "cp", "vda", "--wait");
        assertEquals(0, mirroring.exit(), mirroring.toString());
        assertEquals("\nNow in mirroring phase\n", mirroring.out());
        assertTrue(vireo("dumpxml", "cp").out().contains("<mirror type='file' file='" + second + "' format='qcow2' job='copy' ready='yes'>"));
        assertEquals(0, vireo("blockjob", "cp", "vda", "--pivot").exit());
        String xml = vireo("dumpxml", "cp").out();
        assertTrue(xml.contains("<source file='" + second + "' index='2'/>"), "the finished copy's number is free again: " + xml);
        assertFalse(xml.contains("<mirror"), xml);

        Path third = tmp.resolve("third.qcow2");
        Run pivot = vireo("blockcopy", "cp", "vda", "--dest", third.toString(), "--pivot");
        assertEquals(new Run(0, "\nSuccessfully pivoted\n", ""), pivot);
        assertTrue(vireo("dumpxml", "cp").out().contains("<source file='" + third + "' index='3'/>"));
    }

    /** {@code --xml FILE}: the destination as a {@code <disk>}, as virsh takes it; refusals change nothing. */
    @Test
    void theDestinationAsDiskXml() throws Exception {
        Path disk = startGuest();
        Path copy = tmp.resolve("x-copy.qcow2");
        Path xml = tmp.resolve("dest.xml");
        Files.writeString(xml, "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2'/>\n  <source file='" + copy
                + "'/>\n  <target dev='vdz'/>\n</disk>\n");
        assertEquals(new Run(0, "<disk type='file'>\n  <source file='" + copy + "'/>\n  <driver type='qcow2'/>\n</disk>\n\n", ""),
                vireo("blockcopy", "cp", "vda", "--xml", xml.toString(), "--print-xml"));
        assertEquals(new Run(1, "", "error: --dest and --xml exclude each other\n"),
                vireo("blockcopy", "cp", "vda", "--xml", xml.toString(), "--dest", copy.toString()));
        assertEquals(new Run(1, "", "error: need either --dest or --xml\n"), vireo("blockcopy", "cp", "vda"));
        Path net = tmp.resolve("net.xml");
        Files.writeString(net, "<disk type='network'><source protocol='nbd' name='x'/></disk>");
        assertEquals(new Run(1, "", "error: --xml " + net + ": a <disk type='network'> destination is not supported; use type 'file' or 'block'\n"),
                vireo("blockcopy", "cp", "vda", "--xml", net.toString()));
        Path bare = tmp.resolve("bare.xml");
        Files.writeString(bare, "<disk type='block'><driver type='raw'/></disk>");
        assertEquals(new Run(1, "", "error: --xml " + bare + ": a <disk type='block'> needs <source dev='...'/>\n"),
                vireo("blockcopy", "cp", "vda", "--xml", bare.toString()));
        assertFalse(Files.exists(copy), "refusals copy nothing");

        Run finish = vireo("blockcopy", "cp", "vda", "--xml", xml.toString(), "--finish");
        assertEquals(new Run(0, "\nSuccessfully copied\n", ""), finish);
        assertEquals(0, new ProcessBuilder("qemu-img", "compare", "-U", disk.toString(), copy.toString()).start().waitFor());
    }

    @Test
    void backupBeginShowsItsJobAndTheCompletedSummary() throws Exception {
        startGuest();
        assertEquals(new Run(0, "Job type:         None        \n\n", ""), vireo("domjobinfo", "cp"));
        Path target = tmp.resolve("backup.qcow2");
        Path xml = tmp.resolve("backup.xml");
        Files.writeString(xml, "<domainbackup><disks><disk name='vda'><target file='" + target + "'/></disk></disks></domainbackup>");
        assertEquals(new Run(0, "Backup started\n\n", ""), vireo("backup-begin", "cp", "--backupxml", xml.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!vireo("domjobinfo", "cp", "--completed").out().startsWith("Job type:         Completed")) {
            assertTrue(System.nanoTime() < deadline, "the backup never completed");
            Thread.sleep(100);
        }
        String done = vireo("domjobinfo", "cp", "--completed").out();
        assertTrue(done.matches("""
                Job type:         Completed   \\n\
                Operation:        Backup      \\n\
                Time elapsed:     \\d+ +ms\\n\
                File processed:   16.000 MiB\\n\
                File remaining:   0.000 B\\n\
                File total:       16.000 MiB\\n\\n"""), done);
        assertEquals(0, new ProcessBuilder("qemu-img", "compare", "-U", tmp.resolve("disk.qcow2").toString(), target.toString())
                .start().waitFor());
        assertEquals(new Run(1, "", "error: no job is active on domain 'cp'\n"), vireo("domjobabort", "cp"));
    }
}
