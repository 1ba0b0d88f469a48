package dev.vireo.daemon.domain;

import dev.vireo.conf.model.Domain;
import dev.vireo.jobs.DomainJobs;

import java.time.Duration;

/**
 * One domain the daemon knows: its stored definition (if persistent), its live definition and
 * status while it runs. Changes happen in its synchronous job slot ({@link #jobs()}: one operation at
 * a time per domain, waited for with a bound); readers such as {@code list} read the volatile fields
 * without waiting.
 */
public final class DomainEntry {
    private final String name;
    private final String uuid;
    private final DomainJobs jobs;
    private volatile Domain persistent;
    private volatile Domain live;
    private volatile DomainStatus status = DomainStatus.DEFINED;
    private volatile int id = -1;
    private volatile boolean removed;

    DomainEntry(String name, String uuid, Duration jobWait) {
        this.name = name;
        this.uuid = uuid;
        this.jobs = new DomainJobs(name, jobWait);
    }

    public String name() {
        return name;
    }

    public String uuid() {
        return uuid;
    }

    /** The domain's job slots: the synchronous one that every change takes, and the long jobs beside it. */
    public DomainJobs jobs() {
        return jobs;
    }

    /** The stored definition, or null for a transient domain. */
    public Domain persistent() {
        return persistent;
    }

    void persistent(Domain definition) {
        this.persistent = definition;
    }

    /** The definition the running guest was started from (with runtime details), or null when inactive. */
    public Domain live() {
        return live;
    }

    /** The definition that describes the domain now: the live one while it runs, else the stored one. */
    public Domain current() {
        Domain l = live;
        return l != null ? l : persistent;
    }

    public DomainStatus status() {
        return status;
    }

    /** The running domain's id, or -1. */
    public int id() {
        return id;
    }

    public boolean isPersistent() {
        return persistent != null;
    }

    /** Records that the guest runs (or is paused) from {@code liveDefinition} under {@code newId}. */
    public void markActive(Domain liveDefinition, int newId, DomainStatus newStatus) {
        this.live = liveDefinition;
        this.id = newId;
        this.status = newStatus;
    }

    public void status(DomainStatus newStatus) {
        this.status = newStatus;
    }

    /** Records that the guest is gone; the caller then drops a transient entry from the registry. */
    public void markInactive(DomainStatus newStatus) {
        this.live = null;
        this.id = -1;
        this.status = newStatus;
    }

    /** True once the entry left the registry: a caller that waited for its lock must look again. */
    boolean removed() {
        return removed;
    }

    void markRemoved() {
        removed = true;
    }
}
