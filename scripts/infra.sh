#!/usr/bin/env bash
# Real Redis and RabbitMQ for tests and CI, each on a free loopback port in a temporary folder.
#
#   eval "$(scripts/infra.sh up)"   start both; prints `export` lines (stdout) for the caller's shell
#   scripts/infra.sh status         report whether the services of $SCANNER_INFRA_DIR answer
#   scripts/infra.sh down [DIR]     stop both and remove the folder (DIR defaults to $SCANNER_INFRA_DIR); idempotent
#   scripts/infra.sh ctl ARGS...    rabbitmqctl against this run's broker, e.g. `ctl stop_app`, `ctl start_app`
#   scripts/infra.sh redis-restart keep|wipe
#                                   restarts this run's Redis process on the same port: `keep` saves its data to
#                                   disk first and loads it again (a clean restart), `wipe` comes back empty (a
#                                   restart that lost its data)
#   scripts/infra.sh redis-stop keep|wipe, redis-start
#                                   the two halves of redis-restart, for a test that watches what happens while
#                                   Redis is down
#
# `up` exports SCANNER_TEST_REDIS (host:port), SCANNER_TEST_RABBITMQ (amqp URI), SCANNER_INFRA_DIR,
# SCANNER_TEST_RABBITMQ_NODE (the broker's node name) and SCANNER_TEST_RABBITMQ_CTL (an executable that runs
# rabbitmqctl against that node: `$SCANNER_TEST_RABBITMQ_CTL stop_app` closes every AMQP connection and the
# listener, `$SCANNER_TEST_RABBITMQ_CTL start_app` brings the broker back on the same port).
# Missing packages are installed from Debian's archive (needs root). Progress goes to stderr.
set -euo pipefail

readonly STARTUP_TIMEOUT_SECONDS=${SCANNER_INFRA_TIMEOUT:-180}
# Not $TMPDIR: the broker's user must reach the folder, and concurrent runs find each other's port reservations here.
readonly INFRA_PARENT=${SCANNER_INFRA_PARENT:-/tmp}
readonly INFRA_PREFIX=scanner-infra.
# Free ports are drawn from below the kernel's ephemeral range (32768+), so outgoing connections never take them.
readonly PORT_MIN=20000 PORT_MAX=32000
# rabbitmqctl's own Erlang distribution listener; the Debian default (35672-35682) is too narrow for many parallel runs.
readonly CTL_DIST_PORT_MIN=35672 CTL_DIST_PORT_MAX=35872

