package dev.vireo.conf.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** CPU scheduler tuning: {@code <cputune>}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"shares", "period", "quota", "emulatorPeriod", "emulatorQuota", "vcpupins", "emulatorpin", "iothreadpins"})
public class CpuTune {
    @XmlElement(name = "shares")
    private Long shares;

    @XmlElement(name = "period")
    private Long period;

    @XmlElement(name = "quota")
    private Long quota;

    @XmlElement(name = "emulator_period")
    private Long emulatorPeriod;

    @XmlElement(name = "emulator_quota")
    private Long emulatorQuota;

    @XmlElement(name = "vcpupin")
    private final List<VcpuPin> vcpupins = new ArrayList<>();

    @XmlElement(name = "iothreadpin")
    private final java.util.List<IoThreadPin> iothreadpins = new java.util.ArrayList<>();

    @XmlElement(name = "emulatorpin")
    private EmulatorPin emulatorpin;

    /** {@code <shares>}, or {@code null} when absent. */
    public Long getShares() {
        return shares;
    }

    public void setShares(Long shares) {
        this.shares = shares;
    }

    /** {@code <period>}, or {@code null} when absent. */
    public Long getPeriod() {
        return period;
    }

    public void setPeriod(Long period) {
        this.period = period;
    }

    /** {@code <quota>}, or {@code null} when absent. */
    public Long getQuota() {
        return quota;
    }

    public void setQuota(Long quota) {
        this.quota = quota;
    }

    /** {@code <emulator_period>}, or {@code null} when absent. */
    public Long getEmulatorPeriod() {
        return emulatorPeriod;
    }

    public void setEmulatorPeriod(Long emulatorPeriod) {
        this.emulatorPeriod = emulatorPeriod;
    }

    /** {@code <emulator_quota>}, or {@code null} when absent. */
    public Long getEmulatorQuota() {
        return emulatorQuota;
    }

    public void setEmulatorQuota(Long emulatorQuota) {
        this.emulatorQuota = emulatorQuota;
    }

    /** The {@code <vcpupin>} children, in document order; the list is live. */
    public List<VcpuPin> getVcpupins() {
        return vcpupins;
    }

    /** {@code <emulatorpin>}, or {@code null} when absent. */
    public EmulatorPin getEmulatorpin() {
        return emulatorpin;
    }

    public void setEmulatorpin(EmulatorPin emulatorpin) {
        this.emulatorpin = emulatorpin;
    }

    /** The {@code <iothreadpin>} children, in document order; the list is live. */
    public java.util.List<IoThreadPin> getIothreadpins() {
        return iothreadpins;
    }
}
