package dev.vireo.daemon.guest;

import dev.vireo.conf.CpuSet;
import dev.vireo.conf.model.CpuPlacement;
import dev.vireo.conf.model.CpuTune;
import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.IoThreadPin;
import dev.vireo.conf.model.Vcpu;
import dev.vireo.conf.model.VcpuPin;
import dev.vireo.monitor.Monitor;
import dev.vireo.process.ThreadAffinity;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a guest's QEMU threads may run: {@code <cputune><vcpupin>}, {@code <iothreadpin>},
 * {@code <emulatorpin>} and, for every thread none of those pins, {@code <vcpu cpuset>}. QEMU has no
 * option for them, so, as libvirt does, the daemon asks QEMU for the host thread of each vCPU
 * ({@code query-cpus-fast}) and each I/O thread ({@code query-iothreads}) while the guest is still
 * paused after its start, and sets those threads' CPU affinity ({@code sched_setaffinity}).
 *
 * <p>The emulator threads are libvirt's emulator cgroup: every thread of the QEMU process that is
 * neither a vCPU nor one of the domain's I/O threads (pinned or not; libvirt 9 moves each I/O thread
 * to its own cgroup): the main loop, {@code call_rcu}, the monitor's I/O thread, the VNC and SPICE
 * workers, the block layer's pool workers. They are pinned first, the main thread before the rest,
 * and the process's threads are listed again until no unpinned one is left, so a thread started
 * meanwhile is not missed. A thread QEMU starts later inherits the affinity of the thread that
 * starts it, which puts it where libvirt's cgroups put it: the main loop's pool workers and display
 * workers with the emulator threads, an I/O thread's workers with that I/O thread.
 *
 * <p>A pin the host cannot honour (no CPU of its set exists here) fails the start naming it.
 */
public final class ThreadPinning {
    /** How often the emulator threads are listed again while QEMU keeps starting new ones. */
    private static final int MAX_ROUNDS = 20;

    private ThreadPinning() {
    }

    public static void apply(Domain live, Monitor monitor, long pid) throws IOException {
        CpuTune tune = live.getCputune();
        String defaultSet = defaultSet(live);
        boolean vcpuPins = tune != null && !tune.getVcpupins().isEmpty();
        boolean iothreadPins = tune != null && !tune.getIothreadpins().isEmpty();
        String emulatorSet = tune != null && tune.getEmulatorpin() != null ? tune.getEmulatorpin().getCpuset() : defaultSet;
        if (!vcpuPins && !iothreadPins && emulatorSet == null && defaultSet == null) return;
        Map<Integer, Long> vcpus = monitor.queryVcpuThreads();
        Map<String, Long> iothreads = monitor.queryIothreadThreads();
        if (emulatorSet != null) {
            String what = tune != null && tune.getEmulatorpin() != null
                    ? "<emulatorpin cpuset='" + emulatorSet + "'>" : "<vcpu cpuset='" + emulatorSet + "'> (emulator threads)";
            Set<Long> others = new HashSet<>(vcpus.values());
            for (Map.Entry<String, Long> t : iothreads.entrySet()) {
                if (isDomainIothread(live, t.getKey())) others.add(t.getValue());
            }
            pinEmulator(pid, others, emulatorSet, what);
        }
        Map<Integer, String> vcpuSets = new HashMap<>();
        if (tune != null) for (VcpuPin pin : tune.getVcpupins()) vcpuSets.put(pin.getVcpu(), pin.getCpuset());
        for (Map.Entry<Integer, Long> vcpu : vcpus.entrySet()) {
            String set = vcpuSets.get(vcpu.getKey());
            if (set != null) {
                pin(vcpu.getValue(), set, "<vcpupin vcpu='" + vcpu.getKey() + "' cpuset='" + set + "'>");
            } else if (defaultSet != null) {
                pin(vcpu.getValue(), defaultSet, "<vcpu cpuset='" + defaultSet + "'> (vCPU " + vcpu.getKey() + ")");
            }
        }
        Set<Integer> pinnedIothreads = new HashSet<>();
        if (tune != null) {
            for (IoThreadPin pin : tune.getIothreadpins()) {
                String what = "<iothreadpin iothread='" + pin.getIothread() + "' cpuset='" + pin.getCpuset() + "'>";
                Long tid = iothreads.get("iothread" + pin.getIothread());
                if (tid == null) throw new IOException(what + ": QEMU has no I/O thread iothread" + pin.getIothread());
                pin(tid, pin.getCpuset(), what);
                pinnedIothreads.add(pin.getIothread());
            }
        }
        if (defaultSet != null) {
            for (Map.Entry<String, Long> t : iothreads.entrySet()) {
                if (!isDomainIothread(live, t.getKey())) continue;
                int id = Integer.parseInt(t.getKey().substring("iothread".length()));
                if (!pinnedIothreads.contains(id)) pin(t.getValue(), defaultSet, "<vcpu cpuset='" + defaultSet + "'> (" + t.getKey() + ")");
            }
        }
    }

    /** {@code <vcpu placement='static' cpuset>}: where libvirt runs every thread no pin places. */
    private static String defaultSet(Domain live) {
        Vcpu v = live.getVcpu();
        if (v == null || v.getCpuset() == null || v.getPlacement() == CpuPlacement.AUTO) return null;
        return v.getCpuset();
    }

    private static boolean isDomainIothread(Domain live, String qomId) {
        if (!qomId.startsWith("iothread")) return false;
        try {
            return live.iothreadIds().contains(Integer.parseInt(qomId.substring("iothread".length())));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Pins every thread of process {@code pid} outside {@code others}: the main thread first (what it
     * starts from then on inherits the set), then the rest, listing them again until a round finds
     * none left to pin.
     */
    private static void pinEmulator(long pid, Set<Long> others, String cpuset, String what) throws IOException {
        Set<Long> pinned = new HashSet<>();
        pin(pid, cpuset, what);
        pinned.add(pid);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean more = false;
            for (long tid : ThreadAffinity.threadsOf(pid)) {
                if (others.contains(tid) || !pinned.add(tid)) continue;
                pinThread(tid, cpuset, what);
                more = true;
            }
            if (!more) return;
        }
        throw new IOException(what + ": QEMU (pid " + pid + ") kept starting threads while they were being pinned");
    }

    /** A thread may end between being listed and being pinned (a pool worker timing out): that is no failure. */
    private static void pinThread(long tid, String cpuset, String what) throws IOException {
        try {
            pin(tid, cpuset, what);
        } catch (IOException e) {
            if (ThreadAffinity.exists(tid)) throw e;
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
