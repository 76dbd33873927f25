#!/usr/bin/env bash
# Benchmarks. Absolute numbers depend on the machine: compare rates measured in one run.
#
#   scripts/bench.sh parser                 BenchmarkDotNet: frame parser, ns and bytes per event
#   scripts/bench.sh providers              the stream providers side by side, one process each: ours on RabbitMQ, Orleans'
#                                           NATS JetStream provider on Debian's nats-server, Orleans' memory streams
#   scripts/bench.sh streams [OPTIONS]      one provider's load run (--provider rabbitmq|nats|memory, Tests/Benchmarks/Streaming)
#   scripts/bench.sh listener [OPTIONS]     synthetic feed (own process) -> listener -> RabbitMQ -> counting grains (one
#                                           silo): events/s sent, published and received, drops, latency (issue 3);
#                                           "sent" is the simulator's delivered rate against the asked --rate
#   scripts/bench.sh gateway                1,000 WebSocket clients on loopback, with and without stalled clients
#   scripts/bench.sh pipeline [RATE] [SECS] synthetic feed -> listener -> RabbitMQ -> grains -> rankings -> gateway, as
#                                           processes: sustained events/s, drops, publish latency, silo memory, and
#                                           event-to-ranking, -quote and -alert latency at a gateway client (Tests/Benchmarks/Pipeline)
#   scripts/bench.sh coldstart [--restart] [--tickers N] [--rate N] [--limit SECS]
#                                           cold start (issue 12): simulator (10,000 tickers, 50,000 events/s), one silo,
#                                           empty Redis, as processes: time until every ticker is hydrated, first event
#                                           to hydrated p50/p99, activations and state reads, REST calls, every loss;
#                                           --restart then kills and restarts the silo (Tests/Benchmarks/ColdStart)
#   scripts/bench.sh all                    every benchmark above RUNS times,
#                                           each run a cold process, then BENCHMARKS.md and its plots (docs/benchmarks/)
#
# Every run appends a JSON result record to $SCANNER_BENCH_RESULTS when set (Tests/Benchmarks/README.md).
# Environment: RUNS (3, for all), PROFILE (default, or short: every duration cut, for a busy machine), SECS and WARMUP
# (seconds measured and warmed up, per run), TICKERS (10000) and RATE (50000 events/s) for pipeline, LISTENER_RATES
# and PIPELINE_RATES (offered loads of all), CASES (what all runs), NOTE (a line for the report).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/system.sh
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
what=${1:-}
shift || true

readonly BENCHMARKS_DLL=Tests/Benchmarks/bin/Release/net10.0/Scanner.Benchmarks.dll

# Durations per profile; SECS and WARMUP override them.
if [[ ${PROFILE:-default} == short ]]; then
    default_secs=8 default_warmup=5 default_pipeline_warmup=45 default_rates="50000 100000" default_pipeline_rates=50000
else
    default_secs=30 default_warmup=10 default_pipeline_warmup=60 default_rates="50000 100000 200000 300000" default_pipeline_rates="50000 100000"
fi
secs=${SECS:-$default_secs} warmup=${WARMUP:-$default_warmup}

# One Release build per invocation of `all` (its cases see BENCH_BUILT and skip it).
build_release() {
    [[ -n ${BENCH_BUILT:-} ]] && return 0
    dotnet build Scanner.Orleans.sln -c Release -v quiet -nologo >/dev/null
    export BENCH_BUILT=1
}

benchmarks() { build_release; dotnet "$BENCHMARKS_DLL" "$@"; }

# Real Redis and RabbitMQ, unless a caller (`all`) already started them for every case; stopped at exit if ours.
own_infra=false
stop_infra() { if $own_infra; then scripts/infra.sh down; fi; }
with_infra() {
    [[ -n ${SCANNER_INFRA_DIR:-} ]] && return 0
    eval "$(scripts/infra.sh up)"
    own_infra=true
    trap stop_infra EXIT
}

apt_install() {
    [[ $(id -u) -eq 0 ]] || { echo "missing $*; install it with apt-get (needs root)" >&2; return 1; }
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "$@" >&2
}

# The NATS JetStream provider's server: Debian's package (the benchmark starts it on a free loopback port itself).
ensure_nats() { [[ -x /usr/sbin/nats-server ]] || command -v nats-server >/dev/null || apt_install nats-server; }

# Whether this script has a case named $1 (`all` skips, and says so, a case named in CASES that it lacks).
has_case() { grep -qE "^    $1\)" "$0"; }

