#if PostgreSQL
import Foundation
import NIOCore
import PostgresNIO
import Tinq
import TinqFacts
import TinqStore
import TinqText

/// `PostgresLoader` writes a loaded corpus (Tinq's own ingestion and extraction) into a database:
/// the schema if missing, then every table by `COPY`, in one transaction. Articles whose id is
/// loaded again, or that came from a file loaded again, are replaced, so loading the same sources
/// twice leaves the same rows.
public enum PostgresLoader {
  /// What a load did.
  public struct Summary: Sendable, Equatable {
    public var articles: Int
    /// Rows of the database's earlier loads that this load replaced.
    public var replaced: Int
    public var seconds: Double
  }

  /// How far a load has gone, for a progress line.
  public struct Progress: Sendable {
    public var written: Int
    public var total: Int
  }

  /// `load(_:into:progress:)` loads the corpus into the database at `address`.
  /// `batch` articles go out per round of `COPY`s (and per progress report).
  public static func load(
    _ corpus: Corpus, into address: PostgresAddress, batch: Int = 2_000, progress: @Sendable (Progress) -> Void = { _ in }
  ) async throws(PostgresFailure) -> Summary {
    let started = Date()
    let session = try await PostgresSession.connect(to: address)
    defer { session.close() }
    do {
      return try await load(corpus, session: session, batch: max(1, batch), progress: progress, started: started)
    } catch let failure as PostgresFailure {
      // The transaction is rolled back: by the server when the connection is gone, else here.
      try? await session.perform("ROLLBACK")
      throw failure
    } catch {
      try? await session.perform("ROLLBACK")
      throw PostgresSession.failure(error, address: address)
    }
  }

  /// `loadWaiting(_:into:batch:progress:)` is `load` for synchronous callers (the command line):
  /// it waits for the load on the calling thread, which must not be a Swift concurrency thread.
  public static func loadWaiting(
    _ corpus: Corpus, into address: PostgresAddress, batch: Int = 2_000, progress: @escaping @Sendable (Progress) -> Void = { _ in }
  ) throws(PostgresFailure) -> Summary {
    try Blocking.run { () async throws(PostgresFailure) -> Summary in
      try await load(corpus, into: address, batch: batch, progress: progress)
    }.get()
  }

