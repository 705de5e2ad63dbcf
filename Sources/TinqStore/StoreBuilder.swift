import Dispatch
import Synchronization
import TinqFacts
import TinqSupport
import TinqText

/// `StoreBuilder` builds an `ArticleStore` while a corpus is still loading: the loader hands it
/// the articles after each batch, and each complete segment's titles and bodies go to a
/// background indexer that runs beside the loader's extraction on the same cores. The bodies
/// leave the articles as they go, so the bodies of a whole corpus are never held as strings at
/// once.
public struct StoreBuilder: Sendable {
  let text: FullTextIndex.Builder
  let background: BackgroundIndexer
  /// The number of articles in a segment of the full-text index (the unit a build can keep).
  package static let segmentSize = FullTextIndex.segmentSize

  /// The segments handed to the background indexer (or kept from an earlier store).
  var queued = 0
  /// The segments kept from an earlier store, by number.
  var kept: [Int: FullTextIndex.Builder.Part] = [:]

  /// `init()` starts an empty build.
  public init() {
    text = FullTextIndex.Builder()
    background = BackgroundIndexer(text)
  }

  /// `init(keeping:of:)` starts a build whose first `segments` segments are those of `store`,
  /// taken as they are (read in place when the store was opened from a snapshot): the articles
  /// given to `build` must begin with the same articles, whose titles and bodies are then not
  /// read. The lexicon and piece table start as the store's, so the kept postings keep their
  /// meaning.
  package init(keeping segments: Int, of store: ArticleStore) {
    text = FullTextIndex.Builder(continuing: store.fullText, pieces: store.bodies.pieces)
    background = BackgroundIndexer(text)
    let n = min(max(0, segments), FullTextIndex.Builder.segments(store.count))
    for s in 0..<n { kept[s] = FullTextIndex.Builder.part(s, index: store.fullText, bodies: store.bodies) }
    queued = n
  }

  /// `indexCompleteSegments(of:)` hands the complete segments of `articles` not indexed yet to
  /// the background indexer, emptying their bodies. Articles already handed over must not change
  /// afterwards, except for their citations.
  public mutating func indexCompleteSegments(of articles: inout [Article]) {
    let complete = articles.count / FullTextIndex.segmentSize
    while queued < complete {
      let s = queued
      background.submit((s, FullTextIndex.Builder.texts(of: &articles, segment: s)))
      queued += 1
    }
  }

  /// `build(_:)` waits for the background indexer, indexes what is left of `articles` and builds
  /// the store; the names, the small indexes and the cited documents are three more jobs beside
  /// the last segments, on the same cores (the longest first).
  public mutating func build(_ articles: inout [Article]) -> ArticleStore {
    let light = articles.map(ArticleFacts.init)
    enum Part: Sendable {
      case segment(Int, FullTextIndex.Builder.Part)
      case documents([CitedDocument])
      case names(ArticleStore.Names)
      case small(SmallIndexes)
    }
    // The segments the background indexer has not started, and those never handed to it, are
    // indexed here beside the entities and the small indexes.
    let notStarted = background.takeWaiting()
    let first = queued
    let jobs =
      notStarted
      + (first..<max(first, FullTextIndex.Builder.segments(articles.count))).map {
        ($0, FullTextIndex.Builder.texts(of: &articles, segment: $0))
      }
    let text = self.text
    var done = Parallel.map(jobs.count + 3) { job -> Part in
      switch job {
      case 0: .names(ArticleStore.buildNames(light))
      case 1: .small(SmallIndexes(light))
      case 2: .documents(ArticleStore.buildDocuments(light))
      default: .segment(jobs[job - 3].segment, text.segment(jobs[job - 3].segment, texts: jobs[job - 3].texts))
      }
    }
    var parts = background.finish().merging(kept) { new, _ in new }
    var documents: [CitedDocument]? = nil
    var names: ArticleStore.Names? = nil
    var small: SmallIndexes? = nil
    for part in done {
      switch part {
      case .segment(let s, let p): parts[s] = p
      case .documents(let d): documents = d
      case .names(let n): names = n
      case .small(let s): small = s
      }
    }
    // The segments pass to `assemble` alone, so that the bodies it encodes again are let go.
    done = []
    var ordered = parts.keys.sorted().compactMap { parts[$0] }
    parts = [:]
    kept = [:]
    return ArticleStore(
      metadata: ArticleTable(articles), text: text.assemble(&ordered, articles: articles.count),
      documents: documents ?? ArticleStore.buildDocuments(light), names: names ?? ArticleStore.buildNames(light),
      indexes: Deferred(value: small ?? SmallIndexes(light)))
  }
}

/// `BackgroundIndexer` indexes segments on a thread of its own while the loader extracts the next
/// articles on every core: the system shares the cores between them, so neither the loader's
/// waits for its slowest worker nor its reading leaves a core idle. A few segments at most wait
/// their turn (with their bodies); beyond that, `submit` waits.
final class BackgroundIndexer: Sendable {
  /// A segment to index: its number and its articles' titles and bodies.
  typealias Job = (segment: Int, texts: [FullTextIndex.Builder.Text])

  private struct State {
    var waiting: [Job] = []
    var done: [Int: FullTextIndex.Builder.Part] = [:]
  }

  private let text: FullTextIndex.Builder
  private let state = Mutex(State())
  private let queue = DispatchQueue(label: "tinq.index")
  private let group = DispatchGroup()
  private let room = DispatchSemaphore(value: 4)

  init(_ text: FullTextIndex.Builder) { self.text = text }

  /// `submit(_:)` queues the indexing of a segment.
  func submit(_ job: Job) {
    room.wait()
    state.withLock { $0.waiting.append(job) }
    queue.async(group: group) {
      // `finish` may have taken the job back; then there is nothing to do.
      guard let job = self.state.withLock({ $0.waiting.isEmpty ? nil : $0.waiting.removeFirst() }) else { return }
      let part = self.text.segment(job.segment, texts: job.texts)
      self.state.withLock { $0.done[job.segment] = part }
      self.room.signal()
    }
  }

  /// `takeWaiting()` takes back the segments not started yet, for the caller to index on every
  /// core; no segment may be submitted afterwards.
  func takeWaiting() -> [Job] {
    let taken = state.withLock { s in
      defer { s.waiting = [] }
      return s.waiting
    }
    // Their room is free again (a semaphore must be back at its start value when it goes).
    for _ in taken { room.signal() }
    return taken
  }

  /// `finish()` waits for the segment in progress and returns the parts done, by segment.
  func finish() -> [Int: FullTextIndex.Builder.Part] {
    group.wait()
    // Handed over, not kept: the build numbers the bodies' pieces again, and the old bytes
    // should go as each segment's new ones are made.
    return state.withLock { s in
      defer { s.done = [:] }
      return s.done
    }
  }
}
