// The measuring child: one fresh process per corpus size, so that its peak resident memory is
// that size's alone. `tinq-bench run` starts it and reads the JSON it prints.

import ArgumentParser
import Foundation
import Tinq
import TinqCorpus
import TinqExtraction
import TinqStore

/// `QueryTiming` is the latency of one suite query and what it returned, for Tinq (from `measure`)
/// and for FTS5 (from `bench/fts5_bench.py`).
struct QueryTiming: Codable, Sendable {
  /// The suite name.
  var name: String
  /// The median latency in milliseconds.
  var medianMs: Double?
  /// The 95th percentile latency in milliseconds.
  var p95Ms: Double?
  /// How many timed runs.
  var runs: Int?
  /// The count, for a count query.
  var count: Int?
  /// The number of rows or groups, otherwise.
  var rows: Int?
  /// The ids for the comparison with FTS5 (not timed).
  var ids: [String]?
  /// The error, when the query failed.
  var error: String?
  /// Why the engine cannot run the query (FTS5 has no citation extraction, for one).
  var unsupported: String?
}

/// `MeasureReport` is what one `measure` run found.
struct MeasureReport: Codable, Sendable {
  /// The corpus path.
  var corpus: String
  /// Articles loaded.
  var articles: Int
  /// Load warnings (skipped files or lines).
  var warnings: Int
  /// The corpus's bytes on disk.
  var corpusBytes: Int
  /// Seconds to load, extract and index.
  var loadSeconds: Double
  /// Peak resident memory before loading, in bytes.
  var baselineRSSBytes: Int
  /// Peak resident memory once loaded, in bytes.
  var loadPeakRSSBytes: Int
  /// Resident memory once loaded (or opened), in bytes.
  var openRSSBytes: Int?
  /// Seconds from the start of the load (or open) to the first answer of
  /// `count articles where cites "03/2019/NĐ-CP"`.
  var firstAnswerSeconds: Double?
  /// Resident memory after the timed queries, in bytes.
  var suiteRSSBytes: Int?
  /// Peak resident memory after the timed queries, in bytes.
  var peakRSSBytes: Int
  /// The suite's timings.
  var queries: [QueryTiming]
}

/// `Measure` loads one corpus, times the suite and prints a `MeasureReport` as JSON.
struct Measure: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure one corpus in this process (used by `run`).", shouldDisplay: false)

  @Option(help: "The corpus path.") var corpus: String
  @Option(help: "Write id, year and date ordinal of every article here (for FTS5).") var metaOut: String?
  @Option(help: "Timed runs per query at most.") var iterations: Int = 50
  @Option(help: "Seconds per query at most, after 5 runs.") var budget: Double = 4
  @Flag(help: "Only load: no queries, no metadata (for repeated load timings).") var loadOnly = false

  func run() throws {
    let baseline = peakResidentBytes()
    let clock = ContinuousClock()
    let start = clock.now
    let loaded = try Corpus.load(paths: [corpus])
    let loadSeconds = (clock.now - start).seconds
    let loadPeak = peakResidentBytes()
    let openRSS = residentBytes()
    _ = try? loaded.query("count articles where cites \"03/2019/NĐ-CP\"")
    let firstAnswer = (clock.now - start).seconds

    let suite = loadOnly ? [] : BenchSuite.queries()
    var timings: [QueryTiming] = []
    for q in suite {
      timings.append(time(q.name, q.tinq, on: loaded))
    }
    let peak = peakResidentBytes()

    // Untimed: the ids for the comparison and the extracted dates for FTS5's year column.
    for (i, q) in suite.enumerated() {
      guard let idsQuery = q.tinqIds, let result = try? loaded.query(idsQuery) else { continue }
      if case .rows(let rs) = result {
        timings[i].ids = rs.rows.compactMap { row in
          if case .text(let id)? = row.first { return id }
          return nil
        }
      }
    }
    if let metaOut, !loadOnly { try exportMeta(loaded, to: metaOut) }

    let report = MeasureReport(
      corpus: corpus, articles: loaded.articleCount, warnings: loaded.warnings.count,
      corpusBytes: corpusBytes(corpus), loadSeconds: loadSeconds, baselineRSSBytes: baseline,
      loadPeakRSSBytes: loadPeak, openRSSBytes: openRSS, firstAnswerSeconds: firstAnswer, suiteRSSBytes: residentBytes(),
      peakRSSBytes: peak, queries: timings)
    // Plain camel-case keys: snake case does not round-trip names like `peakRSSBytes`.
    FileHandle.standardOutput.write(try JSONEncoder().encode(report))
    FileHandle.standardOutput.write(Data("\n".utf8))
  }

  /// Warms up, then runs the query up to `iterations` times within `budget` seconds.
  func time(_ name: String, _ text: String, on corpus: Corpus) -> QueryTiming {
    var timing = QueryTiming(name: name)
    let clock = ContinuousClock()
    var last: QueryResult
    do {
      last = try corpus.query(text)
      for _ in 0..<2 { last = try corpus.query(text) }
      var samples: [Double] = []
      let started = clock.now
      while samples.count < iterations {
        let t0 = clock.now
        last = try corpus.query(text)
        samples.append((clock.now - t0).seconds * 1000)
        if samples.count >= 5 && (clock.now - started).seconds > budget { break }
      }
      let stats = Percentiles(samples)
      timing.medianMs = stats.median
      timing.p95Ms = stats.p95
      timing.runs = samples.count
    } catch {
      timing.error = "\(error)"
      return timing
    }
    switch last {
    case .count(let n): timing.count = n
    case .rows(let rs): timing.rows = rs.rows.count
    case .groups(let g): timing.rows = g.groups.count
    default: break
    }
    return timing
  }

  /// Writes `id<TAB>year<TAB>date ordinal` per article, empty where unknown.
  func exportMeta(_ corpus: Corpus, to path: String) throws {
    var out = ""
    let result = (try? corpus.query("articles select id, date")) ?? (try? corpus.query("articles select id, year"))
    if case .rows(let rs)? = result {
      for row in rs.rows {
        guard case .text(let id)? = row.first else { continue }
        var year = ""
        var ordinal = ""
        switch row.count > 1 ? row[1] : .null {
        case .date(let d):
          year = String(d.year)
          ordinal = String(d.ordinal)
        case .integer(let y):
          year = String(y)
          ordinal = String(y * 10_000)
        default: break
        }
        out += "\(id)\t\(year)\t\(ordinal)\n"
      }
    }
    try writeOutput(out, to: path)
  }
}

