package io.github.romeojuliet.romeo.support;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh random ids for the traces a test starts, as a caller's tracer would make them. */
public final class TraceIds {

    private TraceIds() {
    }

    public static String traceId() {
        return randomHex(16);
    }

    public static String spanId() {
        return randomHex(8);
    }

    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1; // never all zeros, which W3C and B3 both treat as invalid
        return HexFormat.of().formatHex(id);
    }
}
