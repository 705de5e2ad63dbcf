/// `VietnameseCollation` orders text as a Vietnamese dictionary does: letters first
/// (a ă â b c d đ e ê g ... ô ơ ... u ư v x y), then tones (ngang, huyền, hỏi, ngã, sắc, nặng),
/// then case. Code-point order, by contrast, puts `Đ`, `ơ` and `ư` after `z`.
///
/// Sorting many rows compares precomputed keys, never strings pairwise.
public enum VietnameseCollation {
  /// `sortKey(_:)` returns a key whose lexicographic order is Vietnamese alphabetical order.
  public static func sortKey(_ text: String) -> [UInt32] {
    var primary: [UInt32] = []
    var secondary: [UInt32] = []
    var tertiary: [UInt32] = []
    primary.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if let info = Fold.letter(scalar), info.alphabetRank > 0 {
        primary.append(0x1000 + UInt32(info.alphabetRank))
        secondary.append(UInt32(info.tone.rawValue) + 1)
        tertiary.append(info.isUppercase ? 2 : 1)
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue
      } else if scalar.value >= 0x30 && scalar.value <= 0x39 {
        primary.append(0x0800 + scalar.value)  // digits before letters
        secondary.append(1)
        tertiary.append(1)
      } else if scalar.properties.isAlphabetic {
        primary.append(0x10000 + (scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? scalar.value))
        secondary.append(1)
        tertiary.append(scalar.properties.isUppercase ? 2 : 1)
      } else {
        primary.append(scalar.value == 0x20 ? 1 : 0x100 + min(scalar.value, 0x6FF))  // space, punctuation
        secondary.append(1)
        tertiary.append(1)
      }
    }
    return primary + [0] + secondary + [0] + tertiary
  }

  /// `primaryPrefix(_:count:)` is the letters-only (primary) part of the key of the first
  /// `count` characters that carry weight, and whether the text goes on past them. Two texts
  /// whose prefixes differ, where neither prefix is cut short, order as their full keys do; equal
  /// prefixes need the full keys. A sort compares these first and builds full keys only for ties.
  public static func primaryPrefix(_ text: String, count: Int) -> (weights: [UInt32], truncated: Bool) {
    var primary: [UInt32] = []
    primary.reserveCapacity(count)
    for scalar in text.unicodeScalars {
      if let info = Fold.letter(scalar), info.alphabetRank > 0 {
        primary.append(0x1000 + UInt32(info.alphabetRank))
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue
      } else if scalar.value >= 0x30 && scalar.value <= 0x39 {
        primary.append(0x0800 + scalar.value)
      } else if scalar.properties.isAlphabetic {
        primary.append(0x10000 + (scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? scalar.value))
      } else {
        primary.append(scalar.value == 0x20 ? 1 : 0x100 + min(scalar.value, 0x6FF))
      }
      if primary.count > count {
        primary.removeLast()
        return (primary, true)
      }
    }
    return (primary, false)
  }

  /// `comparePrefixes(_:_:)` orders two texts by their `primaryPrefix` alone when that decides:
  /// -1 or 1, or nil when their full keys must decide (equal prefixes, or both cut short).
  public static func comparePrefixes(
    _ a: (weights: [UInt32], truncated: Bool), _ b: (weights: [UInt32], truncated: Bool)
  ) -> Int? {
    let p = a.weights
    let q = b.weights
    let common = min(p.count, q.count)
    var i = 0
    while i < common {
      if p[i] != q[i] { return p[i] < q[i] ? -1 : 1 }
      i += 1
    }
    // One prefix ends first: when it is the whole text, that text comes first.
    if p.count < q.count, !a.truncated { return -1 }
    if q.count < p.count, !b.truncated { return 1 }
    return nil
  }

  /// `compare(_:_:)` orders two keys lexicographically.
  public static func less(_ a: [UInt32], _ b: [UInt32]) -> Bool {
    a.lexicographicallyPrecedes(b)
  }
}
