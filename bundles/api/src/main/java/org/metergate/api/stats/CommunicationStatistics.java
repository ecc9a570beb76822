package org.metergate.api.stats;

import java.util.List;
import java.util.Optional;
import org.metergate.api.meter.MeterAddress;
import org.osgi.annotation.versioning.ProviderType;

/** The gateway's communication statistics (TR 50572 use case "communication statistics"). */
@ProviderType
public interface CommunicationStatistics {

    /** Statistics of one meter, if it was heard. */
    Optional<MeterStatistics> meter(MeterAddress meter);

    /** Statistics of every meter heard since start, in address order. */
    List<MeterStatistics> meters();

    /** Statistics of every link and receiver, by id. */
    List<LinkStatistics> links();

    PipelineStatistics pipeline();
}
