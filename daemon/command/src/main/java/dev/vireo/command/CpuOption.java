package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.ApicFeature;
import dev.vireo.conf.model.Cpu;
import dev.vireo.conf.model.CpuCache;
import dev.vireo.conf.model.CpuFeature;
import dev.vireo.conf.model.CpuMode;
import dev.vireo.conf.model.DomainVirtType;
import dev.vireo.conf.model.Features;
import dev.vireo.conf.model.HyperV;
import dev.vireo.conf.model.HyperVFeature;
import dev.vireo.conf.model.Timer;
import dev.vireo.conf.model.TimerName;

/**
 * The {@code -cpu} value: a model with feature flags, {@code host}, {@code max}, the host-model CPU
 * ({@link HostModelCpu}), or nothing for the emulator's default.
 */
final class CpuOption {

    private static final boolean HOST_IS_X86_64 = switch (System.getProperty("os.arch", "")) {
        case "amd64", "x86_64" -> true;
        default -> false;
    };

    private CpuOption() {
    }

    /** The value, or null when the emulator's default CPU is what the domain asks for. */
    static String of(BuildContext ctx) throws UnsupportedConfigurationException {
        String defaultModel = "i686".equals(ctx.arch()) ? "qemu32" : "qemu64";
        StringBuilder value = new StringBuilder();
        Cpu cpu = ctx.domain().getCpu();
        CpuMode mode = cpu == null || cpu.getMode() == null ? CpuMode.CUSTOM : cpu.getMode();
        boolean namedModel = cpu != null && cpu.getModel() != null && cpu.getModel().getName() != null;
        if (mode == CpuMode.HOST_PASSTHROUGH) {
            if (ctx.domain().getType() != DomainVirtType.KVM) {
                throw new UnsupportedConfigurationException("<cpu mode='host-passthrough'> is only supported with "
                        + "<domain type='kvm'>");
            }
            if (!ctx.has(Capability.CPU_HOST)) {
                throw new UnsupportedConfigurationException("<cpu mode='host-passthrough'> is not supported by "
                        + ctx.emulator() + " (capability 'cpu-host')");
            }
            value.append("host");
            migratable(ctx, cpu, value);
        } else if (mode == CpuMode.MAXIMUM) {
            if (!ctx.modern()) {
                throw new UnsupportedConfigurationException("<cpu mode='maximum'> is not supported by " + ctx.emulator()
                        + " (its -cpu has no 'max' model)");
            }
            value.append("max");
            migratable(ctx, cpu, value);
        } else if (mode == CpuMode.HOST_MODEL) {
            value.append(HostModelCpu.resolve(ctx.domain(), ctx.caps()).option());
        } else if (namedModel) {
            value.append(cpu.getModel().getName());
            for (CpuFeature feature : cpu.getFeatures()) {
                value.append(',').append(sign(feature)).append(feature.getName());
            }
        } else if (needs32BitModel(ctx)) {
            value.append(defaultModel);
        }
        Features features = ctx.domain().getFeatures();
        ApicFeature apic = features == null ? null : features.getApic();
        if (ctx.modern()) {
            // libvirt 9's order: timers, kvm-pv-eoi, kvm-pv-unhalt, Hyper-V, <kvm> and pmu, the cache
            modernTimers(ctx, value, defaultModel);
            if (apic != null && apic.getEoi() != null) {
                appendFlag(value, defaultModel, "kvm-pv-eoi=" + onOff(apic.getEoi()));
            }
            String pvUnhalt = KvmFeatureArgs.pvUnhalt(features);
            if (pvUnhalt != null) appendFlag(value, defaultModel, pvUnhalt);
            if (features != null && features.getHyperv() != null) {
                HyperVEnlightenments.append(features.getHyperv(), value, defaultModel);
            }
            String kvm = KvmFeatureArgs.cpuProperties(features);
            if (!kvm.isEmpty()) appendFlag(value, defaultModel, kvm.substring(1));
            cache(cpu, mode, value, defaultModel);
            return value.isEmpty() ? null : value.toString();
        }
        if (KvmFeatureArgs.any(features)) {
            throw new UnsupportedConfigurationException("<features><kvm|pvspinlock|pmu|ioapic|vmcoreinfo> are supported "
                    + "with QEMU 4.2 or later");
        }
        kvmclock(ctx, value, defaultModel);
        if (apic != null && apic.getEoi() != null) {
            appendFlag(value, defaultModel, (apic.getEoi() ? '+' : '-') + "kvm_pv_eoi");
        }
        if (features != null && features.getHyperv() != null) {
            hyperv(features.getHyperv(), value, defaultModel);
        }
        return value.isEmpty() ? null : value.toString();
    }

    /** {@code <cpu migratable>} as a property of the host or max model (QEMU 2.12 and later have it). */
    private static void migratable(BuildContext ctx, Cpu cpu, StringBuilder value) {
        if (ctx.modern() && cpu.getMigratable() != null) value.append(",migratable=").append(onOff(cpu.getMigratable()));
    }

    /**
     * An i686 guest on a 64-bit emulator would otherwise get a 64-bit CPU: force the 32-bit model
     * when the emulator is qemu-system-x86_64, or a kvm binary on a 64-bit host.
     */
    private static boolean needs32BitModel(BuildContext ctx) {
        String emulator = ctx.emulator();
        return "i686".equals(ctx.arch())
                && (emulator.contains("x86_64") || (HOST_IS_X86_64 && emulator.contains("kvm")));
    }

