package dev.dispatchsim.tests.architecture;

import dev.dispatchsim.tests.architecture.fixture.LeakyApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature checker can fail: run over a type that leaks internals everywhere, it names every leak. */
class ApiSignaturesTest {

    private static final String LEAKY = LeakyApi.class.getName();
    private static final String CONFIG = "dev.dispatchsim.internal.engine.EngineConfig";

    @Test
    void should_name_every_leak_and_nothing_hidden_when_a_public_type_shows_internal_types() {
        assertThat(new ApiSignatures(ApiSignatures.FORBIDDEN).violations(LeakyApi.class)).containsExactlyInAnyOrder(
                LEAKY + ": supertype: dev.dispatchsim.internal.engine.JournalRing",
                LEAKY + ": field config: " + CONFIG,
                LEAKY + ": constructor parameter 1: " + CONFIG,
                LEAKY + ": return of get(): dev.dispatchsim.internal.engine.JournalRing",
                LEAKY + ": method use() parameter 1: " + CONFIG,
                LEAKY + ": method bound() parameter 1: " + CONFIG,
                LEAKY + ": method bound() type parameter T: " + CONFIG,
                LEAKY + ": method fail() throws: dev.dispatchsim.internal.standalone.ConfigException",
                LEAKY + ": return of app(): io.javalin.Javalin",
                LEAKY + ": return of matrix(): " + CONFIG,
                LEAKY + "$Leak: record component node: com.fasterxml.jackson.databind.JsonNode",
                LEAKY + "$Leak: return of node(): com.fasterxml.jackson.databind.JsonNode",
                LEAKY + "$Leak: constructor parameter 1: com.fasterxml.jackson.databind.JsonNode");
    }

    @Test
    void should_find_nothing_when_a_public_type_names_only_jdk_types() {
        assertThat(new ApiSignatures(ApiSignatures.FORBIDDEN).violations(java.util.Optional.class)).isEmpty();
    }
}
