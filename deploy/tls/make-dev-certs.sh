#!/usr/bin/env bash
# Makes a throwaway development PKI with openssl: a CA, a server certificate (localhost, 127.0.0.1,
# ::1 and any names in $EXTRA_SANS, e.g. "DNS:entity-headless.summaries.svc.cluster.local"), and
# client certificates (default: dashboard and services). PEM files land in $1 (default deploy/tls/dev,
# which git ignores). For development and tests only: use your own CA or cert-manager in production.
#
#   deploy/tls/make-dev-certs.sh [OUT_DIR] [CLIENT_NAME...]
set -euo pipefail

out="${1:-$(cd "$(dirname "$0")" && pwd)/dev}"
shift || true
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=(dashboard services)
days="${DAYS:-365}"
sans="DNS:localhost,IP:127.0.0.1,IP:::1${EXTRA_SANS:+,$EXTRA_SANS}"

mkdir -p "$out"
cd "$out"
umask 077

ec_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

# The CA signs everything below; its key never leaves this folder.
ec_key ca.key
openssl req -x509 -new -key ca.key -out ca.pem -days "$days" -subj "/CN=Summaries development CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"

# issue NAME CN EXTENSIONS
issue() {
  ec_key "$1.key"
  openssl req -new -key "$1.key" -out "$1.csr" -subj "/CN=$2"
  printf '%b' "$3" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$1.pem" -days "$days" -extfile "$1.ext" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}

issue server localhost "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=$sans\n"
for client in "${clients[@]}"; do
  issue "$client" "$client" "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n"
done
rm -f ca.srl
chmod 644 ./*.pem

echo "Wrote to $out: ca.pem (trust this), server.pem + server.key, and for each client NAME.pem + NAME.key: ${clients[*]}"
