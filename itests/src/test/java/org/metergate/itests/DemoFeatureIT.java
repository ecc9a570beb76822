package org.metergate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.metergate.api.link.InterfaceTag;
import org.metergate.api.radio.Transceiver;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration.ConfigurationAttribute;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The demo feature, read from the distribution's features/ directory, boots in Felix: every bundle
 * is active, every DS component of it is satisfied, its configuration reached its component, and
 * its interface services are up. Stopping a bundle takes exactly its services away.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DemoFeatureIT {

    private static final long TIMEOUT = 10_000;

    @Inject
    BundleContext context;

    @Inject
    ServiceComponentRuntime scr;

    @Inject
    ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() throws Exception {
        return GatewayOptions.of("demo");
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("bundle " + symbolicName + " is not installed"));
    }

    private Transceiver awaitTransceiver(String id) throws Exception {
        ServiceTracker<Transceiver, Transceiver> t = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + Transceiver.class.getName() + ")(metergate.transceiver.id=" + id + "))"), null);
        t.open();
        try {
            return t.waitForService(TIMEOUT);
        } finally {
            t.close();
        }
    }

    private List<String> unsatisfiedComponents() {
        List<String> bad = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            Collection<ComponentConfigurationDTO> configs = scr.getComponentConfigurationDTOs(d);
            for (ComponentConfigurationDTO c : configs) {
                if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                    bad.add(d.name + " state " + c.state + " " + Arrays.toString(c.unsatisfiedReferences));
                }
            }
        }
        return bad;
    }

    @Test
    public void theDemoFeatureBootsWithEveryBundleActiveAndItsServicesUp() throws Exception {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertEquals("bundles not active", List.of(), notActive);

        // every bundle of the feature is there and active
        String expected = System.getProperty(GatewayOptions.FEATURE_BUNDLES);
        assertNotNull(expected);
        for (String location : expected.split(",")) {
            Bundle b = context.getBundle(location);
            assertNotNull(location + " installed", b);
            assertEquals(location + " active", Bundle.ACTIVE, b.getState());
        }

        Transceiver replay = awaitTransceiver("replay-demo");
        assertNotNull("the demo's replay transceiver is up", replay);
        assertEquals("replay-demo", replay.id());
        assertTrue("the recording holds T1 frames", replay.supportedModes().contains(org.metergate.api.radio.RadioModeId.T1));

        Collection<ServiceReference<Transceiver>> onM = context.getServiceReferences(Transceiver.class,
                "(" + InterfaceTag.PROPERTY + "=" + InterfaceTag.M + ")");
        assertEquals("tagged with the M interface", 1, onM.size());

        // the feature's configuration came through the Configurator into ConfigAdmin
        var configs = configAdmin.listConfigurations("(service.factoryPid=org.metergate.driver.replay)");
        assertNotNull("the demo configures the replay driver", configs);
        assertEquals(1, configs.length);
        assertEquals("replay-demo", configs[0].getProperties().get("metergate.transceiver.id"));

        assertEquals("unsatisfied DS components", List.of(), unsatisfiedComponents());
    }

    @Test
    public void stoppingABundleTakesItsServicesAwayAndStartingBringsThemBack() throws Exception {
        assertNotNull(awaitTransceiver("replay-demo"));
        Bundle replay = bundle("org.metergate.driver.replay");
        Bundle api = bundle("org.metergate.api");
        Bundle scrBundle = FrameworkUtil.getBundle(scr.getClass());

        replay.stop();

        assertNull("the transceiver went with its bundle", context.getServiceReference(Transceiver.class));
        assertEquals(Bundle.ACTIVE, api.getState());
        assertEquals(Bundle.ACTIVE, scrBundle.getState());
        assertNotNull("configuration admin keeps running", context.getServiceReference(ConfigurationAdmin.class));
        assertNotNull("the configuration stays for when the bundle comes back",
                configAdmin.listConfigurations("(service.factoryPid=org.metergate.driver.replay)"));
        assertEquals("the rest of the gateway stays satisfied", List.of(), unsatisfiedComponents());

        replay.start();

        Transceiver back = awaitTransceiver("replay-demo");
        assertNotNull("the transceiver is back with its bundle", back);
        assertEquals("replay-demo", back.id());
        assertEquals(List.of(), unsatisfiedComponents());
    }
}
