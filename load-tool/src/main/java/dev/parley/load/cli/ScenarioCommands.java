package dev.parley.load.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.load.scenario.ChatScenario;
import dev.parley.load.scenario.IdleScenario;
import dev.parley.load.scenario.LoginScenario;
import dev.parley.load.scenario.MucScenario;
import dev.parley.load.scenario.ResumeScenario;
import dev.parley.load.scenario.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The scenario subcommands; each maps its options onto its scenario's settings. */
final class ScenarioCommands {
    private ScenarioCommands() {
    }

    @Command(name = "idle", mixinStandardHelpOptions = true,
            description = "N idle TLS sessions; server memory per session (needs --server-pid).")
    static final class Idle extends ScenarioCommand {
        @Option(names = "--sessions", required = true, description = "Sessions over all shards.")
        int sessions;

        @Option(names = "--settle", defaultValue = "5", description = "Seconds idle before memory is read (default ${DEFAULT-VALUE}).")
        int settle;

        @Override
        ObjectNode run(RunSettings settings) throws InterruptedException {
            return IdleScenario.run(settings, new IdleScenario.Settings(sessions, Duration.ofSeconds(settle)));
        }
    }

    @Command(name = "chat", mixinStandardHelpOptions = true,
            description = "Pairs exchanging messages at an offered rate, or stepping up to saturation.")
    static final class Chat extends ScenarioCommand {
        @Option(names = "--pairs", required = true, description = "Pairs over all shards.")
        int pairs;

        @Option(names = "--rate", required = true, description = "Messages per second offered over all shards (the first step's rate with --step-up).")
        double rate;

        @Option(names = "--warmup", defaultValue = "3", description = "Seconds before measuring (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--duration", defaultValue = "10", description = "Seconds measured (default ${DEFAULT-VALUE}).")
        int duration;

        @Option(names = "--step-up", description = "Step the rate up by this factor until saturation, e.g. 1.5.")
        Double stepFactor;

        @Option(names = "--max-steps", defaultValue = "10", description = "Most steps (default ${DEFAULT-VALUE}).")
        int maxSteps;

        @Option(names = "--step-seconds", defaultValue = "5", description = "Seconds measured per step (default ${DEFAULT-VALUE}).")
        int stepSeconds;

        @Option(names = "--drain", defaultValue = "10", description = "Most seconds to wait for messages in flight (default ${DEFAULT-VALUE}).")
        int drain;

        @Override
        ObjectNode run(RunSettings settings) throws InterruptedException {
            if (stepFactor != null && stepFactor <= 1) {
                throw new IllegalArgumentException("--step-up must be above 1");
            }
            ChatScenario.StepUp stepUp = stepFactor == null ? null
                    : new ChatScenario.StepUp(stepFactor, Math.min(maxSteps, 30), Duration.ofSeconds(stepSeconds));
            return ChatScenario.run(settings, new ChatScenario.Settings(pairs, rate, Duration.ofSeconds(warmup),
                    Duration.ofSeconds(duration), stepUp, Duration.ofSeconds(drain)));
        }
    }

    @Command(name = "muc", mixinStandardHelpOptions = true,
            description = "Rooms of K occupants exchanging groupchat messages (XEP-0045).")
    static final class Muc extends ScenarioCommand {
        @Option(names = "--rooms", required = true, description = "Rooms over all shards.")
        int rooms;

        @Option(names = "--occupants", required = true, description = "Occupants per room.")
        int occupants;

        @Option(names = "--service", description = "The MUC service (default conference.<domain>).")
        String service;

        @Option(names = "--rate", required = true, description = "Groupchat messages per second offered over all shards.")
        double rate;

        @Option(names = "--warmup", defaultValue = "3", description = "Seconds before measuring (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--duration", defaultValue = "10", description = "Seconds measured (default ${DEFAULT-VALUE}).")
        int duration;

        @Option(names = "--drain", defaultValue = "10", description = "Most seconds to wait for messages in flight (default ${DEFAULT-VALUE}).")
        int drain;

        @Override
        ObjectNode run(RunSettings settings) throws InterruptedException {
            String at = service != null ? service : "conference." + settings.client().domain();
            return MucScenario.run(settings, new MucScenario.Settings(rooms, occupants, at, rate,
                    Duration.ofSeconds(warmup), Duration.ofSeconds(duration), Duration.ofSeconds(drain)));
        }
    }

    @Command(name = "logins", mixinStandardHelpOptions = true,
            description = "Full logins (TCP, TLS, SASL, bind) per second.")
    static final class Logins extends ScenarioCommand {
        @Option(names = "--accounts", defaultValue = "20", description = "Accounts cycled through (default ${DEFAULT-VALUE}).")
        int accounts;

        @Option(names = "--logins", required = true, description = "Measured logins over all shards.")
        int logins;

        @Option(names = "--concurrency", defaultValue = "10", description = "Logins in flight (default ${DEFAULT-VALUE}).")
        int concurrency;

        @Option(names = "--limit", defaultValue = "120", description = "Most seconds for the logins (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        ObjectNode run(RunSettings settings) throws InterruptedException {
            return LoginScenario.run(settings, new LoginScenario.Settings(accounts, logins, concurrency,
                    Duration.ofSeconds(limit)));
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Stream resumptions (XEP-0198) per second.")
    static final class Resume extends ScenarioCommand {
        @Option(names = "--sessions", defaultValue = "10", description = "Sessions resumed in turn (default ${DEFAULT-VALUE}).")
        int sessions;

        @Option(names = "--resumptions", required = true, description = "Measured resumptions over all shards.")
        int resumptions;

        @Option(names = "--limit", defaultValue = "120", description = "Most seconds for the resumptions (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        ObjectNode run(RunSettings settings) throws InterruptedException {
            return ResumeScenario.run(settings, new ResumeScenario.Settings(sessions, resumptions,
                    Duration.ofSeconds(limit)));
        }
    }
}
