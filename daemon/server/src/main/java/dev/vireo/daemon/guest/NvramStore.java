package dev.vireo.daemon.guest;

import dev.vireo.conf.model.Domain;
import dev.vireo.conf.model.FirmwareType;
import dev.vireo.conf.model.LoaderType;
import dev.vireo.conf.model.Os;
import dev.vireo.conf.model.OsNvram;
import dev.vireo.daemon.config.QemuIdentity;
import dev.vireo.daemon.errors.VireoError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * The UEFI variable stores of the domains ({@code <nvram>}): one file per domain,
 * {@code STATE/nvram/NAME_VARS.fd} unless the definition names another, created from its template at
 * the first start, removed when the definition is.
 *
 * <p>The daemon creates a store only in its own folder, and copies only a template that anyone may
 * read (firmware packages install them 0644): a definition cannot make it write a file elsewhere, or
 * hand a guest the copy of a private file as its flash.
 */
public final class NvramStore {

    /** OVMF's stores are 128 KiB to 4 MiB; a larger template is not one. */
    private static final long MAX_TEMPLATE_BYTES = 64L * 1024 * 1024;

    private final Path folder;
    private final Optional<QemuIdentity> qemu;

    /**
     * @param folder the daemon's folder for the stores (it exists)
     * @param qemu   who QEMU runs as, when not the daemon's user: it owns the stores it opens
     */
    public NvramStore(Path folder, Optional<QemuIdentity> qemu) {
        this.folder = folder.toAbsolutePath();
        this.qemu = qemu;
    }

    /** The store of a domain that names none. */
    public Path defaultPath(String name) {
        return folder.resolve(name + "_VARS.fd");
    }

    /**
     * For a domain whose firmware is flash ({@code <loader type='pflash'>}): names the store in the
     * live definition when it names none, and creates the file from the template when it does not
     * exist yet. The file appears whole or not at all (copied beside it, then renamed).
     *
     * @throws VireoError naming the store and what is missing; nothing is created then
     */
    public void prepare(Domain live, String name) throws VireoError {
        Os os = live.getOs();
        if (os == null || os.getLoader() == null || os.getLoader().getType() != LoaderType.PFLASH) return;
        OsNvram nvram = os.getNvram();
        if (nvram == null) {
            nvram = new OsNvram();
            os.setNvram(nvram);
        }
        if (nvram.getPath() == null || nvram.getPath().isBlank()) nvram.setPath(defaultPath(name).toString());
        Path store = Path.of(nvram.getPath());
        if (Files.exists(store, LinkOption.NOFOLLOW_LINKS)) return;
        if (!ours(store)) {
            throw VireoError.failed("<nvram>: the variable store " + store + " does not exist; the daemon creates "
                    + "stores only in " + folder + " (leave the path out to get " + defaultPath(name) + ")");
        }
        if (nvram.getTemplate() == null) {
            throw VireoError.failed("<nvram>: the variable store " + store + " does not exist and no template names "
                    + "what to start it from: add <nvram template='...'> (e.g. /usr/share/OVMF/OVMF_VARS_4M.fd)");
        }
        create(store, Path.of(nvram.getTemplate()));
    }

    /**
     * The store of a flash-firmware domain ({@code <loader type='pflash'>}, or {@code firmware='efi'},
     * which becomes one at start) when the file exists: what undefine asks about.
     */
    public Optional<Path> existing(Domain definition, String name) {
        Os os = definition.getOs();
        boolean flash = os != null && (os.getFirmware() == FirmwareType.EFI
                || os.getLoader() != null && os.getLoader().getType() == LoaderType.PFLASH);
        if (!flash) return Optional.empty();
        Path store = storeOf(definition, name);
        return Files.exists(store, LinkOption.NOFOLLOW_LINKS) ? Optional.of(store) : Optional.empty();
    }

    /** Removes the domain's store when it is the daemon's own (at undefine); quiet when there is none. */
    public void remove(Domain definition, String name) throws VireoError {
        Path store = storeOf(definition, name);
        if (!ours(store)) return;
        try {
            Files.deleteIfExists(store);
        } catch (IOException e) {
            throw VireoError.failed("cannot remove the variable store " + store + ": " + e.getMessage(), e);
        }
    }

    private Path storeOf(Domain definition, String name) {
        Os os = definition.getOs();
        String named = os == null || os.getNvram() == null ? null : os.getNvram().getPath();
        return named == null || named.isBlank() ? defaultPath(name) : Path.of(named);
    }

    /** Whether the daemon owns this store: a file directly in its folder. */
    public boolean ours(Path store) {
        Path p = store.toAbsolutePath().normalize();
        return folder.equals(p.getParent());
    }

    private void create(Path store, Path template) throws VireoError {
        try {
            if (!Files.isRegularFile(template)) {
                throw VireoError.failed("<nvram template='" + template + "'>: not a regular file");
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(template);
            if (!perms.contains(PosixFilePermission.OTHERS_READ)) {
                throw VireoError.failed("<nvram template='" + template + "'>: a template must be readable by anyone "
                        + "(firmware packages install them so); this one is not, so it may hold something private");
            }
            if (Files.size(template) > MAX_TEMPLATE_BYTES) {
                throw VireoError.failed("<nvram template='" + template + "'>: larger than " + MAX_TEMPLATE_BYTES
                        + " bytes, not a variable store");
            }
            Path partial = store.resolveSibling("." + store.getFileName() + ".partial");
            try (InputStream in = Files.newInputStream(template);
                 FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         StandardOpenOption.TRUNCATE_EXISTING)) {
                Files.setPosixFilePermissions(partial, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
                in.transferTo(java.nio.channels.Channels.newOutputStream(out));
                out.force(true);
            }
            if (qemu.isPresent()) {
                Files.setAttribute(partial, "unix:uid", qemu.get().uid());
                Files.setAttribute(partial, "unix:gid", qemu.get().gid());
            }
            Files.move(partial, store, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw VireoError.failed("cannot create the variable store " + store + " from " + template + ": "
                    + e.getMessage(), e);
        }
    }
}
