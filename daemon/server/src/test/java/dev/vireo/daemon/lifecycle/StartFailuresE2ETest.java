package dev.vireo.daemon.lifecycle;

import dev.vireo.protocol.DomainState;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.daemon.Daemon;
import dev.vireo.daemon.DaemonOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts that must fail clearly, and starts that used to fail and must not. */
@DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StartFailuresE2ETest {
    @TempDir
    Path tmp;
    Daemon daemon;
    Path socket;

    @BeforeEach
    void start() throws Exception {
        socket = tmp.resolve("run/vireod.sock");
        daemon = Daemon.start(new DaemonOptions(socket, tmp.resolve("state"), tmp.resolve("run")));
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
        for (ProcessHandle qemu : ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(l -> l.contains(tmp.toString())).orElse(false)).toList()) {
            qemu.destroyForcibly();
            qemu.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void qemusOwnReasonLeadsTheError() throws Exception {
        try (VireoClient c = VireoClient.connect(socket)) {
            c.define(GuestDomains.idler("refused", "").replace("</domain>", """
                    <qemu:commandline><qemu:arg value='-device'/><qemu:arg value='virtio-blk-pci,bus=pci.9'/></qemu:commandline>
                    </domain>"""));
            VireoException failed = assertThrows(VireoException.class, () -> c.start("refused"));
            assertTrue(failed.getMessage().startsWith("QEMU refused the command line: -device virtio-blk-pci,bus=pci.9: Bus 'pci.9' not found (log: "
                    + tmp.resolve("state/log/refused.log") + ")"), failed.getMessage());
            assertEquals(new DomainState("shut off", "failed"), c.domState("refused"));
        }
    }

    @Test
    void aStartWhoseRuntimeRecordCannotBeWrittenFailsAndLeavesNoQemu() throws Exception {
        try (VireoClient c = VireoClient.connect(socket)) {
            c.define(GuestDomains.idler("unrecorded", ""));
            // a folder where the record goes: the write fails as on a full or read-only file system
            Files.createDirectories(tmp.resolve("run/qemu/unrecorded.json"));
            VireoException failed = assertThrows(VireoException.class, () -> c.start("unrecorded"));
            assertTrue(failed.getMessage().startsWith("cannot record the start of domain 'unrecorded'"), failed.getMessage());
            assertEquals("shut off", c.domState("unrecorded").state());
            assertEquals(List.of(), ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(l -> l.contains("-name guest=unrecorded")).orElse(false)).toList());
            Files.delete(tmp.resolve("run/qemu/unrecorded.json"));
            c.start("unrecorded");
            c.destroy("unrecorded");
        }
    }

    @Test
    void aNameTooLongForAMonitorSocketPathStillStarts() throws Exception {
        String name = "a-rather-long-domain-name-".repeat(7) + "end";
        try (VireoClient c = VireoClient.connect(socket)) {
            c.define(GuestDomains.idler(name, ""));
            c.start(name);
            assertEquals(new DomainState("running", "booted"), c.domState(name));
            c.destroy(name);
        }
    }

    @Test
    void aVncPasswordLetsAViewerIn() throws Exception {
        try (VireoClient c = VireoClient.connect(socket)) {
            c.define(GuestDomains.idler("viewed", "<graphics type='vnc' port='-1' autoport='yes' listen='127.0.0.1' passwd='s3cret'/>"));
            c.start("viewed");
            try {
                Matcher port = Pattern.compile("graphics type='vnc' port='(\\d+)'").matcher(c.dumpXml("viewed", false));
                assertTrue(port.find(), c.dumpXml("viewed", false));
                int p = Integer.parseInt(port.group(1));
                assertEquals(1, vncLogin(p, "wrong"), "a wrong password is refused");
                assertEquals(0, vncLogin(p, "s3cret"), "the domain's password lets the viewer in");
            } finally {
                c.destroy("viewed");
            }
        }
    }

    /** RFB 3.8 with VNC authentication (DES of the server's challenge); returns the SecurityResult (0: ok). */
    private static int vncLogin(int port, String password) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            byte[] version = new byte[12];
            in.readFully(version);
            out.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            byte[] types = new byte[in.readUnsignedByte()];
            in.readFully(types);
            assertTrue(new String(types, StandardCharsets.ISO_8859_1).indexOf(2) >= 0, "VNC authentication is offered");
            out.write(2);
            byte[] challenge = new byte[16];
            in.readFully(challenge);
            byte[] key = new byte[8];
            byte[] pw = password.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 8 && i < pw.length; i++) key[i] = (byte) (Integer.reverse(pw[i] & 0xff) >>> 24);
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            out.write(des.doFinal(challenge));
            return in.readInt();
        }
    }
}
