package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import io.livekit.server.AccessToken;
import io.livekit.server.VideoGrant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Raw HTTP to the simulator's Twirp endpoints, for what the Java SDK cannot send: malformed JSON, a chosen
 * Authorization header, an RPC it has no method for. Tokens are still minted by the SDK's own AccessToken.
 */
final class RawTwirp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final LiveKitSimulator sim;

    RawTwirp(LiveKitSimulator sim) {
        this.sim = sim;
    }

    /** A token the SDK mints with these grants (no "Bearer " in front). */
    String token(VideoGrant... grants) {
        AccessToken token = new AccessToken(sim.apiKey(), sim.apiSecret());
        token.addGrants(grants);
        return token.toJwt();
    }

    HttpResponse<String> json(String serviceMethod, String body, String authorization) {
        return post(serviceMethod, "application/json", HttpRequest.BodyPublishers.ofString(body), authorization);
    }

    HttpResponse<String> post(String serviceMethod, String contentType, HttpRequest.BodyPublisher body,
                              String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.httpUrl() + "/twirp/" + serviceMethod))
                .header("Content-Type", contentType).POST(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + serviceMethod, interrupted);
        }
    }
}
