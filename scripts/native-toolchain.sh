#!/usr/bin/env bash
# make native-toolchain: tries to assemble a native-image the way a Mandrel distribution is made,
# from parts this machine can reach, into a git-ignored cache, once:
#   1. a JDK 25 with JVMCI (Temurin 25): the JVM the builder runs on and the JDK images are made of;
#   2. GraalVM's builder from Maven Central: org.graalvm.nativeimage:svm and its dependencies;
#   3. the C parts a distribution ships beside the builder (lib/svm): GraalVM's headers and static
#      libraries the builder compiles and links against, and the builder's own JNI helper;
#   4. the JDK's static libraries (libjava.a, libnio.a, libnet.a, ...), built from Debian's
#      OpenJDK 25 sources with `make static-libs-image` and the JDK of step 1 as boot JDK.
# It checks the cheap steps first and stops before the long OpenJDK build when a part is missing,
# saying which part, where it lives and what a machine needs to finish; it never makes stand-ins
# for GraalVM's C parts. It prints how long it took either way.
#   scripts/native-toolchain.sh          check and assemble
#   scripts/native-toolchain.sh probe    run GraalVM's builder from the Maven jars on a Hello class,
#                                        to see its own first error (Maven Central has no
#                                        native-image driver, so this calls the builder directly)
# Settings (environment): GRAALVM_VERSION (25.0.2, the svm version on Maven Central),
# NATIVE_TOOLCHAIN_DIR (.cache/native-toolchain), JDK25_HOME, MVN (./mvnw),
# DEBIAN_SOURCES_SUITE (trixie: the suite whose openjdk-25 sources are fetched),
# NATIVE_TOOLCHAIN_STATIC_LIBS (probe only: a folder with the JDK's static libraries, if you have one).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RJ_ROOT"

GRAALVM_VERSION=${GRAALVM_VERSION:-25.0.2}
MVN=${MVN:-./mvnw}
DEBIAN_SOURCES_SUITE=${DEBIAN_SOURCES_SUITE:-trixie}
cache=$(native_toolchain_dir)
jars="$cache/svm-$GRAALVM_VERSION/jars"
started=$(now)

elapsed() { echo "$(( $(now) - started ))s"; }

if [ -x "$cache/graalvm/bin/native-image" ] && [ "${1:-}" != probe ]; then
  say "native-image is already assembled: $cache/graalvm/bin/native-image"
  exit 0
fi

