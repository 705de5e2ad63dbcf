// What an embedding program sees: the facts of an article, the query language's syntax and
// diagnostics, and typed results. Loading, extraction rules and the store stay inside.
@_exported import TinqEngine
@_exported import TinqFacts
@_exported import TinqSyntax
@_exported import struct TinqCorpus.LoadProgress
@_exported import struct TinqCorpus.LoadWarning
@_exported import struct TinqText.Proximity
@_exported import struct TinqText.Phrase
import Foundation
import TinqCorpus
import TinqExtraction
import TinqSeeds
import TinqStore
import TinqSupport
import TinqText

/// `CorpusError` is why a corpus could not be loaded at all (a path that does not exist, or no
/// bundled seeds). Problems with single files are `LoadWarning`s instead, and the rest loads.
public struct CorpusError: Error, Sendable, CustomStringConvertible {
  /// The path concerned, when there is one.
  public var path: String?
  /// What went wrong, for people.
  public var description: String

  /// `init(path:description:)` makes an error.
  public init(path: String?, description: String) {
    self.path = path
    self.description = description
  }
}

/// `CompletionVocabulary` is what the REPL completes inside strings: article ids, citation
/// numbers, and names of people and organisations (with abbreviations).
public struct CompletionVocabulary: Sendable {
  /// Article ids in load order.
  public var ids: [String]
  /// Canonical citation numbers, most cited first.
  public var citationNumbers: [String]
  /// Names of people and organisations, and organisation abbreviations.
  public var names: [String]
}

/// `Corpus` is a loaded, indexed set of articles: the thing queries run against. It is an
/// immutable value, safe to query from many threads at once.
///
/// ```swift
/// let corpus = Corpus(articles: [Article(id: "a", body: "Nghị định số 03/2019/NĐ-CP ...")])
/// let result = try corpus.query("count articles where cites \"03/2019/NĐ-CP\"")
/// ```
public struct Corpus: Sendable {
  /// The store with its indexes.
  package let store: ArticleStore

  /// The backend that answers queries on this corpus: its in-memory store.
  public var backend: MemoryBackend { MemoryBackend(store: store) }
  /// The paths the corpus was loaded from (empty for one built in memory).
  public let paths: [String]
  /// Files and lines that were skipped while loading, with the reason.
  public let warnings: [LoadWarning]

  /// What the corpus was built from, for people: its paths, `the bundled seeds`, or `in memory`.
  public let label: String

  /// When the corpus was opened from a snapshot: the file, what it was built from and how its
  /// sources have changed since.
  public let snapshot: SnapshotInfo?

  /// What `tinq build --update` needs from a snapshot of this corpus: the articles of each file
  /// and the facts before the corpus-wide pass. Nil for a corpus built in memory or added to.
  let updateRecord: UpdateRecord?

  /// `init(articles:)` builds a corpus from articles made in memory, without touching the file
  /// system. A repeated id is renamed `ID~2`, `ID~3`, ... with a warning. An article that
  /// carries no facts of its own (no citations, people or organisations)
  /// is extracted from its text as a file would be, its given title, date, source, author and URL
  /// winning; one that carries facts is taken as it is. Short citations and names are then
  /// resolved across these articles as they are on load.
  public init(articles: [Article]) {
    var resolved = articles.map(ArticleExtractor.completing)
    var ids = UniqueIDs()
    var warnings: [LoadWarning] = []
    for i in resolved.indices {
      if let warning = ids.admit(&resolved[i]) { warnings.append(warning) }
    }
    CorpusEvidence.resolve(&resolved)
    self.init(store: ArticleStore(articles: resolved), paths: [], warnings: warnings)
  }

  /// `init(texts:)` builds a corpus from raw article texts, each extracted exactly as a `.txt`
  /// file of that name would be: headline, dateline, byline, citations, people, organisations.
  public init(texts: [(id: String, text: String)]) {
    self.init(articles: texts.map { ArticleExtractor.extract(text: $0.text, id: $0.id, origin: nil) })
  }

  package init(
    store: ArticleStore, paths: [String], warnings: [LoadWarning], label: String? = nil, snapshot: SnapshotInfo? = nil
  ) {
    self.init(store: store, paths: paths, warnings: warnings, label: label, snapshot: snapshot, updateRecord: nil)
  }

  init(
    store: ArticleStore, paths: [String], warnings: [LoadWarning], label: String?, snapshot: SnapshotInfo?,
    updateRecord: UpdateRecord?
  ) {
    self.store = store
    self.paths = paths
    self.warnings = warnings
    self.label = label ?? (paths.isEmpty ? "in memory" : paths.joined(separator: ", "))
    self.snapshot = snapshot
    self.updateRecord = updateRecord
  }

