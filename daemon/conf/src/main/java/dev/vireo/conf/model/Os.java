package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** How the guest boots: {@code <os>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"type", "firmwareFeatures", "init", "loader", "nvram", "kernel", "initrd", "cmdline", "dtb", "root", "boots", "bootmenu", "bios", "smbios"})
public class Os {
    @XmlElement(name = "type")
    private OsType type;

    @XmlElement(name = "init")
    private String init;

    @XmlElement(name = "loader")
    private OsLoader loader;

    @XmlElement(name = "kernel")
    private String kernel;

    @XmlElement(name = "initrd")
    private String initrd;

    @XmlElement(name = "cmdline")
    private String cmdline;

    @XmlElement(name = "dtb")
    private String dtb;

    @XmlElement(name = "root")
    private String root;

    @XmlElement(name = "boot")
    private final List<OsBoot> boots = new ArrayList<>();

    @XmlElement(name = "bootmenu")
    private BootMenu bootmenu;

    @XmlElement(name = "bios")
    private OsBios bios;

    @XmlElement(name = "smbios")
    private Smbios smbios;

    @XmlAttribute(name = "firmware")
    @XmlJavaTypeAdapter(FirmwareType.Adapter.class)
    private FirmwareType firmware;

    @XmlElement(name = "firmware")
    private OsFirmware firmwareFeatures;

    @XmlElement(name = "nvram")
    private OsNvram nvram;

    /** {@code <type>}, or {@code null} when absent. */
    public OsType getType() {
        return type;
    }

    public void setType(OsType type) {
        this.type = type;
    }

    /** {@code <init>}, or {@code null} when absent. */
    public String getInit() {
        return init;
    }

    public void setInit(String init) {
        this.init = init;
    }

    /** {@code <loader>}, or {@code null} when absent. */
    public OsLoader getLoader() {
        return loader;
    }

    public void setLoader(OsLoader loader) {
        this.loader = loader;
    }

    /** {@code <kernel>}, or {@code null} when absent. */
    public String getKernel() {
        return kernel;
    }

    public void setKernel(String kernel) {
        this.kernel = kernel;
    }

    /** {@code <initrd>}, or {@code null} when absent. */
    public String getInitrd() {
        return initrd;
    }

    public void setInitrd(String initrd) {
        this.initrd = initrd;
    }

    /** {@code <cmdline>}, or {@code null} when absent. */
    public String getCmdline() {
        return cmdline;
    }

    public void setCmdline(String cmdline) {
        this.cmdline = cmdline;
    }

    /** {@code <dtb>}, or {@code null} when absent. */
    public String getDtb() {
        return dtb;
    }

    public void setDtb(String dtb) {
        this.dtb = dtb;
    }

    /** {@code <root>}, or {@code null} when absent. */
    public String getRoot() {
        return root;
    }

    public void setRoot(String root) {
        this.root = root;
    }

    /** The {@code <boot>} children, in document order; the list is live. */
    public List<OsBoot> getBoots() {
        return boots;
    }

    /** {@code <bootmenu>}, or {@code null} when absent. */
    public BootMenu getBootmenu() {
        return bootmenu;
    }

    public void setBootmenu(BootMenu bootmenu) {
        this.bootmenu = bootmenu;
    }

    /** {@code <bios>}, or {@code null} when absent. */
    public OsBios getBios() {
        return bios;
    }

    public void setBios(OsBios bios) {
        this.bios = bios;
    }

    /** {@code <smbios>}, or {@code null} when absent. */
    public Smbios getSmbios() {
        return smbios;
    }

    public void setSmbios(Smbios smbios) {
        this.smbios = smbios;
    }

    /** {@code @firmware}: let the hypervisor pick a firmware of this kind, or {@code null} when absent. */
    public FirmwareType getFirmware() {
        return firmware;
    }

    public void setFirmware(FirmwareType firmware) {
        this.firmware = firmware;
    }

    /** {@code <firmware>}: properties the picked firmware must have, or {@code null} when absent. */
    public OsFirmware getFirmwareFeatures() {
        return firmwareFeatures;
    }

    public void setFirmwareFeatures(OsFirmware firmwareFeatures) {
        this.firmwareFeatures = firmwareFeatures;
    }

    /** {@code <nvram>}, or {@code null} when absent. */
    public OsNvram getNvram() {
        return nvram;
    }

    public void setNvram(OsNvram nvram) {
        this.nvram = nvram;
    }
}
