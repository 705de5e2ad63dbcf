#!/bin/sh
# Builds fuzz/out/tinq-fuzz: TinqText and TinqSyntax instrumented for libFuzzer and AddressSanitizer.
set -e
# The final link prints a harmless gold warning per ASan helper symbol; those lines are dropped.
cd "$(dirname "$0")/.."
mkdir -p fuzz/out
FLAGS="-parse-as-library -swift-version 6 -O -g -sanitize=fuzzer,address"
swiftc $FLAGS -module-name TinqText -emit-module -emit-module-path fuzz/out/TinqText.swiftmodule \
  -emit-library -static -o fuzz/out/libTinqText.a Sources/TinqText/*.swift
swiftc $FLAGS -I fuzz/out -module-name TinqSyntax -emit-module -emit-module-path fuzz/out/TinqSyntax.swiftmodule \
  -emit-library -static -o fuzz/out/libTinqSyntax.a Sources/TinqSyntax/*.swift
rm -f fuzz/out/tinq-fuzz
swiftc -parse-as-library -swift-version 6 -O -g -sanitize=fuzzer,address -I fuzz/out -L fuzz/out \
  -lTinqSyntax -lTinqText fuzz/FuzzTarget.swift -o fuzz/out/tinq-fuzz 2>&1 | grep -v "Cannot export local symbol" || true
test -x fuzz/out/tinq-fuzz