  /// `load(paths:progress:)` loads directories (recursively: `.txt` articles and `.jsonl` files), single
  /// `.txt` or `.jsonl` files, or several of them together. It throws only when a path does not
  /// exist; bad files and JSON lines are skipped and listed in `warnings`. A single path that is a
  /// snapshot (`tinq build`) is opened instead (`open(_:)`).
  public static func load(
    paths: [String], progress: (LoadProgress) -> Void = { _ in }, stop: () -> Bool = { false }
  ) throws(CorpusError) -> Corpus {
    if let snapshot = paths.first(where: SnapshotFile.isSnapshot(path:)) {
      guard paths.count == 1 else {
        throw CorpusError(
          path: snapshot, description: "\(snapshot) is a snapshot: open it alone, or build a new one from its sources and the other paths")
      }
      return try open(snapshot)
    }
    // Snapshots and scripts share the extension: a script given as a corpus is named as such.
    if paths.count == 1, let only = paths.first, only.lowercased().hasSuffix(".tinq"),
      FileManager.default.fileExists(atPath: only)
    {
      throw CorpusError(
        path: only, description: "\(only) is not a Tinq snapshot (a script of statements? run it with `tinq run \(only)`)")
    }
    // The store is built as the corpus loads: each complete segment of articles is indexed and
    // its bodies encoded (and freed) as soon as a batch brings it in.
    var builder = StoreBuilder()
    var loaded: LoadedArticles
    do {
      loaded = try CorpusLoader.load(paths: paths, progress: progress, stop: stop) {
        builder.indexCompleteSegments(of: &$0)
      }
    } catch {
      throw CorpusError(path: error.path, description: error.description)
    }
    var articles = loaded.articles
    loaded.articles = []
    let store = builder.build(&articles)
    Memory.releaseFree()
    let record = UpdateRecord(perFile: loaded.perFile, asExtracted: Deferred(value: .success(loaded.asExtracted)))
    return Corpus(store: store, paths: paths, warnings: loaded.warnings, label: nil, snapshot: nil, updateRecord: record)
  }

  /// `bundledSeeds()` is the five seed articles compiled into Tinq, its default corpus, each
  /// extracted exactly as its `.txt` file would be.
  public static func bundledSeeds() throws(CorpusError) -> Corpus {
    let files = SeedCorpus.files
    guard !files.isEmpty else {
      throw CorpusError(path: nil, description: "this build has no seed articles; pass --corpus PATH")
    }
    var articles = files.map { file in
      let id = file.name.hasSuffix(".txt") ? String(file.name.dropLast(4)) : file.name
      return ArticleExtractor.extract(text: file.text, id: id, origin: "seeds/" + file.name)
    }
    CorpusEvidence.resolve(&articles)
    return Corpus(store: ArticleStore(articles: articles), paths: [], warnings: [], label: "the bundled seeds")
  }

  /// `adding(paths:)` returns this corpus with more paths loaded into it (the REPL's `.load`).
  /// `stop` is asked between files and batches; when it says yes, the load is abandoned with the
  /// error `interrupted` and this corpus stays as it was.
  public func adding(paths more: [String], stop: () -> Bool = { false }) throws(CorpusError) -> Corpus {
    // A corpus loaded from paths is loaded again with the new ones, so short citations resolve
    // across all of them.
    // (A snapshot's articles are taken as they are: its sources may have changed or gone.)
    guard paths.isEmpty || snapshot != nil, store.count > 0 else { return try Corpus.load(paths: paths + more, stop: stop) }
    // A corpus built in memory has no paths to reload: append the new articles to its own.
    let extra: LoadedArticles
    do {
      extra = try CorpusLoader.load(paths: more, stop: stop)
    } catch {
      throw CorpusError(path: error.path, description: error.description)
    }
    var articles = store.articles + extra.articles
    var ids = UniqueIDs()
    var warnings = self.warnings + extra.warnings
    for i in articles.indices {
      if let warning = ids.admit(&articles[i]) { warnings.append(warning) }
    }
    CorpusEvidence.resolve(&articles)
    // No paths: what it holds cannot be reloaded from files, so a later `.load` appends again.
    return Corpus(
      store: ArticleStore(taking: &articles), paths: [], warnings: warnings,
      label: ([snapshot.map { "snapshot " + $0.path } ?? label] + more).joined(separator: ", "))
  }


  /// The number of articles.
  public var articleCount: Int { store.count }

  /// The articles, in load order, bodies included (every body is decoded: for small corpora;
  /// `store.metadata` has the rest of each article without decoding anything).
  public var articles: [Article] { store.articles }

