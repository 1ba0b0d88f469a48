package dev.vireo.conf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vireo.conf.XmlProblem;
import dev.vireo.conf.XmlProblemsException;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ValidatedReadTest {

    static final String MINIMAL = """
            <domain type='kvm'>
              <name>guest</name>
              <memory unit='KiB'>1048576</memory>
              <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>
              <devices>
                <disk type='file' device='disk'>
                  <source file='/var/lib/vireo/a.img'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
              </devices>
            </domain>
            """;

    /** Reads the whole document the way a consumer would, then returns the problems. */
    static List<XmlProblem> problemsOf(String xml) throws XmlProblemsException, XMLStreamException {
        try (ValidatedRead read = ValidatedRead.open(xml, SchemaKind.DOMAIN)) {
            XMLStreamReader r = read.reader();
            while (r.hasNext()) r.next();
            return read.problems();
        }
    }

    /** Schemas compile on first use; a broken one must fail the build, not a user's document. */
    @ParameterizedTest
    @EnumSource(SchemaKind.class)
    void everySchemaCompiles(SchemaKind kind) {
        assertNotNull(CompiledSchemas.of(kind).schema());
    }

    @Test
    void validDocumentHasNoProblems() throws Exception {
        assertEquals(List.of(), problemsOf(MINIMAL));
    }

    @Test
    void readerStartsOnTheRootElement() throws Exception {
        try (ValidatedRead read = ValidatedRead.open("<?xml version='1.0'?>\n<!-- c -->\n" + MINIMAL, SchemaKind.DOMAIN)) {
            assertEquals(XMLStreamConstants.START_ELEMENT, read.reader().getEventType());
            assertEquals("domain", read.reader().getLocalName());
        }
    }

    @Test
    void problemsReadTheRestWhenTheConsumerStoppedEarly() throws Exception {
        String bad = MINIMAL.replace("bus='virtio'", "bus='floppy'");
        try (ValidatedRead read = ValidatedRead.open(bad, SchemaKind.DOMAIN)) {
            List<XmlProblem> problems = read.problems();
            assertEquals(1, problems.size(), problems.toString());
            assertEquals(8, problems.getFirst().line());
            assertEquals("/domain/devices/disk/target", problems.getFirst().path());
        }
    }

    @Test
    void missingRequiredElementIsReportedAtTheParent() throws Exception {
        List<XmlProblem> problems = problemsOf(MINIMAL.replace("<memory unit='KiB'>1048576</memory>", ""));
        assertEquals(1, problems.size(), problems.toString());
        XmlProblem p = problems.getFirst();
        assertEquals(1, p.line());
        assertEquals(1, p.column());
        assertEquals("missing required element <memory> in /domain", p.message());
    }

    @Test
    void badEnumeratedValueNamesTheValueAndTheChoices() throws Exception {
        List<XmlProblem> problems = problemsOf(MINIMAL.replace("<target dev='vda' bus='virtio'/>",
                "<target dev='vda' bus='virtio'/><driver name='qemu' cache='fast'/>"));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("line 8:39: /domain/devices/disk/driver: attribute 'cache' of <driver> has a bad value 'fast';"
                + " allowed: default, none, writethrough, writeback, directsync, unsafe", problems.getFirst().toString());
    }

    @Test
    void siblingIndexesAppearOnlyWhenThereAreSeveral() throws Exception {
        String twoDisks = MINIMAL.replace("</devices>", """
                  <disk type='file'><source file='/b.img'/><target dev='vdb' io='fast'/></disk>
                  </devices>""");
        List<XmlProblem> problems = problemsOf(twoDisks);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("/domain/devices/disk[2]/target", problems.getFirst().path());
        assertTrue(problems.getFirst().message().contains("unexpected attribute 'io' on <target>; allowed: dev, bus, tray"),
                problems.getFirst().message());
    }

    @Test
    void notWellFormedInTheBodyIsAProblemAndTheReaderThrows() throws Exception {
        String broken = MINIMAL.replace("</devices>", "</device>");
        try (ValidatedRead read = ValidatedRead.open(broken, SchemaKind.DOMAIN)) {
            XMLStreamReader r = read.reader();
            boolean threw = false;
            try {
                while (r.hasNext()) r.next();
            } catch (XMLStreamException expected) {
                threw = true;
            }
            assertTrue(threw);
            XmlProblem last = read.problems().getLast();
            assertEquals(10, last.line());
            assertTrue(last.message().startsWith("not well-formed XML: "), last.message());
        }
    }

    /** Schemas, index and input factory are shared: readers on many threads must not mix findings. */
    @Test
    void concurrentReadsKeepTheirOwnProblems() throws Exception {
        String bad = MINIMAL.replace("bus='virtio'", "bus='floppy'");
        List<java.util.concurrent.Callable<Boolean>> jobs = new java.util.ArrayList<>();
        for (int t = 0; t < 8; t++) {
            boolean even = t % 2 == 0;
            jobs.add(() -> {
                for (int i = 0; i < 200; i++) {
                    List<XmlProblem> p = problemsOf(even ? MINIMAL : bad);
                    if (even != p.isEmpty()) return false;
                    if (!even && !p.getFirst().message().contains("'floppy'")) return false;
                }
                return true;
            });
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (var result : pool.invokeAll(jobs)) assertTrue(result.get());
        }
    }

    @Test
    void notWellFormedPrologIsRefusedAtOpen() {
        XmlProblemsException e = org.junit.jupiter.api.Assertions.assertThrows(XmlProblemsException.class,
                () -> ValidatedRead.open("<domain type='kvm'", SchemaKind.DOMAIN));
        assertTrue(e.problems().getFirst().message().startsWith("not well-formed XML"), e.getMessage());
    }
}
