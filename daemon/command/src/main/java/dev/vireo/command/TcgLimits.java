package dev.vireo.command;

import dev.vireo.conf.model.DomainVirtType;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.FeatureState;

/**
 * What QEMU 7.2 refuses to start under TCG although the command line is well formed: checked only
 * when a {@code <domain type='qemu'>} guest is started (a printed command line is libvirt's, whatever
 * the accelerator), so that the start fails before anything is spawned with a message that says
 * what to change, rather than with QEMU's "kernel doesn't allow setting HyperV VP_INDEX". The same
 * goes for what libvirt 9 refuses after spawning a TCG guest: paravirtual spinlocks.
 */
final class TcgLimits {

    private TcgLimits() {
    }

    static void checkStart(Domain domain) throws UnsupportedConfigurationException {
        if (domain.getType() != DomainVirtType.QEMU || domain.getFeatures() == null) {
            return;
        }
        FeatureState pvspinlock = domain.getFeatures().getPvspinlock();
        if (pvspinlock != null && Boolean.TRUE.equals(pvspinlock.getState())) {
            // libvirt 9 starts QEMU, finds kvm-pv-unhalt missing from the guest CPU and stops it again
            // ("host doesn't support paravirtual spinlocks"); TCG never offers it, so say so up front.
            throw new UnsupportedConfigurationException("<pvspinlock state='on'>: paravirtual spinlocks (kvm-pv-unhalt) "
                    + "need KVM: TCG (<domain type='qemu'>) does not offer them; switch it off or use <domain type='kvm'>");
        }
        if (domain.getFeatures().getHyperv() == null) {
            return;
        }
        String needsKvm = HyperVEnlightenments.needsKvm(domain.getFeatures().getHyperv());
        if (needsKvm != null) {
            throw new UnsupportedConfigurationException("<hyperv>" + needsKvm + " needs KVM's Hyper-V emulation: QEMU 7.2 "
                    + "refuses it under TCG (<domain type='qemu'>); switch it off or use <domain type='kvm'> on a host "
                    + "whose KVM offers it");
        }
    }
}
