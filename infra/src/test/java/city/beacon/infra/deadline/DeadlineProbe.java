package city.beacon.infra.deadline;

import city.beacon.saga.notify.DepartmentNotifier;
import city.beacon.saga.notify.TaskNotice;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * Lets a whole-node test watch the response saga from outside: every command it dispatches (whether or not a
 * handler exists for it) and every notice it gives. Only with {@code --beacon.test.deadline-probe=true}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "beacon.test.deadline-probe", havingValue = "true")
public class DeadlineProbe {
    public static final String ENABLED = "--beacon.test.deadline-probe=true";

    @Bean
    @Primary
    Notices probeNotices() {
        return new Notices();
    }

    @Bean
    DispatchedCommands dispatchedCommands(CommandBus commandBus) {
        var recorder = new DispatchedCommands();
        commandBus.registerDispatchInterceptor(recorder);
        return recorder;
    }

    public static final class Notices implements DepartmentNotifier {
        public final List<TaskNotice> received = new CopyOnWriteArrayList<>();

        @Override
        public void notify(TaskNotice notice) {
            received.add(notice);
        }
    }

    public static final class DispatchedCommands implements MessageDispatchInterceptor<CommandMessage<?>> {
        public final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            return (index, command) -> {
                sent.add(command);
                return command;
            };
        }

        public <T> List<CommandMessage<?>> ofType(Class<T> type) {
            return sent.stream().filter(command -> type.isInstance(command.getPayload())).toList();
        }
    }
}
