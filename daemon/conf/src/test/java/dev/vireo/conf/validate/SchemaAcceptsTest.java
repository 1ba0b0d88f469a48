package dev.vireo.conf.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Documents that use every part of the schema, written for Vireo, must validate: each test is
 * one area (disks, other devices, tuning and guest set-up), with elements in an unusual order
 * wherever libvirt lets the order vary.
 */
class SchemaAcceptsTest {

    private static void assertValid(String xml) throws Exception {
        assertEquals(List.of(), ValidatedReadTest.problemsOf(xml));
    }

    private static String domain(String body) {
        return "<domain type='kvm'>\n<name>g</name>\n<memory>524288</memory>\n"
                + "<os><type arch='x86_64' machine='pc-1.2'>hvm</type></os>\n" + body + "</domain>\n";
    }

    @Test
    void everyDiskForm() throws Exception {
        assertValid(domain("""
                <devices>
                  <disk type='file' device='disk' snapshot='external'>
                    <target dev='vda' bus='virtio'/>
                    <source file='/images/a.qcow2' startupPolicy='optional'>
                      <seclabel relabel='no'/>
                    </source>
                    <driver name='qemu' type='qcow2' cache='writethrough' error_policy='enospace'
                            rerror_policy='ignore' io='native' ioeventfd='on' event_idx='off' copy_on_read='on'/>
                    <serial>WD-123_abc.x</serial>
                    <boot order='1'/>
                    <iotune>
                      <write_iops_sec>10</write_iops_sec><total_bytes_sec>5000</total_bytes_sec>
                      <read_bytes_sec>1</read_bytes_sec><write_bytes_sec>2</write_bytes_sec>
                      <total_iops_sec>3</total_iops_sec><read_iops_sec>4</read_iops_sec>
                    </iotune>
                    <blockio logical_block_size='512' physical_block_size='4096'/>
                    <geometry cyls='16383' heads='16' secs='63' trans='lba'/>
                    <encryption format='qcow'>
                      <secret type='passphrase' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f'/>
                    </encryption>
                    <mirror file='/images/copy.img' format='raw' ready='yes'/>
                    <address type='pci' domain='0x0000' bus='0x00' slot='0x1f' function='0x7' multifunction='on'/>
                    <transient/>
                  </disk>
                  <disk type='block' device='lun' rawio='yes' sgio='unfiltered'>
                    <source dev='/dev/sdb'/>
                    <target dev='sda' bus='scsi'/>
                    <shareable/>
                    <wwn>5000c50015ea71ac</wwn>
                    <address type='drive' controller='0' bus='0' target='3' unit='0'/>
                  </disk>
                  <disk type='dir' device='floppy'>
                    <driver name='qemu' type='fat' cache='default'/>
                    <source dir='/var/somefiles'/>
                    <target dev='fda' bus='fdc'/>
                    <readonly/>
                  </disk>
                  <disk type='network' device='disk'>
                    <driver name='qemu' type='raw' cache='unsafe' error_policy='report'/>
                    <auth username='admin'>
                      <secret type='ceph' usage='mycluster_admin'/>
                    </auth>
                    <source protocol='rbd' name='pool/image'>
                      <host name='mon1.example.org' port='6321'/>
                      <host name='2001:db8::1' port='6322'/>
                    </source>
                    <target dev='vdb' bus='virtio'/>
                  </disk>
                  <disk type='network' device='disk'>
                    <source protocol='nbd'><host transport='unix' socket='/run/nbd.sock'/></source>
                    <target dev='vdc'/>
                    <auth username='u'><secret type='iscsi' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f'/></auth>
                  </disk>
                  <disk type='network' device='disk'>
                    <source protocol='gluster' name='Volume/Image'>
                      <host name='example.org' port='6000' transport='rdma'/>
                    </source>
                    <target dev='vdd' bus='virtio'/>
                    <driver cache='directsync' io='threads'/>
                  </disk>
                  <disk type='network'>
                    <source protocol='sheepdog' name='image'/>
                    <target dev='vde'/>
                    <driver name='qemu' type='raw' cache='writeback' error_policy='stop' rerror_policy='report'/>
                  </disk>
                  <disk device='cdrom'>
                    <target dev='hdc' bus='ide' tray='open'/>
                    <readonly/>
                    <driver name='qemu' type='raw' cache='none' error_policy='ignore' rerror_policy='stop'/>
                  </disk>
                  <disk type='file' device='disk'>
                    <source file='/images/top.qcow2'/>
                    <target dev='sdb' bus='usb'/>
                    <alias name='usb-disk1'/>
                    <backingStore type='file' index='1'>
                      <format type='qcow2'/>
                      <source file='/images/base.qcow2'/>
                      <backingStore/>
                    </backingStore>
                  </disk>
                  <disk type='file'><source file='/i/s.img'/><target dev='sdc' bus='sata' tray='closed'/></disk>
                </devices>
                """));
    }

