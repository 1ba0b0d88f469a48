package dev.vireo.daemon;

import dev.vireo.caps.CapsCache;
import dev.vireo.caps.CapsProber;
import dev.vireo.daemon.domain.DefinitionCodec;
import dev.vireo.daemon.domain.DomainRegistry;
import dev.vireo.daemon.ops.DefinitionOps;
import dev.vireo.daemon.ops.EmulatorOps;
import dev.vireo.daemon.rpc.Operation;
import dev.vireo.daemon.rpc.RpcServer;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

/** A running vireod: the registry loaded from the state dir and the RPC server in front of it. */
public final class Daemon implements AutoCloseable {
    private final RpcServer server;

    private Daemon(RpcServer server) {
        this.server = server;
    }

    public static Daemon start(DaemonOptions options) throws IOException {
        Files.createDirectories(options.stateDir());
        Files.createDirectories(options.runtimeDir());
        DefinitionCodec codec = new DefinitionCodec();
        DomainRegistry registry = DomainRegistry.load(options.stateDir().resolve("domains"), codec);
        Map<String, Operation> ops = new HashMap<>();
        DefinitionOps definitions = new DefinitionOps(registry, codec);
        definitions.register(ops);
        CapsCache caps = new CapsCache(options.stateDir().resolve("caps"), new CapsProber());
        new EmulatorOps(caps, definitions, options.runtimeDir()).register(ops);
        RpcServer server = new RpcServer(options.socket(), ops);
        server.start();
        Log.info("listening on " + options.socket() + "; state in " + options.stateDir()
                + ", runtime files in " + options.runtimeDir() + "; " + registry.list().size() + " domains defined");
        return new Daemon(server);
    }

    /** Stops serving clients; running guests are left running (a restarted daemon finds them again). */
    @Override
    public void close() {
        try {
            server.close();
            Log.info("stopped");
        } catch (IOException e) {
            Log.warn("error while stopping", e);
        }
    }
}
