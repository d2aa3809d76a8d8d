#!/usr/bin/env bash
# Every figure of BENCHMARKS.md from one fresh run: the benches one after the other on a quiet machine.
#   npm run bench:suite                 # about 1 to 1.5 hours on 2 cores with FerretDB (the 1,000,000 job dominates)
#   npm run bench:suite -- --large 100000   # a shorter run: the large job over 100,000 people
# Each bench writes its own JSON to bench/results/; this writes bench/results/suite-<time>.json listing
# the commands, how long each took and the files each wrote. The full console output goes to
# .cohort/logs/bench-suite-<time>.log.
set -euo pipefail
cd "$(dirname "$0")/.."

LARGE=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --large) LARGE="$2"; shift 2 ;;
    *) echo "unknown option $1 (use --large N)" >&2; exit 2 ;;
  esac
done
BASELINE_LARGE=$(( LARGE > 100000 ? 100000 : LARGE ))

STARTED=$(date -u +%Y-%m-%dT%H-%M-%SZ)
mkdir -p bench/results .cohort/logs
LOG=.cohort/logs/bench-suite-$STARTED.log
STEPS=$(mktemp)
trap 'rm -f "$STEPS"' EXIT

npm run -s infra:up | tee -a "$LOG"
npm run -s build | tee -a "$LOG"

step() {
  local before t0 rc
  before=$(ls bench/results)
  t0=$(date +%s)
  echo "== $*" | tee -a "$LOG"
  set +e
  "$@" 2>&1 | tee -a "$LOG"
  rc=${PIPESTATUS[0]}
  set -e
  local wrote
  wrote=$(comm -13 <(echo "$before") <(ls bench/results) | tr '\n' ' ')
  echo "== exit $rc after $(( $(date +%s) - t0 )) s, wrote: $wrote" | tee -a "$LOG"
  printf '%s\t%s\t%s\t%s\n' "$*" "$rc" "$(( $(date +%s) - t0 ))" "$wrote" >> "$STEPS"
}

# chunk-size sweep (chunked ÷ one person per message) and the 5-person probe beside each
step npm run -s bench -- --people 5000 --chunk 1,10,100,500,1000 --baseline-concurrency 1 --no-build
# one and two identity replicas, same N (replica ratio)
step npm run -s bench -- --people 10000 --action change-role --baseline-concurrency 1 --no-build
step npm run -s bench -- --people 10000 --action change-role --replicas 2 --baseline-concurrency 1 --no-build
# the three-service saga
step npm run -s bench -- --people 10000 --action deactivate --baseline-concurrency 1 --no-build
# the large job: every person tracked, orchestrator memory, baseline ratio, probe beside it, first progress
step npm run -s bench -- --people "$LARGE" --action change-role --baseline-people "$BASELINE_LARGE" --baseline-concurrency 3 --timeout-min 150 --no-build
# the Kafka transport against Nest's built-in one, and e-mail through the communications service
step npm run -s bench:transport
step npm run -s bench:mail -- --mails 2000 --rate 100

node -e '
const fs = require("fs");
const steps = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => {
  const [command, exit, seconds, wrote] = l.split("\t");
  return { command, exit: Number(exit), seconds: Number(seconds), wrote: wrote.trim().split(" ").filter(Boolean) };
});
const out = { suite: "bench/suite.sh", startedAt: process.argv[2], finishedAt: new Date().toISOString(), log: process.argv[3], steps };
fs.writeFileSync(`bench/results/suite-${process.argv[2]}.json`, JSON.stringify(out, null, 2) + "\n");
console.log(`wrote bench/results/suite-${process.argv[2]}.json`);
if (steps.some((s) => s.exit !== 0)) process.exitCode = 1;
' "$STEPS" "$STARTED" "$LOG"
