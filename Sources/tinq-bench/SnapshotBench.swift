// `tinq-bench snapshot`: what a snapshot costs and gives (issue #15): the build's time and peak
// memory, the file's size, the open, the first answer, the memory after opening and after the
// suite, and the suite itself beside the in-memory corpus, each side in a fresh process.

import ArgumentParser
import Foundation
import Tinq

/// `BuildReport` is what one `measure-build` child found.
struct BuildReport: Codable, Sendable {
  /// Seconds to record the sources, load, extract and index.
  var loadSeconds: Double
  /// Seconds to write the snapshot.
  var saveSeconds: Double
  /// The process's peak resident memory, in bytes.
  var peakRSSBytes: Int
  /// The snapshot's size in bytes.
  var snapshotBytes: Int
  /// Articles written.
  var articles: Int
}

/// `MeasureBuild` builds a snapshot in this process, as `tinq build` does, and reports on it.
struct MeasureBuild: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "measure-build", abstract: "Build one snapshot in this process (used by `snapshot`).", shouldDisplay: false)

  @Option(help: "The corpus path.") var corpus: String
  @Option(help: "The snapshot to write.") var output: String

  func run() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let sources = try Corpus.recordSources(paths: [corpus])
    let loaded = try Corpus.load(paths: [corpus])
    let loadSeconds = (clock.now - start).seconds
    let saveStart = clock.now
    try loaded.save(to: output, sources: sources)
    let report = BuildReport(
      loadSeconds: loadSeconds, saveSeconds: (clock.now - saveStart).seconds, peakRSSBytes: peakResidentBytes(),
      snapshotBytes: corpusBytesOfFile(output), articles: loaded.articleCount)
    FileHandle.standardOutput.write(try JSONEncoder().encode(report))
    FileHandle.standardOutput.write(Data("\n".utf8))
  }
}

func corpusBytesOfFile(_ path: String) -> Int {
  ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
}

/// `SnapshotBench` compares a corpus opened from a snapshot with the same corpus loaded.
struct SnapshotBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Build a snapshot of a corpus and measure it beside the corpus loaded (issue #15).",
    discussion: """
      Each step runs in a fresh process: the in-memory load and the suite, the build, then the
      open and the suite. Prints a markdown table; --json prints the three reports.
        swift run -c release tinq-bench snapshot --corpus bench/out/perf-100k.jsonl
      """)

  @Option(help: "The corpus (a .jsonl file or a folder).") var corpus: String
  @Option(help: "Where to write the snapshot (default: beside the corpus, .tinq).") var output: String?
  @Option(help: "Timed runs per query at most.") var iterations: Int = 20
  @Flag(help: "Skip the in-memory side (for corpora too big to load twice in a row).") var skipMemory = false
  @Flag(help: "Print the reports as JSON.") var json = false

  func child<T: Decodable>(_ args: [String]) throws -> T { try runChild(selfExecutable(), args) }

  func run() throws {
    let snapshot = output ?? ((corpus as NSString).deletingPathExtension + ".tinq")
    let budget = ["--iterations", String(iterations), "--budget", "2"]
    let memory: MeasureReport? = skipMemory ? nil : try child(["measure", "--corpus", corpus] + budget)
    let build: BuildReport = try child(["measure-build", "--corpus", corpus, "--output", snapshot])
    let opened: MeasureReport = try child(["measure", "--corpus", snapshot] + budget)
    if json {
      struct All: Codable {
        var memory: MeasureReport?
        var build: BuildReport
        var snapshot: MeasureReport
      }
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      FileHandle.standardOutput.write(try encoder.encode(All(memory: memory, build: build, snapshot: opened)))
      print("")
      return
    }
    print(Self.render(corpus: corpus, memory: memory, build: build, opened: opened))
  }

  static func render(corpus: String, memory: MeasureReport?, build: BuildReport, opened: MeasureReport) -> String {
    let textBytes = corpusBytes(corpus)
    func mb(_ b: Int) -> String { String(format: "%.0f MB", Double(b) / 1_000_000) }
    func times(_ b: Int) -> String { textBytes > 0 ? String(format: "%.2f×", Double(b) / Double(textBytes)) : "?" }
    func s(_ x: Double?) -> String { x.map { String(format: "%.2f s", $0) } ?? "n/a" }
    var out = "| \(build.articles) articles (\(mb(textBytes)) of text) | snapshot | loaded from text |\n| --- | --- | --- |\n"
    out += "| build: load + extract + index, then write | \(s(build.loadSeconds)) + \(s(build.saveSeconds)) | |\n"
    out += "| build's peak RSS | \(mb(build.peakRSSBytes)) (\(times(build.peakRSSBytes))) | |\n"
    out += "| snapshot size | \(mb(build.snapshotBytes)) (\(times(build.snapshotBytes))) | |\n"
    out += "| open (or load) | \(s(opened.loadSeconds)) | \(s(memory?.loadSeconds)) |\n"
    out += "| open + first `count articles where cites \"03/2019/NĐ-CP\"` | \(s(opened.firstAnswerSeconds)) | \(s(memory?.firstAnswerSeconds)) |\n"
    out += "| RSS after open | \(mb(opened.openRSSBytes ?? 0)) (\(times(opened.openRSSBytes ?? 0))) | \(memory.map { mb($0.openRSSBytes ?? 0) } ?? "n/a") |\n"
    out += "| RSS after the suite | \(mb(opened.suiteRSSBytes ?? 0)) | \(memory.map { mb($0.suiteRSSBytes ?? 0) } ?? "n/a") |\n"
    out += "\n| query | snapshot (median) | loaded (median) | same answer |\n| --- | --- | --- | --- |\n"
    for q in opened.queries {
      let m = memory?.queries.first { $0.name == q.name }
      func ms(_ t: QueryTiming?) -> String { t?.medianMs.map { String(format: "%.3f ms", $0) } ?? (t?.error ?? "n/a") }
      let same = m.map { $0.count == q.count && $0.rows == q.rows ? "yes" : "NO" } ?? "n/a"
      out += "| \(q.name) | \(ms(q)) | \(ms(m)) | \(same) |\n"
    }
    return out
  }
}

