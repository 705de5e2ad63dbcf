#if PostgreSQL
import PostgresNIO
import TinqEngine
import TinqFacts
import TinqStore
import TinqSyntax

/// `DerivedCollections` reads a derived collection (`citations`, `people`, `organizations`) from
/// the per-article tables, grouped and ordered on the server as the store builds it in memory:
/// one entity per document key or folded name, in order of first mention (article ordinal, then
/// place in the article), with the name as first written, ranks and positions in order of first
/// sight, and the articles mentioning it. The in-memory engine then filters, orders, counts and
/// projects those rows, so a statement over a derived collection answers exactly as in memory.
enum DerivedCollections {
  /// `sql(_:)` is the statement that reads one derived collection, one row per entity, on one line.
  static func sql(_ collection: CollectionKind) -> String? {
    lines(collection).map { $0.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: " ") }
  }

  static func lines(_ collection: CollectionKind) -> String? {
    switch collection {
    case .articles, .stories:
      // Stories are clusters of the whole corpus's bodies, which the database does not hold.
      return nil
    case .citations:
      return """
        SELECT d.number, d.type, d.issuer, d.year, d.partial, array_agg(DISTINCT a.ordinal ORDER BY a.ordinal)
        FROM tinq_citations c JOIN tinq_articles a ON a.id = c.article_id JOIN tinq_documents d ON d.key = c.document_key
        GROUP BY d.key ORDER BY min(ARRAY[a.ordinal, c.seq::bigint])
        """
    case .people:
      return """
        SELECT (array_agg(p.name ORDER BY a.ordinal, p.seq))[1],
          array_agg(p.rank ORDER BY a.ordinal, p.seq) FILTER (WHERE p.rank IS NOT NULL),
          array_agg(u.position ORDER BY a.ordinal, p.seq, u.k) FILTER (WHERE u.position IS NOT NULL),
          array_agg(DISTINCT a.ordinal ORDER BY a.ordinal)
        FROM tinq_article_people p JOIN tinq_articles a ON a.id = p.article_id
        LEFT JOIN LATERAL unnest(p.positions) WITH ORDINALITY AS u(position, k) ON true
        GROUP BY p.name_toned ORDER BY min(ARRAY[a.ordinal, p.seq::bigint])
        """
    case .organizations:
      return """
        SELECT (array_agg(o.name ORDER BY a.ordinal, o.seq))[1], e.abbreviation,
          array_agg(DISTINCT a.ordinal ORDER BY a.ordinal)
        FROM tinq_article_organizations o JOIN tinq_articles a ON a.id = o.article_id
        JOIN tinq_organizations e ON e.key = o.organization_key
        GROUP BY e.key ORDER BY min(ARRAY[a.ordinal, o.seq::bigint])
        """
    }
  }

  /// `distinct(_:)` keeps the first of each repeated text, in order.
  static func distinct(_ texts: [String]?) -> [String] {
    var out: [String] = []
    for t in texts ?? [] where !out.contains(t) { out.append(t) }
    return out
  }

  /// `store(_:query:)` is a store of no articles holding one derived collection read from the
  /// database (the other two empty).
  static func store(_ collection: CollectionKind, query: (String, [PostgresData]) throws -> [PostgresRow]) throws
    -> ArticleStore
  {
    guard let sql = sql(collection) else { return ArticleStore(articles: []) }
    var documents: [CitedDocument] = []
    var people: [NamedEntity] = []
    var organizations: [NamedEntity] = []
    for row in try query(sql, []) {
      let cells = row.makeRandomAccess()
      switch collection {
      case .articles, .stories:
        break
      case .citations:
        let citation = Citation(
          type: try cells[1].decode(String?.self), number: try cells[0].decode(String.self),
          issuer: try cells[2].decode(String?.self), year: try cells[3].decode(Int?.self),
          isPartial: try cells[4].decode(Bool.self))
        documents.append(CitedDocument(citation: citation, articles: try cells[5].decode([Int].self)))
      case .people:
        people.append(
          NamedEntity(
            name: try cells[0].decode(String.self), abbreviation: nil, ranks: distinct(try cells[1].decode([String]?.self)),
            positions: distinct(try cells[2].decode([String]?.self)), articles: try cells[3].decode([Int].self)))
      case .organizations:
        organizations.append(
          NamedEntity(
            name: try cells[0].decode(String.self), abbreviation: try cells[1].decode(String?.self), ranks: [],
            positions: [], articles: try cells[2].decode([Int].self)))
      }
    }
    return ArticleStore.entities(documents: documents, people: people, organizations: organizations)
  }
}
#endif
