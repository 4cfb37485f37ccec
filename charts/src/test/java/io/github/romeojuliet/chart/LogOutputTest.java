package io.github.romeojuliet.chart;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log sidecar's [OUTPUT] carries only properties its plugin accepts: fluent-bit refuses to start on an
 * unknown one, which with the sidecar on takes every pod out of service. And each log line travels one stream.
 */
class LogOutputTest {

    /**
     * Properties every output plugin takes, from fluent-bit's "Configuration file" and "TLS" pages
     * (https://docs.fluentbit.io/manual/administration/configuring-fluent-bit/classic-mode/configuration-file,
     * https://docs.fluentbit.io/manual/administration/transport-security).
     */
    private static final Set<String> EVERY_OUTPUT = Set.of("name", "match", "match_regex", "alias", "log_level",
            "retry_limit", "workers", "storage.total_limit_size", "tls", "tls.verify", "tls.ca_file", "tls.crt_file",
            "tls.key_file", "tls.vhost", "net.keepalive", "net.connect_timeout");

    /**
     * Each plugin's own configuration table, fluent-bit 4.0 manual (the sidecar's image), pages
     * https://docs.fluentbit.io/manual/pipeline/outputs/{standard-output, forward, loki, elasticsearch, http}.
     * Keys are case-insensitive in fluent-bit, so they are kept lower-case here.
     */
    private static final Map<String, Set<String>> PLUGIN_PROPERTIES = Map.of(
            "stdout", Set.of("format", "json_date_key", "json_date_format"),
            "forward", Set.of("host", "port", "time_as_integer", "upstream", "unix_path", "tag", "send_options",
                    "require_ack_response", "compress", "retain_metadata_in_forward_mode", "fluentd_compat",
                    "shared_key", "empty_shared_key", "self_hostname", "username", "password"),
            "loki", Set.of("host", "uri", "port", "http_user", "http_passwd", "bearer_token", "tenant_id", "labels",
                    "label_keys", "label_map_path", "structured_metadata", "remove_keys", "drop_single_key",
                    "line_format", "auto_kubernetes_labels", "tenant_id_key", "compress"),
            "es", Set.of("host", "port", "path", "compress", "buffer_size", "pipeline", "http_user", "http_passwd",
                    "cloud_id", "cloud_auth", "index", "type", "logstash_format", "logstash_prefix",
                    "logstash_prefix_key", "logstash_dateformat", "time_key", "time_key_format", "time_key_nanos",
                    "include_tag_key", "tag_key", "generate_id", "id_key", "write_operation", "replace_dots",
                    "trace_output", "trace_error", "current_time_index", "suppress_type_name"),
            "http", Set.of("host", "port", "http_user", "http_passwd", "proxy", "uri", "compress", "format",
                    "allow_duplicated_headers", "log_response_payload", "header_tag", "header", "json_date_key",
                    "json_date_format", "gelf_timestamp_key", "gelf_host_key", "gelf_short_message_key",
                    "gelf_full_message_key", "gelf_level_key", "body_key", "headers_key"));

    /** Each plugin as a user would switch it on: the name and the properties that point it at the backend. */
    static Stream<Arguments> outputs() {
        return Stream.of(
                Arguments.of("stdout", Map.of()),
                Arguments.of("forward", Map.of("Host", "fluentd.logging", "Port", "24224")),
                Arguments.of("loki", Map.of("host", "loki.logging", "port", "3100", "labels", "job=romeo-juliet")),
                Arguments.of("es", Map.of("Host", "elasticsearch.logging", "Port", "9200", "Suppress_Type_Name", "On")),
                Arguments.of("http", Map.of("host", "logs.example.internal", "port", "8080", "uri", "/ingest")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outputs")
    void theOutputCarriesOnlyPropertiesItsPluginAccepts(String plugin, Map<String, String> properties) {
        Map<String, Object> sets = new LinkedHashMap<>(Map.of("logSidecar.enabled", true, "logSidecar.output.name", plugin));
        properties.forEach((k, v) -> sets.put("logSidecar.output.properties." + k, v));
        Chart.Rendered r = Chart.render(sets);
        for (String app : List.of("juliet", "romeo")) {
            String conf = r.get("ConfigMap", app + "-fluent-bit").path("data").path("fluent-bit.conf").asText();
            Map<String, String> output = section(conf, "OUTPUT");
            assertThat(output.get("name")).isEqualTo(plugin);
            Set<String> unknown = new TreeSet<>(output.keySet());
            unknown.removeAll(EVERY_OUTPUT);
            unknown.removeAll(PLUGIN_PROPERTIES.get(plugin));
            assertThat(unknown).as(app + "'s " + plugin + " output has properties fluent-bit's " + plugin + " plugin refuses").isEmpty();
            properties.forEach((k, v) -> assertThat(output).as(app).containsEntry(k.toLowerCase(), v));
        }
    }

    @Test
    void stdoutPrintsOneJsonRecordALine() {
        Map<String, String> output = section(Chart.render(Chart.example("native-sidecars.yaml"))
                .get("ConfigMap", "juliet-fluent-bit").path("data").path("fluent-bit.conf").asText(), "OUTPUT");
        assertThat(output).containsEntry("format", "json_lines");
    }

    @Test
    void withTheSidecarTheFileIsTheOnlyStream() {
        Chart.Rendered r = Chart.render(Chart.example("sidecars.yaml"));
        for (String owner : List.of("Deployment/juliet-v1", "Deployment/romeo")) {
            Chart.PodView pod = r.pod(owner);
            String app = pod.spec().path("containers").get(0).path("name").asText();
            assertThat(pod.env(app, "QUARKUS_LOG_FILE_ENABLED")).as(owner).isEqualTo("true");
            assertThat(pod.env(app, "QUARKUS_LOG_CONSOLE_ENABLED")).as(owner + ": the console would carry each line a second time").isEqualTo("false");
        }
        Chart.PodView plain = Chart.render().pod("Deployment/juliet-v1");
        assertThat(plain.env("juliet", "QUARKUS_LOG_CONSOLE_ENABLED")).as("without the sidecar the console is the stream").isNull();
    }

    /** The lower-cased keys and values of the first [NAME] section of a fluent-bit classic config. */
    static Map<String, String> section(String conf, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean in = false;
        for (String line : conf.lines().map(String::trim).toList()) {
            if (line.startsWith("[")) {
                if (in) {
                    break;
                }
                in = line.equals("[" + name + "]");
            } else if (in && !line.isEmpty() && !line.startsWith("#")) {
                String[] kv = line.split("\\s+", 2);
                out.put(kv[0].toLowerCase(), kv.length > 1 ? kv[1] : "");
            }
        }
        List<String> keys = new ArrayList<>(out.keySet());
        assertThat(keys).as("[" + name + "] section").isNotEmpty();
        return out;
    }
}
