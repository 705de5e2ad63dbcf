import Foundation
import TinqText
import TinqExtraction
import TinqFacts
import TinqStore
import TinqSupport

/// `LoadedArticles` is what loading a corpus gives: the articles, in a deterministic order, and a
/// warning for every file or line that was skipped.
public struct LoadedArticles: Sendable {
  /// The articles.
  public var articles: [Article]
  /// The skipped files and lines, with reasons.
  public var warnings: [LoadWarning]
  /// What the corpus-wide steps changed, as it was before them (see `AsExtracted`).
  package var asExtracted = AsExtracted()
  /// Each file read, in order, with the number of articles it gave (a snapshot records them, so
  /// an update knows which articles came from which file).
  package var perFile: [(path: String, articles: Int)] = []

  /// `init(articles:warnings:)` makes a result.
  public init(articles: [Article] = [], warnings: [LoadWarning] = []) {
    self.articles = articles
    self.warnings = warnings
  }
}

/// `CorpusPathError` is a corpus path that does not exist or cannot be opened.
public struct CorpusPathError: Error, Sendable, CustomStringConvertible {
  /// The path as given.
  public var path: String
  /// What went wrong, naming the path.
  public var description: String

  /// `init(path:description:)` makes an error.
  public init(path: String, description: String) {
    self.path = path
    self.description = description
  }
}

/// `CorpusLoader` reads `.txt` articles and `.jsonl` files into articles, using both cores.
public enum CorpusLoader {
  /// How many bytes of a JSON Lines file are read at a time.
  static let chunkSize = 1 << 22

  /// `load(paths:)` loads directories (recursively: `*.txt` and `*.jsonl`, other files ignored),
  /// single `.txt` or `.jsonl` files; several paths combine. It throws only when a path does not
  /// exist or cannot be opened; bad files and lines become warnings and are skipped. Citations are
  /// resolved across the result. Order: paths as given, directory entries by name, lines in order.
  /// Only regular files are read: a named pipe, socket or device is never opened, only named in a
  /// warning. Each file is read once, however many paths reach it (a path given twice, a symbolic
  /// link, a hard link); a symbolic link back into a folder being walked is not followed. Either is
  /// a warning, as is a folder that cannot be opened or a symbolic link to nothing.
  ///
  /// `afterBatch` sees the articles loaded so far after each batch (a store under construction
  /// indexes them there, and empties their bodies, so a large corpus is never all strings at once).
  public static func load(
    paths: [String], progress: (LoadProgress) -> Void = { _ in }, stop: () -> Bool = { false },
    afterBatch: (inout [Article]) -> Void = { _ in }
  ) throws(CorpusPathError) -> LoadedArticles {
    var ids = UniqueIDs()
    var loaded = try loadUnresolved(paths: paths, ids: &ids, progress: progress, stop: stop, afterBatch: afterBatch)
    let renamed = loaded.asExtracted.entries
    loaded.asExtracted = CorpusEvidence.resolve(&loaded.articles)
    for (ordinal, entry) in renamed { loaded.asExtracted.entries[ordinal, default: .init()].id = entry.id }
    return loaded
  }

