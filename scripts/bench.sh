#!/usr/bin/env bash
# Benchmarks. Absolute numbers depend on the machine: compare rates measured in one run.
#
#   scripts/bench.sh parser                 BenchmarkDotNet: frame parser, ns and bytes per event
#   scripts/bench.sh streams                RabbitMQ stream provider load run (real broker) into a counting grain
#   scripts/bench.sh listener [OPTIONS]     synthetic feed (own process) -> listener -> RabbitMQ -> counting grains (one
#                                           silo): events/s sent, published and received, drops, latency (issue 3);
#                                           "sent" is the simulator's delivered rate against the asked --rate
#   scripts/bench.sh gateway                1,000 WebSocket clients on loopback, with and without stalled clients
#   scripts/bench.sh pipeline [RATE] [SECS] synthetic feed -> listener -> RabbitMQ -> grains -> rankings -> gateway, as
#                                           processes: sustained events/s, drops, publish latency, silo memory, and
#                                           event-to-ranking latency at a gateway client (Tests/Benchmarks/Pipeline)
#   scripts/bench.sh coldstart [--restart] [--tickers N] [--rate N] [--limit SECS]
#                                           cold start (issue 12): simulator (10,000 tickers, 50,000 events/s), one silo,
#                                           empty Redis, as processes: time until every ticker is hydrated, first event
#                                           to hydrated p50/p99, activations and state reads, REST calls, every loss;
#                                           --restart then kills and restarts the silo (Tests/Benchmarks/ColdStart)
#
# Environment for pipeline: TICKERS (10000), RATE (50000 events/s), SECS (60), WARMUP (60 s, reported apart).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/system.sh
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
what=${1:-}
shift || true

benchmarks() { dotnet run -c Release --project Tests/Benchmarks -- "$@"; }

with_infra() {
    eval "$(scripts/infra.sh up)"
    trap 'scripts/infra.sh down' EXIT
}

case $what in
    parser) benchmarks --filter '*FrameParser*' "$@" ;;
    streams) with_infra; benchmarks streams --rabbitmq "$SCANNER_TEST_RABBITMQ" "$@" ;;
    listener) with_infra; benchmarks listener --rabbitmq "$SCANNER_TEST_RABBITMQ" "$@" ;;
    gateway) benchmarks gateway "$@" ;;
    coldstart)
        # Release build of every process first: the run starts them from their build output.
        dotnet build Scanner.Orleans.sln -c Release -v quiet -nologo >/dev/null
        with_infra
        dotnet Tests/Benchmarks/bin/Release/net10.0/Scanner.Benchmarks.dll coldstart "$@" ;;
    pipeline)
        rate=${1:-${RATE:-50000}} secs=${2:-${SECS:-60}} tickers=${TICKERS:-10000} warmup=${WARMUP:-60}
        dotnet build Scanner.Orleans.sln -c Release -v quiet -nologo >/dev/null
        with_infra
        run_dir=$(mktemp -d)
        trap 'system_stop; scripts/infra.sh down' EXIT
        system_start Release "$run_dir" --silos 1 --source synthetic --tickers "$tickers" --rate "$rate" \
            --client-key bench --log-level Warning
        echo "pipeline: $tickers tickers at $rate events/s, ${warmup}s warm-up, ${secs}s measured (logs in $run_dir)"
        # A page's view, over the same window as the monitor below.
        dotnet Tests/Benchmarks/bin/Release/net10.0/Scanner.Benchmarks.dll rankings --gateway "${SYSTEM_GATEWAY_URL/http/ws}ws" \
            --simulator "$SYSTEM_SIMULATOR_URL" --key bench --warmup "$warmup" --seconds "$secs" >"$run_dir/rankings.log" 2>&1 &
        rankings=$!
        python3 - "$secs" "$SYSTEM_SILO1_PID" "$warmup" "$SYSTEM_SILO1_URL" "$SYSTEM_SIMULATOR_URL" <<'PY'
import json, sys, time, urllib.error, urllib.request
secs, pid, warmup, silo, simulator = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
def get(url):
    # A saturated silo answers slowly, and an unhealthy one with 503 and the same body: wait, read, carry on.
    try:
        with urllib.request.urlopen(url, timeout=60) as r: return json.load(r)
    except urllib.error.HTTPError as e: return json.load(e)
def rss_mb():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"): return int(line.split()[1]) / 1024
    return 0
# Warm-up: connections, then every ticker's activation, state read and hydration; shown, not measured.
start = time.time()
while time.time() - start < warmup:
    time.sleep(min(10, warmup - (time.time() - start)))
    c = get(silo + "health")["listener"]["counters"]
    print(f"  warm-up t={time.time()-start:3.0f}s published={c['publishedEvents']:>10} dropped_frames={c['droppedFrames']} expired_frames={c['expiredFrames']} "
          f"p99={c['publishLatencyP99Ms']:.1f}ms rss={rss_mb():.0f}MB")
first = get(silo + "health"); t0 = time.time(); sim0 = get(simulator + "health")
peak = 0
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
PY
        wait "$rankings" || echo "rankings load run failed (exit $?)"
        cat "$run_dir/rankings.log"
        ;;
    *) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
