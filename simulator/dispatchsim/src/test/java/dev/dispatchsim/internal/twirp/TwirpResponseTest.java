package dev.dispatchsim.internal.twirp;

import dev.dispatchsim.model.ErrorCode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwirpResponseTest {

    private static String body(TwirpResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void should_leave_meta_out_and_use_exact_content_type_when_there_is_no_meta() {
        // GIVEN / WHEN an error without meta
        TwirpResponse response = TwirpResponse.error(ErrorCode.UNAUTHENTICATED, "permissions denied", Map.of());

        // THEN it is Twirp's document with status 401 and Content-Type application/json, no charset
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(body(response)).isEqualTo("{\"code\":\"unauthenticated\",\"msg\":\"permissions denied\"}");
    }

    @Test
    void should_escape_html_characters_like_go_when_the_message_has_them() {
        // GIVEN a message with < > & (e.g. an odd Content-Type quoted back)
        TwirpResponse response = TwirpResponse.error(ErrorCode.BAD_ROUTE, "unexpected Content-Type: \"a<b>&c\"",
                Map.of("twirp_invalid_route", "POST /x"));

        // WHEN / THEN they are escaped as Go's encoding/json does, in lower-case hex
        assertThat(body(response)).isEqualTo("{\"code\":\"bad_route\",\"msg\":\"unexpected Content-Type: "
                + "\\\"a\\u003cb\\u003e\\u0026c\\\"\",\"meta\":{\"twirp_invalid_route\":\"POST /x\"}}");
    }

    @Test
    void should_label_plain_text_like_go_net_http_when_answering_before_twirp() {
        // GIVEN / WHEN a plain-text answer
        TwirpResponse response = TwirpResponse.plain(401, "invalid API key");

        // THEN its type is what Go's content sniffing yields
        assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(body(response)).isEqualTo("invalid API key");
    }

    @Test
    void should_quote_like_go_when_the_text_has_quotes_and_control_characters() {
        // GIVEN / WHEN / THEN
        assertThat(GoQuote.quote("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\x01\"");
    }
}
