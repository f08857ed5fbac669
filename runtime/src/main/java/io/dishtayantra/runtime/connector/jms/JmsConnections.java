package io.dishtayantra.runtime.connector.jms;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a provider's ConnectionFactory by class name and bean properties, so any JMS 3 client
 * jar on the classpath or in the plugin folder works without code for it.
 */
final class JmsConnections {

    private JmsConnections() {
    }

    static Connection open(JmsSettings settings, String defaultClientId) throws Exception {
        ConnectionFactory factory = factory(settings.connectionFactory(), settings.factoryProperties());
        Connection connection = settings.username() == null
                ? factory.createConnection()
                : factory.createConnection(settings.username(), settings.password());
        String clientId = settings.clientId() != null ? settings.clientId() : defaultClientId;
        if (clientId != null) {
            connection.setClientID(clientId);
        }
        return connection;
    }

    static ConnectionFactory factory(String className, Map<String, String> properties) throws Exception {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type;
        try {
            type = Class.forName(className, true, loader != null ? loader : JmsConnections.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("JMS connection factory class " + className
                    + " not found; put the provider's client jar in the plugin folder or on the classpath", e);
        }
        if (!ConnectionFactory.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " is not a jakarta.jms.ConnectionFactory;"
                    + " use the provider's Jakarta (JMS 3) client");
        }
        Object factory = type.getDeclaredConstructor().newInstance();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            setProperty(factory, property.getKey(), property.getValue());
        }
        return (ConnectionFactory) factory;
    }

    private static void setProperty(Object target, String name, String value) throws Exception {
        String setter = "set" + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        for (Method method : target.getClass().getMethods()) {
            if (!method.getName().equals(setter) || method.getParameterCount() != 1) {
                continue;
            }
            Class<?> parameter = method.getParameterTypes()[0];
            Object converted;
            if (parameter == String.class) {
                converted = value;
            } else if (parameter == int.class || parameter == Integer.class) {
                converted = Integer.parseInt(value);
            } else if (parameter == long.class || parameter == Long.class) {
                converted = Long.parseLong(value);
            } else if (parameter == boolean.class || parameter == Boolean.class) {
                converted = Boolean.parseBoolean(value);
            } else {
                continue;
            }
            method.invoke(target, converted);
            return;
        }
        throw new IllegalArgumentException("factoryProperties." + name + ": " + target.getClass().getName()
                + " has no setter " + setter + " taking a string, number or boolean");
    }

    static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                // The provider is gone or the connection broke; nothing is left to release.
            }
        }
    }
}
