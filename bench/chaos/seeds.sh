#!/usr/bin/env bash
# The CI-size chaos run with N different seeds in a row (not part of npm test): one line per seed, and the
# reports in bench/chaos/results/seeds-<time>/. Usage: bash bench/chaos/seeds.sh [N=20] [PEOPLE=5000] [SEED...]
set -uo pipefail
cd "$(dirname "$0")/../.."
n=${1:-20}; people=${2:-5000}; shift 2 2>/dev/null || shift $#
out="bench/chaos/results/seeds-$(date -u +%Y-%m-%dT%H-%M-%SZ)"
mkdir -p "$out"
npm run -s build
seeds=("$@")
while [ ${#seeds[@]} -lt "$n" ]; do seeds+=($(( (RANDOM << 15 | RANDOM) % 2147483647 ))); done
pass=0
for seed in "${seeds[@]}"; do
  start=$(date +%s)
  npx tsx bench/chaos/chaos.ts --people "$people" --seed "$seed" --no-build --timeout-min 12 --no-write \
    --report "$out/chaos-$seed.json" >"$out/chaos-$seed.log" 2>&1
  code=$?
  [ $code -eq 0 ] && pass=$((pass + 1))
  echo "seed $seed: $([ $code -eq 0 ] && echo OK || echo "FAILED (exit $code)") in $(( $(date +%s) - start )) s" | tee -a "$out/summary.txt"
done
echo "$pass of ${#seeds[@]} runs OK" | tee -a "$out/summary.txt"
[ "$pass" -eq "${#seeds[@]}" ]