# Runs GraalVM's builder straight from the Maven jars on a Hello class and shows its first error.
# A distribution's native-image driver would pass these JVM options; Maven Central has no driver.
probe() {
  local dir=$1 builder_modules opens=() module package jar modpath=() rc=0 report
  rm -rf "$dir" && mkdir -p "$dir/hello" "$dir/out"
  printf 'public class Hello { public static void main(String[] a) { System.out.println("Hello"); } }\n' \
    >"$dir/hello/Hello.java"
  "$jdk/bin/javac" -d "$dir/hello" "$dir/hello/Hello.java"
  # The builder reaches into the JDK's internals (JVMCI, java.base, jdk.management, ...): the
  # driver opens them to it; here every package of every JDK module is exported to its modules.
  builder_modules=org.graalvm.nativeimage.builder,org.graalvm.nativeimage.base,org.graalvm.nativeimage.pointsto
  builder_modules+=,org.graalvm.nativeimage.objectfile,org.graalvm.nativeimage.configure,jdk.graal.compiler
  for module in $("$jdk/bin/java" --list-modules | sed 's/@.*//'); do
    for package in $("$jdk/bin/java" --describe-module "$module" \
                     | sed -n 's/^\(exports\|contains\|qualified exports\) \([A-Za-z0-9_.]*\).*/\2/p' | sort -u); do
      opens+=("--add-exports=$module/$package=$builder_modules")
    done
  done
  printf '%s\n' "${opens[@]}" >"$dir/exports.args"
  for jar in "$jars"/*.jar; do case "$jar" in */compiler-*) ;; *) modpath+=("$jar") ;; esac; done
  log "probe: GraalVM's builder on Hello (JDK $jdk, svm $GRAALVM_VERSION); its output:"
  # The JDK's own jdk.graal.compiler is an empty placeholder; Graal's jar upgrades it.
  nice -n 19 "$jdk/bin/java" -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI -XX:-UseJVMCICompiler \
    -Xmx3g "@$dir/exports.args" -Dorg.graalvm.nativeimage.imagecode=buildtime \
    -Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader \
    --upgrade-module-path "$(ls "$jars"/compiler-*.jar)" --module-path "$(IFS=:; echo "${modpath[*]}")" \
    --add-modules ALL-MODULE-PATH,ALL-SYSTEM \
    -m org.graalvm.nativeimage.builder/com.oracle.svm.hosted.NativeImageGeneratorRunner \
    -imagecp "$dir/hello" -H:Class=Hello -H:Name=hello "-H:Path=$dir/out" \
    "-H:ImageBuildID=$(cat /proc/sys/kernel/random/uuid)" \
    ${NATIVE_TOOLCHAIN_STATIC_LIBS:+"-H:CLibraryPath=$NATIVE_TOOLCHAIN_STATIC_LIBS"} >"$dir/builder.log" 2>&1 || rc=$?
  grep -vE '^WARNING: |^[[:space:]]+at ' "$dir/builder.log" | sed 's/^/    /' >&2
  # A failed build ends by printing its resource report, which needs libreporterchelper.so: the
  # first error is in the error report the builder wrote.
  for report in "$dir"/out/svm_err_*.md; do
    [ -f "$report" ] || continue
    log "probe: first error, from $report:"
    sed -n '/^## Stack Trace/,/^```$/p' "$report" | sed -n '3,6p' | sed 's/^/    /' >&2
  done
  log "probe: the builder exited with $rc after $(elapsed)"
  return "$rc"
}

# 1. The JDK: its JVMCI module is what lets Graal, as a library, compile Java ahead of time.
jdk=$(jdk25_home) || die "no JDK 25: set JDK25_HOME (Temurin 25 has JVMCI)"
"$jdk/bin/java" --list-modules | grep -q '^jdk.internal.vm.ci@' \
  || die "$jdk has no jdk.internal.vm.ci module (JVMCI); a Temurin or Debian OpenJDK 25 has it"
log "step 1: JDK $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$jdk/release") with JVMCI at $jdk ($(elapsed))"

# 2. The builder's jars, with the ordinary Maven client, from a throwaway pom in the cache.
if ! compgen -G "$jars/svm-*.jar" >/dev/null; then
  mkdir -p "$jars"
  cat >"$cache/svm-$GRAALVM_VERSION/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.native-toolchain</groupId>
  <artifactId>svm-jars</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>org.graalvm.nativeimage</groupId>
      <artifactId>svm</artifactId>
      <version>$GRAALVM_VERSION</version>
    </dependency>
  </dependencies>
</project>
POM
  JAVA_HOME=$jdk "$MVN" -B -ntp -q -f "$cache/svm-$GRAALVM_VERSION/pom.xml" dependency:copy-dependencies \
    "-DoutputDirectory=$jars" || die "could not fetch org.graalvm.nativeimage:svm:$GRAALVM_VERSION (Maven output above)"
fi
log "step 2: org.graalvm.nativeimage:svm:$GRAALVM_VERSION and $(( $(find "$jars" -name '*.jar' | wc -l) - 1 )) more jars in $jars ($(elapsed))"

