import TinqFacts
import TinqStore
import TinqSyntax
import TinqText

/// `Semantics` is the one definition of what a comparison means, shared by the planner's row
/// checks, the derived collections and the reference evaluator the tests compare the planner with.
///
/// - Text `=`, `!=`, `in`: equal after folding case and tone placement; a value typed without
///   diacritics matches with or without them. `<`, `>`, `between`: Vietnamese alphabetical order.
/// - `contains`: a phrase on whole syllables, with the same smart diacritics.
/// - Dates compare at the precision both sides know: `date = 2021-06` holds for any day of June
///   2021; when the article's date is less precise than the literal and agrees with it as far as
///   it goes, the answer is unknown, hence false.
/// - Any comparison with an unknown value is false (`!=`, `not in` and `not between` included);
///   `not` is plain negation. Lists (citations, people, ranks, ...) hold when any element does,
///   `!=` and `not in` when none does; an empty list is unknown.
public enum Semantics {
  /// `textEqual(_:_:)` compares a value with what the user typed.
  public static func textEqual(value: String, typed: String) -> Bool {
    Fold.looseMatches(query: typed, value: value)
  }

  /// `textOrder(_:_:)` compares two texts in Vietnamese alphabetical order: -1, 0 or 1.
  public static func textOrder(_ a: String, _ b: String) -> Int {
    let ka = VietnameseCollation.sortKey(a)
    let kb = VietnameseCollation.sortKey(b)
    return ka == kb ? 0 : (ka.lexicographicallyPrecedes(kb) ? -1 : 1)
  }

  /// `date(of:)` is a date constant as a partial date (a year constant, as a year).
  static func date(of constant: Constant) -> PartialDate? {
    switch constant {
    case .date(let d): return d
    case .integer(let y): return PartialDate(year: y)
    default: return nil
    }
  }

  /// `compareDates(_:_:_:)` applies a comparison to an article date and a literal date.
  public static func compareDates(_ a: PartialDate, _ op: ComparisonOperator, _ l: PartialDate) -> Bool {
    let common = min(a.precision, l.precision)
    let at = a.truncated(to: common).ordinal
    let lt = l.truncated(to: common).ordinal
    if at != lt {
      switch op {
      case .equal: return false
      case .notEqual: return true
      case .less, .lessOrEqual: return at < lt
      case .greater, .greaterOrEqual: return at > lt
      }
    }
    guard a.precision >= l.precision else { return false }  // unknown
    switch op {
    case .equal, .lessOrEqual, .greaterOrEqual: return true
    case .notEqual, .less, .greater: return false
    }
  }

  static func order(_ c: Int, _ op: ComparisonOperator) -> Bool {
    switch op {
    case .equal: return c == 0
    case .notEqual: return c != 0
    case .less: return c < 0
    case .lessOrEqual: return c <= 0
    case .greater: return c > 0
    case .greaterOrEqual: return c >= 0
    }
  }

  /// `compare(_:_:_:)` applies `value op literal`; false when either side is unknown or the
  /// types do not meet (the checker rules those out before evaluation).
  public static func compare(_ value: Value, _ op: ComparisonOperator, _ literal: Constant) -> Bool {
    switch value {
    case .null, .decimal:
      return false
    case .text(let s):
      guard case .text(let typed) = literal else { return false }
      switch op {
      case .equal: return textEqual(value: s, typed: typed)
      case .notEqual: return !textEqual(value: s, typed: typed)
      default: return order(textOrder(s, typed), op)
      }
    case .integer(let i):
      guard case .integer(let l) = literal else { return false }
      return order(i < l ? -1 : (i == l ? 0 : 1), op)
    case .date(let d):
      guard let l = date(of: literal) else { return false }
      return compareDates(d, op, l)
    case .list(let items):
      if items.isEmpty { return false }
      if op == .notEqual { return !items.contains { compare($0, .equal, literal) } }
      return items.contains { compare($0, op, literal) }
    case .object(let keys, let values):
      // A record compares by its first field (a person by name).
      guard let first = values.first, !keys.isEmpty else { return false }
      return compare(first, op, literal)
    }
  }

  /// `between(_:_:_:negated:)` is `low <= value <= high`; negated, `value < low or value > high`
  /// (itself a comparison: false for an unknown value, or a date too imprecise to tell).
  public static func between(_ value: Value, _ low: Constant, _ high: Constant, negated: Bool = false) -> Bool {
    if case .list(let items) = value {
      return negated ? !items.isEmpty && !items.contains { between($0, low, high) } : items.contains { between($0, low, high) }
    }
    if negated { return compare(value, .less, low) || compare(value, .greater, high) }
    return compare(value, .greaterOrEqual, low) && compare(value, .lessOrEqual, high)
  }

  /// `isIn(_:_:negated:)` is `value = any of literals`; negated, `value != every literal` (false
  /// for an unknown value).
  public static func isIn(_ value: Value, _ literals: [Constant], negated: Bool = false) -> Bool {
    if negated { return !isNull(value) && literals.allSatisfy { compare(value, .notEqual, $0) } }
    return literals.contains { compare(value, .equal, $0) }
  }

  /// `contains(_:_:)` is a phrase match on whole syllables in a text or any element of a list.
  public static func contains(_ value: Value, _ phrase: Phrase) -> Bool {
    switch value {
    case .text(let s): return phrase.matches(s)
    case .list(let items): return items.contains { contains($0, phrase) }
    case .object(_, let values): return values.first.map { contains($0, phrase) } ?? false
    default: return false
    }
  }

  /// `isNull(_:)` is true for an unknown value or an empty list.
  public static func isNull(_ value: Value) -> Bool {
    switch value {
    case .null: return true
    case .list(let items): return items.isEmpty
    default: return false
    }
  }
}
