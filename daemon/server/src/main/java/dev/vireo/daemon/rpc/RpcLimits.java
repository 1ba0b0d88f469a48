package dev.vireo.daemon.rpc;

import dev.vireo.protocol.LineChannel;

import java.time.Duration;

/**
 * What the RPC endpoint lets its clients hold (vireod.conf; see docs/vireod.conf.example).
 *
 * @param maxClients       connections served at once; one more is told {@code busy} and closed
 * @param maxRequestBytes  the longest request line; a longer one is skipped and refused
 * @param maxBufferedBytes what all connections together may buffer beyond 64 KiB each; a large
 *                         request that finds no room is skipped and refused with {@code busy}
 * @param idleTimeout      a connection with no request in progress and no event subscription is
 *                         closed after this long
 * @param requestTimeout   how long a request may take to arrive once begun, and a reply to be taken
 *                         by the client, before the connection is closed
 */
public record RpcLimits(int maxClients, int maxRequestBytes, long maxBufferedBytes, Duration idleTimeout,
                        Duration requestTimeout) {

    public RpcLimits {
        if (maxClients < 1) throw new IllegalArgumentException("max_clients must be at least 1");
        if (maxRequestBytes < 1024) throw new IllegalArgumentException("max_request_bytes must be at least 1024");
        if (maxBufferedBytes < 0) throw new IllegalArgumentException("max_buffered_bytes must not be negative");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static RpcLimits defaults() {
        return new RpcLimits(128, LineChannel.MAX_MESSAGE_BYTES, 64L << 20, Duration.ofMinutes(10), Duration.ofSeconds(30));
    }

    public RpcLimits withMaxClients(int n) {
        return new RpcLimits(n, maxRequestBytes, maxBufferedBytes, idleTimeout, requestTimeout);
    }

    public RpcLimits withMaxRequestBytes(int n) {
        return new RpcLimits(maxClients, n, maxBufferedBytes, idleTimeout, requestTimeout);
    }

    public RpcLimits withMaxBufferedBytes(long n) {
        return new RpcLimits(maxClients, maxRequestBytes, n, idleTimeout, requestTimeout);
    }

    public RpcLimits withIdleTimeout(Duration d) {
        return new RpcLimits(maxClients, maxRequestBytes, maxBufferedBytes, d, requestTimeout);
    }

    public RpcLimits withRequestTimeout(Duration d) {
        return new RpcLimits(maxClients, maxRequestBytes, maxBufferedBytes, idleTimeout, d);
    }
}
