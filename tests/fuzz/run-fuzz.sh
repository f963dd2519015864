#!/bin/sh
# run-fuzz.sh TARGET SEEDS WORKDIR: runs a libFuzzer target for a bounded
# time (FUZZ_SECONDS, 60 by default) from the seed corpus. Inputs it finds
# go to WORKDIR/corpus, and one that breaks a promise to WORKDIR/artifacts,
# where it is tried first the next time.
set -eu
target=$1
seeds=$2
work=$3

mkdir -p "$work/corpus" "$work/artifacts"
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# libFuzzer reports a find with exit status 77, which meson reads as
# "skipped": a find must fail the test.
# An input that broke it last time must pass before anything else.
for crash in "$work"/artifacts/*; do
  [ -f "$crash" ] || continue
  "$target" -error_exitcode=1 -rss_limit_mb=2048 "$crash"
done

exec "$target" -error_exitcode=1 -max_total_time="${FUZZ_SECONDS:-60}" -rss_limit_mb=2048 -timeout=20 \
  -max_len=4096 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
  "$work/corpus" "$seeds"