  /// `loadUnresolved(paths:ids:progress:stop:afterBatch:)` is `load` without the corpus-wide
  /// pass (`CorpusEvidence`), with ids made unique against `ids` (which it updates), for a caller
  /// that adds these articles to others and runs the pass over all of them. The renamed articles'
  /// first ids are in `asExtracted`.
  package static func loadUnresolved(
    paths: [String], ids: inout UniqueIDs, progress: (LoadProgress) -> Void = { _ in },
    stop: () -> Bool = { false }, afterBatch: (inout [Article]) -> Void = { _ in }
  ) throws(CorpusPathError) -> LoadedArticles {
    var collector = FileCollector()
    for path in paths { try collector.add(path) }
    let files = collector.files
    var status = LoadProgress(totalFiles: files.count, totalBytes: files.reduce(0) { $0 + fileSize($1) })
    var warnings = collector.warnings
    var articles: [Article] = []
    let pool = StringPool()
    // Ids are made unique as articles arrive, before a batch is indexed.
    var renamed: [LoadWarning] = []
    var asExtracted = AsExtracted()
    var perFile: [(path: String, articles: Int)] = []
    var checked = 0
    func admitThenIndex(_ articles: inout [Article]) {
      while checked < articles.count {
        let first = articles[checked].id
        if let warning = ids.admit(&articles[checked]) {
          renamed.append(warning)
          asExtracted.entries[checked] = AsExtracted.Entry(id: first)
        }
        checked += 1
      }
      afterBatch(&articles)
    }
    var pendingText: [(path: String, text: String)] = []
    func flushText() {
      let batch = pendingText
      articles += mapInParallel(batch.count) { i in
        let item = batch[i]
        let name = ((item.path as NSString).lastPathComponent as NSString).deletingPathExtension
        var article = ArticleExtractor.extract(text: item.text, id: name, origin: item.path)
        pool.intern(&article)
        return article
      }
      pendingText.removeAll()
      admitThenIndex(&articles)
      status.articles = articles.count
      progress(status)
    }
    for file in files {
      // Ctrl-C abandons the load between files and batches; nothing of it is kept.
      if stop() { throw CorpusPathError(path: file, description: "interrupted") }
      let articlesBefore = articles.count + pendingText.count
      if (file as NSString).pathExtension.lowercased() == "jsonl" {
        flushText()
        let before = status.bytes
        loadJSONLines(
          file, into: &articles, warnings: &warnings, pool: pool, afterBatch: admitThenIndex,
          consumed: { done, count in
            status.bytes = before + done
            status.articles = count
            progress(status)
          }, stop: stop)
        if stop() { throw CorpusPathError(path: file, description: "interrupted") }
        status.bytes = before + fileSize(file)
      } else {
        switch readText(file) {
        case .ok(let text):
          pendingText.append((file, text))
          status.bytes += text.utf8.count
        case .skipped(let warning): warnings.append(warning)
        }
        if pendingText.count >= 4096 { flushText() }
      }
      perFile.append((file, articles.count + pendingText.count - articlesBefore))
      status.files += 1
      progress(status)
    }
    flushText()
    var loaded = LoadedArticles(articles: articles, warnings: warnings + renamed)
    loaded.asExtracted = asExtracted
    loaded.perFile = perFile
    return loaded
  }

