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
