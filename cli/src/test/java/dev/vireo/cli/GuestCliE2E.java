package dev.vireo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vireo.process.TestGuest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the command-line tests that boot the project's test kernel under TCG share: a
 * {@link CliDaemon} on the test's folder, the test guest built before it (a first build must not
 * count against a boot), and a wait for a console marker that quotes the domain's QEMU log.
 */
abstract class GuestCliE2E {
    /** A TCG boot through OVMF or SeaBIOS to the kernel's marker, on a busy machine. */
    static final Duration BOOT = Duration.ofSeconds(240);

    @TempDir
    Path tmp;
    CliDaemon vireod;

    @BeforeEach
    void start() throws Exception {
        TestGuest.get();
        vireod = CliDaemon.start(tmp);
    }

    @AfterEach
    void stop() {
        vireod.close();
    }

    Run vireo(String... args) {
        return vireod.vireo(args);
    }

    /** Waits up to {@link #BOOT} for {@code marker} on the console {@code DIR/NAME.console} of domain NAME. */
    void awaitLine(Path console, String marker) throws Exception {
        CliDaemon.awaitConsole(console, marker, BOOT, tmp.resolve("state/log/" + console.getFileName().toString().replace(".console", ".log")));
    }

    /**
     * A Q35 TCG guest booting the test kernel in idle mode, its serial console in {@code DIR/NAME.console},
     * with {@code memoryBacking} (an element or nothing) and {@code devices} added.
     */
    String idleGuestXml(String name, String memoryBacking, String devices) throws Exception {
        TestGuest guest = TestGuest.get();
        return """
                <domain type='qemu'>
                  <name>%s</name>
                  <memory unit='KiB'>262144</memory>
                  %s
                  <vcpu placement='static'>1</vcpu>
                  <os>
                    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
                    <kernel>%s</kernel>
                    <initrd>%s</initrd>
                    <cmdline>%s</cmdline>
                  </os>
                  <features><acpi/><apic/></features>
                  <devices>
                    <emulator>/usr/bin/qemu-system-x86_64</emulator>
                    <serial type='file'>
                      <source path='%s'/>
                      <target port='0'/>
                    </serial>
                    <memballoon model='none'/>
                    %s
                  </devices>
                </domain>
                """.formatted(name, memoryBacking, guest.kernel(), guest.initrd(), TestGuest.cmdline("idle"),
                tmp.resolve(name + ".console"), devices);
    }

    /** Defines {@link #idleGuestXml} from {@code DIR/NAME.xml}; returns that file. */
    String defineIdleGuest(String name, String memoryBacking, String devices) throws Exception {
        Path file = tmp.resolve(name + ".xml");
        Files.writeString(file, idleGuestXml(name, memoryBacking, devices));
        Run defined = vireo("define", file.toString());
        assertEquals(0, defined.exit(), defined.err());
        return file.toString();
    }
}
