package dev.dispatchsim.clienttests.profiles.support;

import retrofit2.Response;

import java.io.IOException;

/** What a Retrofit response said, for assertions and failure messages (the SDK throws nothing on non-2xx). */
public final class Responses {

    private Responses() {
    }

    /** The raw error body (the Twirp JSON), or "" for a success. */
    public static String errorBody(Response<?> response) {
        if (response.isSuccessful() || response.errorBody() == null) {
            return "";
        }
        try {
            return response.errorBody().string();
        } catch (IOException unreadable) {
            return "<unreadable: " + unreadable + ">";
        }
    }

    public static String describe(Response<?> response) {
        return "HTTP " + response.code() + " " + errorBody(response);
    }
}
