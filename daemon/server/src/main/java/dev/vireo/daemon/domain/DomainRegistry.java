package dev.vireo.daemon.domain;

import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.conf.model.Domain;
import dev.vireo.daemon.Log;
import dev.vireo.daemon.calls.CallContext;
import dev.vireo.daemon.errors.VireoError;
import dev.vireo.jobs.DomainBusyException;
import dev.vireo.jobs.DomainJobs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every domain the daemon knows, persistent ones stored as {@code DIR/NAME.xml} (written atomically).
 *
 * <p>Each domain has its own job slot, so one slow operation (a start, a shutdown) never holds up
 * another domain, and a caller waits for a busy domain only so long, then hears which operation
 * holds it. Only the short name/UUID bookkeeping of a new domain is serialised.
 */
public final class DomainRegistry {
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    /** A user's definition is never deleted or rewritten behind their back, even when it is broken. */
    private static final String UNTOUCHED = " (the file is left as it is: fix it and restart vireod)";

    private final Path dir;
    private final DefinitionCodec codec;
    private final ConcurrentHashMap<String, DomainEntry> byName = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> nameByUuid = new ConcurrentHashMap<>();
    private final Object bookkeeping = new Object();
    private final Duration jobWait;

    private DomainRegistry(Path dir, DefinitionCodec codec, Duration jobWait) {
        this.dir = dir;
        this.codec = codec;
        this.jobWait = jobWait;
    }

    /**
     * Reads every stored definition. Temp files left by a crash mid-write are removed (the
     * definition they were replacing is intact); a file that no longer parses is reported and left alone.
     */
    public static DomainRegistry load(Path dir, DefinitionCodec codec) throws IOException {
        return load(dir, codec, DomainJobs.DEFAULT_WAIT);
    }

