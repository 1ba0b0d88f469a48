package dev.vireo.xmltests.corpus;

import dev.vireo.caps.MachineTypesProbe;
import dev.vireo.conf.DomainXml;
import dev.vireo.conf.FormatMode;
import dev.vireo.conf.XmlProblemsException;
import dev.vireo.xmltests.corpus.Libvirt9Corpus.Outcome;
import dev.vireo.xmltests.corpus.Libvirt9Corpus.Stage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how much of the libvirt 9 corpus Vireo accepts: one line per document (the stage it stops
 * at and why), then the acceptance rates, then how long validate + bind + defaults of the largest
 * document take in the daemon's code. Run through {@code scripts/xml-corpus-report}; asserts nothing.
 *
 * <p>Arguments: {@code [timing seconds, default 5]} (0 leaves the timing out).
 */
public final class CorpusReport {

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        MachineTypesProbe probe = new MachineTypesProbe();
        Libvirt9Corpus corpus = new Libvirt9Corpus(probe);
        List<Outcome> outcomes = new ArrayList<>();
        for (String doc : Libvirt9Corpus.documents()) {
            Outcome o = corpus.evaluate(doc);
            outcomes.add(o);
            String detail = o.detail().length() > 150 ? o.detail().substring(0, 147) + "..." : o.detail();
            System.out.printf("%-44s %-9s %s%n", doc, o.failedAt() != Stage.OK ? o.failedAt().word() : o.libvirtRefuses() ? "refused" : "ok", detail);
        }
        List<Outcome> refused = outcomes.stream().filter(Outcome::libvirtRefuses).toList();
        outcomes = outcomes.stream().filter(o -> !o.libvirtRefuses()).toList();
        int n = outcomes.size();
        System.out.println();
        System.out.printf("documents libvirt 9.0 defines: %d (%d inputs, %d libvirt 9.0 stored forms)%n", n,
                outcomes.stream().filter(o -> !o.document().endsWith(".libvirt.xml")).count(),
                outcomes.stream().filter(o -> o.document().endsWith(".libvirt.xml")).count());
        rate("schema accepts", outcomes, Stage.SCHEMA);
        rate("validate/define accepted", outcomes, Stage.DEFINE);
        rate("dumpxml equals libvirt 9.0's", outcomes, Stage.DUMPXML);
        rate("round trip of own output exact", outcomes, Stage.ROUNDTRIP);
        System.out.printf("documents libvirt 9.0 refuses: %d%n", refused.size());
        if (!refused.isEmpty()) rate("refused by Vireo too", refused, Stage.DEFINE);
        if (seconds > 0) timing(seconds);
    }

    private static void rate(String what, List<Outcome> outcomes, Stage stage) {
        long passed = outcomes.stream().filter(o -> o.passed(stage)).count();
        System.out.printf("%-32s %3d/%d  %5.1f%%%n", what + ":", passed, outcomes.size(), 100.0 * passed / outcomes.size());
    }

    /** Validate + bind + defaults + checks of the largest stored form, in one thread after warm-up. */
    private static void timing(double seconds) throws Exception {
        String doc = "big-200-lines.libvirt.xml";
        String xml = Files.readString(Libvirt9Corpus.DIR.resolve(doc));
        MachineTypesProbe probe = new MachineTypesProbe();
        String result = "accepted";
        try {
            DomainXml.parse(xml, FormatMode.INACTIVE, probe);
        } catch (XmlProblemsException e) {
            result = "refused (" + e.problems().size() + " problems; the time is that of finding them)";
        }
        long lines = xml.lines().count();
        run(xml, probe, (long) (seconds * 1e9)); // warm-up
        long[] r = run(xml, probe, (long) (seconds * 1e9));
        System.out.printf("%ntiming: %s (%d lines, %d bytes), %s%n", doc, lines, xml.length(), result);
        System.out.printf("  daemon validate+bind+defaults+checks: %.1f us per document (%d runs in %.1f s, one thread, warm JVM)%n",
                r[1] / 1e3 / r[0], r[0], r[1] / 1e9);
    }

    private static long[] run(String xml, MachineTypesProbe probe, long nanos) {
        long start = System.nanoTime();
        long count = 0;
        long sink = 0;
        while (System.nanoTime() - start < nanos) {
            try {
                sink += DomainXml.parse(xml, FormatMode.INACTIVE, probe).getName().length();
            } catch (XmlProblemsException e) {
                sink += e.problems().size();
            }
            count++;
        }
        if (sink == 42) System.out.print("");
        return new long[] {count, System.nanoTime() - start};
    }
}
