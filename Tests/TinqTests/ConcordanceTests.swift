#if canImport(Glibc)
  import Glibc
#endif
import Testing
import TinqSupport
import TinqText

@testable import TinqEngine
@testable import TinqFacts
@testable import TinqStore
@testable import TinqSyntax

/// `kwic`: the index's occurrences against a plain scan of the text, the passages around them,
/// sampling, ordering by context, the language, and how each format shows a concordance.
@Suite struct ConcordanceTests {
  static let store = ArticleStore(articles: RandomCorpus.make(count: 1500, seed: 23))
  static let backend = MemoryBackend(store: store)

  /// Every start of `phrase` in `text`'s syllables, by matching them one by one.
  static func scannedStarts(_ phrase: Phrase, in text: String) -> [Int] {
    let syllables = Syllables.split(text)
    let keys = syllables.map { phrase.tonedKeys == nil ? Fold.bareKey($0.unicodeScalars) : Fold.tonedKey($0.unicodeScalars) }
    let wanted = phrase.tonedKeys ?? phrase.bareKeys
    guard keys.count >= wanted.count else { return [] }
    return (0...(keys.count - wanted.count)).filter { i in Array(keys[i..<(i + wanted.count)]) == wanted }
  }

  @Test(arguments: ["an ninh", "ma tuy", "ma túy", "hoà bình", "an", "an an", "NĐ CP", "Bộ Công an"])
  func occurrencesAreTheScannedOnes(text: String) {
    let phrase = Phrase(text)
    var expected: [Occurrence] = []
    for i in 0..<Self.store.count {
      let a = Self.store.article(i)
      let title = Self.scannedStarts(phrase, in: a.title ?? "")
      let titleLength = Syllables.split(a.title ?? "").count
      expected += title.map { Occurrence(article: i, position: $0, length: phrase.bareKeys.count) }
      expected += Self.scannedStarts(phrase, in: a.body).map {
        Occurrence(article: i, position: titleLength + 1 + $0, length: phrase.bareKeys.count)
      }
    }
    #expect(!expected.isEmpty, "the corpus should hold \(text)")
    let found = Self.store.fullText.occurrences(of: phrase)
    #expect(found == expected)
    // Every passage's match is the phrase, with the context asked for around it.
    for p in Self.store.passages(found, context: 3) {
      #expect(Phrase(text).matches(p.match) && Syllables.split(p.match).count == phrase.bareKeys.count, "\(p.match)")
      #expect(p.leftSyllables.count <= 3 && p.rightSyllables.count <= 3)
      let a = Self.store.article(p.article)
      let part = p.part == .title ? a.title ?? "" : a.body
      let scalars = Array(part.unicodeScalars)
      let at = String(String.UnicodeScalarView(scalars[p.offset..<min(scalars.count, p.offset + p.match.unicodeScalars.count)]))
      #expect(at == p.match, "offset \(p.offset) in \(a.id)")
    }
  }

  /// A cancelled statement stops reading contexts part-way (every 256 articles it asks), and the
  /// backend answers `.cancelled`, not a partial concordance.
  @Test func readingContextsStopsWhenAsked() throws {
    let found = Self.store.fullText.occurrences(of: Phrase("an"))
    #expect(Set(found.map(\.article)).count > 600)
    let all = Self.store.contextKeys(found, side: .right, syllables: 4)
    let stopped = Self.store.contextKeys(found, side: .right, syllables: 4, stop: { true })
    #expect(all.filter(\.isEmpty).count < stopped.filter(\.isEmpty).count)
    let cancellation = Cancellation()
    cancellation.cancel()
    let checked = try Checker.check(try Parser.parseStatement("kwic \"an\" sort by right"), bindings: [:])
    #expect(throws: EvaluationFailure.self) { try Self.backend.run(checked, cancellation: cancellation) }
  }

