package dev.vireo.storage;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The bytes a file occupies on disk (qemu-img's "actual-size": st_blocks * 512). The JDK exposes
 * no block count, so this calls stat(2) through the foreign-function API. The offset of st_blocks
 * is 64 in the Linux struct stat of both x86_64 and aarch64; elsewhere the size is reported as
 * unknown rather than read from a wrong offset.
 */
final class AllocatedSize {

    private static final Set<String> KNOWN_LAYOUT_ARCHS = Set.of("amd64", "x86_64", "aarch64");
    private static final long STAT_STRUCT_SIZE = 144;
    private static final long ST_BLOCKS_OFFSET = 64;
    private static final long BLOCK = 512;

    private static final Optional<MethodHandle> STAT = findStat();

    private AllocatedSize() {
    }

    static OptionalLong of(Path path) {
        if (STAT.isEmpty()) {
            return OptionalLong.empty();
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(STAT_STRUCT_SIZE, 8);
            int rc = (int) STAT.get().invokeExact(arena.allocateFrom(path.toString()), buffer);
            return rc == 0 ? OptionalLong.of(buffer.get(ValueLayout.JAVA_LONG, ST_BLOCKS_OFFSET) * BLOCK)
                    : OptionalLong.empty();
        } catch (Throwable e) {
            throw new IllegalStateException("stat(" + path + ") could not be called", e);
        }
    }

    private static Optional<MethodHandle> findStat() {
        boolean linux = System.getProperty("os.name").equals("Linux");
        if (!linux || !KNOWN_LAYOUT_ARCHS.contains(System.getProperty("os.arch"))) {
            return Optional.empty();
        }
        Linker linker = Linker.nativeLinker();
        return linker.defaultLookup().find("stat").map(address -> linker.downcallHandle(address,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS)));
    }
}
