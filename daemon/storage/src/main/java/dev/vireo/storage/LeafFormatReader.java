package dev.vireo.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Formats we recognise but do not parse (vdi, vhdx, vpc, ...). None of them has a backing file in
 * QEMU, so checking the signature is enough to end a chain on them safely; their size is left
 * unknown rather than guessed.
 */
final class LeafFormatReader implements ImageReader {

    private final ImageFormat format;

    LeafFormatReader(ImageFormat format) {
        if (format.canHaveBacking()) {
            throw new IllegalArgumentException(format + " can have a backing file; it needs a real reader");
        }
        this.format = format;
    }

    @Override
    public ImageHeader read(Path path, FileChannel channel) throws ImageHeaderException, IOException {
        if (FormatDetector.detect(channel).filter(format::equals).isEmpty()) {
            throw new ImageHeaderException(path, format, "magic", "the file does not carry the "
                    + format.qemuName() + " signature");
        }
        return new ImageHeader(format, OptionalLong.empty(), OptionalInt.empty(), Optional.empty(), false,
                Optional.empty());
    }
}
