package dev.vireo.daemon.snapshots;

import dev.vireo.conf.DomainXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotStoreTest {
    @TempDir
    Path tmp;

    private static final String DOMAIN = """
            <domain type='qemu'>
              <name>guest</name>
              <uuid>9d2f2c7e-dd4d-498c-9110-58d8017c6628</uuid>
              <memory unit='MiB'>256</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type><cmdline>console=ttyS0 a=b</cmdline></os>
              <devices>
                <emulator>/usr/bin/qemu-system-x86_64</emulator>
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2'/>
                  <source file='/images/base.qcow2'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
              </devices>
            </domain>
            """;

    private static Snapshot snapshot(String name, String parent, long time) throws Exception {
        String domain = DomainXml.format(DomainXml.parse(DOMAIN));
        return new Snapshot(name, "a <description> & more", "disk-snapshot", time, parent,
                List.of(new Snapshot.Disk("vda", "external", "file", "qcow2", "/images/base." + name),
                        new Snapshot.Disk("vdb", "no", null, null, null)), domain);
    }

    @Test
    void snapshotsParentsAndTheCurrentOneSurviveAReload() throws Exception {
        SnapshotStore store = SnapshotStore.load(tmp);
        store.put("guest", snapshot("s1", null, 100), true);
        store.put("guest", snapshot("s2", "s1", 200), true);
        store.put("guest", snapshot("s3", "s2", 300), true);
        String dumped = SnapshotXml.format(store.get("guest", "s2").orElseThrow());

        SnapshotStore again = SnapshotStore.load(tmp);
        assertEquals(store.list("guest"), again.list("guest"));
        assertEquals("s3", again.current("guest").orElseThrow().name());
        assertEquals(dumped, SnapshotXml.format(again.get("guest", "s2").orElseThrow()));
        String file = Files.readString(tmp.resolve("guest/s3.xml"));
        assertTrue(file.contains("  <active>1</active>\n</domainsnapshot>"), file);
        assertTrue(Files.readString(tmp.resolve("guest/s2.xml")).contains("  <active>0</active>\n"));
    }

    @Test
    void removingAMiddleSnapshotGivesItsChildrenItsParent() throws Exception {
        SnapshotStore store = SnapshotStore.load(tmp);
        store.put("guest", snapshot("s1", null, 100), true);
        store.put("guest", snapshot("s2", "s1", 200), true);
        store.put("guest", snapshot("s3", "s2", 300), true);
        store.remove("guest", "s2");
        assertEquals("s1", store.get("guest", "s3").orElseThrow().parent());
        store.remove("guest", "s3");
        assertEquals("s1", store.current("guest").orElseThrow().name());
        SnapshotStore again = SnapshotStore.load(tmp);
        assertEquals(List.of("s1"), again.list("guest").stream().map(Snapshot::name).toList());
        assertEquals("s1", again.current("guest").orElseThrow().name());
        again.removeAll("guest");
        assertFalse(Files.exists(tmp.resolve("guest")));
    }

    @Test
    void theDocumentIsLibvirtNinesLayout() throws Exception {
        Snapshot s = snapshot("s2", "s1", 1796302653);
        String xml = SnapshotXml.format(s);
        assertTrue(xml.startsWith("""
                <domainsnapshot>
                  <name>s2</name>
                  <description>a &lt;description&gt; &amp; more</description>
                  <state>disk-snapshot</state>
                  <parent>
                    <name>s1</name>
                  </parent>
                  <creationTime>1796302653</creationTime>
                  <memory snapshot='no'/>
                  <disks>
                    <disk name='vda' snapshot='external' type='file'>
                      <driver type='qcow2'/>
                      <source file='/images/base.s2'/>
                    </disk>
                    <disk name='vdb' snapshot='no'/>
                  </disks>
                  <domain type='qemu'>
                    <name>guest</name>
                """), xml);
        assertTrue(xml.endsWith("  </domain>\n</domainsnapshot>\n"), xml);
        assertEquals(s, SnapshotXml.parse(xml, null, 0).snapshot());
    }
}
