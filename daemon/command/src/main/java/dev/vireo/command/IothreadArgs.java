package dev.vireo.command;

import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.IoThreadId;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest's I/O threads ({@code <iothreads>N</iothreads>}, or {@code <iothreadids>} naming them):
 * {@code -object iothread,id=iothreadN} each, which virtio disks then name with {@code iothread=}.
 */
final class IothreadArgs {

    private IothreadArgs() {
    }

    /** The ids of the guest's I/O threads: those listed in {@code <iothreadids>}, else 1 to N. */
    static List<Integer> ids(Domain domain) {
        List<Integer> ids = new ArrayList<>();
        if (domain.getIothreadids() != null && !domain.getIothreadids().getIothreads().isEmpty()) {
            for (IoThreadId t : domain.getIothreadids().getIothreads()) {
                if (t.getId() != null) ids.add(t.getId());
            }
        } else if (domain.getIothreads() != null) {
            for (int i = 1; i <= domain.getIothreads(); i++) ids.add(i);
        }
        return ids;
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        List<Integer> ids = ids(ctx.domain());
        if (ids.isEmpty()) {
            return;
        }
        if (!ctx.modern()) {
            throw new UnsupportedConfigurationException("<iothreads>: I/O threads are supported with QEMU 4.2 or later");
        }
        for (int id : ids) {
            out.option("-object", "iothread,id=iothread" + id);
        }
    }

    /** The {@code iothread=} of a virtio disk with {@code <driver iothread='N'>}, checked against the guest's threads. */
    static String forDisk(BuildContext ctx, String dev, int id) throws UnsupportedConfigurationException {
        return named(ctx, "disk '" + dev + "'", id);
    }

    /** The {@code iothread=} of a device ({@code what}) with {@code <driver iothread='N'>}, checked against the guest's threads. */
    static String named(BuildContext ctx, String what, int id) throws UnsupportedConfigurationException {
        if (!ids(ctx.domain()).contains(id)) {
            throw new UnsupportedConfigurationException(what + ": <driver iothread='" + id + "'> names an I/O "
                    + "thread the domain does not have (<iothreads> or <iothreadids>)");
        }
        return "iothread" + id;
    }
}
