// The benchmark harness: generate (or reuse) corpora, measure Tinq in a fresh child per size,
// run the FTS5 script on the same corpus, compare answers, and print figures and targets.

import ArgumentParser
import Foundation

/// `FTS5Report` is what `bench/fts5_bench.py` prints.
struct FTS5Report: Codable, Sendable {
  var sqliteVersion: String
  var articles: Int
  var articlesWithMeta: Int
  var corpusBytes: Int
  var buildSeconds: Double
  var baselineRssBytes: Int
  var peakRssBytes: Int
  /// Its figures per query, the same fields as Tinq's (`unsupported` where SQL has no equivalent).
  var queries: [QueryTiming]
}

/// `Comparison` is how the two engines' article ids differ for one query.
struct Comparison: Codable, Sendable {
  var name: String
  var tinqCount: Int
  var fts5Count: Int
  var onlyTinq: Int
  var onlyFTS5: Int
  var sameOrder: Bool?
  /// Reason → number of differing articles sampled with that reason.
  var reasons: [String: Int]
  /// Reason → a few example ids.
  var examples: [String: [String]]
}

/// `SizeReport` is everything measured for one corpus size.
struct SizeReport: Codable, Sendable {
  var articles: Int
  var corpus: String
  var tinq: MeasureReport
  var fts5: FTS5Report?
  var comparisons: [Comparison]
  var replSeconds: Double?
  /// Every timed load of Tinq (the measuring child's first), interleaved with FTS5's builds.
  var tinqLoadRuns: [Double]
  /// Every timed FTS5 build.
  var fts5BuildRuns: [Double]

  /// The median Tinq load, the figure reported and judged.
  var tinqLoadSeconds: Double { Percentiles(tinqLoadRuns).median }
  /// The median FTS5 build, when FTS5 ran.
  var fts5BuildSeconds: Double? { fts5BuildRuns.isEmpty ? nil : Percentiles(fts5BuildRuns).median }
}

/// `TargetResult` is one target's verdict.
struct TargetResult: Codable, Sendable {
  var target: String
  var measured: String
  var pass: Bool
}

/// `RunReport` is the whole run, as `--json` prints it.
struct RunReport: Codable, Sendable {
  var seed: UInt64
  var cores: Int
  var sizes: [SizeReport]
  var replSeedsSeconds: Double?
  var targets: [TargetResult]
}

