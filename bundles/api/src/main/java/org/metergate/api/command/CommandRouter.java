package org.metergate.api.command;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The gateway's command router (TR 50572 downlink): takes an authorised command and hands it to the
 * {@link CommandHandler} of a link that reaches the meter.
 */
@ProviderType
public interface CommandRouter {

    CompletionStage<CommandResult> submit(CommandRequest request);
}
