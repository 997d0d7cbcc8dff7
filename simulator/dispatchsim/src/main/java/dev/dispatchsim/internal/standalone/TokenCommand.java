package dev.dispatchsim.internal.standalone;

import dev.dispatchsim.internal.auth.AccessTokens;
import dev.dispatchsim.internal.auth.ApiKeys;
import dev.dispatchsim.internal.clock.DurationText;
import dev.dispatchsim.internal.clock.WallClock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * {@code dispatchsim token --room r --grants roomCreate,roomList}: prints an access token for curl, the way
 * {@code lk token create} does, signed with the first key of {@code --keys} / {@code DISPATCHSIM_KEYS} (the
 * server's own default: devkey:secret). Only the token goes to stdout, so {@code $(…)} captures it.
 */
final class TokenCommand {

    static final String NAME = "token";

    private TokenCommand() {
    }

    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name(NAME).mixinStandardHelpOptions(true);
        spec.usageMessage().description("Print an access token for a client such as curl "
                + "(curl -H \"Authorization: Bearer $(java -jar dispatchsim-standalone.jar token --grants roomList)\" ...).");
        spec.addOption(option("--room", "ROOM", "the room the grants are for (roomJoin and roomAdmin need one)"));
        spec.addOption(option("--grants", "GRANT[,GRANT...]", "video grants by LiveKit's names; valid: "
                + String.join(", ", AccessTokens.GRANTS)));
        spec.addOption(option("--identity", "IDENTITY", "the participant identity (sub)"));
        spec.addOption(option("--ttl", "DURATION", "how long the token is valid, e.g. 10m, 6h. Default: 6h"));
        spec.addOption(option("--keys", "KEY:SECRET", "the key to sign with (the first one). Env: DISPATCHSIM_KEYS. "
                + "Default: " + StandaloneSetting.KEYS.defaultValue()));
        return spec;
    }

    private static OptionSpec option(String name, String label, String help) {
        return OptionSpec.builder(name).paramLabel(label).type(String.class).description(help).build();
    }

    static int run(ParseResult parsed, EnvLayer env, PrintStream out, PrintStream err) {
        try {
            String keysText = parsed.matchedOptionValue("--keys", env.get(StandaloneSetting.KEYS));
            ApiKeys keys = ApiKeys.parse(keysText == null ? StandaloneSetting.KEYS.defaultValue() : keysText);
            String key = keys.keys().iterator().next();
            String ttlText = parsed.matchedOptionValue("--ttl", null);
            Duration ttl = ttlText == null ? null : DurationText.parse(ttlText, "--ttl");
            List<String> grants = Arrays.stream(parsed.matchedOptionValue("--grants", "").split(","))
                    .map(String::strip).filter(g -> !g.isEmpty()).toList();
            out.println(AccessTokens.mint(key, keys.secretFor(key).orElseThrow(), parsed.matchedOptionValue("--room", ""),
                    grants, parsed.matchedOptionValue("--identity", ""), ttl, WallClock.now()));
            return 0;
        } catch (IllegalArgumentException invalid) {
            err.println("dispatchsim token: " + invalid.getMessage());
            return 2;
        }
    }
}
