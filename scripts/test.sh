#!/usr/bin/env bash
# The test command: builds the solution once, packs the stream provider library, runs Tests/Unit without
# infrastructure, then starts real Redis and RabbitMQ (scripts/infra.sh) and runs every other test project under
# Tests/ (Benchmarks excepted) against them. Infrastructure is always stopped afterwards, also on failure or Ctrl-C.
#
#   scripts/test.sh                        everything
#   scripts/test.sh --unit                 unit tests only (no Redis, no RabbitMQ)
#   scripts/test.sh -- --filter Name~Feed  anything after `--` goes to every `dotnet test`
#   scripts/test.sh --soak 600             only the soak (Tests/Integration/Soak: the real processes for 600 s,
#                                          SCANNER_SOAK_SECONDS; 120 in the full run) and its report
#
# Environment: CONFIGURATION (Debug), TEST_RESULTS (TestResults: one TRX file per project, and fault-report.md, the fault
# and attack suite's table, and soak-report.md, printed at the end), CI=true (timestamps), SCANNER_FUZZ_CASES (fuzz
# cases per parser, 100000; 1000000 for the long run), SCANNER_FUZZ_SEED (repeat a run).
# Last line of output, always: `N passed, N failed, N skipped`. Exit status is non-zero if anything failed or no
# test ran.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly REPO_ROOT=$PWD
readonly CONFIGURATION=${CONFIGURATION:-Debug}
readonly RESULTS=${TEST_RESULTS:-$REPO_ROOT/TestResults}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

unit_only=false
soak_seconds=''
test_args=()
while (($#)); do
    case $1 in
        --unit) unit_only=true ;;
        --soak)
            [[ ${2:-} =~ ^[0-9]+$ ]] || { echo "--soak needs a number of seconds" >&2; exit 2; }
            soak_seconds=$2
            shift ;;
        --) shift; test_args=("$@"); break ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

progress() {
    if [[ ${CI:-} == true ]]; then
        printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2
    else
        printf '==> %s\n' "$*" >&2
    fi
}

is_root() { [[ $(id -u) -eq 0 ]]; }

apt_install() {
    is_root || { progress "missing $*; install it with apt-get (needs root)"; return 1; }
    progress "installing $* from Debian's archive"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@" >&2
}

# ---------------------------------------------------------------- infrastructure lifetime

# Redis and RabbitMQ boot in the background while the solution builds; the exports land in a file.
infra_job='' infra_exports=''
start_infra() {
    infra_exports=$(mktemp)
    progress "starting Redis and RabbitMQ (in the background)"
    scripts/infra.sh up >"$infra_exports" &
    infra_job=$!
}

# Waits for the background `up` and loads its exports into this shell (so `dotnet test` sees them).
await_infra() {
    [[ -n $infra_job ]] || start_infra
    if [[ -z ${SCANNER_INFRA_DIR:-} ]]; then
        wait "$infra_job" || { progress "FAILED: Redis and RabbitMQ did not start"; return 1; }
        eval "$(cat "$infra_exports")"
        progress "Redis $SCANNER_TEST_REDIS, RabbitMQ $SCANNER_TEST_RABBITMQ"
    fi
}

stop_infra() {
    [[ -n $infra_job ]] || return 0
    # An `up` still starting is told to stop; it cleans up after itself.
    [[ -s $infra_exports ]] || kill -TERM "$infra_job" 2>/dev/null || true
    wait "$infra_job" 2>/dev/null || true
    infra_job=
    if [[ -s $infra_exports ]]; then
        progress "stopping Redis and RabbitMQ"
        (eval "$(cat "$infra_exports")" && scripts/infra.sh down) || progress "warning: infra.sh down failed"
    fi
    rm -f "$infra_exports"
}
trap stop_infra EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- projects

