#!/usr/bin/env bash
# Seconds per EM iteration of gmm4j's engine at two commits, side by side: for a redesign that must
# not change the speed. Usage, from the project's root:
#
#   benchmarks/compare-engines.sh BASE_REF [ROUNDS]        (default: 3 rounds)
#
# THREADS=1 in the environment measures on one thread (default 0: all cores) — steadier where
# something else keeps a core busy.
# PAIRED=1 in the environment: each round, each problem and type, ONE JVM holds both engines, which
# take turns fit by fit (gmm4j.benchmarks.PairedEngines, PAIRS=12 pairs after both warm up); the
# ratio is the median of the pairs' ratios, steady to about ±1% where fresh JVMs swing by ±20%: the
# mode for showing that a change keeps the speed within a few percent.
# Builds the engine (core) at BASE_REF in a temporary git worktree and as it is in this checkout,
# first checks that both fit the same models to the bit (gmm4j.benchmarks.EngineFingerprint: 128
# small fits of every kind; a difference is reported, not fatal), then, in each round, measures every covariance type on the harness's three problems with the
# harness's own gmm4j measurement (gmm4j.benchmarks.Gmm4jPeer: a fresh JVM, warm-up fits, the median
# of five timed 10-iteration spans, all cores), the two engines taking turns. Prints every round and
# the medians' ratio, this checkout ÷ BASE_REF. Needs a JDK 22+ (JAVA_HOME, or the newest under
# /usr/lib/jvm) and the benchmarks module's dependencies (the first run downloads them).
set -euo pipefail
cd "$(dirname "$0")/.."
base_ref=${1:?usage: benchmarks/compare-engines.sh BASE_REF [ROUNDS]}
rounds=${2:-3}
# PROBLEMS="n x d x k[:layout] …" and TYPES="FULL …" in the environment narrow the comparison; a layout
# (gmm4j.benchmarks.Problem.Layout) after a colon: 200000x16x16:overlapping, 200000x16x16:unequal. The
# overlapping problems of issue 18 alone: PROBLEMS="200000x16x16:overlapping 100000x64x8:overlapping"
read -r -a problems <<< "${PROBLEMS:-200000x16x16 1000000x2x3 100000x64x8 200000x16x16:overlapping 100000x64x8:overlapping 200000x16x16:unequal}"
read -r -a types <<< "${TYPES:-FULL TIED DIAGONAL SPHERICAL}"

