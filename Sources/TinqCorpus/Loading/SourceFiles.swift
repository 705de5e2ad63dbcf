import Foundation
import TinqFacts
import TinqSupport

/// `SourceFile` is one corpus file as a snapshot recorded it: its absolute path, size,
/// modification time and checksum.
public struct SourceFile: Sendable, Hashable {
  /// The absolute path.
  public var path: String
  /// The size in bytes.
  public var size: Int
  /// The modification time, in nanoseconds since 1970.
  public var modified: Int64
  /// `Checksum.of` the file's bytes.
  public var checksum: UInt64

  /// `init(path:size:modified:checksum:)` makes a record.
  public init(path: String, size: Int, modified: Int64, checksum: UInt64) {
    self.path = path
    self.size = size
    self.modified = modified
    self.checksum = checksum
  }
}

/// `SourceChanges` is how a corpus's files differ from those a snapshot was built from.
public struct SourceChanges: Sendable, Equatable {
  /// Files under the recorded paths that the snapshot does not have.
  public var new: [String] = []
  /// Files whose content changed (size or checksum; a new modification time alone is checked).
  public var changed: [String] = []
  /// Recorded files that are gone.
  public var removed: [String] = []

  /// `init(new:changed:removed:)` makes a summary.
  public init(new: [String] = [], changed: [String] = [], removed: [String] = []) {
    self.new = new
    self.changed = changed
    self.removed = removed
  }

  /// True when nothing changed.
  public var isEmpty: Bool { new.isEmpty && changed.isEmpty && removed.isEmpty }

  /// `3 new, 1 changed, 0 removed files`.
  public var summary: String {
    "\(new.count) new, \(changed.count) changed, \(removed.count) removed files"
  }
}

/// `SourceFiles` lists, records and compares the files a corpus is loaded from, as
/// `CorpusLoader` reaches them (the same walk, so the same files).
public enum SourceFiles {
  /// `absolute(_:)` makes a path absolute against the working directory, without resolving links.
  public static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let cwd = FileManager.default.currentDirectoryPath
    return (cwd as NSString).appendingPathComponent(path)
  }

  /// `list(paths:)` is the files a load of `paths` reads, in order.
  public static func list(paths: [String]) throws(CorpusPathError) -> [String] {
    var collector = FileCollector()
    for path in paths { try collector.add(path) }
    return collector.files
  }

  /// `record(paths:knowing:)` records every file a load of `paths` reads: size, time and
  /// checksum; a file `known` records with the same size and time keeps its checksum unread.
  public static func record(paths: [String], knowing known: [SourceFile] = []) throws(CorpusPathError) -> [SourceFile] {
    let byPath = Dictionary(known.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    return try list(paths: paths).map { path in
      let (size, modified) = stamp(path) ?? (0, 0)
      // A file of the same size and time as one recorded is taken to hold the same bytes, as
      // `changes(since:paths:)` takes it.
      if let k = byPath[path], k.size == size, k.modified == modified { return k }
      return SourceFile(path: path, size: size, modified: modified, checksum: checksum(path) ?? 0)
    }
  }

  /// `changes(since:paths:)` compares the files under `paths` now with those recorded. It stats
  /// every file and reads only those whose size is the same but time is not.
  public static func changes(since recorded: [SourceFile], paths: [String]) -> SourceChanges {
    var changes = SourceChanges()
    let now = (try? list(paths: paths)) ?? []
    let known = Set(recorded.map(\.path))
    changes.new = now.filter { !known.contains($0) }
    for file in recorded {
      guard let (size, modified) = stamp(file.path) else {
        changes.removed.append(file.path)
        continue
      }
      if size != file.size {
        changes.changed.append(file.path)
      } else if modified != file.modified, checksum(file.path) != file.checksum {
        changes.changed.append(file.path)
      }
    }
    return changes
  }

  /// The size and modification time of a regular file, nil when it is not one.
  static func stamp(_ path: String) -> (Int, Int64)? {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    let ns = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    return (Int(info.st_size), ns)
  }

  /// `checksum(_:)` is `Checksum.of` a file's bytes, read through the loader's mapping; nil when
  /// it cannot be read.
  static func checksum(_ path: String) -> UInt64? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    if info.st_size == 0 { return Checksum.of([]) }
    guard let window = MappedWindow(fd), window.read(fd, upTo: Int(info.st_size)) != nil else { return nil }
    return Checksum.of(UnsafeRawBufferPointer(window.bytes))
  }
}
