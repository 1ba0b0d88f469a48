package dev.vireo.daemon;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The daemon's own log: one timestamped line per event on stderr (vireod runs in the foreground). */
public final class Log {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private Log() {
    }

    public static void info(String message) {
        System.err.println(LocalDateTime.now().format(TIME) + " vireod: " + message);
    }

    public static void warn(String message, Throwable cause) {
        info("warning: " + message + (cause == null ? "" : ": " + cause));
    }

    /** Something the daemon could not do and the user has to fix. */
    public static void error(String message) {
        info("error: " + message);
    }
}
