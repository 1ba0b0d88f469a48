package dev.vireo.daemon.snapshots;

import dev.vireo.daemon.Log;
import dev.vireo.daemon.domain.AtomicFiles;
import dev.vireo.daemon.errors.VireoError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The snapshot metadata of every domain: one file per snapshot, {@code ROOT/DOMAIN/NAME.xml}
 * (as libvirt keeps {@code /var/lib/libvirt/qemu/snapshot/DOMAIN/NAME.xml}), each replaced
 * atomically. The current snapshot's file says {@code <active>1</active>}; when the current one
 * changes, the new one is written first, so a crash in between leaves two marked and loading
 * takes the newer. Changes happen in the domain's job slot; reads may come from anywhere.
 */
public final class SnapshotStore {
    private static final Comparator<Snapshot> ORDER =
            Comparator.comparingLong(Snapshot::creationTime).thenComparing(Snapshot::name);

    private final Path root;
    private final Map<String, Map<String, Snapshot>> byDomain = new HashMap<>();
    private final Map<String, String> currentByDomain = new HashMap<>();

    private SnapshotStore(Path root) {
        this.root = root;
    }

    /** Reads every domain's snapshots; a file that no longer parses is reported and left alone. */
    public static SnapshotStore load(Path root) throws IOException {
        Files.createDirectories(root);
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        SnapshotStore store = new SnapshotStore(root);
        try (DirectoryStream<Path> domains = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : domains) store.loadDomain(dir.getFileName().toString(), dir);
        }
        return store;
    }

    private void loadDomain(String domain, Path dir) throws IOException {
        List<SnapshotXml.Parsed> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.xml")) {
            for (Path file : files) {
                if (AtomicFiles.isTemp(file)) continue;
                try {
                    SnapshotXml.Parsed p = SnapshotXml.parse(Files.readString(file, StandardCharsets.UTF_8), null, 0);
                    if (!file.getFileName().toString().equals(p.snapshot().name() + ".xml")) {
                        Log.warn("snapshot file " + file + " holds snapshot '" + p.snapshot().name() + "'; skipped", null);
                        continue;
                    }
                    found.add(p);
                } catch (VireoError e) {
                    Log.warn("snapshot file " + file + " does not parse; skipped: " + e.getMessage(), null);
                }
            }
        }
        Map<String, Snapshot> snapshots = new LinkedHashMap<>();
        found.stream().map(SnapshotXml.Parsed::snapshot).sorted(ORDER).forEach(s -> snapshots.put(s.name(), s));
        if (snapshots.isEmpty()) return;
        byDomain.put(domain, snapshots);
        found.stream().filter(SnapshotXml.Parsed::active).map(SnapshotXml.Parsed::snapshot).max(ORDER)
                .ifPresent(s -> currentByDomain.put(domain, s.name()));
    }

    /** The domain's snapshots, oldest first. */
    public synchronized List<Snapshot> list(String domain) {
        return List.copyOf(byDomain.getOrDefault(domain, Map.of()).values());
    }

    public synchronized Optional<Snapshot> get(String domain, String name) {
        return Optional.ofNullable(byDomain.getOrDefault(domain, Map.of()).get(name));
    }

    /** The snapshot the next one will have as its parent, if any. */
    public synchronized Optional<Snapshot> current(String domain) {
        String name = currentByDomain.get(domain);
        return name == null ? Optional.empty() : get(domain, name);
    }

    /** The snapshots whose parent is {@code name}, oldest first. */
    public synchronized List<Snapshot> children(String domain, String name) {
        return list(domain).stream().filter(s -> name.equals(s.parent())).toList();
    }

    /** Every snapshot below {@code name}, children before their own children (so leaves come last). */
    public synchronized List<Snapshot> descendants(String domain, String name) {
        List<Snapshot> out = new ArrayList<>();
        for (Snapshot child : children(domain, name)) {
            out.add(child);
            out.addAll(descendants(domain, child.name()));
        }
        return out;
    }

    /** Stores a new or redefined snapshot; with {@code makeCurrent} it becomes the current one. */
    public synchronized void put(String domain, Snapshot snapshot, boolean makeCurrent) throws VireoError {
        String previous = currentByDomain.get(domain);
        boolean current = makeCurrent || snapshot.name().equals(previous);
        write(domain, snapshot, current);
        byDomain.computeIfAbsent(domain, d -> new LinkedHashMap<>()).put(snapshot.name(), snapshot);
        if (current) currentByDomain.put(domain, snapshot.name());
        if (makeCurrent && previous != null && !previous.equals(snapshot.name())) {
            Snapshot old = byDomain.get(domain).get(previous);
            if (old != null) write(domain, old, false);
        }
    }

    /** Makes {@code name} the current snapshot (null: none). */
    public synchronized void setCurrent(String domain, String name) throws VireoError {
        String previous = currentByDomain.get(domain);
        if (name != null) {
            write(domain, byDomain.get(domain).get(name), true);
            currentByDomain.put(domain, name);
        } else {
            currentByDomain.remove(domain);
        }
        if (previous != null && !previous.equals(name) && byDomain.get(domain).containsKey(previous)) {
            write(domain, byDomain.get(domain).get(previous), false);
        }
    }

    /**
     * Forgets one snapshot: its children take its parent, and when it was current its parent
     * becomes current. The children are rewritten before the file goes.
     */
    public synchronized void remove(String domain, String name) throws VireoError {
        Map<String, Snapshot> snapshots = byDomain.get(domain);
        Snapshot gone = snapshots == null ? null : snapshots.get(name);
        if (gone == null) return;
        boolean wasCurrent = name.equals(currentByDomain.get(domain));
        for (Snapshot child : children(domain, name)) {
            Snapshot moved = child.withParent(gone.parent());
            write(domain, moved, moved.name().equals(currentByDomain.get(domain)));
            snapshots.put(moved.name(), moved);
        }
        if (wasCurrent && gone.parent() != null && snapshots.containsKey(gone.parent())) {
            write(domain, snapshots.get(gone.parent()), true);
            currentByDomain.put(domain, gone.parent());
        } else if (wasCurrent) {
            currentByDomain.remove(domain);
        }
        try {
            AtomicFiles.delete(file(domain, name));
        } catch (IOException e) {
            throw VireoError.failed("cannot remove snapshot metadata " + file(domain, name) + ": " + e.getMessage(), e);
        }
        snapshots.remove(name);
        if (snapshots.isEmpty()) dropFolder(domain);
    }

    /** Forgets every snapshot of a domain (undefine {@code --snapshots-metadata}). */
    public synchronized void removeAll(String domain) throws VireoError {
        for (Snapshot s : list(domain)) {
            try {
                AtomicFiles.delete(file(domain, s.name()));
            } catch (IOException e) {
                throw VireoError.failed("cannot remove snapshot metadata " + file(domain, s.name()) + ": " + e.getMessage(), e);
            }
            byDomain.get(domain).remove(s.name());
        }
        dropFolder(domain);
    }

    private void dropFolder(String domain) {
        byDomain.remove(domain);
        currentByDomain.remove(domain);
        try {
            Files.deleteIfExists(root.resolve(domain));
        } catch (IOException e) {
            Log.warn("cannot remove the empty snapshot folder of " + domain, e);
        }
    }

    private Path file(String domain, String name) {
        return root.resolve(domain).resolve(name + ".xml");
    }

    private void write(String domain, Snapshot s, boolean current) throws VireoError {
        Path file = file(domain, s.name());
        try {
            Path dir = Files.createDirectories(file.getParent());
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            AtomicFiles.write(file, HEADER + SnapshotXml.formatStored(s, current));
        } catch (IOException e) {
            throw VireoError.failed("cannot store snapshot metadata " + file + ": " + e.getMessage(), e);
        }
    }

    private static final String HEADER = """
            <!--
            Written by vireod: the metadata of one disk-only snapshot. Change it with
            "vireo snapshot-create DOMAIN FILE" and its redefine option rather than
            here: vireod keeps its own copy while it runs.
            -->

            """;
}
