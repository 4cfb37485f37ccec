#!/usr/bin/env bash
# What Juliet's start-up costs, piece by piece (issue 7, item 4). Builds Juliet as it is, a bare
# Quarkus app with only quarkus-rest answering the same text, Juliet without each extension in
# turn, with each Micrometer binder off, with a JDK 17 AppCDS archive and with the JDK 25 AOT
# cache; then starts every variant (and the run-time switches: JVM flags, JSON console, log file,
# no host-name lookup, JDK 25) round-robin, and prints, per variant: median ms from launch to the
# first greeting answered, min-max, CPU ms used up to it (user+sys, far less sensitive to other
# load than wall time), RSS at that moment, classes loaded, and Quarkus's own "started in".
#
# Variants are built from a copy of HEAD under target/startup-costs/src, never in the working
# tree, and the bare app in ${TMPDIR:-/tmp}; nothing in the repository changes.
#
#   scripts/startup-costs.sh              build what is missing, measure, print the table
# Settings (environment): STARTS timed starts per variant (7, after one untimed); ONLY the ids of
# the variants to measure, space-separated (all by default; the ids are the first column of "row"
# below); REBUILD=true to build every variant again; JDK25_HOME.
# Writes target/startup-costs/results.tsv and results.md. On a busy machine read the paired
# columns: per round, the variant minus Juliet started just before it, median over the rounds.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

STARTS=${STARTS:-7}
REBUILD=${REBUILD:-false}
OUT=$RJ_ROOT/target/startup-costs
APPS=$OUT/apps
SRC=$OUT/src
BARE=${TMPDIR:-/tmp}/startup-costs-bare
PATH_GREETING=/romeo-please-call-me
HZ=$(getconf CLK_TCK)
JAVA25=$(jdk25_home || true)
mkdir -p "$APPS"

# ---- building ----

# Drops one io.quarkus dependency from a pom.
drop_dependency() {
  perl -0pi -e "s{\\s*<dependency>\\s*<groupId>io\\.quarkus</groupId>\\s*<artifactId>$2</artifactId>\\s*</dependency>}{}" "$1"
}