    /** @param jobWait how long an operation waits for a domain busy with another before it fails */
    public static DomainRegistry load(Path dir, DefinitionCodec codec, Duration jobWait) throws IOException {
        DomainRegistry registry = new DomainRegistry(dir, codec, jobWait);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (AtomicFiles.isTemp(file)) {
                    Log.info("removing " + file + ", left by an interrupted write");
                    Files.deleteIfExists(file);
                } else if (file.getFileName().toString().endsWith(".xml")) {
                    registry.loadOne(file);
                }
            }
        }
        return registry;
    }

    private void loadOne(Path file) throws IOException {
        Domain d;
        try {
            d = codec.parse(Files.readString(file));
        } catch (XmlProblemsException e) {
            StringBuilder problems = new StringBuilder();
            for (XmlProblem p : e.problems()) problems.append("\n  ").append(p);
            Log.error("stored definition " + file + " no longer parses, so its domain is not loaded" + UNTOUCHED
                    + "; " + e.problems().size() + (e.problems().size() == 1 ? " problem:" : " problems:") + problems);
            return;
        }
        String name = codec.name(d);
        if (!file.getFileName().toString().equals(name + ".xml")) {
            Log.error("stored definition " + file + " defines domain '" + name + "', not the one its file name says,"
                    + " so it is not loaded" + UNTOUCHED);
            return;
        }
        DomainEntry e = new DomainEntry(name, codec.uuid(d), jobWait);
        e.persistent(d);
        byName.put(name, e);
        nameByUuid.put(e.uuid(), name);
    }

    /**
     * Stores a definition: a new domain, or an update of the one with the same name and UUID.
     * Runs under the domain's lock; the file is written before the new definition is visible.
     */
    public Defined define(Domain definition) throws VireoError {
        String name = codec.name(definition);
        String uuid = codec.uuid(definition);
        checkNewName(name);
        for (;;) {
            DomainEntry e = reserve(name, uuid);
            try (DomainJobs.SyncJob job = begin(e, "define")) {
                if (e.removed()) continue;
                callerWaits("define of '" + name + "'", e);
                try {
                    AtomicFiles.write(file(name), codec.format(definition));
                } catch (IOException io) {
                    dropIfUnused(e);
                    throw VireoError.failed("cannot store domain '" + name + "': " + io.getMessage(), io);
                }
                boolean updated = e.isPersistent();
                e.persistent(definition);
                return new Defined(e, updated);
            }
        }
    }

    /**
     * Replaces the stored definition of a domain whose job slot the caller holds (a change made by
     * an operation on the domain, not a new definition): the file first, then the entry.
     */
    public void replaceStored(DomainEntry e, Domain changed) throws VireoError {
        if (!e.jobs().heldByCurrentThread()) throw new IllegalStateException("the job slot of '" + e.name() + "' is not held");
        if (!e.isPersistent()) throw new IllegalStateException("domain '" + e.name() + "' has no stored definition");
        try {
            AtomicFiles.write(file(e.name()), codec.format(changed));
        } catch (IOException io) {
            throw VireoError.failed("cannot store domain '" + e.name() + "': " + io.getMessage(), io);
        }
        e.persistent(changed);
    }

    /** The outcome of {@link #define}: the domain, and whether it replaced an earlier definition. */
    public record Defined(DomainEntry entry, boolean updated) {
    }

    /**
     * The entry for a domain about to be defined or created: the existing one of that name, or a
     * new one. Refuses a UUID that another domain (or this name under another UUID) already has.
     */
    private DomainEntry reserve(String name, String uuid) throws VireoError {
        synchronized (bookkeeping) {
            DomainEntry existing = byName.get(name);
            if (existing != null) {
                if (!existing.uuid().equalsIgnoreCase(uuid)) {
                    throw VireoError.domainExists("domain '" + name
                            + "' is already defined with uuid " + existing.uuid() + " (the new definition has uuid " + uuid + ")");
                }
                return existing;
            }
            String other = nameByUuid.get(uuid);
            if (other != null) {
                throw VireoError.domainExists("domain '" + other + "' already exists with uuid " + uuid
                        + "; a domain cannot be renamed by defining it under a new name");
            }
            DomainEntry e = new DomainEntry(name, uuid, jobWait);
            byName.put(name, e);
            nameByUuid.put(uuid, name);
            return e;
        }
    }

    /** Removes the stored definition; a running domain stays, as a transient one, until it stops. */
    public void undefine(String key) throws VireoError {
        for (;;) {
            DomainEntry e = lookup(key);
            try (DomainJobs.SyncJob job = begin(e, "undefine")) {
                if (e.removed()) continue;
                callerWaits("undefine of '" + e.name() + "'", e);
                if (!e.isPersistent()) {
                    throw VireoError.wrongState("cannot undefine transient domain '" + e.name() + "'");
                }
                try {
                    AtomicFiles.delete(file(e.name()));
                } catch (IOException io) {
                    throw VireoError.failed("cannot remove " + file(e.name()) + ": " + io.getMessage(), io);
                }
                e.persistent(null);
                dropIfUnused(e);
                return;
            }
        }
    }

    /** Forgets an entry that is neither stored nor running (call in its job slot). */
    public void dropIfUnused(DomainEntry e) {
        if (e.isPersistent() || e.status().active()) return;
        synchronized (bookkeeping) {
            byName.remove(e.name(), e);
            nameByUuid.remove(e.uuid(), e.name());
            e.markRemoved();
        }
    }

    /**
     * Runs {@code action} in the domain's synchronous job slot, retrying if the domain was removed
     * while this caller waited (so the action never sees a stale entry).
     *
     * @param operation what the caller does ({@code start}, {@code destroy}, ...): named in the
     *                  error of whoever finds the domain busy meanwhile
     */
    public <T> T withJob(String key, String operation, LockedAction<T> action) throws VireoError {
        for (;;) {
            DomainEntry e = lookup(key);
            try (DomainJobs.SyncJob job = begin(e, operation)) {
                if (e.removed()) continue;
                callerWaits("the operation on '" + e.name() + "'", e);
                return action.run(e);
            }
        }
    }

    /**
     * Runs {@code action} in the job slot of the domain with this name and UUID, which is created
     * (not yet stored, not yet running) when it does not exist: for create and for recovery.
     * The caller's action must make it persistent or active, or {@link #dropIfUnused} it.
     */
    public <T> T withReserved(String name, String uuid, String operation, LockedAction<T> action) throws VireoError {
        checkFileName(name);
        for (;;) {
            DomainEntry e = reserve(name, uuid);
            try (DomainJobs.SyncJob job = begin(e, operation)) {
                if (e.removed()) continue;
                callerWaits("the operation on '" + name + "'", e);
                return action.run(e);
            }
        }
    }

    /** Takes the domain's synchronous slot, waiting no longer than its bound. */
    private static DomainJobs.SyncJob begin(DomainEntry e, String operation) throws VireoError {
        try {
            return e.jobs().begin(operation);
        } catch (DomainBusyException busy) {
            throw VireoError.busy(busy.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw VireoError.failed("interrupted while waiting for domain '" + e.name() + "'");
        }
    }

    /**
     * Where each operation begins: after the wait for the domain's job slot, a request whose client
     * has gone is not carried out (an entry reserved for it is forgotten again).
     */
    private void callerWaits(String what, DomainEntry e) throws VireoError {
        try {
            CallContext.ensureCallerWaits(what);
        } catch (VireoError gone) {
            dropIfUnused(e);
            throw gone;
        }
    }

    @FunctionalInterface
    public interface LockedAction<T> {
        T run(DomainEntry entry) throws VireoError;
    }

    /**
     * A domain by running id, then UUID, then name, in virsh's order: a key that reads as a running
     * guest's id or as a domain's UUID means that domain, whatever other domain is named like it.
     */
    public DomainEntry lookup(String key) throws VireoError {
        DomainEntry e = null;
        if (ALL_DIGITS.matcher(key).matches() && key.length() < 10) {
            int id = Integer.parseInt(key);
            e = byName.values().stream().filter(x -> x.id() == id && x.status().active()).findFirst().orElse(null);
        }
        if (e == null && UUID_SHAPE.matcher(key).matches()) {
            String name = nameByUuid.get(canonicalUuid(key));
            if (name != null) e = byName.get(name);
        }
        if (e == null) e = byName.get(key);
        if (e == null || e.removed() || (!e.isPersistent() && !e.status().active())) {
            throw VireoError.noDomain("domain '" + key + "' not found: no domain with that name, UUID or id");
        }
        return e;
    }

    /** Known domains (stored or running), by name. */
    public List<DomainEntry> list() {
        List<DomainEntry> out = new ArrayList<>();
        for (DomainEntry e : byName.values()) {
            if (e.isPersistent() || e.status().active()) out.add(e);
        }
        out.sort(Comparator.comparing(DomainEntry::name));
        return out;
    }

    public Path file(String name) {
        return dir.resolve(name + ".xml");
    }

    /** The name becomes a file name: refuse what would escape the folder or hide the file. */
    private static void checkFileName(String name) throws VireoError {
        if (name.isEmpty() || name.contains("/") || name.startsWith(".") || name.contains("\0")) {
            throw VireoError.invalidDefinition("domain name '" + name
                    + "' is not allowed: it must be non-empty, must not contain '/' and must not start with '.'");
        }
    }

    /**
     * The name of a domain being defined or created: besides being a file name, it must not read as
     * an id or a UUID, which a domain argument resolves first (it could never be named reliably).
     * Domains stored earlier under such a name still load and are found by name when nothing else
     * claims it.
     */
    public static void checkNewName(String name) throws VireoError {
        checkFileName(name);
        if (ALL_DIGITS.matcher(name).matches() || UUID_SHAPE.matcher(name).matches()) {
            throw VireoError.invalidDefinition("domain name '" + name + "' is not allowed: a name of digits only"
                    + " or shaped like a UUID would be taken for a running domain's id or another domain's UUID");
        }
    }

    private static String canonicalUuid(String key) {
        String hex = key.replace("-", "").toLowerCase();
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
