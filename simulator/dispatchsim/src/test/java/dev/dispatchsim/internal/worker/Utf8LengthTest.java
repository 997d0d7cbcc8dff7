package dev.dispatchsim.internal.worker;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The text-frame size check counts UTF-8 bytes, as they travel, not Java chars. */
class Utf8LengthTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "ascii only", "é", "日本語", "emoji 😀 pair", "mixed é日😀x"})
    void should_count_the_utf8_bytes_when_text_has_any_characters(String text) {
        // GIVEN a valid string
        // WHEN its frame size is measured
        // THEN it is the length of its UTF-8 encoding
        assertThat(WorkerFrames.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
}