# Every test project under Tests/ (one folder each), Unit first; Benchmarks is a program, not tests.
test_projects() {
    local project
    [[ -f Tests/Unit/Unit.csproj ]] && echo Tests/Unit/Unit.csproj
    for project in Tests/*/*.csproj; do
        case $project in Tests/Unit/*) continue ;; esac
        # Only test projects: Benchmarks, Launcher, Support and Support.Infrastructure are programs and libraries.
        grep -q '<IsTestProject>true</IsTestProject>' "$project" && echo "$project"
    done
}

uses_browser() { grep -q 'Microsoft.Playwright' "$1"; }

ensure_chromium() {
    local chromium
    chromium=$(command -v chromium || command -v chromium-browser || true)
    if [[ -z $chromium ]]; then
        apt_install chromium
        chromium=$(command -v chromium)
    fi
    # Browser tests launch this system Chromium instead of downloading Playwright's own build.
    export SCANNER_BROWSER_CHROMIUM=${SCANNER_BROWSER_CHROMIUM:-$chromium}
}

# The metrics integration test scrapes the services with Debian's Prometheus.
ensure_prometheus() {
    command -v prometheus >/dev/null || apt_install prometheus || return 0
    export SCANNER_TEST_PROMETHEUS=${SCANNER_TEST_PROMETHEUS:-$(command -v prometheus)}
}

# The benchmark smoke (Tests/Integration/Benchmarks) runs Orleans' NATS JetStream provider on Debian's nats-server.
ensure_nats() { [[ -x /usr/sbin/nats-server ]] || command -v nats-server >/dev/null || apt_install nats-server || return 0; }

# Docker Compose file check: `docker-compose config` parses and resolves it (no engine needed).
compose_check_failed=false
check_compose_file() {
    [[ -f compose/docker-compose.yml ]] || return 0
    if ! command -v docker-compose >/dev/null && ! apt_install docker-compose; then
        progress "docker-compose not installed: compose file not checked (apt-get install docker-compose)"
        return 0
    fi
    progress "checking compose/docker-compose.yml"
    # The example leaves every secret empty: compose must refuse it, and accept it once they are filled in.
    if docker-compose --env-file compose/.env.example -f compose/docker-compose.yml config -q 2>/dev/null; then
        progress "FAILED: compose/docker-compose.yml starts without its secrets (compose/.env.example leaves them empty)"
        compose_check_failed=true
    fi
    local filled
    filled=$(mktemp)
    sed -E 's/^([A-Z_]+)=$/\1=test-secret-0123456789abcdef0123456789/' compose/.env.example >"$filled"
    if ! docker-compose --env-file "$filled" -f compose/docker-compose.yml config -q; then
        progress "FAILED: compose/docker-compose.yml is not a valid compose file"
        compose_check_failed=true
    fi
    rm -f "$filled"
    # The alert rules: promtool ships with Debian's `prometheus` package.
    if ! command -v promtool >/dev/null && ! apt_install prometheus; then
        progress "promtool not installed: alert rules not checked (apt-get install prometheus)"
    elif ! promtool check rules compose/prometheus/alerts.yml >/dev/null; then
        progress "FAILED: compose/prometheus/alerts.yml does not pass promtool check rules"
        compose_check_failed=true
    fi
}

# ---------------------------------------------------------------- run

# Whether Scanner.Orleans.sln lists a project (it names them with backslashes).
in_solution() { grep -qF "\"${1//\//\\}\"" Scanner.Orleans.sln; }

crashed_projects=()
run_tests() {
    local project=$1 name build=(--no-build)
    name=$(basename "$project" .csproj)
    progress "testing $name"
    if ! in_solution "$project"; then
        progress "$project is not in Scanner.Orleans.sln: dotnet test builds it"
        build=()
    fi
    if ! dotnet test "$project" ${build[@]+"${build[@]}"} -c "$CONFIGURATION" --nologo -v quiet \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
        --results-directory "$RESULTS" ${test_args[@]+"${test_args[@]}"}; then
        # Failed tests show up in the TRX counts; a project without a TRX file did not run at all.
        [[ -f $RESULTS/$name.trx ]] || crashed_projects+=("$name")
    fi
}

# Reads one counter attribute (passed="3") of a TRX file's <Counters> element.
trx_counter() {
    local value
    value=$(sed -n 's/.*<Counters [^>]*\b'"$2"'="\([0-9]*\)".*/\1/p' "$1" | head -n 1)
    echo "${value:-0}"
}

