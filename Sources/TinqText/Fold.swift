import Foundation

/// `Tone` is one of the six Vietnamese tones, in dictionary order.
public enum Tone: UInt8, Sendable, Comparable {
  case ngang = 0, huyen, hoi, nga, sac, nang

  public static func < (a: Tone, b: Tone) -> Bool { a.rawValue < b.rawValue }

  init?(mark: UInt32) {
    switch mark {
    case 0x0300: self = .huyen
    case 0x0309: self = .hoi
    case 0x0303: self = .nga
    case 0x0301: self = .sac
    case 0x0323: self = .nang
    default: return nil
    }
  }
}

/// `LetterInfo` describes one lowercase-able letter: its lowercase form without tone (keeping
/// the vowel-quality marks of ă â ê ô ơ ư and the stroke of đ), its bare ASCII form, its tone,
/// and its rank in the Vietnamese alphabet.
public struct LetterInfo: Sendable {
  /// The lowercase letter with its quality mark but without tone, e.g. `ê` for `Ệ`.
  public var toneless: Unicode.Scalar
  /// The bare ASCII letter, e.g. `e` for `Ệ` and `d` for `Đ`.
  public var bare: Unicode.Scalar
  /// The tone carried by the letter.
  public var tone: Tone
  /// The letter's rank in the Vietnamese alphabet (a ă â b c d đ e ê g ... ư v x y), 0 when unranked.
  public var alphabetRank: UInt8
  /// Whether the original was uppercase.
  public var isUppercase: Bool
}

/// `Fold` turns text into the keys Tinq matches on.
///
/// - the *toned key* of a syllable: lowercase, NFC, with its tone moved to the end, so old and new
///   tone placement (`hoà`/`hòa`, `thuỷ`/`thủy`) give the same key;
/// - the *bare key*: lowercase ASCII without any diacritic, `đ` folded to `d`, for queries typed
///   without diacritics.
public enum Fold {
  /// The Vietnamese alphabet in order; letters outside it rank after it, by code point.
  public static let alphabet: [Unicode.Scalar] = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ", "p",
    "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
  ]

  /// The table covers U+0000..U+1EFF, enough for Latin letters with Vietnamese diacritics.
  static let tableLimit: UInt32 = 0x1F00

  /// `letterTable` maps a scalar value to its `LetterInfo`, built once from Foundation's
  /// canonical decomposition so that no hand-typed table can be wrong.
  static let letterTable: [LetterInfo?] = {
    var table = [LetterInfo?](repeating: nil, count: Int(tableLimit))
    var rank: [UInt32: UInt8] = [:]
    for (i, letter) in alphabet.enumerated() { rank[letter.value] = UInt8(i + 1) }
    let qualityMarks: Set<UInt32> = [0x0302, 0x0306, 0x031B]
    for value in UInt32(0x41)..<tableLimit {
      guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
      let lower = String(scalar).lowercased()
      guard lower.unicodeScalars.count >= 1 else { continue }
      let decomposed = lower.decomposedStringWithCanonicalMapping.unicodeScalars
      guard let base = decomposed.first, base.isASCII || base == "đ" else { continue }
      var tone = Tone.ngang
      var keep = String.UnicodeScalarView([base])
      var ok = true
      for mark in decomposed.dropFirst() {
        if let t = Tone(mark: mark.value) {
          if tone != .ngang { ok = false }
          tone = t
        } else if qualityMarks.contains(mark.value) {
          keep.append(mark)
        } else {
          ok = false
        }
      }
      guard ok else { continue }
      let toneless = String(keep).precomposedStringWithCanonicalMapping.unicodeScalars
      guard toneless.count == 1, let tl = toneless.first else { continue }
      let bare: Unicode.Scalar = base == "đ" ? "d" : base
      guard bare.isASCII, bare.properties.isAlphabetic else { continue }
      table[Int(value)] = LetterInfo(
        toneless: tl, bare: bare, tone: tone, alphabetRank: rank[tl.value] ?? 0,
        isUppercase: scalar.properties.isUppercase)
    }
    return table
  }()

  /// `wordScalarTable` says, for each scalar below U+1F00, whether it belongs inside a syllable:
  /// hot loops fetch it once and index it, rather than call `isWordScalar` per scalar.
  public static let wordScalarTable: [Bool] = (0..<tableLimit).map { v in
    Unicode.Scalar(v).map(belongsInSyllable) ?? false
  }

  /// The rule itself: ASCII letters and digits, the letters of the table, and any other letter,
  /// number or combining mark.
  private static func belongsInSyllable(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 {
      return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }
    if v < tableLimit, letterTable[Int(v)] != nil { return true }
    let p = scalar.properties
    return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
  }

  /// `letter(_:)` returns what Tinq knows of a Latin letter, or nil for anything else.
  @inline(__always)
  public static func letter(_ scalar: Unicode.Scalar) -> LetterInfo? {
    let v = scalar.value
    return v < tableLimit ? letterTable[Int(v)] : nil
  }

  /// `isWordScalar(_:)` tells whether a scalar belongs inside a syllable (a letter, digit or
  /// combining mark).
  @inline(__always)
  public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < tableLimit ? wordScalarTable[Int(scalar.value)] : belongsInSyllable(scalar)
  }

  /// `tonedKey(_:)` returns the toned key of one syllable (see `Fold`).
  public static func tonedKey<S: Sequence<Unicode.Scalar>>(_ syllable: S) -> String {
    var out = String.UnicodeScalarView()
    var tone = Tone.ngang
    for scalar in syllable {
      if let info = letter(scalar) {
        out.append(info.toneless)
        if info.tone != .ngang { tone = info.tone }
      } else if let t = Tone(mark: scalar.value) {
        tone = t
      } else {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
      }
    }
    if tone != .ngang {
      out.append("\u{1F}")
      out.append(Unicode.Scalar(UInt8(0x30) + tone.rawValue))
    }
    return String(out)
  }

  /// `bareKey(_:)` returns the bare key of text: lowercase, every diacritic removed, `đ` → `d`.
  public static func bareKey<S: Sequence<Unicode.Scalar>>(_ text: S) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text {
      if let info = letter(scalar) {
        out.append(info.bare)
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue
      } else {
        for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
      }
    }
    return String(out)
  }

  /// `bareKey(_:)` on a string.
  public static func bare(_ text: String) -> String { bareKey(text.unicodeScalars) }

  /// `hasDiacritics(_:)` tells whether text carries any Vietnamese diacritic (including `đ`).
  public static func hasDiacritics(_ text: String) -> Bool {
    for scalar in text.unicodeScalars where !scalar.isASCII {
      if let info = letter(scalar) {
        if info.toneless != info.bare { return true }
        if info.tone != .ngang { return true }
      } else if scalar.properties.generalCategory == .nonspacingMark {
        return true
      }
    }
    return false
  }

  /// `matchKey(_:)` folds a whole name or phrase for comparison: syllables joined by single
  /// spaces, each its toned key, or its bare key when `bare` is true. Punctuation separates.
  public static func matchKey(_ text: String, bare: Bool) -> String {
    Syllables.split(text).map { bare ? bareKey($0.unicodeScalars) : tonedKey($0.unicodeScalars) }
      .joined(separator: " ")
  }

  /// `looseKey(_:)` is how names and numbers are compared when a user types them: folded
  /// without diacritics when the text has none, with them (tone placement ignored) otherwise.
  public static func looseMatches(query: String, value: String) -> Bool {
    let useBare = !hasDiacritics(query)
    return matchKey(query, bare: useBare) == matchKey(value, bare: useBare)
  }
}
