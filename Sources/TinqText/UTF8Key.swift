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

  public init(_ string: String) { self.string = string }

  public func hash(into hasher: inout Hasher) {
    var s = string
    s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  public static func == (a: UTF8Key, b: UTF8Key) -> Bool {
    var x = a.string
    var y = b.string
    return x.withUTF8 { xb in
      y.withUTF8 { yb in
        guard xb.count == yb.count, let pa = xb.baseAddress, let pb = yb.baseAddress else { return xb.count == yb.count }
        return memcmp(pa, pb, xb.count) == 0
      }
    }
  }
}
