import Testing
import TinqText
import TinqSupport

@testable import TinqCorpus
@testable import TinqExtraction
@testable import TinqFacts
@testable import TinqStore

/// The phrase search over several segments: split across workers or not, it finds exactly the
/// articles a plain scan of the text finds.
@Suite struct PhraseSearchTests {
  static let store = ArticleStore(articles: RandomCorpus.make(count: 3300, seed: 11))

  /// The articles whose title or body holds `phrase`, by matching their text row by row.
  static func scanned(_ phrase: Phrase, scope: TextScope) -> [Int] {
    (0..<store.count).filter { i in
      let article = store.article(i)
      let inTitle = phrase.matches(article.title ?? "")
      switch scope {
      case .title: return inTitle
      case .body: return phrase.matches(article.body)
      case .titleOrBody: return inTitle || phrase.matches(article.body)
      }
    }
  }

  @Test(arguments: [
    ("an ninh", TextScope.titleOrBody), ("ma tuy", .titleOrBody), ("ma túy", .body), ("hoà bình", .titleOrBody),
    ("quốc gia", .title), ("phối hợp lực", .titleOrBody), ("Đảng ủy", .body), ("an", .titleOrBody),
    ("an an an", .titleOrBody), ("ma tuy", .title),
  ])
  func workersAgree(phrase text: String, scope: TextScope) {
    let phrase = Phrase(text)
    let index = Self.store.fullText
    let expected = Self.scanned(phrase, scope: scope)
    #expect(!expected.isEmpty, "the corpus should hold \(text)")
    for workers in [1, 2, 3] {
      let found = index.documents(containing: phrase, scope: scope, within: nil, workers: workers)
      #expect(found.members == expected, "\(text) on \(workers) workers")
    }
    let within = DocSet(universe: Self.store.count, members: stride(from: 0, to: Self.store.count, by: 3))
    let inside = index.documents(containing: phrase, scope: scope, within: within, workers: 2)
    #expect(inside.members == expected.filter { $0 % 3 == 0 })
  }

  /// Windows of two to six syllables cut from random articles' text, with and without their
  /// diacritics: each is found in the article it came from (the pair filter rules out no article
  /// that holds the phrase), and for a sample the whole answer is the scan's.
  @Test func phrasesCutFromTheTextAreFound() {
    var random = SplitMix64(seed: 5)
    let index = Self.store.fullText
    for trial in 0..<300 {
      let ordinal = Int(random.next() % UInt64(Self.store.count))
      let article = Self.store.article(ordinal)
      let syllables = Syllables.split(article.body)
      guard syllables.count >= 6 else { continue }
      let length = 2 + Int(random.next() % 5)
      let start = Int(random.next() % UInt64(syllables.count - length + 1))
      let text = syllables[start..<start + length].joined(separator: " ")
      let plain = syllables[start..<start + length].map { Fold.bareKey($0.unicodeScalars) }.joined(separator: " ")
      for phrase in [Phrase(text), Phrase(plain)] {
        let found = index.documents(containing: phrase, scope: .body, within: nil, workers: 1)
        #expect(found.contains(ordinal), "\(text) is in article \(ordinal)")
        if trial % 30 == 0 {
          #expect(found.members == Self.scanned(phrase, scope: .body), "\(text)")
        }
      }
    }
  }

  /// Every full segment keeps its commonest syllables dense and the rest as doc streams, and
  /// both forms list the same articles as the term's document count says.
  @Test func segmentsHoldBothForms() {
    let index = Self.store.fullText
    #expect(index.segments.count == 4)
    for seg in index.segments {
      var dense = 0
      var sparse = 0
      seg.withStreams { postings in
        for slot in seg.terms.indices {
          if seg.denseStart[slot] == Segment.sparse { sparse += 1 } else { dense += 1 }
          guard var cursor = index.cursors(seg, terms: [.init(bare: seg.terms[slot], variant: nil)])?.first else {
            Issue.record("term \(seg.terms[slot]) has no cursor")
            continue
          }
          var docs = 0
          var last = -1
          while FullTextIndex.advance(&cursor, postings) {
            #expect(cursor.doc > last && cursor.doc < seg.docCount && cursor.posLen > 0)
            last = cursor.doc
            docs += 1
          }
          #expect(docs == Int(seg.termDocs[slot]))
        }
      }
      if seg.docCount == FullTextIndex.segmentSize {
        #expect(dense > 0 && sparse > 0, "segment at \(seg.firstDoc): \(dense) dense, \(sparse) sparse")
      }
      #expect(seg.pairRows.count == PairFilter.words(forDocs: seg.docCount))
    }
  }
}

