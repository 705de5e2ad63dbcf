/// `Phrase` is a folded phrase a user searches for, matched on whole syllables.
///
/// Smart diacritics: a phrase typed without any diacritic matches text with or without them
/// (`ma tuy` finds `ma túy`); a phrase typed with diacritics matches those diacritics, up to tone
/// placement (`hoà` = `hòa`) and case.
public struct Phrase: Sendable, Hashable {
  /// The phrase's syllables as bare keys.
  public let bareKeys: [String]
  /// The phrase's syllables as toned keys, when the phrase was typed with diacritics.
  public let tonedKeys: [String]?

  /// `init(_:)` folds a phrase as typed.
  public init(_ text: String) {
    let syllables = Syllables.split(text)
    bareKeys = syllables.map { Fold.bareKey($0.unicodeScalars) }
    tonedKeys = Fold.hasDiacritics(text) ? syllables.map { Fold.tonedKey($0.unicodeScalars) } : nil
  }

  /// True when the phrase has no syllable at all (it matches nothing).
  public var isEmpty: Bool { bareKeys.isEmpty }

  /// `matches(_:)` tells whether the phrase occurs in `text` on syllable boundaries. This is the
  /// row-by-row form, for fields no index covers and for the naive evaluator the tests compare
  /// the planner with.
  public func matches(_ text: String) -> Bool {
    !starts(inSyllables: Syllables.split(text), first: true).isEmpty
  }

  /// `starts(inSyllables:first:)` is every index of `syllables` at which the phrase starts
  /// (only the first when `first`), the syllables folded as the phrase was typed.
  public func starts<S: StringProtocol>(inSyllables syllables: [S], first: Bool = false) -> [Int] {
    guard !bareKeys.isEmpty, syllables.count >= bareKeys.count else { return [] }
    let keys: [String]
    let wanted: [String]
    if let toned = tonedKeys {
      keys = syllables.map { Fold.tonedKey($0.unicodeScalars) }
      wanted = toned
    } else {
      keys = syllables.map { Fold.bareKey($0.unicodeScalars) }
      wanted = bareKeys
    }
    var found: [Int] = []
    var i = 0
    while i + wanted.count <= keys.count {
      if keys[i] == wanted[0] {
        var j = 1
        while j < wanted.count && keys[i + j] == wanted[j] { j += 1 }
        if j == wanted.count {
          found.append(i)
          if first { break }
        }
      }
      i += 1
    }
    return found
  }
}

/// `Proximity` is how near the two phrases of `near` must stand: within so many syllables of
/// each other (the syllables between them), or in one sentence or one paragraph; `ordered`, the
/// first before the second.
public struct Proximity: Sendable, Hashable {
  public enum Span: Sendable, Hashable {
    case syllables(Int)
    case sentence, paragraph
  }

  public var span: Span
  public var ordered: Bool

  public init(span: Span = .syllables(Proximity.defaultSyllables), ordered: Bool = false) {
    self.span = span
    self.ordered = ordered
  }

  /// The distance `near` allows when none is given.
  public static let defaultSyllables = 10
  /// The widest distance in syllables (wider spans are `sentence` and `paragraph`).
  public static let maximumSyllables = 1000
}
