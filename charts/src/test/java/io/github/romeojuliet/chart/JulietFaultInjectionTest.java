package io.github.romeojuliet.chart;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** juliet.variants.*.fault: a bad v2 rehearsed behind the A/B routing, the healthy variant untouched. */
class JulietFaultInjectionTest {

    @Test
    void aFaultyCanaryGetsTheFaultEnvAndTheStableVariantNone() {
        Chart.Rendered r = Chart.render(Chart.example("ab-weight.yaml"), Map.of(
                "juliet.variants.v2.fault.latency", "300ms", "juliet.variants.v2.fault.errorRate", 0.2));
        Chart.PodView v2 = r.pod("Deployment/juliet-v2");
        assertThat(v2.env("juliet", "JULIET_FAULT_LATENCY")).isEqualTo("300ms");
        assertThat(v2.env("juliet", "JULIET_FAULT_ERROR_RATE")).isEqualTo("0.2");
        Chart.PodView v1 = r.pod("Deployment/juliet-v1");
        assertThat(v1.env("juliet", "JULIET_FAULT_LATENCY")).isNull();
        assertThat(v1.env("juliet", "JULIET_FAULT_ERROR_RATE")).isNull();
    }

    @Test
    void faultsThatAreOffSetNoEnvAtAll() {
        Chart.PodView v1 = Chart.render(Map.of("juliet.variants.v1.fault.latency", "0ms",
                "juliet.variants.v1.fault.errorRate", 0)).pod("Deployment/juliet-v1");
        assertThat(v1.env("juliet", "JULIET_FAULT_LATENCY")).isNull();
        assertThat(v1.env("juliet", "JULIET_FAULT_ERROR_RATE")).isNull();
    }

    @Test
    void oneFaultAloneAndTheStatefulSetToo() {
        Chart.PodView pod = Chart.render(Chart.example("statefulset.yaml"), Map.of("juliet.variants.v1.fault.errorRate", 1))
                .pod("StatefulSet/juliet");
        assertThat(pod.env("juliet", "JULIET_FAULT_ERROR_RATE")).isEqualTo("1");
        assertThat(pod.env("juliet", "JULIET_FAULT_LATENCY")).isNull();
    }

    @Test
    void aVariantAddedOnTheCommandLineNeedsNoFaultBlock() {
        Chart.PodView v3 = Chart.render(Map.of("juliet.variants.v3.enabled", true, "juliet.variants.v3.version", "v3"))
                .pod("Deployment/juliet-v3");
        assertThat(v3.env("juliet", "JULIET_VERSION")).isEqualTo("v3");
        assertThat(v3.env("juliet", "JULIET_FAULT_LATENCY")).isNull();
    }
}
