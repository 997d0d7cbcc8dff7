package dev.dispatchsim.internal.webhook;

import java.time.Duration;

/**
 * One webhook event on its way to one URL, with what the fault rules decided for it at queue time.
 *
 * @param participant the identity the event is about; empty for room events
 * @param agent       that participant's agent name; empty unless it is an agent
 * @param body        the exact bytes to send (and sign)
 * @param delay       how long the event is held once it reaches the head of its queue (delay rules); zero when none
 * @param failStatus  the status every attempt is answered with instead of asking the receiver (a fail rule); 0 when none
 * @param failRule    the rule that set {@code failStatus}
 */
record Delivery(String url, String eventId, String event, String room, String participant, String agent, byte[] body,
                Duration delay, int failStatus, String failRule) {
}
