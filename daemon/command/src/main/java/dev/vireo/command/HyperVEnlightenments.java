package dev.vireo.command;

import dev.vireo.conf.model.HyperV;
import dev.vireo.conf.model.HyperVFeature;
import dev.vireo.conf.model.HyperVMode;

/**
 * Hyper-V enlightenments as {@code -cpu} properties, as libvirt 9 writes them for QEMU 4.2 and later:
 * {@code hv-passthrough=on} for {@code mode='passthrough'}, then each enlightenment switched on, in
 * libvirt's order, as {@code hv-NAME=on}; {@code hv-spinlocks=0xRETRIES}, {@code hv-stimer-direct=on}
 * after a switched-on {@code stimer}, {@code hv-vendor-id=VALUE}. An enlightenment switched off is left
 * out (QEMU's default is off). Which of them a guest can use is QEMU's business: under TCG QEMU 7.2
 * refuses {@code hv-vpindex} at start ("kernel doesn't allow setting HyperV VP_INDEX"), see
 * {@link #needsKvm}.
 */
final class HyperVEnlightenments {

    private HyperVEnlightenments() {
    }

    static void append(HyperV hyperv, StringBuilder value, String defaultModel) {
        if (value.isEmpty()) {
            value.append(defaultModel);
        }
        if (hyperv.getMode() == HyperVMode.PASSTHROUGH) value.append(",hv-passthrough=on");
        flag(value, "relaxed", hyperv.getRelaxed());
        flag(value, "vapic", hyperv.getVapic());
        if (on(hyperv.getSpinlocks())) {
            Integer retries = hyperv.getSpinlocks().getRetries();
            // libvirt requires retries with state='on'; 0x1fff is what virt-install and libvirt document.
            value.append(",hv-spinlocks=0x").append(Integer.toHexString(retries == null ? 0x1fff : retries));
        }
        flag(value, "vpindex", hyperv.getVpindex());
        flag(value, "runtime", hyperv.getRuntime());
        flag(value, "synic", hyperv.getSynic());
        if (on(hyperv.getStimer())) {
            value.append(",hv-stimer=on");
            if (on(hyperv.getStimer().getDirect())) value.append(",hv-stimer-direct=on");
        }
        flag(value, "reset", hyperv.getReset());
        if (on(hyperv.getVendorId()) && hyperv.getVendorId().getValue() != null) {
            value.append(",hv-vendor-id=").append(hyperv.getVendorId().getValue());
        }
        flag(value, "frequencies", hyperv.getFrequencies());
        flag(value, "reenlightenment", hyperv.getReenlightenment());
        flag(value, "tlbflush", hyperv.getTlbflush());
        flag(value, "ipi", hyperv.getIpi());
        flag(value, "evmcs", hyperv.getEvmcs());
        flag(value, "avic", hyperv.getAvic());
    }

    /** Whether anything beyond {@code <relaxed>} is asked for: what binaries before QEMU 4.2 are not given. */
    static boolean beyondRelaxed(HyperV h) {
        return h.getMode() == HyperVMode.PASSTHROUGH || on(h.getVapic()) || on(h.getSpinlocks()) || on(h.getVpindex())
                || on(h.getRuntime()) || on(h.getSynic()) || on(h.getStimer()) || on(h.getReset()) || on(h.getVendorId())
                || on(h.getFrequencies()) || on(h.getReenlightenment()) || on(h.getTlbflush()) || on(h.getIpi())
                || on(h.getEvmcs()) || on(h.getAvic());
    }

    /**
     * The enlightenment that QEMU 7.2 cannot give a TCG guest, or null: {@code hv-vpindex} needs KVM's
     * in-kernel Hyper-V emulation (QEMU fails the start with "kernel doesn't allow setting HyperV
     * VP_INDEX"). Checked when a {@code type='qemu'} guest is started, not when its command line is only
     * printed, as libvirt does.
     */
    static String needsKvm(HyperV h) {
        return on(h.getVpindex()) ? "<vpindex state='on'/>" : null;
    }

    private static void flag(StringBuilder value, String name, HyperVFeature feature) {
        if (on(feature)) value.append(",hv-").append(name).append("=on");
    }

    private static boolean on(HyperVFeature feature) {
        return feature != null && Boolean.TRUE.equals(feature.getState());
    }
}
