package org.metergate.headend.mqtt.link;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.metergate.api.headend.HeadEndApplication;
import org.metergate.api.journal.Journal;
import org.metergate.api.meter.MeterRegistry;
import org.metergate.headend.security.HeadEndAuthoriser;
import org.metergate.headend.security.KeyTransport;
import org.metergate.headend.security.RequestSignatures;

/** What the link finds in the gateway (services that come and go), seen through one small interface. */
interface LinkEnvironment {

    Optional<HeadEndApplication> application(String appId);

    SortedSet<String> applicationIds();

    Optional<HeadEndAuthoriser> authoriser();

    Optional<RequestSignatures> signatures();

    Optional<KeyTransport> keyTransport();

    Optional<Journal> journal();

    Optional<MeterRegistry> registry();

    /** Metrics of the platform for the birth certificate (OSGi framework, deployment). */
    Map<String, Object> platformMetrics();
}
