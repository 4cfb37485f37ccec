#!/bin/sh
# Checks that the docs point at things that exist, so a renamed target, a moved file or a dropped
# setting fails `make test` instead of misleading a reader:
#   - every `make <target>` named in code (inline or fenced) is a target `make help` lists;
#   - every relative markdown link, and every backticked path whose first folder is in the repo,
#     exists (build output under target/, .cache/ and .run/ is not checked);
#   - the README's configuration table matches both application.properties.
#   - the README links every page of docs/.
# POSIX sh and awk only, no network: it runs the same on Linux and macOS.
#   scripts/docs-check.sh [repo root]   (default: the folder above this script)
set -u

root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2

# Every markdown file of the repo, build output and caches left out.
docs=$(find . \( -name target -o -name .cache -o -name .run -o -name node_modules -o -name .git \) -prune \
  -o -name '*.md' -type f -print | sed 's|^\./||' | sort)

# The targets `make help` lists: a rule with a ## description.
targets=$(awk -F: '/^[a-zA-Z0-9_-]+:.*##/ { print $1 }' Makefile)

failures=0
fail() {
  printf '%s\n' "docs-check: $*" >&2
  failures=$((failures + 1))
}

# One line per reference: <file>:<line>\t<kind>\t<value>, kind being target, link or path.
# shellcheck disable=SC2086
references=$(awk '
  FNR == 1 { fenced = 0 }
  /^[ \t]*```/ { fenced = !fenced; next }
  function emit(kind, value) { printf "%s:%d\t%s\t%s\n", FILENAME, FNR, kind, value }
  # The target of a make command line: the first word that is neither an option nor VAR=value.
  function make_target(command,   n, words, i) {
    n = split(command, words, /[ \t]+/)
    for (i = 2; i <= n; i++) {
      if (words[i] ~ /^-/ || words[i] ~ /=/) continue
      if (words[i] ~ /^[a-zA-Z0-9_-]+$/) emit("target", words[i])
      return
    }
  }
  function code_span(span) {
    if (span ~ /^make[ \t]/) { make_target(span); return }
    # A path: no spaces, no URL, placeholder or glob; repo-relative, as the docs write them.
    if (span ~ /\// && span !~ /[ \t:*<>$={}@]|\.\.\.|^\/|^~/) emit("path", span)
  }
  {
    line = $0
    if (fenced) {
      # Shell lines in examples: "make x", "$ make x", "... ; make x".
      while (match(line, /(^|[ \t;&|(])make[ \t]+[^ \t;&|)#'\''"]+/)) {
        command = substr(line, RSTART, RLENGTH)
        sub(/^[ \t;&|(]/, "", command)
        make_target(command)
        line = substr(line, RSTART + RLENGTH)
      }
      next
    }
    while (match(line, /`[^`]+`/)) {
      code_span(substr(line, RSTART + 1, RLENGTH - 2))
      line = substr(line, RSTART + RLENGTH)
    }
    line = $0
    while (match(line, /\]\([^)]+\)/)) {
      link = substr(line, RSTART + 2, RLENGTH - 3)
      sub(/[ \t].*$/, "", link)
      if (link !~ /^(https?|mailto|oci):/ && link !~ /^#/) emit("link", link)
      line = substr(line, RSTART + RLENGTH)
    }
  }
' $docs)

is_target() {
  for t in $targets; do [ "$t" = "$1" ] && return 0; done
  return 1
}

