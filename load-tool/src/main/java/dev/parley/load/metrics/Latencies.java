package dev.parley.load.metrics;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

/**
 * Latency histograms in nanoseconds (HdrHistogram, 3 significant digits, up to two minutes) and their portable form:
 * the compressed HdrHistogram encoding in Base64, so that shards' histograms merge exactly in the aggregator.
 */
public final class Latencies {
    private static final long HIGHEST_NANOS = 120_000_000_000L;

    private Latencies() {
    }

    public static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_NANOS, 3);
    }

    /** Records {@code nanos}, clamped into the histogram's range so that a stalled run never throws. */
    public static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos, HIGHEST_NANOS)));
    }

    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
    }

    public static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded latency histogram", e);
        }
    }
}
