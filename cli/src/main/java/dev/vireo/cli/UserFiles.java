package dev.vireo.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Files the user names on the command line (domain XML, capabilities). */
final class UserFiles {
    private UserFiles() {
    }

    /** The file read whole; the message says which file and why it failed. */
    static String read(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IOException("failed to read '" + file + "': no such file");
        } catch (MalformedInputException e) {
            throw new IOException("failed to read '" + file + "': not UTF-8 text");
        } catch (IOException e) {
            throw new IOException("failed to read '" + file + "': " + e.getMessage());
        }
    }
}