  /// What the REPL completes inside strings.
  public var completionVocabulary: CompletionVocabulary {
    let numbers = store.documents.filter { !$0.citation.isPartial }
      .sorted { $0.articles.count > $1.articles.count }.map(\.citation.number)
    var names = store.people.map(\.name) + store.organizations.map(\.name)
    names += store.organizations.compactMap(\.abbreviation)
    return CompletionVocabulary(ids: store.ids, citationNumbers: numbers, names: names)
  }

  /// `query(_:cancellation:)` parses, checks and runs one statement.
  public func query(_ text: String, cancellation: Cancellation? = nil) throws(QueryError) -> QueryResult {
    var session = Session(corpus: self)
    let outcomes = session.run(text, cancellation: cancellation)
    guard outcomes.count == 1, let only = outcomes.first else {
      throw QueryError(
        Diagnostic(
          outcomes.isEmpty ? "expected a statement, found end of input" : "expected one statement, found \(outcomes.count)",
          at: SourceRange(0, text.utf8.count)), source: text, file: "<query>")
    }
    return try only.result.get()
  }
}

/// `Session` is a corpus plus the names bound by `let`: what a REPL or a script runs in.
public struct Session: Sendable {
  /// The corpus statements run against.
  public var corpus: Corpus
  private var pipeline = Pipeline()

  /// Names bound by `let`, usable wherever a literal is.
  public var bindings: [String: Literal.Value] { pipeline.bindings }

  /// A database that answers instead of the corpus's in-memory store (`tinq --backend`), with
  /// what to call it; nil for the corpus.
  public private(set) var database: (backend: any Backend, label: String)?

  /// `init(corpus:)` starts a session with no bindings.
  public init(corpus: Corpus) { self.corpus = corpus }

  /// `init(database:label:)` starts a session whose statements a database answers (the
  /// PostgreSQL backend); `corpus` stays empty.
  public init(database: any Backend, label: String) {
    self.corpus = Corpus(articles: [])
    self.database = (database, label)
  }

  /// What answers the session's statements.
  public var backend: any Backend { database?.backend ?? corpus.backend }

  /// `prepareInBackground()` starts building, on a thread of its own, the ranks that ordering
  /// and comparing by title, source or author need and the corpus's syllable counts, so that
  /// the first such query of an interactive session answers at once. Not for a database, nor
  /// for a corpus opened from a snapshot: that reads only what its queries need (the titles'
  /// ranks would decode every article's record, the counts read every body), so these are
  /// built on first use there.
  public func prepareInBackground() {
    guard database == nil, corpus.snapshot == nil else { return }
    let backend = corpus.backend
    Thread.detachNewThread { backend.prepareInBackground() }
  }

  /// The number of articles the session answers from: the corpus's, or what the database counts
  /// (nil when it cannot say, e.g. its connection is gone).
  public var articleCount: Int? {
    guard database != nil else { return corpus.articleCount }
    var pipeline = Pipeline()
    guard case .success(.count(let n))? = pipeline.run("count articles", backend: backend).first?.result else { return nil }
    return n
  }

  /// `run(_:file:firstLine:keepGoing:cancellation:)` runs every statement of `source` in order.
  /// It stops after the first error unless `keepGoing`. `firstLine` is the line of `file` that
  /// `source` starts on.
  public mutating func run(
    _ source: String, file: String = "<query>", firstLine: Int = 1, keepGoing: Bool = false,
    cancellation: Cancellation? = nil
  ) -> [StatementOutcome] {
    pipeline.run(source, file: file, firstLine: firstLine, backend: backend, keepGoing: keepGoing, cancellation: cancellation)
  }

  /// `isIncomplete(_:)` tells whether `source` is a statement still being typed (an open
  /// parenthesis or quote, a trailing `and`, ...): the REPL continues it on the next line.
  public static func isIncomplete(_ source: String) -> Bool { Parser.isIncomplete(source) }
}

/// `Tinq` parses and checks statements without running them, for editors and linters.
public enum Tinq {
  /// `check(_:file:)` parses and checks every statement of `source`, returning the errors found
  /// (empty when the text is valid). Later statements see the `let` bindings of earlier ones.
  public static func check(_ source: String, file: String = "<query>") -> [QueryError] {
    var pipeline = Pipeline()
    return pipeline.check(source, file: file)
  }

  /// `parse(_:)` parses and checks one statement, returning it checked.
  public static func parse(_ text: String, file: String = "<query>") throws(QueryError) -> CheckedStatement {
    do throws(Diagnostic) {
      return try Checker.check(try Parser.parseStatement(text), bindings: [:])
    } catch {
      throw QueryError(error, source: text, file: file)
    }
  }
}
