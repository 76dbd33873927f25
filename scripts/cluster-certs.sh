#!/usr/bin/env bash
# Certificates for mutual TLS on the Orleans ports: the cluster's own authority and one certificate per process.
#
#   scripts/cluster-certs.sh DIR NAME...    e.g. scripts/cluster-certs.sh compose/certs silo-1 silo-2 gateway
#
# Writes DIR/ca.crt and DIR/ca.key (made once, reused on later runs, so a new process joins the same cluster) and
# DIR/NAME.crt + DIR/NAME.key for each NAME (EC P-256, server and client use, one year). Give a process
# ORLEANS_TLS_CERTIFICATE=NAME.crt, ORLEANS_TLS_KEY=NAME.key and ORLEANS_TLS_AUTHORITY=ca.crt. Keep ca.key offline
# once the certificates are made: whoever holds it can join the cluster. Needs openssl (installed if missing, as root).
set -euo pipefail

(($# >= 2)) || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
dir=$1
shift

if ! command -v openssl >/dev/null; then
    [[ $(id -u) -eq 0 ]] || { echo "cluster-certs: openssl is missing; install it with apt-get (needs root)" >&2; exit 1; }
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssl >&2
fi

mkdir -p "$dir"
umask 077
if [[ ! -f $dir/ca.key ]]; then
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 -subj "/CN=scanner cluster CA" \
        -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout "$dir/ca.key" -out "$dir/ca.crt" 2>/dev/null
    echo "cluster-certs: made the cluster authority $dir/ca.crt" >&2
fi

for name in "$@"; do
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$name" \
        -keyout "$dir/$name.key" -out "$dir/$name.csr" 2>/dev/null
    openssl x509 -req -in "$dir/$name.csr" -CA "$dir/ca.crt" -CAkey "$dir/ca.key" -CAcreateserial -days 365 \
        -extfile <(printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:%s,DNS:scanner-cluster\n' "$name") \
        -out "$dir/$name.crt" 2>/dev/null
    rm -f "$dir/$name.csr"
    echo "cluster-certs: made $dir/$name.crt" >&2
done
# The containers run as a non-root user: the files they read must be readable by it (ca.key stays private).
chmod 644 "$dir"/*.crt "$dir"/*.key
chmod 600 "$dir/ca.key"
