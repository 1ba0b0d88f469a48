package dev.vireo.daemon.ops;

import dev.vireo.daemon.Log;
import dev.vireo.daemon.errors.VireoError;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The steps that take back what a multi-step change of a running guest did so far, run newest
 * first when a later step fails: a failed hotplug leaves no fd set, node or device behind.
 */
final class Undo {
    @FunctionalInterface
    interface Step {
        void run() throws VireoError;
    }

    private final Deque<Step> steps = new ArrayDeque<>();
    private final Deque<String> names = new ArrayDeque<>();

    void push(String what, Step step) {
        steps.push(step);
        names.push(what);
    }

    /** Takes everything back, newest first; a step that fails is logged and added to {@code failure}. */
    void run(Exception failure) {
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            String what = names.pop();
            try {
                step.run();
            } catch (VireoError | RuntimeException e) {
                failure.addSuppressed(e);
                Log.warn("could not take back " + what + " after a failed change", e);
            }
        }
    }

    /** The change went through: nothing to take back. */
    void clear() {
        steps.clear();
        names.clear();
    }
}
