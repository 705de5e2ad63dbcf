// What an embedding program sees: the facts of an article, the query language's syntax and
// diagnostics, and typed results. Loading, extraction rules and the store stay inside.
@_exported import TinqEngine
@_exported import TinqFacts
@_exported import TinqSyntax
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
  public let store: ArticleStore
  /// The paths the corpus was loaded from (empty for one built in memory).
  public let paths: [String]
  /// Files and lines that were skipped while loading, with the reason.
  public let warnings: [LoadWarning]

  /// `init(articles:)` builds a corpus from articles made in memory, without touching the file
  /// system. An article that carries no facts of its own (no citations, people or organisations)
  /// is extracted from its text as a file would be, its given title, date, source, author and URL
  /// winning; one that carries facts is taken as it is. Short citations and names are then
  /// resolved across these articles as they are on load.
  public init(articles: [Article]) {
    var resolved = articles.map(ArticleExtractor.completing)
    CorpusEvidence.resolve(&resolved)
    self.init(store: ArticleStore(articles: resolved), paths: [], warnings: [])
  }

  /// `init(texts:)` builds a corpus from raw article texts, each extracted exactly as a `.txt`
  /// file of that name would be: headline, dateline, byline, citations, people, organisations.
  public init(texts: [(id: String, text: String)]) {
    self.init(articles: texts.map { ArticleExtractor.extract(text: $0.text, id: $0.id, origin: nil) })
  }

  init(store: ArticleStore, paths: [String], warnings: [LoadWarning]) {
    self.store = store
    self.paths = paths
    self.warnings = warnings
  }

  /// `load(paths:)` loads directories (recursively: `.txt` articles and `.jsonl` files), single
  /// `.txt` or `.jsonl` files, or several of them together. It throws only when a path does not
  /// exist; bad files and JSON lines are skipped and listed in `warnings`.
  public static func load(paths: [String]) throws(CorpusError) -> Corpus {
    // The store is built as the corpus loads: each complete segment of articles is indexed and
    // its bodies encoded (and freed) as soon as a batch brings it in.
    var builder = StoreBuilder()
    var loaded: LoadedArticles
    do {
      loaded = try CorpusLoader.load(paths: paths) { builder.indexCompleteSegments(of: &$0) }
    } catch {
      throw CorpusError(path: error.path, description: error.description)
    }
    var articles = loaded.articles
    loaded.articles = []
    let store = builder.build(&articles)
    Memory.releaseFree()
    return Corpus(store: store, paths: paths, warnings: loaded.warnings)
  }

  /// `bundledSeeds()` loads the five seed articles bundled with Tinq, its default corpus.
  public static func bundledSeeds() throws(CorpusError) -> Corpus {
    guard let dir = SeedCorpus.directory() else {
      throw CorpusError(path: nil, description: "the bundled seed corpus was not found; pass --corpus PATH")
    }
    return try load(paths: [dir.path])
  }

  /// `adding(paths:)` returns this corpus with more paths loaded into it (the REPL's `.load`).
  public func adding(paths more: [String]) throws(CorpusError) -> Corpus {
    // A corpus loaded from paths is loaded again with the new ones, so short citations resolve
    // across all of them.
    guard paths.isEmpty, store.count > 0 else { return try Corpus.load(paths: paths + more) }
    // A corpus built in memory has no paths to reload: append the new articles to its own.
    let extra: LoadedArticles
    do {
      extra = try CorpusLoader.load(paths: more)
    } catch {
      throw CorpusError(path: error.path, description: error.description)
    }
    var articles = store.articles + extra.articles
    CorpusEvidence.resolve(&articles)
    return Corpus(store: ArticleStore(taking: &articles), paths: more, warnings: extra.warnings)
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
    return CompletionVocabulary(ids: store.metadata.map(\.id), citationNumbers: numbers, names: names)
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

/// `QueryError` is a statement that failed: a positioned diagnostic, or an interruption.
public struct QueryError: Error, Sendable, CustomStringConvertible {
  /// The diagnostic (message, range into the source, notes).
  public var diagnostic: Diagnostic
  /// The file name shown in messages (`<query>` when none).
  public var file: String
  /// The 1-based line of the error.
  public var line: Int
  /// The 1-based column of the error, counting characters as a person sees them.
  public var column: Int
  /// `FILE:LINE:COL: error: message`, the source line, a caret under the range, then the notes.
  public var rendered: String
  /// True when the statement was interrupted rather than wrong.
  public var isCancelled: Bool

  /// The message alone.
  public var message: String { diagnostic.message }

  /// The rendered text.
  public var description: String { rendered }

  /// `init(_:source:file:)` positions a diagnostic in its source.
  public init(_ diagnostic: Diagnostic, source: String, file: String) {
    self.init(diagnostic, text: SourceText(source), file: file)
  }

  /// `init(_:text:file:)` positions a diagnostic in a source whose line table is already built,
  /// so a script with many errors is not rescanned for each one.
  public init(_ diagnostic: Diagnostic, text: SourceText, file: String) {
    self.diagnostic = diagnostic
    self.file = file
    let location = text.location(of: diagnostic.range.start)
    line = location.line
    column = location.column
    rendered = text.render(diagnostic, file: file)
    isCancelled = false
  }

  static func cancelled(file: String) -> QueryError {
    var e = QueryError(Diagnostic("interrupted", at: .none), source: "", file: file)
    e.isCancelled = true
    e.rendered = "interrupted"
    return e
  }
}

/// `StatementOutcome` is what one statement of a script produced.
public struct StatementOutcome: Sendable {
  /// Where the statement stands in the source.
  public var range: SourceRange
  /// Its result, or its error.
  public var result: Result<QueryResult, QueryError>
  /// Remarks on a successful statement, e.g. that a `cites` number names no document in the corpus.
  public var notes: [String] = []
}

/// `Session` is a corpus plus the names bound by `let`: what a REPL or a script runs in.
public struct Session: Sendable {
  /// The corpus statements run against.
  public var corpus: Corpus
  /// Names bound by `let`, usable wherever a literal is.
  public private(set) var bindings: [String: Literal.Value] = [:]

  /// `init(corpus:)` starts a session with no bindings.
  public init(corpus: Corpus) { self.corpus = corpus }

  /// `run(_:file:keepGoing:cancellation:)` runs every statement of `source` in order. It stops
  /// after the first error unless `keepGoing`.
  public mutating func run(
    _ source: String, file: String = "<query>", keepGoing: Bool = false, cancellation: Cancellation? = nil
  ) -> [StatementOutcome] {
    var outcomes: [StatementOutcome] = []
    let evaluator = Evaluator(store: corpus.store)
    let text = SourceText(source)
    for item in Parser.parseScript(source) {
      if cancellation?.isCancelled == true {
        outcomes.append(StatementOutcome(range: item.range, result: .failure(.cancelled(file: file))))
        break
      }
      let result: Result<QueryResult, QueryError>
      var notes: [String] = []
      switch item.result {
      case .failure(let d):
        result = .failure(QueryError(d, text: text, file: file))
      case .success(let statement):
        do {
          let checked = try Checker.check(statement, bindings: bindings)
          let value = try evaluator.run(checked, cancellation: cancellation)
          notes = evaluator.notes(for: checked)
          if case .letBinding(let l) = checked { bindings[l.name] = l.value.value }
          result = .success(value)
        } catch let d as Diagnostic {
          result = .failure(QueryError(d, text: text, file: file))
        } catch EvaluationFailure.diagnostic(let d) {
          result = .failure(QueryError(d, text: text, file: file))
        } catch {
          result = .failure(.cancelled(file: file))
        }
      }
      outcomes.append(StatementOutcome(range: item.range, result: result, notes: notes))
      if case .failure = result, !keepGoing { break }
    }
    return outcomes
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
    var bindings: [String: Literal.Value] = [:]
    var errors: [QueryError] = []
    let text = SourceText(source)
    for item in Parser.parseScript(source) {
      switch item.result {
      case .failure(let d):
        errors.append(QueryError(d, text: text, file: file))
      case .success(let statement):
        do {
          let checked = try Checker.check(statement, bindings: bindings)
          if case .letBinding(let l) = checked { bindings[l.name] = l.value.value }
        } catch {
          errors.append(QueryError(error, text: text, file: file))
        }
      }
    }
    return errors
  }

  /// `parse(_:)` parses and checks one statement, returning its checked syntax tree.
  public static func parse(_ text: String, file: String = "<query>") throws(QueryError) -> Statement {
    do {
      return try Checker.check(try Parser.parseStatement(text), bindings: [:])
    } catch {
      throw QueryError(error, source: text, file: file)
    }
  }
}