  @Test func withinAndScopeNarrowTheOccurrences() {
    let phrase = Phrase("an ninh")
    let all = Self.store.fullText.occurrences(of: phrase)
    let odd = DocSet(universe: Self.store.count, members: stride(from: 1, to: Self.store.count, by: 2))
    #expect(Self.store.fullText.occurrences(of: phrase, within: odd) == all.filter { $0.article % 2 == 1 })
    // A few articles are looked up one by one, without the pair filter: the same answer.
    let few = DocSet(universe: Self.store.count, members: stride(from: 3, to: Self.store.count, by: 17))
    #expect(few.count <= FullTextIndex.directLookup)
    #expect(Self.store.fullText.occurrences(of: phrase, within: few) == all.filter { few.contains($0.article) })
    #expect(
      Self.store.fullText.occurrences(of: phrase, scope: .body, within: few)
        == all.filter { few.contains($0.article) && $0.position > Self.store.fullText.titleSyllables(of: $0.article) })
    let titles = Self.store.fullText.occurrences(of: phrase, scope: .title)
    #expect(titles == all.filter { $0.position < Self.store.fullText.titleSyllables(of: $0.article) })
  }

  /// Runs one statement on the random corpus.
  static func run(_ text: String) throws -> Concordance {
    let checked = try Checker.check(try Parser.parseStatement(text), bindings: [:])
    guard case .concordance(let c) = try backend.run(checked, cancellation: nil) else {
      Issue.record("not a concordance")
      return Concordance(lines: [], occurrences: 0, articles: 0)
    }
    return c
  }

  @Test func sortingByContextReadsTheNearestSyllablesFirst() throws {
    for key in ["right", "left"] {
      for direction in ["", " desc"] {
        let c = try Self.run("kwic \"an ninh\" context 4 sort by \(key)\(direction)")
        #expect(c.lines.count == c.occurrences && c.occurrences > 100)
        // The shown context, nearest syllable first, each syllable in Vietnamese order: lines are
        // sorted on 8 syllables and show 4, so shown keys may tie but never invert.
        let keys = c.lines.map { line in
          let words = Syllables.split(key == "right" ? line.right : line.left).map(String.init)
          var k: [UInt32] = []
          for word in key == "right" ? words : words.reversed() { k += VietnameseCollation.sortKey(word) + [0] }
          return k
        }
        for i in 1..<keys.count {
          let (a, b) = direction.isEmpty ? (keys[i - 1], keys[i]) : (keys[i], keys[i - 1])
          #expect(!b.lexicographicallyPrecedes(a), "\(key)\(direction) line \(i)")
        }
      }
    }
  }

  /// A cursor stepping over pieces (eight or 32 bytes at a time where it can) lands on the piece
  /// that decoding the body one by one reaches.
  @Test func steppingOverPiecesLandsWhereDecodingDoes() {
    let bodies = Self.store.bodies
    var checked = 0
    for ordinal in stride(from: 0, to: Self.store.count, by: 7) {
      let all = bodies.pieceIDs(of: ordinal)
      for target in [0, 1, 2, 9, 31, 33, 63, 64, 65, 128, 200, all.count - 1, all.count, all.count + 5] where target >= 0 {
        var cursor = bodies.cursor(of: ordinal)
        _ = cursor.next()
        cursor.skip(to: target)
        let expected: UInt32? = target >= 1 && target < all.count ? all[target] : (target == 0 ? all.dropFirst().first : nil)
        #expect(cursor.next() == expected, "article \(ordinal) piece \(target)")
        checked += 1
      }
      var ids: [UInt32] = []
      let first = bodies.readPieces(of: ordinal, from: 70, limit: 90, into: &ids)
      #expect(first == all.first && ids == Array(all.dropFirst(70).prefix(20)))
    }
    #expect(checked > 1000)
  }

  /// The order `contextOrder` gives (piece numbers compared, keys made only where two differ, the
  /// first kept in a heap) is the order of sorting by `contextKeys`, ties in the order given, for
  /// titles and bodies, either side, either direction, any cut, occurrences in order or not.
  @Test(arguments: ["an", "an ninh", "ma túy", "công an", "hoà bình"])
  func contextOrderIsTheSortOfTheContextKeys(text: String) {
    let all = Self.store.fullText.occurrences(of: Phrase(text))
    #expect(all.count > 20, "the corpus should hold \(text)")
    var generator = SplitMix64(seed: 5)
    var shuffled = all
    for i in shuffled.indices.reversed() where i > 0 { shuffled.swapAt(i, Int(generator.next() % UInt64(i + 1))) }
    for found in [all, Array(shuffled.prefix(200))] {
      for side in [ContextSide.right, .left] {
        for n in [1, 3, 8] {
          let keys = Self.store.contextKeys(found, side: side, syllables: n)
          for descending in [false, true] {
            let expected = found.indices.sorted { a, b in
              if keys[a] != keys[b] {
                return descending ? keys[b].lexicographicallyPrecedes(keys[a]) : keys[a].lexicographicallyPrecedes(keys[b])
              }
              return a < b
            }
            for first in [1, 7, 50, found.count, .max] {
              let order = Self.store.contextOrder(found, side: side, syllables: n, descending: descending, first: first)
              #expect(order == Array(expected.prefix(first)), "\(text) \(side) \(n) desc \(descending) first \(first)")
            }
          }
        }
      }
    }
  }

  /// Narrowing by the nearest syllable (`contextCandidates`) keeps every line of the plain sort's
  /// first, so the order read from the candidates alone is the plain sort's, on corpora of several
  /// seeds, for either side and direction, any cut, occurrences in order or shuffled.
  @Test(arguments: [(7, "an"), (7, "an ninh"), (11, "ma túy"), (11, "an"), (13, "an ninh"), (13, "công an")])
  func theNearestSyllableNarrowsWithoutChangingTheOrder(seed: UInt64, text: String) {
    let store = ArticleStore(articles: Self.longBodies(RandomCorpus.make(count: 800, seed: seed), joining: 4))
    let all = store.fullText.occurrences(of: Phrase(text))
    #expect(all.count > 20, "the corpus should hold \(text)")
    var generator = SplitMix64(seed: seed)
    var shuffled = all
    for i in shuffled.indices.reversed() where i > 0 { shuffled.swapAt(i, Int(generator.next() % UInt64(i + 1))) }
    var narrowed = 0
    for found in [all, Array(shuffled.prefix(max(20, all.count / 2)))] {
      for side in [ContextSide.right, .left] {
        for descending in [false, true] {
          let plain = store.exactContextOrder(
            found, side: side, syllables: 8, descending: descending, first: .max, stop: { false })
          for first in [1, 2, 5, found.count / 10, found.count / 8] where first > 0 {
            let what = "seed \(seed) \(text) \(side) desc \(descending) first \(first)"
            guard
              let chosen = store.contextCandidates(
                found, side: side, descending: descending, first: first, minimum: 0, stop: { false })
            else { continue }
            narrowed += 1
            #expect(chosen == chosen.sorted() && Set(chosen).count == chosen.count, "\(what)")
            #expect(Set(plain.prefix(first)).isSubset(of: chosen), "\(what)")
            let order = store.exactContextOrder(
              chosen.map { found[$0] }, side: side, syllables: 8, descending: descending, first: first, stop: { false })
            #expect(order.map { chosen[$0] } == Array(plain.prefix(first)), "\(what)")
            #expect(
              store.contextOrder(found, side: side, syllables: 8, descending: descending, first: first)
                == Array(plain.prefix(first)), "\(what)")
          }
        }
      }
    }
    #expect(narrowed > 0)
  }

  /// `longBodies(_:joining:)` is the articles with the bodies of every `k` joined in the first of
  /// them: bodies of hundreds of pieces, read past many marks; every third opens with a separator
  /// alone (a dash), so its syllables are one piece on.
  static func longBodies(_ articles: [Article], joining k: Int) -> [Article] {
    stride(from: 0, to: articles.count, by: k).map { i in
      var a = articles[i]
      a.body = (i / k % 3 == 0 ? "— " : "") + articles[i..<min(articles.count, i + k)].map(\.body).joined(separator: "\n")
      return a
    }
  }

  /// Reading the nearest syllables through the marks (`nearestTokens`) gives what reading the
  /// contexts does (`contextTokens` of one syllable), in titles and bodies, either side,
  /// occurrences in order or shuffled.
  @Test(arguments: ["an", "an ninh", "ma túy", "ma tuy"])
  func theNearestSyllablesReadThroughTheMarksAreTheContexts(text: String) throws {
    let store = ArticleStore(articles: Self.longBodies(RandomCorpus.make(count: 600, seed: 17), joining: 6))
    let marks = try #require(store.bodies.marks)
    let all = store.fullText.occurrences(of: Phrase(text))
    #expect(all.count > 20, "the corpus should hold \(text)")
    var generator = SplitMix64(seed: 3)
    var shuffled = all
    for i in shuffled.indices.reversed() where i > 0 { shuffled.swapAt(i, Int(generator.next() % UInt64(i + 1))) }
    func words(_ c: ContextTokens) -> [String?] {
      c.tokens.map { t in
        t == ContextTokens.absent ? nil : t < c.pieceCount ? store.bodies.pieces.word(t) : c.words[Int(t - c.pieceCount)]
      }
    }
    for found in [all, shuffled] {
      for side in [ContextSide.right, .left] {
        let plain = store.contextTokens(found, side: side, syllables: 1, stop: { false })
        let marked = store.nearestTokens(found, side: side, marks: marks, stop: { false })
        #expect(marked.tokens.count == found.count)
        #expect(words(marked) == words(plain), "\(text) \(side)")
      }
    }
  }

  /// A body's marks land where stepping from its start does: a cursor with them and one without
  /// read the same piece after skipping anywhere.
  @Test func marksLandWhereSteppingDoes() throws {
    let store = ArticleStore(articles: Self.longBodies(RandomCorpus.make(count: 400, seed: 3), joining: 8))
    let bodies = store.bodies
    let marks = try #require(bodies.marks)
    var jumped = 0
    for ordinal in 0..<store.count {
      let all = bodies.pieceIDs(of: ordinal)
      #expect(marks.of(ordinal).count == max(0, (all.count - 1) / BodyMarks.stride))
      let lead = all.first.map { bodies.pieces.wordLength($0) == 0 } == true ? 1 : 0
      #expect(Int(marks.leads[ordinal]) == lead, "article \(ordinal)")
      if ordinal % 3 == 0 { #expect(lead == 1, "article \(ordinal) opens with a dash") }
      // The body alone, in a column of its own: no marks.
      let plain = Column(Array(bodies.encoded(of: ordinal)))
      for target in [1, 63, 64, 65, 127, 128, 129, 300, all.count - 1, all.count, all.count + 64] where target >= 1 {
        var marked = bodies.cursor(of: ordinal)
        var stepped = PieceCursor(bytes: plain, start: 0, end: plain.count)
        marked.skip(to: target)
        stepped.skip(to: target)
        #expect(marked.index == stepped.index, "article \(ordinal) piece \(target)")
        #expect(marked.next() == stepped.next(), "article \(ordinal) piece \(target)")
        if target >= BodyMarks.stride, target < all.count { jumped += 1 }
      }
    }
    #expect(jumped > 100)
  }

  /// The index tells an empty context (an occurrence opening or closing its title or body) as
  /// reading the text does; when the lines asked for are all such, the order is still the sort.
  @Test(arguments: ["an", "ma túy", "an ninh"])
  func anEmptyContextIsKnownFromTheIndex(text: String) {
    let found = Self.store.fullText.occurrences(of: Phrase(text))
    for side in [ContextSide.right, .left] {
      let keys = Self.store.contextKeys(found, side: side, syllables: 2)
      let edges = found.indices.filter { Self.store.fullText.isAtEdge(found[$0], side: side) }
      #expect(edges == found.indices.filter { keys[$0].isEmpty }, "\(text) \(side)")
      #expect(!edges.isEmpty, "the corpus should hold \(text) at an edge")
      for first in [1, edges.count, edges.count + 1] {
        let order = Self.store.contextOrder(found, side: side, syllables: 2, descending: false, first: first)
        let expected = found.indices.sorted { a, b in
          keys[a] != keys[b] ? keys[a].lexicographicallyPrecedes(keys[b]) : a < b
        }
        #expect(order == Array(expected.prefix(first)), "\(text) \(side) first \(first)")
      }
    }
  }

  @Test func aSampleIsReproducibleAndDrawnFromTheLines() throws {
    let all = try Self.run("kwic \"an ninh\" context 2")
    let a = try Self.run("kwic \"an ninh\" context 2 sample 20 seed 7")
    let b = try Self.run("kwic \"an ninh\" context 2 sample 20 seed 7")
    let c = try Self.run("kwic \"an ninh\" context 2 sample 20 seed 8")
    #expect(a.lines.count == 20 && a == b && a != c)
    #expect(a.occurrences == all.occurrences)
    #expect(Set(a.lines.map { "\($0.id)@\($0.offset)" }).isSubset(of: Set(all.lines.map { "\($0.id)@\($0.offset)" })))
    // A sample larger than the concordance is all of it.
    let whole = try Self.run("kwic \"an ninh\" context 2 sample 1000000")
    #expect(whole == all)
  }

  @Test(arguments: [
    ("kwic \"ma túy\"", "kwic \"ma túy\""),
    ("KWIC cites \"03/2019/NĐ-CP\" where year >= 2021 context 8 sort by right limit 50",
     "kwic cites \"03/2019/NĐ-CP\" where year >= 2021 context 8 sort by right limit 50"),
    ("kwic mentions \"nguyen tan cuong\" order by date desc sample 5 seed 3 offset 2",
     "kwic mentions \"nguyen tan cuong\" sort by date desc sample 5 seed 3 offset 2"),
    ("kwic contains \"an ninh\" sample 5", "kwic \"an ninh\" sample 5"),
    ("count kwic \"an ninh\" where source = \"CT\"", "count kwic \"an ninh\" where source = \"CT\""),
    ("explain kwic \"an\" sort by left", "explain kwic \"an\" sort by left"),
  ])
  func parsesToCanonicalText(source: String, expected: String) throws {
    let statement = try Parser.parseStatement(source)
    #expect(Printer.print(statement) == expected)
    #expect(try Parser.parseStatement(Printer.print(statement)).erasingRanges() == statement.erasingRanges())
  }

  @Test(arguments: [
    ("kwic", "expected a phrase in double quotes, `cites` or `mentions` after `kwic` at end of input"),
    ("kwic year > 2020", "expected a phrase in double quotes, `cites` or `mentions` after `kwic`, found `year`"),
    ("kwic \"an\" sort by middle", "expected `left`, `right`, `date` or `id` after `sort by`, found `middle`"),
    ("kwic \"an\" sort by rigth", "help: did you mean `right`?"),
    ("kwic \"an\" context 500", "a context of 500 syllables is too wide"),
    ("kwic \"an\" limit 3 context 2", "expected `offset` or end of statement, found `context`"),
    ("count kwic \"an\" limit 3", "expected `where` or end of statement, found `limit`"),
    ("kwic \"an\" where frobs = 1", "unknown field `frobs` in articles"),
    ("kwic cites 2021", "`cites` takes text; expected a string, found an integer"),
  ])
  func errorsArePositioned(source: String, message: String) {
    let rendered = syntaxDiagnose(source)
    #expect(rendered.contains(message), "\(rendered)")
  }

  static let sample = Concordance(
    lines: [
      ConcordanceLine(
        id: "a1", date: PartialDate(year: 2021), source: "CT", left: "công tác bảo đảm", match: "an ninh",
        right: "quốc gia, trật tự", part: "body", offset: 40),
      ConcordanceLine(id: "a2", date: nil, source: nil, left: "về", match: "An Ninh", right: "", part: "title", offset: 3),
    ], occurrences: 5, articles: 2)

  @Test func theTableAlignsTheMatches() {
    let text = Renderer(format: .table, width: 200).render(.concordance(Self.sample))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    let columns = lines[2...3].map { line in DisplayWidth.of(String(line[..<(line.range(of: "an ninh") ?? line.range(of: "An Ninh"))!.lowerBound])) }
    #expect(columns[0] == columns[1], "\(text)")
    #expect(lines.last == "(2 of 5 lines, in 2 articles)")
    // On a terminal the match is bold; a narrow one cuts the left context at a syllable.
    let bold = Renderer(format: .table, width: 200, color: true).render(.concordance(Self.sample))
    #expect(bold.contains("\u{1B}[1man ninh\u{1B}[0m"))
    let narrow = Renderer(format: .table, width: 50).render(.concordance(Self.sample))
    #expect(narrow.contains("…bảo đảm  an ninh") || narrow.contains("…đảm  an ninh"), "\(narrow)")
  }

  @Test func everyOtherFormatGivesTheSameFields() {
    let json = Renderer(format: .jsonl).render(.concordance(Self.sample))
    #expect(
      json.split(separator: "\n").first
        == #"{"id":"a1","date":"2021","source":"CT","left":"công tác bảo đảm","match":"an ninh","right":"quốc gia, trật tự","part":"body","offset":40}"#
    )
    let csv = Renderer(format: .csv).render(.concordance(Self.sample))
    #expect(csv.hasPrefix("id,date,source,left,match,right,part,offset\r\na1,2021,CT,công tác bảo đảm,an ninh,\"quốc gia, trật tự\",body,40\r\n"))
    let markdown = Renderer(format: .markdown).render(.concordance(Self.sample))
    #expect(markdown.contains("| a1 | 2021 | CT | công tác bảo đảm | **an ninh** | quốc gia, trật tự | body | 40 |"))
  }
}

