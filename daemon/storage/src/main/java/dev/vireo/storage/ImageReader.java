package dev.vireo.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Reads one format's header. The caller has already decided that the file is in this format. */
interface ImageReader {

    /**
     * @param path    the image, used in messages only
     * @param channel the image opened for reading; only positional reads are made
     */
    ImageHeader read(Path path, FileChannel channel) throws StorageException, IOException;
}
