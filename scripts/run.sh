#!/usr/bin/env bash
# Runs the whole system on the embedded default: the Simulator replays the real trading day shipped in
# Simulator/data (no API key, no internet), two silos form a real cluster over Redis and RabbitMQ, and the gateway
# serves the scanner page. Ctrl-C stops everything, infrastructure included.
#
#   scripts/run.sh                 replay 2013-10-07 from 09:20 New York time at 30x
#   scripts/run.sh --in-memory     one silo, in-memory streams and storage: nothing to install
#   scripts/run.sh --synthetic     synthetic load instead of the replay (SIM_TICKERS, SIM_RATE)
#
# Environment: SIM_SPEED (30), SIM_START (09:20), SILOS (2), GATEWAY_PORT (4202), SILO_HTTP_PORT (4200, then +1
# per silo), SIM_PORT (4190), CONFIGURATION (Release). Logs go to $RUN_DIR (printed at start).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly CONFIGURATION=${CONFIGURATION:-Release}
readonly SIM_PORT=${SIM_PORT:-4190} GATEWAY_PORT=${GATEWAY_PORT:-4202} SILO_HTTP_PORT=${SILO_HTTP_PORT:-4200}
readonly SIM_KEY=demo-feed-key
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

in_memory=false source=replay silos=${SILOS:-2}
for arg in "$@"; do
    case $arg in
        --in-memory) in_memory=true; silos=1 ;;
        --synthetic) source=synthetic ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $arg (see --help)" >&2; exit 2 ;;
    esac
done

RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/scanner-run.XXXXXX")
readonly RUN_DIR
say() { printf '==> %s\n' "$*" >&2; }

pids=()
cleanup() {
    say "stopping"
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [[ -n ${SCANNER_INFRA_DIR:-} ]]; then scripts/infra.sh down || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for port in "$SIM_PORT" "$GATEWAY_PORT" $(seq "$SILO_HTTP_PORT" $((SILO_HTTP_PORT + silos - 1))); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port is in use; set SIM_PORT, GATEWAY_PORT or SILO_HTTP_PORT" >&2
        exit 1
    fi
done

say "building ($CONFIGURATION)"
dotnet build Scanner.Orleans.sln -c "$CONFIGURATION" -v quiet -nologo >"$RUN_DIR/build.log" 2>&1 \
    || { tail -n 30 "$RUN_DIR/build.log" >&2; exit 1; }

if [[ $in_memory == false ]]; then
    say "starting Redis and RabbitMQ"
    eval "$(scripts/infra.sh up)"
fi

bin() { echo "$1/bin/$CONFIGURATION/net10.0/Scanner.$1.dll"; }

start() {
    local name=$1
    shift
    "$@" >"$RUN_DIR/$name.log" 2>&1 &
    pids+=($!)
}

wait_http() {
    local url=$1 name=$2
    for _ in $(seq 1 120); do
        if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
        sleep 0.5
    done
    echo "$name did not come up; last lines of $RUN_DIR/$name.log:" >&2
    tail -n 30 "$RUN_DIR/$name.log" >&2
    exit 1
}

say "starting the simulator ($source) on port $SIM_PORT"
start simulator dotnet "$(bin Simulator)" --port "$SIM_PORT" --key "$SIM_KEY" --source "$source" \
    --speed "${SIM_SPEED:-30}" --start "${SIM_START:-09:20}" --tickers "${SIM_TICKERS:-3000}" --rate "${SIM_RATE:-5000}"
wait_http "http://127.0.0.1:$SIM_PORT/health" simulator

infrastructure=Real
[[ $in_memory == true ]] && infrastructure=InMemory
for i in $(seq 0 $((silos - 1))); do
    say "starting silo $((i + 1)) (HTTP $((SILO_HTTP_PORT + i)))"
    start "silo$((i + 1))" env \
        SCANNER_INFRASTRUCTURE=$infrastructure \
        REDIS_URL="${SCANNER_TEST_REDIS:-}" RABBITMQ_URL="${SCANNER_TEST_RABBITMQ:-}" \
        MASSIVE_API_KEY=$SIM_KEY MASSIVE_FEED_URL="ws://127.0.0.1:$SIM_PORT/stocks" \
        HYDRATION_BASE_URL="http://127.0.0.1:$SIM_PORT" \
        ORLEANS_SILO_PORT=$((11111 + i)) ORLEANS_GATEWAY_PORT=$((30000 + i)) \
        ASPNETCORE_URLS="http://127.0.0.1:$((SILO_HTTP_PORT + i))" \
        dotnet "$(bin Silo)"
done
for i in $(seq 0 $((silos - 1))); do
    wait_http "http://127.0.0.1:$((SILO_HTTP_PORT + i))/health" "silo$((i + 1))"
done

say "starting the gateway on port $GATEWAY_PORT"
start gateway env \
    REDIS_URL="${SCANNER_TEST_REDIS:-}" \
    AUTH_ENABLED=true AUTH_TOKEN_SECRET="$(head -c 32 /dev/urandom | base64)" Auth__Users__demo=demo \
    ASPNETCORE_URLS="http://127.0.0.1:$GATEWAY_PORT" ASPNETCORE_CONTENTROOT="$PWD/Gateway" \
    dotnet "$(bin Gateway)"
wait_http "http://127.0.0.1:$GATEWAY_PORT/health" gateway

cat >&2 <<EOF

  Scanner page     http://127.0.0.1:$GATEWAY_PORT/        (user demo, password demo)
  Dashboard        http://127.0.0.1:$SILO_HTTP_PORT/dashboard
  Silo health      http://127.0.0.1:$SILO_HTTP_PORT/health
  Gateway health   http://127.0.0.1:$GATEWAY_PORT/health
  Simulator        http://127.0.0.1:$SIM_PORT/health
  Logs             $RUN_DIR

  Ctrl-C stops everything.
EOF
wait -n "${pids[@]}" || true
say "a process exited; see $RUN_DIR"
