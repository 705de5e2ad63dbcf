/// `FieldType` is the type of a field in a collection.
public enum FieldType: String, Sendable, Equatable {
  /// `text`, `integer` and `date` are single values; a date may be partial (a year, a month).
  case text, integer, date
  /// A list of text values (citations, people, ranks, ...).
  case textList = "list of text"
}

/// `FieldSpec` describes one field of a collection.
public struct FieldSpec: Sendable, Equatable {
  /// `name` is the field name, lowercase, as written in queries.
  public var name: String
  /// `type` decides which predicates and literals the checker accepts.
  public var type: FieldType
  /// One line for `.schema` and error messages.
  public var summary: String
  /// `init(_:_:_:)` describes a field.
  public init(_ name: String, _ type: FieldType, _ summary: String) {
    self.name = name
    self.type = type
    self.summary = summary
  }
}

/// `Schema` is the language's one table of collections and their fields: the checker, the
/// planner, completion and `.schema` all read it.
public enum Schema {
  /// `fields(of:)` lists a collection's fields in display order.
  public static func fields(of collection: CollectionKind) -> [FieldSpec] {
    switch collection {
    case .articles:
      return [
        FieldSpec("id", .text, "file name without extension, JSONL id, or file:line"),
        FieldSpec("title", .text, "headline, when the text has one"),
        FieldSpec("date", .date, "publication date, to the precision found"),
        FieldSpec("year", .integer, "year of the date"),
        FieldSpec("source", .text, "outlet marker, e.g. CT, BDK"),
        FieldSpec("author", .text, "byline or signature"),
        FieldSpec("url", .text, "URL, from JSONL metadata"),
        FieldSpec("body", .text, "article text without scraper residue"),
        FieldSpec("citations", .textList, "canonical numbers of cited documents"),
        FieldSpec("people", .textList, "names of people mentioned"),
        FieldSpec("organizations", .textList, "organisations mentioned"),
      ]
    case .citations:
      return [
        FieldSpec("number", .text, "canonical number, e.g. 03/2019/NĐ-CP (or the short form when unresolved)"),
        FieldSpec("type", .text, "document type, e.g. Nghị định"),
        FieldSpec("issuer", .text, "issuer code, e.g. CP, TW"),
        FieldSpec("year", .integer, "year in the number"),
        FieldSpec("partial", .integer, "1 when only a short reference was found, else 0"),
        FieldSpec("articles", .integer, "number of articles citing it"),
      ]
    case .people:
      return [
        FieldSpec("name", .text, "full name"),
        FieldSpec("ranks", .textList, "ranks seen, across articles"),
        FieldSpec("positions", .textList, "positions seen, across articles"),
        FieldSpec("articles", .integer, "number of articles mentioning the person"),
      ]
    case .organizations:
      return [
        FieldSpec("name", .text, "full name"),
        FieldSpec("abbreviation", .text, "common abbreviation, e.g. BCA"),
        FieldSpec("articles", .integer, "number of articles mentioning it"),
      ]
    }
  }

  /// `field(_:in:)` finds a field by (lowercased) name.
  public static func field(_ name: String, in collection: CollectionKind) -> FieldSpec? {
    fields(of: collection).first { $0.name == name }
  }

  /// The predicates that only make sense on articles.
  public static let articlePredicates = ["cites", "mentions", "contains"]
}
