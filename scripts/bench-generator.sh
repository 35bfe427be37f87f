#!/usr/bin/env bash
# Generator capacity: requests/s of our generators on ONE core against nginx pinned to the
# other core, as a ratio to wrk on the same setup, interleaved (wrk, open, autocannon, wrk, ...)
# so machine drift hits all alike. Like for like: wrk is closed-loop, so this compares the open
# runner's closed executor (constant-vus on its default transport for http://, the lean h1 client;
# ARCHBENCH_HTTP_TRANSPORT=undici measures the undici one) and autocannon with the same connections.
# Usage: scripts/bench-generator.sh [rounds=3] [seconds=5] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
SECS=${2:-5}
CONNS=${3:-32}
# The generators run the built CLI: rebuild when a source is newer than the build, or the
# numbers would be those of old code.
node scripts/ensure-build.mjs

WORK=$(mktemp -d /tmp/archbench-genbench-XXXXXX)
NGINX_PID=""
cleanup() {
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $WORK;
  server {
    listen 127.0.0.1:$PORT;
    location / { default_type application/json; return 200 '{"ok":true}'; }
  }
}
CONF
taskset -c 1 nginx -p "$WORK" -c "$WORK/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
URL="http://127.0.0.1:$PORT"
echo "nginx on $URL (CPU 1); generators on CPU 0; $ROUNDS rounds of $SECS s, $CONNS connections"

wrk_rps() { taskset -c 0 wrk -t1 -c"$CONNS" -d"${SECS}s" "$URL/" | awk '/Requests\/sec/ {print $2}'; }
bench_rps() { # runner
  local out="$WORK/run-$1-$RANDOM"
  taskset -c 0 node bin/bench.js run calibration --url "$URL" --runner "$1" --connections "$CONNS" \
    --duration "$SECS" --warmup 1 -o "$out" >/dev/null 2>&1
  node -e "const r=require('$out/results.json').runs[0]; console.log(r.rps + ' ' + r.generator.cpuPct)"
}

declare -a W O A
for i in $(seq "$ROUNDS"); do
  W[i]=$(wrk_rps)
  read -r O[i] ocpu < <(bench_rps open)
  read -r A[i] acpu < <(bench_rps autocannon)
  printf 'round %d: wrk %8.0f req/s | open (constant-vus, %s) %8.0f req/s (%.2fx, gen CPU %s%%) | autocannon %8.0f req/s (%.2fx, gen CPU %s%%)\n' \
    "$i" "${W[i]}" "${ARCHBENCH_HTTP_TRANSPORT:-h1}" "${O[i]}" "$(echo "${O[i]} / ${W[i]}" | bc -l)" "$ocpu" "${A[i]}" "$(echo "${A[i]} / ${W[i]}" | bc -l)" "$acpu"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ro=(); ra=()
for i in $(seq "$ROUNDS"); do ro+=("$(echo "${O[i]} / ${W[i]}" | bc -l)"); ra+=("$(echo "${A[i]} / ${W[i]}" | bc -l)"); done
printf 'median ratio to wrk: open runner (closed executor) %.3fx, autocannon %.3fx\n' "$(median "${ro[@]}")" "$(median "${ra[@]}")"
