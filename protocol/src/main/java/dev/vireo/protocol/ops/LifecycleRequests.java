package dev.vireo.protocol.ops;

/** Running domains: start, stop, their console, monitor and events. */
public interface LifecycleRequests {

    record Start(String domain) implements Request {
        @Override public String op() { return "start"; }
    }

    /** Starts a transient domain from its XML (nothing stored). */
    record Create(String xml) implements Request {
        @Override public String op() { return "create"; }
    }

    record Destroy(String domain) implements Request {
        @Override public String op() { return "destroy"; }
    }

    /** Asks the guest to power off; with a timeout, waits that long for it to shut off. */
    record Shutdown(String domain, @Nullable Long timeoutMillis) implements Request {
        @Override public String op() { return "shutdown"; }
    }

    record Suspend(String domain) implements Request {
        @Override public String op() { return "suspend"; }
    }

    record Resume(String domain) implements Request {
        @Override public String op() { return "resume"; }
    }

    record Reboot(String domain) implements Request {
        @Override public String op() { return "reboot"; }
    }

    record DomBlkList(String domain) implements Request {
        @Override public String op() { return "domblklist"; }
    }

    /** A QMP command (its JSON text) passed through to a running guest's monitor. */
    record QemuMonitorCommand(String domain, String command) implements Request {
        @Override public String op() { return "qemu-monitor-command"; }
    }

    /** Events of one domain (every domain when null) pushed on this connection from now on. */
    record Subscribe(@Nullable String domain) implements Request {
        @Override public String op() { return "subscribe"; }
    }

    /**
     * Turns the connection into a stream of a running guest's console (protocol.StreamFrames).
     *
     * @param devname the character device's alias; null for the first console or serial port
     * @param force   take the console over from the session that has it
     */
    record Console(String domain, @Nullable String devname, boolean force) implements Request {
        @Override public String op() { return "console"; }
    }
}
