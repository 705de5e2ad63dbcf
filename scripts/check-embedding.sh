#!/usr/bin/env bash
# Builds and runs a throwaway Swift package that depends on Tinq by path, as an outside program
# would, and checks that a corpus built from raw text answers as a loaded one does.
# Usage: bash scripts/check-embedding.sh   (a few minutes: it builds Tinq in a new package)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$(mktemp -d /tmp/tinq-embedding-XXXXXX)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/Sources/Outside"
cat > "$dir/Package.swift" <<SWIFT
// swift-tools-version:6.1
import PackageDescription
let package = Package(
  name: "Outside",
  dependencies: [.package(path: "$root")],
  targets: [.executableTarget(name: "Outside", dependencies: [.product(name: "Tinq", package: "$(basename "$root")")])]
)
SWIFT
cat > "$dir/Sources/Outside/main.swift" <<'SWIFT'
import Tinq

let corpus = Corpus(articles: [Article(id: "a", body: "Thực hiện Nghị định số 03/2019/NĐ-CP về phối hợp.")])
let raw = Corpus(texts: [(id: "b", text: "Tiêu đề\n\n15/01/2020 - 21:48\n\nÔng Nguyễn Văn An cho biết Nghị định số 03/2019/NĐ-CP.")])
guard case .count(1) = try corpus.query("count articles where cites \"3/2019/nd-cp\""),
  case .count(1) = try raw.query("count articles where cites \"03/2019/NĐ-CP\" and year = 2020"),
  case .count(5) = try Corpus.bundledSeeds().query("count articles")
else {
  fatalError("an embedded corpus answered differently")
}
print("ok")
SWIFT
cd "$dir"
swift build -q
swift run -q Outside
