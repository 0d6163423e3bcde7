package city.beacon.web.messaging;

import city.beacon.api.common.Actor;
import city.beacon.web.problem.StoreUnavailableException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends a command on behalf of the signed-in user and waits, bounded, for the domain's answer. */
@Component
public class Commands {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, Actor actor) {
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(actor.toMetaData());
        try {
            return gateway.<R>send(message).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw rethrow(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("command " + command.getClass().getSimpleName() + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the command", e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException(cause);
    }
}
