// swift-tools-version:6.0
import PackageDescription

// The pipeline, one module per stage:
//   TinqText (folding, syllables, width) → TinqCorpus (articles, extraction, store)
//   TinqSyntax (tokens, tree, parser, diagnostics) → TinqEngine (checker, planner, evaluator, renderers)
//   Tinq (the public face for embedding) → TinqShell (REPL, meta-commands) → tinq (arguments in, exit code out)
let package = Package(
  name: "Tinq",
  products: [
    .library(name: "Tinq", targets: ["Tinq"]),
    .executable(name: "tinq", targets: ["tinq"]),
    .executable(name: "tinq-bench", targets: ["tinq-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .target(name: "TinqText"),
    // One inline C function: a cache prefetch hint for the phrase search.
    .systemLibrary(name: "CPrefetch"),
    .target(name: "TinqCorpus", dependencies: ["TinqText", "CPrefetch"]),
    .target(name: "TinqSyntax", dependencies: ["TinqText"]),
    .target(name: "TinqEngine", dependencies: ["TinqText", "TinqCorpus", "TinqSyntax"]),
    // The default corpus: the seed articles live at the top of the repository and are bundled here.
    .target(
      name: "TinqSeeds",
      path: "seeds",
      exclude: ["README.md"],
      resources: [
        .copy("000_d0844a13450a2335.txt"),
        .copy("001_0ef710d98552a17e.txt"),
        .copy("002_33d00f0403656af6.txt"),
        .copy("003_d538e3b866b5af87.txt"),
        .copy("004_adcf2f97b390286b.txt"),
      ]
    ),
    .target(name: "Tinq", dependencies: ["TinqText", "TinqCorpus", "TinqSyntax", "TinqEngine", "TinqSeeds"]),
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(name: "TinqShell", dependencies: ["Tinq", "CLibEdit"]),
    .executableTarget(
      name: "tinq",
      dependencies: ["TinqShell", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .executableTarget(
      name: "tinq-bench",
      dependencies: ["Tinq", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .testTarget(name: "TinqTests", dependencies: ["Tinq", "TinqText", "TinqCorpus", "TinqSyntax", "TinqEngine", "tinq-bench"]),
    .testTarget(name: "TinqShellTests", dependencies: ["TinqShell"]),
    .testTarget(name: "EmbeddingExampleTests", dependencies: ["Tinq"]),
  ],
  swiftLanguageModes: [.v6]
)