    @Test
    void everyOtherDevice() throws Exception {
        assertValid(domain("""
                <devices>
                  <memballoon model='virtio'><stats period='10'/><address type='pci' slot='5'/></memballoon>
                  <watchdog model='i6300esb' action='poweroff'/>
                  <channel type='pipe'>
                    <source path='/tmp/guestfwd'/>
                    <target type='guestfwd' address='10.0.2.1' port='4600'/>
                  </channel>
                  <channel type='spicevmc'><target type='virtio' name='com.redhat.spice.0'/></channel>
                  <channel type='unix'>
                    <source mode='bind' path='/tmp/agent.sock'/>
                    <target type='virtio' name='org.qemu.guest_agent.0'/>
                    <address type='virtio-serial' controller='0' bus='0' port='1'/>
                  </channel>
                  <console type='pty'><target type='virtio' port='1'/></console>
                  <serial type='udp'>
                    <source mode='bind' host='0.0.0.0' service='9998'/>
                    <source mode='connect' host='127.0.0.1' service='9999'/>
                    <target port='0'/>
                  </serial>
                  <serial type='tcp'>
                    <source mode='bind' host='127.0.0.1' service='9999'/>
                    <protocol type='telnet'/>
                    <target port='1'/>
                  </serial>
                  <serial type='vc'/><serial type='null'/><serial type='stdio'/>
                  <serial type='file'><source path='/tmp/serial.log'/></serial>
                  <parallel type='dev'><source path='/dev/parport0'/><target port='0'/></parallel>
                  <hub type='usb'><address type='usb' bus='0' port='1.2'/></hub>
                  <smartcard mode='passthrough' type='tcp'>
                    <source mode='connect' host='127.0.0.1' service='2001'/>
                    <protocol type='raw'/>
                    <address type='ccid' controller='0' slot='0'/>
                  </smartcard>
                  <smartcard mode='host-certificates'>
                    <certificate>cert1</certificate><certificate>cert2</certificate><certificate>cert3</certificate>
                    <database>/etc/pki/nssdb</database>
                  </smartcard>
                  <smartcard mode='host'/>
                  <redirdev bus='usb' type='spicevmc'><address type='usb' bus='0' port='4'/><boot order='3'/></redirdev>
                  <redirdev bus='usb' type='tcp'><source mode='connect' host='localhost' service='4000'/><protocol type='raw'/></redirdev>
                  <hostdev mode='subsystem' type='usb' managed='no'>
                    <source startupPolicy='optional'><vendor id='0x1234'/><product id='0xbeef'/></source>
                    <boot order='2'/>
                  </hostdev>
                  <hostdev mode='subsystem' type='usb'><source><address bus='14' device='6'/></source></hostdev>
                  <hostdev mode='subsystem' type='pci' managed='yes'>
                    <source><address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source>
                    <rom bar='off'/>
                    <address type='pci' domain='0x0000' bus='0x00' slot='0x07' function='0x0'/>
                  </hostdev>
                  <sound model='ich6'><codec type='micro'/><codec type='duplex'/></sound>
                  <sound model='pcspk'/>
                  <video><model type='qxl' ram='65536' vram='32768' heads='1' primary='yes'><acceleration accel3d='no'/></model></video>
                  <video><model type='cirrus' vram='9216' heads='1'/><address type='pci' slot='0x02'/></video>
                  <graphics type='spice' port='5903' tlsPort='5904' autoport='no' listen='127.0.0.1'
                            passwdValidTo='2011-05-31T16:11:22' connected='disconnect' defaultMode='secure'>
                    <listen type='address' address='127.0.0.1'/>
                    <channel name='main' mode='secure'/>
                    <channel name='inputs' mode='insecure'/>
                    <image compression='auto_glz'/><jpeg compression='auto'/><zlib compression='never'/>
                    <playback compression='on'/><streaming mode='filter'/><clipboard copypaste='no'/>
                    <mouse mode='client'/>
                  </graphics>
                  <graphics type='vnc' port='-1' autoport='yes' keymap='en-us' sharePolicy='force-shared'>
                    <listen type='network' network='Bobsnetwork'/>
                  </graphics>
                  <graphics type='vnc' socket='/tmp/vnc.sock' passwd='secret'/>
                  <graphics type='sdl' display=':0.1' xauth='/root/.Xauthority' fullscreen='yes'/>
                  <graphics type='rdp' autoport='yes' multiUser='yes'/>
                  <graphics type='desktop' display=':0.1'/>
                  <input type='tablet' bus='usb'><address type='usb' bus='0' port='2'/></input>
                  <input type='mouse' bus='ps2'/><input type='mouse' bus='usb'/>
                  <interface type='bridge'>
                    <source bridge='br0'/><mac address='52:54:00:aa:bb:cc'/><model type='e1000'/>
                    <target dev='vnet7'/><boot order='4'/><link state='down'/>
                    <filterref filter='clean-traffic'><parameter name='IP' value='10.0.0.1'/></filterref>
                    <rom file='/etc/fake/bootrom.bin'/>
                  </interface>
                  <interface type='network'>
                    <source network='default' portgroup='engineering'/>
                    <virtualport type='openvswitch'>
                      <parameters interfaceid='09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f' profileid='bob'/>
                    </virtualport>
                    <vlan trunk='yes'><tag id='42'/><tag id='48' nativeMode='untagged'/></vlan>
                    <bandwidth><inbound average='1000' peak='5000' burst='1024'/><outbound average='128'/></bandwidth>
                    <driver name='vhost' txmode='iothread' ioeventfd='on' event_idx='off'/>
                    <tune><sndbuf>1600</sndbuf></tune>
                  </interface>
                  <interface type='direct'><source dev='eth0' mode='vepa'/></interface>
                  <interface type='ethernet'><script path='/etc/qemu-ifup'/><ip address='192.168.1.2'/></interface>
                  <interface type='user'/>
                  <interface type='mcast'><source address='230.0.0.1' port='5558'/></interface>
                  <interface type='server'><source address='192.168.0.1' port='5558'/></interface>
                  <interface type='hostdev' managed='yes'>
                    <source><address type='pci' domain='0x0002' bus='0x03' slot='0x07' function='0x1'/></source>
                  </interface>
                  <filesystem type='mount' accessmode='mapped'>
                    <driver type='path' wrpolicy='immediate'/>
                    <source dir='/export/to/guest'/>
                    <target dir='/import/from/host'/>
                    <readonly/>
                  </filesystem>
                  <lease>
                    <target path='/some/lease/path' offset='1024'/>
                    <key>thequickbrownfoxjumpedoverthelazydog</key>
                    <lockspace>somearea</lockspace>
                  </lease>
                  <controller type='usb' index='0' model='ich9-ehci1'><address type='pci' slot='0x04' function='0x7'/></controller>
                  <controller type='usb' index='0' model='ich9-uhci1'><master startport='0'/></controller>
                  <controller type='scsi' index='0' model='virtio-scsi'/>
                  <controller type='virtio-serial' index='0' ports='16' vectors='4'/>
                  <controller type='ccid' index='0'/><controller type='fdc' index='0'/><controller type='sata' index='0'/>
                  <controller type='ide' index='0'><alias name='ide0'/></controller>
                  <emulator>/usr/bin/qemu-system-x86_64</emulator>
                </devices>
                """));
    }