  /// The size of a file in bytes, 0 when it cannot be read.
  static func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }

  /// `isCorpusFile(_:)` is whether a name ends in `.txt` or `.jsonl`, in any case.
  static func isCorpusFile(_ name: String) -> Bool {
    let ext = (name as NSString).pathExtension.lowercased()
    return ext == "txt" || ext == "jsonl"
  }

  /// `openRegular(_:)` opens a file for reading, or says why it cannot be read. It never waits:
  /// what turns out not to be a regular file (a file swapped for a pipe since it was listed) is
  /// closed unread.
  static func openRegular(_ path: String) -> Loaded<Int32> {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return .skipped(LoadWarning(path: path, reason: "cannot read file")) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      close(fd)
      return .skipped(LoadWarning(path: path, reason: "not a regular file"))
    }
    return .ok(fd)
  }

  /// `Loaded` is a value read from a file or line, or the warning that skipped it.
  enum Loaded<T> {
    case ok(T)
    case skipped(LoadWarning)
  }

  /// `readText(_:)` reads one article file, refusing empty, binary and non-UTF-8 files.
  static func readText(_ path: String) -> Loaded<String> {
    let fd: Int32
    switch openRegular(path) {
    case .ok(let opened): fd = opened
    case .skipped(let warning): return .skipped(warning)
    }
    defer { close(fd) }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = buffer.withUnsafeMutableBufferPointer { p in p.baseAddress.map { systemRead(fd, $0, p.count) } ?? 0 }
      if got < 0, errno == EINTR { continue }
      guard got >= 0 else { return .skipped(LoadWarning(path: path, reason: "cannot read file")) }
      if got == 0 { break }
      data.append(contentsOf: buffer[0..<got])
    }
    return decodeText(data, path: path)
  }

  static func decodeText(_ data: Data, path: String) -> Loaded<String> {
    if data.isEmpty { return .skipped(LoadWarning(path: path, reason: "empty file")) }
    if data.contains(0) { return .skipped(LoadWarning(path: path, reason: "binary file")) }
    guard let text = String(validating: data, as: UTF8.self) else {
      return .skipped(LoadWarning(path: path, reason: "not valid UTF-8"))
    }
    if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0.value == 0xFEFF }) {
      return .skipped(LoadWarning(path: path, reason: "empty file"))
    }
    return .ok(text)
  }

  /// `loadJSONLines(_:into:warnings:)` streams a JSON Lines file in chunks split at newlines, so a
  /// large file is never held whole, and decodes each chunk's lines on all cores. `chunkSize` and
  /// `mapped` are for tests: smaller chunks, and the read buffer a file that cannot be mapped takes.
  static func loadJSONLines(
    _ path: String, into articles: inout [Article], warnings: inout [LoadWarning], pool: StringPool = StringPool(),
    chunkSize: Int = chunkSize, mapped: Bool = true, afterBatch: (inout [Article]) -> Void = { _ in },
    consumed: (_ bytes: Int, _ articles: Int) -> Void = { _, _ in }, stop: () -> Bool = { false }
  ) {
    var consumedBytes = 0
    let fd: Int32
    switch openRegular(path) {
    case .ok(let opened): fd = opened
    case .skipped(let warning):
      warnings.append(warning)
      return
    }
    defer { close(fd) }
    let fileName = (path as NSString).lastPathComponent
    // The file is mapped and read in place; one that cannot be mapped (an empty one) is read into
    // a buffer.
    let window: any ChunkSource =
      (mapped ? MappedWindow(fd) : nil) ?? ChunkWindow(capacity: 2 * max(1, chunkSize))
    var lineNumber = 0
    // A file of blank lines only (spaces, tabs, line ends, a byte order mark) is "empty file".
    var sawRecord = false
    // A file from which no line loads and in which some line holds a NUL byte is one warning,
    // "binary file", not a warning a line.
    let firstWarning = warnings.count
    var loadedAny = false
    var sawNUL = false
    while true {
      // The bytes left after the last complete line move to the front; the next chunk follows.
      let kept = window.count
      guard let got = window.read(fd, upTo: max(1, chunkSize)) else {
        warnings.append(LoadWarning(path: path, reason: "cannot read file"))
        return
      }
      let atEnd = got == 0
      let bytes = window.bytes
      var end = bytes.count
      if !atEnd {
        // The kept bytes hold no line end but perhaps a final CR, so only that and the new bytes
        // are searched.
        guard let last = lastLineEnd(bytes, from: max(0, kept - 1)) else { continue }
        end = last + 1
      }
      let batchLines = splitLines(bytes, end: end, lineNumber: &lineNumber)
      let batch = SharedBytes(bytes: bytes)
      let results: [Loaded<Article>?] = mapInParallel(batchLines.count) { k in
        let (number, range) = batchLines[k]
        let slice = UnsafeBufferPointer(rebasing: batch.bytes[range])
        switch JSONLines.decode(slice) {
        case nil: return nil
        case .skip(let reason): return .skipped(LoadWarning(path: path, line: number, reason: reason))
        case .article(let id, let body, let metadata):
          var article = ArticleExtractor.extract(
            utf8: body, id: id ?? "\(fileName):\(number)", origin: "\(path):\(number)", metadata: metadata)
          pool.intern(&article)
          return .ok(article)
        }
      }
      for r in results {
        switch r {
        case .ok(let a):
          articles.append(a)
          loadedAny = true
        case .skipped(let w):
          warnings.append(w)
          if w.reason == JSONLines.nulReason { sawNUL = true }
        case nil: continue
        }
        sawRecord = true
      }
      window.consume(end)
      afterBatch(&articles)
      consumedBytes += end
      consumed(consumedBytes, articles.count)
      if atEnd || stop() { break }
    }
    if !sawRecord { warnings.append(LoadWarning(path: path, reason: "empty file")) }
    if !loadedAny, sawNUL {
      warnings.removeSubrange(firstWarning...)
      warnings.append(LoadWarning(path: path, reason: "binary file"))
    }
  }

  /// `lastLineEnd(_:from:)` is where the last line end at or after `from` is: the last LF, or a
  /// CR not followed by LF. A CR that is the last byte held is not one yet: an LF may come next.
  static func lastLineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from lower: Int) -> Int? {
    var i = bytes.count - 1
    while i >= lower {
      let b = bytes[i]
      if b == 0x0A || (b == 0x0D && i != bytes.count - 1) { return i }
      i -= 1
    }
    return nil
  }

  /// `splitLines(_:end:lineNumber:)` splits `bytes[..<end]` into numbered lines, without their
  /// ends: LF, CR LF or CR alone each end a line. Each byte is looked at by `memchr` at most twice,
  /// once for LF and once for CR.
  static func splitLines(_ bytes: UnsafeBufferPointer<UInt8>, end: Int, lineNumber: inout Int) -> [(Int, Range<Int>)] {
    guard let base = bytes.baseAddress else { return [] }
    /// The first `byte` in `from..<to`, or `to`.
    func find(_ byte: Int32, _ from: Int, _ to: Int) -> Int {
      guard to > from, let hit = memchr(base + from, byte, to - from) else { return to }
      return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }
    var lines: [(Int, Range<Int>)] = []
    var start = 0
    // The next LF at or after `start` (or `end`), and the next CR before it (or the LF).
    var lf = -1
    var cr = -1
    while start < end {
      if lf < start { lf = find(0x0A, start, end) }
      if cr < start { cr = find(0x0D, start, lf) }
      lineNumber += 1
      lines.append((lineNumber, start..<cr))
      start = cr + 1 == lf && cr < lf && lf < end ? lf + 1 : cr + 1
    }
    return lines
  }

  /// `mapInParallel(_:_:)` maps `0..<count` in contiguous chunks across the cores, keeping order:
  /// eight chunks a core, so that a core slowed by other work takes fewer of them.
  static func mapInParallel<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 0 else { return [] }
    let workers = min(Parallel.cores, 16)
    if count < 8 || workers == 1 { return (0..<count).map(body) }
    let chunks = min(count, workers * 8)
    let parts = Parallel.map(chunks) { c -> [T] in
      let lower = count * c / chunks
      let upper = count * (c + 1) / chunks
      return (lower..<upper).map(body)
    }
    return parts.flatMap { $0 }
  }
}

