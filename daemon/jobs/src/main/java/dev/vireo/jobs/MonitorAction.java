package dev.vireo.jobs;

import dev.vireo.monitor.Monitor;

import java.io.IOException;

/** The QMP command that starts a job (block-stream, block-commit, ...), run once it is recorded. */
@FunctionalInterface
public interface MonitorAction {
    void run(Monitor monitor) throws IOException;
}
