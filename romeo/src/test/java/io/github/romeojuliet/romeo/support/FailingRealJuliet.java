package io.github.romeojuliet.romeo.support;

import java.util.Map;

/** The real Juliet as a bad canary: version v2, every greeting answered 500 by her fault injection. */
public class FailingRealJuliet extends RealJuliet {

    public static final String VERSION = "v2";

    public FailingRealJuliet() {
        super(Map.of("JULIET_VERSION", VERSION, "JULIET_FAULT_ERROR_RATE", "1"));
    }
}