/// `FileIdentity` is a file or directory whatever path reaches it: its device and inode.
struct FileIdentity: Hashable {
  let device: UInt64
  let inode: UInt64

  init(_ info: stat) {
    device = UInt64(truncatingIfNeeded: info.st_dev)
    inode = UInt64(truncatingIfNeeded: info.st_ino)
  }
}

/// `FileCollector` lists the files a load reads, in order: the paths as given, each directory's
/// entries by name, recursively (hidden ones, and files other than `.txt` and `.jsonl`, left
/// out). Each real file is listed once; what is left out for a reason is a warning.
struct FileCollector {
  /// The files to read, in order.
  private(set) var files: [String] = []
  /// The paths left out, with reasons.
  private(set) var warnings: [LoadWarning] = []
  /// Every file and directory listed or walked so far.
  private var seen: Set<FileIdentity> = []
  /// The directories being walked: reaching one of them again is a loop.
  private var walking: Set<FileIdentity> = []
  /// How many levels of folders below a given one are walked.
  static let maxDepth = 64

  /// `add(_:)` lists one path given to `load(paths:)`; it throws when the path does not exist or
  /// cannot be opened.
  mutating func add(_ path: String) throws(CorpusPathError) {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let reason = errno == ELOOP ? "symlink loop" : errno == ENOENT ? "no such file or directory" : "cannot open"
      throw CorpusPathError(path: path, description: "\(path): \(reason)")
    }
    let identity = FileIdentity(info)
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      if seen.contains(identity) {
        warnings.append(LoadWarning(path: path, reason: "already loaded, skipped"))
        return
      }
      guard let names = Self.list(path) else {
        throw CorpusPathError(path: path, description: "\(path): cannot open directory")
      }
      walk(path, names: names, identity: identity, depth: 0)
    case S_IFREG:
      guard access(path, R_OK) == 0 else {
        throw CorpusPathError(path: path, description: "\(path): cannot open file")
      }
      if !CorpusLoader.isCorpusFile(path) {
        warnings.append(LoadWarning(path: path, reason: "not a .txt or .jsonl file"))
      } else if seen.insert(identity).inserted {
        files.append(path)
      } else {
        warnings.append(LoadWarning(path: path, reason: "already loaded, skipped"))
      }
    default:
      warnings.append(LoadWarning(path: path, reason: "not a regular file"))
    }
  }

  /// `list(_:)` is a directory's entry names, by name, hidden ones left out; nil when it cannot be
  /// opened or its entries cannot be reached.
  static func list(_ directory: String) -> [String]? {
    guard access(directory, R_OK | X_OK) == 0,
      let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
    else { return nil }
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  /// `walk(_:names:identity:depth:)` lists a directory's files and walks its subdirectories.
  private mutating func walk(_ directory: String, names: [String], identity: FileIdentity, depth: Int) {
    seen.insert(identity)
    walking.insert(identity)
    defer { walking.remove(identity) }
    for name in names {
      let full = (directory as NSString).appendingPathComponent(name)
      var info = stat()
      guard stat(full, &info) == 0 else {
        let error = errno
        var link = stat()
        if error == ELOOP {
          warnings.append(LoadWarning(path: full, reason: "symlink loop, skipped"))
        } else if lstat(full, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
          warnings.append(LoadWarning(path: full, reason: "dangling symlink, skipped"))
        } else {
          warnings.append(LoadWarning(path: full, reason: "cannot open"))
        }
        continue
      }
      let entry = FileIdentity(info)
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        if walking.contains(entry) {
          warnings.append(LoadWarning(path: full, reason: "symlink loop, skipped"))
        } else if seen.contains(entry) {
          warnings.append(LoadWarning(path: full, reason: "already loaded, skipped"))
        } else if depth + 1 > Self.maxDepth {
          warnings.append(
            LoadWarning(path: full, reason: "folder nested too deep (more than \(Self.maxDepth) levels), skipped"))
        } else if let names = Self.list(full) {
          walk(full, names: names, identity: entry, depth: depth + 1)
        } else {
          warnings.append(LoadWarning(path: full, reason: "cannot open directory"))
        }
      case S_IFREG:
        guard CorpusLoader.isCorpusFile(name) else { continue }
        if seen.insert(entry).inserted {
          files.append(full)
        } else {
          warnings.append(LoadWarning(path: full, reason: "already loaded, skipped"))
        }
      default:
        // A named pipe, socket or device with a corpus file's name is named, never opened: reading
        // a pipe would wait for a writer forever.
        if CorpusLoader.isCorpusFile(name) { warnings.append(LoadWarning(path: full, reason: "not a regular file")) }
      }
    }
  }
}

