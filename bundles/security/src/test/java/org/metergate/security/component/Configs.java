package org.metergate.security.component;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** A {@link KeyStoreConfig} as DS would make it: named properties, else the annotation's defaults. */
final class Configs {

    private Configs() {
    }

    static KeyStoreConfig config(Object... nameValuePairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            values.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return (KeyStoreConfig) Proxy.newProxyInstance(KeyStoreConfig.class.getClassLoader(), new Class<?>[] {KeyStoreConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> KeyStoreConfig.class;
                    case "toString" -> "KeyStoreConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> {
                        String property = property(method.getName());
                        yield values.containsKey(property) ? values.get(property) : method.getDefaultValue();
                    }
                });
    }

    /** The DS rule for annotation element names: '_' becomes '.'. */
    static String property(String element) {
        return element.replace('_', '.');
    }
}
