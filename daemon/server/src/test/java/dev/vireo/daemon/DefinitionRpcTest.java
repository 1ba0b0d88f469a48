package dev.vireo.daemon;

import dev.vireo.protocol.DomainEvent;
import dev.vireo.protocol.DomainInfo;
import dev.vireo.protocol.DomainSummary;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import dev.vireo.conf.DomainXml;
import dev.vireo.conf.XmlProblemsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Definitions through the real socket: what a client sees and what lands on disk. */
class DefinitionRpcTest {
    private static final String UUID_A = "c7a5fdbd-edaf-9455-926a-d65c16db1809";

    @TempDir
    Path tmp;
    DaemonFixture daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = new DaemonFixture(tmp);
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void defineListDumpxmlUndefine() throws Exception {
        try (VireoClient c = daemon.client()) {
            assertEquals("alpha", c.define(DaemonFixture.domainXml("alpha", UUID_A)));
            List<DomainSummary> all = c.list(true);
            assertEquals(List.of(new DomainSummary(null, "alpha", UUID_A, "shut off")), all);
            assertTrue(c.list(false).isEmpty(), "an inactive domain is listed only with --all");

            String xml = c.dumpXml("alpha", true);
            assertTrue(xml.contains("<name>alpha</name>") && xml.contains(UUID_A), xml);
            assertEquals(xml, Files.readString(daemon.domainsDir().resolve("alpha.xml")));
            assertEquals("shut off", c.domState("alpha").state());

            c.undefine("alpha");
            assertTrue(c.list(true).isEmpty());
            assertFalse(Files.exists(daemon.domainsDir().resolve("alpha.xml")));
            VireoException gone = assertThrows(VireoException.class, () -> c.dumpXml("alpha", true));
            assertEquals(ErrorCodes.NO_DOMAIN, gone.code());
            assertTrue(gone.getMessage().contains("'alpha'"), gone.getMessage());
        }
    }