passed=0 failed=0 skipped=0
add_trx_counts() {
    local trx=$1 name
    passed=$((passed + $(trx_counter "$trx" passed)))
    for name in failed error timeout aborted; do failed=$((failed + $(trx_counter "$trx" "$name"))); done
    # Skipped tests are counted in `total` but not in `executed` (notExecuted stays 0 for them).
    skipped=$((skipped + $(trx_counter "$trx" total) - $(trx_counter "$trx" executed)))
}

# The stream provider is a NuGet package of its own: pack it from this build, and check the package holds the
# assembly and the README it shows.
pack_library() {
    local project=Orleans.Streaming.RabbitMQ/Orleans.Streaming.RabbitMQ.csproj package contents
    progress "packing $project into $RESULTS/packages"
    rm -rf "$RESULTS/packages"
    if ! dotnet pack "$project" --no-build -c "$CONFIGURATION" -o "$RESULTS/packages" --nologo -v quiet; then
        progress "FAILED: dotnet pack $project"
        return 1
    fi
    package=$(ls "$RESULTS"/packages/Orleans.Streaming.RabbitMQ.*.nupkg)
    contents=$(unzip -Z1 "$package")
    if ! grep -qx 'lib/net10.0/Orleans.Streaming.RabbitMQ.dll' <<<"$contents" || ! grep -qx 'README.md' <<<"$contents"; then
        progress "FAILED: $package lacks lib/net10.0/Orleans.Streaming.RabbitMQ.dll or README.md"
        return 1
    fi
}

main() {
    local started=$SECONDS projects project status=0
    mapfile -t projects < <(test_projects)
    if $unit_only; then projects=(Tests/Unit/Unit.csproj); fi
    if [[ -n $soak_seconds ]]; then
        projects=(Tests/Integration/Integration.csproj)
        test_args=(--filter 'FullyQualifiedName~Scanner.Tests.Integration.Soak' ${test_args[@]+"${test_args[@]}"})
        export SCANNER_SOAK_SECONDS=$soak_seconds
        progress "soak only: $soak_seconds s"
    fi
    mkdir -p "$RESULTS"
    rm -f "$RESULTS"/*.trx "$RESULTS/fault-report.md" "$RESULTS/soak-report.md" # counts and reports come from this run's files only
    export SCANNER_TEST_REPORTS=$RESULTS

    $unit_only || [[ -n $soak_seconds ]] || check_compose_file
    for project in "${projects[@]}"; do
        if uses_browser "$project"; then ensure_chromium; fi
    done
    if ((${#projects[@]} > 1)); then start_infra; ensure_prometheus; ensure_nats; fi

    # The Gateway build installs the page's chart library with npm (Gateway/package-lock.json).
    command -v npm >/dev/null || apt_install nodejs npm || status=1
    progress "building Scanner.Orleans.sln ($CONFIGURATION)"
    if ! dotnet build Scanner.Orleans.sln -c "$CONFIGURATION" --nologo -v quiet; then
        progress "FAILED: the build"
        projects=()
        status=1
    elif ! pack_library; then
        status=1
    fi

    for project in ${projects[@]+"${projects[@]}"}; do
        if [[ $project != Tests/Unit/* ]] && ! await_infra; then
            crashed_projects+=("$(basename "$project" .csproj)")
            continue
        fi
        run_tests "$project"
    done
    stop_infra

    local trx
    for trx in "$RESULTS"/*.trx; do
        if [[ -f $trx ]]; then add_trx_counts "$trx"; fi
    done
    if [[ -f $RESULTS/fault-report.md ]]; then
        progress "fault and attack report ($RESULTS/fault-report.md):"
        cat "$RESULTS/fault-report.md" >&2
    fi
    if [[ -f $RESULTS/soak-report.md ]]; then
        progress "soak report ($RESULTS/soak-report.md):"
        cat "$RESULTS/soak-report.md" >&2
    fi
    progress "done in $((SECONDS - started))s; TRX files in $RESULTS"
    if ((${#crashed_projects[@]})); then progress "FAILED to run: ${crashed_projects[*]}"; status=1; fi
    if $compose_check_failed; then status=1; fi
    if ((failed > 0)); then status=1; fi
    if ((passed + failed == 0)); then progress "FAILED: no test ran"; status=1; fi
    echo "$passed passed, $failed failed, $skipped skipped"
    return "$status"
}

main
