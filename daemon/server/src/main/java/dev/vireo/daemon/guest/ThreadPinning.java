package dev.vireo.daemon.guest;

import dev.vireo.conf.CpuSet;
import dev.vireo.conf.model.CpuTune;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.IoThreadPin;
import dev.vireo.conf.model.VcpuPin;
import dev.vireo.monitor.Monitor;
import dev.vireo.process.ThreadAffinity;
import java.io.IOException;
import java.util.Map;

/**
 * {@code <cputune><vcpupin>} and {@code <iothreadpin>}: QEMU has no option for them, so, as libvirt
 * does, the daemon asks QEMU for the host thread of each vCPU ({@code query-cpus-fast}) and each I/O
 * thread ({@code query-iothreads}) while the guest is still paused after its start, and sets those
 * threads' CPU affinity. A pin the host cannot honour (no CPU of its set exists here) fails the start
 * naming it.
 */
public final class ThreadPinning {

    private ThreadPinning() {
    }

    public static void apply(Domain live, Monitor monitor) throws IOException {
        CpuTune tune = live.getCputune();
        if (tune == null || tune.getVcpupins().isEmpty() && tune.getIothreadpins().isEmpty()) return;
        if (!tune.getVcpupins().isEmpty()) {
            Map<Integer, Long> vcpus = monitor.queryVcpuThreads();
            for (VcpuPin pin : tune.getVcpupins()) {
                Long tid = vcpus.get(pin.getVcpu());
                if (tid == null) continue;   // a vCPU not plugged in at start (vcpu current < count)
                pin(tid, pin.getCpuset(), "<vcpupin vcpu='" + pin.getVcpu() + "' cpuset='" + pin.getCpuset() + "'>");
            }
        }
        if (!tune.getIothreadpins().isEmpty()) {
            Map<String, Long> iothreads = monitor.queryIothreadThreads();
            for (IoThreadPin pin : tune.getIothreadpins()) {
                String what = "<iothreadpin iothread='" + pin.getIothread() + "' cpuset='" + pin.getCpuset() + "'>";
                Long tid = iothreads.get("iothread" + pin.getIothread());
                if (tid == null) throw new IOException(what + ": QEMU has no I/O thread iothread" + pin.getIothread());
                pin(tid, pin.getCpuset(), what);
            }
        }
    }

    private static void pin(long tid, String cpuset, String what) throws IOException {
        try {
            ThreadAffinity.pin(tid, CpuSet.parse(cpuset));
        } catch (IOException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }
}