/// Snippets: the passage that best shows a `contains` query's phrases, whole matches marked.
@Suite struct SnippetTests {
  static let store = ArticleStore(articles: [
    Article(
      id: "s1", title: "Một tiêu đề không liên quan", date: nil, source: nil, author: nil, url: nil,
      body: """
        Câu mở đầu nói về thời tiết hôm nay. Buổi chiều trời mưa to ở nhiều nơi trong tỉnh và gió mạnh.

        Công an tỉnh đã bắt giữ hai đối tượng vận chuyển ma túy qua biên giới.Sau hàng tháng theo dõi, lực lượng chức năng thu giữ nhiều ma túy tổng hợp. Vụ việc đang được điều tra.
        """,
      citations: [], people: [], organizations: [], provenance: [:], origin: nil),
    Article(
      id: "s2", title: "Ma túy tổng hợp tràn lan", date: nil, source: nil, author: nil, url: nil,
      body: "Bài viết không nhắc lại cụm từ đó ở phần thân, chỉ bàn chuyện khác.",
      citations: [], people: [], organizations: [], provenance: [:], origin: nil),
    Article(
      id: "s3", title: nil, date: nil, source: nil, author: nil, url: nil,
      body: "Chữ ma xuất hiện một mình, và túy cũng vậy, nhưng không liền nhau.",
      citations: [], people: [], organizations: [], provenance: [:], origin: nil),
  ])

