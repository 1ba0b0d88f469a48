package dev.vireo.daemon;

/** {@code vireod}: runs in the foreground until SIGTERM/SIGINT, then stops cleanly (guests keep running). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        DaemonOptions options;
        try {
            options = DaemonOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("vireod: error: " + e.getMessage());
            System.exit(1);
            return;
        }
        try {
            Daemon daemon = Daemon.start(options);
            Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "vireod-stop"));
        } catch (Exception e) {
            System.err.println("vireod: error: " + e.getMessage());
            System.exit(1);
        }
    }
}
