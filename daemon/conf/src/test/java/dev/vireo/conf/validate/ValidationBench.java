package dev.vireo.conf.validate;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * Validation cost on one thread: the first open (schema compile, cold JVM), then documents per
 * second for a plain Woodstox read and for a full {@link ValidatedRead} pass, alternated so that
 * load from other processes hits both alike. Prints figures, asserts nothing. Run from the
 * repository root:
 * <pre>
 * mvn -B -q -pl daemon/conf -am install -DskipTests
 * mvn -B -q -pl daemon/conf test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/vireo-cp
 * java -cp "$(cat /tmp/vireo-cp):daemon/conf/target/classes:daemon/conf/target/test-classes" dev.vireo.conf.validate.ValidationBench
 * </pre>
 */
public final class ValidationBench {
    private static final String DOMAIN = """
            <domain type='kvm'>
              <name>guest1</name>
              <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
              <memory unit='KiB'>1048576</memory>
              <currentMemory unit='KiB'>1048576</currentMemory>
              <vcpu placement='static'>2</vcpu>
              <os>
                <type arch='x86_64' machine='pc'>hvm</type>
                <boot dev='hd'/>
              </os>
              <clock offset='utc'/>
              <on_poweroff>destroy</on_poweroff>
              <on_reboot>restart</on_reboot>
              <on_crash>destroy</on_crash>
              <devices>
                <emulator>/usr/bin/qemu-system-x86_64</emulator>
                <disk type='file' device='disk'>
                  <driver name='qemu' type='qcow2' cache='none'/>
                  <source file='/var/lib/vireo/images/guest1.qcow2'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <disk type='file' device='cdrom'>
                  <source file='/var/lib/vireo/images/install.iso'/>
                  <target dev='hdc' bus='ide'/>
                  <readonly/>
                </disk>
                <interface type='network'>
                  <mac address='52:54:00:12:34:56'/>
                  <source network='default'/>
                  <model type='virtio'/>
                </interface>
                <graphics type='vnc' port='-1' autoport='yes'/>
                <controller type='usb' index='0'>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x2'/>
                </controller>
                <controller type='ide' index='0'>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x1'/>
                </controller>
                <controller type='virtio-serial' index='0'>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x06' function='0x0'/>
                </controller>
                <serial type='pty'>
                  <target port='0'/>
                </serial>
                <console type='pty'>
                  <target type='serial' port='0'/>
                </console>
                <channel type='unix'>
                  <source mode='bind' path='/var/lib/vireo/channel/target/guest1.org.qemu.guest_agent.0'/>
                  <target type='virtio' name='org.qemu.guest_agent.0'/>
                  <address type='virtio-serial' controller='0' bus='0' port='1'/>
                </channel>
                <input type='tablet' bus='usb'/>
                <input type='mouse' bus='ps2'/>
                <video>
                  <model type='cirrus' vram='9216' heads='1'/>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>
                </video>
                <memballoon model='virtio'>
                  <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>
                </memballoon>
              </devices>
            </domain>
            """;

    private ValidationBench() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        readValidated();
        System.out.printf("first ValidatedRead (compiles the schema): %.0f ms%n", (System.nanoTime() - start) / 1e6);
        System.out.printf("document: %d bytes%n", DOMAIN.getBytes(StandardCharsets.UTF_8).length);
        XMLInputFactory2 plain = new com.ctc.wstx.stax.WstxInputFactory();
        double plainMicros = 0;
        double validatedMicros = 0;
        int rounds = 30;
        int perRound = 2000;
        for (int round = 0; round < rounds + 10; round++) {
            double p = micros(perRound, () -> readPlain(plain));
            double v = micros(perRound, ValidationBench::readValidated);
            if (round >= 10) { // the first rounds warm the JIT up
                plainMicros += p / rounds;
                validatedMicros += v / rounds;
            }
        }
        System.out.printf("Woodstox read, no validation: %8.1f us  %,8.0f documents/s%n", plainMicros, 1e6 / plainMicros);
        System.out.printf("ValidatedRead, full pass:     %8.1f us  %,8.0f documents/s%n", validatedMicros, 1e6 / validatedMicros);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double micros(int times, Step step) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < times; i++) step.run();
        return (System.nanoTime() - t0) / 1e3 / times;
    }

    private static void readPlain(XMLInputFactory2 factory) throws XMLStreamException {
        XMLStreamReader r = factory.createXMLStreamReader(new StringReader(DOMAIN));
        while (r.hasNext()) r.next();
    }

    private static void readValidated() throws Exception {
        try (ValidatedRead read = ValidatedRead.open(DOMAIN, SchemaKind.DOMAIN)) {
            XMLStreamReader r = read.reader();
            while (r.hasNext()) r.next();
            if (!read.problems().isEmpty()) throw new IllegalStateException(read.problems().toString());
        }
    }
}
