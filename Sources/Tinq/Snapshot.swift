import Foundation
import TinqCorpus
import TinqStore
import TinqSupport

@_exported import struct TinqCorpus.SourceChanges
@_exported import struct TinqCorpus.SourceFile

/// `SnapshotInfo` says where a corpus opened from a snapshot came from.
public struct SnapshotInfo: Sendable {
  /// The snapshot file.
  public var path: String
  /// The paths it was built from (absolute), empty for a corpus built in memory.
  public var sources: [String]
  /// The files it was built from, as they were then.
  public var files: [SourceFile]
  /// When it was written, in seconds since 1970.
  public var written: Int
  /// How the files under `sources` differ now from `files`.
  public var changes: SourceChanges
}

extension Corpus {
  /// The section of a snapshot that the corpus writes beside the store's.
  enum SourcesTag { static let tag = "SRCS" }

  /// `isSnapshot(path:)` tells whether a file is a snapshot (by its first bytes).
  public static func isSnapshot(path: String) -> Bool { SnapshotFile.isSnapshot(path: path) }

  /// `recordSources(paths:)` records the files a load of `paths` would read (absolute paths,
  /// sizes, times and checksums), for `save(to:sources:)`.
  public static func recordSources(paths: [String]) throws(CorpusError) -> [SourceFile] {
    do {
      return try SourceFiles.record(paths: paths.map(SourceFiles.absolute))
    } catch {
      throw CorpusError(path: error.path, description: error.description)
    }
  }

  /// `save(to:stop:)` writes the corpus as a snapshot (`tinq build`, the REPL's `.save`): the
  /// articles with their facts and provenance, the encoded bodies and every index, and the
  /// files it was loaded from. The file appears complete or not at all: a failed or interrupted
  /// write leaves what was at `path` before. `sources` overrides the record of the source files
  /// (`tinq build` takes it before loading, so a file changed during the load shows as changed).
  public func save(
    to path: String, sources recorded: [SourceFile]? = nil, stop: () -> Bool = { false }
  ) throws(CorpusError) {
    // Never over a file that is not a snapshot: `-o articles.jsonl` is a slip, not a wish.
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard !isDirectory.boolValue else { throw CorpusError(path: path, description: "\(path) is a folder; give a file name") }
      guard SnapshotFile.isSnapshot(path: path) else {
        throw CorpusError(path: path, description: "\(path) exists and is not a snapshot; it was left as it is")
      }
    }
    let roots = snapshot?.sources ?? paths.map(SourceFiles.absolute)
    let files: [SourceFile]
    if let recorded {
      files = recorded
    } else if let snapshot {
      files = snapshot.files
    } else {
      do { files = try SourceFiles.record(paths: roots) } catch { files = [] }
    }
    do throws(SnapshotError) {
      let writer = try SnapshotFile.Writer(path: path)
      var w = SnapshotWriter()
      w.string(snapshot.map { "snapshot of " + $0.sources.joined(separator: ", ") } ?? label)
      w.count(roots.count)
      for r in roots { w.string(r) }
      w.count(files.count)
      for f in files {
        w.string(f.path)
        w.count(f.size)
        w.i64(Int(f.modified))
        w.u64(f.checksum)
      }
      w.count(warnings.count)
      for warning in warnings {
        w.string(warning.path)
        w.optionalInt(warning.line)
        w.string(warning.reason)
      }
      w.i64(Int(Date().timeIntervalSince1970))
      try writer.add(SourcesTag.tag, w.bytes)
      if let record = updateRecord, record.fits(files) {
        try writer.add(UpdateRecord.filesTag, record.encodeFiles())
        try writer.add(UpdateRecord.evidenceTag, UpdateRecord.encodeEvidence(try record.asExtracted.value.get()))
      }
      if stop() { throw SnapshotError("interrupted") }
      try store.write(to: writer, stop: stop)
      if stop() { throw SnapshotError("interrupted") }
      try writer.commit()
    } catch {
      throw CorpusError(path: path, description: error.description)
    }
  }

  /// `open(_:)` opens a snapshot written by `save(to:)` or `tinq build`: nothing is extracted or
  /// indexed again, and every query answers as on the corpus that was saved. A file that is not
  /// a snapshot, is truncated or corrupted, or comes from a later version of Tinq is an error
  /// that says which. The sources are compared with the files now under the recorded paths
  /// (`snapshot.changes`), but the snapshot is opened as it is.
  public static func open(_ path: String) throws(CorpusError) -> Corpus {
    do throws(SnapshotError) {
      let file = try SnapshotFile.Mapped(path: path)
      var r = SnapshotReader(try file.section(SourcesTag.tag), section: SourcesTag.tag)
      let label = try r.string()
      var roots: [String] = []
      for _ in 0..<(try r.count()) { roots.append(try r.string()) }
      var files: [SourceFile] = []
      for _ in 0..<(try r.count()) {
        let p = try r.string()
        let size = try r.count(max: Int.max)
        let modified = Int64(try r.i64())
        files.append(SourceFile(path: p, size: size, modified: modified, checksum: try r.u64()))
      }
      var warnings: [LoadWarning] = []
      for _ in 0..<(try r.count()) {
        let p = try r.string()
        let line = try r.optionalInt()
        warnings.append(LoadWarning(path: p, line: line, reason: try r.string()))
      }
      let written = try r.i64()
      try r.expectEnd()
      let store = try ArticleStore(snapshot: file)
      let changes = SourceFiles.changes(since: files, paths: roots)
      let info = SnapshotInfo(path: path, sources: roots, files: files, written: written, changes: changes)
      return Corpus(
        store: store, paths: roots, warnings: warnings, label: label, snapshot: info,
        updateRecord: updateRecord(file, files: files, articles: store.count))
    } catch {
      throw CorpusError(path: path, description: error.description)
    }
  }

  /// `updateRecord(_:files:articles:)` reads what an update needs, when the snapshot has it: the
  /// articles per file now (a short section), the facts before the corpus-wide pass when an update
  /// asks (they are checked then). Queries never read them, so a record that does not fit the
  /// file (forged with valid checksums) only makes the snapshot one that cannot be updated.
  static func updateRecord(_ file: SnapshotFile.Mapped, files: [SourceFile], articles: Int) -> UpdateRecord? {
    guard let filesSection = try? file.section(UpdateRecord.filesTag),
      let evidenceSection = try? file.section(UpdateRecord.evidenceTag),
      let counts = try? UpdateRecord.decodeFiles(filesSection, files: files.count, articles: articles)
    else { return nil }
    let evidence = BorrowedBytes(evidenceSection)
    return UpdateRecord(
      perFile: zip(files, counts).map { ($0.path, $1) },
      asExtracted: Deferred {
        // The closure holds the mapping, so the bytes stay readable.
        withExtendedLifetime(file) {
          Result { () throws(SnapshotError) in try UpdateRecord.decodeEvidence(evidence.bytes, articles: articles) }
        }
      })
  }
}
