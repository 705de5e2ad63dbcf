#!/bin/sh
# Usage: fuzz/build.sh [query|loader|snapshot|all] — builds fuzz/out/tinq-fuzz (the query
# language: the modules a statement passes through, up to the checker), fuzz/out/tinq-loader-fuzz
# (corpus loading: the modules under TinqCorpus) and/or fuzz/out/tinq-snapshot-fuzz (the snapshot
# reader, and queries on what it opens), instrumented for libFuzzer and AddressSanitizer.
# Default: all.
set -e
# The final link prints a harmless gold warning per ASan helper symbol; those lines are dropped.
cd "$(dirname "$0")/.."
mkdir -p fuzz/out
WHAT="${1:-all}"
FLAGS="-parse-as-library -swift-version 6 -O -g -sanitize=fuzzer,address -package-name tinq"
BUILT=""
# module NAME [extra flags]: one Swift module of Sources/, as a static library in fuzz/out.
module() {
  case " $BUILT " in *" $1 "*) return ;; esac
  name=$1
  shift
  swiftc $FLAGS "$@" -I fuzz/out -I Sources/CPrefetch -module-name "$name" -emit-module \
    -emit-module-path "fuzz/out/$name.swiftmodule" -emit-library -static -o "fuzz/out/lib$name.a" \
    $(find "Sources/$name" -name '*.swift' | sort)
  BUILT="$BUILT $name"
}
link() {
  target=$1
  out=$2
  shift 2
  rm -f "fuzz/out/$out"
  swiftc $FLAGS -I fuzz/out -I Sources/CPrefetch -L fuzz/out "$@" "$target" -o "fuzz/out/$out" 2>&1 \
    | grep -v "Cannot export local symbol" || true
  test -x "fuzz/out/$out"
}
module TinqSupport
module TinqText
module TinqFacts
if [ "$WHAT" = query ] || [ "$WHAT" = all ]; then
  module TinqStore
  module TinqSyntax
  module TinqEngine
  link fuzz/FuzzTarget.swift tinq-fuzz -lTinqEngine -lTinqSyntax -lTinqStore -lTinqFacts -lTinqText -lTinqSupport
fi
if [ "$WHAT" = loader ] || [ "$WHAT" = all ]; then
  module TinqStore
  module TinqExtraction
  # The harness reaches the loader's internals (chunk size, the read buffer): -enable-testing.
  module TinqCorpus -enable-testing
  link fuzz/LoaderFuzzTarget.swift tinq-loader-fuzz \
    -lTinqCorpus -lTinqExtraction -lTinqStore -lTinqFacts -lTinqText -lTinqSupport
fi
if [ "$WHAT" = snapshot ] || [ "$WHAT" = all ]; then
  module TinqStore
  module TinqSyntax
  module TinqEngine
  link fuzz/SnapshotFuzzTarget.swift tinq-snapshot-fuzz -lTinqEngine -lTinqSyntax -lTinqStore -lTinqFacts -lTinqText -lTinqSupport
fi