/// How positions and bodies are coded in a segment: a position code round-trips at every
/// width, a term with many toned forms finds each form alone, and pieces numbered again by
/// frequency decode to the same bodies.
@Suite struct PostingCodingTests {
  @Test(arguments: [
    (UInt64(0), 1), (1, 1), (239, 1), (240, 2), (241, 2), (4079, 2), (4080, 2), (4081, 2), (4080 + 127, 2),
    (4080 + 128, 3), (1 << 20, 4), (UInt64(UInt32.max), 6), (1 << 40, 7), (UInt64.max - 4080, 11),
  ] as [(UInt64, Int)])
  func positionCodesRoundTrip(value: UInt64, bytes: Int) {
    var run = ByteRun()
    defer { run.free() }
    PositionCode.append(value, to: &run)
    PositionCode.append(7, to: &run)
    let written = run.bytes
    guard let p = written.baseAddress else {
      Issue.record("nothing written")
      return
    }
    var i = 0
    #expect(PositionCode.read(p, &i, written.count) == value)
    #expect(i == bytes, "\(value) takes \(i) bytes")
    #expect(PositionCode.read(p, &i, written.count) == 7)
    #expect(i == written.count)
    // Cut anywhere, a code reads without going past its end.
    for cut in 1..<bytes {
      var j = 0
      _ = PositionCode.read(p, &j, cut)
      #expect(j <= cut)
    }
  }

  /// Nine toned forms of one bare syllable (four bits of variant), each found alone, in phrases
  /// and bare, and far apart so that gaps take more than one byte.
  @Test func everyTonedFormIsFoundAlone() {
    let forms = ["ma", "má", "mà", "mả", "mã", "mạ", "Ma", "MÁ", "mÀ"]
    let filler = Array(repeating: "khác", count: 300).joined(separator: " ")
    let articles = forms.enumerated().map { k, form in
      Article(id: "a\(k)", body: "\(filler) \(form) túy \(filler) lần \(form)")
    }
    let store = ArticleStore(articles: articles)
    for (k, form) in forms.enumerated() {
      let folded = form.lowercased()
      let expected = forms.indices.filter { forms[$0].lowercased() == folded }
      let found = store.fullText.documents(containing: Phrase("\(form) túy"), scope: .titleOrBody, within: nil)
      #expect(found.members == expected, "\(form) túy in article \(k)")
      let alone = store.fullText.documents(containing: Phrase("lần \(form)"), scope: .body, within: nil)
      #expect(alone.members == expected, "lần \(form)")
    }
    #expect(store.fullText.documents(containing: Phrase("ma tuy"), scope: .titleOrBody, within: nil).count == forms.count)
  }

  /// A build numbers pieces by frequency: the bodies decode as they were written, and the most
  /// frequent piece takes the first number.
  @Test func piecesNumberedByFrequencyDecodeToTheSameBodies() {
    // Numbers make more than the 128 pieces under which nothing is numbered again.
    let articles = RandomCorpus.make(count: 2100, seed: 5).enumerated().map { i, a in
      Article(id: a.id, body: a.body + " số \(i % 400), mã \(i % 50).")
    }
    #expect(Set(articles.map(\.body)).count > 400)
    let store = ArticleStore(articles: articles)
    for i in stride(from: 0, to: articles.count, by: 7) {
      #expect(store.bodies.body(of: i) == articles[i].body)
    }
    var counts = [Int](repeating: 0, count: store.bodies.pieces.count)
    for i in 0..<articles.count { for id in store.bodies.pieceIDs(of: i) { counts[Int(id)] += 1 } }
    #expect(counts.first == counts.max())
    #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 >= $1 })
  }
}
