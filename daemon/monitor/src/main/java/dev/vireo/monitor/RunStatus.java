package dev.vireo.monitor;

/**
 * {@code query-status}: whether the guest's CPUs run, and QEMU's run state.
 *
 * @param status e.g. running, paused, prelaunch, io-error, shutdown, guest-panicked
 */
public record RunStatus(boolean running, String status) {
}
