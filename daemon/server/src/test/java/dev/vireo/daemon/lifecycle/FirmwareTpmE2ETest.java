package dev.vireo.daemon.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.process.TestGuest;
import dev.vireo.protocol.DomainState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A guest booted by UEFI ({@code <os firmware='efi'>} without Secure Boot: Debian's OVMF, picked
 * from the host's firmware descriptors; direct kernel boot) with a TPM 2.0 CRB
 * device backed by the daemon's swtpm, on QEMU 7.2 with TCG. The machine is i440fx ('pc'); the
 * Q35 guest with UEFI, TPM and PCIe devices is cli's ModernGuestsCliE2ETest.
 */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class FirmwareTpmE2ETest {
    private static final Path CODE = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
    private static final Path VARS = Path.of("/usr/share/OVMF/OVMF_VARS_4M.fd");

    @TempDir
    Path tmp;
    DaemonProcess daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = DaemonProcess.start(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
    }

    @Test
    void anOvmfGuestWithAnEmulatedTpmBootsPowersOffAndLeavesNothingAfterUndefine() throws Exception {
        TestGuest guest = GuestDomains.guest();
        Path console = tmp.resolve("efi.console");
        String xml = """
                <domain type='qemu'>
                  <name>efi</name>
                  <uuid>0a9d2d6a-6b0f-4f7c-9d51-3c1f7e0c2b11</uuid>
                  <memory unit='MiB'>256</memory>
                  <vcpu>1</vcpu>
                  <os firmware='efi'>
                    <type arch='x86_64' machine='pc'>hvm</type>
                    <firmware><feature enabled='no' name='secure-boot'/></firmware>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s</cmdline>
                  </os>
                  <features><acpi/></features>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <serial type='file'><source path='%s'/><target port='0'/></serial>
                    <tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>
                  </devices>
                </domain>
                """.formatted(guest.kernel(), guest.initrd(), TestGuest.cmdline("idle"), console);
        Path nvram = tmp.resolve("state/nvram/efi_VARS.fd");
        Path tpmState = tmp.resolve("state/swtpm/0a9d2d6a-6b0f-4f7c-9d51-3c1f7e0c2b11");
        try (VireoClient c = daemon.client()) {
            c.define(xml);
            c.start("efi");
            String live = c.dumpXml("efi", false);
            assertTrue(live.contains(nvram.toString()), "the live XML names the store: " + live);
            assertTrue(live.contains(">" + CODE + "</loader>") && live.contains(VARS.toString()),
                    "the firmware picked from the descriptors (60-edk2-x86_64.json): " + live);
            assertTrue(Files.isRegularFile(nvram) && Files.size(nvram) == Files.size(VARS), "store copied from the template");
            assertTrue(Files.exists(tpmState.resolve("tpm2-00.permall")), "swtpm_setup made the TPM's state");
            assertEquals(1, swtpmProcesses(tpmState).size(), "one swtpm for the guest");
            String tpm = c.qemuMonitorCommand("efi", "{\"execute\":\"query-tpm\"}");
            assertTrue(tpm.contains("\"model\":\"tpm-crb\"") && tpm.contains("\"type\":\"emulator\""), tpm);

            daemon.awaitConsole("efi", TestGuest.READY, Duration.ofSeconds(180));
            c.shutdown("efi", Duration.ofSeconds(90));
            assertEquals(new DomainState("shut off", "shutdown"), c.domState("efi"));
            awaitNoSwtpm(tpmState);
            assertTrue(daemon.runtimeFiles().isEmpty(), "runtime files removed (the swtpm socket too): " + daemon.runtimeFiles());
            assertTrue(Files.exists(nvram), "the store stays for the next start");

            byte[] kept = Files.readAllBytes(nvram);
            c.start("efi");
            assertArrayEquals(kept, Files.readAllBytes(nvram), "a second start keeps the store it has");
            c.destroy("efi");
            awaitNoSwtpm(tpmState);

            VireoException refused = assertThrows(VireoException.class, () -> c.undefine("efi"));
            assertTrue(refused.getMessage().contains("with nvram " + nvram) && refused.getMessage().contains("--keep-nvram"),
                    refused.getMessage());
            assertTrue(Files.exists(tpmState), "a refused undefine removes nothing");
            c.undefine("efi", new VireoClient.UndefineOptions(true, false, false));
        }
        assertFalse(Files.exists(nvram), "undefine removes the store");
        assertFalse(Files.exists(tpmState), "undefine removes the TPM state");
    }

    /** The swtpm processes working on this state folder, from /proc (the daemon does not list them). */
    private static List<Long> swtpmProcesses(Path state) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.info().commandLine().map(l -> l.contains("swtpm socket") && l.contains(state.toString())).orElse(false))
                    .map(ProcessHandle::pid).toList();
        }
    }

    private static void awaitNoSwtpm(Path state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!swtpmProcesses(state).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "swtpm still runs: " + swtpmProcesses(state));
            Thread.sleep(50);
        }
    }
}
