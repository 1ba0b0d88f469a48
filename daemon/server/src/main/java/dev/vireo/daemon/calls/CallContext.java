package dev.vireo.daemon.calls;

import dev.vireo.daemon.errors.VireoError;

import java.util.function.BooleanSupplier;

/**
 * Who is waiting for the operation running on this thread, as far as domain code needs to know:
 * whether they are still there. The RPC layer binds it around each call; an operation checks it
 * where it begins its work, after any wait for a lock, so that a request whose client gave up
 * (timed out, pressed Ctrl-C) is not carried out minutes later. Outside a call (autostart,
 * recovery, tests) there is always someone waiting.
 */
public final class CallContext {
    private static final ScopedValue<BooleanSupplier> CALLER_GONE = ScopedValue.newInstance();

    private CallContext() {
    }

    /** Runs {@code work} as a call whose caller has gone once {@code callerGone} says so. */
    public static <R, X extends Throwable> R call(BooleanSupplier callerGone, ScopedValue.CallableOp<R, X> work) throws X {
        return ScopedValue.where(CALLER_GONE, callerGone).call(work);
    }

    /**
     * Refuses to begin when the caller of the current call has gone.
     *
     * @throws VireoError of kind {@link VireoError.Kind#CALLER_GONE}
     */
    public static void ensureCallerWaits(String what) throws VireoError {
        if (CALLER_GONE.isBound() && CALLER_GONE.get().getAsBoolean()) {
            throw new VireoError(VireoError.Kind.CALLER_GONE,
                    what + " not started: the client that asked for it has disconnected", null);
        }
    }
}
