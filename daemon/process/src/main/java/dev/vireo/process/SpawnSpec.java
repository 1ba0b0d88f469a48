package dev.vireo.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link ProcessSpawner#spawn} starts.
 *
 * @param argv         program (looked up in the daemon's PATH when it has no '/') and arguments
 * @param environment  the child's complete environment
 * @param logFile      where stdout and stderr are appended (created 0600); null: /dev/null
 * @param inheritedFds child fd number -> daemon-side fd; every other fd from 3 up is closed in
 *                     the child, and stdin is /dev/null
 * @param newSession   start the child in a session (and process group) of its own, so that a
 *                     signal to the daemon's terminal or process group does not reach it
 */
public record SpawnSpec(List<String> argv, Map<String, String> environment, Path logFile,
                        SortedMap<Integer, OwnedFd> inheritedFds, boolean newSession) {

    public SpawnSpec {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must name a program");
        }
        for (int childFd : inheritedFds.keySet()) {
            if (childFd < 3) {
                throw new IllegalArgumentException("inherited fds must be numbered 3 or higher in the child"
                        + " (0-2 are stdin, stdout, stderr), got " + childFd);
            }
        }
        argv = List.copyOf(argv);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        inheritedFds = Collections.unmodifiableSortedMap(new TreeMap<>(inheritedFds));
    }

    public static Builder command(List<String> argv) {
        return new Builder(argv);
    }

    public static Builder command(String... argv) {
        return new Builder(List.of(argv));
    }

    /** Builds a {@link SpawnSpec}; defaults: the daemon's environment, no log, a new session. */
    public static final class Builder {
        private final List<String> argv;
        private Map<String, String> environment = System.getenv();
        private Path logFile;
        private final SortedMap<Integer, OwnedFd> inheritedFds = new TreeMap<>();
        private boolean newSession = true;
        private List<String> privilegePrefix = List.of();

        private Builder(List<String> argv) {
            this.argv = List.copyOf(argv);
        }

        /** Replaces the whole environment (libvirt gives QEMU a small, fixed one). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public Builder log(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** The child gets a copy of {@code fd} as descriptor number {@code childFd}. */
        public Builder inherit(int childFd, OwnedFd fd) {
            inheritedFds.put(childFd, fd);
            return this;
        }

        public Builder newSession(boolean newSession) {
            this.newSession = newSession;
            return this;
        }

        /**
         * Runs the program as {@code uid}:{@code gid} with no supplementary groups, through
         * util-linux's {@code setpriv} placed in front of argv. setpriv changes credentials and
         * execs in place, so inherited fds survive (they were opened by the daemon with its own
         * rights, which is the point of passing fds); the daemon must be root to use this.
         */
        public Builder runAs(int uid, int gid) {
            privilegePrefix = List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--");
            return this;
        }

        public SpawnSpec build() {
            List<String> fullArgv = new ArrayList<>(privilegePrefix);
            fullArgv.addAll(argv);
            return new SpawnSpec(fullArgv, environment, logFile, inheritedFds, newSession);
        }
    }
}
