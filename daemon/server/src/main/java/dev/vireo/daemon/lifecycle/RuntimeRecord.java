package dev.vireo.daemon.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vireo.daemon.Json;
import dev.vireo.daemon.domain.AtomicFiles;
import dev.vireo.jobs.BlockJob;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a restarted daemon needs to find a running guest again, stored as {@code RUNTIME/qemu/NAME.json}
 * (written atomically at every state change, removed when the guest stops).
 *
 * @param pid        QEMU's pid; with {@code startTicks} it identifies the process even if the pid is reused
 * @param persistent whether a stored definition exists (a transient domain is forgotten when it stops)
 * @param liveXml    the live definition (with the id and runtime details)
 * @param blockJobs  the block jobs running in QEMU (a record written before jobs existed has none)
 * @param completedJob the last finished domain job's figures ({@code domjobinfo --completed}), or null
 */
public record RuntimeRecord(String name, String uuid, long pid, long startTicks, String monitor, int id,
                            String state, String reason, boolean persistent, String liveXml,
                            List<BlockJob> blockJobs, CompletedJob completedJob) {

    public RuntimeRecord {
        blockJobs = blockJobs == null ? List.of() : List.copyOf(blockJobs);
    }

    public RuntimeRecord(String name, String uuid, long pid, long startTicks, String monitor, int id, String state,
                         String reason, boolean persistent, String liveXml, List<BlockJob> blockJobs) {
        this(name, uuid, pid, startTicks, monitor, id, state, reason, persistent, liveXml, blockJobs, null);
    }

    public void write(Path file) throws IOException {
        AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    }

    public static RuntimeRecord read(Path file) throws IOException {
        try {
            return Json.MAPPER.readValue(Files.readString(file), RuntimeRecord.class);
        } catch (JsonProcessingException e) {
            throw new IOException("unreadable runtime state " + file + ": " + e.getOriginalMessage(), e);
        }
    }
}