/// `Run` is the benchmark harness.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Benchmark Tinq beside SQLite FTS5 (build with -c release).",
    discussion: "Run from the repository root: swift run -c release tinq-bench run")

  @Option(help: "Corpus sizes, comma-separated.") var sizes: String = "1000,10000,100000"
  @Flag(help: "Print the report as JSON instead of tables.") var json = false
  @Option(help: "Where corpora and reports go.") var dir: String = "bench/out"
  @Flag(name: .customLong("no-fts5"), help: "Skip the SQLite FTS5 side.") var noFTS5 = false
  @Option(help: "The corpus seed.") var seed: UInt64 = 42
  @Option(help: "Timed runs per query at most.") var iterations: Int = 50
  @Option(help: "Seconds per query at most, after 5 runs.") var budget: Double = 4
  @Option(help: "The FTS5 script.") var fts5Script: String = "bench/fts5_bench.py"
  @Option(help: "The Python interpreter.") var python: String = "python3"
  @Option(help: "The tinq executable for the REPL timing (default: beside this one).") var tinq: String?
  @Option(help: "Loads (and FTS5 builds) per size, interleaved; the median is reported.") var loadRuns: Int = 3

  func run() throws {
    let counts = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else { throw ValidationError("--sizes needs positive numbers") }
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let suite = BenchSuite.queries()
    let suitePath = dir + "/suite.json"
    try BenchSuite.fts5SuiteJSON(suite).write(to: URL(fileURLWithPath: suitePath))
    let me = selfExecutable()
    let tinqExe = tinq ?? ((me as NSString).deletingLastPathComponent + "/tinq")
    let repl = FileManager.default.isExecutableFile(atPath: tinqExe) ? ReplTimer(executable: tinqExe) : nil
    if repl == nil { note("no tinq executable at \(tinqExe): skipping the REPL timing") }

    var reports: [SizeReport] = []
    for n in counts {
      let path = try ensureCorpus(n)
      note("measuring Tinq on \(n) articles")
      let metaPath = "\(dir)/meta-\(n).tsv"
      let tinqReport: MeasureReport = try runChild(
        me, ["measure", "--corpus", path, "--meta-out", metaPath, "--iterations", "\(iterations)", "--budget", "\(budget)"])
      var fts5: FTS5Report? = nil
      if !noFTS5 {
        note("measuring SQLite FTS5 on \(n) articles")
        fts5 = try runChild(
          python,
          [fts5Script, "--corpus", path, "--meta", metaPath, "--suite", suitePath, "--iterations", "\(iterations)", "--budget", "\(budget)"],
          search: true)
      }
      // More loads, each engine in turn, so a machine whose speed drifts is judged fairly.
      var tinqLoads = [tinqReport.loadSeconds]
      var fts5Builds = fts5.map { [$0.buildSeconds] } ?? []
      for run in 1..<max(1, loadRuns) {
        note("timing load \(run + 1) of \(loadRuns) on \(n) articles")
        let again: MeasureReport = try runChild(me, ["measure", "--corpus", path, "--load-only"])
        tinqLoads.append(again.loadSeconds)
        if fts5 != nil {
          let build: FTS5Report = try runChild(
            python, [fts5Script, "--corpus", path, "--meta", metaPath, "--suite", suitePath, "--load-only"], search: true)
          fts5Builds.append(build.buildSeconds)
        }
      }
      var comparisons: [Comparison] = []
      if let fts5 {
        comparisons = Comparer(corpus: path).compare(suite: suite, tinq: tinqReport, fts5: fts5)
      }
      var replSeconds: Double? = nil
      if let repl, n == counts.max() {
        note("timing the REPL's first prompt on \(n) articles")
        replSeconds = repl.secondsToPrompt(arguments: ["--corpus", path])
      }
      reports.append(
        SizeReport(
          articles: n, corpus: path, tinq: tinqReport, fts5: fts5, comparisons: comparisons, replSeconds: replSeconds,
          tinqLoadRuns: tinqLoads, fts5BuildRuns: fts5Builds))
    }
    var seedsRepl: Double? = nil
    if let repl {
      note("timing the REPL's first prompt on the seeds")
      _ = repl.secondsToPrompt(arguments: [])
      let runs = (0..<7).compactMap { _ in repl.secondsToPrompt(arguments: []) }
      if !runs.isEmpty { seedsRepl = Percentiles(runs).median }
    }
    let report = RunReport(
      seed: seed, cores: ProcessInfo.processInfo.activeProcessorCount, sizes: reports, replSeedsSeconds: seedsRepl,
      targets: Targets.evaluate(reports, seedsRepl: seedsRepl))
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = try encoder.encode(report)
    try data.write(to: URL(fileURLWithPath: dir + "/report.json"))
    if json {
      FileHandle.standardOutput.write(data)
      FileHandle.standardOutput.write(Data("\n".utf8))
    } else {
      print(ReportPrinter.render(report, suite: suite))
    }
  }

  /// Generates the corpus for `n` articles unless a stamp says this seed already made it.
  func ensureCorpus(_ n: Int) throws -> String {
    let path = "\(dir)/corpus-\(n).jsonl"
    let stampPath = path + ".stamp"
    let stamp = "seed=\(seed) articles=\(n) generator=\(ArticleGenerator.version)\n"
    if FileManager.default.fileExists(atPath: path), (try? String(contentsOfFile: stampPath, encoding: .utf8)) == stamp {
      return path
    }
    note("generating \(n) articles into \(path)")
    try? FileManager.default.removeItem(atPath: stampPath)
    try CorpusWriter(generator: ArticleGenerator(seed: seed)).write(count: n, format: .jsonl, to: path)
    try stamp.write(toFile: stampPath, atomically: true, encoding: .utf8)
    return path
  }

  func note(_ s: String) { FileHandle.standardError.write(Data("tinq-bench: \(s)\n".utf8)) }
}

