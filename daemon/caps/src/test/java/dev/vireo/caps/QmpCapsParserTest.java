package dev.vireo.caps;

import dev.vireo.conf.MachineTypes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Parses the replies recorded from the installed QEMU 7.2.22 (see src/test/resources/qmp/record). */
class QmpCapsParserTest {

    private static QmpCapsParser.Result result;

    @BeforeAll
    static void parseRecording() throws Exception {
        result = QmpCapsParser.parse(RecordedQmp.load("qemu-7.2.22"));
    }

    @Test
    void versionComesFromQueryVersion() {
        assertEquals(7_002_022, result.version());
    }

    @Test
    void machineTypesWithAliasesAndTheDefault() {
        List<MachineTypes.Machine> machines = result.details().machines();
        MachineTypes.Machine pc = machines.stream().filter(m -> m.name().equals("pc-i440fx-7.2")).findFirst().orElseThrow();
        assertEquals(new MachineTypes.Machine("pc-i440fx-7.2", "pc", true, 255, false), pc);
        MachineTypes.Machine q35 = machines.stream().filter(m -> "q35".equals(m.alias())).findFirst().orElseThrow();
        assertEquals(new MachineTypes.Machine("pc-q35-7.2", "q35", false, 288, false), q35);
        assertEquals(1, machines.stream().filter(MachineTypes.Machine::isDefault).count(), "one default");
        assertTrue(machines.stream().anyMatch(m -> m.name().equals("pc-i440fx-1.4") && m.deprecated()),
                "QEMU 7.2 deprecates the 1.x machine types");
        assertEquals(machines.stream().map(MachineTypes.Machine::name).sorted().toList(),
                machines.stream().map(MachineTypes.Machine::name).toList(), "sorted by name, not in QEMU's hash order");
    }

    @Test
    void devicesAndTheProbedProperties() {
        EmulatorDetails d = result.details();
        assertTrue(d.devices().containsAll(List.of("virtio-blk-pci", "qemu-xhci", "pcie-root-port", "virtio-vga", "ide-cd")));
        assertFalse(d.devices().contains("virtio-pci"), "abstract types are not devices one can add");
        assertTrue(d.deviceProperties().get("virtio-blk-pci").containsAll(List.of("drive", "bootindex", "num-queues", "discard")));
        assertTrue(d.deviceProperties().get("PIIX4_PM").contains("disable_s3"));
        assertTrue(d.deviceProperties().get("ICH9-LPC").contains("disable_s3"));
        assertFalse(d.deviceProperties().containsKey("e1000"), "only the devices that matter are asked");
    }

    @Test
    void cpuModelsPerAcceleratorWithTheirBlockers() {
        List<CpuModel> tcg = result.details().cpuModels().stream().filter(c -> c.accel().equals("tcg")).toList();
        List<CpuModel> kvm = result.details().cpuModels().stream().filter(c -> c.accel().equals("kvm")).toList();
        assertFalse(tcg.isEmpty());
        assertEquals(tcg.size(), kvm.size(), "the same models under both accelerators");
        CpuModel skylakeTcg = tcg.stream().filter(c -> c.name().equals("Skylake-Client")).findFirst().orElseThrow();
        assertFalse(skylakeTcg.usable());
        assertTrue(skylakeTcg.blockers().contains("hle"), "TCG does not emulate TSX: " + skylakeTcg.blockers());
        assertFalse(skylakeTcg.blockers().contains("avx2"), "TCG of QEMU 7.2 emulates AVX2");
        assertTrue(tcg.stream().filter(c -> c.name().equals("qemu64")).findFirst().orElseThrow().usable());
        // under this host's (nested) KVM the recording says otherwise: the blockers are per accelerator
        CpuModel skylakeKvm = kvm.stream().filter(c -> c.name().equals("Skylake-Client")).findFirst().orElseThrow();
        assertTrue(skylakeKvm.blockers().contains("avx2"), skylakeKvm.blockers().toString());
    }

    @Test
    void acceleratorsAreTcgAndKvmWhenKvmAnswered() {
        assertEquals(List.of("tcg", "kvm"), List.copyOf(result.details().accelerators()));
    }

