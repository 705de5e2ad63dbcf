import Foundation
import TinqCorpus
import TinqExtraction
import TinqFacts
import TinqStore
import TinqSupport

/// `SnapshotUpdate` says what `Corpus.update(snapshot:to:progress:stop:)` did.
public struct SnapshotUpdate: Sendable {
  /// The files new, changed and removed since the snapshot was written.
  public var changes: SourceChanges
  /// The articles extracted from new and changed files.
  public var extracted: Int
  /// The articles taken from the snapshot as they were (their facts are settled again with the
  /// new ones).
  public var kept: Int
  /// The segments of the full-text index (1,024 articles each) kept byte for byte, and all of them.
  public var keptSegments: Int
  public var segments: Int
  /// Whether nothing had changed (then nothing was written, unless to another file).
  public var isUpToDate: Bool { changes.isEmpty }
}

extension Corpus {
  /// `update(snapshot:to:progress:stop:)` brings a snapshot up to date with its sources
  /// (`tinq build --update`): only new and changed files are read and extracted; the other
  /// articles are taken from the snapshot with their facts as extracted, and the corpus-wide pass
  /// (short citations, names the corpus confirms, unique ids) runs again over all of them, so the
  /// result answers as a new build of the same files would. The index segments before the first
  /// file that changed place or content are kept as they are; the rest are indexed again from the
  /// stored bodies and the new text. The new snapshot is written to `output` (the same file by
  /// default), atomically as every snapshot is; when nothing changed, nothing is written.
  public static func update(
    snapshot path: String, to output: String? = nil, progress: (LoadProgress) -> Void = { _ in },
    stop: () -> Bool = { false }
  ) throws(CorpusError) -> SnapshotUpdate {
    let old = try open(path)
    guard let info = old.snapshot, !info.sources.isEmpty, let record = old.updateRecord else {
      throw CorpusError(
        path: path,
        description:
          "\(path) cannot be updated: it has no sound record of which articles came from which file (it was written by an earlier Tinq, or from a corpus built in memory or added to); build it again with `tinq build SOURCES -o \(path)`"
      )
    }
    let before: AsExtracted
    do { before = try record.asExtracted.value.get() } catch { throw CorpusError(path: path, description: error.description) }
    // The files now, with their checksums: a file is kept when its size and checksum are those
    // recorded (a touched file is not changed; one with its recorded size and time is not read).
    let now: [SourceFile]
    do throws(CorpusPathError) {
      now = try SourceFiles.record(paths: info.sources, knowing: info.files)
    } catch {
      throw CorpusError(path: error.path, description: error.description)
    }
    var first: [Int] = []
    var total = 0
    for f in record.perFile {
      first.append(total)
      total += f.articles
    }
    first.append(total)
    var recorded: [String: Int] = [:]
    for (i, f) in info.files.enumerated() { recorded[f.path] = i }
    enum Step {
      case kept(Int)
      case read(String)
    }
    var changes = SourceChanges()
    let steps = now.map { f -> Step in
      guard let i = recorded[f.path] else {
        changes.new.append(f.path)
        return .read(f.path)
      }
      guard info.files[i].size == f.size, info.files[i].checksum == f.checksum else {
        changes.changed.append(f.path)
        return .read(f.path)
      }
      return .kept(i)
    }
    let present = Set(now.map(\.path))
    changes.removed = info.files.map(\.path).filter { !present.contains($0) }
    var keptFiles = 0
    while keptFiles < steps.count, case .kept(let i) = steps[keptFiles], i == keptFiles { keptFiles += 1 }
    let segmentSize = StoreBuilder.segmentSize
    if changes.isEmpty, keptFiles == info.files.count {
      let segments = (old.articleCount + segmentSize - 1) / segmentSize
      // Asked to write elsewhere, it writes the snapshot as it is there.
      if let output, SourceFiles.absolute(output) != SourceFiles.absolute(path) { try old.save(to: output, stop: stop) }
      return SnapshotUpdate(changes: changes, extracted: 0, kept: old.articleCount, keptSegments: segments, segments: segments)
    }
    // The segments wholly within the files that keep their place are kept; the articles after
    // them need their text, from the snapshot or from the files.
    let keptSegments = first[keptFiles] / segmentSize
    let textFrom = keptSegments * segmentSize

    var ids = UniqueIDs()
    var articles: [Article] = []
    articles.reserveCapacity(total)
    var firstIDs: [Int: String] = [:]
    var warnings: [LoadWarning] = []
    var renames: [LoadWarning] = []
    var perFile: [(path: String, articles: Int)] = []
    var extracted = 0
    let keptPaths = Set(steps.compactMap { step -> String? in
      if case .kept(let i) = step { return info.files[i].path }
      return nil
    })
    let isRename = { (w: LoadWarning) in w.reason.hasPrefix(UniqueIDs.renameReasonPrefix) }
    var oldWarnings: [String: [LoadWarning]] = [:]
    for w in old.warnings where !isRename(w) {
      let p = SourceFiles.absolute(w.path)
      if keptPaths.contains(p) { oldWarnings[p, default: []].append(w) }
    }
    // Consecutive files to read are read in one load, as a build would.
    enum Group {
      case kept(Int)
      case read([String])
    }
    var groups: [Group] = []
    var pending: [String] = []
    for step in steps {
      switch step {
      case .read(let p): pending.append(p)
      case .kept(let i):
        if !pending.isEmpty { groups.append(.read(pending)) }
        pending = []
        groups.append(.kept(i))
      }
    }
    if !pending.isEmpty { groups.append(.read(pending)) }
    for group in groups {
      if stop() { throw CorpusError(path: path, description: "interrupted") }
      switch group {
      case .read(let paths):
        let loaded: LoadedArticles
        do throws(CorpusPathError) {
          loaded = try CorpusLoader.loadUnresolved(
            paths: paths, ids: &ids, progress: progress, stop: stop)
        } catch {
          throw CorpusError(path: error.path, description: error.description)
        }
        for (k, entry) in loaded.asExtracted.entries { firstIDs[articles.count + k] = entry.id }
        articles += loaded.articles
        extracted += loaded.articles.count
        warnings += loaded.warnings.filter { !isRename($0) }
        renames += loaded.warnings.filter(isRename)
        perFile += loaded.perFile
      case .kept(let i):
        let file = info.files[i].path
        warnings += oldWarnings[file] ?? []
        for o in first[i]..<first[i + 1] {
          var a = old.store.metadata[o]
          if articles.count >= textFrom { a.body = old.store.body(of: o) }
          let entry = before.entries[o]
          CorpusEvidence.restore(&a, from: entry)
          if let id = entry?.id { a.id = id }
          let given = a.id
          if let w = ids.admit(&a) {
            renames.append(w)
            firstIDs[articles.count] = given
          }
          articles.append(a)
        }
        perFile.append((file, first[i + 1] - first[i]))
      }
    }
    if stop() { throw CorpusError(path: path, description: "interrupted") }
    var asExtracted = CorpusEvidence.resolve(&articles)
    for (k, id) in firstIDs { asExtracted.entries[k, default: AsExtracted.Entry()].id = id }
    var builder = StoreBuilder(keeping: keptSegments, of: old.store)
    let count = articles.count
    let store = builder.build(&articles)
    // When the old articles all stay, first and in order, the corpus's syllable counts are the
    // snapshot's and the new articles' (else the snapshot's writer counts every body again).
    if keptFiles == info.files.count, let kept = old.store.corpusTerms(),
      let added = store.countTerms(DocSet(universe: count, members: old.articleCount..<count))
    {
      store.adoptCorpusTerms(kept.followedBy(added))
    }
    let corpus = Corpus(
      store: store, paths: info.sources, warnings: warnings + renames, label: old.label, snapshot: nil,
      updateRecord: UpdateRecord(perFile: perFile, asExtracted: Deferred(value: .success(asExtracted))))
    try corpus.save(to: output ?? path, sources: now, stop: stop)
    return SnapshotUpdate(
      changes: changes, extracted: extracted, kept: count - extracted, keptSegments: keptSegments,
      segments: (count + segmentSize - 1) / segmentSize)
  }
}
