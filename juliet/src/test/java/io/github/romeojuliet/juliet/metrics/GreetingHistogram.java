package io.github.romeojuliet.juliet.metrics;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code juliet_greeting_seconds} as Prometheus reads it from {@code /q/metrics}: one scrape,
 * asked for one series' count or one bucket. A series that is absent reads as null.
 */
public final class GreetingHistogram {

    /** The contract's buckets (docs/metrics.md), as Prometheus prints their le labels. */
    public static final String[] BUCKETS = {"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25",
        "0.5", "1.0", "2.5", "5.0", "10.0", "+Inf"};

    private static final Pattern SAMPLE = Pattern.compile("(?m)^juliet_greeting_seconds_(bucket|count)\\{([^}]*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final Map<String, Double> samples = new LinkedHashMap<>();
    private final String exposition;

    private GreetingHistogram(String exposition) {
        this.exposition = exposition;
        Matcher sample = SAMPLE.matcher(exposition);
        while (sample.find()) {
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            samples.put(key(sample.group(1), labels.get("format"), labels.get("status"), labels.get("le")),
                    Double.parseDouble(sample.group(3)));
        }
    }

    public static GreetingHistogram scrape() {
        return new GreetingHistogram(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** Greetings counted in this format and status class; null when the series is not exported. */
    public Double count(String format, String status) {
        return samples.get(key("count", format, status, null));
    }

    /** Greetings counted at or under this bucket's bound (its le label); null when not exported. */
    public Double bucket(String format, String status, String le) {
        return samples.get(key("bucket", format, status, le));
    }

    /** The same, 0 for a series not exported yet (it appears when first answered). */
    public double countOrZero(String format, String status) {
        Double count = count(format, status);
        return count == null ? 0 : count;
    }

    public double bucketOrZero(String format, String status, String le) {
        Double bucket = bucket(format, status, le);
        return bucket == null ? 0 : bucket;
    }

    public String exposition() {
        return exposition;
    }

    private static String key(String kind, String format, String status, String le) {
        return kind + "|" + format + "|" + status + "|" + le;
    }
}
