package dev.dispatchsim.internal.admin;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.dispatchsim.journal.AppliedEffect;

/**
 * How the admin API writes and reads an {@link AppliedEffect}: tagged with the profile's own name for its
 * kind, {@code {"type": "delay", "by": "PT12.185S"}}. A mix-in, so the public journal types carry no Jackson.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AppliedEffect.Dropped.class, name = "drop"),
        @JsonSubTypes.Type(value = AppliedEffect.Delayed.class, name = "delay"),
        @JsonSubTypes.Type(value = AppliedEffect.Duplicated.class, name = "duplicate"),
        @JsonSubTypes.Type(value = AppliedEffect.Reordered.class, name = "reorder"),
        @JsonSubTypes.Type(value = AppliedEffect.Failed.class, name = "fail"),
        @JsonSubTypes.Type(value = AppliedEffect.Reported.class, name = "report"),
        @JsonSubTypes.Type(value = AppliedEffect.Stalled.class, name = "stall"),
        @JsonSubTypes.Type(value = AppliedEffect.Disconnected.class, name = "disconnect")})
interface AppliedEffectJson {
}
