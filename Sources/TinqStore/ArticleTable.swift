import Synchronization
import TinqFacts
import TinqSupport

/// `ArticleTable` is a store's articles in load order, without their bodies; an article's
/// position is its *ordinal*. After a load they are in memory. A store opened from a snapshot
/// reads them from the snapshot's records as queries reach them, a block at a time, and keeps
/// what it has read, so opening decodes none of them.
public struct ArticleTable: RandomAccessCollection, Sendable {
  enum Storage: Sendable {
    case memory([Article])
    case records(SnapshotRecords)
  }

  let storage: Storage
  public let endIndex: Int
  public var startIndex: Int { 0 }

  init(_ articles: [Article]) {
    storage = .memory(articles)
    endIndex = articles.count
  }

  init(records: SnapshotRecords) {
    storage = .records(records)
    endIndex = records.count
  }

  public subscript(ordinal: Int) -> Article {
    switch storage {
    case .memory(let articles): articles[ordinal]
    case .records(let records): records.article(ordinal)
    }
  }

  /// `head(_:)` is what the small indexes read of an article, decoding no more of its record.
  func head(_ ordinal: Int) -> ArticleHead {
    switch storage {
    case .memory(let articles): ArticleHead(articles[ordinal])
    case .records(let records): records.head(ordinal)
    }
  }

  /// How many blocks of records have been decoded, of all (one of one in memory).
  package var decodedBlocks: (decoded: Int, of: Int) {
    switch storage {
    case .memory: (1, 1)
    case .records(let records): records.decodedBlocks
    }
  }
}

/// `ArticleHead` is the first fields of an article's record: what the small indexes (id, year,
/// date order, source, author) are built from.
struct ArticleHead: Sendable {
  var id: String
  var date: PartialDate?
  var source: String?
  var author: String?

  init(id: String, date: PartialDate?, source: String?, author: String?) {
    self.id = id
    self.date = date
    self.source = source
    self.author = author
  }

  init(_ a: Article) { self.init(id: a.id, date: a.date, source: a.source, author: a.author) }
}
