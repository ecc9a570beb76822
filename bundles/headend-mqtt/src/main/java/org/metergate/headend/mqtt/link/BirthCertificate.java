package org.metergate.headend.mqtt.link;

import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of the lifecycle messages, with the names Eclipse Kura and Kapua use (uptime,
 * display_name, model_name, serial_number, firmware_version, jvm_*, osgi_framework*, application_ids,
 * connection_*) plus Metergate's own ({@code metergate_*}).
 */
final class BirthCertificate {

    static final String SESSION = "metergate_session";

    private BirthCertificate() {
    }

    static Map<String, Object> birth(LinkSettings s, String firmwareVersion, long session, String brokerUri,
                                     Iterable<String> appIds, Map<String, Object> platform, String transportKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uptime", ManagementFactory.getRuntimeMXBean().getUptime());
        m.put("display_name", s.displayName());
        m.put("model_name", s.modelName());
        m.put("model_id", "metergate");
        m.put("part_number", "metergate");
        m.put("serial_number", s.serialNumber());
        m.put("firmware_version", firmwareVersion);
        m.put("bios_version", "n/a");
        m.put("os", System.getProperty("os.name", ""));
        m.put("os_version", System.getProperty("os.version", ""));
        m.put("os_arch", System.getProperty("os.arch", ""));
        m.put("jvm_name", System.getProperty("java.vm.name", ""));
        m.put("jvm_version", System.getProperty("java.version", ""));
        m.put("jvm_profile", System.getProperty("java.vm.vendor", ""));
        m.put("available_processors", Runtime.getRuntime().availableProcessors());
        m.put("total_memory", Runtime.getRuntime().totalMemory() / 1024);
        m.put("application_framework", "Metergate");
        m.put("application_framework_version", firmwareVersion);
        m.putAll(platform);
        String[] conn = connection(brokerUri);
        m.put("connection_interface", conn[0]);
        m.put("connection_ip", conn[1]);
        m.put("accept_encoding", "gzip");
        m.put("application_ids", String.join(",", appIds));
        m.put("metergate_payload_format", s.format().label());
        m.put(SESSION, session);
        if (transportKey != null) {
            m.put("metergate_key_transport_key", transportKey);
        }
        return m;
    }

    /** The metrics of DC and LWT. */
    static Map<String, Object> goodbye(LinkSettings s, long session) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uptime", ManagementFactory.getRuntimeMXBean().getUptime());
        m.put("display_name", s.displayName());
        m.put(SESSION, session);
        return m;
    }

    /** Interface name and local address used to reach the broker (no packet is sent). */
    static String[] connection(String brokerUri) {
        if (brokerUri == null) {
            return new String[] {"", ""};
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            URI u = URI.create(brokerUri);
            probe.connect(new InetSocketAddress(InetAddress.getByName(u.getHost()), u.getPort() < 0 ? 1883 : u.getPort()));
            InetAddress local = probe.getLocalAddress();
            NetworkInterface ni = NetworkInterface.getByInetAddress(local);
            return new String[] {ni == null ? "" : ni.getName(), local.getHostAddress()};
        } catch (Exception e) {
            return new String[] {"", ""};
        }
    }
}
