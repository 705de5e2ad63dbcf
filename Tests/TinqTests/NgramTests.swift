import Testing
import Tinq
import TinqText

/// `ngrams` against a plain reference: syllables cut where the text's scalars stop being word
/// scalars, runs joined by spaces or a lone hyphen, spellings merged by toned key.
@Suite struct NgramTests {
  static let corpus = Corpus(articles: [
    Article(id: "a", body: "Công an tỉnh phối hợp phòng chống ma túy. Công an tỉnh bắt giữ đối tượng."),
    Article(id: "b", body: "Lực lượng công an phối hợp, ngăn chặn ma tuý; hoà bình và HÒA BÌNH được giữ."),
    Article(id: "c", body: "Bà Rịa-Vũng Tàu: công an tỉnh phối hợp với bộ đội biên phòng.\n\nMa túy - hiểm họa."),
    Article(id: "d", body: "Không có gì."),
  ])

  /// The plain count: every run of `size` syllables of `bodies`, by toned key, with its articles
  /// and each key's first spelling.
  static func tally(_ size: Int, in bodies: [Article]) -> (
    count: [[String]: Int], articles: [[String]: Set<String>], spelling: [String: String]
  ) {
    var spelling: [String: String] = [:]
    var count: [[String]: Int] = [:]
    var articles: [[String]: Set<String>] = [:]
    for article in bodies {
      // (syllable, separator after it)
      var pieces: [(String, String)] = []
      var word = ""
      var gap = ""
      for scalar in article.body.unicodeScalars {
        if Fold.isWordScalar(scalar) {
          if !gap.isEmpty {
            pieces.append((word, gap))
            word = ""
            gap = ""
          }
          word.unicodeScalars.append(scalar)
        } else {
          gap.unicodeScalars.append(scalar)
        }
      }
      if !word.isEmpty || !gap.isEmpty { pieces.append((word, gap)) }
      var run: [String] = []
      for (w, sep) in pieces {
        guard !w.isEmpty else {
          run = []
          continue
        }
        let key = Fold.tonedKey(w.unicodeScalars)
        if spelling[key] == nil { spelling[key] = w.lowercased() }
        run.append(key)
        if run.count >= size {
          let gram = Array(run.suffix(size))
          count[gram, default: 0] += 1
          articles[gram, default: []].insert(article.id)
        }
        if !(sep == "-" || (!sep.isEmpty && sep.allSatisfy { $0 == " " })) { run = [] }
      }
    }
    return (count, articles, spelling)
  }

  /// The reference: every run of `size` syllables, by toned key, counted and with its articles.
  static func reference(_ size: Int) -> [(text: String, count: Int, articles: Int)] {
    let (count, articles, spelling) = tally(size, in: corpus.articles)
    return count.map { gram, n in
      (gram.map { spelling[$0] ?? "?" }.joined(separator: " "), n, articles[gram]?.count ?? 0)
    }.sorted { a, b in
      if a.count != b.count { return a.count > b.count }
      if a.articles != b.articles { return a.articles > b.articles }
      return VietnameseCollation.sortKey(a.text).lexicographicallyPrecedes(VietnameseCollation.sortKey(b.text))
    }
  }

  @Test(arguments: [1, 2, 3, 4])
  func ngramsAgreeWithThePlainCount(size: Int) throws {
    let expected = Self.reference(size)
    #expect(!expected.isEmpty)
    for (limit, offset) in [(1_000, 0), (3, 0), (2, 2), (0, 0)] {
      guard case .rows(let rows) = try Self.corpus.query("ngrams \(size) limit \(limit) offset \(offset)") else {
        Issue.record("expected rows")
        return
      }
      let got = rows.rows.map { row -> String in row.map { "\($0)" }.joined(separator: "|") }
      let start = min(offset, expected.count)
      let want = expected[start..<min(expected.count, start + limit)].map { "\(Value.text($0.text))|\(Value.integer($0.count))|\(Value.integer($0.articles))" }
      #expect(got == want, "ngrams \(size) limit \(limit) offset \(offset)")
    }
  }

  @Test func punctuationCasingAndTonePlacement() throws {
    guard case .rows(let rows) = try Self.corpus.query("ngrams 2 limit 100") else {
      Issue.record("expected rows")
      return
    }
    let texts = rows.rows.compactMap { row -> String? in if case .text(let t)? = row.first { return t } else { return nil } }
    // `hoà bình` and `HÒA BÌNH` are one bigram; a comma, a colon and a full stop break runs; a
    // hyphen alone joins (`rịa vũng`), a spaced dash does not.
    #expect(texts.contains("hoà bình"))
    #expect(!texts.contains("hòa bình"))
    #expect(texts.contains("rịa vũng"))
    #expect(!texts.contains("hợp ngăn"))
    #expect(!texts.contains("tàu công"))
    #expect(!texts.contains("túy công"))
    #expect(!texts.contains("túy hiểm"))
  }
}
