import TinqSupport

/// `SnapshotError` is why a snapshot could not be written or opened: a file that is not a
/// snapshot, one from a later version of Tinq, a truncated or corrupted one (named by section and
/// byte offset), or an I/O failure. Opening never traps on bad bytes: every length and count is
/// checked against what is left before anything is allocated or read.
public struct SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, for people.
  public var description: String

  /// `init(_:)` makes an error.
  public init(_ description: String) { self.description = description }
}

/// `SnapshotWriter` encodes one section: little-endian fixed-width integers, LEB128 varints for
/// counts and lengths, strings as a length and their UTF-8 bytes, and arrays of integers as a
/// count and their raw little-endian bytes.
package struct SnapshotWriter {
  package private(set) var bytes: [UInt8] = []
  /// Where `bytes` start within their section: a section written in pieces has several writers
  /// in turn, and a column's elements are aligned within the section.
  let origin: Int

  package init(capacity: Int = 0, origin: Int = 0) {
    bytes.reserveCapacity(capacity)
    self.origin = origin
  }

  package mutating func u8(_ v: UInt8) { bytes.append(v) }

  package mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

  package mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

  package mutating func i64(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }

  package mutating func count(_ v: Int) {
    var v = UInt64(max(0, v))
    while v >= 0x80 {
      bytes.append(UInt8(v & 0x7F) | 0x80)
      v >>= 7
    }
    bytes.append(UInt8(v))
  }

  package mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }

  package mutating func string(_ s: String) {
    var s = s
    s.withUTF8 { utf8 in
      count(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  package mutating func optionalString(_ s: String?) {
    bool(s != nil)
    if let s { string(s) }
  }

  package mutating func optionalInt(_ v: Int?) {
    bool(v != nil)
    if let v { i64(v) }
  }

  /// `integers(_:)` writes an array of fixed-width integers: its count, then its elements' bytes
  /// (the machines Tinq runs on are little-endian; `open` refuses a big-endian host).
  package mutating func integers<T: FixedWidthInteger>(_ values: [T]) {
    count(values.count)
    values.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }

  /// `column(_:)` writes an array that is read in place (`SnapshotReader.column`): its count,
  /// zero bytes up to the next multiple of 8 within the section, then its elements' bytes.
  package mutating func column<T: FixedWidthInteger>(_ values: Column<T>) {
    count(values.count)
    bytes.append(contentsOf: repeatElement(0, count: (8 - (origin + bytes.count) % 8) % 8))
    values.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }
}

/// `SnapshotReader` decodes one section, checking every read against the section's end: a bad
/// length or count throws a `SnapshotError` naming the section and the offset, never traps.
package struct SnapshotReader {
  package let buffer: UnsafeRawBufferPointer
  package let section: String
  package private(set) var offset = 0

  package init(_ buffer: UnsafeRawBufferPointer, section: String) {
    self.buffer = buffer
    self.section = section
  }

  package var isAtEnd: Bool { offset == buffer.count }

  package func failure(_ what: String) -> SnapshotError {
    SnapshotError("corrupt snapshot: section \(section), byte \(offset): \(what)")
  }

  package mutating func take(_ n: Int) throws(SnapshotError) -> UnsafeRawBufferPointer {
    guard n >= 0, n <= buffer.count - offset else { throw failure("needs \(n) bytes, \(buffer.count - offset) left") }
    defer { offset += n }
    return UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + n])
  }

  package mutating func u8() throws(SnapshotError) -> UInt8 { try take(1)[0] }

  package mutating func u32() throws(SnapshotError) -> UInt32 {
    UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self))
  }

  package mutating func u64() throws(SnapshotError) -> UInt64 {
    UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self))
  }

  package mutating func i64() throws(SnapshotError) -> Int { Int(Int64(bitPattern: try u64())) }

  /// `count(max:)` reads a count or length, which must not exceed `max` (what the rest of the
  /// section can hold, or a limit the caller knows).
  package mutating func count(max limit: Int? = nil) throws(SnapshotError) -> Int {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let b = try u8()
      result |= UInt64(b & 0x7F) << shift
      if b < 0x80 { break }
      shift += 7
      guard shift < 63 else { throw failure("a count longer than 9 bytes") }
    }
    let bound = limit ?? (buffer.count - offset)
    guard result <= UInt64(max(0, bound)) else { throw failure("a count of \(result) where at most \(bound) fits") }
    return Int(result)
  }

  package mutating func bool() throws(SnapshotError) -> Bool {
    switch try u8() {
    case 0: return false
    case 1: return true
    case let b: throw failure("a flag of \(b)")
    }
  }

  package mutating func string() throws(SnapshotError) -> String {
    let n = try count()
    let raw = try take(n)
    guard let s = String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) else {
      throw failure("text that is not UTF-8")
    }
    return s
  }

  package mutating func optionalString() throws(SnapshotError) -> String? {
    try bool() ? try string() : nil
  }

  package mutating func optionalInt() throws(SnapshotError) -> Int? {
    try bool() ? try i64() : nil
  }

  /// `integers(_:count:)` reads an array written by `SnapshotWriter.integers`; when `count` is
  /// given, the array must have exactly that many elements.
  package mutating func integers<T: FixedWidthInteger>(_: T.Type, count expected: Int? = nil) throws(SnapshotError) -> [T] {
    let stride = MemoryLayout<T>.stride
    let n = try count(max: (buffer.count - offset) / stride)
    if let expected, n != expected { throw failure("\(n) values where \(expected) belong") }
    let raw = try take(n * stride)
    return [T](unsafeUninitializedCapacity: n) { out, initialized in
      if n > 0, let dst = out.baseAddress, let src = raw.baseAddress {
        UnsafeMutableRawPointer(dst).copyMemory(from: src, byteCount: n * stride)
      }
      initialized = n
    }
  }

  /// `column(_:count:owner:)` reads an array written by `SnapshotWriter.column` in place: the
  /// column points into the section, which `owner` keeps mapped. (A section starts on a multiple
  /// of 8 in the file, and the mapping on a page, so the elements are aligned.)
  package mutating func column<T: FixedWidthInteger>(
    _: T.Type, count expected: Int? = nil, owner: AnyObject & Sendable
  ) throws(SnapshotError) -> Column<T> {
    let n = try count(max: (buffer.count - offset) / MemoryLayout<T>.stride)
    if let expected, n != expected { throw failure("\(n) values where \(expected) belong") }
    let padding = try take((8 - offset % 8) % 8)
    guard padding.allSatisfy({ $0 == 0 }) else { throw failure("padding that is not zero") }
    let raw = try take(n * MemoryLayout<T>.stride)
    guard n > 0, let base = raw.baseAddress else { return Column() }
    guard Int(bitPattern: base) % MemoryLayout<T>.alignment == 0 else { throw failure("a misaligned column") }
    return Column(mapped: base.assumingMemoryBound(to: T.self), count: n, owner: owner)
  }

  /// `expectEnd()` checks that the section has been read exactly.
  package func expectEnd() throws(SnapshotError) {
    guard isAtEnd else { throw failure("\(buffer.count - offset) bytes left over") }
  }
}