run_all() {
    local runs=${RUNS:-3} cases=(${CASES:-parser providers listener pipeline coldstart gateway}) case run rate started=$SECONDS
    local results commit
    # A results file given (SCANNER_BENCH_RESULTS) is added to: e.g. CASES=listener over an earlier run's records.
    results=${SCANNER_BENCH_RESULTS:-$(mktemp --suffix=.jsonl)}
    export SCANNER_BENCH_RESULTS=$results
    build_release
    with_infra
    ensure_nats
    for case in "${cases[@]}"; do
        has_case "$case" || { echo "all: no case '$case' in $0, skipped"; continue; }
        for ((run = 1; run <= runs; run++)); do
            echo "== $case, run $run of $runs ($((SECONDS - started)) s so far)"
            case $case in
                listener) for rate in ${LISTENER_RATES:-$default_rates}; do "$0" listener --rate "$rate" || echo "listener at $rate failed (exit $?)"; done ;;
                pipeline) for rate in ${PIPELINE_RATES:-$default_pipeline_rates}; do "$0" pipeline "$rate" || echo "pipeline at $rate failed (exit $?)"; done ;;
                *) "$0" "$case" || echo "$case failed (exit $?)" ;;
            esac
        done
    done
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    git diff --quiet 2>/dev/null || commit+=" (with uncommitted changes)"
    dotnet "$BENCHMARKS_DLL" report --results "$results" --out BENCHMARKS.md --plots docs/benchmarks --commit "$commit" \
        --profile "PROFILE=${PROFILE:-default}, RUNS=$runs, SECS=$secs, WARMUP=$warmup, listener rates ${LISTENER_RATES:-$default_rates}, pipeline rates ${PIPELINE_RATES:-$default_pipeline_rates}; $((SECONDS - started)) s in all" \
        ${NOTE:+--note "$NOTE"}
    [[ $results -ef docs/benchmarks/results.jsonl ]] || cp "$results" docs/benchmarks/results.jsonl
    echo "all: BENCHMARKS.md, docs/benchmarks/ (plots and the result records) in $((SECONDS - started)) s"
}

case $what in
    parser)
        # The short profile: BenchmarkDotNet's short job (3 iterations) instead of up to 20.
        job=(); [[ ${PROFILE:-default} == short ]] && job=(--job short)
        benchmarks --filter '*FrameParser*' ${job[@]+"${job[@]}"} "$@" ;;
    providers)
        with_infra; ensure_nats
        for provider in rabbitmq nats memory; do
            benchmarks streams --provider "$provider" --rabbitmq "$SCANNER_TEST_RABBITMQ" --seconds "$secs" "$@" || echo "$provider failed (exit $?)"
        done ;;
    streams) with_infra; ensure_nats; benchmarks streams --rabbitmq "$SCANNER_TEST_RABBITMQ" "$@" ;;
    listener) with_infra; benchmarks listener --rabbitmq "$SCANNER_TEST_RABBITMQ" --seconds "$secs" --warmup "$warmup" "$@" ;;
    gateway) benchmarks gateway --seconds "$secs" --warmup "$warmup" "$@" ;;
    coldstart)
        with_infra
        benchmarks coldstart "$@" ;;
    all) run_all ;;
    pipeline)
        rate=${1:-${RATE:-50000}} secs=${2:-$secs} tickers=${TICKERS:-10000} warmup=${WARMUP:-$default_pipeline_warmup}
        build_release
        with_infra
        run_dir=$(mktemp -d)
        trap 'system_stop; stop_infra' EXIT
        system_start Release "$run_dir" --silos 1 --source synthetic --tickers "$tickers" --rate "$rate" \
            --client-key bench --log-level Warning
        echo "pipeline: $tickers tickers at $rate events/s, ${warmup}s warm-up, ${secs}s measured (logs in $run_dir)"
        # A page's view, over the same window as the monitor below.
        dotnet "$BENCHMARKS_DLL" rankings --gateway "${SYSTEM_GATEWAY_URL/http/ws}ws" --case "$tickers tickers at $rate events/s" \
            --simulator "$SYSTEM_SIMULATOR_URL" --key bench --warmup "$warmup" --seconds "$secs" >"$run_dir/rankings.log" 2>&1 &
        rankings=$!
        python3 - "$secs" "$SYSTEM_SILO1_PID" "$warmup" "$SYSTEM_SILO1_URL" "$SYSTEM_SIMULATOR_URL" "$rate" "$tickers" <<'PY'