java_home=${JAVA_HOME:-}
if [ -z "$java_home" ] || ! "$java_home/bin/java" -version 2>&1 | grep -qE 'version "(2[2-9]|[3-9][0-9])'; then
  java_home=
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/*2[2-4]*; do
    if [ -x "$candidate/bin/java" ]; then java_home=$candidate; break; fi
  done
fi
[ -x "$java_home/bin/java" ] || { echo "No JDK 22+ found: set JAVA_HOME." >&2; exit 1; }

work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

echo "Building the benchmarks and the engine of this checkout..."
# one session: the benchmarks' classpath resolves the engine from the reactor (the last module's file wins)
mvn -q -B -Pbenchmarks -pl benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.outputFile="$work/deps.cp"
engine_jar() { ls -t "$1"/core/target/gmm4j-core-*.jar | grep -v -e -sources -e -javadoc | head -1; }
cp "$(engine_jar .)" "$work/new-core.jar"
cp "$(ls -t benchmarks/target/gmm4j-benchmarks-*.jar | grep -v -e -sources -e -javadoc | head -1)" "$work/benchmarks.jar"
echo "Building the engine at $base_ref..."
git worktree add --detach "$work/base" "$base_ref" >/dev/null 2>&1
(cd "$work/base" && mvn -q -B -pl core package -DskipTests)
cp "$(engine_jar "$work/base")" "$work/base-core.jar"

# Only the engine differs: the same harness classes and peers' jars (gmm4j's own are left out).
deps=$(tr ':' '\n' < "$work/deps.cp" | grep -v '/gmm4j-' | paste -sd: -)
# The engine's Vector API kernels are on, as in the harness (VECTOR=0 in the environment: the scalar
# loops); a base without them ignores the module. The fingerprint fits run without it: the scalar path.
vector_api=(--add-modules jdk.incubator.vector)
[ "${VECTOR:-1}" = 0 ] && vector_api=()
measure() { # engine-jar problem type -> seconds per iteration
  "$java_home/bin/java" -Xmx8g "${vector_api[@]}" -cp "$1:$work/benchmarks.jar:$deps" gmm4j.benchmarks.Gmm4jPeer "$2" "$3" "${THREADS:-0}" \
    | awk '/^FORK /{print $2} /^FAILED/{print "NaN"}'
}
paired() { # problem type -> "ratio q1 q3 base-seconds new-seconds" from one JVM holding both engines
  "$java_home/bin/java" -Xmx12g "${vector_api[@]}" -cp "$work/benchmarks.jar:$deps" gmm4j.benchmarks.PairedEngines \
    "$work/base-core.jar" "$work/new-core.jar" "$1" "$2" "${THREADS:-0}" "${PAIRS:-12}" \
    | awk '/^PAIRED /{print $2, $3, $4, $5, $6; found=1} END{if (!found) print "NaN NaN NaN NaN NaN"}'
}
median() { sort -g | awk '{v[NR]=$1} END{print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

for engine in base new; do
  "$java_home/bin/java" -cp "$work/$engine-core.jar:$work/benchmarks.jar" gmm4j.benchmarks.EngineFingerprint > "$work/$engine.fingerprint"
done
if cmp -s "$work/base.fingerprint" "$work/new.fingerprint"; then
  echo "Same models to the bit: all $(wc -l < "$work/new.fingerprint") fingerprint fits agree."
else
  echo "The engines fit different models (base <, new >):"
  diff "$work/base.fingerprint" "$work/new.fingerprint" || true
fi

results="$work/results.tsv"
if [ "${PAIRED:-0}" = 1 ]; then
  for round in $(seq 1 "$rounds"); do
    for problem in "${problems[@]}"; do
      for type in "${types[@]}"; do
        read -r ratio q1 q3 base new <<< "$(paired "$problem" "$type")"
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$problem" "$type" "$ratio" "$q1" "$q3" "$base" "$new" | tee -a "$results"
      done
    done
  done
  echo
  echo "new/base, each round the median of ${PAIRS:-12} paired fits in one JVM (quartiles of the pairs in brackets);"
  echo "median over $rounds rounds; threads ${THREADS:-0} (0 = all cores); base = $base_ref, new = this checkout:"
  printf '%-26s %-10s %12s %12s %8s   %s\n' problem type base-s new-s new/base rounds
  for problem in "${problems[@]}"; do
    for type in "${types[@]}"; do
      rows=$(awk -F'\t' -v p="$problem" -v t="$type" '$2==p && $3==t' "$results")
      printf '%-26s %-10s %12.5f %12.5f %8.3f   %s\n' "$problem" "$type" \
        "$(cut -f7 <<< "$rows" | median)" "$(cut -f8 <<< "$rows" | median)" "$(cut -f4 <<< "$rows" | median)" \
        "$(awk -F'\t' '{printf "%s[%s–%s] ", $4, $5, $6}' <<< "$rows")"
    done
  done
  exit 0
fi

results="$work/results.tsv"
for round in $(seq 1 "$rounds"); do
  for problem in "${problems[@]}"; do
    for type in "${types[@]}"; do
      # the two engines alternate which goes first, round by round
      if [ $((round % 2)) = 1 ]; then order=(base new); else order=(new base); fi
      for engine in "${order[@]}"; do
        seconds=$(measure "$work/$engine-core.jar" "$problem" "$type")
        printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$problem" "$type" "$engine" "$seconds" | tee -a "$results"
      done
    done
  done
done

echo
echo "Seconds per EM iteration, median of $rounds rounds, threads ${THREADS:-0} (0 = all cores); base = $base_ref, new = this checkout:"
printf '%-26s %-10s %12s %12s %8s\n' problem type base new new/base
for problem in "${problems[@]}"; do
  for type in "${types[@]}"; do
    base=$(awk -F'\t' -v p="$problem" -v t="$type" '$2==p && $3==t && $4=="base" {print $5}' "$results" | median)
    new=$(awk -F'\t' -v p="$problem" -v t="$type" '$2==p && $3==t && $4=="new" {print $5}' "$results" | median)
    printf '%-26s %-10s %12.5f %12.5f %8.3f\n' "$problem" "$type" "$base" "$new" "$(awk -v a="$new" -v b="$base" 'BEGIN{print a/b}')"
  done
done
