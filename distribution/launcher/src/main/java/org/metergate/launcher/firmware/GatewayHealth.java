package org.metergate.launcher.firmware;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Whether a running gateway is healthy, seen from the launcher outside the framework: every bundle
 * started, no Declarative Services component with an unsatisfied reference or a failed activation
 * (asked of {@code ServiceComponentRuntime}), and every provisioning {@code HealthCheck} service
 * content. The launcher does not have those service APIs on its class path, so it calls them by their
 * published names through reflection; a framework without them is judged on its bundles only.
 */
final class GatewayHealth {

    static final String SCR = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    static final String HEALTH_CHECK = "org.metergate.provisioning.HealthCheck";
    private static final int UNSATISFIED_REFERENCE = 2;
    private static final int FAILED_ACTIVATION = 16;

    private GatewayHealth() {
    }

    static List<String> problems(BundleContext context) {
        List<String> problems = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0 || b.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            String policy = b.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
            boolean lazy = policy != null && policy.trim().startsWith(Constants.ACTIVATION_LAZY);
            if (b.getState() != Bundle.ACTIVE && !(lazy && b.getState() == Bundle.STARTING)) {
                problems.add("bundle " + b.getSymbolicName() + " is not active");
            }
        }
        problems.addAll(componentProblems(context));
        problems.addAll(healthChecks(context));
        return problems;
    }

    private static List<String> componentProblems(BundleContext context) {
        List<String> problems = new ArrayList<>();
        ServiceReference<?> ref = context.getServiceReference(SCR);
        if (ref == null) {
            return problems;
        }
        Object scr = context.getService(ref);
        try {
            Class<?> api = api(scr.getClass(), SCR);
            Method descriptions = api.getMethod("getComponentDescriptionDTOs", Bundle[].class);
            Method enabled = null;
            Method configurations = null;
            for (Method m : api.getMethods()) {
                if (m.getName().equals("isComponentEnabled")) {
                    enabled = m;
                } else if (m.getName().equals("getComponentConfigurationDTOs")) {
                    configurations = m;
                }
            }
            for (Object d : (Collection<?>) descriptions.invoke(scr, (Object) new Bundle[0])) {
                if (enabled != null && !(Boolean) enabled.invoke(scr, d)) {
                    continue;
                }
                String name = (String) field(d, "name");
                Object bundle = field(d, "bundle");
                String owner = bundle == null ? "?" : (String) field(bundle, "symbolicName");
                for (Object c : (Collection<?>) configurations.invoke(scr, d)) {
                    int state = (Integer) field(c, "state");
                    if (state == UNSATISFIED_REFERENCE) {
                        problems.add("component " + owner + "/" + name + " has an unsatisfied reference");
                    } else if (state == FAILED_ACTIVATION) {
                        problems.add("component " + owner + "/" + name + " failed to activate");
                    }
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add("cannot ask ServiceComponentRuntime: " + e);
        } finally {
            context.ungetService(ref);
        }
        return problems;
    }

    private static List<String> healthChecks(BundleContext context) {
        List<String> problems = new ArrayList<>();
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(HEALTH_CHECK, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs == null) {
            return problems;
        }
        for (ServiceReference<?> ref : refs) {
            Object check = context.getService(ref);
            if (check == null) {
                continue;
            }
            try {
                Object result = api(check.getClass(), HEALTH_CHECK).getMethod("problem").invoke(check);
                if (result instanceof Optional<?> o && o.isPresent()) {
                    problems.add("health check " + ref.getProperty("metergate.health.check") + ": " + o.get());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                problems.add("health check " + ref.getProperty("metergate.health.check") + " failed: " + e);
            } finally {
                context.ungetService(ref);
            }
        }
        return problems;
    }

    /** The public interface {@code name} that {@code type} implements (its own class may not be public). */
    private static Class<?> api(Class<?> type, String name) throws ClassNotFoundException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(name)) {
                    return i;
                }
            }
        }
        throw new ClassNotFoundException(name + " is not implemented by " + type.getName());
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        Field f = o.getClass().getField(name);
        return f.get(o);
    }
}
