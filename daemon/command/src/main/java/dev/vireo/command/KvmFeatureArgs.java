package dev.vireo.command;

import dev.vireo.conf.model.DirtyRing;
import dev.vireo.conf.model.DomainVirtType;
import dev.vireo.conf.model.FeatureState;
import dev.vireo.conf.model.Features;
import dev.vireo.conf.model.IoApic;
import dev.vireo.conf.model.KvmFeatures;

/**
 * The paravirtual and platform switches of {@code <features>} that libvirt 9 writes for QEMU 4.2 and
 * later, where it writes them:
 * <ul>
 * <li>{@code -cpu}: {@code <pvspinlock>} is {@code kvm-pv-unhalt=on|off} (after the timers and
 * {@code kvm-pv-eoi}, before the Hyper-V enlightenments); then {@code <kvm>}'s {@code hidden} as
 * {@code kvm=off}, {@code hint-dedicated} as {@code kvm-hint-dedicated=on}, {@code poll-control} as
 * {@code kvm-poll-control=on} (each only when on), {@code pv-ipi} as {@code kvm-pv-ipi=off} (only when
 * off: on is QEMU's default); then {@code <pmu>} as {@code pmu=on|off};</li>
 * <li>{@code -machine}: {@code <ioapic driver='kvm'|'qemu'>} as {@code kernel_irqchip=on|split};</li>
 * <li>{@code -accel kvm,dirty-ring-size=N} for {@code <dirty-ring state='on'>} of a KVM guest;</li>
 * <li>{@code -device vmcoreinfo} for {@code <vmcoreinfo state='on'>}.</li>
 * </ul>
 * Under TCG ({@code <domain type='qemu'>}) libvirt 9 writes the same {@code -cpu} and {@code -machine}
 * properties (QEMU drops the {@code kvm-*} CPUID bits TCG lacks, with a warning) and leaves the dirty
 * ring out; it refuses only {@code <pvspinlock state='on'>}, at start, see {@link TcgLimits}.
 */
final class KvmFeatureArgs {

    private KvmFeatureArgs() {
    }

    /** {@code kvm-pv-unhalt} for {@code <pvspinlock>}, or null when absent. */
    static String pvUnhalt(Features f) {
        FeatureState s = f == null ? null : f.getPvspinlock();
        return s == null || s.getState() == null ? null : "kvm-pv-unhalt=" + CpuOption.onOff(s.getState());
    }

    /** The {@code <kvm>} and {@code <pmu>} CPU properties, each with its leading comma; empty when none. */
    static String cpuProperties(Features f) {
        if (f == null) return "";
        StringBuilder props = new StringBuilder();
        KvmFeatures kvm = f.getKvm();
        if (kvm != null) {
            if (on(kvm.getHidden())) props.append(",kvm=off");
            if (on(kvm.getHintDedicated())) props.append(",kvm-hint-dedicated=on");
            if (on(kvm.getPollControl())) props.append(",kvm-poll-control=on");
            if (kvm.getPvIpi() != null && Boolean.FALSE.equals(kvm.getPvIpi().getState())) props.append(",kvm-pv-ipi=off");
        }
        if (f.getPmu() != null && f.getPmu().getState() != null) {
            props.append(",pmu=").append(CpuOption.onOff(f.getPmu().getState()));
        }
        return props.toString();
    }

    /** {@code kernel_irqchip} for {@code <ioapic driver>}, or null when the driver is not set. */
    static String kernelIrqchip(Features f) {
        IoApic ioapic = f == null ? null : f.getIoapic();
        if (ioapic == null || ioapic.getDriver() == null) return null;
        return switch (ioapic.getDriver()) {
            case KVM -> "kernel_irqchip=on";
            case QEMU -> "kernel_irqchip=split";
        };
    }

    /** The {@code -accel} value for a KVM guest with a dirty ring, or null for the plain accelerator. */
    static String kvmAccel(Features f, DomainVirtType type) {
        DirtyRing ring = f == null || f.getKvm() == null ? null : f.getKvm().getDirtyRing();
        if (type != DomainVirtType.KVM || ring == null || !Boolean.TRUE.equals(ring.getState()) || ring.getSize() == null) {
            return null;
        }
        return "kvm,dirty-ring-size=" + ring.getSize();
    }

    static boolean vmcoreinfo(Features f) {
        return f != null && on(f.getVmcoreinfo());
    }

    /** Whether anything here is asked for: binaries before QEMU 4.2 are not given these. */
    static boolean any(Features f) {
        if (f == null) return false;
        return f.getKvm() != null || f.getPvspinlock() != null || f.getPmu() != null
                || f.getIoapic() != null && f.getIoapic().getDriver() != null || f.getVmcoreinfo() != null;
    }

    private static boolean on(FeatureState s) {
        return s != null && Boolean.TRUE.equals(s.getState());
    }
}