import json, os, sys, time, urllib.error, urllib.request
secs, pid, warmup, silo, simulator = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
offered, tickers = float(sys.argv[6]), int(sys.argv[7])
memory = []  # [seconds since start, silo RSS MB], warm-up included: the report's memory plot
def get(url):
    # A saturated silo answers slowly, and an unhealthy one with 503 and the same body: wait, read, carry on.
    try:
        with urllib.request.urlopen(url, timeout=60) as r: return json.load(r)
    except urllib.error.HTTPError as e: return json.load(e)
def rss_mb():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            memory.append([round(time.time() - start, 1), int(line.split()[1]) / 1024])
            return memory[-1][1]
    return 0
# Warm-up: connections, then every ticker's activation, state read and hydration; shown, not measured.
start = time.time()
while time.time() - start < warmup:
    time.sleep(min(10, warmup - (time.time() - start)))
    c = get(silo + "health")["listener"]["counters"]
    print(f"  warm-up t={time.time()-start:3.0f}s published={c['publishedEvents']:>10} dropped_frames={c['droppedFrames']} expired_frames={c['expiredFrames']} "
          f"p99={c['publishLatencyP99Ms']:.1f}ms rss={rss_mb():.0f}MB")
first = get(silo + "health"); t0 = time.time(); sim0 = get(simulator + "health")
warmup_peak, peak = max([m[1] for m in memory], default=0), 0
while time.time() - t0 < secs:
    time.sleep(5)
    h = get(silo + "health"); c = h["listener"]["counters"]
    peak = max(peak, rss_mb())
    print(f"  t={time.time()-t0:5.0f}s published={c['publishedEvents']:>10} failed={c['publishFailedEvents']} "
          f"dropped_frames={c['droppedFrames']} expired_frames={c['expiredFrames']} p50={c['publishLatencyP50Ms']:.1f}ms p99={c['publishLatencyP99Ms']:.1f}ms rss={rss_mb():.0f}MB")
last = get(silo + "health"); t1 = time.time(); sim1 = get(simulator + "health")
c0, c1 = first["listener"]["counters"], last["listener"]["counters"]
rate = (c1["publishedEvents"] - c0["publishedEvents"]) / (t1 - t0)
sent = (sim1["eventsSent"] - sim0["eventsSent"]) / (t1 - t0)
received = sum(s["receivedContainers"] for s in last["streams"])
print(f"RESULT sent {sent:,.0f} events/s, published {rate:,.0f} events/s, "
      f"publish failures {c1['publishFailedEvents']}, dropped frames {c1['droppedFrames']}, expired frames {c1['expiredFrames']}, simulator drops {sim1['eventsDropped']}, "
      f"publish p50 {c1['publishLatencyP50Ms']:.1f} ms p99 {c1['publishLatencyP99Ms']:.1f} ms, "
      f"containers received by grains' queues {received:,}, peak silo RSS {peak:.0f} MB")
# The result record (Tests/Benchmarks/README.md): what was lost counts only after the warm-up.
lost = sum(c1[k] - c0[k] for k in ("publishFailedEvents", "droppedFrames", "expiredFrames")) + sim1["eventsDropped"] - sim0["eventsDropped"]
record = {"benchmark": "pipeline", "case": f"{tickers} tickers at {offered:.0f} events/s",
          "metrics": {"offered_per_s": offered, "sent_per_s": sent, "published_per_s": rate, "lost_after_warmup": lost,
                      "publish_p50_ms": c1["publishLatencyP50Ms"], "publish_p99_ms": c1["publishLatencyP99Ms"], "peak_rss_mb": peak},
          "warmup": {"seconds": warmup, "peak_rss_mb": warmup_peak, "published": c0["publishedEvents"],
                     "lost": c0["publishFailedEvents"] + c0["droppedFrames"] + c0["expiredFrames"] + sim0["eventsDropped"]},
          "series": {"rss_mb": memory}}
line = json.dumps(record)
print("RESULT-JSON " + line)
if os.environ.get("SCANNER_BENCH_RESULTS"):
    with open(os.environ["SCANNER_BENCH_RESULTS"], "a") as f: f.write(line + "\n")
PY
        wait "$rankings" || echo "rankings load run failed (exit $?)"
        cat "$run_dir/rankings.log"
        ;;
    *) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
