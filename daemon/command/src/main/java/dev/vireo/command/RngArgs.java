package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.CharType;
import dev.vireo.conf.model.Rng;
import dev.vireo.conf.model.RngBackend;
import dev.vireo.conf.model.RngBackendModel;
import dev.vireo.conf.model.RngModel;
import dev.vireo.conf.model.RngRate;
import java.util.List;

/**
 * Random number generators: a backend object ({@code rng-random} reading a host file,
 * {@code rng-builtin}, or {@code rng-egd} over a character device) and the guest's
 * {@code virtio-rng-pci} reading from it, as libvirt 9 writes them (ids {@code objrngN},
 * {@code rngN}, {@code charrngN}).
 */
final class RngArgs {

    /** libvirt's default source for {@code <backend model='random'/>} without a path. */
    private static final String DEFAULT_RANDOM_SOURCE = "/dev/urandom";

    private RngArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        List<Rng> rngs = ctx.devices().getRngs();
        for (int i = 0; i < rngs.size(); i++) {
            Rng rng = rngs.get(i);
            String alias = ctx.alias(rng);
            if (!ctx.usesDevice() || !ctx.has(Capability.VIRTIO_RNG)) {
                throw new UnsupportedConfigurationException("<rng> " + alias + ": this QEMU binary has no virtio-rng "
                        + "device (capability 'virtio-rng')");
            }
            String object = "obj" + alias;
            backend(ctx, out, rng, alias, object);
            OptionString device = new OptionString(driver(rng)).add("rng", object);
            RngRate rate = rng.getRate();
            if (rate != null && rate.getBytes() != null) {
                device.add("max-bytes", rate.getBytes());
                device.add("period", rate.getPeriod() == null ? 1000 : rate.getPeriod());
            }
            device.add("id", alias);
            DeviceAddressOption.append(ctx, device, rng);
            out.option("-device", device.toString());
        }
    }

    private static String driver(Rng rng) {
        RngModel model = rng.getModel() == null ? RngModel.VIRTIO : rng.getModel();
        return switch (model) {
            case VIRTIO -> "virtio-rng-pci";
            case VIRTIO_TRANSITIONAL -> "virtio-rng-pci-transitional";
            case VIRTIO_NON_TRANSITIONAL -> "virtio-rng-pci-non-transitional";
        };
    }

    private static void backend(BuildContext ctx, ArgvWriter out, Rng rng, String alias, String object)
            throws UnsupportedConfigurationException {
        RngBackend backend = rng.getBackend();
        RngBackendModel model = backend == null || backend.getModel() == null ? RngBackendModel.RANDOM : backend.getModel();
        switch (model) {
            case RANDOM -> {
                if (!ctx.has(Capability.RNG_RANDOM)) {
                    throw new UnsupportedConfigurationException("<rng> " + alias + ": backend 'random' needs rng-random "
                            + "(capability 'rng-random')");
                }
                String path = backend == null || backend.getPath() == null || backend.getPath().isBlank()
                        ? DEFAULT_RANDOM_SOURCE : backend.getPath().strip();
                out.option("-object", new OptionString("rng-random").add("id", object).addEscaped("filename", path).toString());
            }
            case BUILTIN -> out.option("-object", new OptionString("rng-builtin").add("id", object).toString());
            case EGD -> {
                if (!ctx.has(Capability.RNG_EGD)) {
                    throw new UnsupportedConfigurationException("<rng> " + alias + ": backend 'egd' needs rng-egd "
                            + "(capability 'rng-egd')");
                }
                CharType type = backend.getType() == null ? CharType.PTY : backend.getType();
                CharBackend chr = CharBackend.of("rng " + alias, type, backend.getSources(), backend.getProtocol(), null);
                out.option("-chardev", chr.chardev(ctx, alias, false));
                out.option("-object", new OptionString("rng-egd").add("id", object).add("chardev", "char" + alias).toString());
            }
        }
    }
}
