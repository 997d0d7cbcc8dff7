package dev.dispatchsim.model;



/** ParticipantInfo.State names and numbers (JOINING = 0 … DISCONNECTED = 3). */
public enum ParticipantState {
    JOINING, JOINED, ACTIVE, DISCONNECTED
}
