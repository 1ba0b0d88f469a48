package dev.vireo.command;

import dev.vireo.caps.QemuCaps;
import dev.vireo.conf.model.Domain;
import java.util.List;
import java.util.Objects;

/**
 * Builds the emulator command line for a domain, the way libvirt 0.10.2's QEMU driver did: the
 * same options, spellings and order, chosen by what the emulator binary can do.
 *
 * <p>Nothing is written when something cannot be expressed: the whole build either succeeds or
 * fails with an {@link UnsupportedConfigurationException} naming the setting and what is missing.
 */
public final class CommandBuilder {

    /**
     * Passed on from the daemon's environment, in libvirt's order; QEMU gets nothing else from it.
     * libvirt also passes LD_PRELOAD, LD_LIBRARY_PATH and TMPDIR; Vireo does not, so that what the
     * daemon happens to be started with cannot change how every guest's emulator loads or behaves.
     */
    private static final List<String> PASSED_ENVIRONMENT = List.of("PATH", "HOME", "USER", "LOGNAME");

    private CommandBuilder() {
    }

    public static CommandLine build(Domain domain, QemuCaps caps, LaunchOptions options)
            throws UnsupportedConfigurationException {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(caps, "caps");
        Objects.requireNonNull(options, "options");
        UnbuiltFeatures.check(domain);
        if (options.domainId() != null) {
            UnbuiltFeatures.checkStart(domain);
            TcgLimits.checkStart(domain);
        }
        BuildContext ctx = BuildContext.of(domain, caps, options);
        ArgvWriter out = new ArgvWriter();
        // Messages from QEMU are parsed by the daemon: keep them untranslated.
        out.env("LC_ALL", "C");
        for (String name : PASSED_ENVIRONMENT) {
            String value = options.hostEnvironment().get(name);
            if (value != null) {
                out.env(name, value);
            }
        }
        MachineArgs.write(ctx, out);
        PlatformArgs.write(ctx, out);
        BootArgs.write(ctx, out);
        ControllerArgs.write(ctx, out);
        DiskArgs.write(ctx, out);
        FilesystemArgs.write(ctx, out);
        NetArgs.write(ctx, out);
        SmartcardArgs.write(ctx, out);
        CharDeviceArgs.write(ctx, out);
        TpmArgs.write(ctx, out);
        UsbDeviceArgs.write(ctx, out);
        AudioArgs.write(ctx, out);
        GraphicsArgs.write(ctx, out);
        VideoArgs.write(ctx, out);
        SoundArgs.write(ctx, out);
        WatchdogArgs.write(ctx, out);
        RedirdevArgs.write(ctx, out);
        HostdevArgs.write(ctx, out);
        if (options.incoming() != null) {
            out.option("-incoming", options.incoming());
        }
        BalloonArgs.write(ctx, out);
        RngArgs.write(ctx, out);
        VmcoreinfoArgs.write(ctx, out);
        PanicArgs.write(ctx, out);
        VsockArgs.write(ctx, out);
        PassthroughArgs.write(ctx, out);
        return out.toCommandLine(ctx.emulator());
    }
}
