package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.internal.model.ApiException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for an engine command and turns its failure into an {@link AdminException} that says what was attempted. */
final class EngineCalls {

    /** Commands run in microseconds; this only guards against a stuck engine thread. */
    private static final long ENGINE_TIMEOUT_SECONDS = 30;

    private EngineCalls() {
    }

    /** The same, but a command refused with an IllegalArgumentException rethrows it, for the caller to explain. */
    static <T> T joinOrThrow(CompletableFuture<T> command, String attempt) {
        try {
            return command.get(ENGINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IllegalArgumentException refused) {
                throw refused;
            }
            return join(command, attempt);
        } catch (TimeoutException | InterruptedException notYet) {
            return join(command, attempt);
        }
    }

    static <T> T join(CompletableFuture<T> command, String attempt) {
        try {
            return command.get(ENGINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof ApiException api) {
                String message = api.getMessage().replace(ApiException.PSRPC_PREFIX, "");
                throw new AdminException(api.code().httpStatus(), api.code().wireName(), "cannot " + attempt + ": " + message);
            }
            throw new AdminException(500, "internal", "cannot " + attempt + ": " + failed.getCause());
        } catch (TimeoutException stuck) {
            throw new AdminException(503, "unavailable", "cannot " + attempt + ": the engine did not answer within "
                    + ENGINE_TIMEOUT_SECONDS + "s");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AdminException(503, "unavailable", "cannot " + attempt + ": interrupted");
        }
    }
}
