package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.ApicFeature;
import dev.vireo.conf.model.Cpu;
import dev.vireo.conf.model.CpuFeature;
import dev.vireo.conf.model.CpuMode;
import dev.vireo.conf.model.DomainVirtType;
import dev.vireo.conf.model.Features;
import dev.vireo.conf.model.HyperV;
import dev.vireo.conf.model.HyperVFeature;
import dev.vireo.conf.model.Timer;
import dev.vireo.conf.model.TimerName;

/** The {@code -cpu} value: a model with feature flags, {@code host}, or nothing for the emulator's default. */
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
        } else if (mode == CpuMode.HOST_MODEL) {
            throw new UnsupportedConfigurationException("<cpu mode='host-model'> needs the host CPU's description "
                    + "to pick a model; use mode='host-passthrough' or a named model");
        } else if (namedModel) {
            value.append(cpu.getModel().getName());
            for (CpuFeature feature : cpu.getFeatures()) {
                value.append(',').append(sign(feature)).append(feature.getName());
            }
        } else if (needs32BitModel(ctx)) {
            value.append(defaultModel);
        }
        kvmclock(ctx, value, defaultModel);
        Features features = ctx.domain().getFeatures();
        ApicFeature apic = features == null ? null : features.getApic();
        if (apic != null && apic.getEoi() != null) {
            appendFlag(value, defaultModel, (apic.getEoi() ? '+' : '-') + "kvm_pv_eoi");
        }
        if (features != null && features.getHyperv() != null) {
            hyperv(features.getHyperv(), value, defaultModel);
        }
        return value.isEmpty() ? null : value.toString();
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

    private static void kvmclock(BuildContext ctx, StringBuilder value, String defaultModel) {
        if (ctx.domain().getClock() == null) {
            return;
        }
        for (Timer timer : ctx.domain().getClock().getTimers()) {
            if (timer.getName() == TimerName.KVMCLOCK && timer.getPresent() != null) {
                appendFlag(value, defaultModel, (timer.getPresent() ? '+' : '-') + "kvmclock");
                return;
            }
        }
    }

    /**
     * Hyper-V enlightenments are CPU flags: with {@code <hyperv>} the model is always named (as
     * libvirt does), and each enlightenment switched on adds its {@code hv_} flag.
     */
    private static void hyperv(HyperV hyperv, StringBuilder value, String defaultModel) {
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