# Without Micrometer the resource loses its timers; everything else stays as it is.
edit_no_micrometer() {
  drop_dependency juliet/pom.xml quarkus-micrometer-registry-prometheus
  local resource=juliet/src/main/java/io/github/romeojuliet/juliet/rest/GreetingResource.java
  # No micrometer imports, no MeterRegistry parameter, no Timer fields, calls or helpers.
  perl -0pi -e 's{^import io\.micrometer.*\n}{}mg; s{, MeterRegistry registry\)}{)};
                s{\n    private static \w+ (record|timer)\(.*?\n    \}\n}{}sg; s{^.*(Timer|record\().*\n}{}mg' "$resource"
}
edit_no_health() {
  drop_dependency juliet/pom.xml quarkus-smallrye-health
  rm juliet/src/main/java/io/github/romeojuliet/juliet/health/GreetingHealthCheck.java
}
edit_no_logging_json() { drop_dependency juliet/pom.xml quarkus-logging-json; }
edit_rest_without_jackson() { perl -pi -e 's{<artifactId>quarkus-rest-jackson</artifactId>}{<artifactId>quarkus-rest</artifactId>}' juliet/pom.xml; }
edit_no_kubernetes_jib() {
  drop_dependency juliet/pom.xml quarkus-kubernetes
  drop_dependency juliet/pom.xml quarkus-container-image-jib
}

# build <variant> <edit function or -> [maven arguments...]: HEAD, edited, packaged, kept in $APPS.
build() {
  local name=$1 edit=$2; shift 2
  [ "$REBUILD" != true ] && [ -d "$APPS/$name" ] && return 0
  log "building $name"
  rm -rf "$SRC" && mkdir -p "$SRC"
  git archive HEAD | tar -x -C "$SRC"
  # The aot profile records its cache while the integration tests call Juliet, so it runs them.
  local goal=(package -Dmaven.test.skip=true)
  [[ " $* " == *" -Paot "* ]] && goal=(verify)
  (cd "$SRC" && { [ "$edit" = - ] || "$edit"; } \
     && nice ./mvnw -B -ntp -q "${goal[@]}" -pl juliet "$@") \
    || die "building $name failed"
  rm -rf "${APPS:?}/$name" && mv "$SRC/juliet/target/quarkus-app" "$APPS/$name"
}

# A bare Quarkus app: quarkus-rest only, one @NonBlocking text endpoint answering Juliet's text.
build_bare() {
  [ "$REBUILD" != true ] && [ -d "$APPS/bare" ] && return 0
  log "building the bare app in $BARE"
  local quarkus; quarkus=$(sed -n 's:.*<quarkus.version>\(.*\)</quarkus.version>.*:\1:p' pom.xml)
  rm -rf "$BARE" && mkdir -p "$BARE/src/main/java/bare" "$BARE/src/main/resources"
  cat >"$BARE/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bare</groupId>
  <artifactId>bare</artifactId>
  <version>1.0.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.quarkus</groupId><artifactId>quarkus-bom</artifactId><version>$quarkus</version>
        <type>pom</type><scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest</artifactId></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId><version>$quarkus</version>
        <extensions>true</extensions>
        <executions><execution><goals><goal>build</goal></goals></execution></executions>
      </plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
    </plugins>
  </build>
</project>
EOF
  cat >"$BARE/src/main/java/bare/Greeting.java" <<'EOF'
package bare;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/romeo-please-call-me")
public class Greeting {
    @GET
    @NonBlocking
    @Produces(MediaType.TEXT_PLAIN)
    public String greet() {
        return "Hello Romeo, this is Juliet.";
    }
}
EOF
  (cd "$BARE" && nice "$RJ_ROOT/mvnw" -B -ntp -q package -DskipTests) || die "building the bare app failed"
  rm -rf "${APPS:?}/bare" && cp -r "$BARE/target/quarkus-app" "$APPS/bare"
}

build_bare
build juliet -
build no-micrometer edit_no_micrometer
build no-health edit_no_health
build no-logging-json edit_no_logging_json
build rest-no-jackson edit_rest_without_jackson
build no-kubernetes-jib edit_no_kubernetes_jib
build binder-jvm-off - -Dquarkus.micrometer.binder.jvm=false
build binder-system-off - -Dquarkus.micrometer.binder.system=false
build binder-netty-off - -Dquarkus.micrometer.binder.netty.enabled=false
build binder-http-server-off - -Dquarkus.micrometer.binder.http-server.enabled=false
build binders-system-netty-off - -Dquarkus.micrometer.binder.system=false -Dquarkus.micrometer.binder.netty.enabled=false
build binders-jvm-system-netty-off - -Dquarkus.micrometer.binder.jvm=false \
  -Dquarkus.micrometer.binder.system=false -Dquarkus.micrometer.binder.netty.enabled=false
lean=(-Dquarkus.micrometer.binder.system=false -Dquarkus.micrometer.binder.netty.enabled=false)
if [ -n "$JAVA25" ]; then
  JAVA_HOME=$JAVA25 build aot - -Paot
  JAVA_HOME=$JAVA25 build binders-system-netty-off-aot - -Paot "${lean[@]}"
fi

# ---- measuring ----

# What to start: id, name, app folder under $APPS, the command run in it. "C1" rows run with
# -XX:TieredStopAtLevel=1: without C2 compiling on the side, what the application itself costs
# shows with far less noise (a way to measure, not a setting to ship: C1 only caps peak speed).
variants=$OUT/variants.tsv
{
  row() { printf '%s\t%s\t%s\t%s\n' "$@"; }
  run="java -jar quarkus-run.jar"
  c1="java -XX:TieredStopAtLevel=1 -jar quarkus-run.jar"
  row bare "bare (quarkus-rest only)" bare "$run"
  row juliet "juliet" juliet "$run"
  for v in no-micrometer no-health no-logging-json rest-no-jackson no-kubernetes-jib binder-jvm-off \
           binder-system-off binder-netty-off binder-http-server-off binders-system-netty-off \
           binders-jvm-system-netty-off; do
    row "$v" "juliet $v" "$v" "$run"
  done
  row pod-name "juliet POD_NAME set (no host-name lookup)" juliet "env POD_NAME=juliet-0 $run"
  row json-off "juliet JSON console off" juliet "env QUARKUS_LOG_CONSOLE_JSON_ENABLED=false $run"
  row log-file "juliet log file on (JSON)" juliet \
    "env QUARKUS_LOG_FILE_ENABLED=true QUARKUS_LOG_FILE_PATH=$OUT/juliet.log $run"
  row c1 "juliet -XX:TieredStopAtLevel=1" juliet "$c1"
  row serial-gc "juliet -XX:+UseSerialGC" juliet "java -XX:+UseSerialGC -jar quarkus-run.jar"
  row xshare-off "juliet -Xshare:off (no JDK CDS)" juliet "java -Xshare:off -jar quarkus-run.jar"
  row bare-c1 "C1: bare" bare "$c1"
  for v in juliet no-micrometer no-health no-logging-json rest-no-jackson binder-jvm-off binders-system-netty-off; do
    name="C1: juliet"; [ "$v" = juliet ] || name="C1: juliet $v"
    row "$v-c1" "$name" "$v" "$c1"
  done
  # Every package carries the AppCDS archive Quarkus records from a training start (pom.xml);
  # the rows above start without it, these with it, as make run does.
  cds="java -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar"
  row appcds "juliet AppCDS (JDK 17, make run)" juliet "$cds"
  row binders-system-netty-off-appcds "juliet binders-system-netty-off + AppCDS (JDK 17)" binders-system-netty-off "$cds"
  if [ -n "$JAVA25" ]; then
    row jdk25 "juliet JDK 25" juliet "$JAVA25/bin/java -jar quarkus-run.jar"
    row aot "juliet JDK 25 + AOT cache (make run-aot)" aot "$JAVA25/bin/java -XX:AOTCache=app.aot -jar quarkus-run.jar"
    row binders-system-netty-off-aot "juliet binders-system-netty-off, JDK 25 + AOT cache" binders-system-netty-off-aot \
      "$JAVA25/bin/java -XX:AOTCache=app.aot -jar quarkus-run.jar"
  fi
} | awk -F'\t' -v only=" ${ONLY:-} " 'only == "  " || index(only, " " $1 " ")' | cut -f2- >"$variants"

# One start: "<ms> <CPU ms> <RSS MiB> <started in, s>"; with "classes" also the loaded-class count.
start_once() {
  local dir=$1 cmd=$2 classes=${3:-}
  local port; port=$(free_port)
  local log=$OUT/start.log begin pid
  begin=$(now_ms)
  (cd "$dir" && exec env QUARKUS_HTTP_PORT="$port" nice -n 0 bash -c "exec $cmd") >"$log" 2>&1 &
  pid=$!
  local deadline=$((begin + 60000))
  until curl -fs -o /dev/null "http://127.0.0.1:$port$PATH_GREETING"; do
    if [ "$(now_ms)" -gt "$deadline" ] || ! kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null; cat "$log" >&2; die "start failed: $cmd"
    fi
    sleep 0.005
  done
  local took=$(( $(now_ms) - begin )) cpu rss started loaded=""
  cpu=$(awk -v hz="$HZ" '{printf "%.0f", ($14 + $15) * 1000 / hz}' /proc/"$pid"/stat)
  rss=$(awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' /proc/"$pid"/status)
  if [ -n "$classes" ]; then
    local java; java=$(readlink -f "/proc/$pid/exe")
    loaded=$("$(dirname "$java")/jstat" -class "$pid" 2>/dev/null | awk 'NR == 2 {print $1}')
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  started=$(grep -o 'started in [0-9.]*s' "$log" | head -n1 | tr -dc '0-9.')
  echo "$took $cpu $rss ${started:--} $loaded"
}

samples=$OUT/samples
rm -rf "$samples" && mkdir -p "$samples"
count=$(wc -l <"$variants")
log "$count variants, 1 untimed + $STARTS timed starts each, round-robin; load now: $(cut -d' ' -f1-3 /proc/loadavg)"
i=0
while IFS=$'\t' read -r name app cmd; do
  i=$((i + 1))
  start_once "$APPS/$app" "$cmd" classes | awk '{print $5}' >"$samples/$i.classes"
done <"$variants"
for round in $(seq 1 "$STARTS"); do
  log "round $round of $STARTS (load $(cut -d' ' -f1-3 /proc/loadavg))"
  i=0
  while IFS=$'\t' read -r name app cmd; do
    i=$((i + 1))
    start_once "$APPS/$app" "$cmd" >>"$samples/$i"
  done <"$variants"
done

# ---- the table ----
# Paired differences: in each round, this variant minus Juliet in the same JIT mode (C1 rows
# against "C1: juliet"), median over the rounds; prints "<wall ms> <CPU ms>" or "- -".
paired() {
  python3 - "$variants" "$samples" "$1" <<'PY'
import statistics, sys
names = [line.split("\t")[0] for line in open(sys.argv[1])]
i = int(sys.argv[3]); name = names[i - 1]
ref = "C1: juliet" if name.startswith("C1:") else "juliet"
if ref not in names:
    print("- -"); sys.exit()
a = [l.split() for l in open(f"{sys.argv[2]}/{i}")]
b = [l.split() for l in open(f"{sys.argv[2]}/{names.index(ref) + 1}")]
n = min(len(a), len(b))
print(*(f"{round(statistics.median(int(a[r][c]) - int(b[r][c]) for r in range(n))):+d}" for c in (0, 1)))
PY
}
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
results=$OUT/results.tsv
printf 'variant\tmedian_ms\tmin_ms\tmax_ms\tcpu_ms\trss_mib\tclasses\tquarkus_started_s\tvs_juliet_ms\tvs_juliet_cpu_ms\n' >"$results"
i=0
while IFS=$'\t' read -r name app cmd; do
  i=$((i + 1))
  f=$samples/$i
  read -r d_wall d_cpu < <(paired "$i")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" \
    "$(cut -d' ' -f1 "$f" | median)" "$(cut -d' ' -f1 "$f" | sort -n | head -n1)" "$(cut -d' ' -f1 "$f" | sort -n | tail -n1)" \
    "$(cut -d' ' -f2 "$f" | median)" "$(cut -d' ' -f3 "$f" | median)" "$(cat "$samples/$i.classes")" \
    "$(cut -d' ' -f4 "$f" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')" "$d_wall" "$d_cpu" >>"$results"
done <"$variants"

{
  say "# Juliet start-up costs, $(date -u '+%Y-%m-%d %H:%M UTC')"
  say
  say "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/^Mem:/ {print $2}') GiB, $(. /etc/os-release && echo "$PRETTY_NAME"); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  say "JDK 17: $(java -version 2>&1 | head -n1). JDK 25: ${JAVA25:-none}. $STARTS timed starts per variant, round-robin, after one untimed start; launch to first 200 on GET $PATH_GREETING polled every 5 ms; CPU = user+sys of the JVM up to then; RSS and classes loaded (jstat, untimed start) at first answer."
  say
  say "| variant | median ms | min-max ms | CPU ms | RSS MiB | classes | Quarkus \"started in\" s | vs Juliet, paired: ms / CPU ms |"
  say "|---|---|---|---|---|---|---|---|"
  tail -n +2 "$results" | awk -F'\t' '{printf "| %s | %s | %s-%s | %s | %s | %s | %s | %s / %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10}'
} | tee "$OUT/results.md"
