package org.metergate.mbus.app;

/** What the application layer carries after a CI-field. */
public sealed interface ApplicationMessage
        permits VariableDataResponse, FixedDataResponse, ApplicationErrorResponse, DataSend, SlaveSelect,
                ApplicationReset, BaudRateSwitch {

    /** The CI-field. */
    int ci();
}
