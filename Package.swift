// swift-tools-version:6.1
import PackageDescription

// The pipeline, one module per stage (imports point only downward):
//   TinqSupport (hashing, memory trimming, parallel maps, a PRNG; internal to the package)
//   TinqText (folding, syllables, collation, width)
//   TinqFacts (the facts about an article: Article, dates, citations, people, provenance)
//   TinqExtraction (text in, facts with provenance out: the rules and gazetteers)
//   TinqStore (the indexed in-memory store: full-text index, entity and equality indexes, bodies)
//   TinqCorpus (files in: loading .txt and .jsonl, extraction, then the store)
//   TinqSyntax (text → tokens → syntax tree: lexer, parser, diagnostics, printer)
//   TinqEngine (syntax tree → checked query → plan → rows: field registry, checker, planner,
//     the backend seam and its in-memory backend, the pipeline driver, renderers)
//   Tinq (the public face for embedding) → TinqShell (REPL, meta-commands) → tinq (arguments in, exit code out)
//   TinqPostgres (the PostgreSQL backend: schema, bulk load, checked query → SQL), built only with
//     the `PostgreSQL` trait (`swift build --traits PostgreSQL`): postgres-nio brings SwiftNIO,
//     swift-crypto and BoringSSL, minutes of build that the everyday REPL and library don't pay.
let package = Package(
  name: "Tinq",
  products: [
    .library(name: "Tinq", targets: ["Tinq"]),
    .executable(name: "tinq", targets: ["tinq"]),
    .executable(name: "tinq-bench", targets: ["tinq-bench"]),
  ],
  traits: [
    .trait(name: "PostgreSQL", description: "The PostgreSQL backend: tinq load --into and tinq --backend postgres://...")
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    // `swift package generate-documentation --target Tinq` builds the DocC catalogue; a plugin,
    // so it adds nothing to an ordinary build.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
  ],
  targets: [
    .target(name: "TinqSupport"),
    .target(name: "TinqText", dependencies: ["TinqSupport"]),
    // One inline C function: a cache prefetch hint for the phrase search.
    .systemLibrary(name: "CPrefetch"),
    .target(name: "TinqFacts", dependencies: ["TinqText"]),
    .target(name: "TinqExtraction", dependencies: ["TinqSupport", "TinqText", "TinqFacts"]),
    .target(name: "TinqStore", dependencies: ["TinqSupport", "TinqText", "TinqFacts", "CPrefetch"]),
    .target(name: "TinqCorpus", dependencies: ["TinqSupport", "TinqText", "TinqFacts", "TinqExtraction", "TinqStore"]),
    .target(name: "TinqSyntax", dependencies: ["TinqText"]),
    .target(name: "TinqEngine", dependencies: ["TinqText", "TinqFacts", "TinqStore", "TinqSyntax"]),
    // The default corpus: the seed articles live at the top of the repository and are compiled
    // into the binary by the EmbedSeeds plugin, so a `tinq` copied anywhere still has them.
    .executableTarget(name: "embed-seeds"),
    .plugin(name: "EmbedSeeds", capability: .buildTool(), dependencies: ["embed-seeds"]),
    .target(
      name: "TinqSeeds",
      path: "seeds",
      exclude: [
        "README.md", "000_d0844a13450a2335.txt", "001_0ef710d98552a17e.txt", "002_33d00f0403656af6.txt",
        "003_d538e3b866b5af87.txt", "004_adcf2f97b390286b.txt",
      ],
      plugins: ["EmbedSeeds"]
    ),
    .target(
      name: "Tinq",
      dependencies: [
        "TinqSupport", "TinqText", "TinqFacts", "TinqExtraction", "TinqStore", "TinqCorpus", "TinqSyntax", "TinqEngine",
        "TinqSeeds",
      ]),
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(
      name: "TinqPostgres",
      dependencies: [
        "Tinq", "TinqText", "TinqFacts", "TinqStore", "TinqEngine",
        .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
      ]),
    .target(
      name: "TinqShell",
      dependencies: ["Tinq", "CLibEdit", .target(name: "TinqPostgres", condition: .when(traits: ["PostgreSQL"]))]),
    .executableTarget(
      name: "tinq",
      dependencies: ["TinqShell", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .executableTarget(
      name: "tinq-bench",
      dependencies: [
        "Tinq", "TinqSupport", "TinqText", "TinqFacts", "TinqExtraction", "TinqStore", "TinqCorpus", "TinqSyntax",
        .target(name: "TinqPostgres", condition: .when(traits: ["PostgreSQL"])),
        .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    .testTarget(
      name: "TinqTests",
      dependencies: [
        "Tinq", "TinqSupport", "TinqText", "TinqFacts", "TinqExtraction", "TinqStore", "TinqCorpus", "TinqSyntax",
        "TinqEngine", "tinq-bench", .target(name: "TinqPostgres", condition: .when(traits: ["PostgreSQL"])),
      ]),
    .testTarget(name: "TinqShellTests", dependencies: ["TinqShell"]),
    .testTarget(name: "EmbeddingExampleTests", dependencies: ["Tinq"]),
  ],
  swiftLanguageModes: [.v6]
)
