package city.beacon.infra.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.UnaryOperator;

/**
 * A database whose read-model collections resolve their physical name (which generation) on every operation, so a
 * reader built once at start-up reads the new generation as soon as the switch is known, and a rebuild's own
 * projection instance writes its new generation. Collections no rebuild concerns are the driver's own.
 */
final class GenerationalDatabase {
    private GenerationalDatabase() { }

    /** @param physical maps a read-model collection's name to the one to use now; other names are left alone */
    static MongoDatabase of(MongoDatabase database, UnaryOperator<String> physical) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getCollection") && args != null && args[0] instanceof String name
                    && ReadModelCollections.owner(name) != null) {
                Class<?> type = args.length > 1 ? (Class<?>) args[1] : org.bson.Document.class;
                return collection(database, name, type, physical);
            }
            return invoke(database, method, args);
        };
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[]{MongoDatabase.class}, handler);
    }

    private static MongoCollection<?> collection(MongoDatabase database, String name, Class<?> type,
                                                 UnaryOperator<String> physical) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "routed collection " + name;
                };
            }
            return invoke(database.getCollection(physical.apply(name), type), method, args);
        };
        return (MongoCollection<?>) Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[]{MongoCollection.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
