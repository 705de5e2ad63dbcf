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

/// `NameQuery` is what a user typed after `mentions`, folded as names are compared.
public struct NameQuery: Sendable {
  package let bare: Bool
  package let key: String

  /// `init(_:)` folds the typed name: without diacritics when typed without them, and with a
  /// field's abbreviation written as words (`Bộ GD-ĐT` is `Bộ Giáo dục và Đào tạo`).
  public init(_ text: String) {
    bare = !Fold.hasDiacritics(text)
    key = Self.key(text, bare: bare)
  }

  /// `key(_:bare:)` is how a typed name and an extracted one are folded to be compared.
  public static func key(_ name: String, bare: Bool) -> String {
    Fold.matchKey(OrganizationFields.expanded(name), bare: bare)
  }

  /// `matches(_:)` tells whether a name (or abbreviation) is the one typed.
  public func matches(_ name: String) -> Bool { Self.key(name, bare: bare) == key }

  /// `matches(_:)` tells whether the article mentions the person or organisation.
  public func mentionedIn(_ a: Article) -> Bool {
    a.people.contains { matches($0.name) }
      || a.organizations.contains { matches($0.name) || ($0.abbreviation.map(matches) ?? false) }
  }
}