/// `UpdateReport` is what one `measure-update` child found.
struct UpdateReport: Codable, Sendable {
  /// Seconds for the whole update (check the sources, read the new file, settle, index, write).
  var seconds: Double
  /// The process's peak resident memory, in bytes.
  var peakRSSBytes: Int
  /// Articles read from the new files, and kept from the snapshot.
  var extracted: Int
  var kept: Int
  /// Index segments kept, of all.
  var keptSegments: Int
  var segments: Int
}

/// `MeasureUpdate` updates a snapshot in this process, as `tinq build --update` does.
struct MeasureUpdate: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "measure-update", abstract: "Update one snapshot in this process (used by `update`).", shouldDisplay: false)

  @Option(help: "The snapshot.") var snapshot: String

  func run() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try Corpus.update(snapshot: snapshot)
    let report = UpdateReport(
      seconds: (clock.now - start).seconds, peakRSSBytes: peakResidentBytes(), extracted: result.extracted,
      kept: result.kept, keptSegments: result.keptSegments, segments: result.segments)
    FileHandle.standardOutput.write(try JSONEncoder().encode(report))
    FileHandle.standardOutput.write(Data("\n".utf8))
  }
}

/// `UpdateBench` measures `tinq build --update` against a full build (issue #15): a folder holding
/// the corpus is built, N generated articles are added to it as a new file, the snapshot is
/// updated, and the folder is built again from scratch; each step in a fresh process. The updated
/// and the new snapshot must give the same answers to the suite and to the corpus's entity lists.
struct UpdateBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "update",
    abstract: "Measure adding articles to a snapshot with --update against a full build (issue #15).",
    discussion: """
        swift run -c release tinq-bench update --corpus bench/out/perf-100k.jsonl --add 1000
      """)

  @Option(help: "The corpus (a .jsonl file).") var corpus: String
  @Option(help: "How many generated articles to add.") var add: Int = 1000
  @Option(help: "A folder for the work (default: a new one under the temporary folder).") var work: String?

  func child<T: Decodable>(_ args: [String]) throws -> T { try runChild(selfExecutable(), args) }

  func run() throws {
    let fm = FileManager.default
    let dir = work ?? (NSTemporaryDirectory() + "tinq-update-\(getpid())")
    let sources = dir + "/sources"
    try fm.createDirectory(atPath: sources, withIntermediateDirectories: true)
    defer { if work == nil { try? fm.removeItem(atPath: dir) } }
    try fm.createSymbolicLink(atPath: sources + "/a.jsonl", withDestinationPath: (corpus as NSString).isAbsolutePath ? corpus : fm.currentDirectoryPath + "/" + corpus)
    let updated = dir + "/updated.tinq"
    let fresh = dir + "/fresh.tinq"
    let base: BuildReport = try child(["measure-build", "--corpus", sources, "--output", updated])
    // Another seed: other articles, some of whose ids repeat the corpus's (renamed, as a load would).
    _ = try CorpusWriter(generator: ArticleGenerator(seed: 7)).write(count: add, format: .jsonl, to: sources + "/b.jsonl")
    let update: UpdateReport = try child(["measure-update", "--snapshot", updated])
    let full: BuildReport = try child(["measure-build", "--corpus", sources, "--output", fresh])
    let a = try Corpus.open(updated)
    let b = try Corpus.open(fresh)
    let suite = BenchSuite.queries().flatMap { q in [q.tinq] + (q.tinqIds.map { [$0] } ?? []) }
    let statements =
      suite
      + ["people order by articles desc limit 200", "organizations order by articles desc limit 200",
        "citations order by articles desc limit 200", "count articles by year", "articles where year = 2020 select id, people, citations, organizations"]
    var same = 0
    for s in statements where answer(a, s) == answer(b, s) { same += 1 }
    let fullSeconds = full.loadSeconds + full.saveSeconds
    print(
      """
      | | seconds | peak RSS |
      | --- | --- | --- |
      | build of \(base.articles) articles (load / write) | \(f(base.loadSeconds)) / \(f(base.saveSeconds)) | \(base.peakRSSBytes / 1_000_000) MB |
      | update adding \(update.extracted) (kept \(update.kept); \(update.keptSegments) of \(update.segments) segments kept) | \(f(update.seconds)) (\(String(format: "%.0f", 100 * update.seconds / fullSeconds))% of the full build) | \(update.peakRSSBytes / 1_000_000) MB |
      | full build of \(full.articles) articles (load / write) | \(f(full.loadSeconds)) / \(f(full.saveSeconds)) | \(full.peakRSSBytes / 1_000_000) MB |

      \(same) of \(statements.count) statements answer identically on the updated and the new snapshot.
      """)
    if same != statements.count { throw ExitCode(1) }
  }

  func f(_ s: Double) -> String { String(format: "%.2f s", s) }

  func answer(_ corpus: Corpus, _ statement: String) -> String {
    do {
      return Renderer(format: .json).render(try corpus.query(statement))
    } catch {
      return "error: \(error)"
    }
  }
}
