import TinqSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `SnapshotFile` is the container of a snapshot: a fixed header, sections of bytes, and a table
/// of sections at the end, each with its checksum (the layout is in `docs/SNAPSHOT.md`).
///
///     header (64 bytes) | section | section | ... | section table
///
/// It knows nothing of what the sections hold: `StoreSnapshot` encodes the store into them.
public enum SnapshotFile {
  /// The first eight bytes of every snapshot.
  static let magic: [UInt8] = Array("TINQSNAP".utf8)
  /// The format version this build writes and reads.
  public static let version: UInt32 = 3
  static let headerSize = 64
  static let entrySize = 32

  /// `isSnapshot(path:)` tells whether a file starts like a snapshot (its magic), without reading
  /// more: how `--corpus` tells a snapshot from a text file.
  public static func isSnapshot(path: String) -> Bool {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var head = [UInt8](repeating: 0, count: magic.count)
    let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    return n == magic.count && head == magic
  }

  /// `Writer` writes a snapshot to a temporary file beside its destination, then renames it into
  /// place once everything is on disk (`commit`): a write stopped at any moment (an error, Ctrl-C,
  /// a killed process) leaves the previous file as it was. A writer dropped without `commit`
  /// removes its temporary file.
  public final class Writer {
    let destination: String
    let temporary: String
    private var fd: Int32
    private var offset = headerSize
    private var entries: [(tag: [UInt8], offset: Int, length: Int, checksum: UInt64)] = []
    private var committed = false

    /// `init(path:)` creates the temporary file.
    public init(path: String) throws(SnapshotError) {
      destination = path
      temporary = path + ".tmp-\(getpid())"
      fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
      guard fd >= 0 else { throw SnapshotError("cannot write \(path): \(String(cString: strerror(errno)))") }
      try writeAll([UInt8](repeating: 0, count: headerSize), at: 0)
    }

    deinit {
      if fd >= 0 { close(fd) }
      if !committed { unlink(temporary) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, at position: Int) throws(SnapshotError) {
      var done = 0
      while done < bytes.count {
        let n = pwrite(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done, off_t(position + done))
        if n < 0, errno == EINTR { continue }
        guard n > 0 else { throw SnapshotError("cannot write \(destination): \(String(cString: strerror(errno)))") }
        done += n
      }
    }

    fileprivate func writeAll(_ bytes: [UInt8], at position: Int) throws(SnapshotError) {
      var failure: SnapshotError?
      bytes.withUnsafeBytes { raw in
        do throws(SnapshotError) { try writeAll(raw, at: position) } catch { failure = error }
      }
      if let failure { throw failure }
    }

    /// `add(_:_:)` appends a section under a four-letter tag.
    package func add(_ tag: String, _ bytes: [UInt8]) throws(SnapshotError) {
      try section(tag) { (out: inout Section) throws(SnapshotError) in try out.write(bytes) }
    }

    /// `Section` is a section being written in pieces: what one piece holds goes to the file
    /// (and into the section's checksum) as soon as it is written, so a large section is never
    /// all in memory at once.
    package struct Section {
      let writer: Writer
      let start: Int
      var length = 0
      var sum = ChunkedChecksum()

      /// `write(_:)` appends bytes to the section.
      package mutating func write(_ bytes: [UInt8]) throws(SnapshotError) {
        try writer.writeAll(bytes, at: start + length)
        sum.update(bytes)
        length += bytes.count
      }

      /// `drain(_:over:)` appends what `encoder` holds and empties it, once it holds `threshold`
      /// bytes or more (always, by default): how a large section goes out piece by piece.
      package mutating func drain(_ encoder: inout SnapshotWriter, over threshold: Int = 0) throws(SnapshotError) {
        guard encoder.bytes.count >= threshold else { return }
        try write(encoder.bytes)
        encoder = SnapshotWriter(origin: length)
      }
    }

    /// `section(_:_:)` appends a section under a four-letter tag, written by `body` in pieces.
    package func section(_ tag: String, _ body: (inout Section) throws(SnapshotError) -> Void) throws(SnapshotError) {
      let tagBytes = Array(tag.utf8)
      precondition(tagBytes.count == 4, "section tags have four ASCII letters")
      var out = Section(writer: self, start: offset)
      try body(&out)
      entries.append((tagBytes, offset, out.length, out.sum.finish()))
      offset += out.length
      let padding = (8 - offset % 8) % 8
      if padding > 0 {
        try writeAll([UInt8](repeating: 0, count: padding), at: offset)
        offset += padding
      }
    }

    /// `commit()` writes the section table and the header, flushes the file to disk and renames it
    /// over the destination.
    public func commit() throws(SnapshotError) {
      var table = SnapshotWriter()
      for e in entries {
        for b in e.tag { table.u8(b) }
        table.u32(0)
        table.u64(UInt64(e.offset))
        table.u64(UInt64(e.length))
        table.u64(e.checksum)
      }
      let tableOffset = offset
      try writeAll(table.bytes, at: tableOffset)
      let fileLength = tableOffset + table.bytes.count
      var header = SnapshotWriter()
      for b in magic { header.u8(b) }
      header.u32(version)
      header.u32(UInt32(entries.count))
      header.u64(UInt64(tableOffset))
      header.u64(UInt64(fileLength))
      header.u64(Checksum.of(table.bytes))
      header.u64(Checksum.of(header.bytes))
      try writeAll(header.bytes + [UInt8](repeating: 0, count: headerSize - header.bytes.count), at: 0)
      guard fsync(fd) == 0 else { throw SnapshotError("cannot write \(destination): \(String(cString: strerror(errno)))") }
      close(fd)
      fd = -1
      guard rename(temporary, destination) == 0 else {
        throw SnapshotError("cannot write \(destination): \(String(cString: strerror(errno)))")
      }
      committed = true
      // The rename itself reaches the disk with the directory.
      let slash = destination.lastIndex(of: "/")
      let directory = slash.map { String(destination[..<$0]) } ?? "."
      let dfd = open(directory.isEmpty ? "/" : directory, O_RDONLY)
      if dfd >= 0 {
        _ = fsync(dfd)
        close(dfd)
      }
    }
  }