  @Test func theDensestSentenceIsChosenAndOnlyWholeMatchesMarked() throws {
    let snippets = Self.store.snippets(of: [0, 1, 2], phrases: [(Phrase("ma tuy"), .titleOrBody)])
    let s1 = try #require(snippets[0])
    // The glued sentence (`biên giới.Sau`) still starts a sentence: the window opens on the
    // sentence holding the first match, not mid-way.
    #expect(s1.text.hasPrefix("Công an tỉnh đã bắt giữ"), "\(s1.text)")
    #expect(s1.marks.count == 2)
    let scalars = Array(s1.text.unicodeScalars)
    for mark in s1.marks {
      #expect(String(String.UnicodeScalarView(scalars[mark])) == "ma túy")
    }
    // The title holds the match: it is the snippet.
    let s2 = try #require(snippets[1])
    #expect(s2.text == "Ma túy tổng hợp tràn lan" && s2.marks == [0..<6])
    // Syllables of the phrase apart are no match, and no part of one is ever marked.
    #expect(snippets[2] == nil)
  }

  @Test func aSnippetIsSelectableInEveryFormat() throws {
    let backend = MemoryBackend(store: Self.store)
    let checked = try Checker.check(
      try Parser.parseStatement("articles where contains \"ma túy\" order by id select id, snippet"), bindings: [:])
    let result = try backend.run(checked, cancellation: nil)
    let json = Renderer(format: .jsonl).render(result)
    #expect(json.contains(#""snippet":{"text":"Ma túy tổng hợp tràn lan","matches":[{"offset":0,"length":6}]}"#), "\(json)")
    let markdown = Renderer(format: .markdown).render(result)
    #expect(markdown.contains("| s2 | **Ma túy** tổng hợp tràn lan |"), "\(markdown)")
    let terminal = Renderer(format: .table, width: 200, color: true).render(result)
    #expect(terminal.contains("\u{1B}[1mMa túy\u{1B}[0m tổng hợp tràn lan"))
    let csv = Renderer(format: .csv).render(result)
    #expect(csv.contains("s2,Ma túy tổng hợp tràn lan\r\n"))
  }

