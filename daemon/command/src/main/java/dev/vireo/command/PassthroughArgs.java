package dev.vireo.command;

import dev.vireo.conf.model.QemuArg;
import dev.vireo.conf.model.QemuCommandline;
import dev.vireo.conf.model.QemuEnv;

/** {@code <qemu:commandline>}: extra arguments and environment the user hands to QEMU unchanged. */
final class PassthroughArgs {

    private PassthroughArgs() {
    }

    static void write(BuildContext ctx, ArgvWriter out) {
        QemuCommandline extra = ctx.domain().getQemuCommandline();
        if (extra == null) {
            return;
        }
        for (QemuArg arg : extra.getArgs()) {
            out.add(arg.getValue());
        }
        for (QemuEnv env : extra.getEnvs()) {
            out.env(env.getName(), env.getValue() == null ? "" : env.getValue());
        }
    }
}