  /// `Mapped` is an open snapshot: the file mapped into memory, its header and every section's
  /// checksum verified. The sections are read in place; the mapping lasts as long as the value.
  public final class Mapped: @unchecked Sendable {
    // Immutable after init; the mapping is read-only.
    let base: UnsafeRawPointer?
    let length: Int
    let sections: [String: UnsafeRawBufferPointer]
    /// The path it was opened from.
    public let path: String

    /// `init(path:)` maps and verifies a snapshot.
    public init(path: String) throws(SnapshotError) {
      self.path = path
      guard 1.littleEndian == 1 else { throw SnapshotError("\(path): snapshots are read on little-endian machines only") }
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { throw SnapshotError("cannot open \(path): \(String(cString: strerror(errno)))") }
      defer { close(fd) }
      var info = stat()
      guard fstat(fd, &info) == 0 else { throw SnapshotError("cannot open \(path): \(String(cString: strerror(errno)))") }
      guard (info.st_mode & S_IFMT) == S_IFREG else { throw SnapshotError("\(path) is not a regular file") }
      let size = Int(info.st_size)
      guard size >= headerSize else { throw SnapshotError("\(path) is not a Tinq snapshot (too short)") }
      guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapping != MAP_FAILED else {
        throw SnapshotError("cannot map \(path): \(String(cString: strerror(errno)))")
      }
      let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(mapping), count: size)
      do {
        sections = try Self.verify(bytes, path: path)
      } catch {
        munmap(mapping, size)
        throw error
      }
      base = UnsafeRawPointer(mapping)
      length = size
    }

    deinit {
      if let base { munmap(UnsafeMutableRawPointer(mutating: base), length) }
    }

    /// `releaseResident()` drops the mapping's pages from this process's resident memory (they
    /// stay in the system's page cache, shared, and come back on the next read): opening reads
    /// parts of the index to check them, which a query may never read again.
    package func releaseResident() {
      if let base { _ = madvise(UnsafeMutableRawPointer(mutating: base), length, MADV_DONTNEED) }
    }

    /// `section(_:)` is the bytes of a section, which must be present.
    package func section(_ tag: String) throws(SnapshotError) -> UnsafeRawBufferPointer {
      guard let s = sections[tag] else { throw SnapshotError("corrupt snapshot \(path): no \(tag) section") }
      return s
    }

