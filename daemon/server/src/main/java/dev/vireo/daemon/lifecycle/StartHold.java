package dev.vireo.daemon.lifecycle;

import dev.vireo.daemon.Log;

import java.util.Set;

/**
 * A test hook for the reliability suite (scripts/test-reliability): with the system property
 * {@code vireo.test.holdStart=POINT[,POINT...]} a start pauses for {@value #HOLD_SECONDS} s at
 * each named point and says so in the log, so that a test can kill -9 the daemon exactly there.
 * Points: {@code recorded} (runtime record written, QEMU not spawned yet), {@code spawned} (QEMU
 * runs, its pid not recorded yet), {@code connected} (pid recorded, monitor connected, before
 * {@code cont}). Without the property (in production) nothing ever waits.
 */
final class StartHold {
    static final String PROPERTY = "vireo.test.holdStart";
    private static final long HOLD_SECONDS = 60;
    private static final Set<String> POINTS = Set.of(System.getProperty(PROPERTY, "").split(","));

    private StartHold() {
    }

    static void at(String point, String domain) {
        if (!POINTS.contains(point)) return;
        Log.info("test hook " + PROPERTY + ": start of domain " + domain + " held at " + point);
        try {
            Thread.sleep(HOLD_SECONDS * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
