package dev.vireo.jobs;

import java.io.IOException;
import java.util.List;

/** Where a domain's block jobs are persisted (the guest's runtime record), atomically, at every change. */
@FunctionalInterface
public interface JobStore {
    void save(List<BlockJob> jobs) throws IOException;
}
