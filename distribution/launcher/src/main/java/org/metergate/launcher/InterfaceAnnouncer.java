package org.metergate.launcher;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.framework.AllServiceListener;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;

/**
 * Prints one line whenever a service tagged with a TR 50572 interface ({@code metergate.interface})
 * comes up or goes down, so that whoever starts a gateway sees its interfaces. An all-service
 * listener: the launcher only reads properties, so it must hear about services whatever their
 * classes, which the framework's own class loader cannot see.
 */
final class InterfaceAnnouncer implements AllServiceListener {

    static final String FILTER = "(metergate.interface=*)";
    private static final String[] ID_PROPERTIES = {
        "metergate.link.id", "metergate.transceiver.id", "metergate.headend.id", "metergate.consumer.id", "component.name"
    };

    private final PrintStream out;
    private final Set<String> up = new TreeSet<>();

    InterfaceAnnouncer(PrintStream out) {
        this.out = out;
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        ServiceReference<?> ref = event.getServiceReference();
        String line = describe(ref);
        switch (event.getType()) {
            case ServiceEvent.REGISTERED -> {
                synchronized (up) {
                    up.add(line);
                }
                out.println("interface " + line.replaceFirst(":", " up:"));
            }
            case ServiceEvent.UNREGISTERING -> {
                synchronized (up) {
                    up.remove(line);
                }
                out.println("interface " + line.replaceFirst(":", " down:"));
            }
            default -> { }
        }
    }

    /** The interface tags of the services now up, e.g. {@code [M]}. */
    Set<String> interfacesUp() {
        Set<String> tags = new TreeSet<>();
        synchronized (up) {
            for (String line : up) {
                tags.add(line.substring(0, line.indexOf(':')));
            }
        }
        return tags;
    }

    static String describe(ServiceReference<?> ref) {
        String tags = String.join(",", strings(ref.getProperty("metergate.interface")));
        List<String> types = new ArrayList<>();
        for (String type : strings(ref.getProperty(Constants.OBJECTCLASS))) {
            types.add(type.substring(type.lastIndexOf('.') + 1));
        }
        String id = "";
        for (String p : ID_PROPERTIES) {
            Object v = ref.getProperty(p);
            if (v != null) {
                id = " " + v;
                break;
            }
        }
        String bundle = ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName();
        return tags + ": " + String.join(",", types) + id + " (" + bundle + ")";
    }

    private static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof String[] arr) {
            result.addAll(List.of(arr));
        } else if (value instanceof Iterable<?> it) {
            it.forEach(o -> result.add(String.valueOf(o)));
        } else if (value != null) {
            result.add(String.valueOf(value));
        }
        return result;
    }
}