    @Test
    void aUuidIsGeneratedAndDomainsAreFoundByUuid() throws Exception {
        try (VireoClient c = daemon.client()) {
            c.define(DaemonFixture.domainXml("beta", null));
            String uuid = c.domUuid("beta");
            assertTrue(uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), uuid);
            assertEquals("beta", c.domName(uuid));
            assertEquals("beta", c.domName(uuid.toUpperCase()));
        }
    }

    @Test
    void dominfoReportsVirshFields() throws Exception {
        try (VireoClient c = daemon.client()) {
            c.define(DaemonFixture.domainXml("gamma", UUID_A));
            DomainInfo i = c.domInfo("gamma");
            assertEquals(new DomainInfo(null, "gamma", UUID_A, "hvm", "shut off", 1, 65536, 65536, true, false, null), i);
        }
    }

    @Test
    void badXmlIsRefusedWithEveryProblemAndNothingIsStored() throws Exception {
        String bad = DaemonFixture.domainXml("delta", UUID_A)
                .replace("<vcpu>1</vcpu>", "<vcpu>one</vcpu>")
                .replace("</devices>", "<bogus/></devices>");
        String parserSays = assertThrows(XmlProblemsException.class, () -> DomainXml.parse(bad)).getMessage();
        try (VireoClient c = daemon.client()) {
            VireoException e = assertThrows(VireoException.class, () -> c.define(bad));
            assertEquals(ErrorCodes.INVALID_XML, e.code());
            assertEquals(parserSays, e.getMessage(), "the parser's full report reaches the client");
            assertTrue(e.getMessage().contains("line "), "names the line: " + e.getMessage());
            assertTrue(c.list(true).isEmpty());
            try (var files = Files.list(daemon.domainsDir())) {
                assertEquals(0, files.count(), "nothing stored, not even a temp file");
            }
            assertThrows(VireoException.class, () -> c.validate(bad));
            c.validate(DaemonFixture.domainXml("delta", UUID_A));
            assertTrue(c.list(true).isEmpty(), "validate stores nothing");
        }
    }

    @Test
    void aMachineTypeTheEmulatorLacksIsRefusedAtDefineNamingTheClosestOnes() throws Exception {
        String future = DaemonFixture.domainXml("epsilon", UUID_A).replace("machine='pc'", "machine='pc-q35-9.9'");
        try (VireoClient c = daemon.client()) {
            VireoException e = assertThrows(VireoException.class, () -> c.define(future));
            assertEquals(ErrorCodes.UNSUPPORTED, e.code());
            assertTrue(e.getMessage().startsWith("machine type 'pc-q35-9.9' is not supported by /usr/bin/qemu-system-x86_64; "
                    + "closest: pc-q35-7.2, pc-q35-7.1, "), e.getMessage());
            assertTrue(c.list(true).isEmpty(), "nothing stored");
            c.define(future.replace("pc-q35-9.9", "q35"));
            // an emulator that cannot be probed (not installed yet) is checked when the domain starts
            c.define(future.replace("/usr/bin/qemu-system-x86_64", tmp.resolve("not-installed").toString())
                    .replace("epsilon", "zeta").replace(UUID_A, "c7a5fdbd-edaf-9455-926a-d65c16db1810"));
            assertEquals(2, c.list(true).size());
        }
    }

    @Test
    void domcapabilitiesShowsTheMachineTypesAndItsDocumentCarriesThemToDomxmlToNative() throws Exception {
        try (VireoClient c = daemon.client()) {
            String caps = c.domCapabilities("/usr/bin/qemu-system-x86_64");
            assertTrue(caps.contains("<machine name='pc-i440fx-7.2' alias='pc' default='yes' maxCpus='255'/>"), caps);
            assertTrue(caps.contains("<machine name='pc-q35-7.2' alias='q35' maxCpus='288'/>"), caps);
            assertTrue(caps.contains("<firmware file='/usr/share/qemu/firmware/"), "the ovmf descriptors");
            String future = DaemonFixture.domainXml("eta", UUID_A).replace("machine='pc'", "machine='pc-q35-9.9'")
                    .replace("/usr/bin/qemu-system-x86_64", "/nowhere/qemu-system-x86_64");
            VireoException e = assertThrows(VireoException.class, () -> c.domXmlToNative(future, caps));
            assertEquals(ErrorCodes.UNSUPPORTED, e.code());
            assertTrue(e.getMessage().startsWith("machine type 'pc-q35-9.9' is not supported by /usr/bin/qemu-system-x86_64; "),
                    e.getMessage());
        }
    }

    @Test
    void redefiningUpdatesButAnotherUuidOrAnotherNameIsRefused() throws Exception {
        try (VireoClient c = daemon.client()) {
            c.define(DaemonFixture.domainXml("eps", UUID_A));
            c.define(DaemonFixture.domainXml("eps", UUID_A).replace("65536", "131072"));
            assertEquals(131072, c.domInfo("eps").maxMemoryKiB());

            VireoException otherUuid = assertThrows(VireoException.class,
                    () -> c.define(DaemonFixture.domainXml("eps", "11111111-2222-3333-4444-555555555555")));
            assertEquals(ErrorCodes.DOMAIN_EXISTS, otherUuid.code());
            assertTrue(otherUuid.getMessage().contains(UUID_A), otherUuid.getMessage());

            VireoException rename = assertThrows(VireoException.class, () -> c.define(DaemonFixture.domainXml("zeta", UUID_A)));
            assertEquals(ErrorCodes.DOMAIN_EXISTS, rename.code());
            assertEquals(1, c.list(true).size());
        }
    }

    @Test
    void concurrentDefinesFromSeveralClientsAllLand() throws Exception {
        int clients = 8;
        int each = 15;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    try (VireoClient c = daemon.client()) {
                        for (int i = 0; i < each; i++) {
                            c.define(DaemonFixture.domainXml("vm-" + thread + "-" + i, null));
                            c.define(DaemonFixture.domainXml("shared-" + i, String.format("00000000-0000-0000-0000-%012d", i)));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        }
        try (VireoClient c = daemon.client()) {
            assertEquals(clients * each + each, c.list(true).size());
        }
        try (var files = Files.list(daemon.domainsDir())) {
            assertEquals(clients * each + each, files.count(), "one file per domain and no temp files");
        }
    }

    @Test
    void aRestartKeepsEveryDefinitionAndIgnoresAHalfWrittenTempFile() throws Exception {
        try (VireoClient c = daemon.client()) {
            for (int i = 0; i < 5; i++) c.define(DaemonFixture.domainXml("keep-" + i, null));
        }
        Path leftover = daemon.domainsDir().resolve(".tmp-keep-0.xml-123456");
        Files.writeString(leftover, "<domain type='qemu'><name>keep-0</na");
        String before = Files.readString(daemon.domainsDir().resolve("keep-0.xml"));
        daemon.restart();
        try (VireoClient c = daemon.client()) {
            assertEquals(List.of("keep-0", "keep-1", "keep-2", "keep-3", "keep-4"),
                    c.list(true).stream().map(DomainSummary::name).toList());
            assertEquals(before, c.dumpXml("keep-0", true));
        }
        assertFalse(Files.exists(leftover), "the crash leftover is cleaned up");
    }

    @Test
    void aStoredDefinitionThatNoLongerParsesIsLoggedAsAnErrorAndLeftOnDisk() throws Exception {
        Path broken = daemon.domainsDir().resolve("broken.xml");
        String text = "<domain type='qemu'>\n  <name>broken</name>\n  <memory unit='parsecs'>1</memory>\n</domain>\n";
        Files.writeString(broken, text);
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            daemon.restart();
        } finally {
            System.setErr(stderr);
        }
        String logged = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(logged.contains("error: stored definition " + broken + " no longer parses"), logged);
        assertTrue(logged.contains("parsecs"), "the problem is named: " + logged);
        assertEquals(text, Files.readString(broken), "the user's file is kept as it was");
        try (VireoClient c = daemon.client()) {
            assertEquals(List.of(), c.list(true));
        }
    }

    @Test
    void theSocketAndTheFoldersWithSecretsArePrivateToTheOwner() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.options.socket())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(daemon.options.socket().getParent())));
        for (Path privateDir : List.of(daemon.domainsDir(), daemon.options.runtimeDir().resolve("qemu"), daemon.options.stateDir().resolve("log"))) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateDir)), privateDir.toString());
        }
    }

    @Test
    void subscribersSeeDefinitionsComeAndGo() throws Exception {
        List<DomainEvent> seen = new ArrayList<>();
        VireoClient l = daemon.client();
        l.subscribe(null);
        Thread listener = Thread.ofVirtual().start(() -> {
            try (l) {
                l.eventLoop(Duration.ofSeconds(30), e -> {
                    seen.add(e);
                    return seen.size() < 3;
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (VireoClient c = daemon.client()) {
            c.define(DaemonFixture.domainXml("ev", UUID_A));
            c.define(DaemonFixture.domainXml("ev", UUID_A));
            c.undefine(UUID_A);
        }
        listener.join();
        assertEquals(List.of(new DomainEvent("ev", "lifecycle", "Defined", "Added"),
                new DomainEvent("ev", "lifecycle", "Defined", "Updated"),
                new DomainEvent("ev", "lifecycle", "Undefined", "Removed")), seen);
    }

    @Test
    void anUnknownOperationIsABadRequest() throws Exception {
        try (VireoClient c = daemon.client()) {
            VireoException e = assertThrows(VireoException.class, () -> c.call("frobnicate", null));
            assertEquals(ErrorCodes.BAD_REQUEST, e.code());
            assertTrue(e.getMessage().contains("frobnicate"));
        }
    }
}