# 3. What a GraalVM or Mandrel distribution has in lib/svm besides the jars. The builder needs the
# headers to build at all (step [1/8] compiles queries against them), the libraries to link every
# executable, and its JNI helper to finish its report. Their sources are C in GraalVM's repository
# (substratevm/src/com.oracle.svm.native.*); Maven Central publishes only the Java side.
c_parts=(
  "amd64cpufeatures.h|lib/svm/clibraries/linux-amd64/include: libchelper's CPU-feature header, compiled into the builder's C queries"
  "aarch64cpufeatures.h|lib/svm/clibraries/linux-amd64/include: the same for AArch64, queried on amd64 too"
  "liblibchelper.a|lib/svm/clibraries/linux-amd64/glibc: CPU features and other C helpers, linked into every executable"
  "libjvm.a|lib/svm/clibraries/linux-amd64/glibc: the JVM_* functions the JDK's static libraries call, linked into every executable"
  "libsvm_container.a|lib/svm/clibraries/linux-amd64/glibc: container (cgroup) limits, linked into every executable"
  "libreporterchelper.so|lib/svm/builder/lib: the builder's JNI helper for terminal width and peak RSS in its report"
)
contents=$(for jar in "$jars"/*.jar; do "$jdk/bin/jar" tf "$jar"; done)
missing=()
for entry in "${c_parts[@]}"; do
  part=${entry%%|*}
  grep -qE "(^|/)${part//./\\.}$" <<<"$contents" || missing+=("$part (${entry#*|})")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "step 3: the Maven jars carry no C parts; missing, as a distribution lays them out:"
  printf '      %s\n' "${missing[@]}" >&2
fi

# 4. The JDK's static libraries, from Debian's OpenJDK 25 source package, fetched with apt-get
# from a private sources list in the cache, so the machine's own apt setup is left as it is.
apt_dir="$cache/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/src"
printf 'deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian %s main\n' \
  "$DEBIAN_SOURCES_SUITE" >"$apt_dir/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o Dir::Etc::SourceParts=/dev/null
          -o "Dir::State::Lists=$apt_dir/lists")
apt-get "${apt_opts[@]}" -qq update >&2 || die "apt-get update of the $DEBIAN_SOURCES_SUITE sources index failed"
openjdk_version=$(apt-cache "${apt_opts[@]}" showsrc openjdk-25 | sed -n 's/^Version: //p' | head -n 1)
[ -n "$openjdk_version" ] || die "no openjdk-25 source package in $DEBIAN_SOURCES_SUITE"
if ! compgen -G "$apt_dir/src/openjdk-25_*.orig.tar.xz" >/dev/null; then
  if ! (cd "$apt_dir/src" && apt-get "${apt_opts[@]}" source --download-only "openjdk-25=$openjdk_version" \
          >"$apt_dir/fetch.log" 2>&1); then
    log "step 4: apt-get source openjdk-25=$openjdk_version from $DEBIAN_SOURCES_SUITE failed:"
    grep -E '^E: ' "$apt_dir/fetch.log" | sed 's/^/      /' >&2 || true
    missing+=("Debian's openjdk-25 $openjdk_version sources (apt-get source failed, output above; log $apt_dir/fetch.log)")
  fi
fi
compgen -G "$apt_dir/src/openjdk-25_*.orig.tar.xz" >/dev/null \
  && log "step 4: Debian's openjdk-25 $openjdk_version sources in $apt_dir/src ($(elapsed))"

if [ "${1:-}" = probe ]; then
  probe "$cache/probe"   # its exit status is the builder's
  exit 0
fi

if [ "${#missing[@]}" -gt 0 ]; then
  die "no native-image assembled after $(elapsed): missing $(printf '\n  - %s' "${missing[@]}")
A machine that can finish needs those parts for svm $GRAALVM_VERSION: a GraalVM or Mandrel $GRAALVM_VERSION
distribution's lib/svm (from the project's releases, or built from GraalVM's sources with its mx tool
and a C compiler) and OpenJDK 25 sources for the static libraries. With neither here, use a GraalVM or
Mandrel install (GRAALVM_HOME) or a container engine for make native."
fi
# No machine this was written on got past step 3, so the rest (OpenJDK's static-libs-image build,
# the lib/svm layout, the launcher) was never run; it is left out rather than written blind.
die "every part is here, but the assembly after step 4 is not written yet (see docs/native.md)"
