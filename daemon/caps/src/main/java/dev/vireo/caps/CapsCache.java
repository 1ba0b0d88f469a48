package dev.vireo.caps;

import dev.vireo.conf.XmlProblemsException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Probed capabilities per emulator binary, kept in memory and in a directory (the daemon's
 * {@code STATE/caps/}) so that a daemon restart does not probe again.
 *
 * <p>An entry is valid for one {@link BinaryStamp} (path, size, modification time), one build of
 * the probing code and one set of host firmware descriptors ({@link CapsProber#hostStamp()}): a
 * replaced binary, a Vireo whose probing rules changed, or an updated firmware package is probed
 * afresh. Results are reported under the path the caller used, whatever spelling probed them first. On
 * disk each binary has one file, {@code <hash of path>-<hash of stamp and code>.xml}, holding the
 * {@code <qemuCaps>} document; a newer probe of the same path replaces the older file.
 *
 * <p>Thread-safe. Concurrent requests for one binary share one probe; a failed probe is not
 * remembered, so the next request tries again.
 */
public final class CapsCache {

    private static final System.Logger LOG = System.getLogger(CapsCache.class.getName());

    private record Entry(BinaryStamp stamp, String hostStamp, CompletableFuture<QemuCaps> caps) {
    }

    private final Path directory;
    private final CapsProber prober;
    private final String codeStamp;
    private final Map<Path, Entry> memory = new ConcurrentHashMap<>();

    /** @param directory where probe results persist; created when missing */
    public CapsCache(Path directory, CapsProber prober) throws IOException {
        this.directory = directory;
        this.prober = prober;
        this.codeStamp = probingCodeStamp();
        Files.createDirectories(directory);
    }

    private CapsCache(CapsProber prober) {
        this.directory = null;
        this.prober = prober;
        this.codeStamp = "";
    }

    /** A cache that keeps its results in memory only (tools and tests without a state directory). */
    public static CapsCache inMemory(CapsProber prober) {
        return new CapsCache(prober);
    }

    /** The capabilities of {@code binary}, probing it only if no valid result is known. */
    public QemuCaps get(Path binary) throws ProbeException {
        BinaryStamp stamp = BinaryStamp.of(binary);
        String hostStamp = prober.hostStamp();
        while (true) {
            Entry known = memory.get(stamp.path());
            if (known != null && known.stamp().equals(stamp) && known.hostStamp().equals(hostStamp)) {
                return await(known.caps()).at(binary.toString());
            }
            Entry mine = new Entry(stamp, hostStamp, new CompletableFuture<>());
            boolean claimed = known == null
                    ? memory.putIfAbsent(stamp.path(), mine) == null
                    : memory.replace(stamp.path(), known, mine);
            if (!claimed) continue; // another thread got there first: use (or replace) its entry
            try {
                QemuCaps caps = loadOrProbe(stamp, hostStamp);
                mine.caps().complete(caps);
                return caps.at(binary.toString());
            } catch (ProbeException | RuntimeException e) {
                memory.remove(stamp.path(), mine);
                mine.caps().completeExceptionally(e);
                throw e;
            }
        }
    }

    private QemuCaps loadOrProbe(BinaryStamp stamp, String hostStamp) throws ProbeException {
        if (directory == null) return prober.probe(stamp.path());
        Path file = directory.resolve(fileName(stamp, hostStamp));
        if (Files.isRegularFile(file)) {
            try {
                QemuCaps stored = QemuCapsXml.read(file);
                if (stored.emulator().equals(stamp.path().toString())) return stored;
            } catch (IOException | XmlProblemsException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring unreadable capabilities cache " + file + ": " + e.getMessage());
            }
        }
        QemuCaps caps = prober.probe(stamp.path());
        store(stamp, file, caps);
        return caps;
    }

    /** Best effort: a cache that cannot be written costs a probe after the next restart, nothing more. */
    private void store(BinaryStamp stamp, Path file, QemuCaps caps) {
        try {
            Path temp = Files.createTempFile(directory, ".caps-", ".tmp");
            Files.writeString(temp, QemuCapsXml.format(caps), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            removeOlderFiles(stamp, file);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write capabilities cache " + file + ": " + e.getMessage());
        }
    }

    private void removeOlderFiles(BinaryStamp stamp, Path current) throws IOException {
        try (DirectoryStream<Path> same = Files.newDirectoryStream(directory, pathHash(stamp) + "-*.xml")) {
            for (Path old : same) if (!old.equals(current)) Files.deleteIfExists(old);
        }
    }

    private String fileName(BinaryStamp stamp, String hostStamp) {
        return pathHash(stamp) + "-" + sha256(stamp.size() + "/" + stamp.modifiedNanos() + "/" + codeStamp + "/" + hostStamp)
                .substring(0, 16) + ".xml";
    }

    private static String pathHash(BinaryStamp stamp) {
        return sha256(stamp.path().toString()).substring(0, 32);
    }

    private static QemuCaps await(CompletableFuture<QemuCaps> caps) throws ProbeException {
        try {
            return caps.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException("interrupted while waiting for an emulator probe", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProbeException p) throw new ProbeException(p.getMessage(), p);
            throw new ProbeException("emulator probe failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Size and modification time of the jar (or class folder) holding the probing rules, like
     * libvirt keying its cache on the daemon binary: new rules must not read old results.
     */
    private static String probingCodeStamp() throws IOException {
        CodeSource source = CapsProber.class.getProtectionDomain().getCodeSource();
        if (source == null) throw new IOException("cannot locate the capability probing code to stamp the cache");
        try {
            Path code = Path.of(source.getLocation().toURI());
            return Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the capability probing code to stamp the cache: " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
