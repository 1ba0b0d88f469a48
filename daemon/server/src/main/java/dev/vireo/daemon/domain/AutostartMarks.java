package dev.vireo.daemon.domain;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which domains vireod starts when it starts: one empty file per domain in {@code STATE/autostart/}
 * (libvirt keeps symlinks in its {@code autostart/} folder; a plain file says the same).
 */
public final class AutostartMarks {
    private final Path dir;

    public AutostartMarks(Path dir) {
        this.dir = dir;
    }

    public boolean isMarked(String domain) {
        return Files.exists(dir.resolve(domain));
    }

    public void mark(String domain, boolean autostart) throws IOException {
        if (autostart) {
            AtomicFiles.write(dir.resolve(domain), "");
        } else {
            AtomicFiles.delete(dir.resolve(domain));
        }
    }

    public List<String> marked() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (!AtomicFiles.isTemp(f)) names.add(f.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }
}