/// `ChunkSource` is a window onto a JSON Lines file: the bytes not consumed yet, which `read`
/// extends by the next chunk and `consume` drops from the front.
protocol ChunkSource: AnyObject {
  /// The bytes held: what was kept from the last chunk, then what was read since.
  var bytes: UnsafeBufferPointer<UInt8> { get }
  /// How many bytes are held.
  var count: Int { get }
  /// `read(_:upTo:)` appends up to `limit` bytes from `fd`; nil on a read error, 0 at the end.
  func read(_ fd: Int32, upTo limit: Int) -> Int?
  /// `consume(_:)` drops the first `n` bytes.
  func consume(_ n: Int)
}

/// `MappedWindow` reads a regular file through a read-only mapping, in place: no copy at all. The
/// pages already consumed are handed back as it goes (`MADV_DONTNEED`), so the resident size
/// holds a chunk or two of the file, never the whole of it.
final class MappedWindow: ChunkSource {
  private let base: UnsafeMutableRawPointer
  private let size: Int
  private var start = 0
  private(set) var count = 0
  /// Pages below this offset have been handed back.
  private var released = 0
  private static let page = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// `init?(_:)` maps the file open at `fd`; nil when it is not a regular, non-empty file or
  /// cannot be mapped.
  init?(_ fd: Int32) {
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
    let size = Int(info.st_size)
    guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
    base = p
    self.size = size
    _ = madvise(p, size, MADV_SEQUENTIAL)
  }

