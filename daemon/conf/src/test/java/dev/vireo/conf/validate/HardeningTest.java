package dev.vireo.conf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.XmlProblemsException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents that try to make the parser read files, fetch URLs or expand entities are refused
 * before any of that happens. A local listener counts fetch attempts; a secret file's content
 * must not show up anywhere.
 */
class HardeningTest {
    private static final String SECRET = "vireo-secret-7f3a";
    private static final String BODY = """
            <domain type='kvm'><name>&x;</name><memory>1</memory><os><type>hvm</type></os></domain>
            """;

    @TempDir
    Path dir;
    private ServerSocket listener;
    private final AtomicInteger fetches = new AtomicInteger();
    private Thread acceptor;

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    fetches.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
        acceptor.join();
    }

    private String url(String name) {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/" + name;
    }

    private XmlProblem refusal(String xml) {
        XmlProblemsException e = assertThrows(XmlProblemsException.class, () -> ValidatedRead.open(xml, SchemaKind.DOMAIN));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), "file content leaked: " + e.getMessage());
        return e.problems().getFirst();
    }

    @Test
    void externalFileEntityIsRefusedWithoutReadingTheFile() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        XmlProblem p = refusal("<!DOCTYPE domain [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n" + BODY);
        assertTrue(p.message().startsWith("DOCTYPE declarations are not accepted"), p.message());
        assertEquals(1, p.line());
    }

    /**
     * A FIFO blocks whoever opens it for reading until a writer comes: if the parser tried to
     * read the entity or the DTD, the read would hang and the time limit would fail the test.
     */
    @Test
    void noFileIsOpenedForEntitiesOrDtds() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            refusal("<!DOCTYPE domain [<!ENTITY x SYSTEM \"" + fifo.toUri() + "\">]>\n" + BODY);
            refusal("<!DOCTYPE domain SYSTEM \"" + fifo.toUri() + "\">\n" + BODY.replace("&x;", "guest"));
        });
    }

    @Test
    void passwdXxeIsRefused() {
        XmlProblem p = refusal("<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" + BODY);
        assertTrue(p.message().startsWith("DOCTYPE declarations are not accepted"), p.message());
        assertFalse(p.message().contains("root:"));
    }

    @Test
    void externalEntityUrlIsNeverFetched() {
        refusal("<!DOCTYPE domain [<!ENTITY x SYSTEM \"" + url("entity") + "\">]>\n" + BODY);
        assertEquals(0, fetches.get());
    }

    @Test
    void externalDtdIsNeverFetched() {
        XmlProblem p = refusal("<!DOCTYPE domain SYSTEM \"" + url("domain.dtd") + "\">\n"
                + BODY.replace("&x;", "guest"));
        assertTrue(p.message().startsWith("DOCTYPE declarations are not accepted"), p.message());
        assertEquals(0, fetches.get());
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE domain [\n<!ENTITY l0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"");
            dtd.append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        dtd.append("]>\n");
        long before = System.nanoTime();
        XmlProblem p = refusal(dtd + BODY.replace("&x;", "&l9;"));
        assertTrue(p.message().startsWith("DOCTYPE declarations are not accepted"), p.message());
        assertTrue(System.nanoTime() - before < 5_000_000_000L, "took long enough to suggest expansion");
    }

    @Test
    void undeclaredEntityWithoutDoctypeIsNotWellFormed() throws Exception {
        try (ValidatedRead read = ValidatedRead.open(BODY, SchemaKind.DOMAIN)) {
            assertThrows(Exception.class, () -> {
                while (read.reader().hasNext()) read.reader().next();
            });
            XmlProblem p = read.problems().getLast();
            assertTrue(p.message().startsWith("not well-formed XML: ") && p.message().contains("undefined entity &x;"), p.message());
        }
    }

    @Test
    void predefinedAndCharacterEntitiesStillWork() throws Exception {
        String xml = BODY.replace("&x;", "a&amp;b&lt;c&#65;&#x42;");
        try (ValidatedRead read = ValidatedRead.open(xml, SchemaKind.DOMAIN)) {
            read.reader().nextTag();
            assertEquals("a&b<cAB", read.reader().getElementText());
            assertEquals(java.util.List.of(), read.problems());
        }
    }
}