  @Test(arguments: [
    ("articles select snippet", "`snippet` shows the phrases of a `contains` condition, and this query has none"),
    ("articles where not contains \"ma túy\" select snippet", "`snippet` shows the phrases of a `contains` condition"),
    ("articles where snippet contains \"x\"", "`snippet` is made for the rows a query returns; it cannot be used in `where`"),
    ("articles where contains \"x\" order by snippet", "it cannot be used in `order by`"),
    ("count articles by snippet", "it cannot be used in `count ... by`"),
  ])
  func snippetIsRefusedWhereItCannotBeKnown(source: String, message: String) {
    #expect(syntaxDiagnose(source).contains(message), "\(syntaxDiagnose(source))")
  }
}

/// `order by relevance`: the index-driven BM25 against a plain reference that reads the text.
@Suite struct RelevanceTests {
  static let store = ConcordanceTests.store

  /// BM25 as the textbook writes it, from each article's text: counts by scanning syllables.
  static func reference(_ phrases: [String], scope: TextScope = .titleOrBody) -> [Int: Double] {
    let articles = (0..<store.count).map { store.article($0) }
    let lengths = articles.map { Syllables.split($0.title ?? "").count + Syllables.split($0.body).count }
    let average = Double(lengths.reduce(0, +)) / Double(lengths.count)
    var scores: [Int: Double] = [:]
    for text in phrases {
      let phrase = Phrase(text)
      let counts = articles.map { a -> Double in
        let title = Double(ConcordanceTests.scannedStarts(phrase, in: a.title ?? "").count)
        let body = Double(ConcordanceTests.scannedStarts(phrase, in: a.body).count)
        switch scope {
        case .title: return 2 * title
        case .body: return body
        case .titleOrBody: return 2 * title + body
        }
      }
      let n = Double(counts.filter { $0 > 0 }.count)
      guard n > 0 else { continue }
      let N = Double(articles.count)
      let idf = log((N - n + 0.5) / (n + 0.5) + 1)
      for (i, tf) in counts.enumerated() where tf > 0 {
        let norm = 1.2 * (1 - 0.75 + 0.75 * Double(lengths[i]) / average)
        scores[i, default: 0] += idf * tf * 2.2 / (tf + norm)
      }
    }
    return scores
  }

