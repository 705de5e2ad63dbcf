import CPrefetch
import Synchronization
import TinqSupport
import TinqText
import TinqFacts

/// Little-endian base-128 integers, the compact form of every posting (`ByteRun.append(_:)`
/// writes them).
enum VarInt {
  /// `readEntry(_:_:_:)` reads a doc-stream entry at `i`: the gap from the previous document
  /// and the byte length of its positions (0 when the stream is cut short).
  @inline(__always)
  static func readEntry(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int) -> (gap: Int, length: Int) {
    let gap = Int(read(p, &i, end))
    return (gap, i < end ? Int(read(p, &i, end)) : 0)
  }

  /// `read(_:_:_:)` reads the varint at `i` (which must be below `end`) and moves past it; one
  /// byte, the common case, takes one branch.
  @inline(__always)
  static func read(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int) -> UInt32 {
    let b = p[i]
    i += 1
    if b < 0x80 { return UInt32(b) }
    var result = UInt32(b & 0x7F)
    var shift: UInt32 = 7
    while i < end {
      let next = p[i]
      i += 1
      result |= UInt32(next & 0x7F) << shift
      if next < 0x80 || shift >= 28 { break }
      shift += 7
    }
    return result
  }
}

/// The code of each position in a term's position stream: its gap from the position before
/// (from 0 for an article's first), shifted left past the variant's bits (`Segment.variantBits`).
/// Most gaps are a few hundred syllables, so the code is byte-aligned with a wider first byte
/// than a varint's: a first byte below 240 is the value; 240 to 254 take one more byte, for
/// 240 to 4,079; 255 is followed by a varint of the value less 4,080.
enum PositionCode {
  static let oneByte: UInt64 = 240
  static let twoBytes: UInt64 = 240 + 15 * 256

  /// `read(_:_:_:)` reads the code at `i` (which must be below `end`) and moves past it. A code
  /// cut short by `end` reads as what was there.
  @inline(__always)
  static func read(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ end: Int) -> UInt64 {
    let b = p[i]
    i += 1
    if b < 240 { return UInt64(b) }
    guard i < end else { return UInt64(b) }
    if b < 255 {
      let low = p[i]
      i += 1
      return oneByte + (UInt64(b - 240) << 8 | UInt64(low))
    }
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while i < end {
      let next = p[i]
      i += 1
      result |= UInt64(next & 0x7F) << shift
      if next < 0x80 || shift >= 63 { break }
      shift += 7
    }
    return twoBytes &+ result
  }

  /// `append(_:to:)` writes `value`'s code.
  @inline(__always)
  static func append(_ value: UInt64, to run: inout ByteRun) {
    if value < oneByte {
      run.appendByte(UInt8(value))
    } else if value < twoBytes {
      let v = value - oneByte
      run.appendByte(240 + UInt8(v >> 8))
      run.appendByte(UInt8(truncatingIfNeeded: v))
    } else {
      run.appendByte(255)
      var v = value - twoBytes
      while v >= 0x80 {
        run.appendByte(UInt8(truncatingIfNeeded: v) | 0x80)
        v >>= 7
      }
      run.appendByte(UInt8(v))
    }
  }
}

/// `ByteRun` is a growable byte buffer in memory the segment builder manages itself: appending a
/// varint to a term's postings is a few stores, with none of the copy-on-write checks an array of
/// arrays costs on every append.
struct ByteRun {
  var base: UnsafeMutablePointer<UInt8>? = nil
  var count = 0
  var capacity = 0

  @inline(__always)
  mutating func append(_ value: UInt32) {
    if capacity - count < 5 { grow() }
    guard let p = base else { return }
    var v = value
    while v >= 0x80 {
      p[count] = UInt8(truncatingIfNeeded: v) | 0x80
      count += 1
      v >>= 7
    }
    p[count] = UInt8(v)
    count += 1
  }

  /// `appendByte(_:)` appends one byte.
  @inline(__always)
  mutating func appendByte(_ byte: UInt8) {
    if capacity == count { grow() }
    guard let p = base else { return }
    p[count] = byte
    count += 1
  }

  mutating func grow() { reserve(max(32, capacity * 2)) }

  /// `reserve(_:)` makes room for `bytes` in all (pages of room never written are never touched).
  mutating func reserve(_ bytes: Int) {
    guard bytes > capacity else { return }
    let bigger = bytes
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
    if let base {
      p.update(from: base, count: count)
      base.deallocate()
    }
    base = p
    capacity = bigger
  }

  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  func free() { base?.deallocate() }
}
