package org.metergate.api.stats;

/**
 * Counters of the gateway's uplink pipeline (TR 50572 LNAP/NNAP data collection) since start.
 *
 * @param received telegrams handed to the pipeline
 * @param duplicates receptions of a telegram already received within the de-duplication window
 * @param accepted telegrams decoded whose readings and events are journaled (durable); duplicates and
 *        failures are not counted here
 * @param failed telegrams that could not be decoded (each also counted by kind)
 * @param readings readings journaled
 * @param events events journaled
 * @param queued telegrams waiting in the pipeline's queue now
 */
public record PipelineStatistics(long received, long duplicates, long accepted, long failed, long readings, long events,
                                 int queued) {
}
