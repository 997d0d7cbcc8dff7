package dev.dispatchsim.model;



/** What a job is about, with LiveKit's names and numbers (JT_ROOM = 0, JT_PUBLISHER = 1, JT_PARTICIPANT = 2). */
public enum JobType {
    JT_ROOM, JT_PUBLISHER, JT_PARTICIPANT
}
