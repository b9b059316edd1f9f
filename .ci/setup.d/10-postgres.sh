#!/usr/bin/env bash
# Starts Debian's PostgreSQL and makes a database for the store tests.
# Run by hand (outside .ci/run) it prints the KEY=VALUE lines instead of appending them to $CI_ENV_FILE.
set -euo pipefail
version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf "%f\n" | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q online; then
  pg_ctlcluster "$version" main start || { pg_createcluster "$version" main && pg_ctlcluster "$version" main start; }
fi
su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='ailab'\"" | grep -q 1 \
  || su postgres -c "psql -q -c \"CREATE ROLE ailab LOGIN PASSWORD 'ailab'\""
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='ailab_test'\"" | grep -q 1 \
  || su postgres -c "psql -q -c \"CREATE DATABASE ailab_test OWNER ailab\""
{
  echo "AI_LAB_TEST_PG_URL=jdbc:postgresql://127.0.0.1:5432/ailab_test"
  echo "AI_LAB_TEST_PG_USER=ailab"
  echo "AI_LAB_TEST_PG_PASSWORD=ailab"
} >> "${CI_ENV_FILE:-/dev/stdout}"
