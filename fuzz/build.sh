#!/bin/sh
# Usage: fuzz/build.sh [query|loader|all] — builds fuzz/out/tinq-fuzz (the query language: TinqText
# and TinqSyntax) and/or fuzz/out/tinq-loader-fuzz (corpus loading: TinqText and TinqCorpus),
# instrumented for libFuzzer and AddressSanitizer. Default: all.
set -e
# The final link prints a harmless gold warning per ASan helper symbol; those lines are dropped.
cd "$(dirname "$0")/.."
mkdir -p fuzz/out
WHAT="${1:-all}"
FLAGS="-parse-as-library -swift-version 6 -O -g -sanitize=fuzzer,address"
swiftc $FLAGS -module-name TinqText -emit-module -emit-module-path fuzz/out/TinqText.swiftmodule \
  -emit-library -static -o fuzz/out/libTinqText.a Sources/TinqText/*.swift
if [ "$WHAT" = query ] || [ "$WHAT" = all ]; then
  swiftc $FLAGS -I fuzz/out -module-name TinqSyntax -emit-module -emit-module-path fuzz/out/TinqSyntax.swiftmodule \
    -emit-library -static -o fuzz/out/libTinqSyntax.a Sources/TinqSyntax/*.swift
  rm -f fuzz/out/tinq-fuzz
  swiftc $FLAGS -I fuzz/out -L fuzz/out \
    -lTinqSyntax -lTinqText fuzz/FuzzTarget.swift -o fuzz/out/tinq-fuzz 2>&1 | grep -v "Cannot export local symbol" || true
  test -x fuzz/out/tinq-fuzz
fi
if [ "$WHAT" = loader ] || [ "$WHAT" = all ]; then
  # The harness reaches the loader's internals (chunk size, the read buffer): -enable-testing.
  swiftc $FLAGS -enable-testing -I fuzz/out -I Sources/CPrefetch -module-name TinqCorpus -emit-module \
    -emit-module-path fuzz/out/TinqCorpus.swiftmodule -emit-library -static -o fuzz/out/libTinqCorpus.a \
    $(find Sources/TinqCorpus -name '*.swift' | sort)
  rm -f fuzz/out/tinq-loader-fuzz
  swiftc $FLAGS -I fuzz/out -I Sources/CPrefetch -L fuzz/out \
    -lTinqCorpus -lTinqText fuzz/LoaderFuzzTarget.swift -o fuzz/out/tinq-loader-fuzz 2>&1 \
    | grep -v "Cannot export local symbol" || true
  test -x fuzz/out/tinq-loader-fuzz
fi
