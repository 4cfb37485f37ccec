#!/usr/bin/env bash
# Fails when the laptop path -- the Makefile recipes of run, run-aot, stop, status and greet and every
# script they reach (scripts/... paths and sourced lib.sh, followed to the end) -- uses a construct
# that works on Linux only. Users run make run on macOS too, whose /bin/bash is 3.2 and whose
# tools are BSD's: each rule below is one that has broken, or would break, a laptop script there.
#   scripts/check-portable.sh              check the laptop path (make test runs it)
#   scripts/check-portable.sh FILE...      check these files instead
#   scripts/check-portable.sh --self-test  plant every rule's example in a file and expect a failure
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

LAPTOP_TARGETS="run run-aot stop status greet"

# regex (ERE, matched on lines that are not comments) <tab> why it breaks off Linux <tab> a line it catches
RULES=$(cat <<'RULES'
/proc/	procfs is Linux's: macOS has no /proc	state=$(awk '{print $3}' /proc/$pid/stat)
/sys/	sysfs is Linux's	cat /sys/fs/cgroup/memory.max
/etc/os-release	macOS has no /etc/os-release	. /etc/os-release
(^|[^[:alnum:]_$-])setsid([^[:alnum:]_-]|$)	setsid is util-linux; macOS has none	exec setsid java -jar app.jar
(^|[^[:alnum:]_$-])flock([^[:alnum:]_-]|$)	flock is util-linux; macOS has none	flock .run/lock make build
readlink +-[a-zA-Z]*f	readlink -f is GNU's (macOS before 12.3 lacks it)	home=$(readlink -f "$0")
(^|[^[:alnum:]_$-])realpath([^[:alnum:]_-]|$)	realpath is GNU coreutils (macOS before 13 lacks it)	dir=$(realpath ..)
(^|[^[:alnum:]_$-])sed( +-[a-zA-Z]+)* +-[a-zA-Z]*i( |$)	sed -i without a suffix: BSD sed takes the next word as the suffix	sed -i 's/a/b/' pom.xml
(^|[^[:alnum:]_$-])date +(-d|--date)	date -d is GNU's; BSD date parses with -j -f	date -d '1 hour ago'
(^|[^[:alnum:]_$-])stat +(-c|--format|--printf)	stat -c is GNU's; BSD stat uses -f	size=$(stat -c %s app.jar)
(^|[^[:alnum:]_$-])find .* -printf	find -printf is GNU's	find . -name '*.jar' -printf '%s'
(^|[^[:alnum:]_$-])timeout +[0-9-]	timeout is GNU coreutils; macOS has none	timeout 20 docker info
(^|[^[:alnum:]_$-])nproc([^[:alnum:]_-]|$)	nproc is GNU coreutils; macOS has none	cores=$(nproc)
(^|[^[:alnum:]_$-])free +-	free reads /proc; macOS has none	free -g
(^|[;&|(]|^)[[:space:]]*ss +-	ss is iproute2's; macOS has none	ss -ltnp
(^|[;&|(]|^)[[:space:]]*ip +(addr|a|route|link)( |$)	ip is iproute2's; macOS has none	ip addr show
(^|[^[:alnum:]_$-])tac([^[:alnum:]_-]|$)	tac is GNU coreutils; macOS has none	tac build.log
(^|[^[:alnum:]_$-])sha256sum([^[:alnum:]_-]|$)	sha256sum is GNU coreutils; macOS has shasum -a 256	sha256sum app.jar
(^|[^[:alnum:]_$-])xargs +(-[a-zA-Z]+ +)*-[a-zA-Z]*r	xargs -r is GNU's	ls | xargs -r rm
(^|[^[:alnum:]_$-])grep +(-[a-zA-Z]+ +)*-[a-zA-Z]*P	grep -P (PCRE) is GNU's; BSD grep has none	grep -oP '(?<=port )\d+'
(^|[^[:alnum:]_$-])base64 +-w	base64 -w is GNU's	base64 -w0 file
(declare|local|typeset) +-[a-zA-Z]*A	associative arrays are bash 4; macOS has bash 3.2	declare -A ports
(declare|local|typeset) +-[a-zA-Z]*n	namerefs are bash 4.3	local -n ref=$1
(^|[^[:alnum:]_$-])(mapfile|readarray|coproc)([^[:alnum:]_-]|$)	mapfile, readarray and coproc are bash 4	mapfile -t lines < file
\$\{[#!]?[A-Za-z_][A-Za-z0-9_]*(\[[^]]*\])?(,,?|\^\^?)	${var,,} and ${var^^} case changes are bash 4	die "use ${service^^}_PORT"
\$\{[A-Za-z_][A-Za-z0-9_]*(\[[^]]*\])?@[QEPAaUuLK]\}	${var@Q} transformations are bash 4.4	echo "${args@Q}"
\$\{[A-Za-z_][A-Za-z0-9_]*\[-[0-9]+\]\}	negative array subscripts are bash 4.3	last=${parts[-1]}
EPOCH(REALTIME|SECONDS)	EPOCHREALTIME and EPOCHSECONDS are bash 5	now=$EPOCHSECONDS
wait +-n	wait -n is bash 4.3	wait -n
shopt +-s +(globstar|lastpipe)	globstar and lastpipe are bash 4	shopt -s globstar
(\|&|&>>)	the |& and &>> redirections are bash 4	make build |& tee log
;;?&([[:space:]]|$)	case fall-through ;& and ;;& is bash 4	a) echo a ;&
RULES
)

# The scripts a script reaches: scripts/... paths it names, and lib.sh when it sources it.
reached_from() {
  local file=$1
  grep -v '^[[:space:]]*#' "$file" | grep -oE 'scripts/[A-Za-z0-9_/.-]+\.sh' || true
  if grep -qE '^[[:space:]]*(source|\.) .*lib\.sh' "$file"; then echo "$(dirname "$file")/lib.sh"; fi
}

# The Makefile recipe lines of the laptop targets, then every script reached from them.
laptop_path() {
  local recipes pending file seen=" "
  recipes=$(awk -v targets=" $LAPTOP_TARGETS " '
    /^[A-Za-z0-9_-]+:/ { name = $0; sub(/:.*/, "", name); inside = index(targets, " " name " ") > 0; next }
    /^\t/ && inside { print; next }
    { inside = 0 }' Makefile)
  [ -n "$recipes" ] || { echo "check-portable: no recipe for $LAPTOP_TARGETS in the Makefile" >&2; exit 1; }
  printf '%s\n' "$recipes" >"$workdir/laptop-recipes.mk"
  echo "$workdir/laptop-recipes.mk"
  pending=$(reached_from "$workdir/laptop-recipes.mk")
  while [ -n "$pending" ]; do
    file=$(printf '%s\n' "$pending" | head -n 1)
    pending=$(printf '%s\n' "$pending" | sed '1d')
    case "$seen" in *" $file "*) continue ;; esac
    seen="$seen$file "
    [ -f "$file" ] || { echo "check-portable: the laptop path names $file, which does not exist" >&2; exit 1; }
    echo "$file"
    pending=$(printf '%s\n%s\n' "$pending" "$(reached_from "$file")" | sed '/^$/d')
  done
}

# Prints file:line: rule for every rule a file breaks; fails if there is any.
check() {
  local failed=0 regex why example hits
  while IFS=$'\t' read -r regex why example; do
    for file in "$@"; do
      hits=$(grep -nE "$regex" "$file" | grep -vE '^[0-9]+:[[:space:]]*#' || true)
      [ -z "$hits" ] && continue
      failed=1
      printf '%s\n' "$hits" | while IFS= read -r hit; do
        printf '%s:%s\n    %s\n' "${file#"$workdir"/}" "$hit" "$why"
      done
    done
  done <<<"$RULES"
  return "$failed"
}

self_test() {
  local regex why example count=0 clean=$workdir/clean.sh
  while IFS=$'\t' read -r regex why example; do
    printf '#!/usr/bin/env bash\n%s\n' "$example" >"$workdir/planted.sh"
    if check "$workdir/planted.sh" >/dev/null; then
      echo "check-portable self-test: the rule '$why' misses its own example: $example" >&2; exit 1
    fi
    count=$((count + 1))
  done <<<"$RULES"
  # Lines a portable script has, which must pass.
  cat >"$clean" <<'CLEAN'
#!/usr/bin/env bash
# readlink -f and /proc in a comment are fine
READY_TIMEOUT=60; curl --connect-timeout 2 --max-time 3 localhost
started=$(ps -o lstart= -p "$pid"); sed -e 's/a/b/' -i.bak file; stat -f %z file
case "$mode" in a) echo "${name}" ;; esac; echo "${#list[@]}" "${var:-x}" "${var#*/}"
CLEAN
  check "$clean" || { echo "check-portable self-test: a portable script was refused" >&2; exit 1; }
  echo "check-portable self-test: each of the $count rules catches its example; portable lines pass"
}

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

case "${1:-}" in
  --self-test) self_test ;;
  "")
    files=$(laptop_path)
    # shellcheck disable=SC2086 # one path a word
    if check $files; then
      echo "check-portable: no Linux-only construct on the laptop path ($(printf '%s\n' "$files" | sed '1d' | tr '\n' ' '))"
    else
      echo "check-portable: the laptop path above must run on macOS too (bash 3.2, BSD tools); see docs/laptop.md" >&2
      exit 1
    fi ;;
  *) check "$@" ;;
esac
