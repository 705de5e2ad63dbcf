/// `Hash64` mixes up to 16 bytes held in two words, and their count, into one well-spread 64-bit
/// hash: the last step of hashing a short key gathered a word at a time (the index's piece cache,
/// extraction's word hashes).
public enum Hash64 {
  @inline(__always)
  public static func mix(_ a: UInt64, _ b: UInt64, _ length: Int) -> UInt64 {
    var h = a &* 0x9E37_79B9_7F4A_7C15
    h ^= (b ^ UInt64(truncatingIfNeeded: length)) &* 0xC2B2_AE3D_27D4_EB4F
    h ^= h >> 29
    h = h &* 0xBF58_476D_1CE4_E5B9
    return h ^ (h >> 32)
  }

  /// `bytes(_:seed:)` hashes a byte string 16 bytes at a time, each step a `mix`.
  @inline(__always)
  public static func bytes(_ buffer: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
    let n = buffer.count
    guard let p = buffer.baseAddress else { return mix(seed, 0, 0) }
    let raw = UnsafeRawPointer(p)
    var h = seed
    var i = 0
    while i + 16 < n {
      let w0 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      let w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
      h = mix(h ^ w0, w1, i)
      i += 16
    }
    var w0: UInt64 = 0
    var w1: UInt64 = 0
    if n >= 16 {
      // The last 16 bytes, overlapping the ones before when n is not a multiple of 16.
      w0 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 16, as: UInt64.self))
      w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
    } else {
      for k in 0..<n {
        if k < 8 { w0 |= UInt64(p[k]) << UInt64(k * 8) } else { w1 |= UInt64(p[k]) << UInt64((k - 8) * 8) }
      }
    }
    return mix(h ^ w0, w1, n)
  }
}