  @Test(arguments: [["an ninh"], ["ma tuy"], ["ma túy", "biên giới"], ["Bộ Công an", "hoà bình", "an"]])
  func theIndexAgreesWithTheReference(phrases: [String]) {
    let expected = Self.reference(phrases)
    let all = DocSet.all(universe: Self.store.count)
    let found = Self.store.fullText.relevance(of: phrases.map { (Phrase($0), .titleOrBody) }, in: all)
    #expect(Set(found.keys) == Set(expected.keys) && !found.isEmpty)
    for (i, score) in expected { #expect(abs((found[i] ?? -1) - score) < 1e-9, "article \(i)") }
  }

  /// The ranking that keeps the best in a heap and passes over articles by a bound is the plain
  /// one: every article scored, those unscored at 0, sorted, cut. Scores are compared exactly.
  @Test(arguments: ["an ninh", "ma túy", "ma tuy", "an", "Bộ Công an", "hoà bình"])
  func theRankingIsTheSortOfEveryScore(text: String) {
    let store = ConcordanceTests.store
    var generator = SplitMix64(seed: 11)
    let some = DocSet(universe: store.count, members: (0..<store.count).filter { _ in generator.next() % 3 == 0 })
    let holding = store.fullText.documents(containing: Phrase(text))
    let plus = DocSet(universe: store.count, members: [0, 1, 2, 3]).union(holding)
    let basis = RelevanceBasis(articles: 90_000, syllables: 90_000 * 400, documents: [4_000])
    for scope in [TextScope.titleOrBody, .title, .body] {
      let phrases = [(Phrase(text), scope)]
      for articles in [DocSet.all(universe: store.count), some, plus] {
        for basis in [nil, basis] {
          var all = store.fullText.relevanceScores(of: phrases, in: articles, basis: basis)
          let scored = DocSet(universe: store.count, members: all.map(\.article))
          all += articles.subtracting(scored).members.map { ($0, 0.0) }
          for highestFirst in [true, false] {
            let sorted = all.sorted { a, b in
              a.score != b.score ? (highestFirst ? a.score > b.score : a.score < b.score) : a.article < b.article
            }
            for first in [1, 3, 10, 50, articles.count, .max] {
              let ranked = store.fullText.relevanceRanking(
                of: phrases, in: articles, basis: basis, first: first, highestFirst: highestFirst)
              #expect(ranked.map(\.article) == sorted.prefix(first).map(\.article), "\(text) \(scope) \(first)")
              #expect(ranked.map(\.score) == sorted.prefix(first).map(\.score), "\(text) \(scope) \(first)")
            }
          }
        }
      }
    }
  }

  /// A `limit` without an order runs the plan over the head of the corpus first: the rows are
  /// those of running it over everything, for rare and common phrases, `or`, `not`, every cut.
  @Test(arguments: [
    "contains \"an\"", "contains \"quốc gia\"", "contains \"tội phạm\" and not contains \"an\"",
    "contains \"NĐ CP\" or year = 2019", "title contains \"thủy\"", "contains \"không có đâu\"",
  ])
  func aLimitWithoutAnOrderGivesTheFirstRows(filter: String) throws {
    let backend = MemoryBackend(store: Self.store)
    for cut in ["limit 0", "limit 1", "limit 5", "limit 20", "limit 3 offset 10", "limit 30"] {
      let source = "articles where \(filter) \(cut) select id, snippet, score"
      guard case .query(let q) = try Checker.check(try Parser.parseStatement(source), bindings: [:]).kind else {
        Issue.record("not a query")
        continue
      }
      let early = try backend.rows(q, cancellation: nil).rows
      let whole = try backend.rows(q, cancellation: nil, early: false).rows
      #expect(early == whole, "\(source)")
    }
    let set = DocSet(universe: 200, members: [3, 64, 130, 199])
    for lo in stride(from: 0, through: 200, by: 7) {
      for hi in stride(from: lo, through: 200, by: 5) {
        #expect(set.hasMembers(in: lo..<hi) == set.members.contains { (lo..<hi).contains($0) }, "\(lo)..<\(hi)")
      }
    }
  }

  @Test func orderByRelevanceIsTheHighestScoreFirst() throws {
    let backend = MemoryBackend(store: Self.store)
    let checked = try Checker.check(
      try Parser.parseStatement("articles where contains \"ma túy\" or contains \"biên giới\" order by relevance limit 20 select id, score"),
      bindings: [:])
    guard case .rows(let rows) = try backend.run(checked, cancellation: nil) else {
      Issue.record("not rows")
      return
    }
    let expected = Self.reference(["ma túy", "biên giới"]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    #expect(rows.rows.map { $0[0] } == expected.prefix(20).map { .text(Self.store.metadata[$0.key].id) })
    for (row, (_, score)) in zip(rows.rows, expected) {
      guard case .decimal(let shown) = row[1] else {
        Issue.record("score is not a number")
        continue
      }
      #expect(abs(shown - score) < 1e-9)
    }
  }

  @Test(arguments: [
    ("articles order by relevance", "relevance is measured against the phrases of a `contains` condition, and this query has none"),
    ("articles where contains \"x\" order by relevance, date", "`order by relevance` (or `score`) is the only order key of a query"),
    ("articles where score > 1", "`score` is made for the rows a query returns; it cannot be used in `where`"),
    ("articles where year = 2021 select score", "`score` measures the phrases of a `contains` condition, and this query has none"),
  ])
  func relevanceNeedsAContainsPhrase(source: String, message: String) {
    #expect(syntaxDiagnose(source).contains(message), "\(syntaxDiagnose(source))")
  }
}

/// `contains "a" near "b"`: distance in syllables, order, sentence and paragraph, from the
/// index's positions and from the text, which agree.
@Suite struct NearTests {
  static let store = ArticleStore(articles: [
    Article(
      id: "n1", title: nil, date: nil, source: nil, author: nil, url: nil,
      body: "Lực lượng công an bắt giữ ba đối tượng mua bán ma túy.Sau đó họ khai nhận.\n\nĐoạn sau nói về biên giới.",
      citations: [], people: [], organizations: [], provenance: [:], origin: nil),
    Article(
      id: "n2", title: "Ma túy và biên giới", date: nil, source: nil, author: nil, url: nil,
      body: "Một câu không liên quan.",
      citations: [], people: [], organizations: [], provenance: [:], origin: nil),
  ])

  /// The one pass over both phrases' postings finds the articles holding both, with every start
  /// of each, as looking each phrase up alone does.
  @Test(arguments: [("an ninh", "công an"), ("an", "ninh"), ("an ninh", "an"), ("ma tuy", "bien gioi"), ("Bộ", "Công an")])
  func cooccurrencesAreEachPhraseFoundAlone(a: String, b: String) {
    let store = ConcordanceTests.store
    let (x, y) = (Phrase(a), Phrase(b))
    for within in [DocSet.all(universe: store.count), DocSet(universe: store.count, members: Array(stride(from: 0, to: store.count, by: 3)))] {
      let both = store.fullText.documents(containing: y, within: store.fullText.documents(containing: x, within: within))
      let first = store.fullText.occurrences(of: x, within: both)
      let second = store.fullText.occurrences(of: y, within: both)
      let found = store.fullText.cooccurrences(of: x, and: y, within: within)
      let firstBy = Dictionary(grouping: first, by: \.article)
      let secondBy = Dictionary(grouping: second, by: \.article)
      #expect(found.articles == both.members, "\(a) near \(b)")
      #expect(found.articles.count > 0, "the corpus should hold \(a) and \(b)")
      for k in found.articles.indices {
        let (xs, ys) = found.starts(k)
        #expect(Array(xs) == (firstBy[found.articles[k]] ?? []).map(\.position))
        #expect(Array(ys) == (secondBy[found.articles[k]] ?? []).map(\.position))
      }
    }
  }

  @Test(arguments: [
    // `bắt giữ` and `ma túy` have 5 syllables between them.
    ("contains \"bắt giữ\" near \"ma túy\"", ["n1"]),
    ("contains \"bắt giữ\" near \"ma túy\" within 5", ["n1"]),
    ("contains \"bắt giữ\" near \"ma túy\" within 4", []),
    ("contains \"ma túy\" near \"bắt giữ\" within 5", ["n1"]),
    ("contains \"ma túy\" near \"bắt giữ\" within 5 ordered", []),
    ("contains \"bat giu\" near \"ma tuy\" within 5 ordered", ["n1"]),
    // The glued `ma túy.Sau` still ends a sentence; the blank line ends a paragraph.
    ("contains \"ma túy\" near \"khai nhận\" within sentence", []),
    ("contains \"ma túy\" near \"khai nhận\" within paragraph", ["n1"]),
    ("contains \"ma túy\" near \"biên giới\" within paragraph", ["n2"]),
    ("contains \"ma túy\" near \"biên giới\" within sentence ordered", ["n2"]),
    ("contains \"công an\" near \"đối tượng\" within sentence", ["n1"]),
    ("not contains \"ma túy\" near \"biên giới\" within 2", ["n1"]),
  ])
  func nearHoldsAsWritten(condition: String, ids: [String]) throws {
    let backend = MemoryBackend(store: Self.store)
    let checked = try Checker.check(try Parser.parseStatement("articles where \(condition) select id"), bindings: [:])
    guard case .rows(let rows) = try backend.run(checked, cancellation: nil) else { return }
    #expect(rows.rows.map { $0[0] } == ids.map { .text($0) })
    // The text's reading agrees with the index's.
    guard case .query(let q) = checked.kind, case .condition(let c)? = q.filter, case .near(let a, let b, let p) = c.test
    else { return }
    let byText = (0..<Self.store.count).filter { i in
      let article = Self.store.article(i)
      return ArticleStore.textHolds(a, near: b, proximity: p, title: article.title, body: article.body)
    }.map { Self.store.metadata[$0].id }
    #expect(byText == ids)
  }

  @Test(arguments: [
    ("articles where contains \"a\" near \"b\"", "articles where contains \"a\" near \"b\""),
    ("articles where contains \"a\" near \"b\" within 10", "articles where contains \"a\" near \"b\""),
    ("articles where CONTAINS \"a\" NEAR \"b\" WITHIN 3 ORDERED and year > 1", "articles where contains \"a\" near \"b\" within 3 ordered and year > 1"),
    ("articles where not contains \"a\" near \"b\" within sentence", "articles where not contains \"a\" near \"b\" within sentence"),
  ])
  func nearPrintsCanonically(source: String, expected: String) throws {
    let statement = try Parser.parseStatement(source)
    #expect(Printer.print(statement) == expected)
    #expect(try Parser.parseStatement(expected).erasingRanges() == statement.erasingRanges())
  }

  @Test(arguments: [
    ("articles where contains \"a\" near", "expected a phrase after `near`"),
    ("articles where contains \"a\" near \"b\" within", "expected a number of syllables, `sentence` or `paragraph` after `within`"),
    ("articles where contains \"a\" near \"b\" within 5000", "`within` takes 0 to 1000 syllables, found 5000"),
    ("people where contains \"a\" near \"b\"", "`contains ... near` applies only to articles, not to people"),
    ("kwic contains \"a\" near \"b\"", "`kwic` centres on one phrase; `near` belongs in its `where` clause"),
  ])
  func nearErrorsArePositioned(source: String, message: String) {
    #expect(syntaxDiagnose(source).contains(message), "\(syntaxDiagnose(source))")
  }
}

/// `collocates`: the counts against a plain reference that reads the bodies, the measures against
/// their formulas, and the language.
@Suite struct CollocatesTests {
  static let store = ConcordanceTests.store

  /// f(x,y), f(y), f(x) and N by reading each body's syllables.
  static func reference(_ text: String, window: Int) -> (together: [String: Int], frequency: [String: Int], node: Int, size: Int) {
    let phrase = Phrase(text)
    var together: [String: Int] = [:]
    var frequency: [String: Int] = [:]
    var node = 0
    var size = 0
    for i in 0..<store.count {
      let syllables = Syllables.split(store.article(i).body).map { Fold.tonedKey($0.unicodeScalars) }
      size += syllables.count
      for s in syllables { frequency[s, default: 0] += 1 }
      for start in ConcordanceTests.scannedStarts(phrase, in: store.article(i).body) {
        node += 1
        let end = start + phrase.bareKeys.count
        for s in max(0, start - window)..<start { together[syllables[s], default: 0] += 1 }
        for s in end..<min(syllables.count, end + window) { together[syllables[s], default: 0] += 1 }
      }
    }
    return (together, frequency, node, size)
  }

  @Test(arguments: [("an ninh", 5), ("ma túy", 3), ("Bộ", 1)])
  func countsAgreeWithTheReference(text: String, window: Int) throws {
    let expected = Self.reference(text, window: window)
    let found = try #require(
      Self.store.collocation(of: Phrase(text), window: window, in: DocSet.all(universe: Self.store.count)))
    #expect(found.occurrences == expected.node && found.syllables == expected.size)
    #expect(found.items.count == expected.together.count)
    for item in found.items {
      #expect(item.together == expected.together[item.key], "\(item.syllable)")
      #expect(item.frequency == expected.frequency[item.key], "\(item.syllable)")
    }
    // Again, from the corpus's syllable counts kept by the first: the same counts.
    let again = try #require(
      Self.store.collocation(of: Phrase(text), window: window, in: DocSet.all(universe: Self.store.count)))
    #expect(again.items.sorted { $0.key < $1.key } == found.items.sorted { $0.key < $1.key })
    #expect(again.syllables == found.syllables && again.occurrences == found.occurrences)
  }