/// `HarnessError` is a failure of a measuring child.
enum HarnessError: Error, CustomStringConvertible {
  case childFailed(String)

  var description: String {
    switch self {
    case .childFailed(let s): return s
    }
  }
}

/// `runChild(_:_:search:)` runs a child to completion, passing its stderr through, and decodes its stdout as JSON.
func runChild<T: Decodable>(_ exe: String, _ args: [String], search: Bool = false) throws -> T {
  let p = Process()
  if search {
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [exe] + args
  } else {
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
  }
  let out = Pipe()
  p.standardOutput = out
  try p.run()
  let data = out.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  guard p.terminationStatus == 0 else {
    throw HarnessError.childFailed("\(exe) \(args.joined(separator: " ")) exited with status \(p.terminationStatus)")
  }
  let decoder = JSONDecoder()
  decoder.keyDecodingStrategy = .convertFromSnakeCase
  do { return try decoder.decode(T.self, from: data) } catch {
    throw HarnessError.childFailed("\(exe): cannot read its JSON: \(error)")
  }
}

/// `selfExecutable()` is this program's path, for re-executing it as a fresh measuring child.
func selfExecutable() -> String {
  (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}

/// `Comparer` checks that both engines return the same articles and names the reason where not.
struct Comparer {
  /// The corpus both engines loaded.
  var corpus: String
  /// How many differing articles per side are read back to name a reason.
  var sample = 200

  /// The differing ids read back: the same sorted prefix wherever it is taken.
  func sampled(_ ids: Set<String>) -> [String] { Array(ids.sorted().prefix(sample)) }

  func compare(suite: [BenchQuery], tinq: MeasureReport, fts5: FTS5Report) -> [Comparison] {
    var wanted = Set<String>()
    var pending: [(BenchQuery, [String], [String])] = []
    for q in suite {
      guard let a = tinq.queries.first(where: { $0.name == q.name })?.ids,
        let b = fts5.queries.first(where: { $0.name == q.name })?.ids
      else { continue }
      pending.append((q, a, b))
      let sa = Set(a)
      let sb = Set(b)
      wanted.formUnion(sampled(sa.subtracting(sb)))
      wanted.formUnion(sampled(sb.subtracting(sa)))
    }
    let texts = RawTexts.read(ids: wanted, corpus: corpus)
    return pending.map { q, a, b in
      let sa = Set(a)
      let sb = Set(b)
      var c = Comparison(
        name: q.name, tinqCount: a.count, fts5Count: b.count, onlyTinq: sa.subtracting(sb).count,
        onlyFTS5: sb.subtracting(sa).count, sameOrder: q.ordered ? a == b : nil, reasons: [:], examples: [:])
      func record(_ ids: Set<String>, tinqSide: Bool) {
        for id in sampled(ids) {
          let r = texts[id].map { Reasons.name(text: $0, query: q, tinqSide: tinqSide) } ?? "article text not found"
          c.reasons[r, default: 0] += 1
          if (c.examples[r]?.count ?? 0) < 3 { c.examples[r, default: []].append(id) }
        }
      }
      record(sa.subtracting(sb), tinqSide: true)
      record(sb.subtracting(sa), tinqSide: false)
      if q.ordered && a != b && sa == sb { c.reasons["same articles, ties on date ordered differently"] = a.count }
      return c
    }
  }
}

/// `Reasons` names why one engine returned an article the other did not.
enum Reasons {
  static let relatedMarker = "Có thể bạn quan tâm"

  static func name(text: String, query: BenchQuery, tinqSide: Bool) -> String {
    let nfc = text.precomposedStringWithCanonicalMapping
    let isNFD = !Array(text.utf8).elementsEqual(nfc.utf8)
    let parts = nfc.components(separatedBy: relatedMarker)
    let kept = parts.first ?? nfc
    let stripped = parts.dropFirst().joined(separator: relatedMarker)
    func has(_ s: String, _ n: String) -> Bool { s.range(of: n, options: [.caseInsensitive]) != nil }
    func hasFolded(_ s: String, _ n: String) -> Bool { fold(s).contains(fold(n)) }
    if tinqSide {
      if isNFD { return "NFD text: FTS5 does not normalise, so combining marks split its tokens" }
      if query.name.hasPrefix("cites"), !query.needles.contains(where: { has(kept, $0) }) {
        return "short reference (`Nghị định số 03`) resolved by Tinq"
      }
      if query.needles.count > 2, has(stripped, query.needles[2]) && !has(kept, query.needles[2]) {
        return "the `not` phrase occurs only in a related-articles block, which Tinq strips"
      }
      if query.needles.contains(where: { !has(kept, $0) && hasFolded(kept, $0) }) {
        return "matched through folding FTS5 lacks (đ → d)"
      }
      return "unexplained"
    }
    if query.needles.contains(where: { has(stripped, $0) }) && !query.needles.contains(where: { has(kept, $0) }) {
      return "only in a related-articles block, which Tinq strips"
    }
    if query.name.hasPrefix("mentions") {
      return "the words occur but Tinq extracted no such person there (byline, signature or caption)"
    }
    if query.needles.count > 2, has(kept, query.needles[2]) {
      return "the `not` phrase is in the kept text; FTS5 phrase spans punctuation differently"
    }
    if query.name.hasPrefix("cites") { return "FTS5 matched the number's tokens in another form" }
    return "unexplained"
  }

  /// Folds case and diacritics, `đ` included, for telling reasons apart (not for matching).
  static func fold(_ s: String) -> String {
    s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
  }
}

/// `RawTexts` reads the text of a few articles back from the corpus.
enum RawTexts {
  static func read(ids: Set<String>, corpus: String) -> [String: String] {
    guard !ids.isEmpty else { return [:] }
    var isDir: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: corpus, isDirectory: &isDir)
    var out: [String: String] = [:]
    if isDir.boolValue {
      for id in ids {
        if let t = try? String(contentsOfFile: corpus + "/" + id + ".txt", encoding: .utf8) { out[id] = t }
      }
      return out
    }
    guard let handle = FileHandle(forReadingAtPath: corpus) else { return out }
    defer { try? handle.close() }
    var pending = Data()
    let idKey = Array(#""id":""#.utf8)
    func consume(_ line: Data) {
      let bytes = [UInt8](line)
      guard let start = find(idKey, in: bytes) else { return }
      var end = start + idKey.count
      while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
      let id = String(decoding: bytes[(start + idKey.count)..<end], as: UTF8.self)
      guard ids.contains(id),
        let obj = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
        let body = (obj["body"] ?? obj["content"] ?? obj["text"]) as? String
      else { return }
      let title = obj["title"] as? String
      out[id] = title.map { $0 + "\n\n" + body } ?? body
    }
    while true {
      let chunk = handle.readData(ofLength: 8 << 20)
      if chunk.isEmpty { break }
      pending.append(chunk)
      while let nl = pending.firstIndex(of: UInt8(ascii: "\n")) {
        consume(pending[pending.startIndex..<nl])
        pending = pending[(nl + 1)...]
      }
      pending = Data(pending)
    }
    if !pending.isEmpty { consume(pending) }
    return out
  }

  private static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
    guard hay.count >= needle.count else { return nil }
    // The id key is near the start of each record; give up after a short window.
    for i in 0...min(hay.count - needle.count, 4096) where hay[i] == needle[0] {
      if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
    }
    return nil
  }
}

