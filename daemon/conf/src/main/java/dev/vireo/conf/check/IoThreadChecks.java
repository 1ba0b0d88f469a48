package dev.vireo.conf.check;

import dev.vireo.conf.SourcePositions;
import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.model.Controller;
import dev.vireo.conf.model.Disk;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.IoThreadPin;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An I/O thread that a disk, a controller or a pin names must exist: ids 1..{@code <iothreads>}, or those listed
 * in {@code <iothreadids>} when it is given.
 */
final class IoThreadChecks {

    private IoThreadChecks() {
    }

    static void check(Domain d, SourcePositions at, List<XmlProblem> problems) {
        Set<Integer> ids = new HashSet<>(d.iothreadIds());
        String defined = ids.isEmpty() ? "none is defined (<iothreads>)" : "defined: " + ids.stream().sorted().toList();
        List<Disk> disks = d.getDevices().getDisks();
        for (int i = 0; i < disks.size(); i++) {
            Disk disk = disks.get(i);
            Integer id = disk.getDriver() == null ? null : disk.getDriver().getIothread();
            if (id != null && !ids.contains(id)) {
                problems.add(at.problem(disk.getDriver(), "/domain/devices/disk[" + (i + 1) + "]/driver",
                        "disk '" + disk.getTarget().getDev() + "' names I/O thread " + id + ", but " + defined));
            }
        }
        for (Controller c : d.getDevices().getControllers()) {
            Integer id = c.getDriver() == null ? null : c.getDriver().getIothread();
            if (id != null && !ids.contains(id)) {
                problems.add(at.problem(c.getDriver(), "/domain/devices/controller/driver", "<controller type='" + c.getType().xml()
                        + "' index='" + (c.getIndex() == null ? 0 : c.getIndex()) + "'> names I/O thread " + id + ", but " + defined));
            }
        }
        if (d.getCputune() != null) {
            for (IoThreadPin p : d.getCputune().getIothreadpins()) {
                if (!ids.contains(p.getIothread())) {
                    problems.add(at.problem(p, "/domain/cputune/iothreadpin", "<iothreadpin> names I/O thread " + p.getIothread() + ", but " + defined));
                }
            }
        }
    }
}
