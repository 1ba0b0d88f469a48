package dev.vireo.conf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the index reads from our RelaxNG files, which the messages rely on. */
class SchemaIndexTest {
    private static final SchemaIndex INDEX = SchemaIndex.load(SchemaKind.DOMAIN.resource());

    private static ElementRules rules(String parent, String name) {
        return INDEX.rules(parent, a -> null, name);
    }

    @Test
    void requiredChildrenOfTheDomain() {
        assertEquals(Set.of("name", "memory", "os"), rules("", "domain").requiredChildren());
    }

    @Test
    void attributeValuesKeepSchemaOrder() {
        assertEquals(List.of("default", "none", "writethrough", "writeback", "directsync", "unsafe"),
                rules("disk", "driver").attributeSpec("cache").values());
    }

    @Test
    void dataTypesAreDescribedFromAnnotations() {
        assertTrue(rules("domain", "uuid").text().describe().startsWith("expected a UUID"),
                rules("domain", "uuid").text().describe());
        assertEquals("expected a non-negative integer", rules("iotune", "total_bytes_sec").text().describe());
    }

    @Test
    void sameNameInDifferentParentsIsKeptApart() {
        assertTrue(rules("disk", "source").attributeNames().contains("startupPolicy"));
        assertFalse(rules("interface", "source").attributeNames().contains("startupPolicy"));
        assertTrue(rules("interface", "source").attributeNames().contains("bridge"));
    }

    @Test
    void formsSelectedByTypeNarrowAttributesAndChildren() {
        ElementRules drive = rules("disk", "address").narrowedBy(a -> a.equals("type") ? "drive" : null);
        assertEquals(List.of("type", "controller", "bus", "target", "unit"), List.copyOf(drive.attributeNames()));
        ElementRules networkSource = INDEX.rules("disk", a -> a.equals("type") ? "network" : null, "source");
        assertTrue(networkSource.attributeNames().contains("protocol"));
        assertFalse(networkSource.attributeNames().contains("file"));
        ElementRules networkDisk = rules("devices", "disk").narrowedBy(a -> a.equals("type") ? "network" : null);
        assertTrue(networkDisk.requiredChildren().containsAll(Set.of("source", "target")), networkDisk.requiredChildren().toString());
    }

    @Test
    void controllerModelsFollowTheControllerType() {
        ElementRules usb = rules("devices", "controller").narrowedBy(a -> a.equals("type") ? "usb" : null);
        assertTrue(usb.attributeSpec("model").values().contains("piix3-uhci"));
        assertFalse(usb.attributeSpec("model").values().contains("virtio-scsi"));
    }
}
