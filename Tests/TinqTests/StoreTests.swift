import Testing
import TinqCorpus
import TinqExtraction
import TinqFacts
import TinqStore
import TinqText

@Suite struct StoreTests {
  /// Bodies come back from the compact encoding byte for byte, whatever their form.
  @Test(arguments: [
    "Nghị định số 03/2019/NĐ-CP ngày 5-9-2019.\n\nThượng tướng Nguyễn Tân Cương…",
    "  leading spaces, trailing punctuation!!  ",
    "Nghi\u{0323}\u{0302} \u{0111}i\u{0323}nh NFD and NFC Nghị mixed",
    "", "x", "🙂 emoji 漢字 and tabs\tand\r\nCRLF",
  ])
  func bodiesRoundTrip(body: String) {
    let articles = [Article(id: "a", body: body), Article(id: "b", title: "T", body: body + " again")]
    let store = ArticleStore(articles: articles)
    #expect(Array(store.body(of: 0).utf8) == Array(body.utf8))
    #expect(Array(store.article(1).body.utf8) == Array((body + " again").utf8))
    #expect(store.metadata.allSatisfy { $0.body.isEmpty })
  }

  @Test func manySegmentsRoundTrip() {
    let articles = (0..<2500).map { i in Article(id: "a\(i)", body: "Bài số \(i): an ninh quốc gia, hoà bình \(i * 7).") }
    let store = ArticleStore(articles: articles)
    for i in [0, 1, 1023, 1024, 1025, 2047, 2048, 2499] {
      #expect(store.body(of: i) == articles[i].body)
    }
    #expect(store.body(of: 2500) == "")
    #expect(store.fullText.documents(containing: Phrase("hoa binh")).count == 2500)
    #expect(store.fullText.documents(containing: Phrase("Bài số 1024")).members == [1024])
  }

  /// Pieces longer than a cache slot holds, pieces at the very end of a text, and more distinct
  /// pieces than the scanner's cache starts with: all come back byte for byte and are found.
  @Test func longAndManyPiecesRoundTrip() {
    let long = "Supercalifragilisticexpialidocious"
    var articles = [
      Article(id: "long", body: "đầu \(long) ------------------------ \(long)"),
      Article(id: "end", body: "kết thúc \(long)"),
      Article(id: "lead", body: " \t—— dấu trước: \(long)!!!!!!!!!!!!!!!!!!!!"),
    ]
    // 30,000 distinct numbers spread over a few articles: the cache must grow several times.
    for a in 0..<6 {
      articles.append(Article(id: "n\(a)", body: (0..<5000).map { "số\(a * 5000 + $0)" }.joined(separator: a % 2 == 0 ? " " : ", ")))
    }
    let store = ArticleStore(articles: articles)
    for (i, a) in articles.enumerated() {
      #expect(Array(store.body(of: i).utf8) == Array(a.body.utf8), "\(a.id)")
    }
    #expect(store.fullText.documents(containing: Phrase(long)).members == [0, 1, 2])
    // Punctuation takes no position: the two long words stand side by side.
    #expect(store.fullText.documents(containing: Phrase("\(long) \(long)")).members == [0])
    #expect(store.fullText.documents(containing: Phrase("thúc \(long)")).members == [1])
    #expect(store.fullText.documents(containing: Phrase("số29999")).members == [8])
    #expect(store.fullText.documents(containing: Phrase("so12345")).members == [5])
  }

  /// Loose spellings of a document number, and what they must not match.
  @Test(arguments: [
    ("03/2019/NĐ-CP", "03/2019/NĐ-CP", true), ("3/2019/nd-cp", "03/2019/NĐ-CP", true),
    ("Nghị định số 03/2019/NĐ-CP", "03/2019/NĐ-CP", true), ("ND 03/2019", "03/2019/NĐ-CP", true),
    ("03", "03/2019/NĐ-CP", true), ("04/2019/NĐ-CP", "03/2019/NĐ-CP", false), ("03/2020/NĐ-CP", "03/2019/NĐ-CP", false),
    ("28-NQ/TW", "28/NQ-CP", false), ("28/NQ-CP", "28-NQ/TW", false), ("28-nq/tw", "28-NQ/TW", true),
    ("Quyết định 77", "77/QĐ-UBND", true), ("Nghị định 77", "77/QĐ-UBND", false), ("QĐ 77", "77/QĐ-UBND", true),
  ])
  func citationPatterns(typed: String, document: String, matches: Bool) throws {
    let q = try #require(CitationPattern.parse(typed))
    let d = try #require(CitationPattern.parse(document))
    #expect(q.matches(d) == matches)
  }

  @Test func docSetAlgebra() {
    let a = DocSet(universe: 130, members: [0, 5, 64, 129])
    let b = DocSet(universe: 130, members: [5, 64, 100])
    #expect(a.intersection(b).members == [5, 64])
    #expect(a.union(b).members == [0, 5, 64, 100, 129])
    #expect(a.subtracting(b).members == [0, 129])
    #expect(a.complement().count == 126)
    #expect(DocSet.all(universe: 130).count == 130)
  }
}
