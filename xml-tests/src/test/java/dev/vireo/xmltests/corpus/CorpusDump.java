package dev.vireo.xmltests.corpus;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what Vireo stores for each named corpus document (or all) into a folder, as
 * {@code NAME.vireo.xml}, to diff against libvirt 9.0's {@code NAME.libvirt.xml}. A tool for
 * finding the corpus gaps, run through {@code scripts/xml-corpus-report --dump DIR}; asserts nothing.
 */
public final class CorpusDump {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Libvirt9Corpus corpus = new Libvirt9Corpus();
        var docs = args.length > 1 ? java.util.List.of(args).subList(1, args.length) : Libvirt9Corpus.documents();
        for (String doc : docs) {
            String name = Path.of(doc).getFileName().toString().replaceAll("\\.xml$", "");
            try {
                Files.writeString(out.resolve(name + ".vireo.xml"), corpus.define(Files.readString(Libvirt9Corpus.DIR.resolve(doc))));
            } catch (Exception e) {
                Files.writeString(out.resolve(name + ".vireo.xml"), "refused: " + e + "\n");
            }
        }
    }
}
