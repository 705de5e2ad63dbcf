// `tinq-bench stories`: how well the story clustering (issue #14 §4) finds near-copies, as
// pairwise precision and recall on synthetic copies with a known original and on hand-labelled
// pairs of real articles, and how long it takes.

import ArgumentParser
import Foundation
import Tinq
import TinqStore

/// `PairScore` counts a clustering's pairs against the truth.
struct PairScore {
  var truePositives = 0
  var falsePositives = 0
  var falseNegatives = 0
  var trueNegatives = 0

  var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
  var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }

  mutating func add(predicted: Bool, actual: Bool) {
    switch (predicted, actual) {
    case (true, true): truePositives += 1
    case (true, false): falsePositives += 1
    case (false, true): falseNegatives += 1
    case (false, false): trueNegatives += 1
    }
  }

  var line: String {
    String(
      format: "precision %.3f  recall %.3f  (tp %d, fp %d, fn %d, tn %d)", precision, recall, truePositives, falsePositives,
      falseNegatives, trueNegatives)
  }
}

/// `StoriesBench` measures the story clustering.
struct StoriesBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stories",
    abstract: "Precision and recall of the story clustering on synthetic copies and hand-labelled pairs; its time.",
    discussion: """
      Synthetic: N generated articles, some with copies (republished, edited, truncated,
      re-headlined); every pair of articles in one cluster is a predicted pair, every pair of a
      copy and its original (or two copies of one) a true pair.
      Hand-labelled: bench/annotations/story-pairs.tsv over the corpora given with --corpus;
      dev and test reported apart, with a sweep of thresholds on dev.
        swift run -c release tinq-bench stories --corpus ../shared/corpora --timing bench/out/perf-100k.jsonl
      """)

  @Option(help: "Synthetic originals.") var articles: Int = 3000
  @Option(help: "The seed of the synthetic corpus.") var seed: UInt64 = 7
  @Option(help: "The fraction of originals that get copies.") var copyRate: Double = 0.3
  @Option(help: "The hand-labelled pairs.") var pairs: String = "bench/annotations/story-pairs.tsv"
  @Option(help: "Corpora holding the labelled articles (files or folders); none skips the labelled pairs.")
  var corpus: [String] = []
  @Option(help: "A corpus to time the clustering on, beside its load.") var timing: String?
  @Flag(help: "Print the dev pairs the clustering gets wrong (never the test pairs).") var errors = false

  func run() throws {
    try synthetic()
    if !corpus.isEmpty { try labelled() }
    if let timing { try time(timing) }
  }

  func synthetic() throws {
    let generator = ArticleGenerator(seed: seed)
    let maker = CopyMaker(seed: seed, rate: copyRate)
    var out: [UInt8] = []
    var family: [String: Int] = [:]
    var copyOf: [String: (original: String, kinds: [CopyKind])] = [:]
    var kindsSeen: [CopyKind: Int] = [:]
    var copies = 0
    for i in 0..<articles {
      let original = generator.article(i)
      appendJSONLine(original, to: &out)
      family[original.id] = i
      for copy in maker.copies(of: original, index: i) {
        appendJSONLine(copy.article, to: &out)
        family[copy.article.id] = i
        copyOf[copy.article.id] = (original.id, copy.kinds)
        copies += 1
        for k in copy.kinds { kindsSeen[k, default: 0] += 1 }
      }
    }
    let path = NSTemporaryDirectory() + "tinq-stories-\(ProcessInfo.processInfo.processIdentifier).jsonl"
    try Data(out).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let loaded = try Corpus.load(paths: [path])
    let store = loaded.store
    let clock = ContinuousClock()
    let start = clock.now
    let sketches = store.storySketches()
    let stories = sketches.stories(threshold: StoryClustering.threshold)
    let seconds = (clock.now - start).seconds
    // Pairs: within true families, and within predicted clusters.
    let ids = store.metadata.map(\.id)
    var score = PairScore()
    var truePairs = 0
    var byFamily: [Int: [Int]] = [:]
    for (o, id) in ids.enumerated() { byFamily[family[id] ?? -1 - o, default: []].append(o) }
    for members in byFamily.values where members.count > 1 {
      for a in members.indices {
        for b in (a + 1)..<members.count {
          truePairs += 1
          score.add(predicted: stories.storyOf[members[a]] == stories.storyOf[members[b]], actual: true)
        }
      }
    }
    for story in stories.all where story.members.count > 1 {
      for a in story.members.indices {
        for b in (a + 1)..<story.members.count where family[ids[story.members[a]]] != family[ids[story.members[b]]] {
          score.falsePositives += 1
        }
      }
    }
    print("## Synthetic copies")
    print(
      "\(articles) originals, \(copies) copies (" + CopyKind.allCases.map { "\($0.rawValue) \(kindsSeen[$0] ?? 0)" }.joined(separator: ", ")
        + "), \(truePairs) true pairs; threshold \(StoryClustering.threshold)")
    print("pairs: " + score.line)
    // The estimated similarity of each copy to its original, by what was done to it.
    var ordinalOf: [String: Int] = [:]
    for (o, id) in ids.enumerated() { ordinalOf[id] = o }
    var byKinds: [String: [Double]] = [:]
    for (id, c) in copyOf {
      guard let a = ordinalOf[id], let b = ordinalOf[c.original] else { continue }
      let key = c.kinds.map(\.rawValue).joined(separator: "+")
      byKinds[key, default: []].append(sketches.similarity(a, b) ?? -1)
    }
    print("estimated similarity of a copy to its original (p10 / median; -1: too short to sketch):")
    for (key, values) in byKinds.sorted(by: { $0.key < $1.key }) {
      let v = values.sorted()
      print(String(format: "  %-40@ %4d copies  %.2f / %.2f", key as NSString, v.count, v[v.count / 10], v[v.count / 2]))
    }
    print(String(format: "clustering: %.3f s for %d articles", seconds, store.count))
  }

  struct LabelledPair {
    var a: String
    var b: String
    var same: Bool
    var split: String
  }

  func labelled() throws {
    let text = try String(contentsOfFile: pairs, encoding: .utf8)
    let rows: [LabelledPair] = text.split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard f.count >= 4 else { return nil }
      return LabelledPair(a: f[0], b: f[1], same: f[2] == "yes", split: f[3])
    }
    let loaded = try Corpus.load(paths: corpus)
    let store = loaded.store
    var ordinal: [String: Int] = [:]
    for (o, a) in store.metadata.enumerated() { ordinal[a.id] = o }
    let sketches = store.storySketches()
    print("\n## Hand-labelled pairs (\(pairs), \(rows.count) pairs)")
    var missing = 0
    func score(_ stories: Stories, split: String) -> PairScore {
      var s = PairScore()
      for p in rows where p.split == split {
        guard let a = ordinal[p.a], let b = ordinal[p.b] else { continue }
        s.add(predicted: stories.storyOf[a] == stories.storyOf[b], actual: p.same)
      }
      return s
    }
    for p in rows where ordinal[p.a] == nil || ordinal[p.b] == nil { missing += 1 }
    if missing > 0 { print("\(missing) pairs name articles not in the corpus; left out") }
    print("threshold sweep on dev:")
    for t in stride(from: 0.2, through: 0.8, by: 0.05) {
      let stories = sketches.stories(threshold: t)
      print(String(format: "  %.2f  ", t) + score(stories, split: "dev").line)
    }
    let chosen = store.stories
    print("at the threshold \(StoryClustering.threshold):")
    print("  dev   " + score(chosen, split: "dev").line)
    print("  test  " + score(chosen, split: "test").line)
    if errors {
      print("dev pairs wrong (estimated similarity, containment, shared shingles, outlets, story size):")
      for p in rows where p.split == "dev" {
        guard let a = ordinal[p.a], let b = ordinal[p.b] else { continue }
        let joined = chosen.storyOf[a] == chosen.storyOf[b]
        guard joined != p.same else { continue }
        let o = sketches.overlap(a, b)
        print(
          String(
            format: "  %@ %@ %@  J %.2f  C %.2f  shared %.0f  %@  story of %d", (p.same ? "missed" : "joined") as NSString, p.a as NSString,
            p.b as NSString, sketches.similarity(a, b) ?? -1, o?.containment ?? -1, o?.shared ?? -1,
            (sketches.sameOutlet(a, b) ? "one outlet" : "two outlets") as NSString, chosen.story(of: a).copies))
      }
    }
    let multi = chosen.all.filter { $0.copies > 1 }
    print(
      "stories: \(chosen.all.count) for \(store.count) articles; \(multi.count) with copies, holding \(multi.reduce(0) { $0 + $1.copies }) articles"
    )
  }

  func time(_ path: String) throws {
    let clock = ContinuousClock()
    let start = clock.now
    let loaded = try Corpus.load(paths: [path])
    let load = (clock.now - start).seconds
    let clusterStart = clock.now
    let sketches = loaded.store.storySketches()
    let sketching = (clock.now - clusterStart).seconds
    let stories = sketches.stories(threshold: StoryClustering.threshold)
    let cluster = (clock.now - clusterStart).seconds
    print("\n## Timing (\(path))")
    print(
      String(
        format: "load %.2f s; stories on first use %.2f s (%.0f%% of the load; sketches %.2f s, LSH and union-find %.2f s); %d stories for %d articles",
        load, cluster, 100 * cluster / load, sketching, cluster - sketching, stories.all.count, loaded.store.count))
  }
}
