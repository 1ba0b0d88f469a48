package dev.vireo.process;

/** How a process ended. */
public sealed interface ExitStatus {

    /** It called exit() with this code. */
    record Exited(int code) implements ExitStatus {
        @Override
        public String describe() {
            return "exited with code " + code;
        }
    }

    /** A signal ended it. */
    record Killed(int signal, boolean coreDumped) implements ExitStatus {
        @Override
        public String describe() {
            String name = Signal.of(signal).map(Enum::name).orElse("signal " + signal);
            return "killed by " + name + (coreDumped ? " (core dumped)" : "");
        }
    }

    /**
     * It ended, but it was not our child (found again after a daemon restart), so only its
     * real parent could learn how.
     */
    record Unknown() implements ExitStatus {
        @Override
        public String describe() {
            return "ended (not our child: exit status unknown)";
        }
    }

    /** For logs, e.g. "exited with code 1", "killed by SIGKILL". */
    String describe();

    /** Decodes a wait status as waitpid() returns it (the W* macros of {@code <sys/wait.h>}). */
    static ExitStatus fromWaitStatus(int status) {
        int termSignal = status & 0x7f;
        if (termSignal == 0) {
            return new Exited((status >> 8) & 0xff);
        }
        return new Killed(termSignal, (status & 0x80) != 0);
    }
}
