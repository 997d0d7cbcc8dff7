package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.admin.TokenRequest;
import dev.dispatchsim.internal.clock.DurationText;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin routes added for scenarios and verification: one rule at a time, the scenario state, the
 * Twirp calls made, and tokens for curl. Same shape as {@link AdminHandlers}: read, call, answer.
 */
final class RuleHandlers {

    /** {@code PATCH /_sim/profile/rules/{name}}: only {@code enabled} can change at run time. */
    record RulePatch(Boolean enabled) {
    }

    record ScenarioBody(String state) {
    }

    /** {@code ttl} as the other admin durations are written: 10s, 1h, PT6H. */
    record TokenBody(String room, List<String> grants, String identity, String ttl) {
    }

    private final SimulatorAdmin admin;

    RuleHandlers(SimulatorAdmin admin) {
        this.admin = admin;
    }

    AdminResponse rules(AdminCall call) {
        return AdminResponse.ok(admin.rules());
    }

    AdminResponse addRule(AdminCall call) {
        return AdminResponse.json(201, admin.addRule(call.body()));
    }

    AdminResponse removeRule(AdminCall call) {
        admin.removeRule(call.path("name"));
        return AdminResponse.noContent();
    }

    AdminResponse patchRule(AdminCall call) {
        RulePatch patch = AdminJson.readBody(call.body().isBlank() ? "{}" : call.body(), RulePatch.class);
        if (patch.enabled() == null) {
            throw AdminException.badRequest("send {\"enabled\": false} or {\"enabled\": true}; nothing else of a rule "
                    + "changes at run time (remove it and add it again)");
        }
        return AdminResponse.ok(admin.setRuleEnabled(call.path("name"), patch.enabled()));
    }

    AdminResponse setScenarioState(AdminCall call) {
        ScenarioBody body = AdminJson.readBody(call.body().isBlank() ? "{}" : call.body(), ScenarioBody.class);
        admin.setScenarioState(body.state());
        return AdminResponse.ok(Map.of("scenarioState", body.state()));
    }

    AdminResponse twirpCalls(AdminCall call) {
        return AdminResponse.ok(admin.twirpCalls(call.query("method"), call.query("room")));
    }

    /** Only for callers on this machine: a token is a key to the simulator's LiveKit API. */
    AdminResponse token(AdminCall call) {
        if (!call.request().fromLoopback()) {
            throw new AdminException(403, "permission_denied", "POST /_sim/token answers only on loopback (this "
                    + "machine); mint tokens elsewhere with 'java -jar dispatchsim-standalone.jar token'");
        }
        TokenBody body = AdminJson.readBody(call.body().isBlank() ? "{}" : call.body(), TokenBody.class);
        Duration ttl = null;
        if (body.ttl() != null) {
            try {
                ttl = DurationText.parse(body.ttl(), "ttl");
            } catch (IllegalArgumentException invalid) {
                throw AdminException.badRequest(invalid.getMessage());
            }
        }
        String token = admin.mintToken(new TokenRequest(body.room(), body.grants(), body.identity(), ttl));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("token", token);
        json.put("authorization", "Bearer " + token);
        return AdminResponse.ok(json);
    }
}
