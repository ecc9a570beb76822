package org.metergate.headend.security.crypto;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider, used by instance (never looked up by name) for what the JDK lacks:
 * brainpool curves (RFC 5639; RFC 7027 for TLS) and PEM key formats.
 */
public final class BouncyCastle {

    /** One provider instance for this bundle. */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }

    /**
     * Adds the provider at the end of the JVM's provider list when no Bouncy Castle provider is there,
     * so that the JDK's TLS implementation can verify certificate chains on curves its own provider
     * lacks (brainpool). Last place: it is only chosen for what the JDK providers cannot do.
     *
     * @return true when this call added it
     */
    public static synchronized boolean registerLast() {
        if (Security.getProvider(PROVIDER.getName()) != null) {
            return false;
        }
        Security.addProvider(PROVIDER);
        return true;
    }

    /** Removes the provider again if it is this bundle's instance. */
    public static synchronized void unregister() {
        if (Security.getProvider(PROVIDER.getName()) == PROVIDER) {
            Security.removeProvider(PROVIDER.getName());
        }
    }
}
