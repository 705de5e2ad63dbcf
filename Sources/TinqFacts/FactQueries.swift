import TinqText

/// `CitationQuery` is what a user typed after `cites`, ready to test documents with; the index
/// and the row-by-row check use this one definition.
public struct CitationQuery: Sendable {
  let pattern: CitationPattern?
  let folded: String

  /// `init(_:)` reads the typed number.
  public init(_ text: String) {
    pattern = CitationPattern.parse(text)
    folded = Fold.matchKey(text, bare: true)
  }

  /// `matches(_:)` tells whether a citation is a document the typed number can mean.
  public func matches(_ c: Citation) -> Bool {
    matches(parsed: CitationPattern.parse(c.number, type: c.type), folded: Fold.matchKey(c.number, bare: true))
  }

  package func matches(parsed: CitationPattern?, folded documentFolded: String) -> Bool {
    if let pattern {
      guard let parsed else { return false }
      return pattern.matches(parsed)
    }
    return documentFolded == folded
  }
}

/// `NameQuery` is what a user typed after `mentions`, folded as names are compared: as typed, and
/// with an organisation's abbreviations written out (`UBND TP.Hà Nội` is also `Ủy ban nhân dân
/// thành phố Hà Nội`, `Bộ GD-ĐT` also `Bộ Giáo dục và Đào tạo`; see `OrganizationFields`).
public struct NameQuery: Sendable {
  package let bare: Bool
  /// The typed name folded as typed (what `=` compares a name with).
  package let key: String
  /// `key`, and the key of the name written out when that differs.
  package let keys: [String]

  /// `init(_:)` folds the typed name: without diacritics when typed without them.
  public init(_ text: String) {
    bare = !Fold.hasDiacritics(text)
    key = Fold.matchKey(text, bare: bare)
    let written = Fold.matchKey(OrganizationFields.written(text, typed: true), bare: bare)
    keys = written == key ? [key] : [key, written]
  }

  /// `matches(_:)` tells whether a name (or abbreviation) is one the typed name reads as.
  public func matches(_ name: String) -> Bool {
    let k = Fold.matchKey(name, bare: bare)
    return keys.contains(k)
  }

  /// `matchesExactly(_:)` tells whether a name is the typed one, folded (what `=` means).
  public func matchesExactly(_ name: String) -> Bool { Fold.matchKey(name, bare: bare) == key }

  /// `matches(_:)` tells whether the article mentions the person or organisation.
  public func mentionedIn(_ a: Article) -> Bool {
    a.people.contains { matches($0.name) }
      || a.organizations.contains { matches($0.name) || ($0.abbreviation.map(matches) ?? false) }
  }
}
