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
}
