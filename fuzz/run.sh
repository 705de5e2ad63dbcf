#!/bin/sh
# Usage: fuzz/run.sh SECONDS — builds the harness, then fuzzes for SECONDS (default 600) from fuzz/corpus.
set -e; cd "$(dirname "$0")"; ./build.sh; mkdir -p out/corpus; exec nice -n 10 ./out/tinq-fuzz out/corpus corpus -max_total_time="${1:-600}" -dict=tinq.dict -max_len=4096 -timeout=10 -rss_limit_mb=4096 -artifact_prefix=out/ -print_final_stats=1