  @Test func measuresFollowTheirFormulas() {
    // f(x,y) = 10, f(x) = 20, f(y) = 50, N = 10,000.
    #expect(abs(Association.logDice(together: 10, node: 20, collocate: 50) - (14 + log2(20.0 / 70))) < 1e-12)
    #expect(abs(Association.mi(together: 10, node: 20, collocate: 50, size: 10_000) - log2(10.0 * 10_000 / 1_000)) < 1e-12)
    // Log-likelihood by hand: O = [10, 10; 40, 9940], E from the margins.
    let o = [10.0, 10, 40, 9940]
    let e = [20.0 * 50 / 10_000, 20.0 * 9950 / 10_000, 9980.0 * 50 / 10_000, 9980.0 * 9950 / 10_000]
    let ll = 2 * zip(o, e).reduce(0.0) { $0 + $1.0 * log($1.0 / $1.1) }
    #expect(abs(Association.ll(together: 10, node: 20, collocate: 50, size: 10_000) - ll) < 1e-9)
  }

  @Test(arguments: [
    ("collocates of \"ma túy\"", "collocates of \"ma túy\""),
    ("COLLOCATES OF \"an ninh\" where year >= 2021 WINDOW 3 BY ll LIMIT 5", "collocates of \"an ninh\" where year >= 2021 window 3 by ll limit 5"),
  ])
  func parsesToCanonicalText(source: String, expected: String) throws {
    let statement = try Parser.parseStatement(source)
    #expect(Printer.print(statement) == expected)
    #expect(try Parser.parseStatement(expected).erasingRanges() == statement.erasingRanges())
  }

