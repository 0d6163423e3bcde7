package city.beacon.infra.axon;

import city.beacon.api.common.Actor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.function.BiFunction;

/** Refuses any command that does not say who sent it: an unattributed change would be a hole in the audit. */
class ActorRequiredInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (Actor.fromMetaData(command.getMetaData()) == null) {
                throw new IllegalStateException("command " + command.getCommandName() + " carries no acting user");
            }
            return command;
        };
    }
}
