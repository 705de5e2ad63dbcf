#!/bin/sh
# Builds fuzz/out/tinq-fuzz: the modules the query language passes through (support, text, facts,
# store, syntax, engine), instrumented for libFuzzer and AddressSanitizer.
set -e
# The final link prints a harmless gold warning per ASan helper symbol; those lines are dropped.
cd "$(dirname "$0")/.."
mkdir -p fuzz/out
FLAGS="-parse-as-library -swift-version 6 -O -g -sanitize=fuzzer,address -package-name tinq"
LIBS=""
for module in TinqSupport TinqText TinqFacts TinqStore TinqSyntax TinqEngine; do
  swiftc $FLAGS -I fuzz/out -I Sources/CPrefetch -module-name $module -emit-module \
    -emit-module-path fuzz/out/$module.swiftmodule -emit-library -static -o fuzz/out/lib$module.a \
    $(find Sources/$module -name "*.swift" | sort)
  LIBS="-l$module $LIBS"
done
rm -f fuzz/out/tinq-fuzz
swiftc -parse-as-library -swift-version 6 -O -g -sanitize=fuzzer,address -I fuzz/out -I Sources/CPrefetch -L fuzz/out \
  $LIBS fuzz/FuzzTarget.swift -o fuzz/out/tinq-fuzz 2>&1 | grep -v "Cannot export local symbol" || true
test -x fuzz/out/tinq-fuzz
