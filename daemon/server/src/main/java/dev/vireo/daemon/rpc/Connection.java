package dev.vireo.daemon.rpc;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.vireo.daemon.Log;
import dev.vireo.protocol.ErrorCodes;
import dev.vireo.protocol.LineChannel;
import dev.vireo.protocol.StreamFrames;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client's connection: a reader that keeps reading while a worker runs the requests one at a
 * time, so that a client hanging up is noticed at once, also while its operation waits for a lock
 * (the operation then does not begin: calls.CallContext).
 *
 * <p>Requests are answered in order. A client that sends its next request before the reply may
 * do so: the reader hands it over when the worker is free (and notices a hang-up only then).
 */
final class Connection {
    /** What the reader hands the worker: a request line, a refusal to send, or the end. */
    private sealed interface Incoming {
    }

    /** @param stream for an operation that may open a stream: completed with it (or null) once answered */
    private record Request(String line, CompletableFuture<ByteStream> stream) implements Incoming {
    }

    private record Refusal(String code, String message) implements Incoming {
    }

    private record End() implements Incoming {
    }

    private final LineChannel lines;
    private final Session session;
    private final Dispatcher dispatcher;
    private final SynchronousQueue<Incoming> handOver = new SynchronousQueue<>();
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean busy;

    Connection(LineChannel lines, Session session, Dispatcher dispatcher) {
        this.lines = lines;
        this.session = session;
        this.dispatcher = dispatcher;
    }

    Session session() {
        return session;
    }

    LineChannel lines() {
        return lines;
    }

    /** Reads requests until the client hangs up; runs on the connection's own virtual thread. */
    void readRequests() {
        Thread worker = Thread.ofVirtual().name("rpc-" + session.id()).start(this::work);
        try {
            for (;;) {
                Incoming next;
                try {
                    String line = lines.readLine();
                    if (line == null) break;
                    next = new Request(line, dispatcher.opensStream(line) ? new CompletableFuture<>() : null);
                } catch (LineChannel.MessageRefused refused) {
                    next = refused.overBudget()
                            ? new Refusal(ErrorCodes.BUSY, "request refused: " + refused.getMessage()
                            + " (max_buffered_bytes); try again later")
                            : new Refusal(ErrorCodes.BAD_REQUEST, "request refused: longer than "
                            + lines.maxMessageBytes() + " bytes (max_request_bytes)");
                }
                lastActivity = System.nanoTime();
                handOver.put(next);
                if (next instanceof Request r && r.stream() != null) {
                    // what follows the request is the stream's, not lines: wait for the answer
                    ByteStream stream = r.stream().join();
                    if (stream != null) {
                        streamIn(stream);
                        break;
                    }
                }
            }
        } catch (IOException e) {
            // the client hung up mid-request, or the server closed the connection (timeout, shutdown)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            session.markGone();
            try {
                // the worker may have stopped already (it could not write a reply)
                boolean handed = false;
                while (!handed && worker.isAlive()) handed = handOver.offer(new End(), 100, TimeUnit.MILLISECONDS);
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
        }
    }

    private void work() {
        try {
            for (;;) {
                Incoming next = handOver.take();
                busy = true;
                try {
                    switch (next) {
                        case Request r -> {
                            if (answer(r)) return;
                        }
                        case Refusal r -> session.reply(Dispatcher.error(NullNode.instance, r.code(), r.message()));
                        case End e -> {
                            return;
                        }
                    }
                } finally {
                    busy = false;
                    lastActivity = System.nanoTime();
                }
            }
        } catch (IOException e) {
            close(); // cannot reply: the reader then stops at the closed channel
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Answers one request; when it opened a stream, runs the stream's output side to its end and
     * closes the connection.
     *
     * @return whether the connection was a stream and is finished
     */
    private boolean answer(Request r) throws IOException {
        ByteStream stream = null;
        try {
            JsonNode reply = dispatcher.answer(r.line(), session);
            stream = session.takeStream();
            try {
                session.reply(reply);
            } catch (IOException e) {
                if (stream != null) stream.abandon();
                stream = null;
                throw e;
            }
        } finally {
            if (r.stream() != null) r.stream().complete(stream);
        }
        if (stream == null) return false;
        String reason;
        try {
            reason = stream.pump((bytes, off, len) -> StreamFrames.writeData(lines::writeRaw, bytes, off, len));
        } catch (IOException e) {
            reason = null; // the client cannot be told anything more
        }
        try {
            if (reason != null) StreamFrames.writeEnd(lines::writeRaw, reason);
        } catch (IOException gone) {
            // the client went first
        }
        close();
        return true;
    }

    /** The client's side of a stream: its frames go to the stream until it ends or hangs up. */
    private void streamIn(ByteStream stream) {
        try {
            for (;;) {
                StreamFrames.Frame frame = StreamFrames.read(lines::readRaw);
                lastActivity = System.nanoTime();
                if (!(frame instanceof StreamFrames.Data data)) break; // an end frame, or the end of the connection
                stream.received(data.bytes());
            }
        } catch (IOException e) {
            // a malformed frame or a broken connection ends the stream like a hang-up
        } finally {
            stream.clientEnded();
        }
    }

    /**
     * Closes the connection when a limit is passed: a request begun and not finished, or a reply
     * not taken, within {@code requestTimeout}; nothing asked for within {@code idleTimeout}.
     */
    void closeIfStuck(long now, RpcLimits limits) {
        long request = limits.requestTimeout().toNanos();
        long partial = lines.partialSince();
        if (partial != 0 && now - partial > request) {
            String message = "request not completed within " + limits.requestTimeout().toSeconds() + " s";
            try {
                // best effort: never wait behind a reply that is stuck itself
                lines.tryWriteLine(Dispatcher.error(NullNode.instance, ErrorCodes.BAD_REQUEST, message).toString());
            } catch (IOException ignored) {
                // closing anyway
            }
            Log.info("session " + session.id() + ": " + message + "; connection closed");
            close();
            return;
        }
        long writing = lines.writingSince();
        if (writing != 0 && now - writing > request) {
            Log.info("session " + session.id() + ": the client did not take its reply within "
                    + limits.requestTimeout().toSeconds() + " s; connection closed");
            close();
            return;
        }
        if (!busy && partial == 0 && !session.isSubscribed() && now - lastActivity > limits.idleTimeout().toNanos()) {
            close();
        }
    }

    void close() {
        session.markGone();
        try {
            lines.close();
        } catch (IOException ignored) {
            // nothing more to do with a connection that cannot even close
        }
    }
}
