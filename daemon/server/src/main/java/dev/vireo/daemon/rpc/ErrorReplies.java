package dev.vireo.daemon.rpc;

import dev.vireo.daemon.errors.VireoError;
import dev.vireo.protocol.ErrorCodes;

/** The one place where the daemon's error kinds become the RPC's error codes. */
final class ErrorReplies {
    private ErrorReplies() {
    }

    static String codeOf(VireoError.Kind kind) {
        return switch (kind) {
            case INVALID_DEFINITION -> ErrorCodes.INVALID_XML;
            case NO_DOMAIN -> ErrorCodes.NO_DOMAIN;
            case DOMAIN_EXISTS -> ErrorCodes.DOMAIN_EXISTS;
            case WRONG_STATE -> ErrorCodes.OPERATION_INVALID;
            case INVALID_ARGUMENT -> ErrorCodes.INVALID_ARGUMENT;
            case UNSUPPORTED -> ErrorCodes.UNSUPPORTED;
            case FAILED -> ErrorCodes.OPERATION_FAILED;
            // the operation did not run; the message names the one that holds the domain
            case BUSY -> ErrorCodes.OPERATION_FAILED;
            case CALLER_GONE -> ErrorCodes.CANCELLED;
            case INTERNAL -> ErrorCodes.INTERNAL;
        };
    }
}