/// `Targets` judges the issue's targets on the largest size measured.
enum Targets {
  static func evaluate(_ reports: [SizeReport], seedsRepl: Double?) -> [TargetResult] {
    var out: [TargetResult] = []
    guard let big = reports.max(by: { $0.articles < $1.articles }) else { return out }
    let n = big.articles
    if let f = big.fts5BuildSeconds {
      let t = big.tinqLoadSeconds
      out.append(
        TargetResult(
          target: "load ≤ ½ FTS5 build (\(n), medians of \(big.tinqLoadRuns.count))",
          measured: String(format: "%.2f s vs %.2f s (%.2f×)", t, f, t / f), pass: t <= f / 2))
    }
    let suite = BenchSuite.queries()
    for q in suite where q.kind == .indexed {
      guard let t = big.tinq.queries.first(where: { $0.name == q.name }) else { continue }
      let m = t.medianMs ?? .infinity
      out.append(
        TargetResult(
          target: "\(q.name) < 1 ms median (\(n))", measured: t.error ?? String(format: "%.3f ms", m), pass: m < 1))
    }
    for q in suite where q.kind == .phrase {
      guard let t = big.tinq.queries.first(where: { $0.name == q.name }) else { continue }
      let m = t.medianMs ?? .infinity
      out.append(
        TargetResult(target: "\(q.name) < 5 ms median (\(n))", measured: t.error ?? String(format: "%.3f ms", m), pass: m < 5))
      if let f = big.fts5?.queries.first(where: { $0.name == q.name }), let fm = f.medianMs {
        out.append(
          TargetResult(
            target: "\(q.name) ≥ 5× faster than FTS5 (\(n))", measured: String(format: "%.1f×", fm / m), pass: fm / m >= 5))
      }
    }
    let ratio = Double(big.tinq.peakRSSBytes) / Double(max(big.tinq.corpusBytes, 1))
    out.append(
      TargetResult(
        target: "peak RSS ≤ 1.5× corpus bytes (\(n))",
        measured: String(format: "%@ for %@ (%.2f×)", mb(big.tinq.peakRSSBytes), mb(big.tinq.corpusBytes), ratio),
        pass: ratio <= 1.5))
    if let s = seedsRepl {
      out.append(TargetResult(target: "REPL ready on the seeds < 100 ms", measured: String(format: "%.1f ms", s * 1000), pass: s < 0.1))
    } else {
      out.append(TargetResult(target: "REPL ready on the seeds < 100 ms", measured: "not measured", pass: false))
    }
    return out
  }
}