    static func verify(_ bytes: UnsafeRawBufferPointer, path: String) throws(SnapshotError) -> [String: UnsafeRawBufferPointer] {
      guard bytes.count >= headerSize, Array(bytes[0..<magic.count]) == magic else {
        throw SnapshotError("\(path) is not a Tinq snapshot")
      }
      var header = SnapshotReader(UnsafeRawBufferPointer(rebasing: bytes[magic.count..<headerSize]), section: "header")
      let version = try header.u32()
      let count = Int(try header.u32())
      let tableOffset = try header.u64()
      let fileLength = try header.u64()
      let tableChecksum = try header.u64()
      let headerChecksum = try header.u64()
      guard Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[0..<40])) == headerChecksum else {
        throw SnapshotError("corrupt snapshot \(path): the header's checksum does not match")
      }
      guard version <= SnapshotFile.version else {
        throw SnapshotError(
          "\(path) was written by a later Tinq (snapshot format \(version); this build reads \(SnapshotFile.version)): rebuild it with this version's `tinq build`")
      }
      guard version == SnapshotFile.version else {
        throw SnapshotError(
          "\(path) has snapshot format \(version), which this build does not read: rebuild it with this version's `tinq build`")
      }
      guard fileLength == UInt64(bytes.count) else {
        throw SnapshotError("corrupt snapshot \(path): \(bytes.count) bytes where the header says \(fileLength) (truncated?)")
      }
      guard tableOffset >= UInt64(headerSize), tableOffset <= fileLength,
        UInt64(count) <= (fileLength - tableOffset) / UInt64(entrySize),
        tableOffset + UInt64(count * entrySize) == fileLength
      else { throw SnapshotError("corrupt snapshot \(path): a bad section table") }
      let tableStart = Int(tableOffset)
      let table = UnsafeRawBufferPointer(rebasing: bytes[tableStart..<tableStart + count * entrySize])
      guard Checksum.of(table) == tableChecksum else {
        throw SnapshotError("corrupt snapshot \(path): the section table's checksum does not match")
      }
      var reader = SnapshotReader(table, section: "table")
      var sections: [String: UnsafeRawBufferPointer] = [:]
      var expected: [(tag: String, checksum: UInt64, offset: Int, length: Int)] = []
      for _ in 0..<count {
        let tagBytes = try reader.take(4)
        let tag = String(decoding: tagBytes, as: UTF8.self)
        _ = try reader.u32()
        let offset = try reader.u64()
        let length = try reader.u64()
        let checksum = try reader.u64()
        guard offset >= UInt64(headerSize), offset <= tableOffset, length <= tableOffset - offset, sections[tag] == nil else {
          throw SnapshotError("corrupt snapshot \(path): section \(tag) lies outside the file")
        }
        sections[tag] = UnsafeRawBufferPointer(rebasing: bytes[Int(offset)..<Int(offset + length)])
        expected.append((tag, checksum, Int(offset), Int(length)))
      }
      // Every section's checksum, their chunks across the cores. (This reads every page of the
      // file; the store lets them go once it has checked its sections, see `releaseResident()`.)
      let sums = ChunkedChecksum.of(expected.map { UnsafeRawBufferPointer(rebasing: bytes[$0.offset..<$0.offset + $0.length]) })
      let mismatched = Set(zip(expected, sums).filter { $0.0.checksum != $0.1 }.map(\.0.tag))
      // Named in the table's order, as a reader going through it would find them.
      if let bad = expected.first(where: { mismatched.contains($0.tag) }) {
        throw SnapshotError("corrupt snapshot \(path): section \(bad.tag)'s checksum does not match")
      }
      return sections
    }
  }

  /// `reseal(_:)` recomputes the checksums of a snapshot's sections, table and header in place,
  /// as far as its table can be read: tests and the fuzzer use it to hand the reader damaged
  /// sections that the checksums would otherwise catch, so the checks behind them are tried too.
  package static func reseal(_ bytes: inout [UInt8]) {
    guard bytes.count >= headerSize else { return }
    func load(_ at: Int) -> UInt64 {
      bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
    }
    func store(_ v: UInt64, _ at: Int) {
      withUnsafeBytes(of: v.littleEndian) { for (i, b) in $0.enumerated() { bytes[at + i] = b } }
    }
    let count = Int(bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self)) })
    let tableOffset = load(16)
    if tableOffset <= UInt64(bytes.count), UInt64(count) <= (UInt64(bytes.count) - tableOffset) / UInt64(entrySize) {
      let table = Int(tableOffset)
      for e in 0..<count {
        let at = table + e * entrySize
        let offset = load(at + 8)
        let length = load(at + 16)
        guard offset <= UInt64(bytes.count), length <= UInt64(bytes.count) - offset else { continue }
        let sum = bytes.withUnsafeBytes { ChunkedChecksum.of(UnsafeRawBufferPointer(rebasing: $0[Int(offset)..<Int(offset + length)])) }
        store(sum, at + 24)
      }
      let end = table + count * entrySize
      store(bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[table..<end])) }, 32)
    }
    store(bytes.withUnsafeBytes { Checksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<40])) }, 40)
  }
}
