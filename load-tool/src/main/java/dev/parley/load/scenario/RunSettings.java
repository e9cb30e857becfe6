package dev.parley.load.scenario;

import dev.parley.load.client.ClientContext;
import dev.parley.load.metrics.ProcessStats;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * What every scenario of a run needs besides its own sizes: the client context, a label for the result line, the
 * shard, the accounts ({@code prefix + number}, numbered from {@code firstAccount}), the server's process id for CPU and
 * memory readings (absent when the server runs elsewhere), and bounds on session set-up.
 */
public record RunSettings(ClientContext client, String label, Shard shard, String prefix, int firstAccount,
                          OptionalLong serverPid, int connectConcurrency, Duration setupTimeout) {
    public RunSettings {
        if (connectConcurrency < 1) {
            throw new IllegalArgumentException("connect concurrency must be at least 1");
        }
    }

    public String username(int account) {
        return prefix + account;
    }

    /** The server's CPU seconds so far, or NaN without a pid. */
    public double serverCpuSeconds() {
        return serverPid.isPresent() ? ProcessStats.cpuSeconds(serverPid.getAsLong()) : Double.NaN;
    }

    /** The server's resident memory, or -1 without a pid. */
    public long serverRssBytes() {
        return serverPid.isPresent() ? ProcessStats.rssBytes(serverPid.getAsLong()) : -1;
    }

    public static double toolCpuSeconds() {
        return ProcessStats.cpuSeconds(ProcessStats.self());
    }
}