    @Test
    void flagsOnlyQmpTells() {
        for (Capability c : List.of(Capability.BLOCKDEV_REOPEN, Capability.INCREMENTAL_BACKUP,
                Capability.TRANSACTION, Capability.BLOCK_COMMIT, Capability.DRIVE_MIRROR, Capability.ADD_FD,
                Capability.NBD_SERVER, Capability.BLOCK_EXPORT_ADD, Capability.QUERY_CPU_DEFINITIONS,
                Capability.CPU_MAX, Capability.TCG, Capability.TPM_EMULATOR, Capability.SYSTEM_WAKEUP)) {
            assertTrue(result.flags().contains(c), c + " for QEMU 7.2");
        }
        assertTrue(QmpCapsParser.flagsItCanSet().containsAll(result.flags()));
        assertFalse(result.flags().contains(Capability.BLOCKDEV), "blockdev is the help parser's (one definition)");
    }

    @Test
    void theHelpEraDeviceRulesReadTheQmpCatalogLikeAListingAndModernDevicesAddTheirFlags() {
        var flags = DeviceRules.derive(result.devices(), java.util.Set.of());
        assertTrue(result.flags().containsAll(List.of(Capability.QEMU_XHCI, Capability.PCIE_ROOT_PORT, Capability.VIRTIO_VGA)));
        for (Capability c : List.of(Capability.VIRTIO_BLK_PCI_SCSI, Capability.BOOT_INDEX, Capability.DISABLE_S3, Capability.SCSI_DISK_WWN)) {
            assertTrue(flags.contains(c), c.flagName());
        }
    }

    @Test
    void withoutKvmRepliesOnlyTcgIsAnAccelerator() throws Exception {
        QmpReplies r = RecordedQmp.load("qemu-7.2.22");
        QmpReplies tcgOnly = new QmpReplies(r.version(), r.machines(), r.kvm(), r.deviceTypes(), r.acceleratorTypes(),
                r.deviceProperties(), Map.of("tcg", r.cpuDefinitions().get("tcg")), r.commands(), r.tpmTypes());
        EmulatorDetails d = QmpCapsParser.parse(tcgOnly).details();
        assertEquals(List.of("tcg"), List.copyOf(d.accelerators()));
        assertTrue(d.cpuModels().stream().allMatch(c -> c.accel().equals("tcg")));
    }

    @Test
    void aHostModelCpuIsKeptOnlyForAnAcceleratorThatRuns() throws Exception {
        QmpReplies r = RecordedQmp.load("qemu-7.2.22");
        ObjectMapper json = new ObjectMapper();
        QmpReplies.HostCpuReplies replies = new QmpReplies.HostCpuReplies(
                json.readTree("{\"model\":{\"name\":\"max\",\"props\":{\"vendor\":\"AuthenticAMD\",\"sse2\":true,\"aes\":true}}}"),
                Map.of("qemu64", json.readTree("{\"model\":{\"name\":\"base\",\"props\":{\"vendor\":\"AuthenticAMD\","
                        + "\"sse2\":true,\"aes\":false}}}")));
        QmpReplies withHostCpus = new QmpReplies(r.version(), r.machines(), r.kvm(), r.deviceTypes(), r.acceleratorTypes(),
                r.deviceProperties(), Map.of("tcg", r.cpuDefinitions().get("tcg")), r.commands(), r.tpmTypes(),
                Map.of("tcg", replies, "kvm", replies));
        EmulatorDetails d = QmpCapsParser.parse(withHostCpus).details();
        assertEquals(List.of(new HostCpu("tcg", "qemu64", "AMD", List.of(new HostCpu.Feature("aes", true)))), d.hostCpus(),
                "KVM's replies without KVM among the accelerators are dropped");
    }

    @Test
    void aVersionReplyWithoutNumbersIsRefused() throws Exception {
        QmpReplies r = RecordedQmp.load("qemu-7.2.22");
        QmpReplies broken = new QmpReplies(new ObjectMapper().readTree("{\"package\":\"x\"}"), r.machines(), r.kvm(),
                r.deviceTypes(), r.acceleratorTypes(), r.deviceProperties(), r.cpuDefinitions(), r.commands(), r.tpmTypes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QmpCapsParser.parse(broken));
        assertTrue(e.getMessage().startsWith("query-version answered without qemu.major/minor/micro"), e.getMessage());
    }
}
