package dev.vireo.daemon.backup;

import dev.vireo.daemon.errors.VireoError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code <domainbackup>}: read against schema/domainbackup.rng, written back as backup-dumpxml prints it. */
class BackupXmlTest {

    @Test
    void readsDisksTargetsAndFormats() throws Exception {
        BackupXml b = BackupXml.parse("""
                <domainbackup mode='push'>
                  <disks>
                    <disk name='vda' type='file'><target file='/b/vda.qcow2'/><driver type='qcow2'/></disk>
                    <disk name='vdb' backup='no'/>
                    <disk name='vdc'><driver type='raw'/><target dev='/dev/sdz'/></disk>
                  </disks>
                </domainbackup>""");
        assertEquals("push", b.mode());
        assertEquals(List.of(
                new BackupXml.Disk("vda", null, "file", null, "/b/vda.qcow2", "qcow2", null),
                new BackupXml.Disk("vdb", false, null, null, null, null, null),
                new BackupXml.Disk("vdc", null, "block", null, "/dev/sdz", "raw", null)), b.disks());
    }

    @Test
    void readsWhatItRefusesLater() throws Exception {
        BackupXml b = BackupXml.parse("<domainbackup mode='pull'><incremental>cp1</incremental><server transport='unix' socket='/run/b.sock'/></domainbackup>");
        assertEquals("pull", b.mode());
        assertEquals("cp1", b.incremental());
        assertTrue(b.server());
    }

    @Test
    void writesAsLibvirt9Does() {
        BackupXml b = new BackupXml("push", null, false, List.of(
                new BackupXml.Disk("vda", true, "file", "full", "/i/top.qcow2.1796302589", "qcow2", 4),
                new BackupXml.Disk("vdb", true, "file", "full", "/i/big.raw.1796302589", "qcow2", 5)));
        assertEquals("""
                <domainbackup mode='push'>
                  <disks>
                    <disk name='vda' backup='yes' type='file' backupmode='full' index='4'>
                      <driver type='qcow2'/>
                      <target file='/i/top.qcow2.1796302589'/>
                    </disk>
                    <disk name='vdb' backup='yes' type='file' backupmode='full' index='5'>
                      <driver type='qcow2'/>
                      <target file='/i/big.raw.1796302589'/>
                    </disk>
                  </disks>
                </domainbackup>
                """, b.format());
    }

    @Test
    void aDocumentOutsideTheSchemaIsRefusedWithWhereAndWhat() {
        VireoError e = assertThrows(VireoError.class, () -> BackupXml.parse("""
                <domainbackup>
                  <disks>
                    <disk name='vda'><target file='relative.qcow2'/></disk>
                  </disks>
                </domainbackup>"""));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("file"), e.getMessage());
        assertThrows(VireoError.class, () -> BackupXml.parse("<domainbackup mode='sideways'/>"));
        assertThrows(VireoError.class, () -> BackupXml.parse("<domain/>"));
    }
}
