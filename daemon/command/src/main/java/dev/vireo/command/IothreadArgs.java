package dev.vireo.command;

import java.util.List;

/**
 * The guest's I/O threads ({@code <iothreads>N</iothreads>}, or {@code <iothreadids>} naming them):
 * {@code -object iothread,id=iothreadN} each, which virtio disks then name with {@code iothread=}.
 */
final class IothreadArgs {

    private IothreadArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        List<Integer> ids = ctx.domain().iothreadIds();
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
        if (!ctx.domain().iothreadIds().contains(id)) {
            throw new UnsupportedConfigurationException(what + ": <driver iothread='" + id + "'> names an I/O "
                    + "thread the domain does not have (<iothreads> or <iothreadids>)");
        }
        return "iothread" + id;
    }
}
