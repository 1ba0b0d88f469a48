package dev.vireo.daemon.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFacilitiesTest {

    @TempDir
    Path tmp;

    @Test
    void theHugetlbfsMountOfTheDefaultPageSizeWins() {
        List<String> mounts = List.of(
                "proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0",
                "hugetlbfs /dev/hugepages1G hugetlbfs rw,relatime,pagesize=1024M 0 0",
                "hugetlbfs /dev/hugepages hugetlbfs rw,relatime,pagesize=2M 0 0");
        assertEquals(Path.of("/dev/hugepages"), HostFacilities.hugetlbfsMount(mounts, 2048));
        assertEquals(Path.of("/dev/hugepages1G"), HostFacilities.hugetlbfsMount(mounts, 1024 * 1024));
    }

    @Test
    void aMountWithoutPageSizeHasTheDefaultOneAndAnyMountBeatsNone() {
        assertEquals(Path.of("/mnt/huge"), HostFacilities.hugetlbfsMount(
                List.of("none /mnt/huge hugetlbfs rw 0 0"), 2048));
        assertEquals(Path.of("/dev/hugepages1G"), HostFacilities.hugetlbfsMount(
                List.of("hugetlbfs /dev/hugepages1G hugetlbfs rw,pagesize=1G 0 0"), 2048));
        assertNull(HostFacilities.hugetlbfsMount(List.of("tmpfs /dev/shm tmpfs rw 0 0"), 2048));
    }

    @Test
    void theDefaultPageSizeIsReadFromMeminfo() {
        assertEquals(2048, HostFacilities.defaultPageKib(List.of("MemTotal: 1 kB", "Hugepagesize:       2048 kB")));
        assertEquals(0, HostFacilities.defaultPageKib(List.of("MemTotal: 1 kB")));
    }

    @Test
    void theFirstRenderNodeByNameIsTaken() throws Exception {
        assertNull(HostFacilities.renderNode(tmp.resolve("no-dri")));
        Path dri = Files.createDirectories(tmp.resolve("dri"));
        Files.createFile(dri.resolve("card0"));
        assertNull(HostFacilities.renderNode(dri));
        Files.createFile(dri.resolve("renderD129"));
        Files.createFile(dri.resolve("renderD128"));
        assertEquals(dri.resolve("renderD128"), HostFacilities.renderNode(dri));
    }
}
