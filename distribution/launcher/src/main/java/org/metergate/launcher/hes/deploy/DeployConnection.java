package org.metergate.launcher.hes.deploy;

import org.metergate.headend.mqtt.protocol.Topics;
import org.metergate.headend.mqtt.transport.MqttTransport;
import org.metergate.launcher.hes.HesConnection;

/**
 * The deployment commands' connection: the options every {@code metergate hes} command has (broker,
 * account, client id, TLS, MQTT version, payload format), opened as a session on DEPLOY-V2.
 */
public final class DeployConnection {

    @picocli.CommandLine.Mixin
    HesConnection options;

    int timeoutSeconds() {
        return options.timeoutSeconds();
    }

    /** Opens a session on the DEPLOY-V2 application of {@code gateway}: replies and its notifications subscribed. */
    DeploySession open(String gateway) throws Exception {
        Topics.checkLevel("gateway", gateway);
        DeploySession session = new DeploySession(options.account(), gateway, options.clientId(), options.format(),
                options.gzip(), options.timeoutSeconds());
        MqttTransport t = options.open(options.clientId(), session.listener(), true, 0);
        try {
            session.attach(t);
            return session;
        } catch (Exception e) {
            t.close();
            throw e;
        }
    }
}
