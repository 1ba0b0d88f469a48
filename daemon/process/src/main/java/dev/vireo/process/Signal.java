package dev.vireo.process;

import java.util.Arrays;
import java.util.Optional;

/** The signals the daemon sends to, or learns from, its QEMU processes (Linux numbers). */
public enum Signal {
    SIGHUP(1), SIGINT(2), SIGQUIT(3), SIGILL(4), SIGTRAP(5), SIGABRT(6), SIGBUS(7), SIGFPE(8),
    SIGKILL(9), SIGUSR1(10), SIGSEGV(11), SIGUSR2(12), SIGPIPE(13), SIGALRM(14), SIGTERM(15),
    SIGCONT(18), SIGSTOP(19);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static Optional<Signal> of(int number) {
        return Arrays.stream(values()).filter(s -> s.number == number).findFirst();
    }
}