/// `mb(_:)` formats bytes as megabytes.
func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }

/// `ReportPrinter` renders the report as plain-text tables.
enum ReportPrinter {
  static func render(_ r: RunReport, suite: [BenchQuery]) -> String {
    var s = "tinq-bench: seed \(r.seed), \(r.cores) cores\n"
    func row(_ cells: [String], _ widths: [Int]) -> String {
      zip(cells, widths).map { c, w in c.count >= w ? c + " " : c + String(repeating: " ", count: w - c.count) }
        .joined().replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    let w = [26, 28, 28, 16]
    for size in r.sizes {
      let t = size.tinq
      s += "\n== \(size.articles) articles, \(mb(t.corpusBytes)) (\(size.corpus))\n"
      s += row(["", "Tinq", "SQLite FTS5", "FTS5 / Tinq"], w) + "\n"
      let f = size.fts5
      let load = size.tinqLoadSeconds
      let build = size.fts5BuildSeconds
      s += row(["load+extract+index", String(format: "%.2f s", load), build.map { String(format: "%.2f s", $0) } ?? "-", build.map { ratio($0, load) } ?? ""], w) + "\n"
      if size.tinqLoadRuns.count > 1 {
        func runs(_ r: [Double]) -> String { r.map { String(format: "%.1f", $0) }.joined(separator: " ") }
        s += row(["  (median of runs, s)", runs(size.tinqLoadRuns), size.fts5BuildRuns.isEmpty ? "-" : runs(size.fts5BuildRuns), ""], w) + "\n"
      }
      s += row(["MB/s", String(format: "%.1f", Double(t.corpusBytes) / 1e6 / load), f.map { String(format: "%.1f", Double($0.corpusBytes) / 1e6 / (build ?? $0.buildSeconds)) } ?? "-", ""], w) + "\n"
      s += row(["articles/s", String(format: "%.0f", Double(t.articles) / load), f.map { String(format: "%.0f", Double($0.articles) / (build ?? $0.buildSeconds)) } ?? "-", ""], w) + "\n"
      s += row(["peak RSS (× corpus bytes)", "\(mb(t.peakRSSBytes)) (\(String(format: "%.2f", Double(t.peakRSSBytes) / Double(max(t.corpusBytes, 1))))×)", f.map { "\(mb($0.peakRssBytes)) (\(String(format: "%.2f", Double($0.peakRssBytes) / Double(max($0.corpusBytes, 1))))×)" } ?? "-", ""], w) + "\n"
      s += row(["query: median / p95 ms", "", "", ""], w) + "\n"
      for q in suite {
        let tq = t.queries.first { $0.name == q.name }
        let fq = f?.queries.first { $0.name == q.name }
        let tc = tq.map(cell) ?? "-"
        let fc = fq.map(cell) ?? "-"
        var rc = ""
        if let a = tq?.medianMs, let b = fq?.medianMs { rc = ratio(b, a) }
        s += row(["  " + q.name, tc, fc, rc], w) + "\n"
      }
      if let repl = size.replSeconds { s += "REPL first prompt on \(size.articles) articles: \(String(format: "%.2f s", repl))\n" }
      if !size.comparisons.isEmpty {
        s += "same article ids (where semantics coincide):\n"
        for c in size.comparisons {
          let verdict = c.onlyTinq == 0 && c.onlyFTS5 == 0 && (c.sameOrder ?? true) ? "same" : "differ"
          s += "  \(c.name): \(verdict) (Tinq \(c.tinqCount), FTS5 \(c.fts5Count); only Tinq \(c.onlyTinq), only FTS5 \(c.onlyFTS5))\n"
          for (reason, n) in c.reasons.sorted(by: { $0.value > $1.value }) where n > 0 {
            let ex = c.examples[reason]?.joined(separator: ", ") ?? ""
            s += "    \(n) × \(reason)\(ex.isEmpty ? "" : " — e.g. \(ex)")\n"
          }
        }
      }
    }
    if let sr = r.replSeedsSeconds { s += "\nREPL first prompt on the seeds: \(String(format: "%.1f ms", sr * 1000)) (median of 7)\n" }
    s += "\nTargets:\n"
    for t in r.targets { s += "  \(t.pass ? "PASS" : "MISS")  \(t.target): \(t.measured)\n" }
    return s
  }

  static func cell(_ q: QueryTiming) -> String {
    if q.unsupported != nil { return "n/a" }
    if let e = q.error { return "error: " + String(e.prefix(20)) }
    guard let m = q.medianMs, let p = q.p95Ms else { return "-" }
    return String(format: "%.3f / %.3f", m, p) + (q.count.map { " [\($0)]" } ?? "")
  }

  /// How many times faster Tinq is (FTS5 time over Tinq time).
  static func ratio(_ fts5: Double, _ tinq: Double) -> String {
    guard tinq > 0 else { return "" }
    let r = fts5 / tinq
    return r >= 1 ? String(format: "%.1f× faster", r) : String(format: "%.1f× slower", 1 / r)
  }
}
