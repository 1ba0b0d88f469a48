package dev.vireo.daemon.rpc;

import dev.vireo.protocol.LineChannel;

import java.util.concurrent.atomic.AtomicLong;

/** The request bytes every connection together may buffer beyond their free share (max_buffered_bytes). */
final class BufferBudget implements LineChannel.Budget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    BufferBudget(long limit) {
        this.limit = limit;
    }

    @Override
    public boolean reserve(long bytes) {
        for (;;) {
            long now = used.get();
            if (now + bytes > limit) return false;
            if (used.compareAndSet(now, now + bytes)) return true;
        }
    }

    @Override
    public void release(long bytes) {
        used.addAndGet(-bytes);
    }

    long used() {
        return used.get();
    }
}
