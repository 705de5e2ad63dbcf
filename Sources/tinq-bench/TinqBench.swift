// tinq-bench: generate synthetic corpora and measure Tinq against SQLite FTS5 on them.

import ArgumentParser
import Foundation

/// `TinqBench` is the command-line entry point.
@main
struct TinqBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tinq-bench",
    abstract: "Generate synthetic Vietnamese news corpora and benchmark Tinq beside SQLite FTS5.",
    subcommands: [Generate.self, Run.self, Measure.self, ExtractionBench.self, SnapshotBench.self, MeasureBuild.self, UpdateBench.self, MeasureUpdate.self, PostgresBench.self, StoriesBench.self]
  )
}

/// `Generate` writes a deterministic synthetic corpus.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Write N synthetic articles (same seed, same bytes).")

  @Option(help: "How many articles.") var articles: Int = 1000
  @Option(help: "The seed; the same seed gives the same bytes.") var seed: UInt64 = 42
  @Option(help: "txt (a directory, one file per article) or jsonl (one file).") var format: String = "jsonl"
  @Option(help: "Where to write: a directory for txt, a file for jsonl.") var output: String

  func validate() throws {
    guard articles >= 0 else { throw ValidationError("--articles must not be negative") }
    guard CorpusFormat(rawValue: format) != nil else { throw ValidationError("--format must be txt or jsonl") }
  }

  func run() throws {
    let fmt = CorpusFormat(rawValue: format) ?? .jsonl
    let clock = ContinuousClock()
    let start = clock.now
    let bytes = try CorpusWriter(generator: ArticleGenerator(seed: seed)).write(count: articles, format: fmt, to: output)
    let seconds = (clock.now - start).seconds
    let mb = Double(bytes) / 1_000_000
    print("wrote \(articles) articles (\(String(format: "%.1f", mb)) MB of text) to \(output) in \(String(format: "%.2f", seconds)) s")
  }
}

extension Duration {
  /// `seconds` is the duration as a floating-point number of seconds.
  var seconds: Double {
    let (s, atto) = components
    return Double(s) + Double(atto) * 1e-18
  }
}
