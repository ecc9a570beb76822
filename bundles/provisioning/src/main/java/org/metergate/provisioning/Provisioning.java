package org.metergate.provisioning;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The gateway's installer. One deployment runs at a time; the methods block until it has ended and
 * tell the listener about each step.
 */
@ProviderType
public interface Provisioning {

    /**
     * Verifies and installs a package: a feature or bundle transactionally, firmware into the
     * inactive A/B slot (completed by the launcher's next start).
     */
    DeploymentResult install(Path packageFile, ProgressListener listener);

    /** Removes a feature or bundle with the configurations it brought. */
    DeploymentResult uninstall(String unitId, ProgressListener listener);

    /** Goes back to the version of a unit that was installed before its last update, or gives back the firmware trial. */
    DeploymentResult rollback(String unitId, ProgressListener listener);

    List<DeployedUnit> units();

    Optional<DeployedUnit> unit(String id);

    /**
     * The firmware slots: {@code running}, {@code good}, {@code trial}, {@code tries}, {@code failed},
     * {@code failedReason}, {@code version.a}, {@code version.b} (absent keys: not applicable).
     */
    Map<String, String> firmware();
}
