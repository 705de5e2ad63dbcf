#!/bin/sh
# Usage: fuzz/run.sh SECONDS [query|loader|snapshot] — builds that harness, then fuzzes it for
# SECONDS (default 600): the query language (default) from fuzz/corpus, corpus loading from
# fuzz/corpus-loader, the snapshot reader from a snapshot of the seeds (made with `tinq build`) and
# fuzz/corpus-snapshot.
set -e; cd "$(dirname "$0")"
# A finding is reported by libFuzzer's own handler; Swift's backtracer is kept out of its way.
export SWIFT_BACKTRACE=enable=no
case "${2:-query}" in
  query)
    ./build.sh query; mkdir -p out/corpus
    exec nice -n 10 ./out/tinq-fuzz out/corpus corpus -max_total_time="${1:-600}" -dict=tinq.dict -max_len=4096 -timeout=10 -rss_limit_mb=4096 -artifact_prefix=out/ -print_final_stats=1 ;;
  loader)
    ./build.sh loader; mkdir -p out/corpus-loader
    # Each input is written to two scratch files: on a RAM disk when there is one.
    if [ -z "$TMPDIR" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then export TMPDIR=/dev/shm; fi
    exec nice -n 10 ./out/tinq-loader-fuzz out/corpus-loader corpus-loader -max_total_time="${1:-600}" -dict=loader.dict -max_len=4096 -timeout=10 -rss_limit_mb=4096 -artifact_prefix=out/loader- -print_final_stats=1 ;;
  snapshot)
    ./build.sh snapshot; mkdir -p out/corpus-snapshot out/corpus-snapshot-seed corpus-snapshot
    (cd .. && swift build --product tinq >/dev/null && .build/debug/tinq build seeds -o fuzz/out/corpus-snapshot-seed/seeds.tinq)
    # Leak checking is off here, per input and at exit: the harness keeps checked statements in a
    # global, whose enum payloads carry tagged pointers that LeakSanitizer takes for leaks.
    export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    exec nice -n 10 ./out/tinq-snapshot-fuzz out/corpus-snapshot out/corpus-snapshot-seed corpus-snapshot -detect_leaks=0 -max_total_time="${1:-600}" -max_len=131072 -timeout=20 -rss_limit_mb=4096 -artifact_prefix=out/snapshot- -print_final_stats=1 ;;
  *) echo "usage: fuzz/run.sh SECONDS [query|loader|snapshot]" >&2; exit 2 ;;
esac
