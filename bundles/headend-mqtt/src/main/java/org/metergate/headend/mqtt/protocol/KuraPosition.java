package org.metergate.headend.mqtt.protocol;

/**
 * The position of a Kura payload (WGS84). Metergate gateways do not move and send none; a position
 * that arrives is kept so it survives a decode/encode round trip.
 */
public record KuraPosition(double latitude, double longitude, Double altitude, Double precision, Double heading,
                           Double speed, Long timestamp, Integer satellites, Integer status) {

    public static KuraPosition of(double latitude, double longitude) {
        return new KuraPosition(latitude, longitude, null, null, null, null, null, null, null);
    }
}
