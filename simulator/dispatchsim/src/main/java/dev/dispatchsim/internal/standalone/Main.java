package dev.dispatchsim.internal.standalone;

import dev.dispatchsim.admin.Health;
import dev.dispatchsim.internal.transport.LoggingSetup;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone server: {@code java -jar dispatchsim.jar --port 7880 --seed 42}, or the same by
 * {@code DISPATCHSIM_*} env vars. Exit codes: 0 after a clean shutdown (143 when ended by SIGTERM,
 * as the JVM reports it), 1 when the port cannot be bound, 2 for a bad flag, env var or profile.
 * The options are built from {@link StandaloneSetting}, so flags, env vars and help cannot disagree.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }


    /** Runs the command; when the server starts, blocks until the JVM shuts down. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(spec());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException bad) {
            err.println("dispatchsim: " + bad.getMessage());
            err.println("Run with --help for the valid options.");
            return 2;
        }
        if (CommandLine.printHelpIfRequested(parsed)) {
            return 0;
        }
        EnvLayer envLayer = EnvLayer.of(env);
        if (parsed.hasSubcommand()) {
            ParseResult sub = parsed.subcommand();
            if (CommandLine.printHelpIfRequested(sub)) {
                return 0;
            }
            return switch (sub.commandSpec().name()) {
                case ReportCommand.NAME -> ReportCommand.run(sub, out, err);
                case ValidateCommand.NAME -> ValidateCommand.run(sub, out, err);
                case TokenCommand.NAME -> TokenCommand.run(sub, envLayer, out, err);
                default -> HealthCheck.run(envLayer, out, err);
            };
        }
        StandaloneServer server;
        try {
            StandaloneConfig config = StandaloneConfig.resolve(flags(parsed), envLayer);
            logLevels(config.logLevel());
            server = StandaloneServer.start(config, envLayer, out);
        } catch (ConfigException bad) {
            err.println("dispatchsim: " + bad.getMessage());
            return 2;
        } catch (RuntimeException cannotListen) {
            err.println("dispatchsim: cannot start: " + cannotListen.getMessage()
                    + (cannotListen.getCause() == null ? "" : " (" + cannotListen.getCause() + ")"));
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.println("dispatchsim stopped");
            stopped.countDown();
        }, "dispatchsim-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * slf4j-simple's levels, set before anything creates a logger (it reads them once). Jetty's and Javalin's
     * start-up chatter is INFO; it shows only at debug, so the default output is the simulator's own lines.
     * Their own debug and trace output dumps raw requests, admin tokens, LiveKit JWTs and the timeline UI's
     * login link included, so at debug and trace they stay at info.
     */
    static void logLevels(String level) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        String server = switch (level) {
            case "info" -> "warn";
            case "debug", "trace" -> "info";
            default -> level;
        };
        LoggingSetup.serverLoggerRoots().forEach(root -> System.setProperty("org.slf4j.simpleLogger.log." + root, server));
    }

    private static Map<StandaloneSetting, String> flags(ParseResult parsed) {
        Map<StandaloneSetting, String> flags = new EnumMap<>(StandaloneSetting.class);
        for (StandaloneSetting setting : StandaloneSetting.values()) {
            Object value = parsed.matchedOptionValue(setting.flag(), null);
            if (value instanceof String[] many) {
                flags.put(setting, String.join(",", many));
            } else if (value != null) {
                flags.put(setting, (String) value);
            }
        }
        return flags;
    }

    static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("dispatchsim").version("dispatchsim " + Health.VERSION)
                .mixinStandardHelpOptions(true);
        spec.usageMessage().description("A local, deterministic, LiveKit-compatible agent-dispatch simulator.",
                "Every option can also be set by its env var; a flag wins over its env var.");
        for (StandaloneSetting setting : StandaloneSetting.values()) {
            spec.addOption(OptionSpec.builder(setting.flag()).paramLabel(setting.label())
                    .type(setting.repeatable() ? String[].class : String.class).arity("1")
                    .description(setting.help() + ". Env: " + setting.envName()
                            + (setting.defaultValue() == null ? "" : ". Default: " + setting.defaultValue()))
                    .build());
        }
        CommandSpec health = CommandSpec.create().name("healthcheck").mixinStandardHelpOptions(true);
        health.usageMessage().description("Exit 0 when the server configured by the DISPATCHSIM_* env vars answers "
                + "GET /_sim/health, 1 otherwise (the Docker image's HEALTHCHECK).");
        spec.addSubcommand("healthcheck", health);
        spec.addSubcommand(ReportCommand.NAME, ReportCommand.spec());
        spec.addSubcommand(ValidateCommand.NAME, ValidateCommand.spec());
        spec.addSubcommand(TokenCommand.NAME, TokenCommand.spec());
        return spec;
    }
}
