package dev.dispatchsim.model;



/** A worker's self-reported status, with LiveKit's names and numbers (WS_AVAILABLE = 0, WS_FULL = 1). */
public enum WorkerStatus {
    WS_AVAILABLE, WS_FULL
}
