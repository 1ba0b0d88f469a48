package dev.vireo.daemon;

import dev.vireo.protocol.ErrorCodes;
import dev.vireo.client.VireoClient;
import dev.vireo.client.VireoException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A domain argument resolves as virsh resolves it: a running id first, then a UUID, then a name;
 * names that would read as an id or a UUID are refused for new domains.
 */
class DomainLookupTest {
    private static final String UUID_A = "c7a5fdbd-edaf-9455-926a-d65c16db1809";
    private static final String UUID_B = "0f0e1d2c-3b4a-5968-7766-554433221100";

    @TempDir
    Path tmp;
    DaemonFixture daemon;

    @AfterEach
    void stop() {
        if (daemon != null) daemon.close();
    }

    @Test
    void namesOfDigitsOrShapedLikeAUuidAreRefused() throws Exception {
        daemon = new DaemonFixture(tmp);
        try (VireoClient c = daemon.client()) {
            for (String name : new String[] {"1", "0042", UUID_B, UUID_B.replace("-", "").toUpperCase()}) {
                VireoException refused = assertThrows(VireoException.class, () -> c.define(DaemonFixture.domainXml(name, null)), name);
                assertEquals(ErrorCodes.INVALID_XML, refused.code(), refused.getMessage());
                assertTrue(refused.getMessage().contains("'" + name + "'") && refused.getMessage().contains("id"), refused.getMessage());
                assertThrows(VireoException.class, () -> c.create(DaemonFixture.domainXml(name, null)), name);
            }
            assertEquals(0, c.list(true).size(), "nothing was stored");
            assertEquals("v1.2", c.define(DaemonFixture.domainXml("v1.2", null)), "digits among other characters are fine");
        }
    }

    @Test
    void aUuidMeansItsDomainEvenWhenAnotherIsNamedLikeIt() throws Exception {
        // stored before names were checked: it still loads, and is still found by its name
        Files.createDirectories(tmp.resolve("state/domains"));
        Files.writeString(tmp.resolve("state/domains/" + UUID_B + ".xml"), DaemonFixture.domainXml(UUID_B, UUID_A));
        daemon = new DaemonFixture(tmp);
        try (VireoClient c = daemon.client()) {
            assertEquals(UUID_B, c.domName(UUID_B), "nothing has that UUID: the name is used");
            c.define(DaemonFixture.domainXml("owner", UUID_B));
            assertEquals("owner", c.domName(UUID_B), "the UUID resolves before the name");
            assertEquals(UUID_B, c.domName(UUID_A));
        }
    }

    @Test
    @DisabledIfSystemProperty(named = "vireo.skipE2E", matches = "true")
    void aRunningIdMeansItsDomainEvenWhenAnotherIsNamedLikeIt() throws Exception {
        Files.createDirectories(tmp.resolve("state/domains"));
        Files.writeString(tmp.resolve("state/domains/1.xml"), DaemonFixture.domainXml("1", UUID_A));
        daemon = new DaemonFixture(tmp);
        try (VireoClient c = daemon.client()) {
            assertEquals("1", c.domName("1"), "no guest runs with id 1: the name is used");
            c.define(DaemonFixture.domainXml("idler", UUID_B));
            c.start("idler");
            try {
                assertEquals("idler", c.domName("1"), "running id 1 resolves before the name");
                assertEquals("shut off", c.domState(UUID_A).state());
            } finally {
                c.destroy("idler");
            }
            assertEquals("1", c.domName("1"));
        }
    }
}
