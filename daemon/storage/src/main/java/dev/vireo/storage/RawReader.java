package dev.vireo.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A raw image has no header: its size is the file's size and it never has a backing file,
 * whatever its content looks like.
 */
final class RawReader implements ImageReader {

    @Override
    public ImageHeader read(Path path, FileChannel channel) throws IOException {
        return new ImageHeader(ImageFormat.RAW, OptionalLong.of(channel.size()), OptionalInt.empty(),
                Optional.empty(), false, Optional.empty());
    }
}