  // Swift 6.3.1's optimiser crashes splitting this coroutine (signal 11 in `-c release`); it
  // only sequences the server's statements, so it loses nothing unoptimised.
  @_optimize(none)
  static func load(
    _ corpus: Corpus, session: PostgresSession, batch: Int, progress: @Sendable (Progress) -> Void, started: Date
  ) async throws -> Summary {
    let store = corpus.store
    let c = session.connection
    let logger = PostgresSession.logger
    try await session.perform("BEGIN")
    // One load at a time: a second waits for the first to commit.
    try await session.perform("SET LOCAL client_min_messages = warning")
    for statement in PostgresSchema.statements { try await session.perform(statement) }
    try await session.perform("LOCK TABLE tinq_articles IN EXCLUSIVE MODE")
    let version = try await c.query("SELECT value FROM tinq_meta WHERE key = 'schema'", logger: logger)
    for try await v in version.decode(String.self) where v != PostgresSchema.version {
      throw PostgresFailure(
        "\(session.address) holds Tinq's schema version \(v); this tinq writes version \(PostgresSchema.version): load into another database")
    }
    try await session.perform(
      "INSERT INTO tinq_meta VALUES ('schema', '\(PostgresSchema.version)') ON CONFLICT (key) DO NOTHING")

    // What this load replaces: the same ids, and whatever came from the same files before.
    let metadata = store.metadata
    let ids = metadata.map(\.id)
    let files = Array(Set(metadata.compactMap { ArticleRows.sourceFile($0.origin) }))
    try await c.query("CREATE TEMP TABLE tinq_replaced ON COMMIT DROP AS SELECT id FROM tinq_articles WHERE id = ANY(\(ids)) OR source_file = ANY(\(files))", logger: logger)
    var replaced = 0
    for try await n in try await c.query("SELECT count(*) FROM tinq_replaced", logger: logger).decode(Int.self) { replaced = n }
    for table in PostgresSchema.articleTables {
      try await session.perform("DELETE FROM \(table) WHERE article_id IN (SELECT id FROM tinq_replaced)")
    }
    try await session.perform("DELETE FROM tinq_articles WHERE id IN (SELECT id FROM tinq_replaced)")
    var base = 0
    for try await n in try await c.query("SELECT COALESCE(max(ordinal) + 1, 0)::bigint FROM tinq_articles", logger: logger).decode(Int.self) { base = n }
    // The stories (clusters of near-copies) are made over this load's articles: they are the
    // corpus's only when the database holds no other articles.
    let stories = store.stories
    try await session.perform(
      "INSERT INTO tinq_meta VALUES ('stories', '\(base == 0 ? PostgresSchema.storiesOfCorpus : PostgresSchema.storiesPerLoad)')"
        + " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")

    // The entity dictionaries: documents, people, organisations (first seen wins).
    var documents = CopyText()
    for d in store.documents {
      let cite = d.citation
      documents.text(documentKey(cite))
      documents.text(cite.number)
      documents.text(cite.type)
      documents.text(cite.issuer)
      documents.integer(cite.year)
      documents.bool(cite.isPartial)
      documents.text(Key.matchKey(cite.number, bare: true))
      let pattern = CitationPattern.parse(cite.number, type: cite.type)
      documents.integer(pattern?.number)
      documents.integer(pattern?.year)
      documents.text(pattern.flatMap { $0.typeCode ?? $0.codes.first })
      documents.text(pattern.map { $0.codes.map { "/" + $0 + "/" }.joined() })
      documents.endRow()
    }
    var people = CopyText()
    for p in store.people {
      people.text(Key.matchKey(p.name, bare: false))
      people.text(p.name)
      people.text(Key.matchKey(p.name, bare: true))
      people.endRow()
    }
    var organizations = CopyText()
    for o in store.organizations {
      organizations.text(Key.matchKey(o.name, bare: false))
      organizations.text(o.name)
      organizations.text(Key.matchKey(o.name, bare: true))
      organizations.text(o.abbreviation)
      organizations.text(o.abbreviation.map { Key.matchKey($0, bare: false) })
      organizations.text(o.abbreviation.map { Key.matchKey($0, bare: true) })
      organizations.endRow()
    }
    for (table, columns, rows, conflict) in [
      ("tinq_documents", "key, number, type, issuer, year, partial, number_folded, pattern_number, pattern_year, pattern_type, pattern_codes", documents, "DO NOTHING"),
      ("tinq_people", "key, name, name_bare", people, "DO NOTHING"),
      ("tinq_organizations", "key, name, name_bare, abbreviation, abbreviation_toned, abbreviation_bare", organizations,
       "DO UPDATE SET abbreviation = COALESCE(tinq_organizations.abbreviation, EXCLUDED.abbreviation), abbreviation_toned = COALESCE(tinq_organizations.abbreviation_toned, EXCLUDED.abbreviation_toned), abbreviation_bare = COALESCE(tinq_organizations.abbreviation_bare, EXCLUDED.abbreviation_bare)"),
    ] {
      try await session.perform("CREATE TEMP TABLE \(table)_new (LIKE \(table)) ON COMMIT DROP")
      try await copy(rows.bytes, into: "\(table)_new", columns: columns, session: session)
      try await session.perform(
        "INSERT INTO \(table) (\(columns)) SELECT \(columns) FROM \(table)_new ON CONFLICT (key) \(conflict)")
    }

    // The articles and their rows, streamed in batches.
    var start = 0
    // Into an empty database, the text index is built once at the end (a bulk build is many times
    // faster than growing a GIN index row by row); a later load adds to the existing index.
    let bulk = base == 0
    if bulk {
      try await session.perform("DROP INDEX IF EXISTS tinq_terms_gin")
      try await session.perform("SET LOCAL maintenance_work_mem = '256MB'")
    }
    progress(Progress(written: 0, total: store.count))
    while start < store.count {
      let end = min(store.count, start + batch)
      var rows = ArticleRows()
      for i in start..<end {
        rows.add(
          store.article(i), ordinal: base + i, syllables: store.fullText.documentSyllables(of: i),
          story: stories.story(of: i).id, documentKey: documentKey)
      }
      try await copy(rows.articles.bytes, into: "tinq_articles", columns: nil, session: session)
      try await copy(rows.terms.bytes, into: "tinq_terms", columns: nil, session: session)
      try await copy(rows.citations.bytes, into: "tinq_citations", columns: nil, session: session)
      try await copy(rows.people.bytes, into: "tinq_article_people", columns: nil, session: session)
      try await copy(rows.organizations.bytes, into: "tinq_article_organizations", columns: nil, session: session)
      start = end
      progress(Progress(written: end, total: store.count))
    }
    if bulk { try await session.perform("CREATE INDEX tinq_terms_gin ON tinq_terms USING gin (terms)") }
    try await session.perform(
      "INSERT INTO tinq_meta VALUES ('loaded', now()::text) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")
    try await session.perform("COMMIT")
    try? await session.perform("ANALYZE")
    return Summary(articles: store.count, replaced: replaced, seconds: Date().timeIntervalSince(started))
  }

  /// The key the store gives a cited document: its number, or for a short reference its type too.
  static func documentKey(_ c: Citation) -> String {
    (c.isPartial ? "~" + (c.type ?? "") + " " : "") + c.number
  }

  static func copy(_ bytes: [UInt8], into table: String, columns: String?, session: PostgresSession) async throws {
    guard !bytes.isEmpty else { return }
    try session.checkOpen()
    let names = columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
    try await session.connection.copyFrom(table: table, columns: names, logger: PostgresSession.logger) { writer in
      var offset = 0
      let piece = 1 << 20
      while offset < bytes.count {
        let end = min(bytes.count, offset + piece)
        try await writer.write(ByteBuffer(bytes: bytes[offset..<end]))
        offset = end
      }
    }
  }
}

/// `Blocking` runs async work from synchronous code (the command line's main thread) and waits
/// for its result. Never call it from a Swift concurrency thread.
enum Blocking {
  final class Box<T>: @unchecked Sendable {
    var value: T?
  }

  static func run<T: Sendable, E: Error>(_ work: @escaping @Sendable () async throws(E) -> T) -> Result<T, E> {
    let box = Box<Result<T, E>>()
    let done = DispatchSemaphore(value: 0)
    Task {
      do throws(E) {
        box.value = .success(try await work())
      } catch {
        box.value = .failure(error)
      }
      done.signal()
    }
    done.wait()
    // The semaphore orders the write before this read.
    guard let result = box.value else { fatalError("Blocking.run: no result") }
    return result
  }
}
#endif
