package org.metergate.features;

/** A feature file that cannot be read or features that do not fit together; says which file and why. */
public class FeatureException extends Exception {

    private static final long serialVersionUID = 1L;

    public FeatureException(String message) {
        super(message);
    }

    public FeatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