    @Test
    void tuningAndGuestSetUp() throws Exception {
        assertValid("""
                <domain type='qemu' id='4' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
                  <qemu:commandline><qemu:arg value='-S'/><qemu:env name='NS' value='ns'/><qemu:env name='BAR'/></qemu:commandline>
                  <seclabel type='dynamic' model='selinux' relabel='yes'><baselabel>system_u:system_r:svirt_t:s0</baselabel></seclabel>
                  <seclabel type='none'/>
                  <devices/>
                  <pm><suspend-to-disk enabled='yes'/><suspend-to-mem enabled='no'/></pm>
                  <on_lockfailure>pause</on_lockfailure>
                  <on_crash>coredump-restart</on_crash>
                  <on_reboot>restart</on_reboot>
                  <on_poweroff>preserve</on_poweroff>
                  <clock offset='timezone' timezone='Europe/Paris'>
                    <timer name='rtc' tickpolicy='catchup' track='guest'><catchup threshold='123' slew='120' limit='10000'/></timer>
                    <timer name='pit' tickpolicy='delay'/><timer name='hpet' present='no'/>
                    <timer name='tsc' frequency='1000000000' mode='native'/><timer name='kvmclock' present='yes'/>
                  </clock>
                  <cpu mode='host-model'><model fallback='forbid'/><feature policy='disable' name='sse4.2'/></cpu>
                  <features><hyperv><relaxed state='on'/></hyperv><apic eoi='on'/><pae/><acpi/><hap/><viridian/><privnet/></features>
                  <os>
                    <type arch='i686' machine='pc'>hvm</type>
                    <smbios mode='sysinfo'/><bios useserial='yes' rebootTimeout='65535'/><bootmenu enable='yes'/>
                    <cmdline>console=ttyS0 root=/dev/vda</cmdline><initrd>/boot/initrd.img</initrd>
                    <kernel>/boot/vmlinuz</kernel><loader>/usr/share/seabios/bios.bin</loader>
                    <boot dev='network'/><boot dev='cdrom'/><boot dev='fd'/><boot dev='hd'/>
                  </os>
                  <sysinfo type='smbios'>
                    <system><entry name='manufacturer'>Vireo</entry><entry name='uuid'>c7a5fdbd-edaf-9455-926a-d65c16db1809</entry></system>
                    <bios><entry name='vendor'>LENOVO</entry></bios>
                  </sysinfo>
                  <resource><partition>/machine</partition></resource>
                  <numatune><memory mode='interleave' nodeset='0-5,^4'/></numatune>
                  <cputune>
                    <emulatorpin cpuset='1-3'/><vcpupin vcpu='0' cpuset='0'/><vcpupin vcpu='1' cpuset='1,^0'/>
                    <quota>-1</quota><period>1000000</period><shares>2048</shares>
                    <emulator_period>10000</emulator_period><emulator_quota>20000</emulator_quota>
                  </cputune>
                  <vcpu placement='auto' current='2' cpuset='0-3'>4</vcpu>
                  <blkiotune>
                    <device><weight>400</weight><path>/dev/sda</path></device>
                    <weight>800</weight>
                  </blkiotune>
                  <memtune><swap_hard_limit unit='G'>2</swap_hard_limit><hard_limit unit='MiB'>1024</hard_limit>
                    <soft_limit>1</soft_limit><min_guarantee unit='bytes'>4096</min_guarantee></memtune>
                  <memoryBacking><locked/><nosharepages/><hugepages/></memoryBacking>
                  <currentMemory unit='GiB'>1</currentMemory>
                  <memory unit='MB' dumpCore='off'>2048</memory>
                  <metadata><app:info xmlns:app='http://example.org/app' version='1'><app:note>any content</app:note></app:info></metadata>
                  <description>Line one
                  line two</description>
                  <title>A title</title>
                  <uuid>c7a5fdbdedaf9455926ad65c16db1809</uuid>
                  <name>tuned</name>
                </domain>
                """);
    }
}
