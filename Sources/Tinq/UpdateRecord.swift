import TinqCorpus
import TinqFacts
import TinqStore
import TinqSupport

/// `UpdateRecord` is what a snapshot keeps so that `tinq build --update` can take in new and
/// changed files without extracting the others again: how many articles each source file gave
/// (section `FILA`), and what the corpus-wide pass changed in them, as it was before (`EVID`, see
/// `AsExtracted`). A snapshot written without them (from a corpus built in memory, or added to
/// in the REPL) opens as any other but cannot be updated.
struct UpdateRecord: Sendable {
  static let filesTag = "FILA"
  static let evidenceTag = "EVID"

  /// Each file read, in order, with the number of articles it gave (as the loader named it; a
  /// snapshot's are absolute).
  var perFile: [(path: String, articles: Int)]
  /// The articles' facts before the corpus-wide pass, decoded (and checked) when an update first
  /// reads them.
  var asExtracted: Deferred<Result<AsExtracted, SnapshotError>>

  /// `encodeFiles()` is the `FILA` section: a count, then each file's article count.
  func encodeFiles() -> [UInt8] {
    var w = SnapshotWriter()
    w.count(perFile.count)
    for f in perFile { w.count(f.articles) }
    return w.bytes
  }

  /// `fits(_:)` tells whether the files read are the recorded `files`, in order (the record of
  /// `tinq build` is taken before the load, so a file may have come or gone in between).
  func fits(_ files: [SourceFile]) -> Bool {
    perFile.count == files.count && zip(perFile, files).allSatisfy { SourceFiles.absolute($0.path) == $1.path }
  }

  /// `decodeFiles(_:files:articles:)` reads `FILA`, checking that it has one count per recorded
  /// file and that they add up to the articles.
  static func decodeFiles(_ bytes: UnsafeRawBufferPointer, files: Int, articles: Int) throws(SnapshotError) -> [Int] {
    var r = SnapshotReader(bytes, section: filesTag)
    let n = try r.count()
    guard n == files else { throw r.failure("\(n) file counts for \(files) files") }
    var counts: [Int] = []
    var total = 0
    for _ in 0..<n {
      let c = try r.count(max: articles - total)
      total += c
      counts.append(c)
    }
    try r.expectEnd()
    guard total == articles else { throw r.failure("the files' articles add up to \(total), not \(articles)") }
    return counts
  }

  /// `encodeEvidence(_:)` is the `EVID` section: a count of entries; each: the article's
  /// ordinal, its first id (optional string), its citations before resolution (optional: a count
  /// and the citations), and its name candidates (a count and the mentions). Entries go in
  /// increasing order of ordinal.
  static func encodeEvidence(_ record: AsExtracted) -> [UInt8] {
    var w = SnapshotWriter()
    w.count(record.entries.count)
    for (ordinal, entry) in record.entries.sorted(by: { $0.key < $1.key }) {
      w.count(ordinal)
      w.optionalString(entry.id)
      w.bool(entry.citations != nil)
      if let citations = entry.citations {
        w.count(citations.count)
        for c in citations { w.citation(c) }
      }
      w.count(entry.candidates.count)
      for p in entry.candidates {
        w.string(p.name)
        w.optionalString(p.rank)
        w.count(p.positions.count)
        for position in p.positions { w.string(position) }
        w.provenance(p.provenance)
      }
    }
    return w.bytes
  }

  /// `decodeEvidence(_:articles:)` reads `EVID` back, checking that the ordinals increase and
  /// stay within the corpus.
  static func decodeEvidence(_ bytes: UnsafeRawBufferPointer, articles: Int) throws(SnapshotError) -> AsExtracted {
    var r = SnapshotReader(bytes, section: evidenceTag)
    var record = AsExtracted()
    var last = -1
    for _ in 0..<(try r.count(max: articles)) {
      let ordinal = try r.count(max: articles - 1)
      guard ordinal > last else { throw r.failure("entries out of order") }
      last = ordinal
      var entry = AsExtracted.Entry(id: try r.optionalString())
      if try r.bool() {
        var citations: [Citation] = []
        for _ in 0..<(try r.count()) { citations.append(try r.citation()) }
        entry.citations = citations
      }
      for _ in 0..<(try r.count()) {
        let name = try r.string()
        let rank = try r.optionalString()
        var positions: [String] = []
        for _ in 0..<(try r.count()) { positions.append(try r.string()) }
        entry.candidates.append(PersonMention(name: name, rank: rank, positions: positions, provenance: try r.provenance()))
      }
      record.entries[ordinal] = entry
    }
    try r.expectEnd()
    return record
  }
}