/// `writeOutput(_:to:)` writes a report the harness was asked for: atomically (a temporary file
/// renamed over it) when the destination is a regular file or nothing yet, straight into it when
/// it is a device or a pipe (`/dev/null`, `/dev/stdout`), which a rename would replace.
func writeOutput(_ text: String, to path: String) throws {
  var info = stat()
  if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
    guard (info.st_mode & S_IFMT) != S_IFDIR else { throw ValidationError("\(path) is a folder") }
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    return
  }
  try text.write(toFile: path, atomically: true, encoding: .utf8)
}

/// `Percentiles` summarises latency samples.
struct Percentiles {
  /// The median.
  var median: Double
  /// The 95th percentile (nearest rank).
  var p95: Double

  /// `init(_:)` computes both from unsorted samples (zero when there are none).
  init(_ samples: [Double]) {
    let s = samples.sorted()
    guard !s.isEmpty else {
      median = 0
      p95 = 0
      return
    }
    median = s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    p95 = s[min(s.count - 1, Int((0.95 * Double(s.count - 1)).rounded()))]
  }
}

/// `peakResidentBytes()` reads VmHWM, the process's peak resident set, from /proc.
func peakResidentBytes() -> Int { statusBytes("VmHWM:") }

/// `residentBytes()` reads VmRSS, the process's resident set now, from /proc.
func residentBytes() -> Int { statusBytes("VmRSS:") }

/// `statusBytes(_:)` reads a field of /proc/self/status given in kB, in bytes (0 when absent).
func statusBytes(_ field: String) -> Int {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
  for line in status.split(separator: "\n") where line.hasPrefix(field) {
    let digits = line.split(separator: " ").dropFirst().first { Int($0) != nil }
    return (digits.flatMap { Int($0) } ?? 0) * 1024
  }
  return 0
}

/// `corpusBytes(_:)` is the size on disk of a corpus file, or of the `.txt`/`.jsonl` files under a directory.
func corpusBytes(_ path: String) -> Int {
  let fm = FileManager.default
  var isDir: ObjCBool = false
  guard fm.fileExists(atPath: path, isDirectory: &isDir) else { return 0 }
  if !isDir.boolValue { return ((try? fm.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0 }
  var total = 0
  if let e = fm.enumerator(atPath: path) {
    for case let rel as String in e where rel.hasSuffix(".txt") || rel.hasSuffix(".jsonl") {
      total += ((try? fm.attributesOfItem(atPath: path + "/" + rel)[.size]) as? Int) ?? 0
    }
  }
  return total
}