log() { printf 'infra: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

is_root() { [[ $(id -u) -eq 0 ]]; }

# ---------------------------------------------------------------- packages

install_missing_packages() {
    local missing=()
    command -v redis-server >/dev/null && command -v redis-cli >/dev/null || missing+=(redis-server)
    [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || missing+=(rabbitmq-server)
    ((${#missing[@]} == 0)) && return 0
    is_root || die "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
    log "installing ${missing[*]} from Debian's archive"
    export DEBIAN_FRONTEND=noninteractive
    # Other jobs may hold the dpkg lock: wait for it instead of failing.
    apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# ---------------------------------------------------------------- ports

# Every local port any socket of this machine uses (listening or connected), from /proc: no ss/netstat needed.
ports_in_use() {
    local file local_address
    for file in /proc/net/tcp /proc/net/tcp6; do
        [[ -r $file ]] || continue
        while read -r _ local_address _; do
            [[ $local_address == *:* ]] || continue
            printf '%d\n' "0x${local_address##*:}"
        done <"$file"
    done
}

# Ports promised to runs that are still starting (their services may not have bound them yet).
ports_reserved() {
    cat "$INFRA_PARENT/$INFRA_PREFIX"*/ports 2>/dev/null || true
}

# Picks COUNT distinct free ports into RESERVED_PORTS and records them in DIR/ports, under a machine-wide lock so
# that concurrent `up`s never pick the same port.
RESERVED_PORTS=()
reserve_ports() {
    local dir=$1 count=$2 taken port attempts=0
    exec 9>"$INFRA_PARENT/${INFRA_PREFIX}lock"
    flock -w 60 9 || die "could not take the port lock $INFRA_PARENT/${INFRA_PREFIX}lock"
    taken=$'\n'"$(ports_in_use; ports_reserved)"$'\n'
    while ((${#RESERVED_PORTS[@]} < count)); do
        ((++attempts < 10000)) || die "no free loopback port between $PORT_MIN and $PORT_MAX"
        port=$((PORT_MIN + ((RANDOM << 15 | RANDOM) % (PORT_MAX - PORT_MIN))))
        [[ $taken == *$'\n'"$port"$'\n'* ]] && continue
        # Belt and braces: a listener this view of /proc does not show still refuses the port.
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
        taken+="$port"$'\n'
        RESERVED_PORTS+=("$port")
    done
    printf '%s\n' "${RESERVED_PORTS[@]}" >"$dir/ports"
    exec 9>&-
}

# ---------------------------------------------------------------- readiness

# Runs a probe until it succeeds; on timeout shows the tail of the service's log.
wait_until() {
    local what=$1 log_file=$2; shift 2
    local deadline=$((SECONDS + STARTUP_TIMEOUT_SECONDS))
    until "$@" >/dev/null 2>&1; do
        if ((SECONDS >= deadline)); then
            log "error: $what did not answer within ${STARTUP_TIMEOUT_SECONDS}s; last lines of $log_file:"
            tail -n 40 "$log_file" >&2 2>/dev/null || log "(no log at $log_file)"
            return 1
        fi
        sleep 0.5
    done
}

redis_answers() { [[ $(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null) == PONG ]]; }

# Sends the AMQP 0-9-1 protocol header and expects a method frame (type 1, channel 0: connection.start) back.
amqp_answers() {
    local reply
    # shellcheck disable=SC2016 # $0 is expanded by the inner bash
    reply=$(timeout 5 bash -c '
        exec 3<>"/dev/tcp/127.0.0.1/$0"
        printf "AMQP\x00\x00\x09\x01" >&3
        head -c 3 <&3 | od -An -tx1' "$1" 2>/dev/null) || return 1
    [[ ${reply//[[:space:]]/} == 010000 ]]
}

process_alive() { [[ -n $1 ]] && kill -0 "$1" 2>/dev/null; }

# Waits for a process to exit after a polite stop; TERM, then KILL, if it lingers.
stop_process() {
    local pid=$1 what=$2 _
    for _ in {1..60}; do process_alive "$pid" || return 0; sleep 0.25; done
    log "$what (pid $pid) still running; sending TERM"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in {1..40}; do process_alive "$pid" || return 0; sleep 0.25; done
    log "$what (pid $pid) ignored TERM; sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------- redis

start_redis() {
    local dir=$1 port=$2
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
        --dir "$dir/redis" --logfile "$dir/redis/redis.log" --pidfile "$dir/redis/redis.pid" \
        --daemonize yes >/dev/null
    wait_until "Redis on port $port" "$dir/redis/redis.log" redis_answers "$port"
}

stop_redis() {
    local dir=$1 port pid
    [[ -f $dir/redis/port ]] || return 0
    port=$(<"$dir/redis/port")
    pid=$(cat "$dir/redis/redis.pid" 2>/dev/null || true)
    redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
    stop_process "$pid" Redis
}

# The port of this run's Redis; dies when SCANNER_INFRA_DIR was not made by `up`.
infra_redis_port() {
    local dir=${SCANNER_INFRA_DIR:-}
    [[ -n $dir && -f $dir/redis/port ]] || die "no Redis (SCANNER_INFRA_DIR is not set or was not made by infra.sh up)"
    cat "$dir/redis/port"
}

# Stops this run's Redis process: every client connection drops and the port refuses until `redis-start`. `keep`
# saves its data to disk first (the next start loads it), `wipe` does not (the next start comes back empty).
cmd_redis_stop() {
    local mode=${1:-} dir=${SCANNER_INFRA_DIR:-} port pid
    [[ $mode == keep || $mode == wipe ]] || die "usage: $0 redis-stop keep|wipe"
    port=$(infra_redis_port)
    pid=$(cat "$dir/redis/redis.pid" 2>/dev/null || true)
    rm -f "$dir/redis/dump.rdb"
    if [[ $mode == keep ]]; then
        # SHUTDOWN SAVE writes dump.rdb although automatic snapshots are off; the new process loads it at start.
        redis-cli -h 127.0.0.1 -p "$port" shutdown save >/dev/null 2>&1 || true
    else
        redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
    fi
    stop_process "$pid" Redis
    log "Redis on 127.0.0.1:$port stopped ($mode)"
}

cmd_redis_start() {
    local port
    port=$(infra_redis_port)
    start_redis "$SCANNER_INFRA_DIR" "$port"
    log "Redis on 127.0.0.1:$port started"
}

# A real process restart, not a FLUSHDB: every client connection drops and the port refuses while it is down.
cmd_redis_restart() {
    [[ ${1:-} == keep || ${1:-} == wipe ]] || die "usage: $0 redis-restart keep|wipe"
    cmd_redis_stop "$1"
    cmd_redis_start
}

# ---------------------------------------------------------------- rabbitmq

# The Debian wrappers in /usr/sbin drop root to user rabbitmq but also reset HOME and the working folder; we call
# the real scripts under /usr/lib/rabbitmq/bin ourselves so that every file of the run stays inside its folder.
as_broker_user() { if is_root; then echo "runuser -u rabbitmq --"; fi; }

# Writes DIR/rabbitmq/env.sh (the broker's whole environment, sourced by every rabbitmq command) and
# DIR/rabbitmqctl (runs rabbitmqctl against this node: what tests call to restart the broker).
write_rabbitmq_files() {
    local dir=$1 node=$2 amqp_port=$3 dist_port=$4 epmd_port=$5 base=$1/rabbitmq
    mkdir -p "$base/mnesia" "$base/log" "$base/home"
    printf '[].\n' >"$base/enabled_plugins"
    printf '[].\n' >"$base/advanced.config"
    printf 'loopback_users.guest = true\n' >"$base/rabbitmq.conf"
    # Erlang cookie: a fresh secret per run, readable only by the broker's user.
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$base/home/.erlang.cookie"
    chmod 400 "$base/home/.erlang.cookie"
    cat >"$base/env.sh" <<ENV
export HOME='$base/home'
export RABBITMQ_NODENAME='$node'
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$amqp_port
export RABBITMQ_DIST_PORT=$dist_port
# A port mapper daemon of its own: runs stay independent and infra.sh down leaves no epmd behind.
export ERL_EPMD_PORT=$epmd_port
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_CTL_DIST_PORT_MIN=$CTL_DIST_PORT_MIN
export RABBITMQ_CTL_DIST_PORT_MAX=$CTL_DIST_PORT_MAX
export RABBITMQ_MNESIA_BASE='$base/mnesia'
export RABBITMQ_LOG_BASE='$base/log'
export RABBITMQ_LOGS='$base/log/rabbit.log'
export RABBITMQ_PID_FILE='$base/rabbit.pid'
export RABBITMQ_ENABLED_PLUGINS_FILE='$base/enabled_plugins'
export RABBITMQ_FEATURE_FLAGS_FILE='$base/feature_flags'
export RABBITMQ_CONFIG_FILE='$base/rabbitmq.conf'
export RABBITMQ_ADVANCED_CONFIG_FILE='$base/advanced.config'
# The node's Erlang distribution listener stays on loopback too.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
ENV
    if is_root; then chown -R rabbitmq:rabbitmq "$base"; fi

    cat >"$dir/rabbitmqctl" <<CTL
#!/usr/bin/env bash
# rabbitmqctl against the broker of $dir (node $node). Written by scripts/infra.sh up.
exec $(as_broker_user) bash -c '. "\$0" && exec /usr/lib/rabbitmq/bin/rabbitmqctl -n "\$RABBITMQ_NODENAME" "\$@"' '$base/env.sh' "\$@"
CTL
    chmod 755 "$dir/rabbitmqctl"
}

start_rabbitmq() {
    local dir=$1 amqp_port=$2 dist_port=$3 epmd_port=$4 node=$5 base=$1/rabbitmq launcher
    write_rabbitmq_files "$dir" "$node" "$amqp_port" "$dist_port" "$epmd_port"
    # setsid: the broker outlives this script and ignores the caller's Ctrl-C; `down` stops it.
    # shellcheck disable=SC2046,SC2016 # the prefix is empty or two words; $0 is expanded by the inner bash
    (cd "$base" && exec setsid $(as_broker_user) bash -c '. "$0" && exec /usr/lib/rabbitmq/bin/rabbitmq-server' \
        "$base/env.sh" >"$base/log/console.log" 2>&1 </dev/null) &
    launcher=$!
    echo "$launcher" >"$base/launcher.pid"
    local deadline=$((SECONDS + STARTUP_TIMEOUT_SECONDS))
    until "$dir/rabbitmqctl" await_startup --timeout 5 >/dev/null 2>&1; do
        if ! process_alive "$launcher" || ((SECONDS >= deadline)); then
            log "error: RabbitMQ node $node did not start within ${STARTUP_TIMEOUT_SECONDS}s; last lines of its logs:"
            tail -n 40 "$base/log/console.log" "$base/log/rabbit.log" >&2 2>/dev/null || true
            return 1
        fi
        sleep 1
    done
    wait_until "RabbitMQ AMQP on port $amqp_port" "$base/log/rabbit.log" amqp_answers "$amqp_port"
}

stop_rabbitmq() {
    local dir=$1 base=$1/rabbitmq pid launcher
    [[ -f $base/env.sh ]] || return 0
    pid=$(cat "$base/rabbit.pid" 2>/dev/null || true)
    launcher=$(cat "$base/launcher.pid" 2>/dev/null || true)
    if process_alive "$pid" || process_alive "$launcher"; then
        timeout 60 "$dir/rabbitmqctl" stop >/dev/null 2>&1 || true
    fi
    stop_process "$pid" RabbitMQ
    stop_process "$launcher" "RabbitMQ launcher"
    stop_epmd "$base"
}

# epmd refuses `-kill` while a node is still registered with it (the broker may take a moment to go), so this
# never pulls it from under a live node; it asks again until epmd is gone.
stop_epmd() {
    local base=$1 port _
    port=$(sed -n 's/^export ERL_EPMD_PORT=//p' "$base/env.sh")
    [[ -n $port ]] || return 0
    for _ in {1..20}; do
        ERL_EPMD_ADDRESS=127.0.0.1 epmd -port "$port" -names >/dev/null 2>&1 || return 0
        ERL_EPMD_ADDRESS=127.0.0.1 epmd -port "$port" -kill >/dev/null 2>&1 || true
        sleep 0.5
    done
    log "epmd on port $port did not stop"
}

# ---------------------------------------------------------------- commands

UP_DIR=
UP_DONE=false
# Whatever made `up` fail or stop early (error, Ctrl-C), leave nothing running behind.
cleanup_failed_up() {
    if [[ -n $UP_DIR && $UP_DONE == false ]]; then
        log "startup did not finish; cleaning up $UP_DIR"
        cmd_down "$UP_DIR" || true
    fi
}

cmd_up() {
    install_missing_packages
    UP_DIR=$(mktemp -d "$INFRA_PARENT/${INFRA_PREFIX}XXXXXX")
    trap cleanup_failed_up EXIT
    trap 'exit 130' INT TERM
    local dir=$UP_DIR node redis_port amqp_port dist_port epmd_port redis_job
    chmod 755 "$dir" # the broker runs as user rabbitmq and must reach its subfolder
    mkdir -p "$dir/redis"
    reserve_ports "$dir" 4
    redis_port=${RESERVED_PORTS[0]} amqp_port=${RESERVED_PORTS[1]} dist_port=${RESERVED_PORTS[2]}
    epmd_port=${RESERVED_PORTS[3]}
    echo "$redis_port" >"$dir/redis/port"
    node="scanner-$$-$RANDOM@localhost"

    log "starting Redis on 127.0.0.1:$redis_port and RabbitMQ $node on 127.0.0.1:$amqp_port in $dir"
    start_redis "$dir" "$redis_port" &
    redis_job=$!
    start_rabbitmq "$dir" "$amqp_port" "$dist_port" "$epmd_port" "$node"
    wait "$redis_job"
    UP_DONE=true
    log "ready after ${SECONDS}s: Redis 127.0.0.1:$redis_port, RabbitMQ 127.0.0.1:$amqp_port"

    printf 'export SCANNER_INFRA_DIR=%q\n' "$dir"
    printf 'export SCANNER_TEST_REDIS=%q\n' "127.0.0.1:$redis_port"
    printf 'export SCANNER_TEST_RABBITMQ=%q\n' "amqp://guest:guest@127.0.0.1:$amqp_port/"
    printf 'export SCANNER_TEST_RABBITMQ_NODE=%q\n' "$node"
    printf 'export SCANNER_TEST_RABBITMQ_CTL=%q\n' "$dir/rabbitmqctl"
}

cmd_down() {
    local dir=${1:-${SCANNER_INFRA_DIR:-}}
    if [[ -z $dir ]]; then log "nothing to stop (SCANNER_INFRA_DIR is not set)"; return 0; fi
    if [[ ! -d $dir ]]; then log "nothing to stop ($dir is gone)"; return 0; fi
    [[ $(basename "$dir") == "$INFRA_PREFIX"* ]] || die "$dir was not made by infra.sh up; not touching it"
    log "stopping Redis and RabbitMQ of $dir"
    stop_redis "$dir" &
    stop_rabbitmq "$dir"
    wait
    rm -rf "$dir"
    log "stopped"
}

cmd_status() {
    local dir=${SCANNER_INFRA_DIR:-} failed=0 redis_port amqp_port
    [[ -n $dir && -d $dir ]] || die "no infrastructure (SCANNER_INFRA_DIR is not set or its folder is gone)"
    redis_port=$(<"$dir/redis/port")
    amqp_port=$(sed -n 's/^export RABBITMQ_NODE_PORT=//p' "$dir/rabbitmq/env.sh")
    if redis_answers "$redis_port"; then log "Redis    127.0.0.1:$redis_port up"; else log "Redis    127.0.0.1:$redis_port DOWN"; failed=1; fi
    if amqp_answers "$amqp_port"; then log "RabbitMQ 127.0.0.1:$amqp_port up"; else log "RabbitMQ 127.0.0.1:$amqp_port DOWN"; failed=1; fi
    return "$failed"
}

cmd_ctl() {
    local dir=${SCANNER_INFRA_DIR:-}
    [[ -n $dir && -x $dir/rabbitmqctl ]] || die "no broker (SCANNER_INFRA_DIR is not set or was not made by infra.sh up)"
    exec "$dir/rabbitmqctl" "$@"
}

case ${1:-} in
    up) cmd_up ;;
    down) cmd_down "${2:-}" ;;
    status) cmd_status ;;
    ctl) shift; cmd_ctl "$@" ;;
    redis-stop) cmd_redis_stop "${2:-}" ;;
    redis-start) cmd_redis_start ;;
    redis-restart) cmd_redis_restart "${2:-}" ;;
    *) echo "usage: $0 up | down [DIR] | status | ctl RABBITMQCTL-ARGS... | redis-stop keep|wipe | redis-start | redis-restart keep|wipe" >&2; exit 2 ;;
esac
