package dev.vireo.command;

import dev.vireo.caps.Capability;
import dev.vireo.conf.model.Clock;
import dev.vireo.conf.model.ClockOffset;
import dev.vireo.conf.model.Timer;
import dev.vireo.conf.model.TimerTickPolicy;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The guest's real-time clock ({@code -rtc} or {@code -localtime}) and the timer switches. */
final class ClockArgs {

    private static final DateTimeFormatter RTC_BASE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private ClockArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) throws UnsupportedConfigurationException {
        Clock clock = ctx.domain().getClock() == null ? new Clock() : ctx.domain().getClock();
        ClockOffset offset = clock.getOffset() == null ? ClockOffset.UTC : clock.getOffset();
        if (ctx.has(Capability.RTC)) {
            out.option("-rtc", rtc(clock, offset));
        } else if (offset == ClockOffset.LOCALTIME || offset == ClockOffset.TIMEZONE) {
            out.add("-localtime");
        } else if (offset != ClockOffset.UTC) {
            throw new UnsupportedConfigurationException("<clock offset='" + offset.xml() + "'> needs -rtc, which this "
                    + "QEMU binary lacks (capability 'rtc'); allowed without it: utc, localtime, timezone");
        }
        if (offset == ClockOffset.TIMEZONE && clock.getTimezone() != null) {
            out.env("TZ", clock.getTimezone());
        }
        for (Timer timer : clock.getTimers()) {
            timer(ctx, out, timer);
        }
    }

    private static String rtc(Clock clock, ClockOffset offset) throws UnsupportedConfigurationException {
        StringBuilder value = new StringBuilder("base=");
        switch (offset) {
            case UTC -> value.append("utc");
            case LOCALTIME, TIMEZONE -> value.append("localtime");
            case VARIABLE -> value.append(variableBase(clock));
        }
        for (Timer timer : clock.getTimers()) {
            if (timer.getName() != dev.vireo.conf.model.TimerName.RTC) {
                continue;
            }
            if (timer.getTrack() != null) {
                switch (timer.getTrack()) {
                    case GUEST -> value.append(",clock=vm");
                    case WALL -> value.append(",clock=host");
                    case BOOT -> throw new UnsupportedConfigurationException("<timer name='rtc' track='boot'> is not "
                            + "supported by QEMU; allowed: guest, wall");
                }
            }
            TimerTickPolicy policy = timer.getTickpolicy();
            if (policy == TimerTickPolicy.CATCHUP) {
                value.append(",driftfix=slew");
            } else if (policy == TimerTickPolicy.MERGE || policy == TimerTickPolicy.DISCARD) {
                throw new UnsupportedConfigurationException("<timer name='rtc' tickpolicy='" + policy.xml()
                        + "'> is not supported by QEMU; allowed: delay, catchup");
            }
            break;
        }
        return value.toString();
    }

    /** The guest clock starts at UTC now plus the adjustment (seconds, may be negative). */
    private static String variableBase(Clock clock) throws UnsupportedConfigurationException {
        long adjustment;
        try {
            adjustment = clock.getAdjustment() == null ? 0 : Long.parseLong(clock.getAdjustment().strip());
        } catch (NumberFormatException e) {
            throw new UnsupportedConfigurationException("<clock offset='variable' adjustment='" + clock.getAdjustment()
                    + "'>: the adjustment must be a number of seconds");
        }
        return LocalDateTime.now(ZoneOffset.UTC).plusSeconds(adjustment).format(RTC_BASE);
    }

    private static void timer(BuildContext ctx, ArgvWriter out, Timer timer) throws UnsupportedConfigurationException {
        TimerTickPolicy policy = timer.getTickpolicy();
        switch (timer.getName()) {
            case KVMCLOCK -> {
                // Part of -cpu.
            }
            case RTC -> {
                if (ctx.has(Capability.RTC_TD_HACK)) {
                    if (policy == TimerTickPolicy.CATCHUP) {
                        out.add("-rtc-td-hack");
                    } else if (policy == TimerTickPolicy.MERGE || policy == TimerTickPolicy.DISCARD) {
                        throw unsupportedPolicy("rtc", policy);
                    }
                } else if (!ctx.has(Capability.RTC) && policy != null && policy != TimerTickPolicy.DELAY) {
                    throw unsupportedPolicy("rtc", policy);
                }
            }
            case PIT -> {
                if (ctx.modern()) {
                    modernPit(out, policy);
                } else {
                    pit(ctx, out, policy);
                }
            }
            case HPET -> {
                if (ctx.has(Capability.NO_HPET)) {
                    if (Boolean.FALSE.equals(timer.getPresent())) {
                        out.add("-no-hpet");
                    }
                } else if (Boolean.TRUE.equals(timer.getPresent())) {
                    throw new UnsupportedConfigurationException("<timer name='hpet' present='yes'>: this QEMU binary "
                            + "has no HPET switch (capability 'no-hpet')");
                }
            }
            case HYPERVCLOCK -> {
                // Part of -cpu (hv-time), for QEMU 4.2 and later.
            }
            case TSC -> {
                // QEMU 4.2 and later: the frequency is part of -cpu; the mode is Xen's (libvirt writes nothing for it).
                if (!ctx.modern()) {
                    throw new UnsupportedConfigurationException("<timer name='tsc'> is not supported by this QEMU binary (QEMU 4.2 or later); "
                            + "allowed here: pit, rtc, hpet, kvmclock");
                }
            }
            case PLATFORM -> throw new UnsupportedConfigurationException("<timer name='" + timer.getName().xml()
                    + "'> is not supported by QEMU; allowed: pit, rtc, hpet, kvmclock");
        }
    }

    /**
     * The PIT's lost-tick policy for QEMU 4.2 and later, as libvirt 9 writes it: {@code delay} and
     * {@code discard} as {@code -global kvm-pit.lost_tick_policy=} (a PIT timer without a policy gets
     * {@code delay}), {@code catchup} writes nothing. The
     * global names KVM's in-kernel PIT; QEMU accepts it silently under TCG (no such device), so the
     * command line is libvirt's for both.
     */
    private static void modernPit(ArgvWriter out, TimerTickPolicy policy) throws UnsupportedConfigurationException {
        if (policy == TimerTickPolicy.CATCHUP) return;
        switch (policy == null ? TimerTickPolicy.DELAY : policy) {
            case DELAY -> out.option("-global", "kvm-pit.lost_tick_policy=delay");
            case DISCARD -> out.option("-global", "kvm-pit.lost_tick_policy=discard");
            default -> throw new UnsupportedConfigurationException("<timer name='pit' tickpolicy='" + policy.xml()
                    + "'> is not supported by QEMU; allowed: delay, catchup, discard");
        }
    }

    private static void pit(BuildContext ctx, ArgvWriter out, TimerTickPolicy policy) throws UnsupportedConfigurationException {
        if (policy == null || policy == TimerTickPolicy.DELAY) {
            if (ctx.has(Capability.NO_KVM_PIT)) {
                out.add("-no-kvm-pit-reinjection");
            }
        } else if (policy == TimerTickPolicy.CATCHUP) {
            // The in-kernel PIT catches up by default; the userspace one needs -tdf.
            if (!ctx.has(Capability.NO_KVM_PIT)) {
                if (ctx.has(Capability.TDF)) {
                    out.add("-tdf");
                } else {
                    throw unsupportedPolicy("pit", policy);
                }
            }
        } else {
            throw unsupportedPolicy("pit", policy);
        }
    }

    private static UnsupportedConfigurationException unsupportedPolicy(String timer, TimerTickPolicy policy) {
        return new UnsupportedConfigurationException("<timer name='" + timer + "' tickpolicy='" + policy.xml()
                + "'> is not supported by this QEMU binary");
    }
}