    private static void kvmclock(BuildContext ctx, StringBuilder value, String defaultModel)
            throws UnsupportedConfigurationException {
        if (ctx.domain().getClock() == null) {
            return;
        }
        for (Timer timer : ctx.domain().getClock().getTimers()) {
            if (timer.getName() == TimerName.HYPERVCLOCK && Boolean.TRUE.equals(timer.getPresent())) {
                throw new UnsupportedConfigurationException("<timer name='hypervclock'> is supported with QEMU 4.2 or later");
            }
        }
        for (Timer timer : ctx.domain().getClock().getTimers()) {
            if (timer.getName() == TimerName.KVMCLOCK && timer.getPresent() != null) {
                appendFlag(value, defaultModel, (timer.getPresent() ? '+' : '-') + "kvmclock");
                return;
            }
        }
    }

    /**
     * {@code <cpu><cache>} as libvirt 9 writes it: {@code emulate} (level 3 only) is {@code l3-cache=on};
     * {@code passthrough} (host-passthrough CPUs only) is {@code host-cache-info=on,l3-cache=off};
     * {@code disable} is {@code l3-cache=off}, with {@code host-cache-info=off} on a host CPU.
     */
    private static void cache(Cpu cpu, CpuMode mode, StringBuilder value, String defaultModel)
            throws UnsupportedConfigurationException {
        CpuCache cache = cpu == null ? null : cpu.getCache();
        if (cache == null || cache.getMode() == null) return;
        boolean hostCpu = mode == CpuMode.HOST_PASSTHROUGH || mode == CpuMode.MAXIMUM;
        switch (cache.getMode()) {
            case EMULATE -> {
                if (cache.getLevel() == null || cache.getLevel() != 3) {
                    throw new UnsupportedConfigurationException("<cpu><cache mode='emulate' level='" + cache.getLevel()
                            + "'>: QEMU emulates only the level 3 cache; allowed: level='3'");
                }
                appendFlag(value, defaultModel, "l3-cache=on");
                if (hostCpu) value.append(",host-cache-info=off");
            }
            case PASSTHROUGH -> {
                if (!hostCpu) {
                    throw new UnsupportedConfigurationException("<cpu><cache mode='passthrough'> can only be used with "
                            + "<cpu mode='host-passthrough'> or <cpu mode='maximum'>");
                }
                if (cache.getLevel() != null) {
                    throw new UnsupportedConfigurationException("<cpu><cache mode='passthrough' level='" + cache.getLevel()
                            + "'>: a level cannot be passed through alone; leave out level");
                }
                value.append(",host-cache-info=on,l3-cache=off");
            }
            case DISABLE -> {
                if (hostCpu) value.append(",host-cache-info=off");
                appendFlag(value, defaultModel, "l3-cache=off");
            }
        }
    }

    /**
     * The timers that are CPU properties, in the order the XML lists them (as libvirt 9 writes them):
     * {@code kvmclock=on|off}, {@code hv-time=on} for a present {@code hypervclock}, and
     * {@code tsc-frequency=HZ}.
     */
    private static void modernTimers(BuildContext ctx, StringBuilder value, String defaultModel) {
        if (ctx.domain().getClock() == null) {
            return;
        }
        for (Timer timer : ctx.domain().getClock().getTimers()) {
            switch (timer.getName()) {
                case KVMCLOCK -> {
                    if (timer.getPresent() != null) appendFlag(value, defaultModel, "kvmclock=" + onOff(timer.getPresent()));
                }
                case HYPERVCLOCK -> {
                    if (Boolean.TRUE.equals(timer.getPresent())) appendFlag(value, defaultModel, "hv-time=on");
                }
                case TSC -> {
                    if (timer.getFrequency() != null && timer.getFrequency() > 0) {
                        appendFlag(value, defaultModel, "tsc-frequency=" + timer.getFrequency());
                    }
                }
                default -> { }
            }
        }
    }

    /**
     * Hyper-V enlightenments for binaries older than QEMU 4.2, as libvirt 0.10.2 wrote them: with
     * {@code <hyperv>} the model is always named, and {@code <relaxed state='on'>} adds {@code hv_relaxed}.
     * Any other enlightenment needs the {@code hv-} properties of a newer QEMU.
     */
    private static void hyperv(HyperV hyperv, StringBuilder value, String defaultModel) throws UnsupportedConfigurationException {
        if (HyperVEnlightenments.beyondRelaxed(hyperv)) {
            throw new UnsupportedConfigurationException("<hyperv> enlightenments other than <relaxed> (and mode='passthrough') "
                    + "are supported with QEMU 4.2 or later");
        }
        if (value.isEmpty()) {
            value.append(defaultModel);
        }
        HyperVFeature relaxed = hyperv.getRelaxed();
        if (relaxed != null && Boolean.TRUE.equals(relaxed.getState())) {
            value.append(",hv_relaxed");
        }
    }

    private static void appendFlag(StringBuilder value, String defaultModel, String flag) {
        if (value.isEmpty()) {
            value.append(defaultModel);
        }
        value.append(',').append(flag);
    }

    static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static char sign(CpuFeature feature) {
        if (feature.getPolicy() == null) {
            return '+';
        }
        return switch (feature.getPolicy()) {
            case FORCE, REQUIRE, OPTIONAL -> '+';
            case DISABLE, FORBID -> '-';
        };
    }
}