  deinit { munmap(base, size) }

  var bytes: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + start, count: count)
  }

  func read(_ fd: Int32, upTo limit: Int) -> Int? {
    let got = min(limit, size - (start + count))
    count += got
    return got
  }

  func consume(_ n: Int) {
    let take = min(max(0, n), count)
    start += take
    count -= take
    let below = start / MappedWindow.page * MappedWindow.page
    if below > released {
      _ = madvise(base + released, below - released, MADV_DONTNEED)
      released = below
    }
  }
}

/// `ChunkWindow` is the buffer a JSON Lines file that cannot be mapped is read into, reused chunk
/// after chunk: no allocation and no fresh pages to fault in for each chunk. It grows only for a
/// line longer than the room it has.
final class ChunkWindow: ChunkSource {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = capacity
    base = .allocate(capacity: capacity)
  }

  deinit { base.deallocate() }

  /// The bytes held: what was kept from the last chunk, then what was read since.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// `read(_:upTo:)` appends up to `limit` bytes read from `fd`; nil on a read error, 0 at the
  /// end of the file.
  func read(_ fd: Int32, upTo limit: Int) -> Int? {
    if capacity - count < limit {
      let bigger = max(capacity * 2, count + limit)
      let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
      p.update(from: base, count: count)
      base.deallocate()
      base = p
      capacity = bigger
    }
    while true {
      let got = systemRead(fd, base + count, limit)
      if got < 0, errno == EINTR { continue }
      guard got >= 0 else { return nil }
      count += got
      return got
    }
  }

  /// `consume(_:)` drops the first `n` bytes, moving the rest to the front.
  func consume(_ n: Int) {
    let rest = count - n
    if rest > 0 { base.update(from: base + n, count: rest) }
    count = max(0, rest)
  }
}

#if canImport(Glibc)
  private func systemRead(_ fd: Int32, _ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> Int { Glibc.read(fd, p, n) }
#elseif canImport(Darwin)
  private func systemRead(_ fd: Int32, _ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> Int { Darwin.read(fd, p, n) }
#endif

/// The bytes of one chunk, read by the extraction workers while the loader waits for them: the
/// window is not touched until every worker is done.
struct SharedBytes: @unchecked Sendable {
  let bytes: UnsafeBufferPointer<UInt8>
}

extension CorpusLoader.Loaded: Sendable where T: Sendable {}

/// `LoadProgress` is how far a load has come, for a progress line on a terminal.
public struct LoadProgress: Sendable, Equatable {
  /// Files read so far, of `totalFiles`.
  public var files = 0
  public var totalFiles: Int
  /// Bytes read so far, of `totalBytes`.
  public var bytes = 0
  public var totalBytes: Int
  /// Articles loaded so far.
  public var articles = 0

  public init(totalFiles: Int, totalBytes: Int) {
    self.totalFiles = totalFiles
    self.totalBytes = totalBytes
  }
}

/// `UniqueIDs` keeps article ids unique: an id seen before is renamed `ID~2`, `ID~3`, ... with a
/// warning naming both places, so `show`, `id =` and every other operator agree on one article.
public struct UniqueIDs: Sendable {
  private var firstSeen: [String: String] = [:]
  /// How the reason of a renaming warning begins.
  package static let renameReasonPrefix = "duplicate id"

  public init() {}

  /// `admit(_:)` records the article's id, renaming it when it was seen before.
  public mutating func admit(_ article: inout Article) -> LoadWarning? {
    let place = article.origin ?? article.id
    guard let first = firstSeen[article.id] else {
      firstSeen[article.id] = place
      return nil
    }
    var k = 2
    while firstSeen["\(article.id)~\(k)"] != nil { k += 1 }
    let fresh = "\(article.id)~\(k)"
    let warning = LoadWarning(
      path: place, reason: "\(Self.renameReasonPrefix) \"\(article.id)\" (first at \(first)); this one is \"\(fresh)\"")
    firstSeen[fresh] = place
    article.id = fresh
    return warning
  }
}
