import TinqSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `UTF8Key` is a string as a dictionary or set key that hashes and compares its UTF-8 bytes.
///
/// Hashing a `String` normalises it first, which costs more than extracting an article's names
/// did. Ingested text is NFC throughout, so within it equal bytes and canonical equality agree;
/// use this only for such text, never for what a user typed.
public struct UTF8Key: Hashable, Sendable {
  public var string: String

  /// `init(_:)` keys `string`, made native and contiguous once so that hashing and comparing
  /// read its bytes in place.
  public init(_ string: String) {
    var s = string
    s.makeContiguousUTF8()
    self.string = s
  }

  /// `withBytes(_:)` reads the key's UTF-8 in place (a contiguous string needs no copy).
  @inline(__always)
  func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = string.utf8.withContiguousStorageIfAvailable(body) { return r }
    return Array(string.utf8).withUnsafeBufferPointer(body)
  }

  /// `hash(into:)` feeds the bytes' `Hash64` to `hasher`.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(withBytes { Hash64.bytes($0, seed: 0) })
  }

  /// The hash sets and dictionaries use, made without a `Hasher`: its SipHash over every byte,
  /// with setting up and finishing, cost more than extracting the strings did. (This is
  /// `Hashable`'s hidden requirement; the table's per-instance seed still goes in.)
  public func _rawHashValue(seed: Int) -> Int {
    Int(truncatingIfNeeded: withBytes { Hash64.bytes($0, seed: UInt64(truncatingIfNeeded: seed)) })
  }

  public static func == (a: UTF8Key, b: UTF8Key) -> Bool {
    a.withBytes { x in
      b.withBytes { y in
        guard x.count == y.count, let px = x.baseAddress, let py = y.baseAddress else { return x.count == y.count }
        return memcmp(px, py, x.count) == 0
      }
    }
  }
}
