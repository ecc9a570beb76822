package org.metergate.api.command;

import java.util.concurrent.CompletionStage;
import org.metergate.api.meter.MeterAddress;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The M-interface side of the TR 50572 downlink: implemented by links that can send to meters (wired M-Bus master, wM-Bus S2/T2/C2 access window,
 * DLMS client): the command router gives them the commands for meters they reach.
 */
@ConsumerType
public interface CommandHandler {

    /** True when this link can reach the meter now or in its next access window. */
    boolean reaches(MeterAddress meter);

    /** Executes the command; the stage completes with the meter's answer or a timeout. */
    CompletionStage<CommandResult> execute(CommandRequest request);
}