  @Test(arguments: [
    ("collocates \"x\"", "expected `of` after `collocates`"),
    ("collocates of \"x\" window 0", "`window` takes 1 to 50 syllables each side, found 0"),
    ("collocates of \"x\" by logdic", "help: did you mean `logdice`?"),
    ("collocates of 5", "`collocates of` takes text"),
  ])
  func errorsArePositioned(source: String, message: String) {
    #expect(syntaxDiagnose(source).contains(message), "\(syntaxDiagnose(source))")
  }
}

/// Two-way counts and counts by a period: the keyed and date-order paths against counting values.
@Suite struct GroupingPathTests {
  static let store = ArticleStore(articles: RandomCorpus.make(count: 800, seed: 5))

  static func run(_ text: String) throws -> QueryResult {
    try MemoryBackend(store: store).run(try Checker.check(try Parser.parseStatement(text), bindings: [:]), cancellation: nil)
  }

  @Test(arguments: [("year", "source"), ("source", "author"), ("title", "year"), ("author", "source")])
  func twoWayCountsCountEveryPair(rows: String, columns: String) throws {
    guard case .crossTab(let t) = try Self.run("count articles by \(rows), \(columns)") else {
      Issue.record("not a cross tab")
      return
    }
    var expected: [String: Int] = [:]
    let rowField = try #require(Schema.field(rows, in: .articles))
    let columnField = try #require(Schema.field(columns, in: .articles))
    for i in 0..<Self.store.count {
      let a = Self.store.article(i)
      expected["\(Schema.value(rowField, of: a))|\(Schema.value(columnField, of: a))", default: 0] += 1
    }
    var found: [String: Int] = [:]
    for cell in t.cells { found["\(cell.row)|\(cell.column)"] = cell.count }
    #expect(found == expected)
    #expect(t.total == Self.store.count && t.rowTotals.reduce(0, +) == Self.store.count)
  }

  @Test(arguments: ["month", "quarter", "week", "day"])
  func periodCountsWalkTheDateOrder(field: String) throws {
    guard case .groups(let g) = try Self.run("count articles by \(field)") else {
      Issue.record("not groups")
      return
    }
    let f = try #require(Schema.field(field, in: .articles))
    var expected: [Value: Int] = [:]
    for i in 0..<Self.store.count { expected[Schema.value(f, of: Self.store.article(i)), default: 0] += 1 }
    for group in g.groups where group.count > 0 { #expect(expected[group.value] == group.count, "\(group.value)") }
    #expect(g.groups.reduce(0) { $0 + $1.count } == Self.store.count)
  }
}
