package dev.vireo.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Vireo's version, as built (from the Maven project version). */
public final class Version {
    public static final String VALUE = load();

    private Version() {
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            // getResourceAsStream answers a missing resource with null, not an exception
            if (in == null) throw new IllegalStateException("version.properties is missing from vireo-protocol");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version").replace("-SNAPSHOT", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties of vireo-protocol", e);
        }
    }
}
