#!/usr/bin/env bash
# Creates the RS256 key pair LabGate signs tokens with, for docker-compose or a Kubernetes secret:
#   deploy/make-jwt-keys.sh deploy/secrets
#   kubectl create secret generic labgate-jwt --from-file=deploy/secrets
set -euo pipefail
out=${1:-deploy/secrets}
mkdir -p "$out"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/jwt-private.pem"
openssl pkey -in "$out/jwt-private.pem" -pubout -out "$out/jwt-public.pem"
chmod 600 "$out/jwt-private.pem"
echo "wrote $out/jwt-private.pem and $out/jwt-public.pem"
