package dev.vireo.command;

import dev.vireo.caps.HostCpu;
import dev.vireo.caps.QemuCaps;
import dev.vireo.conf.model.Cpu;
import dev.vireo.conf.model.CpuCheck;
import dev.vireo.conf.model.CpuFallback;
import dev.vireo.conf.model.CpuFeature;
import dev.vireo.conf.model.CpuFeaturePolicy;
import dev.vireo.conf.model.CpuMatch;
import dev.vireo.conf.model.CpuMode;
import dev.vireo.conf.model.CpuModel;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.DomainVirtType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <cpu mode='host-model'>} resolved to a named model with feature differences, from the
 * host-model CPU the capabilities probe found for the domain's accelerator ({@link HostCpu}), with
 * the domain's own {@code <feature>}s applied on top: a feature the domain names replaces the
 * probe's difference for it, the others follow. The domain's {@code <model fallback>} changes
 * nothing here (as with libvirt 9, the probed CPU is used as it is).
 */
public final class HostModelCpu {

    /** The resolved CPU: model, vendor, and every feature to switch on or off, in order. */
    public record Resolved(String model, String vendor, Map<String, Boolean> features) {

        /** The {@code -cpu} value in QEMU 7.2's spelling: {@code MODEL,feature=on,feature=off,...}. */
        String option() {
            StringBuilder b = new StringBuilder(model);
            features.forEach((name, on) -> b.append(',').append(name).append('=').append(CpuOption.onOff(on)));
            return b.toString();
        }
    }

    private HostModelCpu() {
    }

    /** Whether the domain asks for the host-model CPU. */
    public static boolean wanted(Domain domain) {
        return domain.getCpu() != null && domain.getCpu().getMode() == CpuMode.HOST_MODEL;
    }

    /**
     * @throws UnsupportedConfigurationException when the domain's type has no accelerator Vireo
     *         runs, or the capabilities describe no host-model CPU under it (a binary probed through
     *         its {@code -help} text alone, or an accelerator that does not run here)
     */
    public static Resolved resolve(Domain domain, QemuCaps caps) throws UnsupportedConfigurationException {
        String accel = switch (domain.getType() == null ? DomainVirtType.QEMU : domain.getType()) {
            case QEMU -> "tcg";
            case KVM -> "kvm";
            default -> throw new UnsupportedConfigurationException("<cpu mode='host-model'> is supported with "
                    + "<domain type='qemu'> or <domain type='kvm'>, not type='" + domain.getType().xml() + "'");
        };
        HostCpu host = caps.hostCpu(accel).orElseThrow(() -> new UnsupportedConfigurationException(
                "<cpu mode='host-model'> needs the host-model CPU of " + caps.emulator() + " under " + accel
                        + ", which its capabilities do not describe (only a binary probed over QMP, with "
                        + accel + " running here, has one); use a named <model> or mode='host-passthrough'"));
        Map<String, Boolean> features = new LinkedHashMap<>();
        Map<String, String> spelled = new LinkedHashMap<>();
        for (HostCpu.Feature f : host.features()) {
            features.put(f.name(), f.enabled());
            spelled.put(key(f.name()), f.name());
        }
        for (CpuFeature f : domain.getCpu().getFeatures()) {
            String name = spelled.getOrDefault(key(f.getName()), f.getName());
            features.put(name, enabled(f.getPolicy()));
        }
        return new Resolved(host.model(), host.vendor(), features);
    }

    /**
     * Rewrites a started domain's live {@code <cpu mode='host-model'>} into the CPU it runs, as
     * libvirt 9 shows it: {@code mode='custom' match='exact' check='full'}, the model with
     * {@code fallback='forbid'}, the vendor, and each feature with policy {@code require} or
     * {@code disable}. Topology, cache and NUMA cells stay as they are. Nothing for other modes.
     */
    public static void fillLive(Domain live, QemuCaps caps) throws UnsupportedConfigurationException {
        if (!wanted(live)) return;
        Resolved resolved = resolve(live, caps);
        Cpu cpu = live.getCpu();
        cpu.setMode(CpuMode.CUSTOM);
        cpu.setMatch(CpuMatch.EXACT);
        cpu.setCheck(CpuCheck.FULL);
        CpuModel model = new CpuModel();
        model.setName(resolved.model());
        model.setFallback(CpuFallback.FORBID);
        cpu.setModel(model);
        cpu.setVendor(resolved.vendor());
        List<CpuFeature> features = cpu.getFeatures();
        features.clear();
        resolved.features().forEach((name, on) -> {
            CpuFeature f = new CpuFeature();
            f.setName(name);
            f.setPolicy(on ? CpuFeaturePolicy.REQUIRE : CpuFeaturePolicy.DISABLE);
            features.add(f);
        });
    }

    private static boolean enabled(CpuFeaturePolicy policy) {
        return policy == null || switch (policy) {
            case FORCE, REQUIRE, OPTIONAL -> true;
            case DISABLE, FORBID -> false;
        };
    }

    /** QEMU takes {@code _} and {@code -} alike in feature names: the domain's spelling matches either. */
    private static String key(String feature) {
        return feature.replace('_', '-');
    }
}