tab=$(printf '\t')
while IFS="$tab" read -r where kind value; do
  [ -n "$where" ] || continue
  file=${where%:*}
  case $kind in
    target)
      is_target "$value" || fail "$where: make $value: no such target in make help" ;;
    link)
      target=${value%%#*}
      [ -n "$target" ] || continue
      case $target in
        /*) resolved=".$target" ;;
        *) resolved="$(dirname "$file")/$target" ;;
      esac
      resolved=${resolved#./}
      [ -e "$resolved" ] || fail "$where: link $value: $resolved does not exist" ;;
    path)
      first=${value%%/*}
      case /$value/ in */target/*|/.cache/*|/.run/*) continue ;; esac
      # Only names under a folder the repo has (or a dot folder it keeps: .ci, .github, .mvn).
      case $first in
        .ci|.github|.mvn) ;;
        *) [ -e "$first" ] || continue ;;
      esac
      [ -e "$value" ] || fail "$where: path $value does not exist" ;;
  esac
done <<EOF
$references
EOF

# The README's configuration table: | Service | Property | Environment variable | Default |.
# Each property must be set in the service's application.properties (Juliet, Romeo or both), its
# environment variable must be the one MicroProfile Config derives from it, and an OTEL_* row must
# be read there. Every juliet.* and romeo.* key the files set must have a row.
check_config_table() {
  awk -v juliet=juliet/src/main/resources/application.properties \
      -v romeo=romeo/src/main/resources/application.properties '
    function load(service, file,   line, key) {
      while ((getline line < file) > 0) {
        if (line ~ /^[ \t]*#/ || line !~ /=/) continue
        key = line; sub(/=.*/, "", key); sub(/^%[a-z]+\./, "", key)
        keys[service, key] = 1
        if (key ~ "^" service "\\.") own[service, key] = 1
        text[service] = text[service] "\n" line
      }
      close(file)
    }
    function names(cell, list,   n) {
      n = 0
      while (match(cell, /`[^`]+`/)) {
        list[++n] = substr(cell, RSTART + 1, RLENGTH - 2)
        cell = substr(cell, RSTART + RLENGTH)
      }
      return n
    }
    function env_name(property,   env) {
      env = toupper(property); gsub(/[^A-Z0-9]/, "_", env)
      return env
    }
    function report(message) { print "README.md:" FNR ": " message; bad++ }
    BEGIN { load("juliet", juliet); load("romeo", romeo) }
    /^## / { in_table = ($0 ~ /^## Configuration/) ; next }
    !in_table || !/^\|/ || /^\|[ -]*\|/ || /\| *Service *\|/ { next }
    {
      split($0, cells, "|")
      service = tolower(cells[2]); gsub(/[ \t]/, "", service)
      if (service == "both") { services[1] = "juliet"; services[2] = "romeo"; count = 2 }
      else if (service == "juliet" || service == "romeo") { services[1] = service; count = 1 }
      else { report("configuration table: service \"" cells[2] "\" is not Juliet, Romeo or both"); next }
      n = names(cells[3], properties)
      m = names(cells[4], envs)
      if (n == 0) report("configuration table: row without a property")
      for (i = 1; i <= n; i++) {
        property = properties[i]
        for (s = 1; s <= count; s++) {
          svc = services[s]
          if (property ~ /^[A-Z0-9_]+$/) {
            if (index(text[svc], "${" property) == 0)
              report(svc "/src/main/resources/application.properties does not read " property)
          } else if (!((svc, property) in keys)) {
            report(svc "/src/main/resources/application.properties does not set " property)
          }
          listed[svc, property] = 1
        }
        if (property !~ /^[A-Z0-9_]+$/ && envs[i] != env_name(property))
          report("configuration table: " property " is set by " env_name(property) ", not \"" envs[i] "\"")
      }
      delete envs
    }
    END {
      for (pair in own) {
        split(pair, part, SUBSEP)
        if (!((part[1], part[2]) in listed))
          print "README.md: configuration table lacks " part[2] " (" part[1] "/src/main/resources/application.properties)"
      }
      if (bad) exit 1
    }
  ' README.md
}

if ! table_problems=$(check_config_table) || [ -n "$table_problems" ]; then
  printf '%s\n' "$table_problems" | while IFS= read -r line; do
    [ -n "$line" ] && printf '%s\n' "docs-check: $line" >&2
  done
  failures=$((failures + 1))
fi

# The README is the way in: every page of docs/ must be reachable from it.
for page in docs/*.md; do
  [ -e "$page" ] || continue
  grep -q "($page)" README.md || fail "README.md does not link $page"
done

count=$(printf '%s\n' "$docs" | wc -l | tr -d ' ')
if [ "$failures" -gt 0 ]; then
  printf '%s\n' "docs-check: FAILED: stale references in the docs (above)" >&2
  exit 1
fi
printf '%s\n' "docs-check: OK: $count markdown files; make targets, links, paths, the README's configuration table and its links to docs/ agree with the repo"
