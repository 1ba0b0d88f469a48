package dev.vireo.conf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vireo.conf.XmlProblem;
import java.util.List;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

class SnapshotSchemaTest {

    private static List<String> problemsOf(String xml) throws Exception {
        try (ValidatedRead read = ValidatedRead.open(xml, SchemaKind.DOMAIN_SNAPSHOT)) {
            XMLStreamReader r = read.reader();
            while (r.hasNext()) r.next();
            return read.problems().stream().map(XmlProblem::toString).toList();
        }
    }

    @Test
    void diskOnlySnapshotRequestIsAccepted() throws Exception {
        assertEquals(List.of(), problemsOf("""
                <domainsnapshot>
                  <description>before upgrade</description>
                  <name>s1</name>
                  <disks>
                    <disk name='vda'><source file='/images/s1.qcow2'/><driver type='qcow2'/></disk>
                    <disk name='/images/data.img' snapshot='external'/>
                    <disk name='hdc' snapshot='no'/>
                  </disks>
                </domainsnapshot>
                """));
    }

    @Test
    void snapshotAsPrintedWithItsDomainIsAccepted() throws Exception {
        String domain = ValidatedReadTest.MINIMAL;
        assertEquals(List.of(), problemsOf("<domainsnapshot><name>s2</name><state>disk-snapshot</state>"
                + "<parent><name>s1</name></parent><creationTime>1357000000</creationTime>"
                + "<memory snapshot='no'/><active>1</active>" + domain + "</domainsnapshot>"));
        assertEquals(List.of(), problemsOf("<domainsnapshot><name>old</name>"
                + "<domain><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid></domain></domainsnapshot>"));
    }

    @Test
    void mistakesAreLocatedAndExplained() throws Exception {
        assertEquals(List.of(
                "line 2:10: /domainsnapshot/state: element <state> has a bad value 'frozen'; allowed: nostate, running,"
                        + " blocked, paused, shutdown, shutoff, crashed, pmsuspended, disk-snapshot",
                "line 3:10: /domainsnapshot/disks/disk: missing required attribute 'name' on <disk>"),
                problemsOf("""
                        <domainsnapshot>
                          <state>frozen</state>
                          <disks><disk snapshot='internal'/></disks>
                        </domainsnapshot>
                        """));
    }

    @Test
    void aDomainDocumentIsNotASnapshot() throws Exception {
        assertEquals(List.of("line 1:1: /domain: the root element must be <domainsnapshot>, not <domain>"),
                problemsOf(ValidatedReadTest.MINIMAL));
    }
}
