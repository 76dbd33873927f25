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
# The processes are started by scripts/system.sh (the launcher the tests use too).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/system.sh
readonly CONFIGURATION=${CONFIGURATION:-Release}
readonly SIM_PORT=${SIM_PORT:-4190} GATEWAY_PORT=${GATEWAY_PORT:-4202} SILO_HTTP_PORT=${SILO_HTTP_PORT:-4200}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

in_memory=() source=demo silos=${SILOS:-2}
for arg in "$@"; do
    case $arg in
        --in-memory) in_memory=(--in-memory); silos=1 ;;
        --synthetic) source=synthetic ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $arg (see --help)" >&2; exit 2 ;;
    esac
done

RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/scanner-run.XXXXXX")
readonly RUN_DIR
say() { printf '==> %s\n' "$*" >&2; }

cleanup() {
    say "stopping"
    system_stop
    if [[ -n ${SCANNER_INFRA_DIR:-} ]]; then scripts/infra.sh down || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The Gateway build installs the page's chart library with npm (Gateway/package-lock.json).
if ! command -v npm >/dev/null; then
    [[ $(id -u) -eq 0 ]] || { echo "npm is missing: apt-get install nodejs npm (needs root)" >&2; exit 1; }
    say "installing nodejs and npm from Debian's archive"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends nodejs npm >&2
fi
say "building ($CONFIGURATION)"
dotnet build Scanner.Orleans.sln -c "$CONFIGURATION" -v quiet -nologo >"$RUN_DIR/build.log" 2>&1 \
    || { tail -n 30 "$RUN_DIR/build.log" >&2; exit 1; }

if ((${#in_memory[@]} == 0)); then
    say "starting Redis and RabbitMQ"
    eval "$(scripts/infra.sh up)"
fi

say "starting the simulator ($source), $silos silo(s) and the gateway (logs in $RUN_DIR)"
system_start "$CONFIGURATION" "$RUN_DIR" ${in_memory[@]+"${in_memory[@]}"} --silos "$silos" \
    --source "$source" --speed "${SIM_SPEED:-30}" --start "${SIM_START:-09:20}" \
    --tickers "${SIM_TICKERS:-3000}" --rate "${SIM_RATE:-1000}" \
    --simulator-port "$SIM_PORT" --gateway-port "$GATEWAY_PORT" --silo-http-port "$SILO_HTTP_PORT" --user demo=demo

cat >&2 <<EOF

  Scanner page     ${SYSTEM_GATEWAY_URL}        (user demo, password demo)
  Dashboard        ${SYSTEM_SILO1_URL}dashboard
  Silo health      ${SYSTEM_SILO1_URL}health
  Gateway health   ${SYSTEM_GATEWAY_URL}health
  Simulator        ${SYSTEM_SIMULATOR_URL}health
  Logs             $RUN_DIR

  Ctrl-C stops everything.
EOF
wait "$system_pid" || true
system_pid=''
say "a process exited; see $RUN_DIR/launcher.log"
